// Folds measurements into one row per scenario x workload x point x metric (see SummaryRow in model/results.ts
// for what each field means). Only valid measurements count; the others are named in `reasons`.
import { metricInfo, metricOrder } from '../core/metrics.ts';
import { computeStatistics } from '../stats/statistics.ts';
import { estimate, ratioInterval, type PoolCache, type Repetition } from './estimate.ts';
import type { RowInterval } from './intervals.ts';
import type { Measurement, MeasurementState, SummaryRow } from '../model/results.ts';
import { comparePoints, pointKey } from '../core/point.ts';
import { tooFewSamples } from './tail-check.ts';
import { sampleWeight } from './sample-weight.ts';

export interface SummaryOptions {
  /** Display order of scenarios, workloads and topologies; anything unlisted sorts after, by name. Points otherwise follow their values (core/point.ts comparePoints). */
  order?: { scenarios?: readonly string[]; workloads?: readonly string[]; topologies?: readonly string[] };
}

const key = (...parts: string[]) => parts.join('\u0000');

function repetitions(ok: readonly Measurement[], metric: string): Repetition[] {
  const info = metricInfo(metric);
  const sampleName = typeof info.pooled === 'object' ? info.pooled.samples : undefined;
  return ok.flatMap((m) => {
    const value = m.metrics[metric];
    if (value === undefined || !Number.isFinite(value)) return [];
    const samples = sampleName ? m.samples?.[sampleName] : undefined;
    const weight = sampleName ? sampleWeight(m, sampleName) : undefined;
    return [{ repetition: m.repetition, value, samples, ...(weight ? { weight } : {}) }];
  });
}

function groupState(group: readonly Measurement[]): MeasurementState {
  const ok = group.filter((m) => m.state === 'ok').length;
  if (ok === group.length) return 'ok';
  return ok === 0 && group.some((m) => m.state === 'failed') ? 'failed' : 'invalid';
}

export function summarize(measurements: readonly Measurement[], baseline: string, opts: SummaryOptions = {}): SummaryRow[] {
  const pools: PoolCache = new Map();
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const k = key(m.scenario, m.workload, pointKey(m.point));
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(m);
  }
  const rows: SummaryRow[] = [];
  const repsOf = new Map<string, Repetition[]>();
  for (const group of groups.values()) {
    const { scenario, workload, point } = group[0]!;
    const at = pointKey(point);
    const ok = group.filter((m) => m.state === 'ok');
    const tools = [...new Set(group.flatMap((m) => (m.tool ? [m.tool] : [])))];
    const base = {
      scenario, workload, point, attempted: group.length, state: groupState(group), reasons: [...new Set(group.flatMap((m) => (m.reason ? [m.reason] : [])))],
      ...(tools.length ? { tool: tools.join(' + ') } : {}),
    };
    const metricNames = [...new Set(group.flatMap((m) => Object.keys(m.metrics)))];
    for (const metric of metricNames) {
      const info = metricInfo(metric);
      const reps = repetitions(ok, metric);
      repsOf.set(key(scenario, workload, at, metric), reps);
      const tooFew = tooFewSamples(info, ok);
      const e = estimate(info, reps, pools);
      const shown: RowInterval = tooFew ? { ci: null, why: tooFew } : e.interval;
      rows.push({
        ...base, metric, unit: info.unit, better: info.better, ...computeStatistics(reps.map((r) => r.value)),
        value: tooFew ? NaN : e.value, estimator: e.estimator, ...intervalFields(shown),
        ratioToHost: null, ratioCiLow: null, ratioCiHigh: null, ratioCiCoverage: null,
        ...(tooFew ? { tooFewSamples: tooFew } : {}),
      });
    }
    if (metricNames.length === 0) {
      rows.push({ ...base, metric: '-', unit: '', better: 'higher', ...computeStatistics([]), value: NaN, estimator: 'median', ciLow: null, ciHigh: null, ciCoverage: null, ratioToHost: null, ratioCiLow: null, ratioCiHigh: null, ratioCiCoverage: null });
    }
  }
  for (const row of rows) {
    const at = pointKey(row.point);
    const b = rows.find((r) => r.scenario === baseline && r.workload === row.workload && r.metric === row.metric && pointKey(r.point) === at);
    if (!b || !Number.isFinite(b.value) || b.value === 0 || !Number.isFinite(row.value)) continue;
    row.ratioToHost = row.value / b.value;
    const { ci } = ratioInterval(repsOf.get(key(row.scenario, row.workload, at, row.metric))!, repsOf.get(key(baseline, row.workload, at, row.metric))!);
    row.ratioCiLow = ci?.low ?? null;
    row.ratioCiHigh = ci?.high ?? null;
    row.ratioCiCoverage = ci?.coverage ?? null;
  }
  const byKey = new Map(measurements.map((m) => [pointKey(m.point), m.point]));
  const points = [...byKey.values()].sort(comparePoints(opts.order?.topologies ?? [])).map(pointKey);
  return rows.sort(byOrder(baseline, points, opts.order));
}

function intervalFields(i: RowInterval): Pick<SummaryRow, 'ciLow' | 'ciHigh' | 'ciCoverage' | 'noInterval'> {
  return i.ci ? { ciLow: i.ci.low, ciHigh: i.ci.high, ciCoverage: i.ci.coverage } : { ciLow: null, ciHigh: null, ciCoverage: null, noInterval: i.why };
}

/** Points in the order the run measured them first; within a point, baseline first, then the given orders. */
function byOrder(baseline: string, points: readonly string[], order: SummaryOptions['order'] = {}) {
  const rank = (list: readonly string[] | undefined, name: string, first?: string) => (name === first ? -1 : list?.includes(name) ? list.indexOf(name) : Infinity);
  return (a: SummaryRow, b: SummaryRow) =>
    points.indexOf(pointKey(a.point)) - points.indexOf(pointKey(b.point)) ||
    rank(order.scenarios, a.scenario, baseline) - rank(order.scenarios, b.scenario, baseline) || a.scenario.localeCompare(b.scenario) ||
    rank(order.workloads, a.workload) - rank(order.workloads, b.workload) || a.workload.localeCompare(b.workload) ||
    metricOrder(a.metric) - metricOrder(b.metric) || a.metric.localeCompare(b.metric);
}
