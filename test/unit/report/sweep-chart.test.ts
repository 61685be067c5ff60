// The sweep's curves and table from a synthetic sweep run: one chart per swept axis and workload,
// a log-scale axis for sizes, the ratio panel, bands only with intervals; it renders. No process starts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Measurement } from '../../../harness/model/results.ts';
import { sweepCharts } from '../../../harness/report/charts/sweep.ts';
import { runCharts } from '../../../harness/report/charts/index.ts';
import { renderSvg } from '../../../harness/report/render-svg.ts';
import { sweepData, sweptAxes } from '../../../harness/report/sweep-data.ts';
import { sweepTables } from '../../../harness/report/sweep-md.ts';
import { resultsFile } from '../../helpers/synthetic-results.ts';

const rate: Record<string, number> = { host: 1000, veth: 700, netkit: 990 };
const ms: Measurement[] = ['host', 'veth', 'netkit'].flatMap((scenario) => [1, 1024, 16384].flatMap((msg) => [1, 2, 3].map((repetition): Measurement => ({
  scenario, workload: 'tcp_rr', point: { topology: 'cross-node', msg }, repetition, state: 'ok', startedAt: '2026-01-01T00:00:00.000Z', elapsedS: 1,
  metrics: { transactionsPerS: rate[scenario]! / (1 + msg / 16384) + repetition }, bpf: [],
}))));
const run = resultsFile('sweep1', ms, { options: { scenarios: ['host', 'veth', 'netkit'], workloads: ['tcp_rr'], durationS: 1, repeats: 3, clientCpu: 0, serverCpu: 1, sweep: { msg: [1, 1024, 16384] } } });

test('a msg sweep: one curve chart for tcp_rr, x on a log scale, ratio to host at the same point', async () => {
  assert.equal(sweptAxes(run), ['msg']);
  const data = sweepData(run, 'msg');
  assert.is(data.length, 9);
  const netkit = data.filter((d) => d.scenario === 'netkit').map((d) => d.ratio!);
  assert.ok(netkit.every((r) => r > 0.98 && r < 1), netkit.join(' '));
  const charts = sweepCharts(run);
  assert.equal(charts.map((c) => c.id), ['sweep-msg-tcp_rr']);
  const text = JSON.stringify(charts[0]!.spec);
  assert.ok(text.includes('"type":"log"') && text.includes('ratio to host') && text.includes('"type":"area"'));
  assert.ok(runCharts(run).some((c) => c.id === 'sweep-msg-tcp_rr'));
  const svg = await renderSvg(charts[0]!.spec);
  assert.ok(svg.startsWith('<svg') && svg.includes('against msg'));
});

test('no sweep, no sweep chart; the Markdown table has one row per scenario and one column per value', () => {
  const flat = resultsFile('flat', ms.filter((m) => m.point.msg === 1).map((m) => ({ ...m, point: { topology: 'cross-node' } })));
  assert.equal(sweepCharts(flat), []);
  assert.equal(sweepTables(flat), []);
  const md = sweepTables(run).join('\n');
  assert.match(md, /\| scenario \| msg 1 \| msg 1024 \| msg 16384 \|/);
  assert.match(md, /\| host \| [^\n]*\n\| veth \| 70\d \(×0\.7\d*\) \|/);
});

test.run();
