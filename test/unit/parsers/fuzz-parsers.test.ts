// Fuzz-style: every parser gets random bytes and every prefix-truncation of its real fixtures,
// and must answer with a value ({ ok: false } or a UsageError for results files), never crash.
// Then each hostile input of test/helpers/hostile-parse.ts (50 MB of "{", a 10 MB line, a million
// nested brackets, NUL bytes, ten million objects, twenty million newlines...) goes to every
// parser and to the tool-run judge in a worker thread with a 256 MB heap. It must finish (a
// quadratic parser would take hours at these sizes: the limit is for a hang, not a speed claim)
// and answer each with one bounded line without control characters. Without the cap on top-level
// JSON objects, the ten-million-object input runs the worker out of heap.
import { readFileSync, readdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { REASON_CHARS } from '../../../harness/core/one-line.ts';
import { HOSTILE, type HostileAnswer } from '../../helpers/hostile-parse.ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UsageError } from '../../../harness/core/errors.ts';
import { parseIperfJson } from '../../../harness/parsers/iperf.ts';
import { parseIperfUdpJson } from '../../../harness/parsers/iperf-udp.ts';
import { parseNetperfKeyval } from '../../../harness/parsers/netperf.ts';
import { parseProbeReport } from '../../../harness/parsers/probe-report.ts';
import { parseProcStat } from '../../../harness/parsers/proc-stat.ts';
import { parseSockperfLog } from '../../../harness/parsers/sockperf-log.ts';
import { parseSockperfSummary } from '../../../harness/parsers/sockperf-summary.ts';
import { parseResultsText } from '../../../harness/results/load.ts';
import { seededRandom } from '../../helpers/random.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const rnd = seededRandom(20261122);

function randomText(length: number): string {
  const alphabet = '{}[]":,0123456789.-eE \n\tabcdefghijklmnopqrstuvwxyz_\u00b5\u0000';
  return Array.from({ length }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
}

/** Random texts, and prefixes of each fixture cut at 40 random points. */
function inputs(fixtureNames: string[]): string[] {
  const out = Array.from({ length: 200 }, () => randomText(Math.floor(rnd() * 400)));
  for (const name of fixtureNames) {
    const text = read(name);
    for (let i = 0; i < 40; i++) out.push(text.slice(0, Math.floor(rnd() * text.length)));
  }
  return out;
}

const parsers: [string, (t: string) => { ok: boolean }, string[]][] = [
  ['parseIperfJson', parseIperfJson, ['iperf3-tcp-stream.json', 'iperf3-tcp-stream-p2.json', 'iperf3-tcp-twice.json']],
  ['parseNetperfKeyval', (t) => parseNetperfKeyval(t), ['netperf-tcp-crr.txt', 'netperf-tcp-rr.txt']],
  ['parseIperfUdpJson', parseIperfUdpJson, ['iperf3-udp-100m.json', 'iperf3-udp-max.json']],
  ['parseProbeReport', parseProbeReport, ['probe-crr.json', 'probe-rr.json']],
  ['parseProcStat', parseProcStat, ['proc-stat-before.txt']],
  ['parseSockperfLog', parseSockperfLog, ['sockperf-tcp-pingpong.csv']],
  ['parseSockperfSummary', parseSockperfSummary, ['sockperf-tcp-pingpong.txt']],
];

for (const [name, parse, names] of parsers) {
  test(`${name}: random and truncated input is an outcome, never a crash`, () => {
    for (const text of inputs(names)) {
      let outcome;
      try {
        outcome = parse(text);
      } catch (err) {
        assert.unreachable(`${name} threw ${(err as Error).message} on ${JSON.stringify(text.slice(0, 80))}`);
      }
      assert.type(outcome!.ok, 'boolean');
    }
  });
}

const HEAP_MB = 256;
const HANG_MS = 180_000;

/** The worker's answers, or why it ended without them (out of heap, hung, crashed). */
function inWorker(kind: string): Promise<HostileAnswer[] | string> {
  return new Promise((resolve) => {
    const w = new Worker(new URL('../../helpers/hostile-worker.mjs', import.meta.url), { workerData: kind, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    const timer = setTimeout(() => void w.terminate().then(() => resolve(`hung past ${HANG_MS} ms`)), HANG_MS);
    w.once('message', (m: HostileAnswer[]) => resolve(m));
    w.once('error', (e) => resolve(`${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`));
    w.once('exit', (code) => {
      clearTimeout(timer);
      resolve(`exited ${code} without answers`);
    });
  });
}

for (const kind of Object.keys(HOSTILE)) {
  test(`hostile input ${kind}: every parser, ${HEAP_MB} MB heap, finishes with one bounded line`, async () => {
    const answers = await inWorker(kind);
    if (typeof answers === 'string') return assert.unreachable(`${kind}: ${answers}`);
    assert.is(answers.length, 9);
    for (const { name, ok, reason } of answers) {
      assert.not.ok(ok, `${name} accepted ${kind}`);
      assert.type(reason, 'string', name);
      assert.ok(reason!.length > 0 && reason!.length <= REASON_CHARS, `${name}: ${reason!.length} chars`);
      assert.not.match(reason!, /[\u0000-\u001f\u007f-\u009f]/, `${name}: control character in its reason`);
    }
  });
}

test('results files: random and truncated input is a one-line UsageError', () => {
  const names = readdirSync(new URL('results/', fixtures)).filter((n) => n.endsWith('.json')).map((n) => `results/${n}`);
  for (const text of inputs(names)) {
    try {
      parseResultsText(text, 'fuzz.json');
    } catch (err) {
      assert.instance(err, UsageError, (err as Error).message);
      assert.not.match((err as Error).message, /\n/);
      continue;
    }
    assert.unreachable(`accepted ${JSON.stringify(text.slice(0, 80))}`);
  }
});

test.run();
