#!/usr/bin/env bash
# Benchmarks (measurements, never pass/fail tests), reported in the README:
#   1. the window: time to first frame, CPU while idle for 10 s, resident memory
#      (real binary, Xvfb, Mesa llvmpipe software GL);
#   2. the CLI: one full send (STARTTLS + AUTH LOGIN + message) against a local Postfix,
#      beside swaks doing the same, with hyperfine; peak memory with GNU time;
#   3. cancel: Ctrl-C while waiting for a greeting;
#   4. hostile servers: peak memory of `mailtester send` against a 1 MiB reply line and an
#      endless multi-line reply (scripts/hostile_smtp.py), beside a server that refuses at once.
# Needs (Debian): xvfb xauth libgl1 libglx-mesa0 libgl1-mesa-dri libxkbcommon-x11-0 hyperfine
#                 time swaks, and Postfix (scripts/postfix-test-server.sh install).
# Usage: scripts/bench.sh [hostile]   (MAILTESTER_BIN overrides target/release/mailtester;
#        `hostile` runs only part 4, which needs nothing but python3 and GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${MAILTESTER_BIN:-target/release/mailtester}"
[[ -x "$bin" ]] || cargo build --release
out_dir=target/bench
mkdir -p "$out_dir"
results="$out_dir/results.md"
: > "$results"
say() { printf '%s\n' "$*" | tee -a "$results"; }

# --- 4. Hostile servers: memory stays bounded (8 KiB a line, 200 lines a reply) --------------
hostile_memory() {
    local port=14998 mode runs kib max server
    say "### CLI against hostile servers: peak memory (GNU time, maximum of 3 runs)"
    say ""
    say "| server | peak RSS | diagnosis |"
    say "|---|---|---|"
    for mode in refuse long-line endless; do
        python3 scripts/hostile_smtp.py "$mode" "$port" 60 > "$out_dir/hostile-$mode.log" &
        server=$!
        for _ in $(seq 1 100); do grep -q ready "$out_dir/hostile-$mode.log" && break; sleep 0.05; done
        max=0
        for runs in 1 2 3; do
            # mailtester fails against these servers (as it should): keep going.
            kib="$( (/usr/bin/time -f '%M' "$bin" send --host 127.0.0.1 --port "$port" \
                --from a@example.com --timeout 10 --json 2>&1 > "$out_dir/hostile-$mode.json" \
                || true) | tail -n 1)"
            if (( kib > max )); then max="$kib"; fi
        done
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
        local id
        id="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print((d.get("diagnosis") or {}).get("id"))' \
            "$out_dir/hostile-$mode.json")"
        say "| $mode | $(awk -v k="$max" 'BEGIN { printf "%.1f MiB", k / 1024 }') | $id |"
    done
    say ""
}

if [[ "${1:-}" == hostile ]]; then
    say "## Benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), binary: $bin)"
    say ""
    hostile_memory
    echo "results in $results"
    exit 0
fi

say "## Benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), binary: $bin)"
say ""

# --- 1. The window ---------------------------------------------------------------------------
gui_probe="$out_dir/gui-probe.sh"
cat > "$gui_probe" <<'PROBE'
#!/usr/bin/env bash
# Runs inside Xvfb: five cold starts for the first frame, then 10 s idle CPU and memory.
set -euo pipefail
bin="$1"
data_home="$(mktemp -d)"
export XDG_DATA_HOME="$data_home" MAILTESTER_REPORT_FIRST_FRAME=1
first_frames=()
for _ in 1 2 3 4 5; do
    log="$(mktemp)"
    "$bin" 2>"$log" &
    pid=$!
    for _ in $(seq 1 200); do grep -q "first frame" "$log" && break; sleep 0.05; done
    first_frames+=("$(grep -o 'first frame after [0-9]*' "$log" | grep -o '[0-9]*$')")
    if [[ "${#first_frames[@]}" -lt 5 ]]; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
done
echo "first_frame_ms ${first_frames[*]}"
sleep 3   # let start-up work finish before measuring idle
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before="$(ticks)"
sleep 10
after="$(ticks)"
hz="$(getconf CLK_TCK)"
echo "idle_cpu_percent $(awk -v a="$before" -v b="$after" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz / 10 * 100 }')"
echo "rss_kib $(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"
echo "peak_rss_kib $(awk '/VmHWM/ {print $2}' "/proc/$pid/status")"
kill "$pid"
rm -rf "$data_home"
PROBE
chmod +x "$gui_probe"
gui="$(xvfb-run -a -s '-screen 0 1280x820x24' "$gui_probe" "$bin")"
frames="$(awk '/first_frame_ms/ {$1=""; print}' <<<"$gui")"
median="$(tr ' ' '\n' <<<"$frames" | grep . | sort -n | sed -n 3p)"
say "### Window (Xvfb, llvmpipe)"
say ""
say "| measure | value | target |"
say "|---|---|---|"
say "| time to first frame (median of 5 cold starts) | ${median} ms (all: ${frames# }) | ≤ 300 ms |"
say "| CPU while idle, 10 s | $(awk '/idle_cpu_percent/ {print $2}' <<<"$gui") % of one core | ≤ 1 % |"
say "| resident memory after start | $(awk '/^rss_kib/ {printf "%.1f", $2/1024}' <<<"$gui") MiB (peak $(awk '/peak_rss_kib/ {printf "%.1f", $2/1024}' <<<"$gui") MiB) | ≤ 120 MiB |"
say ""

# --- 2. The CLI against Postfix, beside swaks ------------------------------------------------
postfix_dir="$PWD/target/postfix-bench"
env_file="$(MAILTESTER_POSTFIX_PLAIN_PORT=14525 MAILTESTER_POSTFIX_SUBMISSION_PORT=14587 \
    MAILTESTER_POSTFIX_SMTPS_PORT=14465 scripts/postfix-test-server.sh start "$postfix_dir" | tail -n 1)"
trap 'scripts/postfix-test-server.sh stop "$postfix_dir" >/dev/null 2>&1 || true' EXIT
# shellcheck disable=SC1090
source "$env_file"
export MAILTESTER_BENCH_PW='Secr3t&<"pass'
user="$MAILTESTER_POSTFIX_USER"
port="$MAILTESTER_POSTFIX_SUBMISSION_PORT"
ours="$bin send --host 127.0.0.1 --port $port --enable-ssl true --user $user --password-env MAILTESTER_BENCH_PW --from $user --ca-file $MAILTESTER_POSTFIX_CA --json"
theirs="swaks --server 127.0.0.1:$port --tls --auth LOGIN --auth-user $user --auth-password \"\$MAILTESTER_BENCH_PW\" --from $user --to $user --tls-verify --tls-ca-path $MAILTESTER_POSTFIX_CA"
$ours > /dev/null   # fails loudly here if the setup is wrong
hyperfine --warmup 3 --runs 20 --export-markdown "$out_dir/cli.md" \
    -n mailtester "$ours > /dev/null" -n swaks "$theirs > /dev/null" > "$out_dir/hyperfine.txt"
peak() { /usr/bin/time -f '%M' bash -c "$1 > /dev/null" 2>&1 | tail -n 1; }
say "### CLI: one test send (STARTTLS + AUTH LOGIN + message) to a local Postfix"
say ""
cat "$out_dir/cli.md" | tee -a "$results"
say ""
say "Peak memory: mailtester $(( $(peak "$ours") / 1024 )) MiB, swaks $(( $(peak "$theirs") / 1024 )) MiB."

# --- 3. Cancel: Ctrl-C while waiting for a greeting that never comes --------------------------
silent_port=14999
python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', $silent_port)); s.listen(8)
conns = []
end = time.time() + 60
while time.time() < end:
    s.settimeout(max(0.1, end - time.time()))
    try: conns.append(s.accept()[0])
    except OSError: pass
" &
silent=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$silent_port") 2>/dev/null && break; sleep 0.05; done
cancel_ms=()
for _ in 1 2 3 4 5; do
    "$bin" send --host 127.0.0.1 --port "$silent_port" --from a@example.com --timeout 60 > "$out_dir/cancel.txt" &
    pid=$!
    for _ in $(seq 1 100); do grep -q "connected to" "$out_dir/cancel.txt" && break; sleep 0.02; done
    start_ns="$(date +%s%N)"
    kill -INT "$pid" 2>/dev/null || true
    wait "$pid" || true
    cancel_ms+=("$(( ($(date +%s%N) - start_ns) / 1000000 ))")
done
kill "$silent" 2>/dev/null || true
say ""
say "Cancel (Ctrl-C while waiting for a greeting, until the process has exited): ${cancel_ms[*]} ms (target: within 100 ms)."
say ""
hostile_memory
echo "results in $results"
