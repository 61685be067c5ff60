// CPU time of the client and server processes themselves, from the scheduler's own clock: the
// first field of /proc/<pid>/task/<tid>/schedstat is the thread's sum_exec_runtime in ns, exact
// whatever the tick accounting (needs CONFIG_SCHED_INFO). It includes softirq work run in the
// process's own context (on veth, most of the receive path runs in the sender's), irq time unless
// CONFIG_IRQ_TIME_ACCOUNTING takes it out, and nothing of ksoftirqd or of another tenant.
// Read synchronously, as /proc/stat is (cpu/window.ts): a procfs read never waits on a device, and
// inside a timed run every instruction of ours lands on the measured round trips.
import { readdirSync, readFileSync } from 'node:fs';

/** Sum over the process's threads, ns; undefined when it is gone or schedstat is missing. */
export function processCpuNs(pid: number): number | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  if (tids.length === 0) return undefined;
  let sum = 0;
  for (const t of tids) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8');
    } catch {
      return undefined;
    }
    const ns = Number(text.trim().split(/\s+/)[0]);
    if (!Number.isFinite(ns)) return undefined;
    sum += ns;
  }
  return sum;
}

export interface ProcessPids {
  client?: number;
  server?: number;
}

/** Both processes' CPU ns now. */
export function processesCpuNs(pids: ProcessPids): { client?: number; server?: number } {
  const read = (p: number | undefined) => (p === undefined ? undefined : processCpuNs(p));
  return { client: read(pids.client), server: read(pids.server) };
}

/** CPU seconds each process used between two readings; undefined when either reading is missing. */
export function processCpuS(before: { client?: number; server?: number }, after: { client?: number; server?: number }): { clientS: number; serverS: number } | undefined {
  if (before.client === undefined || after.client === undefined || before.server === undefined || after.server === undefined) return undefined;
  return { clientS: (after.client - before.client) / 1e9, serverS: (after.server - before.server) / 1e9 };
}
