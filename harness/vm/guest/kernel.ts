// Downloads and unpacks the guest kernel into the cache (never into the host's /boot).
import { execa } from 'execa';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { matchesChoice, type KernelChoice } from './kernel-choice.ts';
import { findKernelPackage, findNewestKernelPackage, kernelPatchLevel, type KernelPackage } from './kernel-package.ts';
import { firstMeaningfulLine } from '../../core/one-line.ts';
import { partialPath } from './locations.ts';

export interface GuestKernel {
  /** Kernel release as `uname -r` reports it, e.g. 6.12.117+deb12-amd64. */
  version: string;
  vmlinuzPath: string;
  /** lib/modules/<version> of the unpacked package, or a user's modules folder; undefined: all built in. */
  modulesDir: string | undefined;
  /** Debian's package (the built-in kernel); for a kernel the user built: "user", and the image's path. */
  packageName: string;
  packageVersion: string;
  /** 'package': fetched into the cache by this file; 'user': --kernel (harness/vm/guest/user-kernel.ts). */
  origin?: 'package' | 'user';
  /** The kernel's .config; defaults to boot/config-<version> beside the image. */
  configPath?: string;
  /** Modules to insmod in the guest, when known from the config (a user's kernel). */
  modules?: readonly string[];
}

const MARKER = 'nkb-kernel.json';
type KernelMarker = Pick<GuestKernel, 'version' | 'packageName' | 'packageVersion'>;

function describeKernel(dir: string, marker: KernelMarker): GuestKernel {
  return {
    ...marker,
    vmlinuzPath: path.join(dir, 'boot', `vmlinuz-${marker.version}`),
    modulesDir: path.join(dir, 'lib', 'modules', marker.version),
  };
}

/** Fully unpacked kernels in the cache, newest (patch level) first, without asking apt. */
export async function listCachedKernels(cacheDir: string): Promise<GuestKernel[]> {
  const root = path.join(cacheDir, 'kernels');
  const entries = await readdir(root).catch(() => [] as string[]);
  const kernels: GuestKernel[] = [];
  for (const entry of entries.filter((name) => kernelPatchLevel(name) !== undefined)) {
    const marker = await readFile(path.join(root, entry, MARKER), 'utf8').catch(() => undefined);
    if (marker) kernels.push(describeKernel(path.join(root, entry), JSON.parse(marker) as KernelMarker));
  }
  return kernels.sort((a, b) => (kernelPatchLevel(b.packageName) ?? 0) - (kernelPatchLevel(a.packageName) ?? 0));
}

/** Newest fully unpacked kernel in the cache, without asking apt. */
export async function findCachedKernel(cacheDir: string): Promise<GuestKernel | undefined> {
  return (await listCachedKernels(cacheDir))[0];
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const detail = (error as { stderr?: string; message?: string }).stderr || (error as Error).message;
    throw new Error(`guest kernel: step "${name}" failed: ${firstMeaningfulLine(String(detail))}`, { cause: error });
  }
}

async function downloadAndExtract(cacheDir: string, pkg: KernelPackage): Promise<GuestKernel> {
  const finalDir = path.join(cacheDir, 'kernels', pkg.name);
  const work = partialPath(path.join(cacheDir, 'kernels', `.${pkg.name}`));
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  try {
    await step(`apt-get download ${pkg.name}=${pkg.version}`, () =>
      execa('apt-get', ['download', '-o', 'APT::Sandbox::User=root', `${pkg.name}=${pkg.version}`], { cwd: work }),
    );
    const deb = (await readdir(work)).find((name) => name.endsWith('.deb'));
    if (!deb) throw new Error(`guest kernel: step "apt-get download" produced no .deb in ${work}`);
    const tree = path.join(work, 'tree');
    await step(`dpkg-deb -x ${deb}`, () => execa('dpkg-deb', ['-x', path.join(work, deb), tree]));
    const release = await step('locate lib/modules/<release>', async () => {
      const releases = await readdir(path.join(tree, 'lib', 'modules'));
      if (releases.length !== 1) throw new Error(`expected one release, found: ${releases.join(', ')}`);
      return releases[0]!;
    });
    const marker: KernelMarker = { version: release, packageName: pkg.name, packageVersion: pkg.version };
    await writeFile(path.join(tree, MARKER), JSON.stringify(marker, null, 2) + '\n');
    // Another run may have unpacked the same package meanwhile: its complete copy (marker written
    // last) is used as is, never removed from under a guest that may be booting it.
    const done = async () => (await readFile(path.join(finalDir, MARKER), 'utf8').then(() => true, () => false));
    if (await done()) return describeKernel(finalDir, marker);
    await rm(finalDir, { recursive: true, force: true });
    await rename(tree, finalDir).catch(async (e: NodeJS.ErrnoException) => {
      if (!['EEXIST', 'ENOTEMPTY'].includes(e.code ?? '') || !(await done())) throw e;
    });
    return describeKernel(finalDir, marker);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Idempotent. `cached` (the default): the newest kernel unpacked in the cache, else apt's newest,
 * fetched once. `newest`: apt's newest, from the cache when it has that one. An exact kernel: from
 * the cache, else from apt; one that neither has is a usage error (exit 2) saying what to do.
 */
export async function ensureGuestKernel(cacheDir: string, choice: KernelChoice = { kind: 'cached' }): Promise<GuestKernel> {
  const cached = await listCachedKernels(cacheDir);
  if (choice.kind === 'cached' && cached[0]) return cached[0];
  if (choice.kind === 'exact') {
    const hit = cached.find((k) => matchesChoice(choice, k.packageName, k.packageVersion));
    if (hit) return hit;
    const pkg = await step(`apt-cache lookup of ${choice.spec}`, () => findKernelPackage((name, version) => matchesChoice(choice, name, version)));
    if (!pkg) {
      throw new UsageError(
        `the Debian kernel ${choice.spec} is in neither the cache (${path.join(cacheDir, 'kernels')}) nor apt (Debian no longer offers it, or apt-get update was not run): ` +
          'boot another with --vm-kernel newest (a nightly: NKB_KERNEL=newest, judged as a kernel change against the earlier nights)',
      );
    }
    return downloadAndExtract(cacheDir, pkg);
  }
  const pkg = await step('apt-cache lookup of linux-image-6.12.*+deb12|13-amd64-unsigned', findNewestKernelPackage);
  return cached.find((k) => k.packageName === pkg.name && k.packageVersion === pkg.version) ?? downloadAndExtract(cacheDir, pkg);
}
