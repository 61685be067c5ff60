// Intervals and percentiles that mean what they say (issue 10, item 4): the three-repetition case
// of ../shared/cases/README.md, subsampled repetitions weighted by what they stand for, and tail
// percentiles with too few requests beyond them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderTable } from '../../../harness/report/table.ts';
import { resultsCsv } from '../../../harness/results/csv.ts';
import { compareSides } from '../../../harness/compare/compare.ts';
import { sideOfResults } from '../../../harness/compare/sides.ts';
import { DEFAULT_GATE } from '../../../harness/compare/verdict.ts';
import { loadResults } from '../../../harness/results/load.ts';
import { summarize } from '../../../harness/results/summary.ts';
import type { Measurement } from '../../../harness/model/results.ts';
import { runCharts } from '../../../harness/report/charts/index.ts';
import { reportMarkdown } from '../../../harness/report/export-md.ts';
import { summaryTableHtml } from '../../../harness/report/html-sections.ts';
import { metricRun, resultsFile } from '../../helpers/synthetic-results.ts';

/** Enough CSV for these rows: quoted fields, no newlines inside. */
function parse(text: string): Record<string, string>[] {
  const split = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((x) => x[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);
  const [header, ...lines] = text.trim().split('\n').map(split);
  return lines.map((l) => Object.fromEntries(header!.map((h, i) => [h, l[i] ?? ''])));
}

const m = (repetition: number, metrics: Record<string, number>, extra: Partial<Measurement> = {}): Measurement => ({
  scenario: 'host', workload: 'tcp_rr', point: { topology: 'cross-node' }, repetition, state: 'ok', startedAt: '', elapsedS: 1, metrics, bpf: [], ...extra,
});

test('three repetitions of host tcp_stream (0.90, 0.95, 1.02 Gbit/s): [0.90, 1.02] covering 75%, never labelled 95%', () => {
  const results = metricRun('three1', 'throughputGbps', { host: [0.9, 0.95, 1.02] });
  const row = results.summary[0]!;
  assert.equal([row.value, row.ciLow, row.ciHigh, row.ciCoverage], [0.95, 0.9, 1.02, 0.75]);
  const table = renderTable(results);
  assert.match(table, /throughputGbps\s+0\.95 Gbit\/s\s+0\.9\.\.1\.02 \(75%\)/);
  assert.not.match(table.split('\n').find((l) => l.includes('throughputGbps'))!, /95%/);
  assert.not.match(table, /95% CI/);
  const csv = parse(resultsCsv(results));
  assert.equal([csv[0]!.ci_low, csv[0]!.ci_high, csv[0]!.ci_coverage], ['0.9', '1.02', '75']);
  assert.match(reportMarkdown(results), '0.95 [0.9–1.02, 75%]');
  assert.match(summaryTableHtml(results), '0.9 – 1.02 (75%)');
  const chart = runCharts(results).find((c) => c.id === 'throughput');
  const spec = JSON.stringify(chart?.spec ?? runCharts(results).map((c) => c.spec));
  assert.match(spec, 'coverage 75%');
  assert.not.match(spec, '95%');
});

test('two repetitions get no interval, and say why', () => {
  const row = metricRun('two1', 'throughputGbps', { host: [0.9, 1.02] }).summary[0]!;
  assert.equal([row.ciLow, row.ciHigh, row.ciCoverage], [null, null, null]);
  assert.match(row.noInterval!, /50%/);
});

test('pooled percentiles weight each kept sample by the requests it stands for', () => {
  // Repetition 1 measured 10,000 requests of 10 µs and kept 1,000; repetition 2 kept all its 1,000 of 100 µs.
  const fast = new Array<number>(1000).fill(10);
  const slow = new Array<number>(1000).fill(100);
  const rows = summarize([
    m(1, { p50Us: 10, p90Us: 10 }, { samples: { latencyUs: fast }, sampleCounts: { latencyUs: { collected: 10_000, kept: 1000 } } }),
    m(2, { p50Us: 100, p90Us: 100 }, { samples: { latencyUs: slow }, sampleCounts: { latencyUs: { collected: 1000, kept: 1000 } } }),
  ], 'host');
  // 10,000 of 11,000 requests took 10 µs: p90 is 10. Unweighted (half and half) it would be 100.
  assert.is(rows.find((r) => r.metric === 'p90Us')!.value, 10);
});

test('a tail percentile with too few requests beyond it is not quoted: "too few samples"', () => {
  const samples = Array.from({ length: 2000 }, (_, i) => 10 + (i % 100));
  const ms = [1, 2, 3].map((r) => m(r, { p99Us: 109, p999Us: 109 }, { samples: { latencyUs: samples }, sampleCounts: { latencyUs: { collected: 2000, kept: 2000 } } }));
  const results = resultsFile('tail01', ms);
  const p999 = results.summary.find((r) => r.metric === 'p999Us')!;
  const p99 = results.summary.find((r) => r.metric === 'p99Us')!;
  assert.ok(Number.isNaN(p999.value) && p999.ciLow === null);
  assert.match(p999.tooFewSamples!, /6000 requests.*needs 10000/);
  assert.ok(Number.isFinite(p99.value) && p99.tooFewSamples === undefined); // 6,000 >= 1,000
  assert.match(renderTable(results), /p99Us\s+10\d(\.\d+)? µs/);
  const csv = parse(resultsCsv(results));
  const row = csv.find((r) => r.metric === 'p999Us')!;
  assert.equal(row.value, '');
  assert.match(row.note!, /^too few samples/);
  assert.match(summaryTableHtml(results), 'too few samples');
});

test('compare never gates on a tail percentile whose repetitions had too few requests beyond it', () => {
  // 500 requests per repetition: p99 rests on 5 of them (needs 1,000). The candidate's p99 doubles; its rate holds.
  const run = (id: string, p99: number) => resultsFile(id, [1, 2, 3, 4, 5].map((r) => ({
    ...m(r, { transactionsPerS: 10_000 + r, p99Us: p99 + r }), sampleCounts: { latencyUs: { collected: 500, kept: 500 } },
  })));
  const report = compareSides(sideOfResults(run('base01', 100), 'a'), sideOfResults(run('cand01', 200), 'b'), DEFAULT_GATE, 'headline');
  const p99 = report.rows.find((r) => r.metric === 'p99Us');
  assert.ok(!p99 || p99.verdict !== 'regressed', JSON.stringify(p99?.verdict));
  assert.is(report.exitCode, 0);
});

test('a file written before coverage was recorded loads; its bootstrap interval reads "coverage unknown", never 95%', async () => {
  const old = await loadResults(new URL('../../fixtures/results/v1-host-veth-tcp-stream.json', import.meta.url).pathname);
  const row = old.summary.find((r) => r.scenario === 'veth' && r.metric === 'throughputGbps')!;
  assert.ok(row.ciLow !== null && row.ciCoverage === undefined);
  assert.match(renderTable(old), /veth\s+tcp_stream\s+throughputGbps\s+\S+ Gbit\/s\s+\S+ \(coverage unknown\)/);
  assert.is(parse(resultsCsv(old)).find((r) => r.scenario === 'veth' && r.metric === 'throughputGbps')!.ci_coverage, 'unknown');
});

test.run();
