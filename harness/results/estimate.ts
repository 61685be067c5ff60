// The figure a summary row quotes for one metric, the interval beside it, and the ratio to the
// baseline with that ratio's interval. The unit of variation is always the repetition: intervals
// are order-statistic intervals over repetitions (harness/results/intervals.ts), never a
// percentile bootstrap, whose nominal 95% is [min, max] at n = 3 and covers only 75%.
import { medianOf } from '../stats/statistics.ts';
import type { MetricInfo } from '../core/metrics.ts';
import { poolSamples, pooledQuantile, type Pool } from '../stats/pooled-quantile.ts';
import { pairedRatios, repetitionInterval, type RowInterval } from './intervals.ts';

/** One valid repetition's figure for a metric, and its raw samples when the metric pools them. */
export interface Repetition {
  repetition: number;
  value: number;
  samples?: readonly number[];
  /** Requests each kept sample stands for (collected / kept, >= 1) when the samples were subsampled. */
  weight?: number;
}

/**
 * Pools already sorted, by the sample arrays they hold: every percentile metric of a workload
 * shares one, and sorting 100,000 samples once instead of a dozen times is most of a summary's cost.
 */
export type PoolCache = Map<string, Pool>;

function pooledFor(reps: readonly Repetition[], cache: PoolCache | undefined): Pool {
  const arrays = reps.map((r) => r.samples!);
  if (!cache) return poolSamples(arrays);
  const ids = arrays.map((a) => {
    let id = arrayIds.get(a);
    if (id === undefined) arrayIds.set(a, (id = nextId++));
    return id;
  });
  const key = ids.join(',');
  let pool = cache.get(key);
  if (!pool) cache.set(key, (pool = poolSamples(arrays)));
  return pool;
}
const arrayIds = new WeakMap<readonly number[], number>();
let nextId = 0;

export interface Estimate {
  value: number;
  estimator: 'median' | 'pooled';
  interval: RowInterval;
}

/**
 * `value`: the median over repetitions; for a pooled percentile the quantile of every valid
 * repetition's kept samples merged, each kept sample weighted by the requests it stands for
 * (a repetition subsampled from 100,000 to 20,000 counts 5 per sample, so a long repetition is
 * not outvoted by a short one); for `max` the largest per-repetition value. The interval is over
 * the repetitions' own values (for a percentile: each repetition's own percentile); none for a maximum.
 */
export function estimate(info: MetricInfo, reps: readonly Repetition[], cache?: PoolCache): Estimate {
  const values = reps.map((r) => r.value);
  const pooled = info.pooled;
  if (reps.length === 0) return { value: NaN, estimator: pooled ? 'pooled' : 'median', interval: repetitionInterval([]) };
  if (pooled === 'max') return { value: Math.max(...values), estimator: 'pooled', interval: { ci: null, why: 'no interval for a maximum' } };
  if (pooled && reps.every((r) => r.samples && r.samples.length > 0)) {
    const value = pooledQuantile(pooledFor(reps, cache), pooled.quantile, reps.map((r) => r.weight ?? 1));
    return { value, estimator: 'pooled', interval: repetitionInterval(values) };
  }
  return { value: medianOf(values), estimator: 'median', interval: repetitionInterval(values) };
}

/** Interval of the ratio to the baseline: of the per-repetition ratios, paired by repetition number. */
export function ratioInterval(reps: readonly Repetition[], baseline: readonly Repetition[]): RowInterval {
  return repetitionInterval(pairedRatios(reps, baseline));
}
