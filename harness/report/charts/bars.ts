// Bars of one metric per scenario with whiskers, one panel per workload: throughput, transaction
// and connection rates, CPU cost, and the small multiples of every other metric.
import type { TopLevelSpec } from 'vega-lite';
import { metricInfo } from '../../core/metrics.ts';
import type { ClockInfo, ResultsFile } from '../../model/results.ts';
import { clockedUnit } from '../../clock/labels.ts';
import { barData, summaryRows, workloadOrder, type BarDatum } from '../chart-data.ts';
import { scenarioEncodings } from '../scenario-colors.ts';
import { pointPanels, wrappedFacet } from './facet.ts';
import type { Chart } from './types.ts';
import { barsWithWhiskers } from './layers.ts';

const unitSuffix = (metric: string, clock?: ClockInfo) => (metricInfo(metric).unit ? ` (${clockedUnit(metricInfo(metric).unit, clock)})` : '');

/** Bars and whiskers of `value`, faceted by `panelField`, each panel's scenarios side by side. */
function barsSpec(data: readonly BarDatum[], panelField: string, panels: string[], yTitle: string | null, title: TopLevelSpec['title']): TopLevelSpec {
  const enc = scenarioEncodings(data.map((d) => d.scenario));
  const width = Math.max(120, 40 * new Set(data.map((d) => d.scenario)).size);
  return {
    title,
    data: { values: [...data] },
    ...wrappedFacet(panelField, panels, width),
    spec: {
      width,
      height: 200,
      layer: [
        ...barsWithWhiskers({ x: enc.x, color: enc.color }, 'value', yTitle),
      ],
    },
  };
}

export function metricBarsChart(results: ResultsFile, metric: string, id: string, title: string): Chart | undefined {
  const { data, note } = barData(summaryRows(results, (m) => m === metric));
  if (data.length === 0) return undefined;
  const info = metricInfo(metric);
  const order = workloadOrder(results);
  const withPanel = pointPanels(data, (d) => d.workload).sort((a, b) => order.indexOf(a.workload) - order.indexOf(b.workload));
  const panels = [...new Set(withPanel.map((d) => d.panel))];
  const subtitle = `per scenario; ${note}; ${info.better} is better`;
  const spec = barsSpec(withPanel, 'panel', panels, `${metric}${unitSuffix(metric, results.environment.clock)}`, { text: title, subtitle });
  return { id, title, caption: `${info.description}, by scenario and workload.`, spec };
}

/** Every metric no dedicated chart shows, one small panel each with its own scale. */
export function otherMetricsChart(results: ResultsFile, shown: (metric: string) => boolean): Chart | undefined {
  const { data, note } = barData(summaryRows(results, (m) => !shown(m) && m !== '-'));
  if (data.length === 0) return undefined;
  const order = workloadOrder(results);
  const withPanel = pointPanels(data, (d) => `${d.workload} · ${d.metric}${unitSuffix(d.metric, results.environment.clock)}`)
    .sort((a, b) => order.indexOf(a.workload) - order.indexOf(b.workload));
  const panels = [...new Set(withPanel.map((d) => d.panel))];
  const spec = barsSpec(withPanel, 'panel', panels, null, { text: 'Other metrics', subtitle: `per scenario; ${note}; each panel on its own scale` });
  return { id: 'other-metrics', title: 'Other metrics', caption: 'Retransmits, loss, CPU use and the remaining metrics, each on its own scale.', spec };
}
