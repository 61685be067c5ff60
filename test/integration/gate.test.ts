// The regression gate on real runs: the same setup with a known injected cost (the BPF tax on the
// server wire) must be called regressed; the same setup against itself must not.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from '../helpers/cli.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

async function benchRun(extra: string[] = []): Promise<string> {
  const out = await tempDir('gate');
  const r = await cli(['bench', '--vm', 'never', '--scenarios', 'host', '--workloads', 'tcp_stream', '--repeats', '4', '--duration', '1', '--no-report', '--allow-invalid', '--out', out, ...extra]);
  assert.is(r.exitCode, 0, String(r.stderr));
  const [runId] = await readdir(out);
  return join(out, runId!);
}

test.after(removeTempDirs);

test('a heavy injected cost is a regression of throughput; the baseline against itself is not', async () => {
  const baseline = await benchRun();
  const taxed = await benchRun(['--inject-cost', '5000']);
  const ab = await cli(['compare', baseline, taxed, '--metric', 'throughputGbps']);
  assert.is(ab.exitCode, 1, `${ab.stdout}\n${ab.stderr}`);
  assert.match(String(ab.stdout), /host\s+tcp_stream\s+throughputGbps.*regressed/);
  assert.match(String(ab.stdout), /Mann-Whitney/);
  const aa = await cli(['compare', baseline, baseline, '--metric', 'throughputGbps']);
  assert.is(aa.exitCode, 0, `${aa.stdout}\n${aa.stderr}`);
  assert.match(String(aa.stdout), /^0 regressed/m);
});

test.run();
