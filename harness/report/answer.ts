// The answer a run leads with: per scenario (rows) and workload (columns), each primary figure as a
// ratio to host with its interval; host's own row carries its figures. A pure function of the
// run's summary rows; renderers (answer-text.ts, export-md.ts) and the claims (claims.ts) read it.
// Rows that differ in their matrix point (the row's `point`: topology, ... beside scenario and
// workload, once the results carry one) form separate groups, each against its own baseline.
import { primaryMetrics } from '../compare/primary.ts';
import type { MeasurementState, SummaryRow } from '../model/results.ts';
import type { Point } from '../model/point.ts';
import { varyingAxes } from '../core/point.ts';
import { WORKLOADS } from '../workloads/index.ts';
import { scenarioOrder } from './scenario-colors.ts';

export interface AnswerColumn { workload: string; metric: string; better: 'higher' | 'lower' }

export interface AnswerCell {
  /** The scenario's figure in the metric's unit; NaN when no repetition was valid. */
  value: number;
  /** value / host's value, with the order-statistic interval of the per-repetition ratios; null on host or without one. */
  ratio: number | null;
  low: number | null;
  high: number | null;
  /** Exact coverage (0..1) of [low, high]; undefined in files written before coverage was recorded. */
  coverage: number | null | undefined;
  /** Valid repetitions and those attempted. */
  n: number;
  attempted: number;
  state: MeasurementState;
  /** The first reason a repetition was not valid. */
  reason?: string;
}

export interface AnswerGroup {
  /** The group's point on the axes that vary in the run ({} when none does): { topology: 'same-node' }. */
  point: Record<string, string>;
  /** Scenarios in the summary's order, baseline first when it ran. */
  scenarios: string[];
  /** cells[scenario][columnKey(column)]; absent where the scenario did not measure the workload. */
  cells: Record<string, Record<string, AnswerCell>>;
  /** backlogPassesPerPacket per scenario (the path its packets took), from its first workload that counted them. */
  passes: Record<string, number>;
}

export interface AnswerMatrix {
  baseline: string;
  /** The axes whose values differ among the rows: the ones a group's label shows. */
  axes: string[];
  columns: AnswerColumn[];
  groups: AnswerGroup[];
  skipped: Skip[];
}

type Skip = { scenario: string; reason: string; point?: Point; workload?: string };

/** A row's or skip's point on `axes`, as strings; {} for a skip at every point. */
export function pointFields(x: { point?: Point }, axes: readonly string[]): Record<string, string> {
  return Object.fromEntries(axes.flatMap((a) => (x.point?.[a] === undefined ? [] : [[a, String(x.point[a])]])));
}

const PASSES = 'backlogPassesPerPacket';

export const columnKey = (c: Pick<AnswerColumn, 'workload' | 'metric'>): string => `${c.workload} ${c.metric}`;

function cellOf(r: SummaryRow): AnswerCell {
  return {
    value: r.value, ratio: r.ratioToHost, low: r.ratioCiLow, high: r.ratioCiHigh, coverage: r.ratioCiCoverage,
    n: r.n, attempted: r.attempted, state: r.state, ...(r.reasons[0] ? { reason: r.reasons[0] } : {}),
  };
}

/**
 * The matrix of `summary`: columns are each workload's primary metrics (compare/primary.ts), in
 * the registries' order as rows are; groups follow the first appearance of each point among the rows.
 */
export function answerMatrix(summary: readonly SummaryRow[], baseline: string, skipped: readonly Skip[] = []): AnswerMatrix {
  const primary = summary.filter((r) => primaryMetrics(r.workload).includes(r.metric));
  const columns: AnswerColumn[] = [];
  const known = WORKLOADS.map((w) => w.name);
  const rank = (w: string) => (known.includes(w) ? known.indexOf(w) : known.length);
  for (const workload of [...new Set(primary.map((r) => r.workload))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
    for (const metric of primaryMetrics(workload)) {
      const row = primary.find((r) => r.workload === workload && r.metric === metric);
      if (row) columns.push({ workload, metric, better: row.better });
    }
  }
  const groups = new Map<string, AnswerGroup>();
  const axes = varyingAxes(summary.map((r) => r.point));
  for (const r of summary) {
    const point = pointFields(r, axes);
    const k = JSON.stringify(point);
    if (!groups.has(k)) groups.set(k, { point, scenarios: [], cells: {}, passes: {} });
    const g = groups.get(k)!;
    if (!g.scenarios.includes(r.scenario)) g.scenarios.push(r.scenario);
    const cells = (g.cells[r.scenario] ??= {});
    if (primary.includes(r)) cells[columnKey(r)] = cellOf(r);
    // A workload with no valid repetition may have no row for its primary metric (only a '-' row):
    // its cells still say what happened.
    for (const metric of primaryMetrics(r.workload)) cells[columnKey({ workload: r.workload, metric })] ??= { ...cellOf(r), value: NaN, ratio: null, low: null, high: null };
    if (r.metric === PASSES && Number.isFinite(r.value)) g.passes[r.scenario] ??= r.value;
  }
  for (const g of groups.values()) g.scenarios = scenarioOrder(g.scenarios).sort((a, b) => Number(b === baseline) - Number(a === baseline));
  return { baseline, axes, columns, groups: [...groups.values()], skipped: [...skipped] };
}
