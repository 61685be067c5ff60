// The idle baseline: what each CPU does with the scenario's topology up and no traffic, taken once
// per build of a scenario, right after it is applied and before its first measurement. It holds
// what is not the workload's: timers, the kernel's housekeeping, other tenants of the machine (here
// a qemu VM of another job), the harness sleeping. Subtracted from the CPUs the workload used.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProcStat } from '../parsers/proc-stat.ts';
import { busy, diff, total, USER_HZ } from './usage.ts';
import { readProcStat } from './window.ts';
import type { IdleBaseline } from '../model/cpu.ts';

/** 1 s: with 10 ms ticks a rate of busy time per CPU to ~1% of one CPU. */
export const IDLE_BASELINE_MS = 1000;

/** Per-CPU busy rates between two snapshots taken with no traffic. Pure. */
export function idleBaseline(before: ProcStat, after: ProcStat, takenAt: string): IdleBaseline {
  const perCpu = after.cpus.flatMap(({ cpu, times }) => {
    const prev = before.cpus.find((c) => c.cpu === cpu);
    if (!prev) return [];
    const d = diff(prev.times, times);
    const s = total(d) / USER_HZ;
    if (!(s > 0)) return [];
    return [{ cpu, userPerS: (d.user + d.nice) / s, systemPerS: d.system / s, irqPerS: d.irq / s, softirqPerS: d.softirq / s, busyPerS: busy(d) / s }];
  });
  const windowS = after.cpus.length > 0 ? total(diff(before.all, after.all)) / after.cpus.length / USER_HZ : 0;
  return { takenAt, windowS, perCpu };
}

/** Takes the baseline over `ms`; undefined if the run is stopped meanwhile. */
export async function takeIdleBaseline(ms = IDLE_BASELINE_MS, signal?: AbortSignal): Promise<IdleBaseline | undefined> {
  const takenAt = new Date().toISOString();
  const before = readProcStat();
  const stopped = await sleep(ms, false, { signal }).catch(() => true);
  if (stopped) return undefined;
  return idleBaseline(before, readProcStat(), takenAt);
}
