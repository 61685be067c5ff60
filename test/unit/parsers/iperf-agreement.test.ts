// iperf3 reports: a field the harness does not use never discards the figures; a bad value in one
// it uses is named with its true cause (never a version floor); counts stated twice must agree.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseIperfJson } from '../../../harness/parsers/iperf.ts';
import { parseIperfUdpJson } from '../../../harness/parsers/iperf-udp.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const edited = (name: string, edit: (j: any) => void) => {
  const j = JSON.parse(fixture(name));
  edit(j);
  return JSON.stringify(j);
};

test('unused fields of another type (CPU, version, MSS, protocol) keep the figures', () => {
  const r = parseIperfJson(edited('iperf3-tcp-stream-p2.json', (j) => {
    j.end.cpu_utilization_percent = { host_total: 'high' };
    j.start.version = 3.12;
    j.start.tcp_mss_default = null;
    j.start.test_start = 'TCP';
    j.end.streams = 'gone';
  }));
  assert.ok(r.ok, JSON.stringify(r));
  if (!r.ok) return;
  assert.ok(Math.abs(r.value.throughputGbps - 29.97221765941885) < 1e-9);
  assert.ok(Number.isNaN(r.value.clientCpuPct) && Number.isNaN(r.value.retransmitPct));
  assert.is(r.value.iperfVersion, 'unknown');
  const udp = parseIperfUdpJson(edited('iperf3-udp-100m.json', (j) => (j.end.sum_sent = { bytes: 'many' })));
  assert.ok(udp.ok && Number.isNaN(udp.value.sentGbps) && udp.value.lostPackets === 21);
});

test('a bad value in a used field is named with the field and value, not a version', () => {
  const tcp = parseIperfJson(edited('iperf3-tcp-stream.json', (j) => (j.end.sum_received.bits_per_second = 'fast')));
  assert.equal(tcp, { ok: false, reason: 'iperf3 end.sum_received.bits_per_second is "fast": Invalid input: expected number, received string' });
  const udp = parseIperfUdpJson(edited('iperf3-udp-100m.json', (j) => (j.end.sum_received.jitter_ms = [[[1]]])));
  assert.not.ok(udp.ok);
  if (!udp.ok) assert.is(udp.reason, 'iperf3 end.sum_received.jitter_ms is an array: Invalid input: expected number, received array');
  // A counter missing from the sender's summary is a failure, never 0 retransmits.
  const noRetransmits = parseIperfJson(edited('iperf3-tcp-veth.json', (j) => delete j.end.sum_sent.retransmits));
  assert.not.ok(noRetransmits.ok);
  if (!noRetransmits.ok) assert.match(noRetransmits.reason, /^iperf3 end\.sum_sent\.retransmits is absent: no retransmits counter/);
});

test('counts reported twice must agree: sums vs streams, rate vs bytes/seconds, received vs sent', () => {
  const streams = parseIperfJson(edited('iperf3-tcp-stream-p2.json', (j) => (j.end.streams[1].receiver.bytes -= 1000)));
  assert.equal(streams, { ok: false, disagree: true, reason: "iperf3's figures disagree: end.sum_received.bytes vs the streams' receiver bytes (7494107189 vs 7494106189)" });
  const retransmits = parseIperfJson(edited('iperf3-tcp-stream-p2.json', (j) => (j.end.sum_sent.retransmits = 0)));
  assert.ok(!retransmits.ok && retransmits.disagree && /retransmits/.test(retransmits.reason));
  const rate = parseIperfJson(edited('iperf3-tcp-stream.json', (j) => (j.end.sum_received.bits_per_second *= 1.01)));
  assert.ok(!rate.ok && rate.disagree && /end\.sum_received bits_per_second vs bytes\*8\/seconds/.test(rate.reason));
  // Without --omit (the veth capture) TCP cannot deliver more than was sent.
  const ahead = parseIperfJson(edited('iperf3-tcp-veth.json', (j) => {
    j.end.sum_received.bytes += 8e6;
    j.end.sum_received.bits_per_second = (j.end.sum_received.bytes * 8) / j.end.sum_received.seconds;
    delete j.end.streams;
  }));
  assert.ok(!ahead.ok && ahead.disagree && /bytes received above bytes sent/.test(ahead.reason), JSON.stringify(ahead));
  const udpRate = parseIperfUdpJson(edited('iperf3-udp-max.json', (j) => (j.end.sum_received.bytes /= 2)));
  assert.ok(!udpRate.ok && udpRate.disagree);
});

test('more than a few JSON objects is refused, not collected', () => {
  const once = fixture('iperf3-tcp-stream.json');
  assert.equal(parseIperfJson(once.repeat(5)), { ok: false, reason: 'iperf3 output is not a JSON report: more than 4 JSON objects' });
  assert.equal(parseIperfJson('{}'.repeat(1000)), { ok: false, reason: 'iperf3 output is not a JSON report: more than 4 JSON objects' });
});

test.run();
