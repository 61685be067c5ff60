// Reads iperf3's `-J` report of a UDP test. The receiver's side (end.sum_received) carries what
// matters: goodput, lost datagrams and jitter.
import { z } from 'zod';
import { lacksField, loadIperfReport } from './iperf.ts';
import type { ParseOutcome } from './outcome.ts';

const udpSum = z.object({
  seconds: z.number(),
  bytes: z.number(),
  bits_per_second: z.number(),
  jitter_ms: z.number(),
  lost_packets: z.number(),
  packets: z.number(),
});

export interface IperfUdpResult {
  throughputGbps: number;
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
  const sent = udpSum.safeParse(r.end.sum_sent);
  const received = udpSum.safeParse(r.end.sum_received);
  if (!sent.success || !received.success) {
    if (r.start.test_start?.protocol === 'TCP') return { ok: false, reason: 'iperf3 ran a TCP test, not UDP' };
    return { ok: false, reason: lacksField(r, 'UDP end.sum_sent/sum_received (jitter_ms, lost_packets, packets)', 'iperfUdpReceiverSums') };
  }
  const rx = received.data;
  // iperf3 3.12 with --omit counts the omitted datagrams as lost; its figure then cannot be used.
  if (rx.lost_packets > rx.packets || rx.lost_packets < 0) return { ok: false, reason: `iperf3 reports ${rx.lost_packets} of ${rx.packets} datagrams lost (more than sent: its --omit miscount)` };
  return {
    ok: true,
    value: {
      throughputGbps: rx.bits_per_second / 1e9,
      sentGbps: sent.data.bits_per_second / 1e9,
      lossPct: rx.packets > 0 ? (rx.lost_packets / rx.packets) * 100 : NaN,
      lostPackets: rx.lost_packets,
      packets: rx.packets,
      jitterMs: rx.jitter_ms,
      durationS: rx.seconds,
      bytesReceived: rx.bytes,
      clientCpuPct: r.end.cpu_utilization_percent?.host_total ?? NaN,
      serverCpuPct: r.end.cpu_utilization_percent?.remote_total ?? NaN,
      iperfVersion: r.start.version ?? 'unknown',
    },
  };
}
