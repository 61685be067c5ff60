// The terminal summary: one line per scenario x workload x metric.
import type { ResultsFile } from '../results/schema.ts';

function fmt(x: number | null, digits = 3): string {
  return x === null || !Number.isFinite(x) ? '-' : Number(x.toPrecision(digits)).toString();
}

export function renderTable(results: ResultsFile): string {
  const header = ['scenario', 'workload', 'metric', 'n', 'median', 'cv%', 'ratio to host', 'state'];
  const rows = results.summary.map((r) => [r.scenario, r.workload, `${r.metric}`, String(r.n), `${fmt(r.median)} ${r.unit}`, fmt(r.cvPct, 2), fmt(r.ratioToHost), r.state]);
  for (const s of results.skipped) rows.push([s.scenario, '-', '-', '0', '-', '-', '-', `skipped: ${s.reason}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === header.length - 1 ? 0 : r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const where = results.environment.where === 'vm-tcg' ? ' (VM under TCG emulation: compare ratios between scenarios, not absolute figures)' : '';
  return [`run ${results.runId} on ${results.environment.kernelRelease}, ${results.environment.where}${where}`, line(header), ...rows.map(line)].join('\n');
}
