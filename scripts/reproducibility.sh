#!/usr/bin/env bash
# Reproducibility of the instruction clock: the same matrix in two separate boots of the built-in
# VM, then each row's run-to-run difference against its target (request/response and connect
# rates within 0.5%, streams within 2%; harness/clock/reproducibility.ts).
#
#   scripts/reproducibility.sh [-p] [-o DIR] [-- BENCH_ARGS...]
#
# -p boots both VMs at once: on the instruction clock the host's load does not enter the figures,
# so this also shows that. Default bench args: the default matrix. Exit 1 when a row misses its
# target; the runs stay under DIR (default results/reproducibility-<time>).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="" PARALLEL=0
usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while getopts 'po:h' opt; do
  case "$opt" in p) PARALLEL=1 ;; o) OUT=$OPTARG ;; *) usage ;; esac
done
shift $((OPTIND - 1))
OUT=${OUT:-results/reproducibility-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
run() {
  local start; start=$(date +%s)
  node bin/netkit-bench.js bench --clock instructions --out "$OUT" --run-id "rprod${1}" --no-report --allow-invalid "${@:2}" > "$OUT/run$1.log" 2>&1 ||
    { tail -5 "$OUT/run$1.log" >&2; printf 'reproducibility: run %s failed\n' "$1" >&2; return 1; }
  printf 'reproducibility: run %s took %s s of wall time\n' "$1" $(( $(date +%s) - start )) >&2
}
if [ "$PARALLEL" = 1 ]; then
  run 1 "$@" & first=$!
  run 2 "$@" & second=$!
  wait "$first"; wait "$second"
else
  run 1 "$@"; run 2 "$@"
fi
node --import tsx scripts/reproducibility-table.ts "$OUT/rprod1" "$OUT/rprod2"
