import type { CpuUsage } from '../model/cpu.ts';
import type { IdleBaseline } from '../model/cpu.ts';
import type { MeasurementState } from '../model/results.ts';
import type { WorkloadParams } from '../model/workload-params.ts';
import type { WindowHooks } from '../model/window.ts';
import type { ServerKeeper } from './server-keeper.ts';

export interface WorkloadContext {
  clientNetns: string;
  serverNetns: string;
  serverAddress: string;
  durationS: number;
  clientCpu: number;
  serverCpu: number;
  /** Each side's CPU set (--cpus client=LIST,server=LIST, or the automatic choice): multi-stream workloads pin to it; absent: the one CPU. */
  clientCpus?: number[];
  serverCpus?: number[];
  signal?: AbortSignal;
  /** Message sizes, stream count, UDP rate, validity thresholds; defaults for anything left out. */
  params?: Partial<WorkloadParams>;
  /** What the CPU cost is net of: the build's idle baseline, and whether the harness shares the measured CPUs (default: from its affinity mask). */
  cpuAccounting?: { idle?: IdleBaseline; harnessShares?: boolean };
  /** Counters read at the window's edges (harness/accounting/receive-path.ts). */
  window?: WindowHooks;
  /**
   * The measurement just before this one, in the same build, ran this workload: on the instruction
   * clock (bench/matrix.ts) it settled what a warmup would (neighbours, routes, slabs), so the
   * unmeasured warmup client is left out.
   */
  warm?: boolean;
  /** Servers kept across the build's measurements (server-keeper.ts); absent: each measurement starts and stops its own. */
  servers?: ServerKeeper;
}

export interface WorkloadOutcome {
  state: MeasurementState;
  reason?: string;
  metrics: Record<string, number>;
  /** Metrics this measurement leaves out on purpose, each with why (several flows: percentiles that do not pool). */
  omitted?: Record<string, string>;
  /** Raw per-request samples by name (latencyUs), uniformly subsampled to at most 20,000. */
  samples?: Record<string, number[]>;
  /** How many samples the tool produced and how many were kept, by the same names. */
  sampleCounts?: Record<string, { collected: number; kept: number }>;
  /** CPU use during the measured phase: whole machine, per CPU, and the used CPUs net of idle (`used`). */
  cpu?: CpuUsage;
  /** The tool that measured, with its version (iperf 3.12, sockperf 3.7, netkit-bench probe). */
  tool?: string;
  /** The exact commands run, namespace and CPU pinning included. */
  commands?: string[];
}

export interface Workload {
  name: string;
  description: string;
  /**
   * The metrics that gate it: compare's verdict and exit code depend on these alone (one rate-like
   * figure, plus the 99th-percentile latency where requests are timed one by one). The first is its
   * rate: the answer matrix's claims read it.
   */
  primary: readonly string[];
  /**
   * Agreement among repetitions that ends them early on the instruction clock, per metric, in % of
   * their median ((max - min) / median; bench/repetitions.ts). The rate's is the run-to-run
   * precision issue #9 asks for (request/response and connect rates 0.5%, streams 2%). A timed
   * tail percentile has its own, looser one (p99Us 5%): inside a build its repetitions agree within
   * a few µs, but now and then one holds a burst of slow transactions (p99 116 against 82 µs, the
   * rate unchanged), and with two repetitions the median would be their mean.
   */
  agreementPct: Readonly<Record<string, number>>;
  /** Executables it needs on PATH with the default parameters. */
  tools: string[];
  /** Executables it needs with these parameters (a chosen load generator), when they matter. */
  toolsFor?(params: WorkloadParams): string[];
  /**
   * Why the workload's tool cannot run at these parameters at all (sockperf-limits.ts); undefined
   * when it can. bench plans a refused point as a skip with this reason instead of running it.
   */
  refusal?(params: WorkloadParams): string | undefined;
  /** Wall-clock seconds one measurement takes, roughly, for the progress line's time left. */
  expectedS(durationS: number): number;
  run(ctx: WorkloadContext): Promise<WorkloadOutcome>;
}
