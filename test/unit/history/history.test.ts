import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareSides } from '../../../harness/compare/compare.ts';
import { sideOfHistory, sideOfResults } from '../../../harness/compare/sides.ts';
import { DEFAULT_GATE } from '../../../harness/compare/verdict.ts';
import { historyKernel, historyVms, kernelOfRun } from '../../../harness/history/kernel.ts';
import { toHistoryRecord } from '../../../harness/history/record.ts';
import { addToHistory, readHistory } from '../../../harness/history/store.ts';
import { trendPoints } from '../../../harness/report/charts/trend.ts';
import { metricRun } from '../../helpers/synthetic-results.ts';
import { syntheticHistory } from '../../helpers/synthetic-history.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp.ts';

test.after(removeTempDirs);

test('a record keeps each metric\'s repetitions and median, not the raw measurements', () => {
  const record = toHistoryRecord(metricRun('aaaaaa', 'throughputGbps', { host: [1, 2, 3], veth: [4, 5, 6] }));
  assert.is(record.runId, 'aaaaaa');
  assert.equal(record.rows.map((r) => [r.scenario, r.values, r.median]), [['host', [1, 2, 3], 2], ['veth', [4, 5, 6], 5]]);
  assert.not.ok('measurements' in record);
});

test('add writes one file per run, oldest first; adding a run again replaces it', async () => {
  const dir = await tempDir('history');
  const nights = syntheticHistory(3);
  for (const r of [nights[2]!, nights[0]!, nights[1]!]) await addToHistory(dir, r);
  await addToHistory(dir, nights[1]!);
  assert.is((await readdir(dir)).length, 3);
  assert.equal((await readHistory(dir)).map((r) => r.runId), ['night00', 'night01', 'night02']);
});

test('a missing history folder is an empty history; a malformed file is a usage error naming it', async () => {
  assert.equal(await readHistory('/nonexistent/nkb-history'), []);
  const dir = await tempDir('history');
  await writeFile(join(dir, 'broken.json'), '{"kind": "netkit-bench.history", "version": 1, "runId": 3');
  try {
    await readHistory(dir);
    assert.unreachable('should have thrown');
  } catch (e) {
    assert.is((e as Error).name, 'UsageError');
    assert.match((e as Error).message, 'broken.json');
  }
});

test('against history: the last N comparable runs, one value (median) per run, never the candidate itself', () => {
  const history = syntheticHistory(10);
  const candidate = metricRun('night09', 'throughputGbps', { host: [20, 20, 20, 20, 20], veth: [15, 15, 15, 15, 15] });
  const { side } = sideOfHistory(history, candidate, 4, false, 'history');
  assert.equal(side.runIds, ['night05', 'night06', 'night07', 'night08']);
  assert.is(side.samples.find((s) => s.scenario === 'veth')!.values.length, 4);
  assert.is(side.unit, 'run');
});

test('against history: a step down of 20% is caught; steady nights are not', () => {
  const history = syntheticHistory(12, { dropFromNight: 11 });
  const toResults = (night: number) => {
    const rec = history[night]!;
    return metricRun(rec.runId, 'throughputGbps', Object.fromEntries(rec.rows.map((r) => [r.scenario, r.values])));
  };
  const judge = (night: number) => {
    const { side } = sideOfHistory(history.slice(0, night + 1), toResults(night), 7, false, 'history');
    return compareSides(side, sideOfResults(toResults(night), 'candidate'), DEFAULT_GATE, 'all');
  };
  assert.is(judge(10).exitCode, 0);
  const dropped = judge(11);
  assert.is(dropped.exitCode, 1);
  assert.is(dropped.rows.find((r) => r.scenario === 'veth')!.verdict, 'regressed');
});

test('against history: runs from another kernel are left out; if none is left, refuse naming the field', () => {
  const history = syntheticHistory(3);
  const candidate = metricRun('newrun', 'throughputGbps', { host: [20, 20, 20, 20, 20] });
  candidate.environment = { ...candidate.environment, kernelRelease: '6.15.0-new' };
  assert.throws(() => sideOfHistory(history, candidate, 5, false, 'h'), /kernelRelease differs from the latest \("6.8.0-test" vs "6.15.0-new"\)/);
  assert.is(sideOfHistory(history, candidate, 5, true, 'h').side.runIds.length, 3);
  assert.is(sideOfHistory([], candidate, 5, false, 'h').side.runIds.length, 0);
});

test('the history\'s kernel: Debian\'s package of the newest run as NAME=VERSION (what bench --vm-kernel takes), else its build', () => {
  const vmRun = (id: string, patch: number, startedAt: string) => {
    const r = metricRun(id, 'throughputGbps', { host: [1, 1, 1] });
    r.startedAt = startedAt;
    r.environment = { ...r.environment, where: 'vm-tcg', kernelRelease: `6.12.${patch}+deb12-amd64`,
      vm: { accel: 'tcg', bootMs: 1, note: '', kernel: { origin: 'package', release: `6.12.${patch}+deb12-amd64`, image: '/k', package: `linux-image-6.12.${patch}+deb12-amd64-unsigned 6.12.${patch}-1~deb12u1` } } };
    return toHistoryRecord(r);
  };
  assert.is(historyKernel([]), undefined);
  assert.is(historyKernel([vmRun('old117', 117, '2026-01-01T00:00:00Z'), vmRun('new118', 118, '2026-01-02T00:00:00Z')]), 'linux-image-6.12.118+deb12-amd64-unsigned=6.12.118-1~deb12u1');
  const native = metricRun('native', 'throughputGbps', { host: [1, 1, 1] });
  native.environment.kernelVersion = '#1 SMP PREEMPT_DYNAMIC Debian 6.18.1-1';
  assert.is(kernelOfRun(native.environment), '6.8.0-test #1 SMP PREEMPT_DYNAMIC Debian 6.18.1-1');
  // The VMs the newest run was cut into (bench --vm-shards), 1 for a VM run recorded before runs were cut.
  const cut = vmRun('cut2', 118, '2026-01-03T00:00:00Z');
  cut.environment.vm = { ...cut.environment.vm!, vms: 2 };
  assert.is(historyVms([]), undefined);
  assert.is(historyVms([toHistoryRecord(native)]), undefined, 'a native run has no VM to pin');
  assert.is(historyVms([cut, vmRun('one118', 118, '2026-01-04T00:00:00Z')]), 1);
  assert.is(historyVms([vmRun('one118', 118, '2026-01-02T00:00:00Z'), cut]), 2);
  // A small night, one part in one VM of the 2 asked, pins the 2 asked, not the 1 it used.
  const small = vmRun('small', 118, '2026-01-05T00:00:00Z');
  small.environment.vm = { ...small.environment.vm!, vmShards: 2 };
  assert.is(historyVms([cut, small]), 2);
});

test('trend band: the median of the previous N runs of the same series, plus or minus the threshold', () => {
  const history = [10, 12, 11, 20].map((m, night) => {
    const rec = toHistoryRecord(metricRun(`n${night}`, 'throughputGbps', { veth: [m] }));
    return { ...rec, startedAt: `2026-01-0${night + 1}T02:00:00.000Z` };
  });
  const points = trendPoints([...history].reverse(), 'throughputGbps', { thresholdPct: 10, baselineRuns: 2 });
  assert.equal(points.map((p) => p.median), [10, 12, 11, 20]);
  assert.equal(points.map((p) => p.bandLow === null ? null : Number(p.bandLow.toFixed(2))), [null, 9, 9.9, 10.35]);
  assert.equal(points.map((p) => p.bandHigh === null ? null : Number(p.bandHigh.toFixed(2))), [null, 11, 12.1, 12.65]);
});

test.run();
