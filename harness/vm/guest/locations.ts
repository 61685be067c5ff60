// Where the VM module keeps its cache and which host tools it relies on.
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/paths.ts';
import { randomBytes } from 'node:crypto';

/** Default cache folder for the guest kernel and initramfs images (git-ignored). */
export function defaultVmCacheDir(): string {
  return path.join(PROJECT_ROOT, '.cache', 'vm');
}

export const QEMU_BINARY = 'qemu-system-x86_64';
export const BUSYBOX_CANDIDATES = ['/bin/busybox', '/usr/bin/busybox'];

/**
 * A name beside `target` for writing it before the atomic rename, unique to this writer. Not the
 * pid alone: every isolated run is PID 1 of its own PID namespace, so two runs filling one cache
 * at once (gate.test.ts starts two) would share a pid-named file and pull it from under each other.
 */
export function partialPath(target: string): string {
  return `${target}.partial-${process.pid}-${randomBytes(6).toString('hex')}`;
}
