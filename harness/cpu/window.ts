// CPU use, whole machine and per CPU, over a window placed inside a measurement's steady phase
// (after the tool's warmup, before its wind-down), so start-up and teardown do not dilute the
// figures. /proc/stat is global, so it is read from the harness, whatever namespace the workload
// is in. The harness's own CPU time over the same window (getrusage through process.cpuUsage) is
// recorded beside it, so it can be taken out where the harness shares the measured CPUs.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseProcStat, type ProcStat } from '../parsers/proc-stat.ts';
import type { WindowHooks } from '../model/window.ts';
import { cpuUsage } from './usage.ts';
import type { CpuUsage } from '../model/cpu.ts';
import { processCpuS, processesCpuNs, type ProcessPids } from './process-time.ts';

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
export async function cpuDuring(plan: WindowPlan, done: Promise<unknown>, hooks?: WindowHooks, pids: ProcessPids = {}): Promise<CpuUsage | undefined> {
  // Settling `done` also ends the waits, so a stopped measurement is not waited out here.
  const ended = new AbortController();
  void done.finally(() => ended.abort()).catch(() => undefined);
  const wait = (ms: number) => sleep(ms, undefined, { signal: ended.signal }).catch(() => undefined);
  await wait(plan.startAfterMs);
  if (ended.signal.aborted || plan.lengthMs <= 0) return undefined;
  const startMs = performance.now();
  const ownBefore = process.cpuUsage();
  const [before, procBefore] = await Promise.all([readProcStat(), processesCpuNs(pids), hooks?.begin()]);
  // Timed from the first snapshot, so a slow hook does not stretch the window past the tool's end.
  await wait(Math.max(0, plan.lengthMs - (performance.now() - startMs)));
  if (ended.signal.aborted) return undefined;
  const [after, procAfter] = await Promise.all([readProcStat(), processesCpuNs(pids), hooks?.end(true)]);
  const own = process.cpuUsage(ownBefore);
  const processes = processCpuS(procBefore, procAfter);
  return { ...cpuUsage(before, after), harnessCpuS: (own.user + own.system) / 1e6, ...(processes ? { processes } : {}) };
}
