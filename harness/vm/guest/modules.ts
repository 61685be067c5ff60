// Resolves the guest modules to load, with their dependencies first (the package ships no modules.dep).
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { moduleDependencies, readModuleBytes } from './module-file.ts';

/** What the guest needs on top of the built-in drivers: 9p root/share, overlay root, veth, and classic tc with BPF (clsact, cls_bpf) for veth-tc. */
export const DEFAULT_GUEST_MODULES = ['netfs', '9pnet', '9pnet_virtio', '9p', 'overlay', 'veth', 'sch_ingress', 'cls_bpf'];

export interface LoadableModule {
  name: string;
  /** Decompressed ELF, ready for busybox insmod. */
  bytes: Buffer;
}

const normalize = (name: string) => name.replaceAll('-', '_');
const nameOf = (relPath: string) => normalize(path.basename(relPath).replace(/\.ko(\.\w+)?$/, ''));

/**
 * Module name -> file, and the built-in names, of an installed modules folder (lib/modules/<release>,
 * the .ko files under kernel/) or of a kernel build tree (the .ko files anywhere in it, beside
 * modules.builtin). A folder that does not exist has no modules.
 */
export async function indexModules(modulesDir: string | undefined) {
  const files = new Map<string, string>();
  if (modulesDir === undefined) return { files, builtins: new Set<string>() };
  const installed = await stat(path.join(modulesDir, 'kernel')).then((s) => s.isDirectory(), () => false);
  const root = installed ? path.join(modulesDir, 'kernel') : modulesDir;
  const all = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  for (const rel of all.filter((f) => /\.ko(\.\w+)?$/.test(f) && !f.startsWith('.git/'))) {
    files.set(nameOf(rel), path.join(root, rel));
  }
  const builtin = await readFile(path.join(modulesDir, 'modules.builtin'), 'utf8').catch(() => '');
  const builtins = new Set(builtin.split('\n').filter(Boolean).map(nameOf));
  return { files, builtins };
}

/** Modules in a valid insmod order (dependencies before dependents), built-ins skipped. */
export async function resolveModuleLoadOrder(
  modulesDir: string | undefined,
  wanted: readonly string[],
  busyboxPath: string,
): Promise<LoadableModule[]> {
  const { files, builtins } = await indexModules(modulesDir);
  const ordered: LoadableModule[] = [];
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = async (raw: string, chain: string[]): Promise<void> => {
    const name = normalize(raw);
    if (done.has(name) || builtins.has(name)) return;
    if (visiting.has(name)) throw new Error(`module dependency cycle: ${[...chain, name].join(' -> ')}`);
    const file = files.get(name);
    if (!file) throw new Error(`kernel module ${name} not found under ${modulesDir ?? '(no modules folder)'} (needed by ${chain.join(' -> ') || 'request'})`);
    visiting.add(name);
    const bytes = await readModuleBytes(file, busyboxPath);
    for (const dep of moduleDependencies(bytes)) await visit(dep, [...chain, name]);
    visiting.delete(name);
    done.add(name);
    ordered.push({ name, bytes });
  };
  for (const name of wanted) await visit(name, []);
  return ordered;
}
