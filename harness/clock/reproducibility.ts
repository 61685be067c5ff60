// Run-to-run reproducibility of two runs of the same matrix (scripts/reproducibility.sh boots the
// VM twice): each row's relative difference against the targets. The unit of variation
// here is the run (a boot), not the repetition: it is what a nightly comparison sees.
import type { ResultsFile } from '../model/results.ts';
import { fmtNumber } from '../core/format.ts';
import { pointKey } from '../core/point.ts';

/** The rows compared: each workload's rate, and the request/response median latency. */
export const REPRODUCIBILITY_METRICS = ['throughputGbps', 'transactionsPerS', 'connectionsPerS', 'p50Us'] as const;

/** Targets in %: stream rows 2 (TCP dynamics: windows, GSO sizes), request/response and connect rates 0.5. */
export function targetPct(workload: string): number {
  return workload.includes('stream') ? 2 : 0.5;
}

export interface ReproducibilityRow {
  scenario: string;
  workload: string;
  metric: string;
  first: number;
  second: number;
  /** (second - first) / first, in %. */
  differencePct: number;
  targetPct: number;
  within: boolean;
}

/** One row per scenario x workload x metric valid in both runs, in the first run's order. */
export function reproducibilityRows(first: ResultsFile, second: ResultsFile): ReproducibilityRow[] {
  return first.summary.flatMap((a) => {
    if (!(REPRODUCIBILITY_METRICS as readonly string[]).includes(a.metric) || !Number.isFinite(a.value)) return [];
    const b = second.summary.find((r) => r.scenario === a.scenario && r.workload === a.workload && r.metric === a.metric && pointKey(r.point) === pointKey(a.point));
    if (!b || !Number.isFinite(b.value) || a.value === 0) return [];
    const differencePct = ((b.value - a.value) / a.value) * 100;
    const target = targetPct(a.workload);
    return [{ scenario: a.scenario, workload: a.workload, metric: a.metric, first: a.value, second: b.value, differencePct, targetPct: target, within: Math.abs(differencePct) <= target }];
  });
}

/** A Markdown table (the README's) of the rows. */
export function reproducibilityTable(rows: readonly ReproducibilityRow[]): string {
  const fmt = (x: number) => fmtNumber(x, 5);
  const lines = ['| scenario | workload | metric | run 1 | run 2 | difference | target |', '| --- | --- | --- | ---: | ---: | ---: | ---: |'];
  for (const r of rows) {
    lines.push(`| ${r.scenario} | ${r.workload} | ${r.metric} | ${fmt(r.first)} | ${fmt(r.second)} | ${r.differencePct >= 0 ? '+' : ''}${r.differencePct.toFixed(3)}% | ${r.within ? '' : '**missed** '}±${r.targetPct}% |`);
  }
  return lines.join('\n');
}
