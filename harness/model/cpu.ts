// CPU time records: /proc/stat tick counts, the machine's use over a window, and the used CPUs
// net of the idle baseline (harness/cpu/ computes them; results.json stores them).

export interface CpuTimes {
  user: number;
  nice: number;
  system: number;
  idle: number;
  iowait: number;
  irq: number;
  softirq: number;
  steal: number;
}

export interface CpuShare {
  cpu: number;
  busyPct: number;
  softirqPct: number;
  /** This CPU's tick deltas over the window (absent in older files). */
  ticks?: CpuTimes;
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
  /** CPU time of the harness's own process (getrusage, all threads) over the same window, seconds; absent when the tool took the snapshots. */
  harnessCpuS?: number;
  /** CPU seconds of the client and server processes over the window (schedstat, ns-exact; harness/cpu/process-time.ts); absent when not read. */
  processes?: { clientS: number; serverS: number };
  /** The CPUs the workload used, net of the idle baseline: what service demand is computed from (absent in older files). */
  used?: UsedCpuCost;
}

export type CpuRole = 'client' | 'server' | 'softirq';

export interface UsedCpu {
  cpu: number;
  roles: CpuRole[];
  /** Ticks (10 ms) over this CPU's window; user includes nice. */
  user: number;
  system: number;
  irq: number;
  softirq: number;
  /** The idle baseline's busy ticks for a window this long (0 without a baseline). */
  idleTicks: number;
  /** user + system + irq + softirq - idleTicks, at least 0. */
  netTicks: number;
  /** No busier than at idle: nothing left after subtracting the baseline (netTicks set to 0). */
  clamped: boolean;
}

export interface UsedCpuCost {
  cpus: UsedCpu[];
  /** Mean window of the used CPUs, seconds. */
  windowS: number;
  /** Busy CPU-seconds on the used CPUs, net of idle and (when subtracted) the harness, at least 0. */
  netCpuS: number;
  /** netCpuS / windowS: CPUs' worth of busy time the workload cost. */
  busyCores: number;
  /** The baseline subtracted; absent: none was taken, nothing subtracted. */
  idle?: IdleBaseline;
  /** The harness's own CPU seconds subtracted (0 when it ran on other CPUs or was not measured). */
  harnessSubtractedS: number;
  /** True when a CPU, or the total, had nothing left (at or below zero) after the subtractions and was set to zero. */
  clamped: boolean;
  /** True when a used CPU was more than CONTENDED_IDLE_SHARE busy at idle: the net figure is unreliable. */
  contended: boolean;
}

export interface IdleCpu {
  cpu: number;
  /** Busy ticks per second of this CPU (user includes nice), and their sum. */
  userPerS: number;
  systemPerS: number;
  irqPerS: number;
  softirqPerS: number;
  busyPerS: number;
}

export interface IdleBaseline {
  /** ISO time the baseline window started; its length in seconds from the tick counts. */
  takenAt: string;
  windowS: number;
  perCpu: IdleCpu[];
}
