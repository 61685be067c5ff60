// The answer a run leads with: the ratio matrix (report/answer.ts), the claims judged on it
// (report/claims.ts) and their renderings, on synthetic results with known answers.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Measurement, MeasurementState, SummaryRow } from '../../../harness/model/results.ts';
import { answerMatrix } from '../../../harness/report/answer.ts';
import { answerLines } from '../../../harness/report/answer-text.ts';
import { judgeClaims } from '../../../harness/report/claims.ts';
import { reportMarkdown } from '../../../harness/report/export-md.ts';
import { renderRun } from '../../../harness/report/run-text.ts';
import { summarize } from '../../../harness/results/summary.ts';
import { richResults } from '../../helpers/rich-results.ts';
import { resultsFile } from '../../helpers/synthetic-results.ts';

const RATE: Record<string, string> = { tcp_rr: 'transactionsPerS', tcp_stream: 'throughputGbps' };

/** Per scenario and workload, each repetition's rate (null: an invalid repetition). */
function run(values: Record<string, Record<string, (number | null)[]>>, passes: Record<string, number> = {}): Measurement[] {
  return Object.entries(values).flatMap(([scenario, byWorkload]) => Object.entries(byWorkload).flatMap(([workload, xs]) => xs.map((v, i): Measurement => {
    const state: MeasurementState = v === null ? 'invalid' : 'ok';
    return {
      scenario, workload, point: { topology: 'cross-node' }, repetition: i + 1, state, ...(v === null ? { reason: 'phase shorter than 90% of the duration' } : {}), startedAt: '', elapsedS: 2, bpf: [],
      metrics: v === null ? {} : { [RATE[workload]!]: v, ...(passes[scenario] ? { backlogPassesPerPacket: passes[scenario] } : {}) },
    };
  })));
}

const judged = (summary: SummaryRow[], skipped: { scenario: string; reason: string }[] = []) => {
  const m = answerMatrix(summary, 'host', skipped);
  return { m, claims: judgeClaims(m) };
};

test('matrix: primary metrics as columns in registry order, host its own figures, the others ratios with intervals', () => {
  const { m, claims } = judged(richResults().summary);
  assert.equal(m.columns.map((c) => `${c.workload} ${c.metric}`), ['tcp_stream throughputGbps', 'tcp_rr transactionsPerS', 'tcp_rr p99Us', 'tcp_crr connectionsPerS']);
  assert.equal(m.groups.length, 1);
  assert.equal(m.groups[0]!.scenarios, ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2']);
  const veth = m.groups[0]!.cells.veth!['tcp_rr transactionsPerS']!;
  assert.ok(veth.low! < veth.ratio! && veth.ratio! < veth.high!);
  assert.is(veth.coverage, 0.9375);
  const lines = answerLines(m, claims);
  assert.match(lines[0]!, /ratio to host, median of 5 repetitions \[interval, 93\.8% coverage\]/);
  assert.match(lines.find((l) => l.startsWith('host '))!, /^host\s+20\s+51,100\s+/);
  assert.match(lines.find((l) => l.startsWith('veth '))!, /^veth\s+0\.\d+ \[0\.\d+\.\.0\.\d+\]\s/);
  // The default run's claims: netkit and veth-bpf against veth; tcx only when veth-tc was asked for;
  // netkit's throughput against host's, a parity within 5%: 0.966 with an interval reaching below 0.95 leaves it open.
  assert.equal(claims[0]!.map((c) => c.verdict), ['supported', 'supported', 'inconclusive']);
  assert.match(claims[0]![2]!.detail, /^netkit reaches 0\.966 \[0\.942\.\.1\.03\] of host tcp_stream throughputGbps \(interval spans 0\.95\)$/);
  assert.match(claims[0]![0]!.detail, /^netkit reaches 0\.966 of host tcp_stream, 0\.95 tcp_rr, 0\.955 tcp_crr; veth 0\.739, 0\.722, 0\.729 \(intervals apart\)$/);
});

test('claims: overlapping intervals and too few repetitions leave a claim open; the opposite order contradicts it', () => {
  const overlap = run({ host: { tcp_rr: [100, 101, 99] }, veth: { tcp_rr: [80, 90, 70] }, netkit: { tcp_rr: [85, 95, 75] } }, { host: 1, veth: 3, netkit: 1 });
  const [c1] = judged(summarize(overlap, 'host')).claims[0]!;
  assert.is(c1!.verdict, 'inconclusive');
  assert.match(c1!.detail, /\(intervals overlap on tcp_rr\); backlog passes\/packet 1 vs 3$/);
  const two = run({ host: { tcp_rr: [100, 100] }, veth: { tcp_rr: [70, 71] }, netkit: { tcp_rr: [90, 91] } });
  assert.match(judged(summarize(two, 'host')).claims[0]![0]!.detail, /no interval below 3 valid repetitions/);
  const against = run({ host: { tcp_rr: [100, 100, 100] }, veth: { tcp_rr: [90, 91, 92] }, netkit: { tcp_rr: [70, 71, 72] }, 'veth-bpf': { tcp_rr: [80, 81, 82] }, 'veth-tc': { tcp_rr: [85, 86, 87] } });
  const claims = judged(summarize(against, 'host')).claims[0]!;
  assert.equal(claims.map((c) => c.verdict), ['contradicted', 'contradicted', 'contradicted']);
  assert.match(claims[0]!.detail, /^netkit reaches 0\.71 of host tcp_rr; veth 0\.91 \(veth ahead on tcp_rr, intervals apart\)$/);
  assert.match(claims[2]!.statement, /tcx/);
});

test('claims: netkit reaching host throughput is a parity within 5%: interval at or above 0.95, wholly below, or across', () => {
  const verdict = (netkit: number[]) => judged(summarize(run({ host: { tcp_stream: [10, 10, 10] }, veth: { tcp_stream: [7, 7, 7] }, netkit: { tcp_stream: netkit } }), 'host')).claims[0]!.find((c) => /throughput/.test(c.statement))!;
  assert.is(verdict([9.6, 9.7, 9.9]).verdict, 'supported');
  assert.match(verdict([9.6, 9.7, 9.9]).detail, /^netkit reaches 0\.97 \[0\.96\.\.0\.99\] of host tcp_stream throughputGbps \(interval at or above 0\.95\)$/);
  assert.is(verdict([8.8, 8.9, 9]).verdict, 'contradicted');
  assert.is(verdict([9.2, 9.6, 9.8]).verdict, 'inconclusive');
  assert.is(judged(summarize(run({ host: { tcp_rr: [1, 1, 1] }, netkit: { tcp_rr: [1, 1, 1] } }), 'host')).claims[0]!.some((c) => /throughput/.test(c.statement)), false, 'no throughput measured, no parity claim');
});

test('claims: a scenario that did not run or has no valid figure says so instead of guessing', () => {
  const ms = run({ host: { tcp_rr: [100, 100, 100], tcp_stream: [10, 10, 10] }, veth: { tcp_rr: [70, 71, 72], tcp_stream: [7, 7, 7] }, 'veth-bpf': { tcp_rr: [null, null, null], tcp_stream: [9, 9.1, 9.2] } });
  const { m, claims } = judged(summarize(ms, 'host'), [{ scenario: 'netkit', reason: 'this kernel has no netkit (CONFIG_NETKIT)' }]);
  assert.is(claims[0]![0]!.verdict, 'not run');
  assert.is(claims[0]![0]!.detail, 'netkit skipped: this kernel has no netkit (CONFIG_NETKIT)');
  // veth-bpf's tcp_rr is invalid: judged on tcp_stream alone, and the line names what it left out.
  assert.is(claims[0]![1]!.verdict, 'supported');
  assert.match(claims[0]![1]!.detail, /reaches 0\.91 of host tcp_stream; veth 0\.7 \(intervals apart\); no valid figure on tcp_rr \(veth-bpf invalid 3\/3: phase shorter/);
  const none = run({ host: { tcp_rr: [100, 100, 100] }, veth: { tcp_rr: [70, 71, 72] }, 'veth-bpf': { tcp_rr: [null, null, null] } });
  assert.is(judged(summarize(none, 'host')).claims[0]![1]!.verdict, 'no valid figure');
  assert.match(answerLines(m, claims).join('\n'), /veth-bpf\s+0\.91 \[0\.9\.\.0\.92\]\s+invalid 3\/3/);
  const noHost = run({ veth: { tcp_rr: [70, 71, 72] }, netkit: { tcp_rr: [90, 91, 92] } });
  assert.is(judged(summarize(noHost, 'host')).claims[0]![0]!.detail, 'host did not run');
});

test('matrix: rows at different matrix points form groups, each with its own claims and skips', () => {
  const ms = run({ host: { tcp_rr: [100, 100, 100] }, veth: { tcp_rr: [70, 71, 72] }, netkit: { tcp_rr: [90, 91, 92] }, 'veth-bpf': { tcp_rr: [80, 81, 82] } });
  const rows = summarize(ms, 'host');
  const at = (topology: string) => rows.map((r) => ({ ...r, point: { topology } }));
  const sameNode = at('same-node').filter((r) => r.scenario !== 'veth-bpf');
  const skipped = [{ scenario: 'veth-tc', reason: 'one node has no wire for classic tc', point: { topology: 'same-node' } }];
  const { m, claims } = judged([...at('cross-node'), ...sameNode], skipped);
  assert.equal(m.groups.map((g) => g.point), [{ topology: 'cross-node' }, { topology: 'same-node' }]);
  // veth-tc's skip is at same-node only: there the tcx claim says so; cross-node never asked for it.
  assert.equal(claims.map((g) => g.map((c) => c.verdict)), [['supported', 'supported'], ['supported', 'not run', 'not run']]);
  assert.match(claims[1]![2]!.detail, /veth-bpf did not run; veth-tc skipped: one node has no wire/);
  const text = answerLines(m, claims);
  assert.equal(text.filter((l) => l.endsWith(':')), ['topology cross-node:', 'topology same-node:']);
  assert.is(text.filter((l) => l.startsWith('scenario')).length, 1, 'one header for every group');
  assert.ok(text.indexOf('topology same-node:') < text.map((l) => /^supported\s+netkit ahead of veth/.test(l)).lastIndexOf(true));
  assert.match(text.at(-1)!, /^skipped: veth-tc \(topology same-node: one node/);
});

test('renderRun: the default run fits in about 25 lines and leads with the answer; --verbose adds every metric', () => {
  const r = richResults();
  const text = renderRun(r);
  assert.ok(text.split('\n').length <= 25, text);
  assert.match(text.split('\n')[1]!, /^ratio to host/);
  assert.not.match(text, /clientCpuPct|p50Us/);
  const verbose = renderRun(r, { verbose: true });
  assert.match(verbose, /^ratio to host/m);
  assert.match(verbose, /netkit\s+tcp_stream\s+clientCpuPct/);
  const md = reportMarkdown(r);
  assert.ok(md.indexOf('### Against host') < md.indexOf('### tcp_stream'));
  assert.match(md, /\| veth \| 0\.739 \[0\.705–0\.779\] \|/);
  assert.match(md, /- \*\*supported\*\*: netkit ahead of veth/);
});

test('a shard (bench --shard) shows its matrix without claims, and says the merged run judges them', () => {
  const r = { ...richResults(), shard: { index: 2, count: 2, matrixSha256: 'a'.repeat(64), builds: ['veth topology=cross-node'] } };
  const text = renderRun(r);
  assert.not.match(text, /^(supported|contradicted|inconclusive|not run)\s|did not run/m);
  assert.match(text, /^shard 2\/2: part of the matrix; the claims come with the merged run \(netkit-bench merge\)$/m);
  const md = reportMarkdown(r);
  assert.not.match(md, /\*\*supported\*\*/);
  assert.match(md, /^shard 2\/2: part of the matrix/m);
});

test('matrix: a run without a primary figure says so', () => {
  const r = resultsFile('x', []);
  assert.equal(answerLines(answerMatrix(r.summary, 'host'), [[]]), ['no primary figure measured']);
});

test.run();
