// Service demand, as netperf reports it (SDEMAND): CPU µs per KB (1024 bytes) for streams and CPU
// µs per transaction for request/response, from the CPUs the workload used less the idle baseline
// (harness/cpu/used.ts). Both sides are rates over the same phase (busy cores, work per second),
// so the window need not match the tool's own timing to the millisecond. cpuBusyPct and softirqPct
// stay whole-machine figures with nothing subtracted.
import type { CpuUsage } from '../model/cpu.ts';
import { usedCpuCost } from '../cpu/used.ts';
import { mayRunOn } from '../cpu/machine.ts';
import type { WorkloadContext } from './types.ts';

/**
 * The usage with its used-CPU cost attached; `sets`: the sides were pinned to their whole CPU sets.
 * Whether the harness shares the measured CPUs is the context's word, or else its affinity mask's.
 */
export async function withUsedCost(cpu: CpuUsage | undefined, ctx: WorkloadContext, sets = false): Promise<CpuUsage | undefined> {
  if (!cpu) return undefined;
  const sides = sets ? { client: ctx.clientCpus ?? [ctx.clientCpu], server: ctx.serverCpus ?? [ctx.serverCpu] } : { client: [ctx.clientCpu], server: [ctx.serverCpu] };
  const harnessShares = ctx.cpuAccounting?.harnessShares ?? (await mayRunOn([...sides.client, ...sides.server]));
  return { ...cpu, used: usedCpuCost(cpu, sides, { idle: ctx.cpuAccounting?.idle, harnessShares }) };
}

type Work = { bytesPerS?: number; transactionsPerS?: number };

/** Service demand of `cores` busy CPUs (CPU-seconds per second) for the work rate, under `prefix`. */
function demand(cores: number, work: Work, prefix: 'cpu' | 'processCpu'): Record<string, number> {
  const out: Record<string, number> = {};
  if (work.bytesPerS && work.bytesPerS > 0) out[`${prefix}UsPerKB`] = (cores * 1e6) / (work.bytesPerS / 1024);
  if (work.transactionsPerS && work.transactionsPerS > 0) out[`${prefix}UsPerTransaction`] = (cores * 1e6) / work.transactionsPerS;
  return out;
}

/** The client and server processes' own CPU time as service demand; nothing when not read or zero. */
function processMetrics(cpu: CpuUsage | undefined, work: Work): Record<string, number> {
  const p = cpu?.processes;
  const s = p ? p.clientS + p.serverS : 0;
  return s > 0 && cpu!.windowS > 0 ? demand(s / cpu!.windowS, work, 'processCpu') : {};
}

export function cpuMetrics(cpu: CpuUsage | undefined, work: Work): Record<string, number> {
  return { ...usedMetrics(cpu, work), ...processMetrics(cpu, work) };
}

function usedMetrics(cpu: CpuUsage | undefined, work: Work): Record<string, number> {
  // Most kernels charge CPU time by sampling at the tick (CONFIG_TICK_CPU_ACCOUNTING): a short
  // window over light load can catch no busy tick at all. That is "too small to see", not zero.
  if (!cpu || !(cpu.busyPct > 0)) return {};
  const out: Record<string, number> = { cpuBusyPct: cpu.busyPct, softirqPct: cpu.softirqPct };
  // Likewise when the used CPUs were no busier than at idle: no figure, and `used.clamped` says why.
  const cores = cpu.used?.busyCores;
  if (cores === undefined || !(cores > 0)) return out;
  out.cpuUsedCores = cores;
  if (work.bytesPerS && work.bytesPerS > 0) out.cpuCoreSecondsPerGB = cores / (work.bytesPerS / 1e9);
  return { ...out, ...demand(cores, work, 'cpu') };
}
