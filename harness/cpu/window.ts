// Whole-machine CPU use over a window placed inside a measurement's steady phase (after the
// tool's warmup, before its wind-down), so start-up and teardown do not dilute the figures.
// /proc/stat is global, so it is read from the harness, whatever namespace the workload is in.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseProcStat, type ProcStat } from '../parsers/proc-stat.ts';
import type { WindowHooks } from '../workloads/types.ts';
import { cpuUsage, type CpuUsage } from './usage.ts';

export async function readProcStat(): Promise<ProcStat> {
  const parsed = parseProcStat(await readFile('/proc/stat', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

export interface WindowPlan {
  startAfterMs: number;
  lengthMs: number;
}

/**
 * Snapshots /proc/stat at startAfterMs and again lengthMs later. If `done` settles first (the
 * tool exited early or failed) the window is abandoned: undefined, never a figure that mixes
 * idle time into a measurement. `hooks` run alongside the two snapshots (not before them, so a
 * slow hook does not shift the CPU window); an abandoned window never calls end.
 */
export async function cpuDuring(plan: WindowPlan, done: Promise<unknown>, hooks?: WindowHooks): Promise<CpuUsage | undefined> {
  // Settling `done` also ends the waits, so a stopped measurement is not waited out here.
  const ended = new AbortController();
  void done.finally(() => ended.abort()).catch(() => undefined);
  const wait = (ms: number) => sleep(ms, undefined, { signal: ended.signal }).catch(() => undefined);
  await wait(plan.startAfterMs);
  if (ended.signal.aborted || plan.lengthMs <= 0) return undefined;
  const startMs = performance.now();
  const [before] = await Promise.all([readProcStat(), hooks?.begin()]);
  // Timed from the first snapshot, so a slow hook does not stretch the window past the tool's end.
  await wait(Math.max(0, plan.lengthMs - (performance.now() - startMs)));
  if (ended.signal.aborted) return undefined;
  const [after] = await Promise.all([readProcStat(), hooks?.end(true)]);
  return cpuUsage(before, after);
}
