// What the whole machine did between two /proc/stat snapshots. Shares are of all CPUs' time, so
// 50% busy on a 2-CPU machine is one core's worth. Steal (time the hypervisor ran something else)
// counts in the total but not as busy: it is time this machine did not get.
import type { CpuTimes, ProcStat } from '../parsers/proc-stat.ts';

export interface CpuShare {
  cpu: number;
  busyPct: number;
  softirqPct: number;
}

export interface CpuUsage {
  /** Window length from the tick counts: total ticks / CPUs / USER_HZ. */
  windowS: number;
  cpuCount: number;
  busyPct: number;
  softirqPct: number;
  stealPct: number;
  /** Average number of CPUs busy over the window (busy core-seconds per second). */
  busyCores: number;
  perCpu: CpuShare[];
}

/** USER_HZ, which Linux fixes at 100 for userspace on every architecture it runs this harness on. */
const USER_HZ = 100;

const busy = (t: CpuTimes) => t.user + t.nice + t.system + t.irq + t.softirq;
const total = (t: CpuTimes) => busy(t) + t.idle + t.iowait + t.steal;

function diff(a: CpuTimes, b: CpuTimes): CpuTimes {
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
    return [{ cpu, busyPct: share(busy(dc), total(dc)), softirqPct: share(dc.softirq, total(dc)) }];
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
