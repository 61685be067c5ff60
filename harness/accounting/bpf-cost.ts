// Per-program BPF cost, from a pass of its own. Timed measurements run with BPF run statistics off
// (they would add two clock reads and a per-CPU counter update to every program run, a tax only the
// BPF scenarios pay); an untimed pass of the same workload runs with them on (BPF_ENABLE_STATS;
// accounting/measure.ts, scheduled by bench/matrix.ts) and each program's run_time_ns / run_cnt
// over that pass is its cost per run.
// That is the program body only: bpf_redirect_peer/_neigh only record where the packet goes, and
// the route and neighbour work they trigger happens after the program returns, outside run_time_ns.
// A program that did not run in the pass has no figure rather than a zero.
import { bpfMetricName } from '../core/metrics.ts';
import type { BpfProgramStats } from '../model/results.ts';

/** Wall-clock seconds of traffic in a cost pass: enough runs for a mean, short next to a measurement. */
export const BPF_COST_PASS_S = 1;

export function bpfCostMetrics(programs: readonly BpfProgramStats[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of programs) {
    if (p.runCnt > 0 && p.runTimeNs > 0) out[bpfMetricName(p.name)] = p.runTimeNs / p.runCnt;
  }
  return out;
}
