// sockperf's --full-log: a copy of the report, then one CSV line per measured message,
// `packet, txTime(sec), rxTime(sec), latency(usec)`. sockperf's "latency" column is half the
// round trip; the harness reports the round trip itself, from the two timestamps.
import { eachLine } from './lines.ts';
import type { ParseOutcome } from './outcome.ts';
import { OBSERVATIONS_LINE, VALID_LINE, withoutColour } from './sockperf-summary.ts';

export interface SockperfLog {
  /** Round-trip time of every answered message, in log (send) order, microseconds. */
  rttUs: number[];
  /** Messages logged without a reply (rxTime 0). */
  unanswered: number;
  /** Message rows, answered or not: sockperf logs every message of the valid duration. */
  rows: number;
  /** From the first send to the last reply, seconds. */
  spanS: number;
  /** The log's copy of the report: its "[Valid Duration]" figures and observation count, when there. */
  copy?: { validRunTimeS: number; sentMessages: number; receivedMessages: number; observations?: number };
}

const ROW = /^\s*\d+,\s*([\d.]+),\s*([\d.]+),\s*[-\d.]+\s*$/;
/** A row is about 45 characters and the report lines under 200; anything far longer is not this log. */
export const MAX_LOG_LINE_CHARS = 4096;

export function parseSockperfLog(text: string): ParseOutcome<SockperfLog> {
  const rttUs: number[] = [];
  let [unanswered, rows, first, last] = [0, 0, Infinity, -Infinity];
  let copy: SockperfLog['copy'];
  const walked = eachLine(text, 'sockperf full log', MAX_LOG_LINE_CHARS, (line) => {
    const m = ROW.exec(line);
    if (!m) {
      const valid = copy ? null : VALID_LINE.exec(line);
      if (valid) copy = { validRunTimeS: Number(valid[1]), sentMessages: Number(valid[2]), receivedMessages: Number(valid[3]) };
      const total = copy && copy.observations === undefined ? OBSERVATIONS_LINE.exec(withoutColour(line)) : null;
      if (total) copy!.observations = Number(total[1]);
      return;
    }
    rows += 1;
    const [tx, rx] = [Number(m[1]), Number(m[2])];
    if (!(rx > 0) || rx < tx) {
      unanswered += 1;
      return;
    }
    rttUs.push((rx - tx) * 1e6);
    first = Math.min(first, tx);
    last = Math.max(last, rx);
  });
  if (!walked.ok) return walked;
  if (rttUs.length === 0) return { ok: false, reason: `sockperf full log has no answered messages${unanswered ? ` (${unanswered} unanswered)` : ''}` };
  return { ok: true, value: { rttUs, unanswered, rows, spanS: last - first, ...(copy ? { copy } : {}) } };
}
