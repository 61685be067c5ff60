// Absolute floors: the smallest change of a metric, in its own unit, that can count as a change.
// They matter where the baseline is zero or near zero (counts and loss), where any relative change
// is huge or infinite: 0 -> 2 retransmitted segments in 5 GB is no regression. Rates, not counts,
// enter the gate (retransmitsPerGB, retransmitPct, lossPct); the raw count is reported only.
// Each figure is far below what a real datapath change moves (native veth here retransmits about
// 1% of segments, ~7,000 per GB) and far above a handful of stray events.
const FLOORS: Record<string, number> = {
  retransmits: 10,
  retransmitsPerGB: 10,
  retransmitPct: 0.01,
  lossPct: 0.1,
  jitterMs: 0.01,
};

/** Floor of `metric` in its unit; 0 (none) for metrics that are never near zero. */
export function floorOf(metric: string): number {
  return FLOORS[metric] ?? 0;
}

/**
 * Rates derived for files written before measurements carried them: retransmitsPerGB from the raw
 * retransmit count and the bytes the run moved, taken as throughputGbps x durationS / 8 GB (the
 * receiver's goodput over the timed window: a slight underestimate of bytes sent, so a slight
 * overestimate of the rate). Returns the metrics with the derived ones added; never overrides.
 */
export function withDerivedRates(metrics: Record<string, number>, durationS: number): Record<string, number> {
  const { retransmits, throughputGbps } = metrics;
  if (metrics.retransmitsPerGB !== undefined || retransmits === undefined || !(throughputGbps! > 0) || !(durationS > 0)) return metrics;
  return { ...metrics, retransmitsPerGB: retransmits / ((throughputGbps! * durationS) / 8) };
}
