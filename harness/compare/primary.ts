// The metrics that gate each workload (its definition's `primary`, harness/workloads/): the verdict
// and the exit code depend on these alone; every other metric is reported with the same test but
// outside the family (Holm/BH count only gated rows, so adding diagnostic metrics never dilutes or
// inflates the gate).
import { metricInfo } from '../core/metrics.ts';
import { workloadNamed } from '../workloads/index.ts';

/** Does `metric` gate `workload`? Unknown workloads gate on nothing (reported only). */
export function isPrimary(workload: string, metric: string): boolean {
  return primaryMetrics(workload).includes(metric);
}

/**
 * A tail latency percentile (p90Us, p99Us, p999Us: a quantile above the median in the metric
 * registry, core/metrics.ts): the figures that move between boots on the instruction clock.
 */
export function isTailPercentile(metric: string): boolean {
  const pooled = metricInfo(metric).pooled;
  return typeof pooled === 'object' && pooled.quantile > 0.5;
}

export function primaryMetrics(workload: string): readonly string[] {
  return workloadNamed(workload)?.primary ?? [];
}
