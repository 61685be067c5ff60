import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseIperfJson } from '../../harness/parsers/iperf.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
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

test.run();
