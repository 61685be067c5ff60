// The loader on real results files (an early version-1 file and a current one, both written by
// `bench` on this project's machine) and on broken ones: each problem is one UsageError line.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadResults, parseResultsText } from '../../../harness/results/load.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/results/${name}`, import.meta.url));
const EARLY = fixture('early-v1-host-veth.json');
const CURRENT = fixture('v1-host-veth-tcp-stream.json');

function usageError(fn: () => unknown, pattern: RegExp) {
  try {
    fn();
    assert.unreachable('should have thrown');
  } catch (e) {
    assert.is((e as Error).name, 'UsageError', (e as Error).message);
    assert.match((e as Error).message, pattern);
    assert.not.match((e as Error).message, '\n');
  }
}

test.after(removeTempDirs);

test('a current results file loads with its CIs, values and scenario hashes', async () => {
  const r = await loadResults(CURRENT);
  assert.is(r.runId, 'fixt01');
  const row = r.summary.find((x) => x.scenario === 'veth' && x.metric === 'throughputGbps')!;
  assert.ok(Number.isFinite(row.value) && row.ciLow !== null && row.ratioToHost !== null);
  assert.ok(r.environment.scenariosSha256?.veth);
});

test('an early file without value, CIs or hashes loads with what it meant: value = median, no CI', async () => {
  const r = await loadResults(EARLY);
  const row = r.summary[0]!;
  assert.is(row.value, row.median);
  assert.is(row.ciLow, null);
  assert.is(row.estimator, 'median');
  assert.is(row.better, 'higher');
  assert.is(r.environment.scenariosSha256, undefined);
});

test('version 1 files load as version 2 with every row at the cross-node point; a version 2 row without its point is refused', async () => {
  const r = await loadResults(CURRENT);
  assert.is(r.version, 2);
  assert.ok(r.measurements.every((m) => m.point.topology === 'cross-node' && Object.keys(m.point).length === 1));
  assert.ok(r.summary.every((x) => x.point.topology === 'cross-node'));
  const v2 = JSON.parse(JSON.stringify(r));
  assert.is(parseResultsText(JSON.stringify(v2), 'v2.json').summary[0]!.point.topology, 'cross-node');
  v2.measurements[0].point = { topology: 'same-node', msg: 1024 };
  assert.equal(parseResultsText(JSON.stringify(v2), 'v2.json').measurements[0]!.point, { topology: 'same-node', msg: 1024 });
  delete v2.summary[0].point;
  usageError(() => parseResultsText(JSON.stringify(v2), 'v2.json'), /"v2.json" is malformed at summary\[0\]\.point/);
});

test('a run folder works as well as its results.json; a missing one is named', async () => {
  const dir = await tempDir('load');
  await writeFile(join(dir, 'results.json'), await readFile(CURRENT));
  assert.is((await loadResults(dir)).runId, 'fixt01');
  await loadResults('/nonexistent/run').then(() => assert.unreachable(), (e: Error) => assert.match(e.message, 'no such run folder or results file "/nonexistent/run"'));
});

test('truncated, empty, another schema, another version, a wrong field: one line each', async () => {
  const text = await readFile(CURRENT, 'utf8');
  usageError(() => parseResultsText(text.slice(0, text.length / 2), 'r.json'), /"r.json" is not valid JSON \(.*truncated\?\)/);
  usageError(() => parseResultsText('', 'r.json'), /it is empty/);
  usageError(() => parseResultsText('{"schema": "other"}', 'r.json'), /not a netkit-bench results file \(schema "other"\)/);
  usageError(() => parseResultsText(text.replace(/"version": \d+/, '"version": 3'), 'r.json'), /results version "3"; this netkit-bench reads versions 1 and 2/);
  const broken = JSON.parse(text);
  broken.measurements[1].elapsedS = 'slow';
  usageError(() => parseResultsText(JSON.stringify(broken), 'r.json'), /malformed at measurements\[1\]\.elapsedS/);
});

test.run();
