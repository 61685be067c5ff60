// Builds the guest initramfs (static busybox + modules + /init) and caches it by content hash.
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findStaticBusybox } from './busybox.ts';
import { writeNewcArchive, type CpioEntry } from './cpio.ts';
import { renderInitScript } from './init-script.ts';
import type { GuestKernel } from './kernel.ts';
import { DEFAULT_GUEST_MODULES, resolveModuleLoadOrder } from './modules.ts';
import { partialPath } from './locations.ts';

export interface InitramfsOptions {
  kernel: GuestKernel;
  cacheDir: string;
  /** Modules to load (dependencies are added); defaults to DEFAULT_GUEST_MODULES. */
  modules?: readonly string[];
  busyboxPath?: string;
  hostname?: string;
}

const DIRS = ['bin', 'sbin', 'usr', 'usr/bin', 'usr/sbin', 'dev', 'proc', 'sys', 'lib', 'lib/modules', 'mnt', 'root'];

/** Path of initramfs-<release>-<hash>.cpio.gz; written only when its content changed. */
export async function buildInitramfs(options: InitramfsOptions): Promise<string> {
  const busyboxPath = options.busyboxPath ?? (await findStaticBusybox());
  const wanted = options.modules ?? DEFAULT_GUEST_MODULES;
  const modules = await resolveModuleLoadOrder(options.kernel.modulesDir, wanted, busyboxPath);
  const init = renderInitScript({ modules: modules.map((m) => m.name), hostname: options.hostname ?? 'nkb-vm' });
  const entries: CpioEntry[] = [
    ...DIRS.map((dir): CpioEntry => ({ kind: 'dir', path: dir })),
    { kind: 'chardev', path: 'dev/console', major: 5, minor: 1 },
    { kind: 'chardev', path: 'dev/null', major: 1, minor: 3, mode: 0o666 },
    { kind: 'file', path: 'bin/busybox', data: await readFile(busyboxPath), mode: 0o755 },
    { kind: 'file', path: 'init', data: Buffer.from(init), mode: 0o755 },
    ...modules.map((m): CpioEntry => ({ kind: 'file', path: `lib/modules/${m.name}.ko`, data: m.bytes })),
  ];
  const archive = writeNewcArchive(entries);
  const hash = createHash('sha256').update(archive).digest('hex').slice(0, 16);
  const dir = path.join(options.cacheDir, 'initramfs');
  const target = path.join(dir, `initramfs-${options.kernel.version}-${hash}.cpio.gz`);
  if (await access(target).then(() => true, () => false)) return target;
  await mkdir(dir, { recursive: true });
  const partial = partialPath(target);
  await writeFile(partial, gzipSync(archive, { level: 6 }));
  await rename(partial, target);
  return target;
}
