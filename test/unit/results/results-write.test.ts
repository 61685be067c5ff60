import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadResults } from '../../../harness/results/load.ts';
import { resultsJson, writeGuestResults } from '../../../harness/results/write.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp.ts';
import type { ResultsFile } from '../../../harness/model/results.ts';

test('results.json: indented, number arrays on one line, same value when parsed', () => {
  const value = { runId: 'abc123', measurements: [{ samples: { latencyUs: [1, 2.5, -3e-7, 1e21] }, metrics: { p50Us: 2 } }], command: ['bench', '--quick'] };
  const text = resultsJson(value as unknown as ResultsFile);
  assert.equal(JSON.parse(text), value);
  assert.ok(text.includes('"latencyUs": [1,2.5,-3e-7,1e+21]'));
  assert.ok(text.includes('\n  "runId": "abc123"'));
  assert.ok(text.includes('"bench",\n'), 'string arrays stay as they were');
});

test.after(removeTempDirs);

test("the guest's partial results: one line of results.json, no CSV, and it loads", async () => {
  const original = await loadResults(fileURLToPath(new URL('../../fixtures/results/v1-host-veth-tcp-stream.json', import.meta.url)));
  const dir = await tempDir('guest-results');
  await writeGuestResults(dir, original);
  assert.not.ok(existsSync(join(dir, 'results.csv')));
  const again = await loadResults(dir);
  assert.equal(again.measurements, original.measurements);
});

test.run();
