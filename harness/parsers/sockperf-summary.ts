// sockperf's ping-pong report on stdout. sockperf exits 0 even when it could not connect or got
// no reply, so failure is read from the text, not the exit code.
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
}

const ANSI = /\x1b\[[0-9;]*m/g;

function number(text: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function parseSockperfSummary(stdout: string): ParseOutcome<SockperfSummary> {
  const text = stdout.replace(ANSI, '');
  const error = /sockperf: (ERROR: .*|No messages were received.*)/.exec(text);
  if (error) return { ok: false, reason: `sockperf: ${error[1]!.trim()}` };
  const valid = /\[Valid Duration\] RunTime=([\d.]+) sec; SentMessages=(\d+); ReceivedMessages=(\d+)/.exec(text);
  if (!valid) return { ok: false, reason: 'sockperf printed no "[Valid Duration]" line (did the test run?)' };
  return {
    ok: true,
    value: {
      version: /== version #(\S+) ==/.exec(text)?.[1] ?? 'unknown',
      validRunTimeS: Number(valid[1]),
      sentMessages: Number(valid[2]),
      receivedMessages: Number(valid[3]),
      droppedMessages: number(text, /# dropped messages = (\d+)/) ?? 0,
      duplicatedMessages: number(text, /# duplicated messages = (\d+)/) ?? 0,
      outOfOrderMessages: number(text, /# out-of-order messages = (\d+)/) ?? 0,
    },
  };
}
