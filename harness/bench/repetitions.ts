// How many repetitions a scenario's workload needs on the instruction clock: at least `min`, at
// most `max`, and no more than `min` once they agree. Repetitions of one build agree to 0.01-0.05%
// on tcp_rr there (docs/instruction-clock.md), so five are mostly wall time spent confirming
// three; about one repetition in 30 still comes out several percent low, now and then one has a
// slower p99 alone, and then the rule runs the remaining ones, so the median of five absorbs it.
// The early stop uses only the spread, never the value, so it cannot move the median towards any
// particular answer.
import { medianOf } from '../stats/statistics.ts';
import { workloadNamed } from '../workloads/index.ts';

export interface RepetitionRule {
  /** Repetitions always measured (3 in the default preset: the order-statistic interval of the median needs 3, README; 2 in --quick, which has no interval). */
  min: number;
  /** Repetitions measured when the first `min` disagree. */
  max: number;
}

/** Whether `values` agree within `limitPct` of their median: (max - min) / |median| * 100 <= limitPct. */
function agree(values: readonly number[], limitPct: number): boolean {
  const centre = Math.abs(medianOf(values));
  return centre > 0 && ((Math.max(...values) - Math.min(...values)) / centre) * 100 <= limitPct;
}

/**
 * Whether `measured` repetitions of `workload` are enough. `ok` holds the metrics of each
 * repetition that came out ok; a failed or invalid repetition is missing from it and counts as
 * disagreement. Enough when `measured` >= max, or when `measured` >= min and every metric of the
 * workload's agreementPct (harness/workloads/) agrees within its limit. The first, the rate, must
 * be in every repetition; a later one no repetition reported (p99 of netperf flows) is not
 * judged, one that some reported and others did not is disagreement. A workload not in the
 * registry always runs `max`.
 */
export function enoughRepetitions(workload: string, ok: readonly Readonly<Record<string, number>>[], measured: number, rule: RepetitionRule): boolean {
  if (measured >= rule.max) return true;
  if (measured < rule.min || ok.length < measured) return false;
  const limits = Object.entries(workloadNamed(workload)?.agreementPct ?? {});
  if (limits.length === 0) return false;
  return limits.every(([metric, limitPct], i) => {
    const values = ok.map((m) => m[metric]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (values.length === 0 && i > 0) return true;
    return values.length === ok.length && agree(values, limitPct);
  });
}
