// Builds the qemu command line (argument array only) for one guest boot.
import { existsSync } from 'node:fs';
import type { ClockInfo } from '../../model/clock.ts';
import { accelArgs, type Accel } from './accel.ts';
import { QEMU_BINARY } from '../guest/locations.ts';

export interface QemuArgsOptions {
  name: string;
  accel: Accel;
  /** The guest's clock under TCG (icount); ignored under KVM. Default: host time. */
  clock?: ClockInfo;
  cpus: number;
  memoryMiB: number;
  kernelPath: string;
  initrdPath: string;
  /** Kernel command line tail (nkb.job=..., nkb.mode=...). */
  guestParams: string[];
  /** The user's own kernel parameters (--vm-cmdline), appended after the base ones. */
  userParams?: readonly string[];
  /** A QMP socket for the vCPU pinning (harness/vm/boot/vcpu-pinning.ts); KVM only. */
  qmpSocket?: string;
  shareDir: string;
  /** A file for the serial console, or 'stdio' for an interactive terminal. */
  console: { file: string } | 'stdio';
}

/** qemu option values are comma-separated; a literal comma is written twice. */
const escapeOption = (value: string) => value.replaceAll(',', ',,');

/**
 * Kept short and quiet: the serial console is slow under TCG and every message costs boot time.
 * CPU vulnerability mitigations stay at the kernel's own defaults, as in production; the user's
 * parameters (`mitigations=off`, say) come after the base ones, so they win where both set one.
 */
export function kernelCommandLine(guestParams: readonly string[], userParams: readonly string[] = []): string {
  const base = ['console=ttyS0', 'quiet', 'loglevel=3', 'panic=-1', 'rdinit=/init',
    'i8042.noaux', 'i8042.nokbd', 'i8042.nopnp', '8250.nr_uarts=1', 'cryptomgr.notests', 'tsc=reliable'];
  return [...base, ...userParams, ...guestParams].join(' ');
}

export function buildQemuArgs(o: QemuArgsOptions): string[] {
  const consoleDev =
    o.console === 'stdio'
      ? ['-chardev', 'stdio,id=console,mux=on,signal=off', '-serial', 'chardev:console', '-mon', 'chardev=console']
      : ['-chardev', `file,id=console,path=${escapeOption(o.console.file)}`, '-serial', 'chardev:console'];
  return [
    '-name', o.name,
    '-machine', 'pc', ...accelArgs(o.accel, o.clock),
    '-smp', String(o.cpus), '-m', String(o.memoryMiB),
    '-nodefaults', '-no-user-config', '-display', 'none', '-no-reboot', '-nic', 'none',
    '-kernel', o.kernelPath, '-initrd', o.initrdPath, '-append', kernelCommandLine(o.guestParams, o.userParams),
    '-fsdev', 'local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap',
    '-device', 'virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot',
    '-fsdev', `local,id=nkbout,path=${escapeOption(o.shareDir)},security_model=none,multidevs=remap`,
    '-device', 'virtio-9p-pci,fsdev=nkbout,mount_tag=nkbout',
    ...consoleDev,
    ...(o.qmpSocket ? ['-qmp', `unix:${escapeOption(o.qmpSocket)},server=on,wait=off`] : []),
  ];
}

/** [file, args]: wrapped in `setpriv --pdeathsig KILL` when available so qemu dies with its parent. */
export function qemuInvocation(args: string[]): [string, string[]] {
  if (existsSync('/usr/bin/setpriv')) return ['/usr/bin/setpriv', ['--pdeathsig', 'KILL', '--', QEMU_BINARY, ...args]];
  return [QEMU_BINARY, args];
}
