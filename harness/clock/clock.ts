// Which clock a run's figures are measured against. Under qemu TCG the built-in VM can count
// instructions instead of time: single-threaded TCG with `-icount shift=N,sleep=off` advances the
// guest's clock by 2^N ns per executed guest instruction and skips idle time instead of waiting it
// out (QEMU docs, "TCG Instruction Counting"). Every guest-side rate is then work per instruction
// executed by the whole guest (every vCPU, user and kernel, both ends), independent of the host's
// speed and load. `host` is ordinary time: natively, under KVM, or multi-threaded TCG.
import { UsageError, quote } from '../core/errors.ts';
import type { ClockMode, ClockInfo } from '../model/clock.ts';
import { instructionClock } from '../core/clock-env.ts';

export function parseClockMode(value: string): ClockMode {
  if (value === 'auto' || value === 'instructions' || value === 'host') return value;
  throw new UsageError(`--clock ${quote(value)} must be auto, instructions or host`);
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
