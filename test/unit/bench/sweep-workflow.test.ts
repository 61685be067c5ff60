// The example sweep workflow: N shards on the instruction clock, each a --shard of the same N, and
// a merge job that merges and reports. Read as text; nothing runs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PROJECT_ROOT } from '../../../harness/core/paths.ts';

test('sweep.yml: one job per shard of SHARDS, the instruction clock, then merge and report', async () => {
  const yml = await readFile(join(PROJECT_ROOT, '.github/workflows/sweep.yml'), 'utf8');
  const shards = Number(/^ {2}SHARDS: (\d+)$/m.exec(yml)?.[1]);
  const matrix = /^ {8}shard: \[([\d, ]+)\]$/m.exec(yml)?.[1]?.split(',').map(Number);
  assert.equal(matrix, Array.from({ length: shards }, (_, i) => i + 1));
  assert.match(yml, /bench --vm always --clock instructions --vm-kernel "\$VM_KERNEL"/);
  assert.match(yml, /--shard "\$\{\{ matrix\.shard \}\}\/\$SHARDS"/);
  assert.match(yml, /^ {4}needs: shard$/m);
  assert.match(yml, /netkit-bench\.js merge shards\/shard-\*\/\*\/ --out results\/sweep\n\s+node bin\/netkit-bench\.js report results\/sweep/);
});

test.run();
