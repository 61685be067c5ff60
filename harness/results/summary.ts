// Folds measurements into one row per scenario x workload x metric, with the ratio to the baseline.
import { metricInfo } from '../metrics.ts';
import { computeStatistics } from '../stats.ts';
import type { Measurement, MeasurementState, SummaryRow } from './schema.ts';

export function summarize(measurements: readonly Measurement[], baseline: string): SummaryRow[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const key = `${m.scenario}\u0000${m.workload}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const rows: SummaryRow[] = [];
  for (const group of groups.values()) {
    const { scenario, workload } = group[0]!;
    const ok = group.filter((m) => m.state === 'ok');
    const state: MeasurementState = ok.length === group.length ? 'ok' : ok.length === 0 ? worst(group) : 'invalid';
    const metricNames = [...new Set(group.flatMap((m) => Object.keys(m.metrics)))];
    for (const metric of metricNames) {
      const stats = computeStatistics(ok.map((m) => m.metrics[metric]).filter((v): v is number => v !== undefined));
      rows.push({ scenario, workload, metric, unit: metricInfo(metric).unit, ...stats, ratioToHost: null, state });
    }
    if (metricNames.length === 0) rows.push({ scenario, workload, metric: '-', unit: '', ...computeStatistics([]), ratioToHost: null, state });
  }
  for (const row of rows) {
    const base = rows.find((r) => r.scenario === baseline && r.workload === row.workload && r.metric === row.metric);
    if (base && Number.isFinite(base.median) && base.median !== 0 && Number.isFinite(row.median)) row.ratioToHost = row.median / base.median;
  }
  return rows;
}

function worst(group: Measurement[]): MeasurementState {
  return group.some((m) => m.state === 'failed') ? 'failed' : 'invalid';
}
