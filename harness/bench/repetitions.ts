// How many repetitions a scenario's workload needs on the instruction clock: at least `min`, at
// most `max`, and no more than `min` once they agree. Repetitions of one build agree to 0.01-0.05%
// on tcp_rr there (README, "The instruction clock"), so five are mostly wall time spent confirming
// three; about one repetition in 30 still comes out several percent low, and then the rule runs
// the remaining ones, so the median of five absorbs it. The early stop uses only the spread, never
// the value, so it cannot move the median towards any particular answer.
import { medianOf } from '../stats/statistics.ts';
import { workloadNamed } from '../workloads/index.ts';

export interface RepetitionRule {
  /** Repetitions always measured (3 in the default preset: the order-statistic interval of the median needs 3, README; 2 in --quick, which has no interval). */
  min: number;
  /** Repetitions measured when the first `min` disagree. */
  max: number;
}

/**
 * Whether `measured` repetitions of `workload` are enough. `values` holds the workload's rate (its
 * first primary metric, harness/workloads/) of each repetition that came out ok; a failed or
 * invalid repetition is missing from it and counts as disagreement. Enough when `measured` >= max,
 * or when `measured` >= min and the values agree within the workload's agreementPct:
 * (max - min) / |median| * 100 <= agreementPct. A workload not in the registry always runs `max`.
 */
export function enoughRepetitions(workload: string, values: readonly number[], measured: number, rule: RepetitionRule): boolean {
  if (measured >= rule.max) return true;
  if (measured < rule.min || values.length < measured) return false;
  const limit = workloadNamed(workload)?.agreementPct;
  const centre = Math.abs(medianOf(values));
  if (limit === undefined || !(centre > 0)) return false;
  return ((Math.max(...values) - Math.min(...values)) / centre) * 100 <= limit;
}

/** The metric whose agreement decides (undefined: the workload has none; it runs `max`). */
export const decidingMetric = (workload: string): string | undefined => workloadNamed(workload)?.primary[0];
