// Per-program BPF cost for one measurement: time in the program per run, from the kernel's own
// run_time_ns / run_cnt (statistics held on by `nkb-loader hold-stats` while the run lasts). A program that did not
// run (or ran with statistics off) has no figure rather than a zero.
import { bpfMetricName } from '../metrics.ts';
import type { BpfProgramStats } from '../results/schema.ts';

export function bpfCostMetrics(programs: readonly BpfProgramStats[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of programs) {
    if (p.runCnt > 0 && p.runTimeNs > 0) out[bpfMetricName(p.name)] = p.runTimeNs / p.runCnt;
  }
  return out;
}
