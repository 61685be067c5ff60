// sockperf's ping-pong report on stdout. sockperf exits 0 even when it could not connect or got
// no reply, so failure is read from the text too. Every summary line the harness reads must be
// there: a report cut short (sockperf killed mid-summary) is an error naming the missing lines,
// never 0 dropped messages.
import { oneLine } from '../core/one-line.ts';
import type { ParseOutcome } from './outcome.ts';

export interface SockperfSummary {
  version: string;
  /** The measured part of the run: sockperf drops its first 400 ms (warmup) and last 50 ms. */
  validRunTimeS: number;
  sentMessages: number;
  receivedMessages: number;
  droppedMessages: number;
  duplicatedMessages: number;
  outOfOrderMessages: number;
  /** "Total N observations": the round trips its percentiles are taken from. */
  observations: number;
}

const ANSI = /\x1b\[[0-9;]*m/g;
/** The lines read, as sockperf 3.7 prints them (client.cpp client_statistics), and how a reason names each. */
export const VALID_LINE = /\[Valid Duration\] RunTime=([\d.]+) sec; SentMessages=(\d+); ReceivedMessages=(\d+)/;
const COUNTERS_LINE = /# dropped messages = (\d+); # duplicated messages = (\d+); # out-of-order messages = (\d+)/;
export const OBSERVATIONS_LINE = /Total (\d+) observations/;
const NAMES = ['"[Valid Duration] RunTime=…"', '"# dropped messages = …; # duplicated messages = …; # out-of-order messages = …"', '"Total N observations"'];

/** `stdout` without its colour codes (sockperf colours the counters red when any is non-zero). */
export const withoutColour = (text: string) => text.replace(ANSI, '');

export function parseSockperfSummary(stdout: string): ParseOutcome<SockperfSummary> {
  const text = withoutColour(stdout);
  const error = /sockperf: (ERROR: .*|No messages were received.*|No valid observations.*)/.exec(text);
  if (error) return { ok: false, reason: oneLine(`sockperf: ${error[1]!}`) };
  const [valid, counters, observations] = [VALID_LINE, COUNTERS_LINE, OBSERVATIONS_LINE].map((re) => re.exec(text));
  const missing = NAMES.filter((_, i) => ![valid, counters, observations][i]);
  if (missing.length > 0) return { ok: false, reason: `sockperf's summary lacks ${missing.join(' and ')} (the report was cut short)` };
  return {
    ok: true,
    value: {
      version: /== version #(\S+) ==/.exec(text)?.[1] ?? 'unknown',
      validRunTimeS: Number(valid![1]),
      sentMessages: Number(valid![2]),
      receivedMessages: Number(valid![3]),
      droppedMessages: Number(counters![1]),
      duplicatedMessages: Number(counters![2]),
      outOfOrderMessages: Number(counters![3]),
      observations: Number(observations![1]),
    },
  };
}
