import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseIperfUdpJson } from '../../../harness/parsers/iperf-udp.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

test('at a set rate (100M): receiver goodput, loss, jitter', () => {
  const r = parseIperfUdpJson(fixture('iperf3-udp-100m.json'));
  assert.ok(r.ok);
  if (!r.ok) return;
  close(r.value.throughputGbps, 0.0997212873811452);
  close(r.value.sentGbps, 0.0998449451806955);
  assert.is(r.value.lostPackets, 21);
  assert.is(r.value.packets, 17241);
  close(r.value.lossPct, (21 / 17241) * 100);
  close(r.value.jitterMs, 0.012046475528095865);
  close(r.value.serverCpuPct, 5.785223122895686);
});

test('flat out: the receiver keeps what it can, the rest is loss', () => {
  const r = parseIperfUdpJson(fixture('iperf3-udp-max.json'));
  assert.ok(r.ok);
  if (!r.ok) return;
  close(r.value.throughputGbps, 0.368316014131216);
  close(r.value.lossPct, (108199 / 171946) * 100);
  assert.ok(r.value.sentGbps > r.value.throughputGbps);
});

test("iperf3 3.12's --omit miscount (more lost than sent) is refused, not reported", () => {
  const r = parseIperfUdpJson(fixture('iperf3-udp-omit-miscount.json'));
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(r.reason, /226585 of 206980 datagrams lost/);
});

test('a TCP report or an error is not a UDP result', () => {
  const tcp = parseIperfUdpJson(fixture('iperf3-tcp-veth.json'));
  assert.not.ok(tcp.ok);
  if (!tcp.ok) assert.match(tcp.reason, /ran a TCP test, not UDP/);
  assert.equal(parseIperfUdpJson(fixture('iperf3-connection-refused.json')), { ok: false, reason: 'iperf3: unable to connect to server: Connection refused' });
});

test.run();
