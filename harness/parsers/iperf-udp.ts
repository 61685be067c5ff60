// Reads iperf3's `-J` report of a UDP test. The receiver's side (end.sum_received) carries what
// the harness uses: goodput, lost datagrams, jitter. The sender's sum is read only to check the
// receiver against it; absent or odd, it never discards the receiver's figures.
import { z } from 'zod';
import { lacksField, loadIperfReport, readSum } from './iperf-report.ts';
import { RATE_TOLERANCE } from './iperf.ts';
import { firstDisagreement, type Agreement, type ParseOutcome } from './outcome.ts';

const udpSum = z.object({
  seconds: z.number().positive(),
  bytes: z.number().nonnegative(),
  bits_per_second: z.number().nonnegative(),
  jitter_ms: z.number().nonnegative(),
  lost_packets: z.number().int(),
  packets: z.number().int().nonnegative(),
});

export interface IperfUdpResult {
  throughputGbps: number;
  /** The sender's rate; NaN when its sum is absent or unreadable. */
  sentGbps: number;
  lossPct: number;
  lostPackets: number;
  packets: number;
  jitterMs: number;
  /** The receiver's measured seconds. */
  durationS: number;
  bytesReceived: number;
  clientCpuPct: number;
  serverCpuPct: number;
  iperfVersion: string;
}

export function parseIperfUdpJson(text: string): ParseOutcome<IperfUdpResult> {
  const loaded = loadIperfReport(text);
  if (!loaded.ok) return loaded;
  const r = loaded.value;
  if (r.start.test_start?.protocol === 'TCP') return { ok: false, reason: 'iperf3 ran a TCP test, not UDP' };
  if (r.end.sum_received === undefined) return { ok: false, reason: lacksField(r, 'UDP end.sum_received (jitter_ms, lost_packets, packets)', 'iperfUdpReceiverSums') };
  const received = readSum(r, 'sum_received', udpSum);
  if (!received.ok) return received;
  const rx = received.value;
  // iperf3 3.12 with --omit counts the omitted datagrams as lost; its figure then cannot be used.
  if (rx.lost_packets > rx.packets || rx.lost_packets < 0) return { ok: false, reason: `iperf3 reports ${rx.lost_packets} of ${rx.packets} datagrams lost (more than sent: its --omit miscount)`, disagree: true };
  const sent = udpSum.safeParse(r.end.sum_sent);
  const pairs: Agreement[] = [{ what: 'end.sum_received bits_per_second vs bytes*8/seconds', a: rx.bits_per_second, b: (rx.bytes * 8) / rx.seconds, relTol: RATE_TOLERANCE }];
  if (sent.success && r.start.test_start?.omit === 0 && rx.bytes > sent.data.bytes) pairs.push({ what: 'bytes received above bytes sent', a: rx.bytes, b: sent.data.bytes });
  const disagreement = firstDisagreement('iperf3', pairs);
  if (disagreement) return disagreement;
  return {
    ok: true,
    value: {
      throughputGbps: rx.bits_per_second / 1e9,
      sentGbps: sent.success ? sent.data.bits_per_second / 1e9 : NaN,
      lossPct: rx.packets > 0 ? (rx.lost_packets / rx.packets) * 100 : NaN,
      lostPackets: rx.lost_packets, packets: rx.packets, jitterMs: rx.jitter_ms,
      durationS: rx.seconds, bytesReceived: rx.bytes,
      clientCpuPct: r.end.cpu_utilization_percent?.host_total ?? NaN,
      serverCpuPct: r.end.cpu_utilization_percent?.remote_total ?? NaN,
      iperfVersion: r.start.version ?? 'unknown',
    },
  };
}
