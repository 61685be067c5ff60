// The gates a measurement must pass to count: the tool's data present and non-zero, and loss or
// retransmits under the run's thresholds. A measurement that fails one is kept but marked
// invalid, with the first reason; the summary then leaves it out of the statistics.
import type { MeasurementState } from '../results/schema.ts';

export interface Gate {
  metric: string;
  /** Above this the measurement is invalid. */
  max?: number;
  /** The option that sets `max`, named in the reason. */
  option?: string;
  /** Must be > 0 (a rate or a count of work done). */
  positive?: boolean;
}

export function judge(metrics: Record<string, number>, gates: readonly Gate[]): { state: MeasurementState; reason?: string } {
  for (const g of gates) {
    const v = metrics[g.metric];
    if (v === undefined || !Number.isFinite(v)) return { state: 'invalid', reason: `no ${g.metric} figure` };
    if (g.positive && !(v > 0)) return { state: 'invalid', reason: `${g.metric} is ${v}: no data moved` };
    if (g.max !== undefined && v > g.max) return { state: 'invalid', reason: `${g.metric} ${Number(v.toPrecision(3))} is above ${g.option ?? 'the limit'} ${g.max}` };
  }
  return { state: 'ok' };
}
