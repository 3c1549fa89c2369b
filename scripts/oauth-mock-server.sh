#!/usr/bin/env bash
# oauth-mock-server.sh — a real third-party OAuth 2 authorization server
# (npm oauth2-mock-server 8.2.3, in scripts/oauth-mock-server/) on 127.0.0.1
# whose tokens the private Postfix + Dovecot of scripts/postfix-test-server.sh
# accepts, for the tests in tests/postfix/oauth_mock.rs and for trying
# `mailtester --oauth ... --authority URL` by hand. Needs Node.js >= 20.19 and
# npm; `start` needs write access to that Postfix's DIR/etc (root, as Postfix).
#
# Usage:
#   scripts/oauth-mock-server.sh install        # npm ci in scripts/oauth-mock-server
#   scripts/oauth-mock-server.sh start  [DIR]   # (re)start, print env file path
#   scripts/oauth-mock-server.sh stop   [DIR]
#
# DIR defaults to ${MAILTESTER_OAUTH_MOCK_DIR:-$PWD/target/oauth-mock}: pid,
# server.log, info (what the server wrote once listening), public.pem (its
# signing key's public half), env.
# The Postfix instance is the one whose env file is ${MAILTESTER_POSTFIX_ENV:-
# ${MAILTESTER_POSTFIX_DIR:-$PWD/target/postfix-test}/env}: start Postfix
# first. `start` takes the token issuer and scope from that file and copies
# the mock's public key into Dovecot's key directory there,
# etc/oauth2-keys/default/RS256/<kid> (the kid is random, new on each start).
# Dovecot reads a key file the first time a token names its kid, so no
# restart is needed (checked with Dovecot 2.3.19.1, also after a token with
# that kid had failed before the file was there). `stop` removes the key
# again. Restarting Postfix wipes its etc/, the key with it: start the mock
# again after that.
#
# The server (scripts/oauth-mock-server/server.mjs) listens on 127.0.0.1, port
# MAILTESTER_OAUTH_MOCK_PORT (default 0: any free port), and serves the
# library's endpoints (/authorize, /token, /jwks, /.well-known/openid-
# configuration, ...) plus the paths our client builds from an authority:
#   /<tenant>/oauth2/v2.0/token, /<tenant>/oauth2/v2.0/authorize  (Microsoft)
#   /o/oauth2/v2/auth (Google's sign-in page; its token path is /token)
# Every grant it knows (client_credentials, authorization_code with PKCE,
# refresh_token, password) gets a JWT Dovecot accepts: typ JWT, the kid, iss
# and scope from the Postfix env file, email = sub = the login_hint sent to
# /authorize for that code (kept for its refresh tokens), else
# user@test.example (MAILTESTER_OAUTH_MOCK_MAILBOX); exp in one hour. The
# library checks PKCE when the token request carries a code_verifier: it must
# match the code_challenge (S256 or plain) sent to /authorize for that code.
# It checks no client secret, no redirect_uri and, without a code_verifier,
# not even the code.
#
# `start` writes DIR/env (KEY=VALUE lines, also shell-sourceable):
#   MAILTESTER_OAUTH_MOCK_URL (http://127.0.0.1:PORT, the --authority),
#   MAILTESTER_OAUTH_MOCK_KID, MAILTESTER_OAUTH_MOCK_MAILBOX (the default
#   email claim), MAILTESTER_OAUTH_MOCK_KEY (the key file given to Dovecot),
#   MAILTESTER_OAUTH_MOCK_LOG (the server's log: one line per request, paths
#   only), MAILTESTER_OAUTH_MOCK_POSTFIX_ENV (the Postfix env file used).
#
# Example:
#   sudo scripts/postfix-test-server.sh start
#   scripts/oauth-mock-server.sh install
#   env=$(sudo scripts/oauth-mock-server.sh start | tail -n1) && . "$env"
#   MT_SECRET=anything cargo run -- send --host 127.0.0.1 --port 12587 \
#     --enable-ssl true --user user@test.example --from user@test.example \
#     --ca-file target/postfix-test/tls/ca.pem --oauth microsoft \
#     --tenant contoso --client-id some-app --client-secret-env MT_SECRET \
#     --authority "$MAILTESTER_OAUTH_MOCK_URL"
set -euo pipefail

readonly HOST=127.0.0.1
readonly PORT=${MAILTESTER_OAUTH_MOCK_PORT:-0}
readonly MAILBOX=${MAILTESTER_OAUTH_MOCK_MAILBOX:-user@test.example}
APP=$(cd "$(dirname "${BASH_SOURCE[0]}")/oauth-mock-server" && pwd)
readonly APP
readonly NODE_MIN=(20 19) # oauth2-mock-server 8.2.3: node ^20.19 || ^22.12 || ^24
readonly START_TIMEOUT_TENTHS=200 # readiness wait: 20 s, polled every 0.1 s
readonly STOP_TIMEOUT_TENTHS=50   # 5 s after SIGTERM, then SIGKILL
readonly MARKER=.oauth-mock-server # marks a DIR made by this script

log() { printf 'oauth-mock-server: %s\n' "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

usage() {
	sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0" >&2
	exit 2
}

need_node() {
	command -v node >/dev/null || die "node not found (Node.js >= ${NODE_MIN[0]}.${NODE_MIN[1]} needed)"
	local version major minor
	version=$(node --version)
	IFS=. read -r major minor _ <<<"${version#v}"
	if ((major < NODE_MIN[0] || (major == NODE_MIN[0] && minor < NODE_MIN[1]))); then
		die "node $version is too old (oauth2-mock-server 8.2.3 needs >= ${NODE_MIN[0]}.${NODE_MIN[1]})"
	fi
}

# ---------------------------------------------------------------- install

cmd_install() {
	need_node
	command -v npm >/dev/null || die "npm not found"
	# Exactly what package-lock.json says; node_modules is not committed.
	(cd "$APP" && npm ci --no-audit --no-fund --loglevel=error) >&2 ||
		die "npm ci failed in $APP"
	log "installed: $(cd "$APP" && node -p 'require("./node_modules/oauth2-mock-server/package.json").version' 2>/dev/null || echo '?') in $APP/node_modules"
}

# ------------------------------------------------------------ directories

resolve_dir() {
	local dir=${1:-${MAILTESTER_OAUTH_MOCK_DIR:-$PWD/target/oauth-mock}}
	dir=$(realpath -m -- "$dir")
	# Paths end up unquoted in the env file.
	[[ $dir =~ ^/[A-Za-z0-9._/+@-]*$ ]] ||
		die "DIR must be a path of letters, digits and ._/+@- only: $dir"
	printf '%s\n' "$dir"
}

postfix_env_file() {
	printf '%s\n' "${MAILTESTER_POSTFIX_ENV:-${MAILTESTER_POSTFIX_DIR:-$PWD/target/postfix-test}/env}"
}

# The value of KEY in the KEY=VALUE file $1 (empty when missing).
env_value() {
	[[ -r $1 ]] || return 0
	sed -n "s/^$2=//p" "$1" | tail -n 1
}

pid_alive() {
	local stat
	stat=$(ps -o stat= -p "$1" 2>/dev/null || true)
	[[ -n $stat && $stat != Z* ]]
}

# The server's pid if DIR/pid names a live process running our server.mjs
# (guards against a stale file and a recycled pid).
server_pid() {
	local file=$1/pid pid
	[[ -r $file ]] || return 1
	pid=$(tr -dc '0-9' <"$file")
	[[ -n $pid ]] && pid_alive "$pid" &&
		[[ $(ps -o args= -p "$pid" 2>/dev/null || true) == *"$APP/server.mjs"* ]] &&
		printf '%s\n' "$pid"
}

LOCKED=0
lock_dir() {
	[[ $LOCKED -eq 1 ]] && return 0
	exec 9>"$1/.lock"
	flock -w 60 9 || die "another start/stop holds $1/.lock"
	LOCKED=1
}

# True when GET /.well-known/openid-configuration on port $1 answers 200.
discovery_ok() {
	(
		exec 3<>"/dev/tcp/$HOST/$1"
		printf 'GET /.well-known/openid-configuration HTTP/1.0\r\nHost: %s:%s\r\n\r\n' "$HOST" "$1" >&3
		IFS= read -r -t 2 line <&3
		[[ $line == 'HTTP/1.'[01]' 200'* ]]
	) 2>/dev/null
}

# ---------------------------------------------------------------- commands

cmd_stop() {
	local dir pid i key
	dir=$(resolve_dir "${1:-}")
	[[ -e $dir/$MARKER ]] || {
		[[ -n ${STARTING:-} ]] || log "not running in $dir"
		return 0
	}
	lock_dir "$dir"
	if pid=$(server_pid "$dir"); then
		kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < STOP_TIMEOUT_TENTHS; i++)); do
			pid_alive "$pid" || break
			sleep 0.1
		done
		if pid_alive "$pid"; then
			log "still alive after $((STOP_TIMEOUT_TENTHS / 10)) s; sending SIGKILL"
			kill -KILL "$pid" 2>/dev/null || true
		fi
		log "stopped in $dir"
	elif [[ -z ${STARTING:-} ]]; then
		log "not running in $dir"
	fi
	# The key this instance gave Dovecot (gone already if Postfix restarted).
	key=$(env_value "$dir/env" MAILTESTER_OAUTH_MOCK_KEY)
	[[ -n $key && $key == */oauth2-keys/default/RS256/* ]] && rm -f -- "$key"
	rm -f "$dir/pid" "$dir/env"
}

cmd_start() {
	need_node
	[[ -d $APP/node_modules/oauth2-mock-server ]] ||
		die "oauth2-mock-server is not installed; run: $0 install"
	local dir postfix_env
	dir=$(resolve_dir "${1:-}")
	[[ $PORT =~ ^[0-9]{1,5}$ ]] && ((PORT <= 65535)) || die "bad port: $PORT"
	# Values end up unquoted in the env file.
	[[ $MAILBOX =~ ^[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+$ ]] || die "bad mailbox: $MAILBOX"

	postfix_env=$(realpath -m -- "$(postfix_env_file)")
	[[ -r $postfix_env ]] ||
		die "no Postfix env file at $postfix_env; start Postfix first (scripts/postfix-test-server.sh start) or set MAILTESTER_POSTFIX_ENV"
	local issuer scope postfix_dir keys
	issuer=$(env_value "$postfix_env" MAILTESTER_POSTFIX_OAUTH_ISSUER)
	scope=$(env_value "$postfix_env" MAILTESTER_POSTFIX_OAUTH_SCOPE)
	postfix_dir=$(env_value "$postfix_env" MAILTESTER_POSTFIX_DIR)
	[[ -n $issuer && -n $scope && -n $postfix_dir ]] ||
		die "$postfix_env lacks MAILTESTER_POSTFIX_OAUTH_ISSUER, _OAUTH_SCOPE or _DIR (Postfix started by an older script?)"
	keys=$postfix_dir/etc/oauth2-keys/default/RS256
	[[ -d $keys ]] || die "no Dovecot key directory $keys; is that Postfix running?"
	[[ -w $keys ]] || die "cannot write to $keys (owned by $(stat -c %U "$keys")); run as root, as Postfix was"

	if [[ -d $dir && ! -e $dir/$MARKER && -n $(ls -A "$dir") ]]; then
		die "refusing to use $dir: not empty and not made by this script"
	fi
	mkdir -p "$dir"
	touch "$dir/$MARKER"
	lock_dir "$dir"
	cmd_stop "$dir" 2>/dev/null
	rm -f "$dir/info" "$dir/public.pem" "$dir/server.log"

	# Not a child of the caller's pipes (`$(... | tail -n1)` would wait for
	# it) nor of the lock (9>&-).
	node "$APP/server.mjs" --host "$HOST" --port "$PORT" \
		--issuer "$issuer" --scope "$scope" --mailbox "$MAILBOX" \
		--public-key-out "$dir/public.pem" --info-out "$dir/info" \
		</dev/null >>"$dir/server.log" 2>&1 9>&- &
	local pid=$! i port=''
	printf '%s\n' "$pid" >"$dir/pid"
	for ((i = 0; i < START_TIMEOUT_TENTHS; i++)); do
		port=$(env_value "$dir/info" PORT)
		[[ -n $port ]] && discovery_ok "$port" && break
		pid_alive "$pid" || break # it died: no point waiting
		port=''
		sleep 0.1
	done
	if [[ -z $port ]]; then
		tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
		kill -TERM "$pid" 2>/dev/null || true
		die "the server did not answer on $HOST within $((START_TIMEOUT_TENTHS / 10)) s; see $dir/server.log"
	fi

	local kid key
	kid=$(env_value "$dir/info" KID)
	[[ $kid =~ ^[A-Za-z0-9_-]+$ && -s $dir/public.pem ]] || die "the server wrote no usable kid or key; see $dir/server.log"
	key=$keys/$kid
	cp "$dir/public.pem" "$key.tmp"
	chmod 0644 "$key.tmp"
	mv -f "$key.tmp" "$key"

	cat >"$dir/env.tmp" <<-EOF
		MAILTESTER_OAUTH_MOCK_URL=http://$HOST:$port
		MAILTESTER_OAUTH_MOCK_KID=$kid
		MAILTESTER_OAUTH_MOCK_MAILBOX=$MAILBOX
		MAILTESTER_OAUTH_MOCK_KEY=$key
		MAILTESTER_OAUTH_MOCK_LOG=$dir/server.log
		MAILTESTER_OAUTH_MOCK_POSTFIX_ENV=$postfix_env
	EOF
	mv "$dir/env.tmp" "$dir/env"
	log "running: http://$HOST:$port (pid $pid), key $kid given to Dovecot in $keys"
	printf '%s\n' "$dir/env"
}

main() {
	local cmd=${1:-}
	[[ $# -gt 0 ]] && shift
	[[ $# -le 1 ]] || usage
	case $cmd in
	install) [[ $# -eq 0 ]] || usage; cmd_install ;;
	start) cmd_start "$@" ;;
	stop) cmd_stop "$@" ;;
	-h | --help | help) usage ;;
	*) usage ;;
	esac
}

main "$@"
