import { readFileSync } from 'node:fs';
import { quantileSorted } from 'simple-statistics';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseSockperfLog } from '../../../harness/parsers/sockperf-log.ts';
import { parseSockperfSummary } from '../../../harness/parsers/sockperf-summary.ts';
import { sockperfDisagreement } from '../../../harness/parsers/sockperf-agreement.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

test('TCP ping-pong report: valid duration and message counts, colour codes ignored', () => {
  const r = parseSockperfSummary(fixture('sockperf-tcp-pingpong.txt'));
  assert.equal(r, { ok: true, value: { version: '3.7-no.git', validRunTimeS: 0.55, sentMessages: 4833, receivedMessages: 4833, droppedMessages: 0, duplicatedMessages: 0, outOfOrderMessages: 0, observations: 4833 } });
});

test('UDP ping-pong report', () => {
  const r = parseSockperfSummary(fixture('sockperf-udp-pingpong.txt'));
  assert.ok(r.ok);
  if (r.ok) assert.equal([r.value.validRunTimeS, r.value.sentMessages, r.value.receivedMessages], [0.549, 3839, 3839]);
});

test('sockperf exits 0 on failure; the text says so', () => {
  assert.equal(parseSockperfSummary(fixture('sockperf-tcp-refused.txt')), { ok: false, reason: 'sockperf: ERROR: Can`t connect socket (errno=111 Connection refused)' });
  assert.equal(parseSockperfSummary(fixture('sockperf-udp-no-server.txt')), { ok: false, reason: 'sockperf: No messages were received from the server. Is the server down?' });
  assert.not.ok(parseSockperfSummary('').ok);
});

test('full log: one round trip per message, from the timestamps (not the half-RTT column)', () => {
  const r = parseSockperfLog(fixture('sockperf-tcp-pingpong.csv'));
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.is(r.value.rttUs.length, 4833);
  assert.is(r.value.unanswered, 0);
  close(r.value.rttUs[0]!, (2.458759269 - 2.458659883) * 1e6);
  close(r.value.spanS, 3.008447509 - 2.458659883);
  const sorted = [...r.value.rttUs].sort((a, b) => a - b);
  close(sorted[sorted.length - 1]!, 86560.448, 1e-3); // sockperf's MAX observation 43280.223 is half of it
  close(quantileSorted(sorted, 0.5), 30.858, 1e-3);
  // sockperf's own percentile 99.9 (latency = RTT/2) agrees with the log to its rounding
  close(quantileSorted(sorted, 0.999) / 2, 2075.168, 60);
});

test('UDP full log; a log without answered messages is a failure', () => {
  const r = parseSockperfLog(fixture('sockperf-udp-pingpong.csv'));
  assert.ok(r.ok);
  if (r.ok) assert.is(r.value.rttUs.length, 3839);
  const none = parseSockperfLog(fixture('sockperf-udp-no-server.csv'));
  assert.equal(none, { ok: false, reason: 'sockperf full log has no answered messages' });
  const unanswered = parseSockperfLog('packet, txTime(sec), rxTime(sec), latency(usec)\n0, 1.000000000, 0.000000000, 0.000\n1, 1.1, 1.1000100, 5.0\n');
  assert.ok(unanswered.ok);
  if (unanswered.ok) assert.equal([unanswered.value.unanswered, unanswered.value.rttUs.length], [1, 1]);
});

test('a summary cut short names the lines it lacks; a missing counter is never 0', () => {
  const killed = parseSockperfSummary(fixture('cases/tool-failed-measured-ok/sockperf-killed.stdout.txt'));
  assert.equal(killed, {
    ok: false,
    reason: 'sockperf\'s summary lacks "# dropped messages = …; # duplicated messages = …; # out-of-order messages = …" and "Total N observations" (the report was cut short)',
  });
  const complete = parseSockperfSummary(fixture('cases/tool-failed-measured-ok/sockperf-complete.stdout.txt'));
  assert.ok(complete.ok && complete.value.droppedMessages === 40 && complete.value.sentMessages === 3839);
});

test('the counts of one run agree across stdout, the log copy and the log rows (captured runs)', () => {
  for (const name of ['sockperf-tcp-pingpong', 'sockperf-udp-pingpong']) {
    const [summary, log] = [parseSockperfSummary(fixture(`${name}.txt`)), parseSockperfLog(fixture(`${name}.csv`))];
    assert.ok(summary.ok && log.ok);
    if (summary.ok && log.ok) {
      assert.is(log.value.rows, summary.value.sentMessages);
      assert.equal(log.value.copy, { validRunTimeS: summary.value.validRunTimeS, sentMessages: summary.value.sentMessages, receivedMessages: summary.value.receivedMessages, observations: summary.value.observations });
      assert.is(sockperfDisagreement(summary.value, log.value), undefined);
    }
  }
});

test('a log missing rows, or a copy that differs, is a disagreement naming both counts', () => {
  const text = fixture('sockperf-udp-pingpong.txt');
  const summary = parseSockperfSummary(text);
  const csv = fixture('sockperf-udp-pingpong.csv');
  const cut = parseSockperfLog(csv.replace(/^1\d\d, .*\n/gm, ''));
  assert.ok(summary.ok && cut.ok);
  if (summary.ok && cut.ok) assert.equal(sockperfDisagreement(summary.value, cut.value), { ok: false, disagree: true, reason: "sockperf's figures disagree: full log rows vs [Valid Duration] SentMessages (3739 vs 3839)" });
  const copy = parseSockperfLog(csv.replace('SentMessages=3839; ReceivedMessages=3839', 'SentMessages=3839; ReceivedMessages=3838'));
  if (summary.ok && copy.ok) assert.match(sockperfDisagreement(summary.value, copy.value)?.reason ?? '', /full log's \[Valid Duration\] ReceivedMessages vs stdout's \(3838 vs 3839\)/);
});

test.run();
