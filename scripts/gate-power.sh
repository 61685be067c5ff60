#!/usr/bin/env bash
# Does the regression gate work? Measures its family-wise false-alarm rate (A/A: a failed gate is
# a false alarm) and its detection rate (A/B: the candidate carries an injected per-packet cost,
# a BPF tax of N bpf_loop iterations on the server wire; only a regression of a targeted metric
# counts as a detection), in one of three modes:
#   run          each round runs A1, A2 and B (B before or after A2 in turn, against drift) and
#                compares A1 -> A2 and A2 -> B as two single runs (compare A B);
#   history      N baseline runs go into a fresh history first; each round then judges a plain
#                run and a taxed run against them (compare --against-history N): the nightly gate;
#   interleaved  each round is two runs that measure every scenario next to a copy of itself in
#                every repetition: an untaxed copy (A/A) and a taxed one (A/B), each compared
#                paired by repetition (compare --interleaved S:S+copy / S:S+tax). Cheapest per answer.
#
#   scripts/gate-power.sh [-M run|history|interleaved] [-k ROUNDS] [-n HISTORY_RUNS] [-c INJECT_COST]
#                         [-t THRESHOLD_PCT] [-m METRICS] [-o DIR] [-- BENCH_ARGS...]
#
# Defaults: run mode, 5 rounds, 5 history runs, --inject-cost 200, threshold 5 %, headline metrics
# (primary ones gate), results under results/gate-power-<time>, bench args
# "--scenarios host,veth-bpf --workloads tcp_stream,tcp_rr". Bench args pass through unchanged, e.g.
#   scripts/gate-power.sh -M interleaved -k 20 -c 30 -- --clock instructions --vm always --scenarios host --workloads tcp_rr
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=run K=5 N=5 COST=200 THRESHOLD=5 METRICS=headline OUT=""
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
die() { printf 'gate-power: %s\n' "$*" >&2; exit 2; }
while getopts 'M:k:n:c:t:m:o:h' opt; do
  case "$opt" in
    M) MODE=$OPTARG ;; k) K=$OPTARG ;; n) N=$OPTARG ;; c) COST=$OPTARG ;; t) THRESHOLD=$OPTARG ;; m) METRICS=$OPTARG ;; o) OUT=$OPTARG ;; *) usage ;;
  esac
done
shift $((OPTIND - 1))
BENCH_ARGS=("$@")
[ ${#BENCH_ARGS[@]} -gt 0 ] || BENCH_ARGS=(--topology cross-node --scenarios host,veth-bpf --workloads tcp_stream,tcp_rr)
[[ "$MODE" =~ ^(run|history|interleaved)$ ]] || die "-M \"$MODE\" must be run, history or interleaved"
[[ "$K" =~ ^[1-9][0-9]*$ ]] || die "-k \"$K\" must be a positive integer"
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "-n \"$N\" must be a positive integer"
[[ "$COST" =~ ^[1-9][0-9]*$ ]] || die "-c \"$COST\" must be a positive integer"
OUT=${OUT:-results/gate-power-$(date -u +%Y%m%dT%H%M%SZ)}

nkb() { node bin/netkit-bench.js "$@"; }
nkb bench --help | grep -q -- '--inject-cost' || die "this netkit-bench has no 'bench --inject-cost'; the A/B runs need it"
mkdir -p "$OUT/runs"

# One bench run; prints its folder. Invalid measurements are fine (the comparison skips them).
bench_run() {
  local id
  id=$(tr -dc 'a-z0-9' < /dev/urandom | head -c 6)
  nkb bench --out "$OUT/runs" --run-id "$id" --allow-invalid --no-report "${BENCH_ARGS[@]}" "$@" >&2 || true
  [ -f "$OUT/runs/$id/results.json" ] || die "bench run $id wrote no results"
  echo "$OUT/runs/$id"
}

# Compare as the gate does; exit 1 (regressed) is an outcome, anything above is an error.
# --force: a taxed run differs from a plain one in options.injectCost by design.
judge() {
  local name=$1 rc=0
  shift
  nkb compare "$@" --threshold "$THRESHOLD" --metric "$METRICS" --force --save "$OUT/$name.json" > "$OUT/$name.txt" || rc=$?
  [ "$rc" -le 1 ] || die "compare $* failed (exit $rc): $(tail -1 "$OUT/$name.txt")"
  printf 'gate-power: %s %s\n' "$name" "$([ "$rc" = 1 ] && echo 'gate failed' || echo 'gate passed')" >&2
}

# shellcheck source=lib/interleaved.sh
. scripts/lib/interleaved.sh

case "$MODE" in
  run)
    for i in $(seq 1 "$K"); do
      a1=$(bench_run)
      if [ $((i % 2)) = 1 ]; then a2=$(bench_run); b=$(bench_run --inject-cost "$COST"); else b=$(bench_run --inject-cost "$COST"); a2=$(bench_run); fi
      judge "aa-$i" "$a1" "$a2"
      judge "ab-$i" "$a2" "$b"
    done ;;
  history)
    hist="$OUT/history"
    for j in $(seq 1 "$N"); do nkb history add "$(bench_run)" --history-dir "$hist" >&2; done
    for i in $(seq 1 "$K"); do
      if [ $((i % 2)) = 1 ]; then a=$(bench_run); b=$(bench_run --inject-cost "$COST"); else b=$(bench_run --inject-cost "$COST"); a=$(bench_run); fi
      judge "aa-$i" "$a" --against-history "$N" --history-dir "$hist"
      judge "ab-$i" "$b" --against-history "$N" --history-dir "$hist"
    done ;;
  interleaved)
    for i in $(seq 1 "$K"); do
      a=$(bench_run --ab-inject-cost 0)
      b=$(bench_run --ab-inject-cost "$COST")
      judge "aa-$i" "$a" --interleaved "$(pairs_of "$a" copy)"
      judge "ab-$i" "$b" --interleaved "$(pairs_of "$b" tax)"
    done ;;
esac

nkb gate-power "$OUT" --injected "inject-cost $COST ($MODE mode)" --json > "$OUT/summary.json"
nkb gate-power "$OUT" --injected "inject-cost $COST ($MODE mode)" | tee "$OUT/summary.txt"
