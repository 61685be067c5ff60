// The one results schema (results.json). Every exporter (CSV, table, charts) reads this and nothing
// else. Bump RESULTS_VERSION when a field changes meaning (nothing is released yet: version 1
// has grown fields, all documented here; fields marked optional may be absent in early files).
import type { ReceivePathCounts } from './receive-path.ts';
import type { CpuUsage } from './cpu.ts';
import type { WorkloadParams } from './workload-params.ts';
import type { Statistics } from './statistics.ts';
import type { GuestMachineRecord } from './guest.ts';
import type { AxisValue, Point } from './point.ts';

export const RESULTS_SCHEMA = 'netkit-bench.results';
/** 2: every measurement, summary row and skip carries its matrix `point` (model/point.ts). Version 1 files load as cross-node points (results/validate.ts). */
export const RESULTS_VERSION = 2;

/** bench --shard K/N (harness/bench/shard.ts): which Nth of which matrix a run measured. */
export interface ShardRecord {
  index: number;
  count: number;
  /** sha256 over the whole matrix (builds, points, workloads, repetitions): every shard of one run has the same. */
  matrixSha256: string;
  /** The parts this shard ran (bench/shard.ts partKey): a build, "scenario topology=...,axis=value", or a build at a workload-scope point, "... msg=1024". */
  builds: string[];
}

/** A measurement's outcome is a value, not an exception: ok, invalid (ran but not trustworthy), failed. */
export type MeasurementState = 'ok' | 'invalid' | 'failed';

export interface BpfProgramStats {
  name: string;
  hook: string;
  node: string;
  /** Packets the program handled during this measurement, by counter slot (seen, redirected, ...). */
  counters: Record<string, number>;
  /** Program runs and time in them during the measurement's BPF cost pass: a short untimed run of
   * the same workload right after it, the only time run statistics are on (harness/accounting/bpf-cost.ts).
   * Files written before that change counted them over the timed window itself. */
  runCnt: number;
  runTimeNs: number;
}

export interface Measurement {
  scenario: string;
  workload: string;
  /** Where on the run's axes: topology, and each swept axis's value. */
  point: Point;
  repetition: number;
  /** ok; invalid: ran but failed a validity gate (no data, loss or retransmits over the limit); failed: a tool failed. */
  state: MeasurementState;
  /** Why it is not ok: the first gate it failed, or the tool's error. */
  reason?: string;
  startedAt: string;
  elapsedS: number;
  /**
   * Metric name (with its unit in the name) to value; see harness/core/metrics.ts. Includes one
   * `bpfNsPerPacket:<program>` per attached program that ran in the cost pass (run_time_ns / run_cnt
   * of `bpf`; program body only: the redirect helpers' route and neighbour work is not in it).
   * Latency percentiles here are this measurement's own, from all its requests.
   */
  metrics: Record<string, number>;
  /**
   * Metrics left out on purpose, each with why: with several request/response flows (the flows
   * axis) netperf's percentiles, which do not pool over flows. Absent: nothing left out.
   */
  omitted?: Record<string, string>;
  bpf: BpfProgramStats[];
  /**
   * Raw per-request samples by name: `latencyUs` is every request's round-trip time in µs
   * (send order for sockperf; sorted for the built-in probe), uniformly subsampled to at most
   * 20,000 (every (n/20000)-th sample) so a file stays small; `sampleCounts` says how many there were.
   */
  samples?: Record<string, number[]>;
  sampleCounts?: Record<string, { collected: number; kept: number }>;
  /** Whole-machine CPU use (/proc/stat) during the measured phase, after the warmup. */
  cpu?: CpuUsage;
  /**
   * The tool that measured and its version (iperf 3.12, sockperf 3.7-no.git, netperf 2.7.0,
   * netkit-bench probe (node, tinybench)): part of what the figure is. Absent in early files.
   */
  tool?: string;
  /** The exact commands run (nsenter and taskset included), server first. */
  commands?: string[];
  /** Backlog enqueues, receive passes and wire packets on the run's devices over the untimed accounting pass that follows the measurement (harness/accounting/; files from before that change counted over the timed window). */
  receivePath?: ReceivePathCounts;
}

/**
 * One scenario x workload x metric. n, median, mean, stddev, cvPct, min and max are over the
 * valid repetitions' values (for a latency percentile: each repetition's own percentile, which
 * shows run-to-run spread). `value` is the figure to quote and compare:
 *   estimator "median": the median over repetitions (every metric but the latency ones);
 *   estimator "pooled": the percentile of all valid repetitions' latency samples merged
 *     (p50Us..p999Us; never an average of per-run percentiles), or for maxUs the largest of any.
 * ciLow/ciHigh: order-statistic interval of the median over the valid repetitions (for a latency
 * percentile: of the repetitions' own percentiles), ciCoverage its exact coverage (0..1): 75% at
 * n = 3, 93.75% at n = 5, >= 95% from n = 6 (harness/results/intervals.ts); null when n < 3, with
 * noInterval saying why. Files written before ciCoverage existed hold a percentile-bootstrap
 * interval labelled 95% whose real coverage is unknown (75% at n = 3): readers show "coverage
 * unknown". ratioToHost = value / value of the baseline (host) for the same workload, metric and point;
 * ratioCiLow/ratioCiHigh the same interval over the per-repetition ratios, paired by repetition
 * number, ratioCiCoverage its coverage; null with < 3 such pairs. tooFewSamples: a pooled tail
 * percentile whose requests leave too few beyond it (harness/results/tail-check.ts): value NaN.
 * Per-program BPF cost is in rows with metric `bpfNsPerPacket:<program>` (no ratio: host runs none).
 */
/** n, median, mean, stddev, cvPct, min and max are over the valid repetitions (harness/stats/statistics.ts). */
export interface SummaryRow extends Statistics {
  scenario: string;
  workload: string;
  /** The point its repetitions share; ratioToHost is against host at the same point. */
  point: Point;
  metric: string;
  unit: string;
  /** 'higher' or 'lower' is better, from harness/core/metrics.ts. */
  better: 'higher' | 'lower';
  /** Measurements attempted (valid or not); n counts the valid ones. */
  attempted: number;
  value: number;
  estimator: 'median' | 'pooled';
  ciLow: number | null;
  ciHigh: number | null;
  ratioToHost: number | null;
  ratioCiLow: number | null;
  ratioCiHigh: number | null;
  /** Exact coverage (0..1) of [ciLow, ciHigh]; null with no interval; absent in older files (unknown). */
  ciCoverage?: number | null;
  /** Why there is no interval (too few repetitions, a maximum, too few samples). */
  noInterval?: string;
  /** Exact coverage (0..1) of [ratioCiLow, ratioCiHigh]; absent in older files (unknown). */
  ratioCiCoverage?: number | null;
  /** Set when a tail percentile had too few requests beyond it to be quoted: says so; value is NaN. */
  tooFewSamples?: string;
  /** ok: every repetition valid; invalid: some were not (reasons in `reasons`); failed: none valid and one failed. */
  state: MeasurementState;
  /** Distinct reasons of the repetitions that were not ok. */
  reasons: string[];
  /** The tool(s) that measured the group's repetitions, " + "-joined if several; absent when none recorded one. */
  tool?: string;
}

export type { ClockInfo } from './clock.ts';
import type { ClockInfo } from './clock.ts';

export type Where = 'native' | 'vm-kvm' | 'vm-tcg';

export interface Environment {
  where: Where;
  kernelRelease: string;
  /** uname -v: build number and date, which the release alone does not pin down. */
  kernelVersion?: string;
  /**
   * Build options behind the figures (harness/host/kernel-config.ts): CONFIG_HZ and the CPU accounting
   * mode (with CONFIG_TICK_CPU_ACCOUNTING and no CONFIG_IRQ_TIME_ACCOUNTING, cpu/softirq figures
   * are sampled at the tick), preemption, NETKIT. Absent when the kernel exposes no config.
   */
  kernelConfig?: Record<string, string>;
  cpuModel: string;
  cpuCount: number;
  /** cpufreq governor of CPU 0, or "unavailable" (most VMs). */
  cpuGovernor?: string;
  /** 1-minute load average when the run started: well above 0 means something else is running. */
  loadAverage1m?: number;
  nodeVersion: string;
  /** First line of each tool's version output; "missing" when not installed. */
  tools: Record<string, string>;
  gitRevision: string;
  /** Uncommitted changes to tracked files when the run started. */
  gitDirty?: boolean;
  /** One hash over every bpf/build/*.bpf.o; bpfObjects has each object's own sha256. */
  bpfObjectsSha256: string;
  bpfObjects?: Record<string, string>;
  /** Root-namespace sysctls that move datapath figures, as read at the start (harness/host/environment.ts). */
  sysctls?: Record<string, string>;
  /** Each measured scenario's facts: netkit mode and policy, links, BPF programs and their hooks. */
  scenarios?: Record<string, Record<string, string>>;
  /** Scenario name to the sha256 of its definition (harness/scenario/hash.ts); absent in older files. */
  scenariosSha256?: Record<string, string>;
  /**
   * Scenario name to the settings its namespaces and devices had when it was first built in this
   * run (sysctls, MTU, GSO/GRO sizes, rp_filter, netkit mode/policy/scrub, offloads), read back from
   * the kernel; absent in older files.
   */
  applied?: Record<string, AppliedSettings>;
  /** The kernel's command line (/proc/cmdline) as the run saw it; absent in older files. */
  kernelCmdline?: string;
  /** MemTotal of /proc/meminfo in MiB; absent in older files. */
  memoryMiB?: number;
  /**
   * Where a VM run ran: accelerator and boot time, and (absent in older files) the machine the host
   * set up (harness/vm/boot/guest-settings.ts): kernel (origin, release, image, config sha256), vCPUs,
   * memory, the -append line, the user's parameters, mitigations, vCPU pinning under KVM.
   */
  vm?: {
    accel: string;
    /** qemu spawn to the guest's job start, host wall clock. */
    bootMs: number;
    note: string;
    /** Host wall-clock ms of the whole guest run (boot, measurements, shutdown). */
    wallMs?: number;
    /** (wallMs - bootMs) / measurements: what one measurement costs in wall time, topology and tools included. */
    wallMsPerMeasurement?: number;
    /** VMs the run's shards ran in at once (bench --vm-shards, bench/vm-shards.ts): then bootMs is the last boot's and wallMs the whole run's. Absent: one. */
    vms?: number;
    /**
     * The VMs the run was cut into as asked (--vm-shards, or the instruction clock's default), before
     * the cap of one per part: what `history vms` pins, so that a small night (one part, one VM) does
     * not pin later full nights to one VM. Absent in older files: vms.
     */
    vmShards?: number;
    /** `qemu-system-x86_64 --version`'s first line on the host that booted the guest; absent in older files. */
    qemuVersion?: string;
  } & Partial<GuestMachineRecord>;
  /**
   * Non-idle CPU seconds over every CPU from the first build to the last teardown (cpu/run-cpu.ts):
   * on the instruction clock, guest instructions / 1e9, the run's wall cost whatever the host's
   * load. Absent in older files.
   */
  matrixCpuS?: number;
  /**
   * The clock the figures are measured against (harness/clock/clock.ts): host time, or guest
   * instructions under qemu TCG icount. Absent in older files: host time.
   */
  clock?: ClockInfo;
}

/** One device as the kernel reports it from inside its namespace (harness/host/readback.ts). */
export interface AppliedDevice {
  /** IFLA_INFO_KIND: veth, netkit; loopback for lo. */
  kind: string;
  mtu: number;
  /** GSO/GRO ceilings in bytes (IPv6 and general; the IPv4 pair exists from Linux 6.3); absent when not reported. */
  gsoMaxSize?: number;
  groMaxSize?: number;
  gsoIpv4MaxSize?: number;
  groIpv4MaxSize?: number;
  /** net.ipv4.conf.<device>.rp_filter. */
  rpFilter?: string;
  /** netkit's IFLA_INFO_DATA as `ip -d -j link` prints it: mode, policy, peer_policy, scrub, peer_scrub, primary. */
  netkit?: Record<string, string>;
  /** `ethtool -k` features by name: active or not. Empty when ethtool is missing. */
  features: Record<string, boolean>;
}

/** A route of the main table as `ip -j route` reports it; devices by scenario role. */
export interface AppliedRoute {
  family: 4 | 6;
  /** `default`, a prefix, or an address for a host route (ip leaves /32 and /128 out). */
  dst: string;
  gateway?: string;
  dev?: string;
  onlink: boolean;
}

/** A neighbour entry as `ip -j neigh` reports it; device by scenario role. */
export interface AppliedNeighbor {
  dst: string;
  dev: string;
  lladdr?: string;
  /** NUD states: PERMANENT, REACHABLE, ... */
  state: string[];
}

export interface AppliedNamespace {
  /** The sysctls the scenario sets in this namespace, as read back. */
  sysctls: Record<string, string>;
  /** Every device in the namespace by its scenario role (w0, h0, c0; lo). */
  devices: Record<string, AppliedDevice>;
  /** The main table's routes, both families, and the neighbour table. Absent in older files. */
  routes?: AppliedRoute[];
  neighbors?: AppliedNeighbor[];
}

/** What one scenario's topology applied, read back after it was built (harness/host/). */
export interface AppliedSettings {
  /** Node (namespace) name to what was read inside it. */
  namespaces: Record<string, AppliedNamespace>;
  /** Settings the scenario asked for that the kernel reported otherwise; empty when all held. */
  mismatches: string[];
}

export interface Skip {
  scenario: string;
  reason: string;
  /** The point that could not run; absent: the scenario at every point. */
  point?: Point;
  /** The one workload that could not run there (its tool refuses the point: bench/refusals.ts); absent: every workload. */
  workload?: string;
}

/** WorkloadParams as files record them: the fields added later may be absent in older files. */
export type RecordedWorkloadParams = Omit<WorkloadParams, 'ipVersion' | 'rrTool' | 'crrTool'> & Partial<Pick<WorkloadParams, 'ipVersion' | 'rrTool' | 'crrTool'>>;

export interface RunOptions {
  scenarios: string[];
  /** The topologies measured (--topology); absent in version 1 files: cross-node. */
  topologies?: string[];
  /** Each swept axis (--sweep AXIS=V1,V2) and its values, in the order given; absent: no sweep. */
  sweep?: Record<string, AxisValue[]>;
  workloads: string[];
  durationS: number;
  /** Repetitions of every measurement; with minRepeats, the most a workload got (harness/bench/repetitions.ts). */
  repeats: number;
  /** Instruction clock: a workload's repetitions stopped here once they agreed (harness/bench/repetitions.ts); absent: every one of `repeats` ran. */
  minRepeats?: number;
  /** The CPUs client and server were pinned to (taskset); with CPU sets, the first of each. */
  clientCpu: number;
  serverCpu: number;
  /**
   * How client and server CPUs were chosen (harness/cpu/placement.ts): each side's set (multi-stream
   * workloads use all of it), the CPUs the harness's own process was confined to (empty: it shared
   * them), the affinity mask it was chosen from, auto or --cpus, and any compromise. Absent in older files.
   */
  placement?: { client: number[]; server: number[]; harness: number[]; allowed: number[]; source: 'auto' | '--cpus'; notes: string[]; harnessConfined?: boolean };
  /** quick, default or full: where durationS, repeats and workloads came from unless given. */
  preset?: string;
  /**
   * Message sizes, streams, UDP rate and validity thresholds (harness/workloads/params.ts). Files
   * written before --ip, --rr-tool and --crr-tool existed lack those three: what they measured with
   * is not known (tcp_crr ran through the probe before netperf), so nothing is filled in.
   */
  workloadParams?: RecordedWorkloadParams;
  /** Bootstrap settings, in files written before the order-statistic intervals (ciCoverage); no longer written. */
  bootstrap?: { resamples: number; confidence: number; seed: number };
  /** bpf_loop iterations of the injected tax on the server wire (--inject-cost); absent or 0: none. */
  injectCost?: number;
  /** Interleaved run (--ab-inject-cost): each scenario also measured as "<name>+tax" with this many iterations (0: "<name>+copy"). */
  abInjectCost?: number;
}

export interface ResultsFile {
  schema: typeof RESULTS_SCHEMA;
  version: typeof RESULTS_VERSION;
  runId: string;
  command: string[];
  startedAt: string;
  finishedAt: string | null;
  /** False while running and when interrupted: the measurements present are still valid. */
  complete: boolean;
  options: RunOptions;
  environment: Environment;
  /** Scenarios, or one scenario at one point, that could not run here, with the kernel's or the tool's reason. */
  skipped: Skip[];
  measurements: Measurement[];
  summary: SummaryRow[];
  /** A shard of a run (bench --shard K/N); absent for a whole run. */
  shard?: ShardRecord;
  /** A run merged from shards (netkit-bench merge, or bench's VMs at once, --vm-shards): each shard's run id, in shard order, and the matrix they share. */
  merged?: { count: number; matrixSha256: string; shards: { index: number; runId: string; startedAt: string; finishedAt: string | null }[] };
}
