// netperf's omni output in key=value form (`-k SELECTORS`, one `NAME=value` per line), as the
// TCP_RR and TCP_CRR workloads ask for it. Latency figures are netperf's own, in µs, from the
// per-transaction histogram `-j` keeps: netperf hands out percentiles, not raw samples.
import { firstMeaningfulLine, oneLine } from '../core/one-line.ts';
import { eachLine } from './lines.ts';
import type { ParseOutcome } from './outcome.ts';
import { needs, TOOL_REQUIREMENTS } from '../core/tool-requirements.ts';

/** The oldest netperf with omni output selectors and -j latency percentiles (the requirements table). */
export const NETPERF_MIN_VERSION = TOOL_REQUIREMENTS.netperfOmni.min;

/** What the workloads ask for, in the order of `-k`. */
export const NETPERF_SELECTORS = [
  'TRANSACTION_RATE', 'ELAPSED_TIME', 'MIN_LATENCY', 'MEAN_LATENCY', 'P50_LATENCY', 'P90_LATENCY', 'P99_LATENCY',
  'MAX_LATENCY', 'STDDEV_LATENCY', 'REQUEST_SIZE', 'RESPONSE_SIZE',
] as const;

export interface NetperfRrResult {
  /** Completed transactions per second (for TCP_CRR: connections, each connect + request + response + close). */
  transactionsPerS: number;
  /** The measured phase, seconds (netperf prints two decimals). */
  elapsedS: number;
  minUs: number;
  meanUs: number;
  p50Us: number;
  p90Us: number;
  p99Us: number;
  maxUs: number;
  stddevUs: number;
  requestBytes: number;
  responseBytes: number;
}

const FIELDS: Record<keyof NetperfRrResult, (typeof NETPERF_SELECTORS)[number]> = {
  transactionsPerS: 'TRANSACTION_RATE', elapsedS: 'ELAPSED_TIME', minUs: 'MIN_LATENCY', meanUs: 'MEAN_LATENCY',
  p50Us: 'P50_LATENCY', p90Us: 'P90_LATENCY', p99Us: 'P99_LATENCY', maxUs: 'MAX_LATENCY', stddevUs: 'STDDEV_LATENCY',
  requestBytes: 'REQUEST_SIZE', responseBytes: 'RESPONSE_SIZE',
};

/** `Netperf version 2.7.0` (netperf -V) to `2.7.0`; undefined when the text is not that. */
export function parseNetperfVersion(text: string): string | undefined {
  return /Netperf version (\d+(?:\.\d+)+)/i.exec(text)?.[1];
}

/** A KEY=value line is under 100 characters; a longer line is not netperf's omni output. */
const MAX_LINE_CHARS = 4096;

/**
 * The figures, or why not. A selector the output lacks altogether is named with the netperf
 * version that has it (`version`, from netperf -V, goes into that message). A selector present
 * with a value that is not a figure (negative: netperf's "not measured") is named with that
 * value: its cause is the run, not the version.
 */
export function parseNetperfKeyval(stdout: string, version = 'unknown'): ParseOutcome<NetperfRrResult> {
  const values = new Map<string, string>();
  const wanted = new Set<string>(NETPERF_SELECTORS);
  const walked = eachLine(stdout, 'netperf output', MAX_LINE_CHARS, (line) => {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m && wanted.has(m[1]!)) values.set(m[1]!, m[2]!.trim());
  });
  if (!walked.ok) return walked;
  if (values.size === 0) return { ok: false, reason: oneLine(`netperf printed no KEY=value results (${firstMeaningfulLine(stdout) || 'no output'})`) };
  const out = {} as NetperfRrResult;
  for (const [field, key] of Object.entries(FIELDS) as [keyof NetperfRrResult, string][]) {
    const raw = values.get(key);
    if (raw === undefined) return { ok: false, reason: `netperf ${version} gave no ${key}: ${needs('netperfOmni')}` };
    const n = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(n) || n < 0) return { ok: false, reason: oneLine(`netperf ${version} reported ${key}=${oneLine(raw, 40)}, not a measured figure`) };
    out[field] = n;
  }
  return { ok: true, value: out };
}
