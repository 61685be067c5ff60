// Reads iperf3's `-J` report of a TCP test: the receiver's goodput and measured seconds, the
// sender's bytes and retransmits. Counts iperf3 reports in two places must agree: each sum's rate
// with its bytes over its seconds, each sum with its streams, and (no --omit) the receiver never
// ahead of the sender.
import { z } from 'zod';
import { loadIperfReport, readSum, type IperfReport } from './iperf-report.ts';
import { firstDisagreement, type Agreement, type ParseOutcome } from './outcome.ts';

export type { ParseOutcome } from './outcome.ts';
export { IPERF3_MIN_VERSION, lacksField, loadIperfReport, type IperfReport } from './iperf-report.ts';

const sum = z.object({ seconds: z.number().positive(), bytes: z.number().nonnegative(), bits_per_second: z.number().nonnegative() });
const sentSum = sum.extend({ retransmits: z.number({ error: 'no retransmits counter (a missing counter is not 0)' }).int().nonnegative() });
const streamSides = z.array(z.object({ sender: z.object({ bytes: z.number(), retransmits: z.number().optional() }), receiver: z.object({ bytes: z.number() }) }));

/** Rates are printed from bytes and seconds to about 15 digits; 0.1% is far above rounding. */
export const RATE_TOLERANCE = 1e-3;

export interface IperfTcpResult {
  /** Goodput seen by the receiver, the figure iperf3 users quote. */
  throughputGbps: number;
  sentGbps: number;
  retransmits: number;
  /** Retransmitted segments x MSS over bytes sent, in percent; NaN when the MSS is unknown. */
  retransmitPct: number;
  durationS: number;
  bytesReceived: number;
  bytesSent: number;
  clientCpuPct: number;
  serverCpuPct: number;
  iperfVersion: string;
}

type Sum = z.infer<typeof sum>;

/** The pairs one TCP report states twice (streams only when iperf3 printed them in the usual shape). */
function agreements(r: IperfReport, sent: Sum & { retransmits: number }, received: Sum): Agreement[] {
  const rate = (what: string, s: Sum): Agreement => ({ what: `${what} bits_per_second vs bytes*8/seconds`, a: s.bits_per_second, b: (s.bytes * 8) / s.seconds, relTol: RATE_TOLERANCE });
  const out = [rate('end.sum_sent', sent), rate('end.sum_received', received)];
  const streams = streamSides.safeParse(r.end.streams);
  const list = streams.success ? streams.data : [];
  if (list.length > 0) {
    const total = (f: (s: (typeof list)[number]) => number) => list.reduce((a, s) => a + f(s), 0);
    out.push({ what: 'end.sum_sent.bytes vs the streams\' sender bytes', a: sent.bytes, b: total((s) => s.sender.bytes) });
    out.push({ what: 'end.sum_received.bytes vs the streams\' receiver bytes', a: received.bytes, b: total((s) => s.receiver.bytes) });
    if (list.every((s) => s.sender.retransmits !== undefined)) out.push({ what: 'end.sum_sent.retransmits vs the streams\'', a: sent.retransmits, b: total((s) => s.sender.retransmits!) });
  }
  // With --omit the two sides time their own omitted second, so only a run without it is compared.
  if (r.start.test_start?.omit === 0 && received.bytes > sent.bytes) out.push({ what: 'bytes received above bytes sent', a: received.bytes, b: sent.bytes });
  return out;
}

export function parseIperfJson(text: string): ParseOutcome<IperfTcpResult> {
  const loaded = loadIperfReport(text);
  if (!loaded.ok) return loaded;
  const r = loaded.value;
  const sent = readSum(r, 'sum_sent', sentSum);
  if (!sent.ok) return sent;
  const received = readSum(r, 'sum_received', sum);
  if (!received.ok) return received;
  const [s, rx] = [sent.value, received.value];
  const disagreement = firstDisagreement('iperf3', agreements(r, s, rx));
  if (disagreement) return disagreement;
  const mss = r.start.tcp_mss_default;
  return {
    ok: true,
    value: {
      throughputGbps: rx.bits_per_second / 1e9, sentGbps: s.bits_per_second / 1e9,
      retransmits: s.retransmits,
      retransmitPct: mss && s.bytes > 0 ? ((s.retransmits * mss) / s.bytes) * 100 : NaN,
      durationS: rx.seconds, bytesReceived: rx.bytes, bytesSent: s.bytes,
      clientCpuPct: r.end.cpu_utilization_percent?.host_total ?? NaN,
      serverCpuPct: r.end.cpu_utilization_percent?.remote_total ?? NaN,
      iperfVersion: r.start.version ?? 'unknown',
    },
  };
}
