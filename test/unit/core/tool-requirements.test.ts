// One table of what each workload needs of each tool (core/tool-requirements.ts), read by doctor,
// bench's preflight and the parsers: an iperf3 older than 3.11 is fine for tcp_stream and not for
// udp_stream (its UDP report has no receiver sums), and all three say so.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareVersions, TOOL_REQUIREMENTS, unmet } from '../../../harness/core/tool-requirements.ts';
import { requirementNote, versionRefusal } from '../../../harness/workloads/tool-requirements.ts';
import { parseIperfUdpJson } from '../../../harness/parsers/iperf-udp.ts';
import { WORKLOADS } from '../../../harness/workloads/index.ts';
import { DEFAULT_WORKLOAD_PARAMS } from '../../../harness/workloads/params.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

test('the table names real workloads, each with a tool it runs', () => {
  for (const r of Object.values(TOOL_REQUIREMENTS)) {
    for (const name of r.workloads) {
      const w = WORKLOADS.find((x) => x.name === name);
      assert.ok(w, `${name} is a workload`);
      const withNetperf = w!.toolsFor?.({ ...DEFAULT_WORKLOAD_PARAMS, rrTool: 'netperf', crrTool: 'netperf' }) ?? w!.tools;
      assert.ok([...w!.tools, ...withNetperf].includes(r.tool), `${name} runs ${r.tool}`);
    }
  }
});

test('doctor: iperf3 3.10.1 is ok for tcp_stream and too old for udp_stream; 3.12 is ok for both', () => {
  const old = requirementNote('iperf3', 'iperf 3.10.1 (cJSON 1.7.13)');
  assert.is(old, " (tcp_stream, tcp_stream_multi, udp_stream: >= 3.0.3 ok; udp_stream: too old, needs >= 3.11 for UDP receiver sums (end.sum_received's jitter_ms, lost_packets, packets))");
  assert.is(requirementNote('iperf3', 'iperf 3.12 (cJSON 1.7.15)'), ' (tcp_stream, tcp_stream_multi, udp_stream: >= 3.0.3 ok; udp_stream: >= 3.11 ok)');
  assert.is(requirementNote('iperf3', 'iperf 3.11'), ' (tcp_stream, tcp_stream_multi, udp_stream: >= 3.0.3 ok; udp_stream: >= 3.11 ok)');
  assert.match(requirementNote('iperf3', 'iperf 3.0.1'), /^ \(tcp_stream, tcp_stream_multi, udp_stream: too old, needs >= 3\.0\.3 for JSON end summaries .*; udp_stream: too old, needs >= 3\.11/);
  assert.match(requirementNote('iperf3', 'missing'), /udp_stream: needs >= 3\.11/);
  assert.is(requirementNote('netperf', 'Netperf version 2.7.0'), ' (tcp_rr, tcp_crr: >= 2.5.0 ok)');
  assert.is(requirementNote('netperf', 'Netperf version 2.4.5'), ' (tcp_rr, tcp_crr: too old, needs >= 2.5.0 for omni output selectors and -j latency percentiles)');
  assert.is(requirementNote('clang', 'Debian clang version 14.0.6'), '');
});

test('preflight: refuses udp_stream with iperf3 3.10.1 in one line naming the version needed; tcp_stream runs', () => {
  assert.is(versionRefusal('tcp_stream', 'iperf3', 'iperf 3.10.1 (cJSON 1.7.13)'), undefined);
  assert.is(versionRefusal('udp_stream', 'iperf3', 'iperf 3.10.1 (cJSON 1.7.13)'),
    "udp_stream needs iperf3 >= 3.11 for UDP receiver sums (end.sum_received's jitter_ms, lost_packets, packets); this is iperf 3.10.1 (cJSON 1.7.13): install a newer iperf3 (npm run setup) or leave udp_stream out");
  assert.match(versionRefusal('udp_stream', 'iperf3', 'iperf 3.0.1')!, /needs iperf3 >= 3\.11/, 'the newest version unmet is the one to install');
  assert.is(versionRefusal('udp_stream', 'iperf3', 'iperf 3.12 (cJSON 1.7.15)'), undefined);
  assert.is(versionRefusal('tcp_rr', 'sockperf', 'sockperf, version 3.7'), undefined);
  assert.equal(unmet('iperf3', 'iperf 3.9', 'tcp_stream'), []);
  assert.ok(compareVersions('3.12', '3.0.3') > 0 && compareVersions('2.4.5', '2.5.0') < 0 && compareVersions('2.5', '2.5.0') === 0 && compareVersions('3.10.1', '3.11') < 0);
});

test('parser: a UDP report without receiver sums (as before 3.11: end.sum only) names 3.11, not the TCP floor', () => {
  const report = JSON.parse(fixture('iperf3-udp-100m.json'));
  report.start.version = 'iperf 3.10.1';
  delete report.end.sum_sent;
  delete report.end.sum_received;
  const r = parseIperfUdpJson(JSON.stringify(report));
  assert.equal(r, { ok: false, reason: "iperf 3.10.1 reports no UDP end.sum_received (jitter_ms, lost_packets, packets): needs iperf3 >= 3.11 for UDP receiver sums (end.sum_received's jitter_ms, lost_packets, packets)" });
});

test.run();
