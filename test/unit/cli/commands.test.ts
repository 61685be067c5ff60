// The small command-line behaviours that need no root and no network: list's columns, the one
// history-folder spelling (--history-dir, --dir kept hidden), a missing history folder for
// `history list`, and compare's note when both sides are one run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { listLines } from '../../../harness/cli/list.ts';
import { runCompare } from '../../../harness/compare/command.ts';
import { DEFAULT_GATE } from '../../../harness/compare/verdict.ts';
import { UsageError } from '../../../harness/core/errors.ts';
import { historyByKernel, historyList } from '../../../harness/history/command.ts';
import { writeResults } from '../../../harness/results/write.ts';
import { WORKLOADS } from '../../../harness/workloads/index.ts';
import { SCENARIOS } from '../../../scenarios/index.ts';
import { metricRun } from '../../helpers/synthetic-results.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp.ts';

test.after(removeTempDirs);

test('list: every description starts in the same column, past the longest name (tcp_stream_multi)', () => {
  const lines = listLines(SCENARIOS, WORKLOADS);
  assert.equal([lines[0], lines[SCENARIOS.length + 1]], ['scenarios:', 'workloads:']);
  const rows = lines.filter((l) => l.startsWith('  '));
  assert.is(rows.length, SCENARIOS.length + WORKLOADS.length);
  const starts = new Set([...SCENARIOS, ...WORKLOADS].map((x) => rows.find((l) => l.startsWith(`  ${x.name} `))!.indexOf(x.description)));
  assert.equal([...starts], ['  tcp_stream_multi  '.length]);
  assert.ok(rows.some((l) => l.startsWith('  tcp_stream_multi  iperf3')));
});

test('history list on a folder that does not exist: bad input naming it, not an empty history', async () => {
  const missing = join(await tempDir('hist'), 'histroy');
  for (const list of [historyList, historyByKernel]) {
    try {
      await list(missing, () => undefined);
      assert.unreachable('listed a missing folder');
    } catch (e) {
      assert.instance(e, UsageError);
      assert.match((e as Error).message, /^no history folder ".*histroy" \(history add RUN --history-dir DIR creates one\)$/);
    }
  }
});

test('compare A A: both sides are one run, said as a note (stderr and the report), verdicts unchanged', async () => {
  const dir = await tempDir('same');
  const run = metricRun('aaaaaa', 'throughputGbps', { host: [20, 20.2, 19.8], veth: [15, 15.1, 14.9] });
  await writeResults(join(dir, 'a'), run);
  await writeResults(join(dir, 'copy'), run);
  for (const runs of [[join(dir, 'a'), join(dir, 'a')], [join(dir, 'a'), join(dir, 'copy')]]) {
    const said: string[] = [];
    let text = '';
    const code = await runCompare({ runs, historyDir: dir, gate: DEFAULT_GATE, metrics: 'all', force: false, format: 'text' }, (t) => (text += t), (l) => said.push(l));
    assert.is(code, 0);
    assert.equal(said, ['compare: both sides are the same run (aaaaaa): every figure is compared with itself, so no verdict here says anything about a change']);
    assert.match(text, /note: both sides are the same run \(aaaaaa\)/);
  }
  const other = metricRun('bbbbbb', 'throughputGbps', { host: [20, 20.2, 19.8], veth: [15, 15.1, 14.9] });
  await writeResults(join(dir, 'b'), other);
  const said: string[] = [];
  await runCompare({ runs: [join(dir, 'a'), join(dir, 'b')], historyDir: dir, gate: DEFAULT_GATE, metrics: 'all', force: false, format: 'text' }, () => undefined, (l) => said.push(l));
  assert.equal(said, []);
});

test.run();
