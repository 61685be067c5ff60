// The Markdown summary's compact table per swept axis: for each workload's rate, one row per
// datapath (and value of any other varying axis), one column per value of the axis, each cell the
// figure with its ratio to host at the same point and topology.
import { fmtNumber, markdownTable } from '../core/format.ts';
import { BASELINE } from '../../scenarios/index.ts';
import { sweepData, sweptAxes } from './sweep-data.ts';
import { scenarioOrder } from './scenario-colors.ts';

/** Markdown lines (heading, table, blank) per swept axis and workload; none without a sweep. */
export function sweepTables(results: Parameters<typeof sweptAxes>[0]): string[] {
  return sweptAxes(results).flatMap((axis) => {
    const data = sweepData(results, axis);
    const xs = [...new Set(data.map((d) => d.x))].sort((a, b) => a - b);
    return [...new Set(data.map((d) => `${d.workload}\0${d.metric}`))].flatMap((key) => {
      const [workload, metric] = key.split('\0') as [string, string];
      const mine = data.filter((d) => d.workload === workload && d.metric === metric);
      const series = scenarioOrder(mine.map((d) => d.scenario)).flatMap((s) => [...new Set(mine.filter((d) => d.scenario === s).map((d) => d.series))]);
      const body = series.map((series) => [series, ...xs.map((x) => {
        const d = mine.find((m) => m.series === series && m.x === x);
        if (!d) return '-';
        return `${fmtNumber(d.value)}${d.ratio !== null && d.scenario !== BASELINE ? ` (×${fmtNumber(d.ratio)})` : ''}`;
      })]);
      return [`### ${workload} ${metric} against ${axis}`, '', markdownTable(['scenario', ...xs.map((x) => `${axis} ${x}`)], body, ['l', ...xs.map(() => 'r' as const)]), ''];
    });
  });
}
