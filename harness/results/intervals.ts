// The interval a summary row quotes beside its value, and the one beside its ratio to host: the
// distribution-free order-statistic interval of the median over repetitions (the unit of
// variation), labelled with its exact binomial coverage, never a nominal "95%". Method: Conover
// (1999), "Practical Nonparametric Statistics", 3rd ed., §3.2; Hahn & Meeker (1991), "Statistical
// Intervals", §5.2 and Table A.15 (harness/stats/median-interval.ts). With n repetitions,
// [x(k), x(n-k+1)] covers the median with probability 1 - 2·BinomCDF(k-1; n, 1/2):
//   n = 3, 4, 5: only [min, max] exists, covering 75%, 87.5%, 93.75%: shown with that coverage;
//   n >= 6: the narrowest such pair reaching 95%, with its actual coverage (96.9% at n = 6);
//   n < 3: none. [min, max] of two values covers the median half the time: it says nothing.
import { medianInterval } from '../stats/median-interval.ts';

/** Below this many repetitions a row has no interval (2 values: 50% coverage). */
export const MIN_INTERVAL_UNITS = 3;

/** The level the interval aims for; smaller samples get [min, max] with its lower, real coverage. */
export const TARGET_COVERAGE = 0.95;

export interface CoveredInterval {
  low: number;
  high: number;
  /** Exact probability (0..1) that the interval covers the population median. */
  coverage: number;
}

/** An interval with its coverage, or none and why. */
export type RowInterval = { ci: CoveredInterval; why?: undefined } | { ci: null; why: string };

/** Order-statistic interval of the median of `values` (one per repetition; NaN ignored). */
export function repetitionInterval(values: readonly number[]): RowInterval {
  const n = values.filter(Number.isFinite).length;
  if (n < MIN_INTERVAL_UNITS) return { ci: null, why: `no interval with n = ${n} (needs ${MIN_INTERVAL_UNITS} repetitions: [min, max] of 2 covers the median only 50% of the time)` };
  const m = medianInterval(values, TARGET_COVERAGE)!;
  return { ci: { low: m.low, high: m.high, coverage: m.coverage } };
}

/** Per-repetition ratios mine/base for the repetition numbers both have (finite, base != 0). */
export function pairedRatios(mine: readonly { repetition: number; value: number }[], base: readonly { repetition: number; value: number }[]): number[] {
  return mine.flatMap((r) => {
    const b = base.find((x) => x.repetition === r.repetition);
    const ratio = b && b.value !== 0 ? r.value / b.value : NaN;
    return Number.isFinite(ratio) ? [ratio] : [];
  });
}
