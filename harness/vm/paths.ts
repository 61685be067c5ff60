// Where the VM module keeps its cache and which host tools it relies on.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above harness/vm). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Default cache folder for the guest kernel and initramfs images (git-ignored). */
export function defaultVmCacheDir(): string {
  return path.join(REPO_ROOT, '.cache', 'vm');
}

export const QEMU_BINARY = 'qemu-system-x86_64';
export const BUSYBOX_CANDIDATES = ['/bin/busybox', '/usr/bin/busybox'];
