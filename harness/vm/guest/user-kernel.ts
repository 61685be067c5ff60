// A kernel the user built (--kernel PATH), found and checked before anything boots: the image, its
// release, its .config and its modules, the way virtme-ng takes a build tree. Every problem is a
// usage error naming the path and what is missing.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, quote } from '../../core/errors.ts';
import { findStaticBusybox } from './busybox.ts';
import { bzImageRelease } from './kernel-image.ts';
import type { GuestKernel } from './kernel.ts';
import { requireKernelOptions } from './kernel-requirements.ts';
import { parseModinfo, readModuleBytes } from './module-file.ts';
import { indexModules } from './modules.ts';

export interface UserKernelRequest {
  /** A kernel build tree (arch/x86/boot/bzImage, .config, in-tree modules) or a bzImage file. */
  kernel: string;
  /** The kernel's .config when it is not beside the image (build tree: .config; file: config-<release>, .config). */
  config?: string;
  /** Modules: lib/modules/<release>, or an INSTALL_MOD_PATH holding it, or a build tree. */
  modules?: string;
}

export interface UserKernel extends GuestKernel {
  configPath: string;
  configSha256: string;
  modules: string[];
}

const kindOf = (p: string) => stat(p).then((s) => (s.isDirectory() ? 'dir' : 'file'), () => undefined);
const firstExisting = async (candidates: string[]) => {
  for (const c of candidates) if (await kindOf(c)) return c;
  return undefined;
};

/** Resolves and checks --kernel/--kernel-config/--modules; throws UsageError (exit 2) on any problem. */
export async function resolveUserKernel(req: UserKernelRequest): Promise<UserKernel> {
  const given = path.resolve(req.kernel);
  const kind = await kindOf(given);
  if (!kind) throw new UsageError(`--kernel ${quote(req.kernel)} does not exist`);
  const image = kind === 'dir' ? path.join(given, 'arch', 'x86', 'boot', 'bzImage') : given;
  if (kind === 'dir' && (await kindOf(image)) !== 'file') throw new UsageError(`--kernel ${quote(req.kernel)} is a folder without arch/x86/boot/bzImage (not a built kernel tree)`);
  let version: string;
  try {
    version = bzImageRelease(await readFile(image));
  } catch (e) {
    throw new UsageError(`--kernel ${quote(image)}: ${(e as Error).message}`);
  }
  const dir = path.dirname(image);
  const configPath = req.config ? path.resolve(req.config) : await firstExisting(kind === 'dir' ? [path.join(given, '.config')] : [path.join(dir, `config-${version}`), path.join(dir, '.config')]);
  if (!configPath) throw new UsageError(`no kernel config found beside ${quote(image)} (looked for config-${version} and .config); pass --kernel-config FILE`);
  const configText = await readFile(configPath, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`--kernel-config ${quote(configPath)} cannot be read (${e.code ?? e.message})`);
  });
  const modulesDir = req.modules
    ? await modulesFolder(path.resolve(req.modules), version)
    : await firstExisting(kind === 'dir' ? [given] : [path.join(dir, '..', 'lib', 'modules', version), `/lib/modules/${version}`]);
  const { files } = await indexModules(modulesDir);
  await checkVermagic(files, version, modulesDir);
  const modules = requireKernelOptions(configText, new Set(files.keys()), configPath);
  return {
    version, vmlinuzPath: image, modulesDir, packageName: 'user', packageVersion: image, origin: 'user',
    configPath, configSha256: createHash('sha256').update(configText).digest('hex'), modules,
  };
}

/** --modules DIR: lib/modules/<release> itself, an INSTALL_MOD_PATH holding it, or a build tree. */
async function modulesFolder(dir: string, version: string): Promise<string> {
  if ((await kindOf(dir)) !== 'dir') throw new UsageError(`--modules ${quote(dir)} is not a folder`);
  const installRoot = path.join(dir, 'lib', 'modules');
  const releases = await readdir(installRoot).catch(() => undefined);
  if (!releases) return dir;
  if (releases.includes(version)) return path.join(installRoot, version);
  throw new UsageError(`--modules ${quote(dir)} has modules for ${releases.join(', ') || 'no release'}, not for the kernel's ${version}`);
}

/** Modules built for another kernel would fail to load in the guest: say so now, from one module's vermagic. */
async function checkVermagic(files: Map<string, string>, version: string, modulesDir: string | undefined): Promise<void> {
  const sample = files.get('veth') ?? files.values().next().value;
  if (!sample) return;
  const vermagic = parseModinfo(await readModuleBytes(sample, await findStaticBusybox())).get('vermagic') ?? '';
  const built = vermagic.split(' ')[0];
  if (built && built !== version) throw new UsageError(`modules in ${quote(modulesDir)} are built for ${built}, not for the kernel's ${version}`);
}
