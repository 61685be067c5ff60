// Summary statistics of one metric's repetitions (harness/stats/statistics.ts computes them).

export interface Statistics {
  n: number;
  median: number;
  mean: number;
  /** Sample standard deviation (n - 1); 0 for a single sample. */
  stddev: number;
  /** Coefficient of variation, stddev / mean, in percent. */
  cvPct: number;
  min: number;
  max: number;
}
