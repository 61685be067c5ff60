// CPU use, whole machine and per CPU, over a window placed inside a measurement's steady phase
// (after the tool's warmup, before its wind-down), so start-up and teardown do not dilute the
// figures. /proc/stat is global, so it is read from the harness, whatever namespace the workload
// is in. The harness's own CPU time over the same window (getrusage through process.cpuUsage) is
// recorded beside it, so it can be taken out where the harness shares the measured CPUs.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseProcStat, type ProcStat } from '../parsers/proc-stat.ts';
import type { WindowHooks } from '../model/window.ts';
import { cpuUsage } from './usage.ts';
import type { CpuUsage } from '../model/cpu.ts';
import { processCpuS, processesCpuNs, type ProcessPids } from './process-time.ts';

/**
 * /proc/stat now, as read. Read synchronously: a procfs read never waits on a device, and the
 * window's readings fall inside the tool's timed period, where on the instruction clock every
 * instruction of ours stalls the round trips in flight. The async path (a thread-pool hop for each
 * of open, fstat, read and close) took about 7x the time of a synchronous read natively, and in
 * the guest its readings stalled round trips by up to 4.7 ms (docs/instruction-clock.md).
 */
const readProcStatText = (): string => readFileSync('/proc/stat', 'utf8');

function parsedProcStat(text: string): ProcStat {
  const parsed = parseProcStat(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

export const readProcStat = (): ProcStat => parsedProcStat(readProcStatText());

export interface WindowPlan {
  startAfterMs: number;
  lengthMs: number;
}

/**
 * Snapshots /proc/stat at startAfterMs and again lengthMs later. If `done` settles first (the
 * tool exited early or failed) the window is abandoned: undefined, never a figure that mixes
 * idle time into a measurement. `hooks` run alongside the two snapshots (not before them, so a
 * slow hook does not shift the CPU window); an abandoned window never calls end.
 *
 * Inside the window only the readings run: the readers run once before it (their first call
 * compiles them, on the main thread with the guest's --single-threaded), and the figures are worked
 * out once `done` settles, after the tool's timed period.
 */
export async function cpuDuring(plan: WindowPlan, done: Promise<unknown>, hooks?: WindowHooks, pids: ProcessPids = {}): Promise<CpuUsage | undefined> {
  // Settling `done` also ends the waits, so a stopped measurement is not waited out here.
  const ended = new AbortController();
  void done.finally(() => ended.abort()).catch(() => undefined);
  const wait = (ms: number) => sleep(ms, undefined, { signal: ended.signal }).catch(() => undefined);
  readProcStat();
  processesCpuNs(pids);
  await wait(plan.startAfterMs);
  if (ended.signal.aborted || plan.lengthMs <= 0) return undefined;
  const startMs = performance.now();
  const ownBefore = process.cpuUsage();
  const hookBegun = hooks?.begin();
  const [before, procBefore] = [readProcStatText(), processesCpuNs(pids)];
  await hookBegun;
  // Timed from the first snapshot, so a slow hook does not stretch the window past the tool's end.
  await wait(Math.max(0, plan.lengthMs - (performance.now() - startMs)));
  if (ended.signal.aborted) return undefined;
  const hookEnded = hooks?.end(true);
  const [after, procAfter] = [readProcStatText(), processesCpuNs(pids)];
  await hookEnded;
  const own = process.cpuUsage(ownBefore);
  await done.catch(() => undefined);
  const processes = processCpuS(procBefore, procAfter);
  return { ...cpuUsage(parsedProcStat(before), parsedProcStat(after)), harnessCpuS: (own.user + own.system) / 1e6, ...(processes ? { processes } : {}) };
}
