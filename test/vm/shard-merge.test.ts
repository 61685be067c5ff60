// A sweep cut into shards, each run as if on its own machine (--shard K/N, one VM each), then
// merged, against the same command not cut: the same rows, and every rate and p50 within the
// instruction clock's run-to-run target (0.5%, or one step of a whole-µs figure's resolution:
// harness/clock/reproducibility.ts). p99 is printed,
// not held to it: between boots it moves by several percent, cut or not (docs/sweeps.md#p99-between-boots).
// The three runs go at once (4 VMs); on this clock figures do not depend on the host's load.
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reproducibilityRows, reproducibilityTable } from '../../harness/clock/reproducibility.ts';
import { pointKey, pointOf } from '../../harness/core/point.ts';
import { loadResults } from '../../harness/results/load.ts';
import { cli } from '../helpers/cli.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

test.after(removeTempDirs);

const COMMAND = ['bench', '--vm', 'always', '--clock', 'instructions', '--quick', '--sweep', 'msg=1,1024', '--scenarios', 'host,netkit', '--workloads', 'tcp_rr', '--no-report'];

test('--shard 1/2 and 2/2 merged give the run not cut: every point, rates and p50 within 0.5%', async () => {
  const out = await tempDir('vm-shard-merge');
  const bench = (runId: string, extra: string[] = []) => cli([...COMMAND, ...extra, '--out', out, '--run-id', runId], { timeoutMs: 1_800_000 });
  const runs = await Promise.all([bench('whole1'), bench('shard1', ['--shard', '1/2']), bench('shard2', ['--shard', '2/2'])]);
  for (const r of runs) assert.is(r.exitCode, 0, `${r.stdout}\n${r.stderr}`);
  const merged = join(out, 'merged');
  const m = await cli(['merge', join(out, 'shard1'), join(out, 'shard2'), '--out', merged]);
  assert.is(m.exitCode, 0, m.stderr);
  const [whole, joined] = [await loadResults(join(out, 'whole1')), await loadResults(merged)];
  assert.is(joined.complete, true);
  const cells = (r: typeof whole) => [...new Set(r.measurements.filter((x) => x.state === 'ok').map((x) => `${x.scenario} ${pointKey(pointOf(x))}`))].sort();
  assert.equal(cells(joined), cells(whole), 'the same scenarios at the same points');
  assert.is(cells(whole).length, 4);
  const rows = reproducibilityRows(whole, joined);
  console.log(reproducibilityTable(rows));
  // 2 scenarios x 2 points x (transactionsPerS, p50Us, p99Us).
  assert.is(rows.length, 12, reproducibilityTable(rows));
  const missed = rows.filter((r) => !r.within);
  assert.equal(missed.map((r) => `${r.scenario} msg ${r.point.msg} ${r.metric} ${r.differencePct.toFixed(3)}%`), []);
});

test.run();
