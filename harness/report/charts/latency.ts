// Request latency: the percentiles per scenario (the summary pools every request of every valid
// repetition), and the whole distribution as a CDF that Vega-Lite's quantile transform computes
// from the raw per-request samples.
import type { TopLevelSpec } from 'vega-lite';
import type { ResultsFile } from '../../model/results.ts';
import { barData, latencyData, summaryRows, workloadOrder } from '../chart-data.ts';
import { scenarioEncodings } from '../scenario-colors.ts';
import { wrappedFacet } from './facet.ts';
import type { Chart } from './types.ts';
import { barsWithWhiskers } from './layers.ts';

export const PERCENTILE_METRICS: Record<string, string> = { p50Us: 'p50', p90Us: 'p90', p99Us: 'p99', p999Us: 'p99.9' };

export function latencyPercentilesChart(results: ResultsFile): Chart | undefined {
  const { data, note } = barData(summaryRows(results, (m) => m in PERCENTILE_METRICS));
  if (data.length === 0) return undefined;
  const values = data.map((d) => ({ ...d, percentile: PERCENTILE_METRICS[d.metric] }));
  const enc = scenarioEncodings(data.map((d) => d.scenario));
  const x = { field: 'percentile', type: 'nominal' as const, title: null, sort: Object.values(PERCENTILE_METRICS), axis: { labelAngle: 0 } };
  const scenarios = new Set(data.map((d) => d.scenario)).size;
  const width = Math.max(220, 4 * 14 * scenarios);
  const panels = workloadOrder(results).filter((w) => data.some((d) => d.workload === w));
  const spec: TopLevelSpec = {
    title: { text: 'Latency percentiles', subtitle: `every request of the valid repetitions pooled; ${note}; lower is better` },
    data: { values },
    ...wrappedFacet('workload', panels, width),
    spec: {
      width,
      height: 200,
      layer: [
        ...barsWithWhiskers({ x, xOffset: enc.xOffset, color: enc.color }, 'value', 'latency (µs)'),
      ],
    },
  };
  return { id: 'latency-percentiles', title: 'Latency percentiles', caption: 'Round-trip latency at p50, p90, p99 and p99.9, by scenario and workload.', spec };
}

/** Cumulative probabilities drawn: fine steps, and more of them in the tail where datapaths differ. */
const PROBS = [...Array.from({ length: 99 }, (_, i) => (i + 1) / 100), 0.995, 0.999, 0.9995, 0.9999];

export function latencyCdfChart(results: ResultsFile): Chart | undefined {
  const values = latencyData(results);
  if (values.length === 0) return undefined;
  const enc = scenarioEncodings(values.map((d) => d.scenario));
  const panels = workloadOrder(results).filter((w) => values.some((v) => v.workload === w));
  const spec: TopLevelSpec = {
    title: { text: 'Latency CDF', subtitle: 'every request of the valid repetitions; latency on a log scale; further left is better' },
    data: { values },
    transform: [{ quantile: 'latencyUs', probs: PROBS, groupby: ['scenario', 'workload'], as: ['probability', 'latency'] }],
    ...wrappedFacet('workload', panels, 300),
    resolve: { scale: { x: 'independent', y: 'independent' }, axis: { x: 'independent' } },
    spec: {
      width: 300,
      height: 200,
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: {
        x: { field: 'latency', type: 'quantitative', title: 'latency (µs)', scale: { type: 'log', nice: false } },
        y: { field: 'probability', type: 'quantitative', title: 'fraction of requests', axis: { format: '%' }, scale: { domain: [0, 1] } },
        color: enc.color,
      },
    },
  };
  return { id: 'latency-cdf', title: 'Latency CDF', caption: 'Share of requests answered within a given latency, from the raw samples.', spec };
}
