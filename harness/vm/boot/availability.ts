// Reports whether the built-in VM can run here, without downloading anything.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { kvmUnusableReason, type Accel } from './accel.ts';
import { findStaticBusybox } from '../guest/busybox.ts';
import { findNewestKernelPackage } from '../guest/kernel-package.ts';
import { findCachedKernel } from '../guest/kernel.ts';
import { defaultVmCacheDir, QEMU_BINARY } from '../guest/locations.ts';

export interface VmAvailability {
  ok: boolean;
  accel: Accel;
  /** e.g. "QEMU emulator version 10.0.2 (...)", or undefined when qemu is missing. */
  qemuVersion?: string;
  /** "<package> <version> (cached)" or "<package> <version> (not downloaded yet, ~110 MB)". */
  kernelPackage?: string;
  /** What is missing, when ok is false. */
  reason?: string;
  /** Non-fatal observations (why not KVM, optional tools). */
  notes: string[];
}

/** `QEMU emulator version 7.2.19 (Debian 1:7.2+dfsg-7+deb12u16)`, or undefined when qemu does not run. */
export async function qemuVersion(): Promise<string | undefined> {
  const qemu = await execa(QEMU_BINARY, ['--version'], { reject: false }).catch(() => undefined);
  return qemu?.exitCode === 0 ? qemu.stdout.split('\n')[0]?.trim() || undefined : undefined;
}

export async function vmAvailability(cacheDir: string = defaultVmCacheDir()): Promise<VmAvailability> {
  const missing: string[] = [];
  const notes: string[] = [];
  const qemu = await qemuVersion();
  if (!qemu) missing.push(`${QEMU_BINARY} not runnable (install qemu-system-x86)`);

  await findStaticBusybox().catch((error: Error) => missing.push(error.message));

  let kernelPackage: string | undefined;
  const cached = await findCachedKernel(cacheDir);
  if (cached) {
    kernelPackage = `${cached.packageName} ${cached.packageVersion} (cached)`;
  } else {
    await findNewestKernelPackage().then(
      (pkg) => (kernelPackage = `${pkg.name} ${pkg.version} (not downloaded yet, ~110 MB)`),
      (error: Error) => missing.push(`guest kernel: ${error.message}`),
    );
    for (const tool of ['apt-get', 'dpkg-deb']) {
      const found = await execa('sh', ['-c', 'command -v "$1"', 'sh', tool], { reject: false });
      if (found.exitCode !== 0) missing.push(`${tool} (needed once to fetch the guest kernel)`);
    }
  }

  const kvmReason = qemu ? await kvmUnusableReason() : 'qemu missing';
  if (kvmReason) notes.push(`using TCG (slow, software emulation): ${kvmReason}`);
  if (!existsSync('/usr/bin/setpriv')) notes.push('setpriv missing: qemu will not be killed if node dies abruptly');
  const hasZstd = await execa('zstd', ['--version'], { reject: false }).then((r) => r.exitCode === 0, () => false);
  if (!hasZstd) notes.push('zstd missing: the bzImage is booted as is (about 1 s slower under TCG)');

  return {
    ok: missing.length === 0,
    accel: kvmReason ? 'tcg' : 'kvm',
    qemuVersion: qemu,
    kernelPackage,
    reason: missing.length > 0 ? missing.join('; ') : undefined,
    notes,
  };
}
