// Reads iperf3's `-J` report of a TCP test. Only the fields the harness uses are validated;
// anything else in the report is ignored, so newer iperf3 versions that add fields still parse.
import { z } from 'zod';
import { singleJsonObject } from './json-objects.ts';
import type { ParseOutcome } from './outcome.ts';
import { needs, TOOL_REQUIREMENTS, type RequirementId } from '../core/tool-requirements.ts';

export type { ParseOutcome } from './outcome.ts';

const sum = z.object({
  seconds: z.number(),
  bytes: z.number(),
  bits_per_second: z.number(),
  retransmits: z.number().optional(),
}).passthrough(); // UDP reports add jitter and loss here (iperf-udp.ts)

const report = z.object({
  start: z.object({ version: z.string().optional(), tcp_mss_default: z.number().optional(), test_start: z.object({ protocol: z.string().optional() }).passthrough().optional() }).passthrough(),
  end: z
    .object({
      sum_sent: sum.optional(),
      sum_received: sum.optional(),
      cpu_utilization_percent: z.object({ host_total: z.number(), remote_total: z.number() }).passthrough().optional(),
    })
    .passthrough(),
  error: z.string().optional(),
});

export type IperfReport = z.infer<typeof report>;

/**
 * iperf3 3.0.3 (2014) added the end summaries (end.sum_sent, end.sum_received) for a single
 * stream; an older iperf3 lacks them. Its report is then named with the version needed (from the
 * requirements table, core/tool-requirements.ts), not called malformed.
 */
export const IPERF3_MIN_VERSION = TOOL_REQUIREMENTS.iperfEndSums.min;

export function lacksField(r: IperfReport, field: string, requirement: RequirementId = 'iperfEndSums'): string {
  return `${r.start.version ?? 'this iperf3'} reports no ${field}: ${needs(requirement)}`;
}

/** The report as JSON of the expected shape, or why not (including iperf3's own error). */
export function loadIperfReport(text: string): ParseOutcome<IperfReport> {
  const raw = singleJsonObject(text, 'iperf3');
  if (!raw.ok) return raw;
  const parsed = report.safeParse(raw.value);
  if (!parsed.success) return { ok: false, reason: `iperf3 JSON has an unexpected shape: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` };
  if (parsed.data.error) return { ok: false, reason: `iperf3: ${parsed.data.error}` };
  return { ok: true, value: parsed.data };
}

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

export function parseIperfJson(text: string): ParseOutcome<IperfTcpResult> {
  const loaded = loadIperfReport(text);
  if (!loaded.ok) return loaded;
  const r = loaded.value;
  const { sum_sent: sent, sum_received: received } = r.end;
  if (!sent || !received) return { ok: false, reason: lacksField(r, 'end.sum_sent/sum_received') };
  const retransmits = sent.retransmits ?? 0;
  const mss = r.start.tcp_mss_default;
  return {
    ok: true,
    value: {
      throughputGbps: received.bits_per_second / 1e9,
      sentGbps: sent.bits_per_second / 1e9,
      retransmits,
      retransmitPct: mss && sent.bytes > 0 ? ((retransmits * mss) / sent.bytes) * 100 : NaN,
      durationS: received.seconds,
      bytesReceived: received.bytes,
      bytesSent: sent.bytes,
      clientCpuPct: r.end.cpu_utilization_percent?.host_total ?? NaN,
      serverCpuPct: r.end.cpu_utilization_percent?.remote_total ?? NaN,
      iperfVersion: r.start.version ?? 'unknown',
    },
  };
}
