import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resultsJson } from '../../harness/results/write.ts';
import type { ResultsFile } from '../../harness/results/schema.ts';

test('results.json: indented, number arrays on one line, same value when parsed', () => {
  const value = { runId: 'abc123', measurements: [{ samples: { latencyUs: [1, 2.5, -3e-7, 1e21] }, metrics: { p50Us: 2 } }], command: ['bench', '--quick'] };
  const text = resultsJson(value as unknown as ResultsFile);
  assert.equal(JSON.parse(text), value);
  assert.ok(text.includes('"latencyUs": [1,2.5,-3e-7,1e+21]'));
  assert.ok(text.includes('\n  "runId": "abc123"'));
  assert.ok(text.includes('"bench",\n'), 'string arrays stay as they were');
});

test.run();
