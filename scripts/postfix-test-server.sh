#!/usr/bin/env bash
# postfix-test-server.sh — a private Postfix 3.7 + Dovecot 2.3 (SASL auth for
# Postfix, and IMAP) on unprivileged 127.0.0.1 ports, for the integration
# tests and for trying `mailtester` by hand. Needs root (Postfix's master and
# Dovecot drop privileges themselves); needs no systemd and no syslog.
#
# Usage:
#   scripts/postfix-test-server.sh install        # apt packages (idempotent)
#   scripts/postfix-test-server.sh start  [DIR]   # (re)start, print env file path
#   scripts/postfix-test-server.sh stop   [DIR]
#   scripts/postfix-test-server.sh status [DIR]   # exit 0 running, 3 stopped
#
# DIR defaults to ${MAILTESTER_POSTFIX_DIR:-$PWD/target/postfix-test}. Every
# file lives there: etc/ (configs), spool/ (queue), data/, log/ (postfix.log,
# dovecot.log, daemons.log), tls/ (test CA + server certificate and the OAuth
# signing key, kept across restarts), mail/ (maildirs), run/dovecot/ (Dovecot
# base_dir), env.
# `start` wipes the queue, the maildirs and the logs, so each start is fresh.
#
# Listeners (ports from the environment, defaults shown):
#   MAILTESTER_POSTFIX_PLAIN_PORT=12525       MX-style: no AUTH, STARTTLS offered
#   MAILTESTER_POSTFIX_SUBMISSION_PORT=12587  STARTTLS required, then AUTH
#   MAILTESTER_POSTFIX_SMTPS_PORT=12465       implicit TLS, AUTH
#   MAILTESTER_POSTFIX_IMAP_PORT=12143        IMAP (Dovecot), STARTTLS offered;
#                                             LOGIN/AUTHENTICATE before it: NO
#   MAILTESTER_POSTFIX_IMAPS_PORT=12993       IMAP, implicit TLS
# Users (domain test.example, delivered to maildirs under DIR/mail, the same
# names and passwords for SMTP AUTH and IMAP login):
#   user@test.example   password: Secr3t&<"pass
#   other@test.example  password: 0ther-pass
# SMTP AUTH offers PLAIN LOGIN XOAUTH2 OAUTHBEARER (on the submission port
# only after STARTTLS). IMAP offers them too; like LOGIN, they fail there
# before STARTTLS. For both users, the OAuth mechanisms take a JWT that
# Dovecot checks itself, offline, signed RS256 with the key DIR/tls/oauth.key
# (PKCS#8 PEM, RSA 2048, made once and kept like the CA):
#   header  {"alg":"RS256","typ":"JWT","kid":"mailtester-test"} (typ and this
#           kid required: the public key is found by kid)
#   sub     anything                  email  the SASL user name (a token for
#   exp     future Unix time                 another user fails; any case)
#   iss     https://auth.test.example
#   scope   a string, space-separated, holding https://mail.test.example/smtp
#   iat, nbf  optional, not in the future; aud optional, not checked; no azp
#           (Dovecot would look for the key under that client id).
# A refused token gets "334 <base64 JSON>" (XOAUTH2: {"status":"401",
# "schemes":"bearer","scope":"mail"}; OAUTHBEARER: {"status":"invalid_token"}),
# then "535 5.7.8" once the client answers it (XOAUTH2: an empty line,
# OAUTHBEARER: AQ==, i.e. ^A); a token without the email claim gets 535 at
# once. dovecot.log says why ("oauth2 failed: Local validation failed: ...").
# An AUTH line longer than 2048 characters is cut short (535 "Invalid base64
# data in initial response"): send long tokens after an empty "334 " instead
# (up to 12288 characters). scripts/mint-test-token.sh mints tokens by hand.
# Mail to junk@test.example (no login of its own) lands in user@test.example's
# "Junk" folder (IMAP special-use \Junk); Sent and Trash exist there too.
# Dovecot moves messages from new/ to cur/ when an IMAP client selects a folder.
# Mail to any other domain is rejected without AUTH (554 Relay access denied),
# and accepted after AUTH, then silently dropped: nothing leaves the machine.
#
# `start` writes DIR/env (KEY=VALUE lines, also shell-sourceable):
#   MAILTESTER_POSTFIX_HOST, MAILTESTER_POSTFIX_PLAIN_PORT,
#   MAILTESTER_POSTFIX_SUBMISSION_PORT, MAILTESTER_POSTFIX_SMTPS_PORT,
#   MAILTESTER_POSTFIX_IMAP_PORT, MAILTESTER_POSTFIX_IMAPS_PORT,
#   MAILTESTER_POSTFIX_CA (CA certificate, PEM), MAILTESTER_POSTFIX_MAILDIR
#   (user@test.example's maildir new/), MAILTESTER_POSTFIX_USER,
#   MAILTESTER_POSTFIX_JUNK_RCPT (junk@test.example, see above),
#   MAILTESTER_POSTFIX_DIR, MAILTESTER_POSTFIX_LOG (Postfix's log file),
#   MAILTESTER_POSTFIX_OAUTH_KEY (the JWT signing key, PKCS#8 PEM, RSA 2048),
#   MAILTESTER_POSTFIX_OAUTH_KID (the JWT header's kid),
#   MAILTESTER_POSTFIX_OAUTH_ISSUER (the iss claim),
#   MAILTESTER_POSTFIX_OAUTH_SCOPE (a scope the scope claim must hold).
# The password is not in the file (its quoting would differ between the two
# readers); see above.
#
# Example:
#   sudo scripts/postfix-test-server.sh install
#   env=$(sudo scripts/postfix-test-server.sh start | tail -n1) && . "$env"
#   swaks --server "$MAILTESTER_POSTFIX_HOST:$MAILTESTER_POSTFIX_SUBMISSION_PORT" \
#     --tls --auth LOGIN --auth-user user@test.example \
#     --auth-password 'Secr3t&<"pass' --to user@test.example
#   # swaks knows no XOAUTH2; this gets "235 2.7.0 Authentication successful":
#   tok=$(sudo scripts/mint-test-token.sh)
#   printf 'EHLO me\r\nAUTH XOAUTH2 %s\r\nQUIT\r\n' \
#     "$(printf 'user=user@test.example\1auth=Bearer %s\1\1' "$tok" | base64 -w0)" |
#     openssl s_client -quiet -CAfile "$MAILTESTER_POSTFIX_CA" \
#       -connect "$MAILTESTER_POSTFIX_HOST:$MAILTESTER_POSTFIX_SMTPS_PORT"
set -euo pipefail

readonly HOST=127.0.0.1
readonly PLAIN_PORT=${MAILTESTER_POSTFIX_PLAIN_PORT:-12525}
readonly SUBMISSION_PORT=${MAILTESTER_POSTFIX_SUBMISSION_PORT:-12587}
readonly SMTPS_PORT=${MAILTESTER_POSTFIX_SMTPS_PORT:-12465}
readonly IMAP_PORT=${MAILTESTER_POSTFIX_IMAP_PORT:-12143}
readonly IMAPS_PORT=${MAILTESTER_POSTFIX_IMAPS_PORT:-12993}
readonly PORTS=("$PLAIN_PORT" "$SUBMISSION_PORT" "$SMTPS_PORT" "$IMAP_PORT" "$IMAPS_PORT")
readonly DOMAIN=test.example
readonly USER_NAME=user@test.example
readonly USER_PASSWORD='Secr3t&<"pass'
readonly OTHER_NAME=other@test.example
readonly OTHER_PASSWORD='0ther-pass'
readonly JUNK_RCPT=junk@test.example # delivered into USER_NAME's Junk folder
# libnet-ssleay-perl is only a Recommends of swaks, but `swaks --tls` needs it;
# procps (ps) is missing from minimal Debian images.
readonly PACKAGES=(postfix dovecot-core dovecot-imapd openssl swaks libnet-ssleay-perl procps)
readonly START_TIMEOUT_TENTHS=200 # readiness wait: 20 s, polled every 0.1 s
readonly STOP_TIMEOUT_TENTHS=100  # per stop phase: 10 s
readonly MARKER=.postfix-test-server # marks a DIR made by this script
# A file under DIR/etc that is never created: dovecot.log names it when an
# IMAP client sends a password or an OAuth token before STARTTLS (see
# render_dovecot).
readonly NO_PLAINTEXT_FILE=imap-login-refused-without-tls
# OAuth (XOAUTH2, OAUTHBEARER): the JWT signing key under DIR/tls, and what
# Dovecot requires of a token (see the header comment).
readonly OAUTH_KEY_FILE=oauth.key
readonly OAUTH_KID=mailtester-test
readonly OAUTH_ISSUER=https://auth.test.example
readonly OAUTH_SCOPE=https://mail.test.example/smtp

log() { printf 'postfix-test-server: %s\n' "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

usage() {
	sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0" >&2
	exit 2
}

need_root() {
	[[ $(id -u) -eq 0 ]] || die "must run as root (Postfix's master and Dovecot drop privileges themselves)"
}

# ---------------------------------------------------------------- install

package_installed() {
	[[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true) == 'install ok installed' ]]
}

package_has_candidate() {
	local candidate
	candidate=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }')
	[[ -n $candidate && $candidate != '(none)' ]]
}

apt_install() {
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
		install -y --no-install-recommends "$@" </dev/null
}

cmd_install() {
	need_root
	local missing=() pkg
	for pkg in "${PACKAGES[@]}"; do
		package_installed "$pkg" || missing+=("$pkg")
	done
	if [[ ${#missing[@]} -eq 0 ]]; then
		log "already installed: ${PACKAGES[*]}"
		return 0
	fi

	# "No configuration": the package writes no /etc/postfix/main.cf and
	# starts no system instance on port 25.
	echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections

	# Keep the maintainer scripts from starting system daemons (Dovecot
	# would otherwise start with /etc/dovecot). Docker images usually ship
	# such a policy already; add a temporary one only when there is none.
	if [[ ! -e /usr/sbin/policy-rc.d ]]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod 0755 /usr/sbin/policy-rc.d
		trap 'rm -f /usr/sbin/policy-rc.d' EXIT
	fi

	local stale=0
	for pkg in "${missing[@]}"; do
		package_has_candidate "$pkg" || stale=1
	done
	if [[ $stale -eq 1 ]]; then
		apt-get -o DPkg::Lock::Timeout=600 update </dev/null
		apt_install "${missing[@]}"
	elif ! apt_install "${missing[@]}"; then
		# Package lists present but outdated (404 on download): refresh once.
		apt-get -o DPkg::Lock::Timeout=600 update </dev/null
		apt_install "${missing[@]}"
	fi
	log "installed: ${missing[*]}"
}

# ------------------------------------------------------------ directories

resolve_dir() {
	local dir=${1:-${MAILTESTER_POSTFIX_DIR:-$PWD/target/postfix-test}}
	dir=$(realpath -m -- "$dir")
	# Paths end up unquoted in main.cf, dovecot.conf and the env file.
	[[ $dir =~ ^/[A-Za-z0-9._/+@-]*$ ]] ||
		die "DIR must be a path of letters, digits and ._/+@- only: $dir"
	printf '%s\n' "$dir"
}

# A process is alive when ps shows it and it is not a zombie (stopped
# daemons can linger as zombies for a moment before being reaped).
pid_alive() {
	local stat
	stat=$(ps -o stat= -p "$1" 2>/dev/null || true)
	[[ -n $stat && $stat != Z* ]]
}

# The pid in a pid file if that process is alive and runs the command
# named $2 (guards against a stale file and a recycled pid).
live_pid() {
	local file=$1 comm=$2 pid
	[[ -r $file ]] || return 1
	pid=$(tr -dc '0-9' <"$file")
	[[ -n $pid ]] && pid_alive "$pid" &&
		[[ $(ps -o comm= -p "$pid" 2>/dev/null || true) == "$comm" ]] &&
		printf '%s\n' "$pid"
}

postfix_pid() { live_pid "$1/spool/pid/master.pid" master; }
dovecot_pid() { live_pid "$1/run/dovecot/master.pid" dovecot; }

children_of() { ps -o pid= --ppid "$1" 2>/dev/null | tr -d ' ' || true; }

# Wait (bounded) until none of the given pids is alive; true if they all went.
wait_gone() {
	local i pid alive
	for ((i = 0; i < STOP_TIMEOUT_TENTHS; i++)); do
		alive=0
		for pid in "$@"; do
			if pid_alive "$pid"; then
				alive=1
				break
			fi
		done
		[[ $alive -eq 0 ]] && return 0
		sleep 0.1
	done
	return 1
}

# Serialize start/stop on one DIR (e.g. two test binaries starting it at
# once). Daemons must not inherit fd 9 (9>&-), or they would hold the lock
# for ever.
LOCKED=0
lock_dir() {
	[[ $LOCKED -eq 1 ]] && return 0
	exec 9>"$1/.lock"
	flock -w 120 9 || die "another start/stop holds $1/.lock"
	LOCKED=1
}

port_open() { (: <>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# True when the port answers with a 220 greeting within 2 s.
smtp_banner() {
	(
		exec 3<>"/dev/tcp/$HOST/$1"
		IFS= read -r -t 2 line <&3
		printf 'QUIT\r\n' >&3
		[[ $line == 220* ]]
	) 2>/dev/null
}

# True when the port answers with an IMAP "* OK" greeting within 2 s.
imap_banner() {
	(
		exec 3<>"/dev/tcp/$HOST/$1"
		IFS= read -r -t 2 line <&3
		printf 'a LOGOUT\r\n' >&3
		[[ $line == '* OK'* ]]
	) 2>/dev/null
}

# Waits (bounded, polled every 0.1 s) until the check $1 passes; stops early when
# the daemon found by `$2 DIR` (DIR = $3) died. On failure shows the end of the
# log $4 and dies with the message $5.
wait_ready() {
	local check=$1 alive=$2 dir=$3 log_file=$4 message=$5 i
	for ((i = 0; i < START_TIMEOUT_TENTHS; i++)); do
		"$check" && return 0
		"$alive" "$dir" >/dev/null || break # the daemon died: no point waiting
		sleep 0.1
	done
	tail -n 20 "$log_file" >&2 2>/dev/null || true
	die "$message"
}

# --------------------------------------------------------------- rendering

make_certs() {
	local tls=$1/tls
	if [[ -s $tls/ca.pem && -s $tls/server.pem && -s $tls/server.key ]] &&
		openssl verify -CAfile "$tls/ca.pem" "$tls/server.pem" >/dev/null 2>&1 &&
		openssl x509 -checkend 86400 -noout -in "$tls/server.pem" >/dev/null 2>&1; then
		return 0 # still valid: keep it, so a CA copied elsewhere keeps working
	fi
	rm -rf "$tls"
	mkdir -p "$tls"
	# Own config files: the system openssl.cnf would add its own v3_ca
	# extensions and clash with ours.
	cat >"$tls/ca.cnf" <<-'EOF'
		[req]
		prompt = no
		distinguished_name = dn
		x509_extensions = ca_ext
		[dn]
		O = mailtester tests
		CN = mailtester test CA
		[ca_ext]
		basicConstraints = critical, CA:TRUE
		keyUsage = critical, keyCertSign, cRLSign
		subjectKeyIdentifier = hash
	EOF
	cat >"$tls/server.cnf" <<-'EOF'
		[req]
		prompt = no
		distinguished_name = dn
		[dn]
		O = mailtester tests
		CN = localhost
		[server_ext]
		basicConstraints = critical, CA:FALSE
		keyUsage = critical, digitalSignature, keyEncipherment
		extendedKeyUsage = serverAuth
		subjectAltName = DNS:localhost, IP:127.0.0.1
		subjectKeyIdentifier = hash
		authorityKeyIdentifier = keyid, issuer
	EOF
	(
		umask 077
		openssl req -x509 -config "$tls/ca.cnf" -newkey rsa:2048 -nodes -sha256 -days 3650 \
			-keyout "$tls/ca.key" -out "$tls/ca.pem"
		openssl req -new -config "$tls/server.cnf" -newkey rsa:2048 -nodes -sha256 \
			-keyout "$tls/server.key" -out "$tls/server.csr"
		openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" \
			-set_serial "0x$(openssl rand -hex 16)" -days 825 -sha256 \
			-extfile "$tls/server.cnf" -extensions server_ext -out "$tls/server.pem"
	) >>"$1/log/daemons.log" 2>&1 || die "openssl failed, see $1/log/daemons.log"
	chmod 0644 "$tls/ca.pem" "$tls/server.pem"
	rm -f "$tls/server.csr"
}

# The RSA key that signs test JWTs (RS256), kept like the CA so that a key
# copied elsewhere keeps working. PKCS#8 PEM, readable by root only.
make_oauth_key() {
	local key=$1/tls/$OAUTH_KEY_FILE
	openssl pkey -in "$key" -noout >/dev/null 2>&1 && return 0
	rm -f "$key"
	(
		umask 077
		openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key"
	) >>"$1/log/daemons.log" 2>&1 || die "openssl failed, see $1/log/daemons.log"
}

# Maildirs belong to the owner of the nearest existing folder among $1 and
# its ancestors when that is not root (a developer's checkout run via sudo: mail readable without
# root), else to the postfix user. Group root becomes group postfix: Dovecot's
# IMAP processes refuse to run with GID 0. Prints "uid gid".
mail_owner_ids() {
	local probe=$1
	while [[ ! -e $probe ]]; do probe=$(dirname "$probe"); done
	local uid gid
	read -r uid gid < <(stat -c '%u %g' "$probe")
	if [[ $uid -eq 0 ]]; then
		uid=$(id -u postfix)
		gid=$(id -g postfix)
	elif [[ $gid -eq 0 ]]; then
		gid=$(id -g postfix)
	fi
	printf '%s %s\n' "$uid" "$gid"
}

render_postfix() {
	local dir=$1 uid=$2 gid=$3
	cat >"$dir/etc/main.cf" <<-EOF
		# Generated by scripts/postfix-test-server.sh — edits are lost on start.
		compatibility_level = 3.6
		queue_directory = $dir/spool
		data_directory = $dir/data
		mail_owner = postfix
		setgid_group = postdrop

		# No syslog here: Postfix logs to a file through the postlog service.
		maillog_file = $dir/log/postfix.log
		maillog_file_prefixes = $dir/log

		myhostname = mail.$DOMAIN
		mydomain = $DOMAIN
		myorigin = \$myhostname
		mydestination =
		# Empty, or every loopback client could relay (the default is 127.0.0.0/8).
		mynetworks =
		relayhost =
		inet_interfaces = $HOST
		inet_protocols = ipv4
		smtp_dns_support_level = disabled
		smtpd_peername_lookup = no
		alias_maps =
		alias_database =
		biff = no
		in_flow_delay = 0

		# Nothing ever leaves: mail to other domains is accepted (after AUTH)
		# and then dropped, logged as "status=sent (outbound mail disabled in
		# tests)". Not error:, which smtpd already rejects at RCPT time (550
		# 5.1.1), and error(8) refuses to run under another service name.
		default_transport = discard:outbound mail disabled in tests
		relay_transport = discard:outbound mail disabled in tests
		local_transport = error:local delivery disabled in tests

		virtual_mailbox_domains = $DOMAIN
		virtual_mailbox_base = $dir/mail
		virtual_mailbox_maps = texthash:$dir/etc/vmailbox
		virtual_minimum_uid = 1
		virtual_uid_maps = static:$uid
		virtual_gid_maps = static:$gid

		smtpd_tls_cert_file = $dir/tls/server.pem
		smtpd_tls_key_file = $dir/tls/server.key
		smtpd_tls_security_level = may
		smtpd_tls_loglevel = 1
		smtpd_tls_received_header = yes

		smtpd_sasl_type = dovecot
		smtpd_sasl_path = $dir/run/dovecot/auth-postfix
		smtpd_sasl_auth_enable = no
		smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
	EOF

	# chroot (5th column) = n everywhere: no chroot copies of /etc files.
	cat >"$dir/etc/master.cf" <<-EOF
		# Generated by scripts/postfix-test-server.sh — edits are lost on start.
		# service type  private unpriv  chroot  wakeup  maxproc command + args
		$HOST:$PLAIN_PORT inet n - n - - smtpd
		  -o syslog_name=postfix/plain
		$HOST:$SUBMISSION_PORT inet n - n - - smtpd
		  -o syslog_name=postfix/submission
		  -o smtpd_tls_security_level=encrypt
		  -o smtpd_sasl_auth_enable=yes
		  -o smtpd_tls_auth_only=yes
		  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
		  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
		$HOST:$SMTPS_PORT inet n - n - - smtpd
		  -o syslog_name=postfix/smtps
		  -o smtpd_tls_wrappermode=yes
		  -o smtpd_tls_security_level=encrypt
		  -o smtpd_sasl_auth_enable=yes
		  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
		  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
		pickup     unix  n - n 60   1 pickup
		cleanup    unix  n - n -    0 cleanup
		qmgr       unix  n - n 300  1 qmgr
		tlsmgr     unix  - - n 1000? 1 tlsmgr
		rewrite    unix  - - n -    - trivial-rewrite
		bounce     unix  - - n -    0 bounce
		defer      unix  - - n -    0 bounce
		trace      unix  - - n -    0 bounce
		verify     unix  - - n -    1 verify
		flush      unix  n - n 1000? 0 flush
		proxymap   unix  - - n -    - proxymap
		proxywrite unix  - - n -    1 proxymap
		smtp       unix  - - n -    - smtp
		relay      unix  - - n -    - smtp
		showq      unix  n - n -    - showq
		error      unix  - - n -    - error
		retry      unix  - - n -    - error
		discard    unix  - - n -    - discard
		local      unix  - n n -    - local
		virtual    unix  - n n -    - virtual
		lmtp       unix  - - n -    - lmtp
		anvil      unix  - - n -    1 anvil
		scache     unix  - - n -    1 scache
		postlog    unix-dgram n - n - 1 postlogd
	EOF

	# A trailing slash means maildir format. Mail to JUNK_RCPT goes straight
	# into USER_NAME's Junk folder: Maildir++ (what Dovecot reads there)
	# keeps a folder "Junk" in the sub-maildir ".Junk".
	local user_box=$DOMAIN/${USER_NAME%@*}
	cat >"$dir/etc/vmailbox" <<-EOF
		$USER_NAME $user_box/
		$OTHER_NAME $DOMAIN/${OTHER_NAME%@*}/
		$JUNK_RCPT $user_box/.Junk/
	EOF

	# Made here, not left to virtual(8) or Dovecot, so that all of it
	# belongs to uid:gid from the start (both run as that user).
	local name box
	for name in "$USER_NAME" "$OTHER_NAME"; do
		box=$dir/mail/$DOMAIN/${name%@*}
		mkdir -p "$box/cur" "$box/new" "$box/tmp"
	done
	box=$dir/mail/$user_box/.Junk
	mkdir -p "$box/cur" "$box/new" "$box/tmp"
	: >"$box/maildirfolder" # Maildir++: "this is a folder, not a top maildir"
	chown -R "$uid:$gid" "$dir/mail"
	chmod -R u=rwX,go= "$dir/mail"

	mkdir -p "$dir/spool" "$dir/data"
	chown postfix:postfix "$dir/data" # the rest of the queue: `postfix start` creates it
}

render_dovecot() {
	local dir=$1 uid=$2 gid=$3
	# passwd-file: user:{SCHEME}password — ':' separates fields, so the
	# password may hold anything but ':' and newlines (&<" are fine).
	(
		umask 027
		printf '%s:{PLAIN}%s\n' "$USER_NAME" "$USER_PASSWORD" "$OTHER_NAME" "$OTHER_PASSWORD" \
			>"$dir/etc/dovecot-users"
	)
	chgrp dovecot "$dir/etc/dovecot-users" # read by the auth process (user dovecot)

	# OAuth: the public half of the signing key where the oauth2 passdb's
	# key dict looks for it: <azp>/<alg>/<kid>, azp "default" for tokens
	# without one.
	local keys=$dir/etc/oauth2-keys/default/RS256
	mkdir -p "$keys"
	openssl pkey -in "$dir/tls/$OAUTH_KEY_FILE" -pubout -out "$keys/$OAUTH_KID" 2>>"$dir/log/daemons.log" ||
		die "openssl failed, see $dir/log/daemons.log"
	chmod -R a+rX "$dir/etc/oauth2-keys"
	cat >"$dir/etc/dovecot-oauth2.conf.ext" <<-EOF
		# Generated by scripts/postfix-test-server.sh — edits are lost on start.
		# Tokens are JWTs checked here, offline, against the keys in the dict
		# (no introspection URL). username_attribute: the claim that must
		# equal the SASL user name. The token's scope claim must hold the
		# scope (Debian's 2.3.19.1+dfsg1-2.1+deb12u7 checks that while
		# parsing the JWT: no scope claim fails; older builds fell back to
		# comparing aud).
		introspection_mode = local
		local_validation_key_dict = fs:posix:prefix=$dir/etc/oauth2-keys/
		issuers = $OAUTH_ISSUER
		scope = $OAUTH_SCOPE
		username_attribute = email
	EOF

	cat >"$dir/etc/dovecot.conf" <<-EOF
		# Generated by scripts/postfix-test-server.sh — edits are lost on start.
		# SASL auth for Postfix (socket auth-postfix), and IMAP on the maildirs
		# that Postfix's virtual(8) delivers to.
		base_dir = $dir/run/dovecot
		instance_name = mailtester-test
		protocols = imap
		# Loopback only; the inet_listeners below name the address as well.
		listen = $HOST
		log_path = $dir/log/dovecot.log
		auth_verbose = yes
		# XOAUTH2 and OAUTHBEARER count as plaintext mechanisms (the token is
		# a password): the same TLS rules as PLAIN and LOGIN apply.
		auth_mechanisms = plain login xoauth2 oauthbearer
		# Answer a wrong password at once (default: 2 s).
		auth_failure_delay = 0

		# STARTTLS on the IMAP port, implicit TLS on the IMAPS port. These two
		# refuse a password without TLS (and advertise LOGINDISABLED) only to
		# clients that are not "secured", and Dovecot counts every client
		# whose IP equals the server's as secured: all of them here. The
		# passdb below does the refusing on loopback.
		ssl = required
		disable_plaintext_auth = yes
		ssl_cert = <$dir/tls/server.pem
		ssl_key = <$dir/tls/server.key
		# From dovecot-core; without it a client that picks a DHE cipher
		# (TLS 1.2) fails the handshake.
		ssl_dh = </usr/share/dovecot/dh.pem

		# INBOX is the maildir itself, folders are its .Name sub-maildirs
		# (Maildir++), exactly what Postfix delivers to. IMAP processes run
		# as uid:gid, the owner virtual(8) delivers as, so neither creates
		# files the other cannot write. The default first_valid_uid (500)
		# would refuse the postfix user.
		mail_location = maildir:~
		first_valid_uid = $uid
		last_valid_uid = $uid
		first_valid_gid = $gid
		last_valid_gid = $gid
		namespace inbox {
		  inbox = yes
		  mailbox Junk {
		    special_use = \Junk
		    auto = subscribe
		  }
		  mailbox Sent {
		    special_use = \Sent
		    auto = subscribe
		  }
		  mailbox Trash {
		    special_use = \Trash
		    auto = subscribe
		  }
		}
		protocol imap {
		  # Parallel tests all log in as the same user from 127.0.0.1
		  # (default limit: 10).
		  mail_max_userip_connections = 1000
		}

		# Refuse IMAP logins before STARTTLS. The login process lets them
		# through on loopback (see ssl above), but it tells the auth process
		# how the client is connected: %{secured} is "TLS" after STARTTLS and
		# on the IMAPS port, "secured" for loopback without TLS. In that one
		# case the users come from a file that does not exist, so the login
		# fails as an unknown user ("NO [AUTHENTICATIONFAILED]", even with the
		# right password) and dovecot.log says "missing passwd file:
		# .../$NO_PLAINTEXT_FILE". Postfix asks with service=smtp.
		passdb {
		  driver = passwd-file
		  mechanisms = plain login
		  args = scheme=PLAIN $dir/etc/%{if;%{service}-%{secured};eq;imap-secured;$NO_PLAINTEXT_FILE;dovecot-users}
		}
		# XOAUTH2 and OAUTHBEARER: the token is a JWT that Dovecot checks
		# itself, see the conf file. The same refusal before STARTTLS: in that
		# one case allow_nets holds no network, only a name that dovecot.log
		# shows ("allow_nets: Invalid network '$NO_PLAINTEXT_FILE'", then
		# "allow_nets check failed"), so even a valid token fails.
		passdb {
		  driver = oauth2
		  mechanisms = xoauth2 oauthbearer
		  args = $dir/etc/dovecot-oauth2.conf.ext
		  override_fields = allow_nets=%{if;%{service}-%{secured};eq;imap-secured;$NO_PLAINTEXT_FILE;0.0.0.0/0,::/0,local}
		}
		# %n@%d is the login name: the maildir Postfix delivers it to.
		userdb {
		  driver = static
		  args = uid=$uid gid=$gid home=$dir/mail/%d/%n
		}

		service imap-login {
		  inet_listener imap {
		    address = $HOST
		    port = $IMAP_PORT
		  }
		  inet_listener imaps {
		    address = $HOST
		    port = $IMAPS_PORT
		    ssl = yes
		  }
		}
		service auth {
		  unix_listener auth-postfix {
		    mode = 0660
		    user = postfix
		    group = postfix
		  }
		}
		# No auth penalty: without this socket Dovecot does not slow down
		# logins after failures, so wrong-password tests do not delay others.
		service anvil {
		  unix_listener anvil-auth-penalty {
		    mode = 0
		  }
		}
	EOF
}

# ---------------------------------------------------------------- commands

cmd_stop() {
	need_root
	local dir pid pids=()
	dir=$(resolve_dir "${1:-}")
	[[ -e $dir/$MARKER ]] && lock_dir "$dir"

	if pid=$(postfix_pid "$dir"); then
		pids+=("$pid")
		mapfile -t -O "${#pids[@]}" pids < <(children_of "$pid")
		# What `postfix stop` does (SIGTERM to master, which stops its
		# children), without its polling loop that sleeps a whole second.
		kill -TERM "$pid" 2>/dev/null || true
	fi
	if pid=$(dovecot_pid "$dir"); then
		pids+=("$pid")
		mapfile -t -O "${#pids[@]}" pids < <(children_of "$pid")
		kill -TERM "$pid" 2>/dev/null || true
	fi
	[[ ${#pids[@]} -eq 0 ]] && {
		# (start stops a previous instance first; nothing to say then)
		[[ -n ${STARTING:-} ]] || log "not running in $dir"
		return 0
	}

	if ! wait_gone "${pids[@]}"; then
		log "daemons still alive after $((STOP_TIMEOUT_TENTHS / 10)) s; sending SIGKILL"
		for pid in "${pids[@]}"; do
			if pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
		done
		wait_gone "${pids[@]}" || die "could not stop pids: ${pids[*]}"
	fi
	log "stopped in $dir"
}

cmd_start() {
	need_root
	local tool
	for tool in postfix dovecot openssl ps; do
		command -v "$tool" >/dev/null || die "$tool not found; run: $0 install"
	done
	# Installed before IMAP was added here? (Path of Debian's dovecot-imapd.)
	[[ -x /usr/lib/dovecot/imap-login ]] || die "dovecot-imapd not installed; run: $0 install"
	local dir
	dir=$(resolve_dir "${1:-}")

	local port
	for port in "${PORTS[@]}"; do
		if ! [[ $port =~ ^[0-9]{1,5}$ ]] || ((port < 1 || port > 65535)); then
			die "bad port: $port"
		fi
	done

	# start deletes sub-folders of DIR: only use a DIR this script made.
	if [[ -d $dir && ! -e $dir/$MARKER && -n $(ls -A "$dir") ]]; then
		die "refusing to use $dir: not empty and not made by this script"
	fi
	# Maildir owner: from DIR's parent, before DIR itself is made by root.
	local uid gid
	read -r uid gid < <(mail_owner_ids "$(dirname "$dir")")
	mkdir -p "$dir"
	touch "$dir/$MARKER"
	lock_dir "$dir"
	STARTING=1 cmd_stop "$dir"
	for port in "${PORTS[@]}"; do
		port_open "$port" && die "port $HOST:$port is already in use (another instance? other ports via MAILTESTER_POSTFIX_*_PORT)"
	done

	# Fresh state; the TLS material survives.
	rm -rf "${dir:?}/etc" "$dir/spool" "$dir/data" "$dir/mail" "$dir/run" "$dir/log" "$dir/env"
	mkdir -p "$dir/etc" "$dir/log" "$dir/run"
	chmod 0755 "$dir" "$dir/etc" "$dir/log" "$dir/run"
	local user
	for user in postfix dovecot; do
		runuser -u "$user" -- test -x "$dir/etc" ||
			die "user $user cannot reach $dir (a parent folder is not searchable); pick another DIR"
	done

	make_certs "$dir"
	make_oauth_key "$dir"
	render_postfix "$dir" "$uid" "$gid"
	render_dovecot "$dir" "$uid" "$gid"
	# Postfix programs pause ~2 s "to let main.cf settle" when it is less than
	# 2 s old; the content is final, so backdate it.
	touch -d '1 minute ago' "$dir"/etc/*

	local daemons_log=$dir/log/daemons.log
	# Dovecot first: an smtpd that finds no auth socket gives up, and master
	# then throttles that listener for 60 s.
	dovecot -c "$dir/etc/dovecot.conf" </dev/null >>"$daemons_log" 2>&1 9>&- ||
		die "dovecot failed to start; see $daemons_log and $dir/log/dovecot.log"
	local i
	for ((i = 0; i < START_TIMEOUT_TENTHS; i++)); do
		[[ -S $dir/run/dovecot/auth-postfix ]] && break
		sleep 0.1
	done
	[[ -S $dir/run/dovecot/auth-postfix ]] ||
		die "dovecot auth socket did not appear; see $dir/log/dovecot.log"

	# `postfix start` exits 1 with no message on some config errors (the
	# reason only goes to a terminal); postfix.log usually says more.
	postfix -c "$dir/etc" start </dev/null >>"$daemons_log" 2>&1 9>&- ||
		die "postfix failed to start; see $daemons_log and $dir/log/postfix.log"

	postfix_ready() { port_open "$SMTPS_PORT" && smtp_banner "$SUBMISSION_PORT" && smtp_banner "$PLAIN_PORT"; }
	wait_ready postfix_ready postfix_pid "$dir" "$dir/log/postfix.log" \
		"postfix not ready on $HOST:$PLAIN_PORT/$SUBMISSION_PORT/$SMTPS_PORT; see $dir/log/"
	# Dovecot bound its ports before Postfix started; imap-login greets once
	# it is up (usually at once by now).
	imap_ready() { port_open "$IMAPS_PORT" && imap_banner "$IMAP_PORT"; }
	wait_ready imap_ready dovecot_pid "$dir" "$dir/log/dovecot.log" \
		"dovecot IMAP not ready on $HOST:$IMAP_PORT/$IMAPS_PORT; see $dir/log/"

	# Plain KEY=VALUE lines; every value is free of spaces and quotes (see
	# resolve_dir), so the same file is also valid shell.
	cat >"$dir/env.tmp" <<-EOF
		MAILTESTER_POSTFIX_HOST=$HOST
		MAILTESTER_POSTFIX_PLAIN_PORT=$PLAIN_PORT
		MAILTESTER_POSTFIX_SUBMISSION_PORT=$SUBMISSION_PORT
		MAILTESTER_POSTFIX_SMTPS_PORT=$SMTPS_PORT
		MAILTESTER_POSTFIX_IMAP_PORT=$IMAP_PORT
		MAILTESTER_POSTFIX_IMAPS_PORT=$IMAPS_PORT
		MAILTESTER_POSTFIX_CA=$dir/tls/ca.pem
		MAILTESTER_POSTFIX_MAILDIR=$dir/mail/$DOMAIN/${USER_NAME%@*}/new
		MAILTESTER_POSTFIX_USER=$USER_NAME
		MAILTESTER_POSTFIX_JUNK_RCPT=$JUNK_RCPT
		MAILTESTER_POSTFIX_DIR=$dir
		MAILTESTER_POSTFIX_LOG=$dir/log/postfix.log
		MAILTESTER_POSTFIX_OAUTH_KEY=$dir/tls/$OAUTH_KEY_FILE
		MAILTESTER_POSTFIX_OAUTH_KID=$OAUTH_KID
		MAILTESTER_POSTFIX_OAUTH_ISSUER=$OAUTH_ISSUER
		MAILTESTER_POSTFIX_OAUTH_SCOPE=$OAUTH_SCOPE
	EOF
	mv "$dir/env.tmp" "$dir/env"
	log "running: plain $HOST:$PLAIN_PORT, submission $HOST:$SUBMISSION_PORT, smtps $HOST:$SMTPS_PORT," \
		"imap $HOST:$IMAP_PORT, imaps $HOST:$IMAPS_PORT"
	printf '%s\n' "$dir/env"
}

cmd_status() {
	local dir pf dc rc=0 port state
	dir=$(resolve_dir "${1:-}")
	if pf=$(postfix_pid "$dir"); then echo "postfix: running (master pid $pf)"; else
		echo "postfix: stopped"
		rc=3
	fi
	if dc=$(dovecot_pid "$dir"); then echo "dovecot: running (pid $dc)"; else
		echo "dovecot: stopped"
		rc=3
	fi
	# The ports this instance was started with (they came from the environment).
	local key
	local -A default=([PLAIN]=$PLAIN_PORT [SUBMISSION]=$SUBMISSION_PORT [SMTPS]=$SMTPS_PORT
		[IMAP]=$IMAP_PORT [IMAPS]=$IMAPS_PORT)
	for key in PLAIN SUBMISSION SMTPS IMAP IMAPS; do
		port=$(sed -n "s/^MAILTESTER_POSTFIX_${key}_PORT=//p" "$dir/env" 2>/dev/null || true)
		[[ $port =~ ^[0-9]+$ ]] || port=${default[$key]}
		if port_open "$port"; then state=open; else state=closed; fi
		echo "port $HOST:$port ($key): $state"
	done
	[[ $rc -eq 0 && -f $dir/env ]] && echo "env: $dir/env"
	return "$rc"
}

main() {
	local cmd=${1:-}
	[[ $# -gt 0 ]] && shift
	[[ $# -le 1 ]] || usage
	case $cmd in
	install) [[ $# -eq 0 ]] || usage; cmd_install ;;
	start) cmd_start "$@" ;;
	stop) cmd_stop "$@" ;;
	status) cmd_status "$@" ;;
	-h | --help | help) usage ;;
	*) usage ;;
	esac
}

main "$@"
