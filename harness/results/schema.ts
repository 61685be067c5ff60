// The one results schema (results.json). Every exporter (CSV, table, charts) reads this and nothing
// else. Bump RESULTS_VERSION when a field changes meaning.

export const RESULTS_SCHEMA = 'netkit-bench.results';
export const RESULTS_VERSION = 1;

/** A measurement's outcome is a value, not an exception: ok, invalid (ran but not trustworthy), failed. */
export type MeasurementState = 'ok' | 'invalid' | 'failed';

export interface BpfProgramStats {
  name: string;
  hook: string;
  node: string;
  /** Packets the program handled during this measurement, by counter slot (seen, redirected, ...). */
  counters: Record<string, number>;
  /** Program runs and time in them during this measurement (kernel.bpf_stats_enabled=1). */
  runCnt: number;
  runTimeNs: number;
}

export interface Measurement {
  scenario: string;
  workload: string;
  repetition: number;
  state: MeasurementState;
  reason?: string;
  startedAt: string;
  elapsedS: number;
  /** Metric name (with its unit in the name) to value; see harness/metrics.ts. */
  metrics: Record<string, number>;
  bpf: BpfProgramStats[];
}

export interface SummaryRow {
  scenario: string;
  workload: string;
  metric: string;
  unit: string;
  n: number;
  median: number;
  mean: number;
  stddev: number;
  cvPct: number;
  min: number;
  max: number;
  /** median(scenario) / median(baseline) for the same workload and metric; null without a baseline. */
  ratioToHost: number | null;
  state: MeasurementState;
}

export type Where = 'native' | 'vm-kvm' | 'vm-tcg';

export interface Environment {
  where: Where;
  kernelRelease: string;
  cpuModel: string;
  cpuCount: number;
  nodeVersion: string;
  tools: Record<string, string>;
  gitRevision: string;
  bpfObjectsSha256: string;
  vm?: { accel: string; bootMs: number; note: string };
}

export interface RunOptions {
  scenarios: string[];
  workloads: string[];
  durationS: number;
  repeats: number;
  clientCpu: number;
  serverCpu: number;
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
  skipped: { scenario: string; reason: string }[];
  measurements: Measurement[];
  summary: SummaryRow[];
}
