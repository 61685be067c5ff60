// The metrics that gate each workload: the verdict and the exit code depend on these alone; every
// other metric is reported with the same test but outside the family (Holm/BH count only gated
// rows, so adding diagnostic metrics never dilutes or inflates the gate). One throughput-like figure
// per workload, plus the 99th-percentile latency where requests are timed one by one.
const PRIMARY: Record<string, readonly string[]> = {
  tcp_stream: ['throughputGbps'],
  tcp_stream_multi: ['throughputGbps'],
  udp_stream: ['throughputGbps', 'lossPct'],
  tcp_rr: ['transactionsPerS', 'p99Us'],
  udp_rr: ['transactionsPerS', 'p99Us'],
  tcp_crr: ['connectionsPerS'],
};

/** Does `metric` gate `workload`? Unknown workloads gate on nothing (reported only). */
export function isPrimary(workload: string, metric: string): boolean {
  return PRIMARY[workload]?.includes(metric) ?? false;
}

export function primaryMetrics(workload: string): readonly string[] {
  return PRIMARY[workload] ?? [];
}
