import type { MeasurementState } from '../results/schema.ts';

export interface WorkloadContext {
  clientNetns: string;
  serverNetns: string;
  serverAddress: string;
  durationS: number;
  clientCpu: number;
  serverCpu: number;
  signal?: AbortSignal;
}

export interface WorkloadOutcome {
  state: MeasurementState;
  reason?: string;
  metrics: Record<string, number>;
}

export interface Workload {
  name: string;
  description: string;
  /** Executables it needs on PATH. */
  tools: string[];
  run(ctx: WorkloadContext): Promise<WorkloadOutcome>;
}
