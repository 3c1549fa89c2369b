#!/usr/bin/env bash
# Benchmarks (measurements, never pass/fail tests), reported in the README:
#   1. the window: time to first frame, CPU while idle for 10 s, resident memory at idle and
#      where it goes (/proc/<pid>/smaps), and after a start with an empty Mesa shader cache
#      (real binary, Xvfb, Mesa llvmpipe software GL);
#   2. the CLI: one full send (STARTTLS + AUTH LOGIN + message) against a local Postfix,
#      beside swaks doing the same, with hyperfine; peak memory with GNU time; 2b. the same send
#      with --check-inbox (the message found in Dovecot over IMAPS), and the arrival time;
#   3. cancel: Ctrl-C while waiting for a greeting;
#   4. hostile servers: peak memory of `mailtester send` against a 1 MiB reply line and an
#      endless multi-line reply (scripts/hostile_smtp.py), beside a server that refuses at once.
# Needs (Debian): xvfb xauth libgl1 libglx-mesa0 libgl1-mesa-dri libxkbcommon-x11-0 hyperfine
#                 time swaks, and Postfix (scripts/postfix-test-server.sh install).
# Usage: scripts/bench.sh [hostile|window|inbox]   (MAILTESTER_BIN overrides
#        target/release/mailtester; `hostile` runs only part 4, which needs nothing but python3
#        and GNU time; `window` runs only part 1, which needs only the Xvfb packages; `inbox` only
#        part 2b, the send with --check-inbox against Postfix + Dovecot)
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
window_bench() {
    local gui_probe="$out_dir/gui-probe.sh"
    cat > "$gui_probe" <<'PROBE'
#!/usr/bin/env bash
# Runs inside Xvfb: five cold starts for the first frame (the first one also fills Mesa's shader
# cache, as any earlier start on the machine would have), then 10 s idle CPU and memory, where
# that memory goes, and one more start with an empty shader cache (a machine's very first).
set -euo pipefail
bin="$1"
data_home="$(mktemp -d)"
export XDG_DATA_HOME="$data_home" MAILTESTER_REPORT_FIRST_FRAME=1
log="$(mktemp)"
start() {   # starts the window and waits for its first frame: sets pid and frame_ms
    "$bin" 2>"$log" &
    pid=$!
    for _ in $(seq 1 200); do grep -q "first frame" "$log" && break; sleep 0.05; done
    frame_ms="$(grep -o 'first frame after [0-9]*' "$log" | grep -o '[0-9]*$')"
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
first_frames=()
for run in 1 2 3 4 5; do
    start
    first_frames+=("$frame_ms")
    if (( run < 5 )); then stop; fi
done
echo "first_frame_ms ${first_frames[*]}"
sleep 3   # let start-up work finish before measuring idle
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before="$(ticks)"
sleep 10
after="$(ticks)"
hz="$(getconf CLK_TCK)"
echo "idle_cpu_percent $(awk -v a="$before" -v b="$after" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz / 10 * 100 }')"
awk '/^(VmRSS|VmHWM|RssAnon|RssFile|RssShmem|Threads):/ { print $1, $2 }' "/proc/$pid/status"
# Where the resident memory goes: Rss of every mapping in /proc/<pid>/smaps, by what it maps.
self="$(readlink -f "$bin")"
awk -v self="$self" '
    /^[0-9a-f]+-[0-9a-f]+ / {
        name = $6
        if (name ~ /libLLVM/) group = "llvm"
        else if (name ~ /\/dri\/|libgallium|libGLX_mesa|libglapi|libGL|libEGL|libgbm/) group = "mesa"
        else if (name ~ /^\/SYSV/) group = "shm"
        else if (name == self) group = "binary"
        else if (name == "" || name ~ /^\[(heap|stack|anon)/) group = "anon"
        else group = "libs"
    }
    /^Rss:/ { kib[group] += $2 }
    END { for (g in kib) print "mem_" g, kib[g] }' "/proc/$pid/smaps"
stop
# A machine's very first start: Mesa compiles every shader with LLVM (nothing cached yet).
cache="$(mktemp -d)"
export MESA_SHADER_CACHE_DIR="$cache"
start
sleep 3
echo "cold_cache_rss_kib $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")"
stop
rm -rf "$data_home" "$log" "$cache"
PROBE
    chmod +x "$gui_probe"
    local gui frames median mesa
    gui="$(xvfb-run -a -s '-screen 0 1280x820x24' "$gui_probe" "$bin")"
    printf '%s\n' "$gui" > "$out_dir/window.txt"
    frames="$(awk '/first_frame_ms/ {$1=""; print}' <<<"$gui")"
    median="$(tr ' ' '\n' <<<"$frames" | grep . | sort -n | sed -n 3p)"
    val() { awk -v k="$1" '$1 == k || $1 == k":" {print $2}' <<<"$gui"; }
    mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
    mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k * 1024 / 1e6 }'; }
    mesa="$(dpkg-query -W -f '${Version}' libgl1-mesa-dri 2>/dev/null || echo unknown)"
    say "### Window (Xvfb 1280x820, Mesa $mesa, llvmpipe)"
    say ""
    say "| measure | value | target |"
    say "|---|---|---|"
    say "| time to first frame (median of 5 cold starts) | ${median} ms (all: ${frames# }) | ≤ 150 ms |"
    say "| CPU while idle, 10 s | $(val idle_cpu_percent) % of one core | 0 % |"
    say "| resident memory at idle | $(mib "$(val VmRSS)") = $(mb "$(val VmRSS)") (peak $(mib "$(val VmHWM)")) | ≤ 100 MB |"
    say "| resident memory at idle, first start ever (empty Mesa shader cache) | $(mib "$(val cold_cache_rss_kib)") = $(mb "$(val cold_cache_rss_kib)") | |"
    say ""
    say "Where the resident memory at idle goes ($(val Threads) threads; anonymous $(mib "$(val RssAnon)"), file-backed $(mib "$(val RssFile)"), shared memory $(mib "$(val RssShmem)")):"
    say ""
    say "| mappings | resident |"
    say "|---|---|"
    say "| libLLVM (llvmpipe compiles shaders with it; code touched plus its relocated data) | $(mib "$(val mem_llvm)") |"
    say "| Mesa's GL driver (swrast_dri.so, libGL*) | $(mib "$(val mem_mesa)") |"
    say "| heap and anonymous memory (Mesa's textures and compiled shaders, egui, tokio, thread stacks) | $(mib "$(val mem_anon)") |"
    say "| the mailtester binary (code and data touched) | $(mib "$(val mem_binary)") |"
    say "| the window's pixels (X shared-memory image) | $(mib "$(val mem_shm)") |"
    say "| other libraries (libc, libstdc++, X11, ...) | $(mib "$(val mem_libs)") |"
    say ""
}

if [[ "${1:-}" == window ]]; then
    window_bench
    echo "results in $results"
    exit 0
fi
[[ "${1:-}" == inbox ]] || window_bench

# --- 2. The CLI against Postfix, beside swaks ------------------------------------------------
postfix_dir="$PWD/target/postfix-bench"
env_file="$(MAILTESTER_POSTFIX_PLAIN_PORT=14525 MAILTESTER_POSTFIX_SUBMISSION_PORT=14587 \
    MAILTESTER_POSTFIX_SMTPS_PORT=14465 MAILTESTER_POSTFIX_IMAP_PORT=14143 \
    MAILTESTER_POSTFIX_IMAPS_PORT=14993 scripts/postfix-test-server.sh start "$postfix_dir" | tail -n 1)"
trap 'scripts/postfix-test-server.sh stop "$postfix_dir" >/dev/null 2>&1 || true' EXIT
# shellcheck disable=SC1090
source "$env_file"
export MAILTESTER_BENCH_PW='Secr3t&<"pass'
user="$MAILTESTER_POSTFIX_USER"
port="$MAILTESTER_POSTFIX_SUBMISSION_PORT"
ours="$bin send --host 127.0.0.1 --port $port --enable-ssl true --user $user --password-env MAILTESTER_BENCH_PW --from $user --ca-file $MAILTESTER_POSTFIX_CA --json"
theirs="swaks --server 127.0.0.1:$port --tls --auth LOGIN --auth-user $user --auth-password \"\$MAILTESTER_BENCH_PW\" --from $user --to $user --tls-verify --tls-ca-path $MAILTESTER_POSTFIX_CA"

# --- 2b. Did it land? The same send, then the message found in Dovecot over IMAPS ----------------
inbox_bench() {
    local inbox="$ours --to $user --check-inbox imaps://$user@127.0.0.1:$MAILTESTER_POSTFIX_IMAPS_PORT --inbox-password-env MAILTESTER_BENCH_PW"
    $inbox > "$out_dir/inbox.json"   # fails loudly here if the setup is wrong
    hyperfine --warmup 3 --runs 20 --export-markdown "$out_dir/inbox.md" \
        -n "send --check-inbox" "$inbox > /dev/null" -n "send" "$ours > /dev/null" > "$out_dir/hyperfine-inbox.txt"
    local after=()
    for _ in 1 2 3 4 5; do
        after+=("$($inbox | python3 -c 'import json,sys; print(json.load(sys.stdin)["inbox_check"]["arrival"]["after_ms"])')")
    done
    say "### Did it land? send, then the message found in Dovecot's inbox over IMAPS (local Postfix)"
    say ""
    cat "$out_dir/inbox.md" | tee -a "$results"
    say ""
    say "From the server's 250 to the message found: ${after[*]} ms (five runs)."
    say ""
}
if [[ "${1:-}" == inbox ]]; then
    inbox_bench
    echo "results in $results"
    exit 0
fi
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
