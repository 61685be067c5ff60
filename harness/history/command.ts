// `netkit-bench history add|list`: the nightly job's memory of earlier runs.
import { loadResults } from '../results/load.ts';
import { fmtNumber } from '../core/format.ts';
import { kernelBuildOf, trendByKernelBuild } from './builds.ts';
import { byClass, refuseOtherClass } from './class.ts';
import { toHistoryRecord, type HistoryRecord } from './record.ts';
import { addToHistory, readExistingHistory, readHistory } from './store.ts';

export async function historyAdd(runDir: string, dir: string, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const results = await loadResults(runDir);
  refuseOtherClass((await readHistory(dir)).filter((r) => r.runId !== results.runId).at(-1), results, dir);
  if (!results.complete) err(`history: run ${results.runId} is incomplete (interrupted); adding what it measured`);
  const path = await addToHistory(dir, toHistoryRecord(results));
  out(`history: added run ${results.runId} -> ${path}`);
  return 0;
}

/**
 * The records one class at a time (class.ts): a history written before `history add` checked the
 * class may mix them, and then each class gets a heading of its own and is never listed among another's.
 */
function eachClass(records: readonly HistoryRecord[], out: (line: string) => void, show: (records: HistoryRecord[]) => void): void {
  const groups = byClass(records);
  for (const [name, group] of groups) {
    if (groups.length > 1) out(`runs on ${name} (${group.length}):`);
    show(group);
  }
}

export async function historyList(dir: string, out: (line: string) => void): Promise<number> {
  const records = await readExistingHistory(dir);
  if (records.length === 0) out(`history ${dir}: no runs yet`);
  eachClass(records, out, (group) => {
    for (const r of group) {
      const headline = r.rows.find((x) => x.metric === 'throughputGbps' && x.scenario === 'host') ?? r.rows[0];
      const figure = headline ? `${headline.scenario} ${headline.metric} ${fmtNumber(headline.median)}` : 'no metrics';
      out(`${r.startedAt}  ${r.runId}  ${r.environment.where} ${kernelBuildOf(r.environment)}  ${r.environment.gitRevision}  ${figure}`);
    }
  });
  return 0;
}

/** One block per kernel build (oldest first): its runs, then per figure the median of the runs' medians and each run's own. */
export async function historyByKernel(dir: string, out: (line: string) => void): Promise<number> {
  const records = await readExistingHistory(dir);
  if (records.length === 0) out(`history ${dir}: no runs yet`);
  eachClass(records, out, (group) => {
    for (const b of trendByKernelBuild(group)) {
      out(`kernel ${b.build}: ${b.runIds.length} run(s) ${b.firstStartedAt} .. ${b.lastStartedAt} (${b.runIds.join(', ')})`);
      for (const f of b.figures) out(`  ${f.scenario} ${f.workload} ${f.metric} ${fmtNumber(f.median)} ${f.unit}  runs: ${f.runMedians.map((x) => fmtNumber(x)).join(', ')}`);
    }
  });
  return 0;
}
