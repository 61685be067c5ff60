// compare on synthetic results with known answers: the verdicts, the direction of latency metrics,
// and the refusal to compare across environments.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareSides } from '../../../harness/compare/compare.ts';
import { describeTest } from '../../../harness/compare/render.ts';
import { refuseIfIncomparable } from '../../../harness/compare/environment-check.ts';
import { DEFAULT_WORKLOAD_PARAMS } from '../../../harness/workloads/params.ts';
import { sideOfResults } from '../../../harness/compare/sides.ts';
import { DEFAULT_GATE, judge } from '../../../harness/compare/verdict.ts';
import { independentChange } from '../../../harness/stats/change-test.ts';
import { UsageError } from '../../../harness/core/errors.ts';
import type { ResultsFile } from '../../../harness/model/results.ts';
import { metricRun, prng, resultsFile } from '../../helpers/synthetic-results.ts';
import type { Measurement } from '../../../harness/model/results.ts';

const around = (centre: number, spreadPct: number, n = 5, seed = 1) => {
  const rnd = prng(seed);
  return Array.from({ length: n }, () => centre * (1 + (rnd() - 0.5) * 2 * (spreadPct / 100)));
};

function verdicts(baseline: ResultsFile, candidate: ResultsFile, metrics: 'all' | 'headline' = 'all') {
  const report = compareSides(sideOfResults(baseline, 'a'), sideOfResults(candidate, 'b'), DEFAULT_GATE, metrics);
  return { report, by: Object.fromEntries(report.rows.map((r) => [`${r.scenario}/${r.metric}`, r.verdict])) };
}

test('identical runs: every row unchanged (the interval of the change is inside ±5%), exit 0', () => {
  const run = metricRun('aaaaaa', 'throughputGbps', { host: around(20, 3), veth: around(15, 3, 5, 2) });
  const { report } = verdicts(run, run);
  assert.equal(report.rows.map((r) => r.verdict), ['unchanged', 'unchanged']);
  assert.ok(report.rows.every((r) => r.test.low > -5 && r.test.high < 5 && r.gated));
  assert.is(report.exitCode, 0);
  assert.is(report.rows[0]!.changePct, 0);
});

test('a clear 20% throughput drop is a regression (exit 1); the other scenario stays unchanged', () => {
  const base = metricRun('aaaaaa', 'throughputGbps', { host: around(20, 2), veth: around(15, 2, 5, 2) });
  const cand = metricRun('bbbbbb', 'throughputGbps', { host: around(20, 2, 5, 3), veth: around(12, 2, 5, 4) });
  const { report, by } = verdicts(base, cand);
  assert.is(by['veth/throughputGbps'], 'regressed');
  assert.is(by['host/throughputGbps'], 'unchanged');
  assert.is(report.exitCode, 1);
  const veth = report.rows.find((r) => r.scenario === 'veth')!;
  assert.ok(veth.changePct < -15 && veth.changePct > -25, String(veth.changePct));
  assert.ok(veth.pValue < 0.05);
});

test('a 20% rise in throughput is an improvement, not a regression (exit 0)', () => {
  const { report, by } = verdicts(metricRun('a', 'throughputGbps', { veth: around(10, 2) }), metricRun('b', 'throughputGbps', { veth: around(12, 2, 5, 9) }));
  assert.is(by['veth/throughputGbps'], 'improved');
  assert.is(report.exitCode, 0);
});

test('latency is lower-better: p99 up 20% regresses, down 20% improves', () => {
  const base = metricRun('a', 'p99Us', { veth: around(100, 2) }, 'tcp_rr');
  assert.is(verdicts(base, metricRun('b', 'p99Us', { veth: around(120, 2, 5, 5) }, 'tcp_rr')).by['veth/p99Us'], 'regressed');
  assert.is(verdicts(base, metricRun('c', 'p99Us', { veth: around(80, 2, 5, 6) }, 'tcp_rr')).by['veth/p99Us'], 'improved');
});

test('two single runs on the instruction clock: p99 is reported, not gated (it moves between boots), unless named; on host time it gates', () => {
  // veth tcp_rr at msg 1, netperf, two boots of one command (2026-12-06): p99 57-58 µs in one, 61-62 in the other, rates 0.01% apart.
  const run = (id: string, p99: number[], clock: boolean): ResultsFile => {
    const r = resultsFile(id, p99.map((p99Us, i): Measurement => ({
      scenario: 'veth', workload: 'tcp_rr', point: { topology: 'cross-node' }, repetition: i + 1, state: 'ok', startedAt: '2026-01-01T00:00:00.000Z', elapsedS: 1, bpf: [],
      metrics: { transactionsPerS: 19_481 + i, p99Us },
    })));
    if (clock) r.environment.clock = { kind: 'instructions', icountShift: 0, instructionsPerGuestS: 1e9 };
    return r;
  };
  const judged = (clock: boolean, metrics?: string[]) => compareSides(sideOfResults(run('a', [57, 58, 57], clock), 'a'), sideOfResults(run('b', [62, 61, 62], clock), 'b'), DEFAULT_GATE, metrics ?? 'headline');
  const p99 = (r: ReturnType<typeof judged>) => r.rows.find((x) => x.metric === 'p99Us')!;
  const icount = judged(true);
  assert.equal([p99(icount).verdict, p99(icount).gated, icount.exitCode], ['regressed', false, 0]);
  assert.ok(icount.notes.some((n) => /p99 is reported, not gated/.test(n)));
  assert.ok(icount.rows.find((x) => x.metric === 'transactionsPerS')!.gated, 'the rate still gates');
  assert.equal([p99(judged(true, ['p99Us'])).gated, judged(true, ['p99Us']).exitCode], [true, 1]);
  assert.not.ok(judged(true, ['p99Us']).notes.some((n) => /not gated/.test(n)), 'named, it gates, and the note would be wrong');
  const host = judged(false);
  assert.equal([p99(host).gated, host.exitCode], [true, 1]);
  assert.not.ok(host.notes.some((n) => /not gated/.test(n)));
});

test('the test line counts the gated rows, and says how many had a test (none against a history of one run)', () => {
  const run = metricRun('a', 'throughputGbps', { host: around(20, 3), veth: around(15, 3, 5, 2) });
  const both = compareSides(sideOfResults(run, 'a'), sideOfResults(run, 'b'), DEFAULT_GATE, 'headline');
  assert.match(describeTest(both), /; 2 gated row\(s\) \(\*\) adjusted by Holm/);
  const untested = { ...both, test: { ...both.test, familySize: 0 } };
  assert.match(describeTest(untested), /; 2 gated row\(s\) \(\*\), 0 with a test, adjusted by Holm/);
});

test('noisy, overlapping samples: unchanged or inconclusive, never a regression', () => {
  const base = metricRun('a', 'throughputGbps', { veth: [10, 14, 8, 16, 12] });
  const cand = metricRun('b', 'throughputGbps', { veth: [9, 15, 7, 13, 11] });
  const { by } = verdicts(base, cand);
  assert.ok(['unchanged', 'inconclusive'].includes(by['veth/throughputGbps']!), by['veth/throughputGbps']);
});

const verdictOf = (base: number[], cand: number[], better: 'higher' | 'lower' = 'higher') => {
  const t = independentChange(base, cand, DEFAULT_GATE.alpha);
  return { t, ...judge(t, t.pValue, better, 100, 0, DEFAULT_GATE) };
};

test('a significant change within the threshold whose interval is inside ±5% is unchanged (equivalence)', () => {
  const r = verdictOf([100, 100.2, 99.9, 100.1, 100], [97, 97.1, 96.9, 97.2, 97]);
  assert.ok(r.t.pValue < 0.05);
  assert.is(r.verdict, 'unchanged');
  assert.match(r.why, 'equivalence');
});

test('a large change that is not significant is inconclusive, never unchanged (n = 5, CV 30%, -26%)', () => {
  const r = verdictOf([100, 140, 70, 120, 85], [74, 104, 52, 89, 63]);
  assert.ok(r.t.pValue >= 0.05, String(r.t.pValue));
  assert.is(r.verdict, 'inconclusive');
});

test('too few values for the design: inconclusive', () => {
  assert.is(verdictOf([20], [10, 10.1, 9.9]).verdict, 'inconclusive');
  assert.is(verdictOf([], [1, 2, 3, 4]).verdict, 'inconclusive');
  assert.is(verdictOf([20, 20.1, 19.9], [10, 10.1, 9.9]).verdict, 'regressed');
});

test('only primary metrics gate: a regressed reported metric does not set the exit code', () => {
  const base = metricRun('a', 'cpuCoreSecondsPerGB', { veth: around(1, 1) });
  const cand = metricRun('b', 'cpuCoreSecondsPerGB', { veth: around(2, 1, 5, 3) });
  const { report } = verdicts(base, cand);
  assert.is(report.rows[0]!.verdict, 'regressed');
  assert.is(report.rows[0]!.gated, false);
  assert.is(report.exitCode, 0);
});

test('rows only one run has are counted, not compared; headline selection drops the others', () => {
  const base = metricRun('a', 'throughputGbps', { host: around(20, 2) });
  const cand = metricRun('b', 'throughputGbps', { host: around(20, 2, 5, 8), veth: around(15, 2) });
  const { report } = verdicts(base, cand);
  assert.equal(report.unmatched, { baselineOnly: 0, candidateOnly: 1 });
  assert.is(report.rows.length, 1);
  const cpu = metricRun('c', 'clientCpuPct', { host: [1, 2, 3, 4, 5] });
  assert.is(verdicts(cpu, cpu, 'headline').report.rows.length, 0, 'clientCpuPct is not a headline metric');
});

test('refuses runs from different environments, naming the field; --force lets it through', () => {
  const base = metricRun('a', 'throughputGbps', { host: around(20, 2) });
  const cand = metricRun('b', 'throughputGbps', { host: around(20, 2) });
  cand.environment = { ...cand.environment, kernelRelease: '6.12.0-other' };
  const { report } = verdicts(base, cand);
  assert.throws(() => refuseIfIncomparable(report.differences, false), (e: Error) => e instanceof UsageError && /kernelRelease differs \("6.8.0-test" vs "6.12.0-other"\)/.test(e.message));
  refuseIfIncomparable(report.differences, true);
});

test('a changed scenario definition blocks; a changed git revision is only a note', () => {
  const base = metricRun('a', 'throughputGbps', { veth: around(20, 2) });
  const cand = metricRun('b', 'throughputGbps', { veth: around(20, 2) });
  cand.environment = { ...cand.environment, gitRevision: 'def5678', scenariosSha256: { veth: 'e'.repeat(64) } };
  const diffs = verdicts(base, cand).report.differences;
  assert.ok(diffs.find((d) => d.field === 'gitRevision' && !d.blocking));
  assert.throws(() => refuseIfIncomparable(diffs, false), /scenario definition of veth differs/);
});

test('IPv4 and IPv6 runs are different quantities: compare refuses them; the same version with other knobs is a note', () => {
  const base = metricRun('a', 'throughputGbps', { host: around(20, 2) });
  const cand = metricRun('b', 'throughputGbps', { host: around(20, 2) });
  cand.options = { ...cand.options, workloadParams: { ...DEFAULT_WORKLOAD_PARAMS, ipVersion: 6 } };
  const diffs = verdicts(base, cand).report.differences;
  assert.throws(() => refuseIfIncomparable(diffs, false), /IP version \(--ip\) differs \("IPv4" vs "IPv6"\)/);
  // A file from before --ip (no ipVersion) measured IPv4: comparable with an explicit --ip 4.
  const v4 = metricRun('c', 'throughputGbps', { host: around(20, 2) });
  v4.options = { ...v4.options, workloadParams: { ...DEFAULT_WORKLOAD_PARAMS, ipVersion: 4 } };
  assert.not.ok(verdicts(base, v4).report.differences.some((d) => d.blocking));
});

test.run();
