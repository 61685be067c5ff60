// results.csv's columns are an interface: the first fifteen never change, new ones are appended.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderTable } from '../../../harness/report/table.ts';
import { CSV_COLUMNS, resultsCsv } from '../../../harness/results/csv.ts';
import { DEFAULT_WORKLOAD_PARAMS } from '../../../harness/workloads/params.ts';
import { RESULTS_SCHEMA, RESULTS_VERSION, type Measurement, type ResultsFile } from '../../../harness/model/results.ts';
import { summarize } from '../../../harness/results/summary.ts';

/** Enough CSV for these rows: no field here holds a comma or a quote. */
function parse(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n').map((l) => l.split(','));
  return lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

function results(): ResultsFile {
  const ms: Measurement[] = [];
  for (let r = 1; r <= 3; r++) {
    ms.push({ scenario: 'host', workload: 'tcp_stream', point: { topology: 'cross-node' }, repetition: r, state: 'ok', startedAt: '', elapsedS: 3, metrics: { throughputGbps: 10 + r, clientCpuPct: 50 }, bpf: [], tool: 'iperf 3.12' });
    ms.push({ scenario: 'veth', workload: 'tcp_stream', point: { topology: 'cross-node' }, repetition: r, state: r === 3 ? 'invalid' : 'ok', reason: r === 3 ? 'retransmitPct 3 is above --max-retransmit-pct 1' : undefined, startedAt: '', elapsedS: 3, metrics: { throughputGbps: 8 + r, clientCpuPct: 50 }, bpf: [], tool: 'iperf 3.12' });
  }
  return {
    schema: RESULTS_SCHEMA, version: RESULTS_VERSION, runId: 'abc123', command: [], startedAt: '', finishedAt: '', complete: true,
    options: { scenarios: ['host', 'veth', 'netkit'], workloads: ['tcp_stream'], durationS: 2, repeats: 3, clientCpu: 0, serverCpu: 1 },
    environment: { where: 'native', kernelRelease: '6.18', cpuModel: 'x', cpuCount: 2, nodeVersion: 'v20', tools: {}, gitRevision: 'x', bpfObjectsSha256: 'x' },
    skipped: [{ scenario: 'netkit', reason: 'no netkit here' }],
    measurements: ms,
    summary: summarize(ms, 'host'),
  };
}

test('CSV: the original columns first and unchanged, the new ones after', () => {
  assert.equal(CSV_COLUMNS.slice(0, 15), ['run_id', 'where', 'scenario', 'workload', 'metric', 'unit', 'n', 'median', 'mean', 'stddev', 'cv_pct', 'min', 'max', 'ratio_to_host', 'state']);
  assert.equal(CSV_COLUMNS.slice(15), ['ci_low', 'ci_high', 'ratio_ci_low', 'ratio_ci_high', 'value', 'estimator', 'better', 'attempted', 'reasons', 'clock', 'ip_version', 'tool', 'ci_coverage', 'ratio_ci_coverage', 'note', 'topology']);
});

test('CSV rows: statistics, intervals, validity; skipped scenarios as rows', () => {
  const rows = parse(resultsCsv(results()));
  const host = rows.find((r) => r.scenario === 'host' && r.metric === 'throughputGbps')!;
  assert.equal([host.n, host.median, host.ci_low, host.ci_high, host.ci_coverage, host.value, host.estimator, host.state, host.better], ['3', '12', '11', '13', '75', '12', 'median', 'ok', 'higher']);
  assert.is(host.tool, 'iperf 3.12');
  const veth = rows.find((r) => r.scenario === 'veth' && r.metric === 'throughputGbps')!;
  assert.equal([veth.n, veth.attempted, veth.state, veth.ci_low, veth.ci_coverage, veth.ratio_to_host], ['2', '3', 'invalid', '', '', '0.791667']);
  assert.match(veth.note!, /no interval with n = 2/);
  assert.match(veth.reasons!, /retransmitPct 3/);
  const skipped = rows.find((r) => r.scenario === 'netkit')!;
  assert.equal([skipped.state, skipped.n, skipped.ip_version, skipped.topology], ['skipped: no netkit here', '0', '4', '']);
  assert.is(host.ip_version, '4');
  const v6 = parse(resultsCsv({ ...results(), options: { ...results().options, workloadParams: { ...DEFAULT_WORKLOAD_PARAMS, ipVersion: 6 } } }));
  assert.ok(v6.every((r) => r.ip_version === '6'));
});

test('table: headline metrics only by default, every metric with all; validity spelled out', () => {
  const r = results();
  const text = renderTable(r);
  assert.match(text, /host\s+tcp_stream\s+throughputGbps\s+12 Gbit\/s\s+11\.\.13 \(75%\)\s+1\s/);
  assert.match(text, /veth\s+tcp_stream\s+throughputGbps\s+.*invalid 1\/3: retransmitPct 3/);
  assert.match(text, /netkit .*skipped: no netkit here/);
  assert.match(text, /^measured with: tcp_stream iperf 3\.12$/m);
  assert.not.match(text, /clientCpuPct/);
  assert.match(renderTable(r, { all: true }), /clientCpuPct/);
});

test.run();
