// Request latency: the percentiles per scenario (the summary pools the valid repetitions' kept
// samples, each weighted by the requests it stands for), and the whole distribution as a CDF of
// the same pooled, weighted quantiles (report/latency-cdf-data.ts).
import type { TopLevelSpec } from 'vega-lite';
import type { ResultsFile } from '../../model/results.ts';
import { barData, summaryRows, workloadOrder } from '../chart-data.ts';
import { latencyCdfData } from '../latency-cdf-data.ts';
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
    title: { text: 'Latency percentiles', subtitle: `valid repetitions pooled, each kept sample weighted by the requests it stands for; ${note}; lower is better` },
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

export function latencyCdfChart(results: ResultsFile): Chart | undefined {
  // Log scale: a quantile at or below 0 µs (none is measured) cannot be drawn.
  const values = latencyCdfData(results.measurements).filter((d) => d.latencyUs > 0);
  if (values.length === 0) return undefined;
  const enc = scenarioEncodings(values.map((d) => d.scenario));
  const panels = workloadOrder(results).filter((w) => values.some((v) => v.workload === w));
  const spec: TopLevelSpec = {
    title: { text: 'Latency CDF', subtitle: 'valid repetitions pooled, each kept sample weighted by the requests it stands for (as the percentiles); latency on a log scale; further left is better' },
    data: { values },
    ...wrappedFacet('workload', panels, 300),
    resolve: { scale: { x: 'independent', y: 'independent' }, axis: { x: 'independent' } },
    spec: {
      width: 300,
      height: 200,
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: {
        x: { field: 'latencyUs', type: 'quantitative', title: 'latency (µs)', scale: { type: 'log', nice: false } },
        y: { field: 'probability', type: 'quantitative', title: 'fraction of requests', axis: { format: '%' }, scale: { domain: [0, 1] } },
        color: enc.color,
        detail: { field: 'at', type: 'nominal' },
      },
    },
  };
  return { id: 'latency-cdf', title: 'Latency CDF', caption: 'Share of requests answered within a given latency: the pooled quantiles the summary quotes, at 103 probabilities.', spec };
}
