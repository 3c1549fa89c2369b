#!/usr/bin/env bash
# The fleet check benchmark: generated hosting trees of 1,000 and 10,000 sites over 50 scripted
# SMTP servers; prints a Markdown table of the walk time, the scan's total time against the
# slowest single server, and the scan's peak memory. Debug build (the project's rule on these
# machines).
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --profile dev --bench scan "$@"
