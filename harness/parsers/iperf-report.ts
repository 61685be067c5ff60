// iperf3's `-J` report: the parts both the TCP and the UDP parser read. Only fields the harness
// uses are validated; a field it does not use (CPU, MSS, version, protocol, omit) that is absent
// or of another type is read as unknown and never discards the figures.
import { z } from 'zod';
import { oneLine } from '../core/one-line.ts';
import { needs, TOOL_REQUIREMENTS, type RequirementId } from '../core/tool-requirements.ts';
import { singleJsonObject } from './json-objects.ts';
import type { ParseOutcome } from './outcome.ts';

const loose = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);

const report = z.object({
  start: z.object({
    version: loose(z.string()),
    tcp_mss_default: loose(z.number()),
    test_start: loose(z.object({ protocol: loose(z.string()), omit: loose(z.number()) })),
  }),
  end: z.object({
    sum_sent: z.unknown().optional(),
    sum_received: z.unknown().optional(),
    streams: z.unknown().optional(),
    cpu_utilization_percent: loose(z.object({ host_total: loose(z.number()), remote_total: loose(z.number()) })),
  }).optional(),
  error: loose(z.string()),
});

type Loaded = z.infer<typeof report>;
export type IperfReport = Loaded & { end: NonNullable<Loaded['end']> };

/**
 * iperf3 3.0.3 (2014) added the end summaries (end.sum_sent, end.sum_received) for a single
 * stream; an older iperf3 lacks them. Its report is then named with the version needed (from the
 * requirements table, core/tool-requirements.ts), not called malformed.
 */
export const IPERF3_MIN_VERSION = TOOL_REQUIREMENTS.iperfEndSums.min;

/** The reason for a summary that is absent altogether (what an older iperf3 prints); a malformed one is named as such (readSum). */
export function lacksField(r: IperfReport, field: string, requirement: RequirementId = 'iperfEndSums'): string {
  return `${r.start.version ?? 'this iperf3'} reports no ${field}: ${needs(requirement)}`;
}

/** The report as JSON of the expected shape, or why not (including iperf3's own error). */
export function loadIperfReport(text: string): ParseOutcome<IperfReport> {
  const raw = singleJsonObject(text, 'iperf3');
  if (!raw.ok) return raw;
  const parsed = report.safeParse(raw.value);
  if (!parsed.success) return { ok: false, reason: `iperf3 JSON has an unexpected shape: ${issueText(parsed.error)}` };
  const { error, end } = parsed.data;
  if (error) return { ok: false, reason: `iperf3: ${oneLine(error)}` };
  if (!end) return { ok: false, reason: 'iperf3 JSON has no "end" section: the test did not finish' };
  return { ok: true, value: { ...parsed.data, end } };
}

/** A used summary (`end.sum_received`) read with `schema`: absent, malformed (its field and value named), or the value. */
export function readSum<T>(r: IperfReport, field: 'sum_sent' | 'sum_received', schema: z.ZodType<T>): ParseOutcome<T> {
  const raw = r.end[field];
  if (raw === undefined) return { ok: false, reason: lacksField(r, `end.${field}`) };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reason: `iperf3 ${issueText(parsed.error, raw, `end.${field}`)}` };
}

/** `end.sum_sent.bytes is "12": <zod's message>`: the first issue, where it is and the value found there, bounded. */
function issueText(error: z.ZodError, root?: unknown, at = ''): string {
  const issue = error.issues[0];
  const path = issue?.path.map(String) ?? [];
  let value: unknown = root;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  const where = [at, ...path].filter(Boolean).join('.') || 'the report';
  const found = root === undefined ? '' : ` is ${shortValue(value)}`;
  return oneLine(`${where}${found}: ${issue?.message ?? 'invalid'}`);
}

/** A value for a reason: primitives shown (cut), objects and arrays by kind (never serialised: they may nest a million deep). */
function shortValue(v: unknown): string {
  if (v === undefined) return 'absent';
  if (v === null || typeof v !== 'object') return oneLine(JSON.stringify(typeof v === 'string' ? v.slice(0, 40) : v) ?? String(v), 40);
  return Array.isArray(v) ? 'an array' : 'an object';
}
