import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseIperfJson } from '../../../harness/parsers/iperf.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const close = (a: number, b: number, eps: number) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

test('one TCP stream: receiver goodput, retransmits, CPU', () => {
  const r = parseIperfJson(fixture('iperf3-tcp-stream.json'));
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.ok(Math.abs(r.value.throughputGbps - 25.2338) < 0.001, String(r.value.throughputGbps));
  assert.ok(r.value.sentGbps >= r.value.throughputGbps * 0.99);
  assert.is(r.value.iperfVersion, 'iperf 3.12');
  assert.ok(r.value.clientCpuPct > 90 && r.value.clientCpuPct < 100);
  assert.ok(Number.isInteger(r.value.retransmits));
});

test('over a 1500-byte MTU veth: retransmitted share of bytes from the MSS', () => {
  const r = parseIperfJson(fixture('iperf3-tcp-veth.json'));
  assert.ok(r.ok);
  if (!r.ok) return;
  close(r.value.throughputGbps, 27.737583514874853, 1e-9);
  assert.is(r.value.retransmits, 505);
  assert.is(r.value.bytesSent, 10402398208);
  close(r.value.retransmitPct, (505 * 1448 * 100) / 10402398208, 1e-12);
});

test('-P 2: the sum over streams', () => {
  const r = parseIperfJson(fixture('iperf3-tcp-stream-p2.json'));
  assert.ok(r.ok);
  if (r.ok) assert.ok(r.value.throughputGbps > 1);
});

test('connection refused: the tool error, not an exception', () => {
  const r = parseIperfJson(fixture('iperf3-connection-refused.json'));
  assert.equal(r, { ok: false, reason: 'iperf3: unable to connect to server: Connection refused' });
});

test('not JSON, truncated JSON, wrong shape', () => {
  assert.not.ok(parseIperfJson('iperf3: error').ok);
  const full = fixture('iperf3-tcp-stream.json');
  assert.not.ok(parseIperfJson(full.slice(0, full.length / 2)).ok);
  const shape = parseIperfJson('{"start": 1, "end": {}}');
  assert.not.ok(shape.ok);
  if (!shape.ok) assert.match(shape.reason, /unexpected shape/);
});

test('-J printed twice (some iperf3 3.16-3.17 builds): identical copies are one report; differing copies an error', () => {
  const twice = fixture('iperf3-tcp-twice.json');
  const r = parseIperfJson(twice);
  assert.ok(r.ok, JSON.stringify(r));
  if (r.ok) close(r.value.throughputGbps, 25.2338, 0.0001);
  const once = fixture('iperf3-tcp-stream.json');
  const differ = parseIperfJson(`${once}\n${fixture('iperf3-tcp-veth.json')}`);
  assert.equal(differ, { ok: false, reason: 'iperf3 printed 2 JSON objects that differ; cannot tell which is the report' });
  assert.ok(parseIperfJson(`${once}${once}${once}`).ok);
  // A brace inside a string does not split an object.
  assert.ok(parseIperfJson(once.replace('"iperf 3.12"', '"iperf 3.12 {x}"').repeat(2)).ok);
});

test('an older iperf3 without the end summaries is named with the version needed, not called malformed', () => {
  const old = JSON.parse(fixture('iperf3-tcp-stream.json'));
  old.start.version = 'iperf 3.0.1';
  delete old.end.sum_sent;
  delete old.end.sum_received;
  assert.equal(parseIperfJson(JSON.stringify(old)), { ok: false, reason: 'iperf 3.0.1 reports no end.sum_sent: needs iperf3 >= 3.0.3 for JSON end summaries (end.sum_sent, end.sum_received)' });
});

test.run();
