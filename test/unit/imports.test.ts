// The import graph of harness/, scenarios/ and scripts/*.ts, read by dpdm (type-only imports
// included): no circle, and no folder imports a folder of a higher layer (docs/architecture.md).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseCircular, parseDependencyTree, type DependencyTree } from 'dpdm';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Bottom to top. A folder may import its own layer's folders and any layer below; never one above.
 * Keep in step with docs/architecture.md.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['harness/model'],
  ['harness/core'],
  ['harness/stats', 'harness/parsers', 'harness/probe', 'harness/clock', 'harness/scenario', 'harness/results'],
  ['scenarios', 'harness/topology', 'harness/host', 'harness/cpu', 'harness/workloads', 'harness/bpf', 'harness/accounting', 'harness/vm'],
  ['harness/bench'],
  ['harness/history', 'harness/compare', 'harness/report'],
  ['harness/cli', 'scripts'],
];

/** The folder a file belongs to in LAYERS: harness/<folder>, or the top-level folder. */
function folderOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'harness' ? parts.slice(0, 2).join('/') : parts[0]!;
}

function layerOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

let tree: DependencyTree | undefined;
async function graph(): Promise<DependencyTree> {
  tree ??= await parseDependencyTree(['harness/**/*.ts', 'scenarios/*.ts', 'scripts/*.ts'], {
    context: ROOT,
    tsconfig: join(ROOT, 'tsconfig.json'),
    transform: false,
  });
  return tree;
}

/** The project's own files (not node_modules or node: builtins), relative to the root. */
const ours = (file: string) => /^(harness|scenarios|scripts)\//.test(file);

function edges(t: DependencyTree): [string, string][] {
  const out: [string, string][] = [];
  for (const [file, deps] of Object.entries(t)) {
    for (const d of deps ?? []) if (ours(file) && d.id && ours(d.id)) out.push([file, d.id]);
  }
  return out;
}

test('the whole code is in the graph', async () => {
  const t = await graph();
  assert.ok(t['harness/cli/main.ts'], 'harness/cli/main.ts not found: dpdm ran from the wrong folder');
  assert.ok(Object.keys(t).length > 150);
});

test('no import circle, type-only imports included', async () => {
  const circles = parseCircular(await graph());
  assert.equal(circles.map((c) => c.join(' -> ')), []);
});

test('every folder is in exactly one layer', async () => {
  const folders = new Set(Object.keys(await graph()).filter(ours).map(folderOf));
  const unplaced = [...folders].filter((f) => layerOf(f) < 0);
  assert.equal(unplaced, [], 'add these folders to LAYERS and docs/architecture.md');
  const all = LAYERS.flat();
  assert.is(new Set(all).size, all.length);
});

test('nothing imports upward', async () => {
  const upward = edges(await graph())
    .filter(([from, to]) => layerOf(folderOf(to)) > layerOf(folderOf(from)))
    .map(([from, to]) => `${from} -> ${to}`);
  assert.equal(upward, []);
});

test.run();
