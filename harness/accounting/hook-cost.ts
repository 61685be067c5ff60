// What one attach mechanism costs against another, from one instruction-clock run that measured
// both scenarios (veth-tc against veth-bpf: classic tc against tcx, same programs). Under qemu TCG
// icount a guest second is a fixed number of guest instructions (results' environment.clock), so
// 1 / transactionsPerS is instructions per transaction of the whole guest, both ends included.
import type { ResultsFile } from '../model/results.ts';
import { medianOf } from '../stats/statistics.ts';

export interface HookCostDifference {
  workload: string;
  /** Candidate and reference scenario (a - b). */
  a: string;
  b: string;
  /** Repetitions where both were ok, paired by repetition number. */
  pairs: number;
  /** Median over repetitions of each scenario's guest instructions per transaction. */
  instructionsPerTransactionA: number;
  instructionsPerTransactionB: number;
  /** Median, min and max over pairs of (a - b) instructions per transaction. */
  differencePerTransaction: number;
  differenceMin: number;
  differenceMax: number;
  /** Wire packets per transaction in a (receivePath, timed window): divides the difference per packet. */
  packetsPerTransaction: number;
  differencePerPacket: number;
  /**
   * Resolution: the spread (max - min) of the paired differences, per packet. `resolved` when every
   * pair has the same sign (sign test: two-sided p = 2 x 0.5^pairs, < 0.05 from 6 pairs on).
   */
  resolutionPerPacket: number;
  resolved: boolean;
  signTestP: number;
}

/** undefined when the run is not instruction-clocked or lacks pairs of ok measurements with receive-path counts. */
export function hookCostDifference(results: ResultsFile, a: string, b: string, workload = 'tcp_rr'): HookCostDifference | undefined {
  const clock = results.environment.clock;
  if (clock?.kind !== 'instructions') return undefined;
  const ok = (scenario: string) => new Map(results.measurements
    .filter((m) => m.scenario === scenario && m.workload === workload && m.state === 'ok' && (m.metrics.transactionsPerS ?? 0) > 0)
    .map((m) => [m.repetition, m]));
  const ma = ok(a);
  const mb = ok(b);
  const reps = [...ma.keys()].filter((r) => mb.has(r));
  if (reps.length === 0) return undefined;
  const ipt = (tps: number) => clock.instructionsPerGuestS / tps;
  const ia = reps.map((r) => ipt(ma.get(r)!.metrics.transactionsPerS!));
  const ib = reps.map((r) => ipt(mb.get(r)!.metrics.transactionsPerS!));
  const diffs = reps.map((_, i) => ia[i]! - ib[i]!);
  // Transactions in the counted window: rate x window on a timed one; on fixed work (--work) the
  // window spans exactly the pass's N transactions (the warmup runs before it begins): recorded
  // with the counts, else (older files, whose passes did the measurement's work) the --work figure.
  const fixed = (results.options?.workloadParams as { fixedWork?: { rrTransactions?: number } } | undefined)?.fixedWork?.rrTransactions;
  const perTx = reps.flatMap((r) => {
    const m = ma.get(r)!;
    const c = m.receivePath;
    if (c && c.timed && c.windowS > 0) return [c.wirePackets / (c.windowS * m.metrics.transactionsPerS!)];
    const n = c?.transactions ?? fixed;
    return c && workload === 'tcp_rr' && n ? [c.wirePackets / n] : [];
  });
  if (perTx.length === 0) return undefined;
  const packets = medianOf(perTx);
  const d = medianOf(diffs);
  const lo = Math.min(...diffs);
  const hi = Math.max(...diffs);
  return {
    workload, a, b, pairs: reps.length,
    instructionsPerTransactionA: medianOf(ia), instructionsPerTransactionB: medianOf(ib),
    differencePerTransaction: d, differenceMin: lo, differenceMax: hi,
    packetsPerTransaction: packets, differencePerPacket: d / packets,
    resolutionPerPacket: (hi - lo) / packets,
    resolved: lo > 0 || hi < 0,
    signTestP: Math.min(1, 2 * 0.5 ** reps.length),
  };
}
