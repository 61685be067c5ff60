// Whether a measurement happened: the tool's data present and non-zero, and the measured phase
// as long as asked. That is all "valid" means. What the datapath did (retransmits, loss) is a
// reported metric, never a reason to drop a repetition, unless the user asks for a limit
// (--max-retransmit-pct, --max-loss-pct). A measurement that fails a gate is kept but marked
// invalid, with the first reason; the summary then leaves it out of the statistics.
import type { MeasurementState } from '../model/results.ts';
import { plainNumber } from '../core/format.ts';

export interface Gate {
  metric: string;
  /** Above this the measurement is invalid (only user-set limits: datapath behaviour is data). */
  max?: number;
  /** Below this the measurement is invalid (the measured duration, in seconds). */
  min?: number;
  /** The option or requirement that sets `max` or `min`, named in the reason. */
  option?: string;
  /** Must be > 0 (a rate or a count of work done). */
  positive?: boolean;
}

/** A measured phase shorter than this share of the requested duration did not happen as asked. */
export const MIN_DURATION_SHARE = 0.9;

/** The gate on a tool's own measured duration (`measuredS` in the figures judged), in seconds. */
export function durationGate(requestedS: number): Gate {
  return { metric: 'measuredS', min: requestedS * MIN_DURATION_SHARE, option: `${MIN_DURATION_SHARE * 100}% of the requested ${requestedS} s` };
}

/** A user-set limit on a datapath metric, or no gate when the user set none. */
export function limitGate(metric: string, max: number | undefined, option: string): Gate[] {
  return max === undefined ? [] : [{ metric, max, option }];
}

export function judge(metrics: Record<string, number>, gates: readonly Gate[]): { state: MeasurementState; reason?: string } {
  for (const g of gates) {
    const v = metrics[g.metric];
    if (v === undefined || !Number.isFinite(v)) return { state: 'invalid', reason: `no ${g.metric} figure` };
    if (g.positive && !(v > 0)) return { state: 'invalid', reason: `${g.metric} is ${v}: no data moved` };
    if (g.max !== undefined && v > g.max) return { state: 'invalid', reason: `${g.metric} ${plainNumber(v, 3)} is above ${g.option ?? 'the limit'} ${g.max}` };
    if (g.min !== undefined && v < g.min) return { state: 'invalid', reason: `${g.metric} ${plainNumber(v, 3)} is below ${g.option ?? plainNumber(g.min, 3)}` };
  }
  return { state: 'ok' };
}
