// Everything a boot needs besides the job: guest kernel, initramfs and accelerator.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { detectAccel, type Accel } from './accel.ts';
import { buildInitramfs } from '../guest/initramfs.ts';
import { bootableKernelImage } from '../guest/kernel-image.ts';
import type { KernelChoice } from '../guest/kernel-choice.ts';
import { ensureGuestKernel, type GuestKernel } from '../guest/kernel.ts';
import { DEFAULT_GUEST_MODULES } from '../guest/modules.ts';
import { defaultVmCacheDir } from '../guest/locations.ts';
import type { UserKernel } from '../guest/user-kernel.ts';
import type { GuestKernelRecord } from '../../model/guest.ts';

export interface VmAssetOptions {
  /** Defaults to <repo>/.cache/vm. */
  cacheDir?: string;
  /** Extra guest modules beyond DEFAULT_GUEST_MODULES (dependencies are resolved). */
  extraModules?: readonly string[];
  /** A kernel the user built (resolved and checked by resolveUserKernel); default: Debian's, fetched once. */
  userKernel?: UserKernel;
  /** Which of Debian's kernels (bench --vm-kernel); default: the newest in the cache (kernel-choice.ts). */
  vmKernel?: KernelChoice;
  /** Debian's kernel as the caller already settled it (ensureGuestKernel): booted as is, not resolved again. */
  settledKernel?: GuestKernel;
}

export interface VmAssets {
  kernel: GuestKernel;
  kernelRecord: GuestKernelRecord;
  /** What qemu boots: the unpacked vmlinux (PVH entry) or, failing that, the bzImage. */
  kernelImagePath: string;
  initrdPath: string;
  accel: Accel;
}

export async function prepareVmAssets(options: VmAssetOptions = {}): Promise<VmAssets> {
  const cacheDir = options.cacheDir ?? defaultVmCacheDir();
  const kernel: GuestKernel = options.userKernel ?? options.settledKernel ?? (await ensureGuestKernel(cacheDir, options.vmKernel));
  const modules = [...(kernel.modules ?? DEFAULT_GUEST_MODULES), ...(options.extraModules ?? [])];
  const [kernelImagePath, initrdPath, accel, kernelRecord] = await Promise.all([
    bootableKernelImage(kernel, cacheDir),
    buildInitramfs({ kernel, cacheDir, modules }),
    detectAccel(),
    recordKernel(kernel),
  ]);
  return { kernel, kernelRecord, kernelImagePath, initrdPath, accel };
}

async function recordKernel(kernel: GuestKernel): Promise<GuestKernelRecord> {
  const configPath = kernel.configPath ?? path.join(path.dirname(kernel.vmlinuzPath), `config-${kernel.version}`);
  const config = await readFile(configPath).catch(() => undefined);
  return {
    origin: kernel.origin ?? 'package',
    release: kernel.version,
    image: kernel.vmlinuzPath,
    ...(config ? { configPath, configSha256: createHash('sha256').update(config).digest('hex') } : {}),
    ...(kernel.origin === 'user' ? {} : { package: `${kernel.packageName} ${kernel.packageVersion}` }),
  };
}

/** Unique, grep-able job id (not a bench run id; it carries the pid so stale jobs can be found): the qemu -name is `nkb-<id>`, the share job folder `.nkb-vm-<id>`. */
export function newVmJobId(): string {
  return `${Date.now().toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
