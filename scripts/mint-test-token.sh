#!/usr/bin/env bash
# mint-test-token.sh — a JWT (RS256) that the private Postfix + Dovecot of
# scripts/postfix-test-server.sh accepts for SMTP AUTH XOAUTH2 / OAUTHBEARER
# (and IMAP after STARTTLS), for trying them by hand. Prints the token.
#
# Usage:
#   scripts/mint-test-token.sh [--env FILE] [--user U] [--expired]
#                              [--scope S] [--issuer I] [--kid K]
#                              [--bad-signature]
#
#   --env FILE       the server's env file (default: $MAILTESTER_POSTFIX_ENV,
#                    else ${MAILTESTER_POSTFIX_DIR:-$PWD/target/postfix-test}/env)
#   --user U         the email claim (default: MAILTESTER_POSTFIX_USER); the
#                    SASL user must be the same, or Dovecot refuses the token
#   --expired        exp one hour ago (iat two hours ago)
#   --scope S        the scope claim (default: MAILTESTER_POSTFIX_OAUTH_SCOPE)
#   --issuer I       the iss claim (default: MAILTESTER_POSTFIX_OAUTH_ISSUER)
#   --kid K          the header's kid (default: MAILTESTER_POSTFIX_OAUTH_KID)
#   --bad-signature  sign with a throwaway key instead of the server's
#
# The signing key is MAILTESTER_POSTFIX_OAUTH_KEY (readable by root only,
# like the server's other keys). Claims: sub and email (the user), iss, aud
# ("mailtester", not checked), scope, iat (now), exp (in one hour). Example:
#   tok=$(sudo scripts/mint-test-token.sh)
#   printf 'user=%s\1auth=Bearer %s\1\1' user@test.example "$tok" | base64 -w0
set -euo pipefail

usage() {
	sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0" >&2
	exit 2
}

env_file=${MAILTESTER_POSTFIX_ENV:-${MAILTESTER_POSTFIX_DIR:-$PWD/target/postfix-test}/env}
user='' scope='' issuer='' kid='' expired=0 bad_signature=0
while [[ $# -gt 0 ]]; do
	case $1 in
	--env) env_file=${2:?}; shift ;;
	--user) user=${2:?}; shift ;;
	--scope) scope=${2:?}; shift ;;
	--issuer) issuer=${2:?}; shift ;;
	--kid) kid=${2:?}; shift ;;
	--expired) expired=1 ;;
	--bad-signature) bad_signature=1 ;;
	*) usage ;;
	esac
	shift
done

[[ -r $env_file ]] || {
	echo "mint-test-token: no env file $env_file; run scripts/postfix-test-server.sh start" >&2
	exit 1
}
# The env file's values hold no spaces or quotes: plain KEY=VALUE lines.
var() { sed -n "s/^$1=//p" "$env_file" | tail -n1; }
key=$(var MAILTESTER_POSTFIX_OAUTH_KEY)
[[ -n $key ]] || {
	echo "mint-test-token: $env_file has no MAILTESTER_POSTFIX_OAUTH_KEY (restart the server)" >&2
	exit 1
}
user=${user:-$(var MAILTESTER_POSTFIX_USER)}
scope=${scope:-$(var MAILTESTER_POSTFIX_OAUTH_SCOPE)}
issuer=${issuer:-$(var MAILTESTER_POSTFIX_OAUTH_ISSUER)}
kid=${kid:-$(var MAILTESTER_POSTFIX_OAUTH_KID)}

# JSON strings: escape backslash and double quote (enough for these values).
json() {
	local s=${1//\\/\\\\}
	printf '"%s"' "${s//\"/\\\"}"
}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
if [[ $expired -eq 1 ]]; then
	iat=$((now - 7200)) exp=$((now - 3600))
else
	iat=$now exp=$((now + 3600))
fi
header="{\"alg\":\"RS256\",\"typ\":\"JWT\""
[[ -n $kid ]] && header+=",\"kid\":$(json "$kid")"
header+='}'
claims="{\"sub\":$(json "$user"),\"email\":$(json "$user"),\"iss\":$(json "$issuer")"
claims+=",\"aud\":\"mailtester\",\"scope\":$(json "$scope"),\"iat\":$iat,\"exp\":$exp}"

signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
if [[ $bad_signature -eq 1 ]]; then
	tmp=$(mktemp)
	trap 'rm -f "$tmp"' EXIT
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp" 2>/dev/null
	key=$tmp
fi
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s\n' "$signing_input" "$signature"
