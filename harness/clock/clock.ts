// Which clock a run's figures are measured against. Under qemu TCG the built-in VM can count
// instructions instead of time: single-threaded TCG with `-icount shift=N,sleep=off` advances the
// guest's clock by 2^N ns per executed guest instruction and skips idle time instead of waiting it
// out (QEMU docs, "TCG Instruction Counting"). Every guest-side rate is then work per instruction
// executed by the whole guest (every vCPU, user and kernel, both ends), independent of the host's
// speed and load. `host` is ordinary time: natively, under KVM, or multi-threaded TCG.
import { UsageError, quote } from '../core/errors.ts';
import type { ClockMode, ClockInfo } from '../model/clock.ts';

/**
 * shift=0: 1 ns per instruction, so a guest second is 1e9 instructions. Fixed (not `auto`, which
 * adapts the shift to host speed and so would make figures depend on the machine). Measured here:
 * tcp_rr repetitions agree to 0.02-0.2% (README, "The instruction clock").
 */
export const ICOUNT_SHIFT = 0;

export function parseClockMode(value: string): ClockMode {
  if (value === 'auto' || value === 'instructions' || value === 'host') return value;
  throw new UsageError(`--clock ${quote(value)} must be auto, instructions or host`);
}

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

/** auto: instructions under TCG, host time under KVM or natively. `instructions` needs TCG (the caller forces it). */
export function resolveClock(mode: ClockMode, accel: 'kvm' | 'tcg' | 'native'): ClockInfo {
  if (mode === 'host') return { kind: 'host' };
  if (mode === 'instructions') return instructionClock();
  return accel === 'tcg' ? instructionClock() : { kind: 'host' };
}

/** qemu arguments for the clock under TCG; single-threaded TCG because icount cannot run multi-threaded. */
export function tcgClockArgs(clock: ClockInfo): string[] {
  return clock.kind === 'instructions'
    ? ['-accel', 'tcg,thread=single', '-icount', `shift=${clock.icountShift},sleep=off`]
    : ['-accel', 'tcg,thread=multi'];
}

/** One string naming the clock and its parameters: what compare and history check like with like. */
export function clockIdentity(clock: ClockInfo | undefined): string {
  if (!clock || clock.kind === 'host') return 'host time';
  return `instructions (icount shift=${clock.icountShift})`;
}

/** The environment variable carrying the clock into the guest's run. */
export const CLOCK_ENV = 'NKB_CLOCK';

export function clockToEnv(clock: ClockInfo): string {
  return clock.kind === 'instructions' ? `instructions:${clock.icountShift}` : 'host';
}

export function clockFromEnv(value: string | undefined): ClockInfo {
  const m = /^instructions:(\d+)$/.exec(value ?? '');
  return m ? instructionClock(Number(m[1])) : { kind: 'host' };
}
