#!/usr/bin/env bash
# The nightly regression gate: bench, keep the run in the history, compare it against the last N
# runs of the history, write the report, and exit with the gate's verdict:
#   0  nothing regressed (or no history yet: every row inconclusive)
#   1  something regressed, or the bench produced no results
#   2  bad input: a setting, a run of another clock or place than the history's, no earlier run
#      sharing this one's environment, or a pinned kernel that neither the cache nor apt has
# Invalid measurements do not fail the gate by themselves; the report and summary show them.
#
# By default it measures on the instruction clock in the built-in VM (bench --vm always --clock
# instructions), on any runner, KVM or not: figures that do not move with the machine's load, so the
# gate sees a 1% change (docs/nightly.md). The VM boots the kernel the history is on, so a Debian
# point release never moves a history by itself; a new kernel comes when asked, and that night is
# judged as a kernel change against the earlier nights.
#
# Settings (environment):
#   NKB_OUT           where runs go                                  (results/nightly)
#   NKB_HISTORY       the history folder                             (results/history)
#   NKB_HISTORY_RUNS  earlier runs pooled as baseline                (7)
#   NKB_CLOCK         instructions, or host: the wall clock, natively where the kernel can run
#                     every scenario (bench --clock host --vm auto)  (instructions)
#   NKB_THRESHOLD     smallest change that counts, %                 (0.5 instructions, 5 host)
#   NKB_METRICS       what gates (compare --metric)  (instructions: the rates, transactionsPerS,
#                     connectionsPerS, throughputGbps; host: headline)
#   NKB_KERNEL        pinned: the kernel of the history's newest run (apt's newest for a new
#                     history); newest: apt's newest; or a kernel as bench --vm-kernel takes it
#   NKB_BENCH_ARGS    extra bench flags, e.g. "--quick --scenarios host,netkit", or a kernel gate's
#                     "--kernel /src/linux --vm-cmdline mitigations=off" (they come last and win)
#   NKB_VARY          what differs on purpose between nights (compare --vary): kernel for a kernel
#                     gate (the baseline is the earlier builds' runs), bpf, cmdline; empty: nothing.
#                     A night whose kernel differs from the history's adds kernel by itself.
#   NKB_BPF_TAX       testing aid, passed to setup.sh: a datapath that costs N bpf_loop rounds more
#   GITHUB_STEP_SUMMARY, GITHUB_OUTPUT  set by GitHub Actions: the Markdown summary goes to the
#                     first; run_dir, kernel (what history kernel prints) and kernel_dir to the second
set -uo pipefail
cd "$(dirname "$0")/.."

say() { printf 'nightly: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }
nkb() { node bin/netkit-bench.js "$@"; }

OUT=${NKB_OUT:-results/nightly}
HISTORY=${NKB_HISTORY:-results/history}
RUNS=${NKB_HISTORY_RUNS:-7}
CLOCK=${NKB_CLOCK:-instructions}
KERNEL=${NKB_KERNEL:-pinned}
# The gate power each clock was measured to have (docs/nightly.md), said in every report.
case "$CLOCK" in
  instructions)
    clock_args=(--vm always --clock instructions)
    THRESHOLD=${NKB_THRESHOLD:-0.5}
    METRICS=${NKB_METRICS:-transactionsPerS,connectionsPerS,throughputGbps}
    power="instruction clock, history mode, tcp_rr transactions/s at threshold 0.5%: 0 false alarms in 20 A/A nights, a 1% cost detected 20 times in 20 (one-VM runs); tcp_stream throughput: 0 false alarms in 10 nights, its nights spread about 1%, so it sees a change of a few percent, not 1% (docs/nightly.md)" ;;
  host)
    clock_args=(--clock host)
    THRESHOLD=${NKB_THRESHOLD:-5}
    METRICS=${NKB_METRICS:-headline}
    power="wall clock, measured on a shared 2-core machine (docs/nightly.md): interleaved runs detect a 40% shift 19 times in 20 (21 of 22), history mode caught 16% and 28% drops 1 of 6 and 2 of 8 times; smaller changes pass unseen (the instruction clock, the default, detects 1%)" ;;
  *) die "NKB_CLOCK \"$CLOCK\" must be instructions or host" ;;
esac
VARY=${NKB_VARY:-}
read -r -a BENCH_ARGS <<< "${NKB_BENCH_ARGS:-}"

bash scripts/setup.sh || exit $?

# The kernel the history is on, as bench --vm-kernel takes it (empty for a new history).
pinned=$(nkb history kernel --history-dir "$HISTORY") || exit $?
kernel_args=()
case "$KERNEL" in
  pinned) [[ $pinned == linux-image-* ]] && kernel_args=(--vm-kernel "$pinned") ;;
  *) kernel_args=(--vm-kernel "$KERNEL") ;;
esac
# The VMs the history's runs were cut into (bench --vm-shards; empty for a new or native history):
# which builds share a guest stays as the history has it, as the kernel does.
pinned_vms=$(nkb history vms --history-dir "$HISTORY") || exit $?
vm_args=()
vms_said="VMs as bench chooses"
# Not where NKB_BENCH_ARGS sets the clock or place, or cuts the run itself (--shard, an interleaved
# --ab-inject-cost): bench decides the VMs there, or refuses a count above 1.
own_cut=0
for a in ${BENCH_ARGS[@]+"${BENCH_ARGS[@]}"}; do [[ $a =~ ^--(shard|ab-inject-cost|clock|vm)(=|$) ]] && own_cut=1; done
if [[ $CLOCK == instructions && -n $pinned_vms && $own_cut == 0 ]]; then vm_args=(--vm-shards "$pinned_vms"); vms_said="$pinned_vms VM(s), as the history has"; fi
say "clock $CLOCK, threshold $THRESHOLD%, gating on $METRICS; kernel ${kernel_args[1]:-as bench chooses (a new history)}; $vms_said"

run_id=$(tr -dc 'a-z0-9' < /dev/urandom | head -c 6)
# This script writes the report itself, with the history's trends.
nkb bench --out "$OUT" --run-id "$run_id" --no-report "${clock_args[@]}" "${kernel_args[@]}" "${vm_args[@]}" "${BENCH_ARGS[@]}"
bench_rc=$?
run_dir="$OUT/$run_id"
if [ ! -f "$run_dir/results.json" ]; then
  # Exit 2: bench said in one line what was wrong (a bad flag, a kernel neither the cache nor apt has).
  [ "$bench_rc" = 2 ] && exit 2
  say "bench wrote no results (exit $bench_rc)"
  exit 1
fi
[ "$bench_rc" = 0 ] || say "bench exited $bench_rc (invalid measurements are in the report); the gate decides"
[ -n "${GITHUB_OUTPUT:-}" ] && echo "run_dir=$run_dir" >> "$GITHUB_OUTPUT"

nkb history add "$run_dir" --history-dir "$HISTORY" || exit $?
booted=$(nkb history kernel --history-dir "$HISTORY") || exit $?
if [ -n "${GITHUB_OUTPUT:-}" ] && [[ $booted == linux-image-* ]]; then
  printf 'kernel=%s\nkernel_dir=.cache/vm/kernels/%s\n' "$booted" "${booted%%=*}" >> "$GITHUB_OUTPUT"
fi
# A night on another kernel than the history's (asked for with NKB_KERNEL, or a runner's own
# kernel that changed under a native night) is judged as that: the kernel varies on purpose, and
# the earlier nights on the old kernel are its baseline.
if [ -n "$pinned" ] && [ "$booted" != "$pinned" ] && [[ ,$VARY, != *,kernel,* ]]; then
  say "kernel change: $pinned -> $booted; judged with --vary kernel against the earlier nights"
  VARY=${VARY:+$VARY,}kernel
fi
vary_args=()
[ -n "$VARY" ] && vary_args=(--vary "$VARY")

nkb compare "$run_dir" --against-history "$RUNS" --history-dir "$HISTORY" --threshold "$THRESHOLD" --metric "$METRICS" "${vary_args[@]}" \
  --save "$run_dir/comparison.json" --format md > "$run_dir/comparison.md"
gate=$?
if [ -s "$run_dir/comparison.md" ]; then
  printf '> Gate power on this clock: %s.\n' "$power" >> "$run_dir/comparison.md"
  cat "$run_dir/comparison.md"
fi

nkb report "$run_dir" --history-dir "$HISTORY" --threshold "$THRESHOLD" --history-runs "$RUNS"
report_rc=$?
# A kernel gate's trend across builds: each build's runs, each run's own figure.
if [[ ,$VARY, == *,kernel,* ]]; then nkb history list --by kernel --history-dir "$HISTORY" > "$run_dir/kernel-builds.txt"; fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  for f in "$run_dir/comparison.md" "$run_dir/report/summary.md"; do
    [ -f "$f" ] && { cat "$f"; echo; } >> "$GITHUB_STEP_SUMMARY"
  done
fi

say "done in ${SECONDS} s"
case "$gate" in
  0) say "nothing regressed (baseline: up to $RUNS earlier run(s) in $HISTORY)"; [ "$report_rc" = 0 ] || exit "$report_rc"; exit 0 ;;
  1) say "REGRESSION: see $run_dir/comparison.md and $run_dir/report/report.html"; exit 1 ;;
  *) say "compare could not judge this run (exit $gate)"; exit "$gate" ;;
esac
