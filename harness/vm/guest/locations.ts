// Where the VM module keeps its cache and which host tools it relies on.
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/paths.ts';

/** Default cache folder for the guest kernel and initramfs images (git-ignored). */
export function defaultVmCacheDir(): string {
  return path.join(PROJECT_ROOT, '.cache', 'vm');
}

export const QEMU_BINARY = 'qemu-system-x86_64';
export const BUSYBOX_CANDIDATES = ['/bin/busybox', '/usr/bin/busybox'];
