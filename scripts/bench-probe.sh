#!/usr/bin/env bash
# The "find my settings" benchmark: `mailtester probe` against a local test domain (17 probes,
# one black-holed port) for per-probe timeouts of 2, 4 and 6 s; prints a Markdown table of the
# total time against the timeout and against the sum of the single probes.
# Debug build (the project's rule on these machines); BENCH_RUNS=5 for more runs per timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --profile dev --bench probe "$@"
