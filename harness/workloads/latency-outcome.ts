// A request/response measurement's latency metrics and the samples it keeps for later merging.
import { latencyFigures, subsampleUniform } from '../stats/latency.ts';
import type { WorkloadOutcome } from './types.ts';

export const LATENCY_SAMPLES = 'latencyUs';

export function latencyOutcome(rttUs: readonly number[]): Pick<WorkloadOutcome, 'samples' | 'sampleCounts'> & { metrics: Record<string, number> } {
  const figures = latencyFigures(rttUs);
  const kept = subsampleUniform(rttUs).map((x) => Math.round(x * 1000) / 1000);
  return {
    metrics: figures ? { ...figures } : {},
    samples: { [LATENCY_SAMPLES]: kept },
    sampleCounts: { [LATENCY_SAMPLES]: { collected: rttUs.length, kept: kept.length } },
  };
}
