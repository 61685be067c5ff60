// A sweep as curves: per swept axis, per workload, one line per datapath against the axis's values
// (log scale for sizes), two panels side by side: the absolute rate, and its ratio to host at the
// same point and topology (1.0 dashed). Intervals, where the run has them, are bands.
import type { TopLevelSpec } from 'vega-lite';
import { metricInfo } from '../../core/metrics.ts';
import { clockedUnit } from '../../clock/labels.ts';
import type { ResultsFile } from '../../model/results.ts';
import { scenarioColor, scenarioOrder } from '../scenario-colors.ts';
import { axisLogScale, sweepData, sweptAxes, type SweepDatum } from '../sweep-data.ts';
import type { Chart } from './types.ts';

type Panel = 'absolute' | 'ratio';

function panelLayers(panel: Panel, x: Record<string, unknown>, color: Record<string, unknown>, dash: Record<string, unknown>): TopLevelSpec['layer' & keyof TopLevelSpec] {
  const [y, lo, hi] = panel === 'absolute' ? ['value', 'lo', 'hi'] : ['ratio', 'ratioLo', 'ratioHi'];
  return [
    { transform: [{ filter: `isValid(datum.${lo}) && isValid(datum.${hi})` }], mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { field: lo, type: 'quantitative' }, y2: { field: hi }, color } },
    { transform: [{ filter: `isValid(datum.${y})` }], mark: { type: 'line', point: true }, encoding: { x, y: { field: y, type: 'quantitative', title: null, scale: { zero: false } }, color, ...dash } },
    ...(panel === 'ratio' ? [{ mark: { type: 'rule', color: '#111827', strokeDash: [5, 4] }, encoding: { y: { datum: 1 } } }] : []),
  ] as never;
}

export function sweepChart(results: ResultsFile, axis: string, workload: string, data: readonly SweepDatum[]): Chart {
  const metric = data[0]!.metric;
  const series = scenarioOrder(data.map((d) => d.scenario)).flatMap((s) => [...new Set(data.filter((d) => d.scenario === s).map((d) => d.series))]);
  const color = { field: 'series', type: 'nominal', title: null, sort: series, scale: { domain: series, range: series.map((s) => scenarioColor(s.split(' · ')[0]!)) } };
  const x = { field: 'x', type: 'quantitative', title: axis, scale: axisLogScale(axis) ? { type: 'log' } : { zero: false }, axis: { values: [...new Set(data.map((d) => d.x))] } };
  // Another varying axis (a grid): its values as dashes, the datapath as the colour.
  const dash = data.some((d) => d.variant) ? { strokeDash: { field: 'variant', type: 'nominal', title: null } } : {};
  const unit = metricInfo(metric).unit && clockedUnit(metricInfo(metric).unit, results.environment.clock);
  const bands = !data.some((d) => d.lo !== null) ? '; no bands: fewer than 3 repetitions'
    : `; bands: the recorded interval of the median${data.every((d) => d.lo !== null) ? '' : ', where 3 or more repetitions'}`;
  const spec: TopLevelSpec = {
    title: { text: `${workload} ${metric} against ${axis}`, subtitle: `left: ${metric}${unit ? ` (${unit})` : ''}; right: ratio to host at the same point and topology (1.0 dashed)${bands}` },
    data: { values: data.filter((d) => d.workload === workload).map((d) => ({ ...d })) },
    hconcat: (['absolute', 'ratio'] as const).map((panel) => ({ width: 300, height: 220, title: panel === 'absolute' ? metric : 'ratio to host', layer: panelLayers(panel, x, color, dash) })),
  } as TopLevelSpec;
  return { id: `sweep-${axis}-${workload}`, title: `${workload} against ${axis}`, caption: `Each datapath's ${metric} and its ratio to host at every ${axis}.`, spec };
}

/** Every sweep chart of the run: one per swept axis and workload with a rate; none without a sweep. */
export function sweepCharts(results: ResultsFile): Chart[] {
  return sweptAxes(results).flatMap((axis) => {
    const data = sweepData(results, axis);
    return [...new Set(data.map((d) => d.workload))].map((w) => sweepChart(results, axis, w, data.filter((d) => d.workload === w)));
  });
}
