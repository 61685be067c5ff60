// netperf's omni key=value output, captured from real TCP_CRR and TCP_RR runs between two
// namespaces (netperf 2.7.0, Debian bookworm non-free).
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseNetperfKeyval, parseNetperfVersion } from '../../../harness/parsers/netperf.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

test('TCP_CRR: connection rate, elapsed time, netperf latency percentiles in µs, sizes', () => {
  const r = parseNetperfKeyval(fixture('netperf-tcp-crr.txt'), '2.7.0');
  assert.equal(r, {
    ok: true,
    value: { transactionsPerS: 497.954, elapsedS: 2, minUs: 110, meanUs: 2007.69, p50Us: 590, p90Us: 4925, p99Us: 15500, maxUs: 108657, stddevUs: 4511.42, requestBytes: 1, responseBytes: 1 },
  });
});

test('TCP_RR: 64-byte transactions', () => {
  const r = parseNetperfKeyval(fixture('netperf-tcp-rr.txt'));
  assert.ok(r.ok);
  if (r.ok) assert.equal([r.value.transactionsPerS, r.value.p50Us, r.value.p99Us, r.value.requestBytes], [1988.311, 52, 7733, 64]);
});

test('no netserver: the tool says so, and the reason quotes it', () => {
  const r = parseNetperfKeyval(fixture('netperf-refused.txt'));
  assert.equal(r, { ok: false, reason: 'netperf printed no KEY=value results (establish control: are you sure there is a netserver listening on 10.199.0.2 at port 12999?)' });
});

test('a netperf whose output lacks a selector is named with the version needed; a bad value with its value', () => {
  const without = fixture('netperf-tcp-crr.txt').split('\n').filter((l) => !l.startsWith('P99_LATENCY')).join('\n');
  assert.equal(parseNetperfKeyval(without, '2.4.5'), { ok: false, reason: 'netperf 2.4.5 gave no P99_LATENCY: needs netperf >= 2.5.0 for omni output selectors and -j latency percentiles' });
  const unmeasured = fixture('netperf-tcp-crr.txt').replace('P50_LATENCY=590', 'P50_LATENCY=-1');
  // A bad value of a selector that is there is named as what it is, never as a version floor.
  assert.equal(parseNetperfKeyval(unmeasured, '2.7.0'), { ok: false, reason: 'netperf 2.7.0 reported P50_LATENCY=-1, not a measured figure' });
});

test('netperf -V', () => {
  assert.is(parseNetperfVersion('Netperf version 2.7.0'), '2.7.0');
  assert.is(parseNetperfVersion('netperf: command not found'), undefined);
});

test.run();
