// Each scenario's figure as a fraction of host's, per workload and headline metric, with the 1.0
// line marked: the chart a pull request or a blog post leads with.
import type { TopLevelSpec } from 'vega-lite';
import { metricInfo } from '../../core/metrics.ts';
import { coverageLabel } from '../../results/interval-label.ts';
import type { ResultsFile } from '../../model/results.ts';
import { summaryRows, whiskerNote, workloadOrder } from '../chart-data.ts';
import { scenarioEncodings } from '../scenario-colors.ts';
import { pointPanels, wrappedFacet } from './facet.ts';
import type { Chart } from './types.ts';
import { barsWithWhiskers } from './layers.ts';

/** The figures per workload a reader compares first. */
export const HEADLINE_METRICS = ['throughputGbps', 'transactionsPerS', 'connectionsPerS', 'p99Us'];

export function ratioChart(results: ResultsFile, baseline: string): Chart | undefined {
  const workloads = workloadOrder(results);
  const rank = (r: { metric: string; workload: string }) => workloads.indexOf(r.workload) * 100 + HEADLINE_METRICS.indexOf(r.metric);
  const rows = summaryRows(results, (m) => HEADLINE_METRICS.includes(m))
    .filter((r) => r.ratioToHost !== null && Number.isFinite(r.ratioToHost))
    .sort((a, b) => rank(a) - rank(b));
  if (rows.length === 0) return undefined;
  // Each topology's rows against its own host (summary.ts pairs by point), in panels side by side.
  const data = pointPanels(rows.map((r) => ({ row: r, point: r.point })), ({ row: r }) => `${r.workload} · ${r.metric}`).map(({ row: r, panel }) => ({
    scenario: r.scenario,
    panel: `${panel}|${metricInfo(r.metric).better} is better`,
    ratio: r.ratioToHost,
    lo: r.ratioCiLow,
    hi: r.ratioCiHigh,
    whisker: coverageLabel(r.ratioCiCoverage),
  }));
  const enc = scenarioEncodings(rows.map((r) => r.scenario));
  const withCi = data.some((d) => d.lo !== null && d.hi !== null);
  const width = Math.max(140, 40 * new Set(data.map((d) => d.scenario)).size);
  const yTitle = `ratio to ${baseline}`;
  const spec: TopLevelSpec = {
    title: { text: `Ratio to ${baseline}`, subtitle: `scenario / ${baseline} for the same workload and metric; dashed line: 1.0${withCi ? `; ${whiskerNote('ci', rows.filter((r) => r.ratioCiLow !== null).map((r) => r.ratioCiCoverage), 'the per-repetition ratios')}` : ''}` },
    data: { values: data },
    ...wrappedFacet('panel', [...new Set(data.map((d) => d.panel))], width, { labelExpr: "split(datum.label, '|')" }),
    spec: {
      width,
      height: 200,
      layer: [
        ...barsWithWhiskers({ x: enc.x, color: enc.color }, 'ratio', yTitle),
        { mark: { type: 'rule', color: '#111827', strokeDash: [5, 4], strokeWidth: 1.5 }, encoding: { y: { datum: 1 } } },
      ],
    },
  };
  return { id: 'ratio-to-host', title: `Ratio to ${baseline}`, caption: `How far each datapath is from ${baseline} networking; 1.0 is parity.`, spec };
}
