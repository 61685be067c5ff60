// Chooses the qemu accelerator: KVM only when /dev/kvm opens read-write, qemu can really start
// with it, and it runs a guest faster than TCG does (firmware-probe.ts: nested KVM can be slower).
import { execa } from 'execa';
import { open } from 'node:fs/promises';
import { tcgClockArgs } from '../../clock/clock.ts';
import type { ClockInfo } from '../../model/clock.ts';
import { QEMU_BINARY } from '../guest/locations.ts';
import { msToFirmwareBoot } from './firmware-probe.ts';
import { exitReason } from '../../core/exit-status.ts';

export type Accel = 'kvm' | 'tcg';

/** qemu arguments for the accelerator, its clock (TCG only: harness/clock/clock.ts) and a matching CPU model. */
export function accelArgs(accel: Accel, clock: ClockInfo = { kind: 'host' }): string[] {
  return accel === 'kvm' ? ['-accel', 'kvm', '-cpu', 'host'] : [...tcgClockArgs(clock), '-cpu', 'max'];
}

/** Why KVM cannot be used, or undefined when it can. */
export async function kvmUnusableReason(): Promise<string | undefined> {
  try {
    const handle = await open('/dev/kvm', 'r+');
    await handle.close();
  } catch (error) {
    return `/dev/kvm does not open read-write (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  // A paused machine with a vCPU: creating it exercises KVM_CREATE_VM and KVM_CREATE_VCPU.
  const probe = await execa(
    QEMU_BINARY,
    ['-machine', 'pc', ...accelArgs('kvm'), '-smp', '1', '-m', '64', '-nodefaults', '-display', 'none',
      '-no-user-config', '-monitor', 'stdio', '-S'],
    { input: 'quit\n', timeout: 15_000, reject: false },
  );
  if (probe.failed || probe.exitCode !== 0) {
    // qemu's first complaint ("Could not access KVM kernel module: ..."), one bounded line.
    const why = exitReason({ exitCode: probe.exitCode, signal: probe.signal, timedOut: probe.timedOut, timeoutMs: 15_000, stderr: String(probe.stderr ?? '') });
    return `qemu could not start with -accel kvm: ${why}`;
  }
  // TCG first: its time bounds how long KVM is worth waiting for.
  const tcgMs = await msToFirmwareBoot('tcg', 15_000);
  const kvmMs = await msToFirmwareBoot('kvm', Math.max(2_000, 2 * (tcgMs ?? 15_000)));
  if (kvmMs === undefined || (tcgMs !== undefined && kvmMs > tcgMs)) {
    return `KVM runs a guest slower than TCG here (firmware boot: KVM ${kvmMs === undefined ? 'did not finish' : `${kvmMs} ms`}, TCG ${tcgMs ?? '?'} ms; nested virtualisation without hardware help?)`;
  }
  return undefined;
}

let cached: Promise<Accel> | undefined;

/** 'kvm' or 'tcg'; NKB_VM_ACCEL=tcg|kvm forces a choice. The probe runs once per process. */
export function detectAccel(): Promise<Accel> {
  const forced = process.env.NKB_VM_ACCEL;
  if (forced === 'kvm' || forced === 'tcg') return Promise.resolve(forced);
  cached ??= kvmUnusableReason().then((reason) => (reason === undefined ? 'kvm' : 'tcg'));
  return cached;
}
