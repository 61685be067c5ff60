// Summary statistics, as pure functions returning one documented record (like tinybench's
// computeStatistics). The arithmetic comes from simple-statistics.
import { max, mean, median, min, sampleStandardDeviation } from 'simple-statistics';
import type { Statistics } from '../model/statistics.ts';

export function computeStatistics(samples: readonly number[]): Statistics {
  const xs = samples.filter(Number.isFinite);
  if (xs.length === 0) return { n: 0, median: NaN, mean: NaN, stddev: NaN, cvPct: NaN, min: NaN, max: NaN };
  const m = mean(xs);
  const sd = xs.length > 1 ? sampleStandardDeviation(xs) : 0;
  return { n: xs.length, median: median(xs), mean: m, stddev: sd, cvPct: m === 0 ? NaN : (sd / m) * 100, min: min(xs), max: max(xs) };
}

/** The median of `values` (the mean of the middle two for an even count); NaN for none. The one median every layer uses. */
export function medianOf(values: readonly number[]): number {
  return values.length ? median([...values]) : NaN;
}
