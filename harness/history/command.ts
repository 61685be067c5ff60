// `netkit-bench history add|list`: the nightly job's memory of earlier runs.
import { loadResults } from '../results/load.ts';
import { fmtNumber } from '../report/format.ts';
import { toHistoryRecord } from './record.ts';
import { addToHistory, readHistory } from './store.ts';

export async function historyAdd(runDir: string, dir: string, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const results = await loadResults(runDir);
  if (!results.complete) err(`history: run ${results.runId} is incomplete (interrupted); adding what it measured`);
  const path = await addToHistory(dir, toHistoryRecord(results));
  out(`history: added run ${results.runId} -> ${path}`);
  return 0;
}

export async function historyList(dir: string, out: (line: string) => void): Promise<number> {
  const records = await readHistory(dir);
  if (records.length === 0) out(`history ${dir}: no runs yet`);
  for (const r of records) {
    const headline = r.rows.find((x) => x.metric === 'throughputGbps' && x.scenario === 'host') ?? r.rows[0];
    const figure = headline ? `${headline.scenario} ${headline.metric} ${fmtNumber(headline.median)}` : 'no metrics';
    out(`${r.startedAt}  ${r.runId}  ${r.environment.where} ${r.environment.kernelRelease}  ${r.environment.gitRevision}  ${figure}`);
  }
  return 0;
}
