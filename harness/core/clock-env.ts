// How the run's clock travels into the guest (the NKB_CLOCK environment variable) and the
// instruction clock's parameters: below everything, because core/exec.ts scales commands'
// timeouts by it. harness/clock/clock.ts resolves which clock a run uses.
import { UsageError, quote } from './errors.ts';
import type { ClockInfo } from '../model/clock.ts';

/**
 * shift=0: 1 ns per instruction, so a guest second is 1e9 instructions. Fixed (not `auto`, which
 * adapts the shift to host speed and so would make figures depend on the machine). Measured here:
 * tcp_rr repetitions agree to 0.02-0.2% (docs/instruction-clock.md).
 */
export const ICOUNT_SHIFT = 0;

/** NKB_ICOUNT_SHIFT=N overrides the shift (for measuring the clock itself); recorded like any shift. */
function configuredShift(): number {
  const v = process.env.NKB_ICOUNT_SHIFT;
  if (v === undefined || v === '') return ICOUNT_SHIFT;
  if (!/^\d$/.test(v)) throw new UsageError(`NKB_ICOUNT_SHIFT ${quote(v)} must be an integer 0-9`);
  return Number(v);
}

export function instructionClock(shift = configuredShift()): ClockInfo {
  return { kind: 'instructions', icountShift: shift, instructionsPerGuestS: 1e9 / 2 ** shift };
}

/** The environment variable carrying the clock into the guest's run. */
// Not NKB_CLOCK: that is the nightly script's setting (scripts/nightly.sh), which must never reach
// a native run as the clock its figures are on.
export const CLOCK_ENV = 'NKB_GUEST_CLOCK';

export function clockToEnv(clock: ClockInfo): string {
  return clock.kind === 'instructions' ? `instructions:${clock.icountShift}` : 'host';
}

export function clockFromEnv(value: string | undefined): ClockInfo {
  const m = /^instructions:(\d+)$/.exec(value ?? '');
  return m ? instructionClock(Number(m[1])) : { kind: 'host' };
}
