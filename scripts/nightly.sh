#!/usr/bin/env bash
# The nightly regression gate: bench, keep the run in the history, compare it against the last N
# runs of the history, write the report, and exit with the gate's verdict:
#   0  nothing regressed (or no history yet: every row inconclusive)
#   1  something regressed, or the bench produced no results
#   2  bad input, or no earlier run shares this machine's environment (kernel, CPU, scenarios)
# Invalid measurements do not fail the gate by themselves; the report and summary show them.
#
# Settings (environment):
#   NKB_OUT           where runs go                     (results/nightly)
#   NKB_HISTORY       the history folder                (results/history)
#   NKB_HISTORY_RUNS  earlier runs pooled as baseline   (7)
#   NKB_THRESHOLD     smallest change that counts, %    (5)
#   NKB_BENCH_ARGS    extra bench flags, e.g. "--quick --scenarios host,netkit", or a kernel gate's
#                     "--kernel /src/linux --vm-cmdline mitigations=off"
#   NKB_VARY          what differs on purpose between nights (compare --vary): kernel for a kernel
#                     gate (the baseline is the earlier builds' runs), bpf, cmdline; empty: nothing
#   GITHUB_STEP_SUMMARY, GITHUB_OUTPUT  set by GitHub Actions: the Markdown summary and run_dir go there
set -uo pipefail
cd "$(dirname "$0")/.."

OUT=${NKB_OUT:-results/nightly}
HISTORY=${NKB_HISTORY:-results/history}
RUNS=${NKB_HISTORY_RUNS:-7}
THRESHOLD=${NKB_THRESHOLD:-5}
VARY=()
[ -n "${NKB_VARY:-}" ] && VARY=(--vary "$NKB_VARY")
read -r -a BENCH_ARGS <<< "${NKB_BENCH_ARGS:-}"
nkb() { node bin/netkit-bench.js "$@"; }
say() { printf 'nightly: %s\n' "$*" >&2; }

bash scripts/setup.sh || exit $?

run_id=$(tr -dc 'a-z0-9' < /dev/urandom | head -c 6)
# The lead's bench writes its own report unless --no-report; this script writes it with trends.
no_report=()
nkb bench --help | grep -q -- '--no-report' && no_report=(--no-report)

nkb bench --out "$OUT" --run-id "$run_id" "${no_report[@]}" "${BENCH_ARGS[@]}"
bench_rc=$?
run_dir="$OUT/$run_id"
if [ ! -f "$run_dir/results.json" ]; then
  say "bench wrote no results (exit $bench_rc)"
  exit 1
fi
[ "$bench_rc" = 0 ] || say "bench exited $bench_rc (invalid measurements are in the report); the gate decides"
[ -n "${GITHUB_OUTPUT:-}" ] && echo "run_dir=$run_dir" >> "$GITHUB_OUTPUT"

nkb history add "$run_dir" --dir "$HISTORY" || exit $?

nkb compare "$run_dir" --against-history "$RUNS" --history-dir "$HISTORY" --threshold "$THRESHOLD" "${VARY[@]}" \
  --save "$run_dir/comparison.json" --format md > "$run_dir/comparison.md"
gate=$?
[ -s "$run_dir/comparison.md" ] && cat "$run_dir/comparison.md"

nkb report "$run_dir" --history "$HISTORY" --threshold "$THRESHOLD" --history-runs "$RUNS"
report_rc=$?
# A kernel gate's trend across builds: each build's runs, each run's own figure.
if [ "${NKB_VARY:-}" = kernel ]; then nkb history list --by kernel --dir "$HISTORY" > "$run_dir/kernel-builds.txt"; fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  for f in "$run_dir/comparison.md" "$run_dir/report/summary.md"; do
    [ -f "$f" ] && { cat "$f"; echo; } >> "$GITHUB_STEP_SUMMARY"
  done
fi

case "$gate" in
  0) say "nothing regressed (baseline: up to $RUNS earlier run(s) in $HISTORY)"; [ "$report_rc" = 0 ] || exit "$report_rc"; exit 0 ;;
  1) say "REGRESSION: see $run_dir/comparison.md and $run_dir/report/report.html"; exit 1 ;;
  *) say "compare could not judge this run (exit $gate)"; exit "$gate" ;;
esac
