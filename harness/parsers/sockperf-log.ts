// sockperf's --full-log: a copy of the report, then one CSV line per measured message,
// `packet, txTime(sec), rxTime(sec), latency(usec)`. sockperf's "latency" column is half the
// round trip; the harness reports the round trip itself, from the two timestamps.
import type { ParseOutcome } from './outcome.ts';

export interface SockperfLog {
  /** Round-trip time of every answered message, in log (send) order, microseconds. */
  rttUs: number[];
  /** Messages logged without a reply (rxTime 0). */
  unanswered: number;
  /** From the first send to the last reply, seconds. */
  spanS: number;
}

const ROW = /^\s*\d+,\s*([\d.]+),\s*([\d.]+),\s*[-\d.]+\s*$/;

export function parseSockperfLog(text: string): ParseOutcome<SockperfLog> {
  const rttUs: number[] = [];
  let unanswered = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const line of text.split('\n')) {
    const m = ROW.exec(line);
    if (!m) continue;
    const tx = Number(m[1]);
    const rx = Number(m[2]);
    if (!(rx > 0) || rx < tx) {
      unanswered += 1;
      continue;
    }
    rttUs.push((rx - tx) * 1e6);
    first = Math.min(first, tx);
    last = Math.max(last, rx);
  }
  if (rttUs.length === 0) return { ok: false, reason: `sockperf full log has no answered messages${unanswered ? ` (${unanswered} unanswered)` : ''}` };
  return { ok: true, value: { rttUs, unanswered, spanS: last - first } };
}
