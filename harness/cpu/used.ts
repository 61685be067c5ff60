// CPU cost from the CPUs the workload used: the client CPU(s), the server CPU(s), and any CPU where
// softirq work landed (more than SOFTIRQ_SHARE of its window in softirq: RPS, a backlog drained on
// another CPU, a device interrupt). Each is split into user, system, irq and softirq ticks, less
// the idle baseline over the same length (clamped at zero: a CPU busier at idle than under load
// is noise, and marked), less the harness's own CPU time when it shared those CPUs. Pure.
import type { CpuUsage } from '../model/cpu.ts';
import { busy, total, USER_HZ } from './usage.ts';
import type { IdleBaseline } from '../model/cpu.ts';
import type { CpuRole, UsedCpu, UsedCpuCost } from '../model/cpu.ts';

export const SOFTIRQ_SHARE = 0.05;
/**
 * A used CPU busier than this share at idle has another tenant. Under load the workload displaces
 * it (the scheduler shares the CPU), so subtracting its idle-time share over-subtracts: the net
 * figure is then a lower bound, often clamped to zero, and `contended` says so.
 */
export const CONTENDED_IDLE_SHARE = 0.1;

export interface UsedSides {
  client: number[];
  server: number[];
}

export function usedCpuCost(usage: CpuUsage, sides: UsedSides, opts: { idle?: IdleBaseline; harnessShares?: boolean } = {}): UsedCpuCost {
  const cpus: UsedCpu[] = [];
  for (const share of usage.perCpu) {
    const t = share.ticks;
    if (!t) continue;
    const roles: CpuRole[] = [];
    if (sides.client.includes(share.cpu)) roles.push('client');
    if (sides.server.includes(share.cpu)) roles.push('server');
    if (total(t) > 0 && t.softirq / total(t) > SOFTIRQ_SHARE) roles.push('softirq');
    if (roles.length === 0) continue;
    const base = opts.idle?.perCpu.find((c) => c.cpu === share.cpu);
    const idleTicks = base ? base.busyPerS * (total(t) / USER_HZ) : 0;
    const raw = busy(t) - idleTicks;
    cpus.push({ cpu: share.cpu, roles, user: t.user + t.nice, system: t.system, irq: t.irq, softirq: t.softirq, idleTicks, netTicks: Math.max(0, raw), clamped: idleTicks > 0 && raw <= 0 });
  }
  const windowS = cpus.length > 0 ? cpus.reduce((s, c) => s + total(usage.perCpu.find((p) => p.cpu === c.cpu)!.ticks!), 0) / cpus.length / USER_HZ : 0;
  const harness = opts.harnessShares && usage.harnessCpuS !== undefined ? usage.harnessCpuS : 0;
  const beforeHarness = cpus.reduce((s, c) => s + c.netTicks, 0) / USER_HZ;
  const netCpuS = Math.max(0, beforeHarness - harness);
  return {
    cpus, windowS, netCpuS, busyCores: windowS > 0 ? netCpuS / windowS : NaN,
    ...(opts.idle ? { idle: opts.idle } : {}),
    harnessSubtractedS: Math.min(harness, beforeHarness),
    clamped: cpus.some((c) => c.clamped) || (harness > 0 && beforeHarness - harness <= 0),
    contended: cpus.some((c) => (opts.idle?.perCpu.find((b) => b.cpu === c.cpu)?.busyPerS ?? 0) > CONTENDED_IDLE_SHARE * USER_HZ),
  };
}
