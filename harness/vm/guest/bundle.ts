// The CLI and the probe compiled to plain JavaScript for the guest, before it boots. Under the
// instruction clock every guest instruction costs host time: node with tsx transpiling the
// harness's TypeScript at each start costs billions of guest instructions (tens of seconds of
// wall time) per process. esbuild bundles our code and the npm packages it runs with in ~0.2 s on
// the host. Packages bundled too: node resolving and linking them file by file from node_modules
// (zod, execa, commander: ~270 ES modules) took half of a start, 2.8 guest s (~10 s of wall time)
// before the guest's first command; bundled, `list` costs 0.28 s of CPU natively instead of 0.59.
// The report's packages (vega, fontkit, resvg with its native binding) and esbuild stay external,
// behind dynamic imports the guest never reaches.
//
// dist/guest-<hash>/ is named by the hash of its contents, so a stale bundle can never be used:
// any source change gives a new folder, two levels below the project root (PROJECT_ROOT in
// harness/core/paths.ts knows this).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/paths.ts';

export const GUEST_BUNDLE_ROOT = path.join(PROJECT_ROOT, 'dist');

/** Loaded from node_modules at run time: a native binding, and what only the host's report or build uses. */
const EXTERNAL_PACKAGES = ['@resvg/resvg-js', 'fontkit', 'vega', 'vega-lite', 'esbuild', 'tsx'] as const;

/** Entry name (file name without .mjs) to source; the probe's entries sit beside the CLI (harness/probe/protocol.ts), so do chunks. */
const ENTRIES = { cli: 'harness/cli/guest-entry.ts', 'probe-server': 'harness/probe/server.ts', 'probe-client': 'harness/probe/client.ts' };

export interface GuestBundle {
  /** Absolute path of the compiled CLI (cli.mjs), run as `node <cliPath> ...`. */
  cliPath: string;
  /** sha256 (first 16 hex digits) over every output file. */
  hash: string;
  /** Host wall-clock ms the build took. */
  buildMs: number;
}

/** Builds (or reuses) the bundle; concurrent callers are safe (write to a private folder, rename). Throws esbuild's errors. */
export async function ensureGuestBundle(): Promise<GuestBundle> {
  const started = Date.now();
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(PROJECT_ROOT, file)])),
    absWorkingDir: PROJECT_ROOT,
    bundle: true, platform: 'node', format: 'esm', target: 'node20', external: [...EXTERNAL_PACKAGES],
    // Bundled CommonJS packages (commander) call require() for node's own modules.
    banner: { js: "import { createRequire as __nkbCreateRequire } from 'node:module'; const require = __nkbCreateRequire(import.meta.url);" },
    // Code behind dynamic imports (the report: vega, resvg) goes to chunks loaded only when used;
    // inlined, its packages' imports would be hoisted and loaded at every start.
    splitting: true, chunkNames: 'chunk-[hash]',
    outdir: path.join(GUEST_BUNDLE_ROOT, 'out'), outExtension: { '.js': '.mjs' },
    write: false, logLevel: 'silent', legalComments: 'none',
  });
  const files = [...result.outputFiles].sort((a, b) => a.path.localeCompare(b.path));
  const h = createHash('sha256');
  for (const f of files) h.update(path.basename(f.path)).update('\0').update(f.contents);
  const hash = h.digest('hex').slice(0, 16);
  const dir = path.join(GUEST_BUNDLE_ROOT, `guest-${hash}`);
  if (!(await stat(dir).catch(() => undefined))) {
    const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    await mkdir(tmp, { recursive: true });
    await Promise.all(files.map((f) => writeFile(path.join(tmp, path.basename(f.path)), f.contents)));
    // Another run may have renamed the same content into place first: theirs is identical.
    await rename(tmp, dir).catch(async () => rm(tmp, { recursive: true, force: true }));
  }
  await pruneOldBundles(hash);
  return { cliPath: path.join(dir, 'cli.mjs'), hash, buildMs: Date.now() - started };
}

const KEEP_MS = 24 * 3600_000;

/** Bundles of other source versions, untouched for a day (no run can still be using them). */
async function pruneOldBundles(current: string): Promise<void> {
  const names = await readdir(GUEST_BUNDLE_ROOT).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith('guest-') || name === `guest-${current}`) continue;
    const full = path.join(GUEST_BUNDLE_ROOT, name);
    const s = await stat(full).catch(() => undefined);
    if (s && Date.now() - s.mtimeMs > KEEP_MS) await rm(full, { recursive: true, force: true });
  }
}
