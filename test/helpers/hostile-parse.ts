// Run in a worker thread with a small heap (test/unit/parsers/fuzz-parsers.test.ts): builds one
// hostile input of the kind it is given, hands it to every parser and to the tool-run judge (as
// stdout and as stderr), and posts one record per parser: its reason (or ok) and how long it took.
import { parentPort, workerData } from 'node:worker_threads';
import { parseIperfJson } from '../../harness/parsers/iperf.ts';
import { parseIperfUdpJson } from '../../harness/parsers/iperf-udp.ts';
import { parseNetperfKeyval } from '../../harness/parsers/netperf.ts';
import { parseProbeReport } from '../../harness/parsers/probe-report.ts';
import { parseProcStat } from '../../harness/parsers/proc-stat.ts';
import { parseSockperfLog } from '../../harness/parsers/sockperf-log.ts';
import { parseSockperfSummary } from '../../harness/parsers/sockperf-summary.ts';
import { readSockperfRun } from '../../harness/workloads/sockperf-outcome.ts';
import { judgeToolRun } from '../../harness/workloads/tool-run.ts';

const MB = 1 << 20;
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** The hostile inputs, by name: each large or pathological in one way. */
export const HOSTILE: Record<string, () => string> = {
  'open-braces-50MB': () => '{'.repeat(50 * MB),
  'one-line-10MB': () => `sockperf: ERROR: ${'x'.repeat(10 * MB)}`,
  'digits-line-10MB': () => `cpu ${' 1'.repeat(5 * MB)} x\nA=${'1,'.repeat(5 * MB)}`,
  'nested-1e6': () => deep(1e6),
  'nested-in-report-twice': () => `{"start":{"version":${deep(1e6)}},"end":{"sum_sent":${deep(1e6)}}}`.repeat(2),
  'nul-bytes-20MB': () => '\u0000'.repeat(20 * MB),
  'empty-objects-10M': () => '{}'.repeat(10e6),
  'newlines-20M': () => '\n'.repeat(20e6),
  'keyvals-2M': () => Array.from({ length: 2e6 }, (_, i) => `K${i}=${i}`).join('\n'),
  'log-rows-without-end': () => '0, 1.0, 1.1, 5\n'.repeat(1e6) + '1, 2'.repeat(2 * MB),
};

const PARSERS: Record<string, (t: string) => { ok: boolean; reason?: string }> = {
  parseIperfJson, parseIperfUdpJson, parseProbeReport, parseProcStat, parseSockperfLog, parseSockperfSummary,
  parseNetperfKeyval: (t) => parseNetperfKeyval(t),
  readSockperfRun: (t) => readSockperfRun(t, t),
  'judgeToolRun(stdout=stderr)': (t) => {
    const v = judgeToolRun({ tool: 'iperf3', exitCode: 1, stdout: t, stderr: t }, parseIperfJson(t));
    return v.state === 'ok' ? { ok: true } : { ok: false, reason: v.reason };
  },
};

export interface HostileAnswer {
  name: string;
  ok: boolean;
  reason?: string;
  ms: number;
}

if (parentPort && typeof workerData === 'string') {
  const text = HOSTILE[workerData]!();
  const answers: HostileAnswer[] = Object.entries(PARSERS).map(([name, parse]) => {
    const t0 = process.hrtime.bigint();
    const r = parse(text);
    return { name, ok: r.ok, reason: r.reason, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
  });
  parentPort.postMessage(answers);
}
