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
 * shared, with a note saying so. A side left with one CPU is then widened to two when the mask
 * has CPUs to spare (widenForFlows), so parallel flows run on parallel CPUs; single-flow
 * workloads keep using the first CPU of each set.
 */
export function autoRequest(allowed: readonly number[], topology: readonly CpuTopology[]): { request: CpuRequest; notes: string[] } {
  // The core holding CPU 0 goes last, and out of the pool when three or more cores are allowed.
  const cores = physicalCores(allowed, topology).sort((a, b) => Number(a.includes(0)) - Number(b.includes(0)));
  const pool = cores.length >= 3 ? cores.filter((c) => !c.includes(0)) : cores;
  if (pool.length >= 2) {
    const half = Math.floor(pool.length / 2);
    return { request: widenForFlows({ client: pool.slice(0, half).map((c) => c[0]!), server: pool.slice(half, 2 * half).map((c) => c[0]!) }, cores), notes: [] };
  }
  const [a, b] = [...allowed].sort((x, y) => x - y);
  if (b !== undefined) return { request: widenForFlows({ client: [a!], server: [b] }, cores), notes: [`one physical core allowed (${formatCpuList(allowed)}): client and server are SMT siblings`] };
  return { request: { client: [a!], server: [a!] }, notes: [`one CPU allowed (${a}): client and server share it`] };
}

/**
 * Each side with a single CPU gets a second one while two spare CPUs remain, so tcp_stream_multi's
 * streams are not all on one CPU per side: a CPU of a core nobody uses (not CPU 0's), else an SMT
 * sibling on the side's own core, else any spare CPU (CPU 0's core last, as `cores` orders them).
 * Both sides widen together or neither does, so the two stay equal: with four CPUs or more in the
 * mask each side ends up with at least two.
 */
export function widenForFlows(request: CpuRequest, cores: readonly number[][]): CpuRequest {
  const taken = new Set([...request.client, ...request.server]);
  const spare = cores.flat().filter((c) => !taken.has(c));
  if (request.client.length !== 1 || request.server.length !== 1 || spare.length < 2) return request;
  const coreOf = (cpu: number) => cores.find((c) => c.includes(cpu)) ?? [cpu];
  const pick = (own: number): number => {
    const free = spare.filter((c) => !taken.has(c));
    const idleCore = free.find((c) => !coreOf(c).includes(0) && !coreOf(c).some((x) => taken.has(x)));
    const cpu = idleCore ?? coreOf(own).find((c) => free.includes(c)) ?? free[0]!;
    taken.add(cpu);
    return cpu;
  };
  const client = [request.client[0]!, pick(request.client[0]!)];
  return { client, server: [request.server[0]!, pick(request.server[0]!)] };
}
