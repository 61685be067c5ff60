// `netkit-bench history add|list`: the nightly job's memory of earlier runs.
import { loadResults } from '../results/load.ts';
import { fmtNumber } from '../core/format.ts';
import { kernelBuildOf, trendByKernelBuild } from './builds.ts';
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
    out(`${r.startedAt}  ${r.runId}  ${r.environment.where} ${kernelBuildOf(r.environment)}  ${r.environment.gitRevision}  ${figure}`);
  }
  return 0;
}

/** One block per kernel build (oldest first): its runs, then per figure the median of the runs' medians and each run's own. */
export async function historyByKernel(dir: string, out: (line: string) => void): Promise<number> {
  const builds = trendByKernelBuild(await readHistory(dir));
  if (builds.length === 0) out(`history ${dir}: no runs yet`);
  for (const b of builds) {
    out(`kernel ${b.build}: ${b.runIds.length} run(s) ${b.firstStartedAt} .. ${b.lastStartedAt} (${b.runIds.join(', ')})`);
    for (const f of b.figures) out(`  ${f.scenario} ${f.workload} ${f.metric} ${fmtNumber(f.median)} ${f.unit}  runs: ${f.runMedians.map(fmtNumber).join(', ')}`);
  }
  return 0;
}
