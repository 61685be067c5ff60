// The automatic choice of client and server CPUs: distinct physical cores, not CPU 0 when there is a
// choice (on many machines it takes most unpinned kernel work and device interrupts). A core is
// identified by (physical_package_id, core_id), so SMT siblings count as one.
import { formatCpuList } from '../core/cpu-list.ts';
import type { CpuRequest, CpuTopology } from '../model/placement.ts';

const coreKey = (t: CpuTopology) => `${t.package}:${t.core}`;

/** Physical cores among `allowed`, each as its allowed CPUs in order; cores listed by their first CPU. */
export function physicalCores(allowed: readonly number[], topology: readonly CpuTopology[]): number[][] {
  const cores = new Map<string, number[]>();
  for (const cpu of [...allowed].sort((a, b) => a - b)) {
    const t = topology.find((x) => x.cpu === cpu);
    const key = t ? coreKey(t) : `cpu${cpu}`;
    cores.set(key, [...(cores.get(key) ?? []), cpu]);
  }
  return [...cores.values()];
}

/**
 * With two cores or more, client and server take equal halves of the cores (one CPU of each core;
 * the core of CPU 0 left out once three or more are allowed); otherwise SMT siblings, or one CPU
 * shared, with a note saying so.
 */
export function autoRequest(allowed: readonly number[], topology: readonly CpuTopology[]): { request: CpuRequest; notes: string[] } {
  // The core holding CPU 0 goes last, and out of the pool when three or more cores are allowed.
  const cores = physicalCores(allowed, topology).sort((a, b) => Number(a.includes(0)) - Number(b.includes(0)));
  const pool = cores.length >= 3 ? cores.filter((c) => !c.includes(0)) : cores;
  if (pool.length >= 2) {
    const half = Math.floor(pool.length / 2);
    return { request: { client: pool.slice(0, half).map((c) => c[0]!), server: pool.slice(half, 2 * half).map((c) => c[0]!) }, notes: [] };
  }
  const [a, b] = [...allowed].sort((x, y) => x - y);
  if (b !== undefined) return { request: { client: [a!], server: [b] }, notes: [`one physical core allowed (${formatCpuList(allowed)}): client and server are SMT siblings`] };
  return { request: { client: [a!], server: [a!] }, notes: [`one CPU allowed (${a}): client and server share it`] };
}
