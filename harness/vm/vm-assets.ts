// Everything a boot needs besides the job: guest kernel, initramfs and accelerator.
import { detectAccel, type Accel } from './accel.ts';
import { buildInitramfs } from './initramfs.ts';
import { bootableKernelImage } from './kernel-image.ts';
import { ensureGuestKernel, type GuestKernel } from './kernel.ts';
import { DEFAULT_GUEST_MODULES } from './modules.ts';
import { defaultVmCacheDir } from './paths.ts';

export interface VmAssetOptions {
  /** Defaults to <repo>/.cache/vm. */
  cacheDir?: string;
  /** Extra guest modules beyond DEFAULT_GUEST_MODULES (dependencies are resolved). */
  extraModules?: readonly string[];
}

export interface VmAssets {
  kernel: GuestKernel;
  /** What qemu boots: the unpacked vmlinux (PVH entry) or, failing that, the bzImage. */
  kernelImagePath: string;
  initrdPath: string;
  accel: Accel;
}

export async function prepareVmAssets(options: VmAssetOptions = {}): Promise<VmAssets> {
  const cacheDir = options.cacheDir ?? defaultVmCacheDir();
  const kernel = await ensureGuestKernel(cacheDir);
  const modules = [...DEFAULT_GUEST_MODULES, ...(options.extraModules ?? [])];
  const [kernelImagePath, initrdPath, accel] = await Promise.all([
    bootableKernelImage(kernel),
    buildInitramfs({ kernel, cacheDir, modules }),
    detectAccel(),
  ]);
  return { kernel, kernelImagePath, initrdPath, accel };
}

/** Unique, grep-able job id (not a bench run id; it carries the pid so stale jobs can be found): the qemu -name is `nkb-<id>`, the share job folder `.nkb-vm-<id>`. */
export function newVmJobId(): string {
  return `${Date.now().toString(36)}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
