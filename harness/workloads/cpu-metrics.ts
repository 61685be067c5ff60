// CPU cost per unit of work, from whole-machine CPU use over the measured phase. Both sides are
// rates over the same phase (busy cores, work per second), so the window need not match the
// tool's own timing to the millisecond.
import type { CpuUsage } from '../cpu/usage.ts';

export function cpuMetrics(cpu: CpuUsage | undefined, work: { bytesPerS?: number; transactionsPerS?: number }): Record<string, number> {
  // Most kernels charge CPU time by sampling at the tick (CONFIG_TICK_CPU_ACCOUNTING): a short
  // window over light load can catch no busy tick at all. That is "too small to see", not zero.
  if (!cpu || !(cpu.busyPct > 0)) return {};
  const out: Record<string, number> = { cpuBusyPct: cpu.busyPct, softirqPct: cpu.softirqPct };
  if (work.bytesPerS && work.bytesPerS > 0) out.cpuCoreSecondsPerGB = cpu.busyCores / (work.bytesPerS / 1e9);
  if (work.transactionsPerS && work.transactionsPerS > 0) out.cpuUsPerTransaction = (cpu.busyCores * 1e6) / work.transactionsPerS;
  return out;
}
