// gate-power's aggregation, on comparisons saved exactly as scripts/gate-power.sh saves them
// (compare --save) from synthetic runs with known answers: 4 A/A pairs of which one is made to
// fail, 4 A/B pairs with a 15% slowdown of which 3 are large enough to detect.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { runCompare } from '../../harness/compare/command.ts';
import { runGatePower } from '../../harness/compare/power-command.ts';
import { summarizeGatePower, wilsonInterval } from '../../harness/compare/power.ts';
import { DEFAULT_GATE } from '../../harness/compare/verdict.ts';
import { writeResults } from '../../harness/results/write.ts';
import { cli } from '../helpers/cli.ts';
import { metricRun, prng } from '../helpers/synthetic-results.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const close = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

test.after(removeTempDirs);

test('Wilson 95% intervals: known values, and sensible at 0 of n and n of n', () => {
  const [lo0, hi0] = wilsonInterval(0, 10);
  close(lo0, 0);
  close(hi0, 0.2775);
  const [lo5, hi5] = wilsonInterval(5, 10);
  close(lo5, 0.2366);
  close(hi5, 0.7634);
  const [lo10, hi10] = wilsonInterval(10, 10);
  close(lo10, 0.7225);
  close(hi10, 1);
});

test('rates and slowdown sizes from pair outcomes', () => {
  const row = (changePct: number | null, verdict: string) => ({ scenario: 'veth', workload: 'tcp_stream', metric: 'throughputGbps', changePct, verdict });
  const s = summarizeGatePower(
    [{ exitCode: 0, rows: [row(1, 'unchanged')] }, { exitCode: 1, rows: [row(-8, 'regressed')] }],
    [{ exitCode: 1, rows: [row(-20, 'regressed')] }, { exitCode: 1, rows: [row(-22, 'regressed')] }, { exitCode: 0, rows: [row(null, 'inconclusive')] }],
  );
  assert.equal([s.falseAlarms.hits, s.falseAlarms.pairs, s.detections.hits, s.detections.pairs], [1, 2, 2, 3]);
  close(s.detections.rate, 2 / 3);
  assert.equal(s.slowdown, [{ metric: 'throughputGbps', rows: 2, medianChangePct: -21, minChangePct: -22, maxChangePct: -20 }]);
  assert.is(s.noise[0]!.medianChangePct, -3.5);
});

async function savedComparisons(): Promise<string> {
  const dir = await tempDir('gate-power');
  const rnd = prng(11);
  const reps = (centre: number, spreadPct = 2) => Array.from({ length: 5 }, () => centre * (1 + (rnd() - 0.5) * (spreadPct / 50)));
  const save = async (name: string, base: number[], cand: number[]) => {
    const [a, b] = [join(dir, 'runs', `${name}-a`), join(dir, 'runs', `${name}-b`)];
    await writeResults(a, metricRun(`${name}a`.slice(0, 6), 'throughputGbps', { veth: base }));
    await writeResults(b, metricRun(`${name}b`.slice(0, 6), 'throughputGbps', { veth: cand }));
    const request = { runs: [a, b], historyDir: '', gate: DEFAULT_GATE, metrics: 'headline' as const, force: false, format: 'json' as const, saveJson: join(dir, `${name}.json`) };
    return runCompare(request, () => undefined, () => undefined);
  };
  for (let i = 1; i <= 3; i++) assert.is(await save(`aa-${i}`, reps(15), reps(15)), 0);
  assert.is(await save('aa-4', reps(15), reps(13)), 1); // a false alarm, made on purpose
  for (let i = 1; i <= 3; i++) assert.is(await save(`ab-${i}`, reps(15), reps(15 * 0.85)), 1);
  assert.is(await save('ab-4', reps(15, 40), reps(15 * 0.85, 40)), 0); // too noisy to detect
  return dir;
}

test('gate-power reads the saved comparisons: false alarms 1 of 4, detections 3 of 4, slowdown about -15%', async () => {
  const dir = await savedComparisons();
  let text = '';
  assert.is(await runGatePower(dir, 'inject-cost 200', false, (t) => (text += t)), 0);
  assert.match(text, 'false alarms (A/A pairs that failed the gate): 1 of 4 pairs = 25%');
  assert.match(text, 'detections (A/B pairs in which a gated throughput/rate/latency metric regressed, injected inject-cost 200): 3 of 4 pairs = 75%');
  let json = '';
  await runGatePower(dir, undefined, true, (t) => (json += t));
  const summary = JSON.parse(json);
  const slowdown = summary.slowdown.find((s: { metric: string }) => s.metric === 'throughputGbps');
  assert.ok(slowdown.medianChangePct < -10 && slowdown.medianChangePct > -20, String(slowdown.medianChangePct));
});

test('gate-power on a folder without comparisons, or with a broken one, is a usage error (exit 2)', async () => {
  const empty = await tempDir('gate-power');
  const r = await cli(['gate-power', empty]);
  assert.is(r.exitCode, 2);
  assert.match(r.stderr, 'holds no aa-*.json or ab-*.json comparison');
  assert.is(r.stderr.trim().split('\n').length, 1);
});

test.run();
