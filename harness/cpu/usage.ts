// What the machine did between two /proc/stat snapshots, whole and per CPU. Shares are of all
// CPUs' time, so 50% busy on a 2-CPU machine is one core's worth. Steal (time the hypervisor ran
// something else) counts in the total but not as busy: it is time this machine did not get.
//
// Resolution: /proc/stat counts in USER_HZ ticks (10 ms). With CONFIG_TICK_CPU_ACCOUNTING (this
// machine, most distribution kernels) the kernel charges each whole scheduler tick (1/CONFIG_HZ)
// to whatever the CPU was doing when the tick fired, so a 1 s window on one CPU resolves ~1% and
// work shorter than a tick is seen only statistically; softirq run from irq exit is charged to
// softirq only if the tick lands in it. CONFIG_VIRT_CPU_ACCOUNTING_GEN (nohz_full kernels) and
// CONFIG_IRQ_TIME_ACCOUNTING measure at context switches and irq edges instead: exact in time,
// still reported in 10 ms units here.
import type { ProcStat } from '../parsers/proc-stat.ts';
import type { CpuTimes } from '../model/cpu.ts';
import type { UsedCpuCost } from '../model/cpu.ts';
import type { CpuUsage } from '../model/cpu.ts';

/** USER_HZ, which Linux fixes at 100 for userspace on every architecture it runs this harness on. */
export const USER_HZ = 100;

export const busy = (t: CpuTimes) => t.user + t.nice + t.system + t.irq + t.softirq;
export const total = (t: CpuTimes) => busy(t) + t.idle + t.iowait + t.steal;

export function diff(a: CpuTimes, b: CpuTimes): CpuTimes {
  return {
    user: b.user - a.user, nice: b.nice - a.nice, system: b.system - a.system, idle: b.idle - a.idle,
    iowait: b.iowait - a.iowait, irq: b.irq - a.irq, softirq: b.softirq - a.softirq, steal: b.steal - a.steal,
  };
}

const share = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : NaN);

export function cpuUsage(before: ProcStat, after: ProcStat): CpuUsage {
  const d = diff(before.all, after.all);
  const cpuCount = after.cpus.length || 1;
  const perCpu = after.cpus.flatMap(({ cpu, times }) => {
    const prev = before.cpus.find((c) => c.cpu === cpu);
    if (!prev) return [];
    const dc = diff(prev.times, times);
    return [{ cpu, busyPct: share(busy(dc), total(dc)), softirqPct: share(dc.softirq, total(dc)), ticks: dc }];
  });
  return {
    windowS: total(d) / cpuCount / USER_HZ,
    cpuCount,
    busyPct: share(busy(d), total(d)),
    softirqPct: share(d.softirq, total(d)),
    stealPct: share(d.steal, total(d)),
    busyCores: total(d) > 0 ? (busy(d) / total(d)) * cpuCount : NaN,
    perCpu,
  };
}
