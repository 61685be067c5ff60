// Reads iperf3's `-J` report. Only the fields the harness uses are validated; anything else in
// the report is ignored, so newer iperf3 versions that add fields still parse.
import { z } from 'zod';

const sum = z.object({
  seconds: z.number(),
  bytes: z.number(),
  bits_per_second: z.number(),
  retransmits: z.number().optional(),
});

const report = z.object({
  start: z.object({ version: z.string().optional(), system_info: z.string().optional() }).passthrough(),
  end: z
    .object({
      sum_sent: sum.optional(),
      sum_received: sum.optional(),
      cpu_utilization_percent: z.object({ host_total: z.number(), remote_total: z.number() }).passthrough().optional(),
    })
    .passthrough(),
  error: z.string().optional(),
});

export interface IperfTcpResult {
  /** Goodput seen by the receiver, the figure iperf3 users quote. */
  throughputGbps: number;
  sentGbps: number;
  retransmits: number;
  durationS: number;
  bytesReceived: number;
  clientCpuPct: number;
  serverCpuPct: number;
  iperfVersion: string;
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseIperfJson(text: string): ParseOutcome<IperfTcpResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `iperf3 output is not JSON (${(err as Error).message})` };
  }
  const parsed = report.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `iperf3 JSON has an unexpected shape: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` };
  const r = parsed.data;
  if (r.error) return { ok: false, reason: `iperf3: ${r.error}` };
  const { sum_sent: sent, sum_received: received } = r.end;
  if (!sent || !received) return { ok: false, reason: 'iperf3 JSON has no end.sum_sent/sum_received' };
  return {
    ok: true,
    value: {
      throughputGbps: received.bits_per_second / 1e9,
      sentGbps: sent.bits_per_second / 1e9,
      retransmits: sent.retransmits ?? 0,
      durationS: received.seconds,
      bytesReceived: received.bytes,
      clientCpuPct: r.end.cpu_utilization_percent?.host_total ?? NaN,
      serverCpuPct: r.end.cpu_utilization_percent?.remote_total ?? NaN,
      iperfVersion: r.start.version ?? 'unknown',
    },
  };
}
