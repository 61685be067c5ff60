#!/usr/bin/env bash
# Reproducibility of the instruction clock: the same matrix in two separate boots of the built-in
# VM, then each row's run-to-run difference against its target (request/response and connect
# rates within 0.5%, streams within 2%; harness/clock/reproducibility.ts).
#
#   scripts/reproducibility.sh [-o DIR] [-- BENCH_ARGS...]
#
# Default bench args: none beyond --clock instructions (the default matrix). Exit 1 when a row
# misses its target; the runs stay under DIR (default results/reproducibility-<time>).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=""
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while getopts 'o:h' opt; do
  case "$opt" in o) OUT=$OPTARG ;; *) usage ;; esac
done
shift $((OPTIND - 1))
OUT=${OUT:-results/reproducibility-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
for run in 1 2; do
  start=$(date +%s)
  node bin/netkit-bench.js bench --clock instructions --out "$OUT" --run-id "repro$run"x --no-report --allow-invalid "$@" >&2
  printf 'reproducibility: run %s took %s s of wall time\n' "$run" $(( $(date +%s) - start )) >&2
done
node --import tsx scripts/reproducibility-table.ts "$OUT/repro1x" "$OUT/repro2x"
