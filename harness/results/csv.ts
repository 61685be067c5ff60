// results.csv: one row per scenario x workload x metric. Column names are stable and documented in
// the README; add columns at the end, never rename.
import { stringify } from 'csv-stringify/sync';
import type { ResultsFile } from './schema.ts';

export const CSV_COLUMNS = [
  'run_id', 'where', 'scenario', 'workload', 'metric', 'unit', 'n', 'median', 'mean', 'stddev', 'cv_pct', 'min', 'max', 'ratio_to_host', 'state',
] as const;

function num(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '' : String(Number(x.toPrecision(6)));
}

export function resultsCsv(results: ResultsFile): string {
  const rows = results.summary.map((r) => [
    results.runId, results.environment.where, r.scenario, r.workload, r.metric, r.unit, String(r.n),
    num(r.median), num(r.mean), num(r.stddev), num(r.cvPct), num(r.min), num(r.max), num(r.ratioToHost), r.state,
  ]);
  const skipped = results.skipped.map((s) => [results.runId, results.environment.where, s.scenario, '', '', '', '0', '', '', '', '', '', '', '', `skipped: ${s.reason}`]);
  return stringify([...rows, ...skipped], { header: true, columns: [...CSV_COLUMNS] });
}
