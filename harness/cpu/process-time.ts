// CPU time of the client and server processes themselves, from the scheduler's own clock: the
// first field of /proc/<pid>/task/<tid>/schedstat is the thread's sum_exec_runtime in ns, exact
// whatever the tick accounting (needs CONFIG_SCHED_INFO). It includes softirq work run in the
// process's own context (on veth, most of the receive path runs in the sender's), irq time unless
// CONFIG_IRQ_TIME_ACCOUNTING takes it out, and nothing of ksoftirqd or of another tenant.
import { readdir, readFile } from 'node:fs/promises';

/** Sum over the process's threads, ns; undefined when it is gone or schedstat is missing. */
export async function processCpuNs(pid: number): Promise<number | undefined> {
  const tids = await readdir(`/proc/${pid}/task`).catch(() => undefined);
  if (!tids || tids.length === 0) return undefined;
  const each = await Promise.all(tids.map((t) => readFile(`/proc/${pid}/task/${t}/schedstat`, 'utf8').then((s) => Number(s.trim().split(/\s+/)[0]), () => NaN)));
  return each.every(Number.isFinite) ? each.reduce((a, b) => a + b, 0) : undefined;
}

export interface ProcessPids {
  client?: number;
  server?: number;
}

/** Both processes' CPU ns now. */
export async function processesCpuNs(pids: ProcessPids): Promise<{ client?: number; server?: number }> {
  const [client, server] = await Promise.all([pids.client, pids.server].map((p) => (p === undefined ? undefined : processCpuNs(p))));
  return { client, server };
}

/** CPU seconds each process used between two readings; undefined when either reading is missing. */
export function processCpuS(before: { client?: number; server?: number }, after: { client?: number; server?: number }): { clientS: number; serverS: number } | undefined {
  if (before.client === undefined || after.client === undefined || before.server === undefined || after.server === undefined) return undefined;
  return { clientS: (after.client - before.client) / 1e9, serverS: (after.server - before.server) / 1e9 };
}
