// The report's pieces without a browser: which charts a run gets, one colour per scenario in all
// of them, the Markdown summary, and an HTML file that references nothing outside itself.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { loadResults } from '../../../harness/results/load.ts';
import { runCharts } from '../../../harness/report/charts/index.ts';
import { reportHtml } from '../../../harness/report/export-html.ts';
import { reportMarkdown } from '../../../harness/report/export-md.ts';
import { prefixSvgIds } from '../../../harness/report/html-escape.ts';
import { renderSvg } from '../../../harness/report/render-svg.ts';
import { scenarioColor, scenarioOrder } from '../../../harness/report/scenario-colors.ts';
import { resultsFile } from '../../helpers/synthetic-results.ts';
import type { Measurement } from '../../../harness/model/results.ts';

const CURRENT = fileURLToPath(new URL('../../fixtures/results/v1-host-veth-tcp-stream.json', import.meta.url));

test('scenarios keep the registry order and one colour each, whatever subset a chart shows', () => {
  assert.equal(scenarioOrder(['netkit', 'host', 'zz-new', 'veth']), ['host', 'veth', 'netkit', 'zz-new']);
  assert.is(scenarioColor('veth'), scenarioColor('veth'));
  assert.is(new Set(['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2'].map(scenarioColor)).size, 5);
});

test('a real tcp_stream run gets throughput, ratio, CPU cost and other-metrics charts, in one colour scheme', async () => {
  const results = await loadResults(CURRENT);
  const charts = runCharts(results);
  assert.equal(charts.map((c) => c.id), ['throughput', 'ratio-to-host', 'cpu-per-gb', 'other-metrics']);
  const svg = await renderSvg(charts[0]!.spec);
  assert.match(svg, /^<svg[^>]+viewBox/);
  assert.match(svg, scenarioColor('host'));
  assert.match(svg, scenarioColor('veth'));
  assert.match(svg, 'tcp_stream');
});

test('two topologies: bars and ratios in panels side by side, each against its own host', () => {
  const m = (scenario: string, topology: string, rate: number, repetition: number): Measurement => ({
    scenario, workload: 'tcp_rr', point: { topology }, repetition, state: 'ok', startedAt: '2026-01-01T00:00:00.000Z', elapsedS: 2, metrics: { transactionsPerS: rate }, bpf: [],
  });
  const results = resultsFile('topo01', [1, 2, 3].flatMap((r) => [m('host', 'cross-node', 1000, r), m('veth', 'cross-node', 700, r), m('host', 'same-node', 2000, r), m('veth', 'same-node', 1600, r)]));
  const charts = runCharts(results);
  const values = (id: string) => (charts.find((c) => c.id === id)!.spec as { data: { values: Record<string, unknown>[] } }).data.values;
  const ratios = values('ratio-to-host').map((d) => [d.panel, d.scenario, d.ratio]);
  assert.equal(ratios.filter(([, s]) => s === 'veth'), [
    ['tcp_rr · transactionsPerS · topology cross-node|higher is better', 'veth', 0.7],
    ['tcp_rr · transactionsPerS · topology same-node|higher is better', 'veth', 0.8],
  ]);
  assert.equal([...new Set(values('transaction-rate').map((d) => d.panel))], ['tcp_rr · topology cross-node', 'tcp_rr · topology same-node']);
});

test('HTML: inline SVG with ids made unique per chart, a CSP, and no URL to fetch', async () => {
  const results = await loadResults(CURRENT);
  const charts = await Promise.all(runCharts(results).map(async (c) => ({ ...c, svg: await renderSvg(c.spec) })));
  const html = reportHtml(results, charts);
  assert.match(html, `Content-Security-Policy" content="default-src 'none'`);
  const urls = [...html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map((m) => m[0]).filter((u) => !/^http:\/\/www\.w3\.org\//.test(u));
  assert.equal(urls, []);
  assert.not.match(html, /<script|<link|src="(?!data:)/);
  assert.is(prefixSvgIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', 'a-'), '<clipPath id="a-clip1"/><g clip-path="url(#a-clip1)"/>');
});

test('Markdown: the headline metrics per workload, ratios to host, CIs, the command', async () => {
  const md = reportMarkdown(await loadResults(CURRENT));
  assert.match(md, '## netkit-bench run `fixt01`');
  assert.match(md, '### tcp_stream · iperf 3.12');
  assert.match(md, /\| scenario \| throughputGbps \(Gbit\/s\) ↑ \| retransmitPct \(%\) ↓ \|/);
  // A fixture written before coverage was recorded: its bootstrap interval is not called 95%.
  assert.match(md, /\| veth \| [\d.,]+ \[[\d.,]+–[\d.,]+, coverage unknown\] \(×[\d.]+\) \|/);
  assert.not.match(md, 'clientCpuPct');
  assert.match(md, /```\nnetkit-bench bench --scenarios host,veth --workloads tcp_stream/);
});

test.run();
