// The unit tests' own layout: one folder per harness folder, and nothing in them starts a process
// (those tests live in test/integration/). A pure function is tested without the machine.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UNIT = join(ROOT, 'test/unit');
const folders = readdirSync(UNIT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const files = folders.flatMap((f) => readdirSync(join(UNIT, f)).filter((n) => n.endsWith('.test.ts')).map((n) => join(f, n)));

test('each unit test sits in the folder of the harness folder it tests', () => {
  assert.equal(folders.filter((f) => !existsSync(join(ROOT, 'harness', f))), []);
  const loose = readdirSync(UNIT).filter((n) => n.endsWith('.test.ts') && !['imports.test.ts', 'layout.test.ts'].includes(n));
  assert.equal(loose, [], 'move these into test/unit/<harness folder>/');
});

test('no unit test starts a process', () => {
  const starts = /from '(execa|node:child_process|child_process)'|helpers\/cli\.ts'/;
  assert.equal(files.filter((f) => starts.test(readFileSync(join(UNIT, f), 'utf8'))), [], 'these start processes: move them to test/integration/');
});

test.run();
