// The shared case tool-failed-measured-ok, and each kind of fault behind it, handed to the
// workload code as the runner hands over a finished client (exit status, stdout, stderr, the
// sockperf full log): the functions the workloads' run() call, not a copy of them.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunResult } from '../../../harness/core/exec.ts';
import { SOCKPERF_EXTRA_S } from '../../../harness/workloads/sockperf-argv.ts';
import { sockperfOutcome } from '../../../harness/workloads/sockperf-outcome.ts';
import { tcpStreamOutcome } from '../../../harness/workloads/tcp-stream.ts';
import { udpStreamOutcome } from '../../../harness/workloads/udp-stream.ts';
import { parseNetperfKeyval } from '../../../harness/parsers/netperf.ts';
import { judgeToolRun } from '../../../harness/workloads/tool-run.ts';

const read = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const shared = (name: string) => read(`cases/tool-failed-measured-ok/${name}`);
const ran = (stdout: string, exitCode: number, more: Partial<RunResult> = {}) => ({ client: { stdout, stderr: '', exitCode, failed: exitCode !== 0, ...more }, commands: [] });
/** The iperf3 case ran -t 2 -O 1; the sockperf case -t 1, which the workload asks for as durationS + SOCKPERF_EXTRA_S. */
const iperfCtx = { durationS: 2 };
const sockperfCtx = { durationS: 1 - SOCKPERF_EXTRA_S };

test('case (1): iperf3 -J exits 1 after a complete report (esnet/iperf #1143): failed, never ok 25.2 Gbit/s', () => {
  const out = tcpStreamOutcome(iperfCtx, ran(shared('iperf3-exit1.stdout.json'), 1, { stderr: shared('iperf3-exit1.stderr') }));
  assert.is(out.state, 'failed');
  assert.is(out.reason, 'iperf3 exited 1: iperf3: error - unable to send control message: Broken pipe');
  assert.equal(out.metrics, {});
  // The same report with exit 0 is a good measurement: the exit status alone failed it.
  const ok = tcpStreamOutcome(iperfCtx, ran(shared('iperf3-exit1.stdout.json'), 0));
  assert.is(ok.state, 'ok', ok.reason);
  assert.ok(Math.abs(ok.metrics.throughputGbps! - 25.2338) < 1e-4);
});

test('case (2): sockperf killed mid-summary (exit 137): failed, naming the exit and the missing lines, never loss 0%', () => {
  const out = sockperfOutcome(sockperfCtx, 'udp', ran(shared('sockperf-killed.stdout.txt'), 137), shared('sockperf-full-log.csv'));
  assert.is(out.state, 'failed');
  assert.match(out.reason!, /^sockperf exited 137 \(128\+9: killed by SIGKILL\); /);
  assert.match(out.reason!, /lacks "# dropped messages = …; # duplicated messages = …; # out-of-order messages = …" and "Total N observations"/);
  assert.not.match(out.reason!, /\n/);
  assert.is(out.metrics.lossPct, undefined);
  // Killed by the signal itself (no shell between): the same verdict in its own words.
  const signalled = sockperfOutcome(sockperfCtx, 'udp', ran(shared('sockperf-killed.stdout.txt'), -1, { signal: 'SIGKILL' }), undefined);
  assert.match(signalled.reason!, /^sockperf was killed by SIGKILL; /);
});

test('case (2), uncut: the complete run is ok with 40 of 3839 messages dropped, loss 1.04%', () => {
  const out = sockperfOutcome(sockperfCtx, 'udp', ran(shared('sockperf-complete.stdout.txt'), 0), shared('sockperf-full-log.csv'));
  assert.is(out.state, 'ok', out.reason);
  assert.ok(Math.abs(out.metrics.lossPct! - (40 / 3839) * 100) < 1e-9, String(out.metrics.lossPct));
  assert.is(out.metrics.lossPct!.toFixed(2), '1.04');
  assert.ok(Math.abs(out.metrics.transactionsPerS! - 3839 / 0.549) < 1e-6);
  assert.is(out.tool, 'sockperf 3.7-no.git');
  // meanUs over every round trip, as several flows report it.
  assert.ok(out.metrics.meanUs! > 0 && out.metrics.meanUs! <= out.metrics.maxUs!, JSON.stringify(out.metrics));
});

test('figures of one run that disagree make the measurement invalid, naming both', () => {
  const cut = shared('sockperf-full-log.csv').replace(/^3[0-4]\d\d, .*\n/gm, '');
  const out = sockperfOutcome(sockperfCtx, 'udp', ran(shared('sockperf-complete.stdout.txt'), 0), cut);
  assert.is(out.state, 'invalid');
  assert.is(out.reason, "sockperf's figures disagree: full log rows vs [Valid Duration] SentMessages (3339 vs 3839)");
  const noLog = sockperfOutcome(sockperfCtx, 'tcp', ran(read('sockperf-tcp-pingpong.txt'), 0), undefined);
  assert.equal([noLog.state, noLog.reason], ['failed', 'sockperf wrote no --full-log file']);
});

test('case iperf3-json-twice: identical copies are one report (25.2338 Gbit/s); copies that differ fail naming 2 JSON objects', () => {
  const twice = read('cases/iperf3-json-twice/iperf3-tcp-twice.json');
  const ok = tcpStreamOutcome(iperfCtx, ran(twice, 0));
  assert.is(ok.state, 'ok', ok.reason);
  assert.ok(Math.abs(ok.metrics.throughputGbps! - 25.2338) < 1e-4);
  const differ = tcpStreamOutcome(iperfCtx, ran(`${read('iperf3-tcp-stream.json')}\n${read('iperf3-tcp-veth.json')}`, 0));
  assert.is(differ.state, 'failed');
  assert.match(differ.reason!, /2 JSON objects/);
});

test('udp_stream: a captured good run is ok; the same report after a timeout or exit 1 is failed', () => {
  const report = read('iperf3-udp-100m.json');
  const ctx = { durationS: 2 };
  assert.is(udpStreamOutcome(ctx, ran(report, 0)).state, 'ok');
  const timedOut = udpStreamOutcome(ctx, ran(report, -1, { signal: 'SIGKILL', timedOut: true, timeoutMs: 22000 }));
  assert.equal([timedOut.state, timedOut.reason], ['failed', 'iperf3 timed out after 22000 ms']);
  const refused = udpStreamOutcome(ctx, ran(read('iperf3-connection-refused.json'), 1));
  assert.equal([refused.state, refused.reason], ['failed', 'iperf3 exited 1; iperf3: unable to connect to server: Connection refused']);
});

test('netperf (the judge netperf-rr.ts calls): a non-zero exit fails even with every figure printed', () => {
  const figures = read('netperf-tcp-rr.txt');
  assert.is(judgeToolRun({ tool: 'netperf', exitCode: 0, stdout: figures, stderr: '' }, parseNetperfKeyval(figures)).state, 'ok');
  const exit1 = judgeToolRun({ tool: 'netperf', exitCode: 1, stdout: figures, stderr: 'netperf: send_omni: data send error: Broken pipe\n' }, parseNetperfKeyval(figures));
  assert.equal(exit1, { state: 'failed', reason: 'netperf exited 1: netperf: send_omni: data send error: Broken pipe' });
  const refused = read('netperf-refused.txt');
  const none = judgeToolRun({ tool: 'netperf', exitCode: 0, stdout: refused, stderr: '' }, parseNetperfKeyval(refused));
  assert.equal(none.state, 'failed');
});

test("sockperf's own refusal (-m 1, captured: usage text on stdout, exit status 0): failed, in sockperf's words, not a cut-short summary", () => {
  const refused = read('sockperf-msg-too-small.txt');
  const out = sockperfOutcome(sockperfCtx, 'udp', ran(refused, 0), undefined);
  assert.equal([out.state, out.reason], ['failed', "sockperf refused the command (exit status 0): '-m' Invalid message size: 1 (min: 14)"]);
  // The same complaint with a non-zero exit says the exit; a report with usage text nowhere is judged as before.
  const exit1 = judgeToolRun({ tool: 'sockperf', exitCode: 1, stdout: refused, stderr: '' }, { ok: false, reason: 'no summary' });
  assert.equal(exit1, { state: 'failed', reason: "sockperf refused the command (exited 1): '-m' Invalid message size: 1 (min: 14)" });
  const plain = judgeToolRun({ tool: 'sockperf', exitCode: 0, stdout: read('sockperf-tcp-refused.txt'), stderr: '' }, { ok: false, reason: 'no summary' });
  assert.equal(plain, { state: 'failed', reason: 'no summary' });
});

test.run();
