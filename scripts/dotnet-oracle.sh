#!/usr/bin/env bash
# dotnet-oracle.sh — Microsoft's real System.Net.Mail (.NET Core 3.1 runtime)
# as a test oracle: the mail client ASP.NET uses, run beside ours.
#
# No .NET SDK can be installed on these machines, but a runtime can: the PyPI
# package dotnetcore2 ships Microsoft's .NET Core 3.1.23 runtime, and
# pythonnet + clr-loader load it into a Python process. The driver
# scripts/dotnet_oracle.py then builds SmtpClient/MailMessage and calls Send.
# TLS in .NET Core 3.1 needs OpenSSL 1.1, which Debian 12 no longer has; we
# build libssl.so.1.1 and libcrypto.so.1.1 from the OpenSSL 1.1.1w sources
# that the crates.io crate openssl-src carries.
#
# Usage:
#   scripts/dotnet-oracle.sh setup   # install everything (idempotent, cached)
#   scripts/dotnet-oracle.sh env     # print KEY=VALUE lines for the driver
#   scripts/dotnet-oracle.sh check   # load the runtime, run zero scenarios
#
# Everything lives under target/dotnet-oracle/ in the repository:
#   venv/            Python venv with the pinned packages below
#   openssl/lib/     libssl.so.1.1 and libcrypto.so.1.1 (nothing else)
#   openssl-fetch/   throwaway Cargo package used only to fetch openssl-src
#   logs/            output of each setup step (look here when one fails)
#   *.stamp          one per finished part; delete one to redo that part
#
# Using the driver (see scripts/dotnet_oracle.py for the JSON formats):
#   scripts/dotnet-oracle.sh setup
#   set -a; . <(scripts/dotnet-oracle.sh env); set +a
#   echo '{"scenarios": []}' | "$MAILTESTER_DOTNET_PYTHON" "$MAILTESTER_DOTNET_DRIVER"
# (A test harness can instead read the KEY=VALUE lines and pass them as the
# child process's environment.)
# To trust a private test CA, run the driver with SSL_CERT_FILE pointing at a
# PEM bundle that contains it (OpenSSL 1.1 reads it; .NET trusts what it reads).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE="$ROOT/target/dotnet-oracle"
VENV="$CACHE/venv"
SSL_LIB="$CACHE/openssl/lib"
LOGS="$CACHE/logs"
DRIVER="$ROOT/scripts/dotnet_oracle.py"

# Exact versions known to work together (Python 3.11, Debian 12, x86_64).
PY_PINS="dotnetcore2==3.1.23 pythonnet==3.2.1 clr-loader==0.3.1 cffi==2.1.1 pycparser==3.12 distro==1.9.0"
OPENSSL_SRC_CRATE="=111.28.2+1.1.1w"

# The part being worked on, and what to do if it fails; read by on_exit.
PART=""
HINT=""

on_exit() {
    local rc=$?
    if [ "$rc" -ne 0 ] && [ -n "$PART" ]; then
        echo "dotnet-oracle: FAILED in part '$PART' (exit $rc)." >&2
        [ -n "$HINT" ] && echo "dotnet-oracle: what to do: $HINT" >&2
    fi
}
trap on_exit EXIT

# Run a command with its output going to a log file; on failure show the
# end of the log so the reason is visible without opening it.
logged() {
    local log="$1"
    shift
    if ! "$@" >"$log" 2>&1; then
        echo "dotnet-oracle: command failed: $*" >&2
        echo "dotnet-oracle: last lines of $log:" >&2
        tail -n 25 "$log" >&2
        return 1
    fi
}

setup_venv() {
    PART="python venv"
    HINT="check that PyPI is reachable (pip install works) and that python3 has the venv module (apt-get install python3-venv); then run setup again. Logs: $LOGS/venv*.log"
    local stamp="$CACHE/venv.stamp"
    # Done = same pins as last time, and the venv still imports them (a
    # venv breaks when the python3 it was made from goes away).
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$PY_PINS" ] &&
        "$VENV/bin/python" -c 'import dotnetcore2, pythonnet, clr_loader' 2>/dev/null; then
        echo "venv:    already done ($VENV)"
        return
    fi
    rm -rf "$VENV" "$stamp"
    logged "$LOGS/venv.log" python3 -m venv "$VENV"
    # shellcheck disable=SC2086 # PY_PINS is a list of words on purpose.
    logged "$LOGS/venv-pip.log" "$VENV/bin/pip" install --no-input --disable-pip-version-check $PY_PINS
    # The runtime must be where the driver will look for it.
    local dotnet_root
    dotnet_root=$("$VENV/bin/python" -c 'import dotnetcore2, os; print(os.path.join(os.path.dirname(dotnetcore2.__file__), "bin"))')
    if [ ! -d "$dotnet_root/shared/Microsoft.NETCore.App/3.1.23" ]; then
        echo "dotnet-oracle: the .NET Core 3.1.23 runtime is missing from $dotnet_root" >&2
        return 1
    fi
    echo "$PY_PINS" >"$stamp"
    echo "venv:    installed $PY_PINS"
}

setup_openssl() {
    PART="openssl 1.1 libraries"
    HINT="check that crates.io is reachable (cargo fetch works) and that gcc, make and perl are installed; then run setup again. Logs: $LOGS/openssl-*.log"
    local stamp="$CACHE/openssl.stamp"
    if [ -f "$stamp" ] && [ -f "$SSL_LIB/libssl.so.1.1" ] && [ -f "$SSL_LIB/libcrypto.so.1.1" ]; then
        echo "openssl: already done ($SSL_LIB)"
        return
    fi
    rm -f "$stamp"

    # A throwaway Cargo package whose only use is to make cargo download
    # openssl-src. It has its own target dir so it never touches the
    # project's build.
    local fetch="$CACHE/openssl-fetch"
    mkdir -p "$fetch/src"
    cat >"$fetch/Cargo.toml" <<EOF
[package]
name = "dotnet-oracle-openssl-fetch"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
openssl-src = "$OPENSSL_SRC_CRATE"

[workspace]
EOF
    : >"$fetch/src/lib.rs"
    export CARGO_TARGET_DIR="$fetch/target"
    logged "$LOGS/openssl-fetch.log" cargo fetch --manifest-path "$fetch/Cargo.toml"

    # Where cargo unpacked the crate (inside CARGO_HOME's registry).
    local crate_dir
    crate_dir=$(cargo metadata --format-version 1 --manifest-path "$fetch/Cargo.toml" 2>>"$LOGS/openssl-fetch.log" |
        python3 -c 'import json, os, sys
meta = json.load(sys.stdin)
for p in meta["packages"]:
    if p["name"] == "openssl-src":
        print(os.path.dirname(p["manifest_path"]))
        break')
    if [ -z "$crate_dir" ] || [ ! -f "$crate_dir/openssl/config" ]; then
        echo "dotnet-oracle: could not find openssl-src's openssl/ folder (crate dir: '${crate_dir}')" >&2
        return 1
    fi

    # Build in a scratch copy (the registry copy must stay pristine).
    # OPENSSLDIR is Debian's own (/usr/lib/ssl), as Debian's libssl1.1 had it,
    # so the system's CA certificates are trusted by default, as on a real
    # Debian 11 server running ASP.NET.
    local build="$CACHE/openssl-build"
    rm -rf "$build"
    cp -r "$crate_dir/openssl" "$build"
    (
        cd "$build"
        logged "$LOGS/openssl-config.log" sh ./config shared no-tests --openssldir=/usr/lib/ssl
        logged "$LOGS/openssl-make.log" make -j2 build_libs
    )
    mkdir -p "$SSL_LIB"
    cp "$build/libssl.so.1.1" "$build/libcrypto.so.1.1" "$SSL_LIB/"
    rm -rf "$build"
    echo "openssl-src $OPENSSL_SRC_CRATE" >"$stamp"
    echo "openssl: built libssl.so.1.1 and libcrypto.so.1.1 ($SSL_LIB)"
}

print_env() {
    if [ ! -f "$CACHE/venv.stamp" ] || [ ! -f "$CACHE/openssl.stamp" ]; then
        echo "dotnet-oracle: not set up yet; run: $ROOT/scripts/dotnet-oracle.sh setup" >&2
        exit 1
    fi
    local dotnet_root
    dotnet_root=$("$VENV/bin/python" -c 'import dotnetcore2, os; print(os.path.join(os.path.dirname(dotnetcore2.__file__), "bin"))')
    # Nothing but KEY=VALUE lines on stdout; no value contains spaces unless
    # the repository path does.
    echo "MAILTESTER_DOTNET_PYTHON=$VENV/bin/python"
    echo "MAILTESTER_DOTNET_DRIVER=$DRIVER"
    echo "MAILTESTER_DOTNET_ROOT=$dotnet_root"
    echo "MAILTESTER_DOTNET_OPENSSL_LIB=$SSL_LIB"
    echo "LD_LIBRARY_PATH=$SSL_LIB${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    echo "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1"
    # Keep .NET from writing first-run and telemetry files into $HOME.
    echo "DOTNET_CLI_TELEMETRY_OPTOUT=1"
}

run_check() {
    local envlines out
    envlines=$(print_env)
    # Run the driver in the environment `env` describes (one KEY=VALUE
    # argument per line, so paths with spaces survive).
    local -a vars
    mapfile -t vars <<<"$envlines"
    if ! out=$(echo '{"scenarios": []}' | env "${vars[@]}" "$VENV/bin/python" "$DRIVER"); then
        echo "dotnet-oracle: check FAILED: the driver could not load the .NET runtime (see above)." >&2
        echo "dotnet-oracle: what to do: run '$ROOT/scripts/dotnet-oracle.sh setup' again; if it says all parts are done, delete $CACHE and rerun setup." >&2
        exit 1
    fi
    echo "check:   ok: $out"
}

case "${1:-}" in
    setup)
        mkdir -p "$LOGS"
        setup_venv
        setup_openssl
        PART=""
        ;;
    env) print_env ;;
    check) run_check ;;
    *)
        echo "usage: $0 setup|env|check" >&2
        exit 64
        ;;
esac
