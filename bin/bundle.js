// The CLI compiled to plain JavaScript by esbuild: what bin/netkit-bench.js runs on the host and
// the VM's guest runs (harness/vm/guest/bundle.ts). Run through tsx, every command transpiled and
// linked ~300 TypeScript modules and ~270 ES modules of npm packages: 2.4 s of wall time (1.9 s of
// CPU) per command here, and 2.8e9 instructions (10 s of wall time) in the emulated guest. The
// bundle starts in 0.45 s natively, 1.2e9 instructions in the guest. Plain JavaScript, so node
// runs it before anything is compiled (with bundle.d.ts for the TypeScript that imports it).
//
// dist/guest-<hash>/ is named by the hash of its contents, so a stale bundle is never used: any
// source change gives a new folder (two levels below the project root, as harness/core/paths.ts
// expects). A key over the sources' paths, sizes and modification times names the
// folder built from them (dist/keys/<key>): a command whose sources did not change runs the bundle
// without building it (a stat per source file, ~10 ms); any edit changes the key, and the next
// command builds (~0.7 s).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project: the first folder up from this file with harness/ in it (bin/, or dist/guest-<hash>/ once this file is bundled). */
const PROJECT_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'harness')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
const BUNDLE_ROOT = path.join(PROJECT_ROOT, 'dist');
const KEYS = path.join(BUNDLE_ROOT, 'keys');

/** Entry name (file name without .mjs) to source; the probe's entries sit beside the CLI (harness/probe/protocol.ts), so do chunks. */
const ENTRIES = { cli: 'harness/cli/guest-entry.ts', 'probe-server': 'harness/probe/server.ts', 'probe-client': 'harness/probe/client.ts' };
/** Loaded from node_modules at run time: a native binding, and what only the report or a build uses (behind dynamic imports). */
const EXTERNAL_PACKAGES = ['@resvg/resvg-js', 'fontkit', 'vega', 'vega-lite', 'esbuild', 'tsx'];
/** What the bundle is made of: the key covers these (folders walked whole). */
const SOURCES = ['harness', 'scenarios', 'package.json', 'package-lock.json', 'bin/bundle.js'];

/** Builds the bundle (or finds the same content built) and returns its cli.mjs. Throws esbuild's errors. */
async function buildBundle() {
  const { build, stop } = await import('esbuild');
  // esbuild's service process is stopped at once: a command (a bench run, whose process tree tests
  // and `clean` read) keeps no child beyond its own.
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(PROJECT_ROOT, file)])),
    absWorkingDir: PROJECT_ROOT,
    bundle: true, platform: 'node', format: 'esm', target: 'node20', external: EXTERNAL_PACKAGES,
    // Bundled CommonJS packages (commander) call require() for node's own modules.
    banner: { js: "import { createRequire as __nkbCreateRequire } from 'node:module'; const require = __nkbCreateRequire(import.meta.url);" },
    // Code behind dynamic imports (the report: vega, resvg) goes to chunks loaded only when used.
    splitting: true, chunkNames: 'chunk-[hash]',
    outdir: path.join(BUNDLE_ROOT, 'out'), outExtension: { '.js': '.mjs' },
    write: false, logLevel: 'silent', legalComments: 'none',
  }).finally(stop);
  const files = [...result.outputFiles].sort((a, b) => a.path.localeCompare(b.path));
  const h = createHash('sha256');
  for (const f of files) h.update(path.basename(f.path)).update('\0').update(f.contents);
  const hash = h.digest('hex').slice(0, 16);
  const dir = path.join(BUNDLE_ROOT, `guest-${hash}`);
  if (!(await stat(dir).catch(() => undefined))) {
    const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    await mkdir(tmp, { recursive: true });
    await Promise.all(files.map((f) => writeFile(path.join(tmp, path.basename(f.path)), f.contents)));
    // Another command may have renamed the same content into place first: theirs is identical.
    await rename(tmp, dir).catch(async () => rm(tmp, { recursive: true, force: true }));
  }
  await pruneOld([`guest-${hash}`]);
  return path.join(dir, 'cli.mjs');
}

/** sha256 over every source file's path, size and modification time (16 hex digits). */
async function sourceKey() {
  const h = createHash('sha256');
  const walk = async (rel) => {
    const s = await stat(path.join(PROJECT_ROOT, rel)).catch(() => undefined);
    if (!s) return h.update(`${rel}\0-\n`);
    if (!s.isDirectory()) return h.update(`${rel}\0${s.size}\0${s.mtimeMs}\n`);
    for (const name of (await readdir(path.join(PROJECT_ROOT, rel))).sort()) await walk(path.join(rel, name));
  };
  for (const rel of SOURCES) await walk(rel);
  return h.digest('hex').slice(0, 16);
}

/** The CLI bundle for the sources as they are now: the one built for them, else a new build. */
export async function hostBundle() {
  const key = await sourceKey();
  const keyFile = path.join(KEYS, key);
  const known = await readFile(keyFile, 'utf8').then((name) => path.join(BUNDLE_ROOT, name.trim(), 'cli.mjs'), () => undefined);
  if (known && (await stat(known).catch(() => undefined))) {
    // Touched at each use (where we may): pruning goes by last use, and a running command may still load its chunks.
    await utimes(path.dirname(known), new Date(), new Date()).catch(() => undefined);
    return known;
  }
  const built = await buildBundle();
  await mkdir(KEYS, { recursive: true });
  const tmp = `${keyFile}.tmp-${process.pid}`;
  await writeFile(tmp, path.basename(path.dirname(built)));
  await rename(tmp, keyFile);
  return built;
}

const KEEP_MS = 24 * 3600_000;

/** Bundles and keys of other source versions, unused for a day (no command can still be running from them). */
async function pruneOld(keep) {
  for (const dir of [BUNDLE_ROOT, KEYS]) {
    for (const name of await readdir(dir).catch(() => [])) {
      if (keep.includes(name) || (dir === BUNDLE_ROOT && !name.startsWith('guest-'))) continue;
      const full = path.join(dir, name);
      const s = await stat(full).catch(() => undefined);
      if (s && Date.now() - s.mtimeMs > KEEP_MS) await rm(full, { recursive: true, force: true });
    }
  }
}
