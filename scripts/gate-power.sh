#!/usr/bin/env bash
# Does the regression gate work? K pairs of identical setups (A/A: a failed gate is a false alarm)
# and K pairs whose candidate carries an injected per-packet cost on the server side
# (A/B, `bench --inject-cost N`: a failed gate is a detection). Each round runs A1, A2 and B, B
# before or after A2 in turn so a slow drift of the machine does not favour either; it compares
# A1 -> A2 (A/A) and A2 -> B (A/B) exactly as the nightly gate would, then reports the
# false-alarm rate, the detection rate and how large the injected slowdown actually was.
#
#   scripts/gate-power.sh [-k PAIRS] [-c INJECT_COST] [-t THRESHOLD_PCT] [-m METRICS] [-o DIR] [-- BENCH_ARGS...]
#
# Defaults: 5 pairs each, --inject-cost 200, threshold 5 %, headline metrics, results under
# results/gate-power-<time>, bench args "--scenarios host,veth-bpf --workloads tcp_stream,tcp_rr".
set -euo pipefail
cd "$(dirname "$0")/.."

K=5 COST=200 THRESHOLD=5 METRICS=headline OUT=""
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
die() { printf 'gate-power: %s\n' "$*" >&2; exit 2; }
while getopts 'k:c:t:m:o:h' opt; do
  case "$opt" in
    k) K=$OPTARG ;; c) COST=$OPTARG ;; t) THRESHOLD=$OPTARG ;; m) METRICS=$OPTARG ;; o) OUT=$OPTARG ;; *) usage ;;
  esac
done
shift $((OPTIND - 1))
BENCH_ARGS=("$@")
[ ${#BENCH_ARGS[@]} -gt 0 ] || BENCH_ARGS=(--scenarios host,veth-bpf --workloads tcp_stream,tcp_rr)
[[ "$K" =~ ^[1-9][0-9]*$ ]] || die "-k \"$K\" must be a positive integer"
[[ "$COST" =~ ^[1-9][0-9]*$ ]] || die "-c \"$COST\" must be a positive integer"
OUT=${OUT:-results/gate-power-$(date -u +%Y%m%dT%H%M%SZ)}

nkb() { node bin/netkit-bench.js "$@"; }
nkb bench --help | grep -q -- '--inject-cost' || die "this netkit-bench has no 'bench --inject-cost'; the A/B runs need it"
no_report=()
nkb bench --help | grep -q -- '--no-report' && no_report=(--no-report)
mkdir -p "$OUT/runs"

# One bench run; prints its folder. Invalid measurements are fine (the comparison skips them).
bench_run() {
  local id
  id=$(tr -dc 'a-z0-9' < /dev/urandom | head -c 6)
  nkb bench --out "$OUT/runs" --run-id "$id" --allow-invalid "${no_report[@]}" "${BENCH_ARGS[@]}" "$@" >&2 || true
  [ -f "$OUT/runs/$id/results.json" ] || die "bench run $id wrote no results"
  echo "$OUT/runs/$id"
}

# Compare as the gate does; exit 1 (regressed) is an outcome, anything above is an error.
judge() {
  local name=$1 baseline=$2 candidate=$3 rc=0
  nkb compare "$baseline" "$candidate" --threshold "$THRESHOLD" --metric "$METRICS" --save "$OUT/$name.json" > "$OUT/$name.txt" || rc=$?
  [ "$rc" -le 1 ] || die "compare $baseline $candidate failed (exit $rc): $(tail -1 "$OUT/$name.txt")"
  printf 'gate-power: %s %s\n' "$name" "$([ "$rc" = 1 ] && echo 'gate failed' || echo 'gate passed')" >&2
}

for i in $(seq 1 "$K"); do
  a1=$(bench_run)
  if [ $((i % 2)) = 1 ]; then a2=$(bench_run); b=$(bench_run --inject-cost "$COST"); else b=$(bench_run --inject-cost "$COST"); a2=$(bench_run); fi
  judge "aa-$i" "$a1" "$a2"
  judge "ab-$i" "$a2" "$b"
done

nkb gate-power "$OUT" --injected "inject-cost $COST" --json > "$OUT/summary.json"
nkb gate-power "$OUT" --injected "inject-cost $COST" | tee "$OUT/summary.txt"
