// The built-in probe's JSON report (harness/probe/client.ts).
import { z } from 'zod';
import type { ParseOutcome } from './outcome.ts';

const report = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(false), error: z.string() }),
  z.object({
    ok: z.literal(true),
    mode: z.enum(['rr', 'crr']),
    transactions: z.number().int().nonnegative(),
    elapsedS: z.number().positive(),
    samplesUs: z.array(z.number()),
    procStat: z.object({ before: z.string(), after: z.string() }),
  }),
]);

export type ProbeReport = Extract<z.infer<typeof report>, { ok: true }>;

export function parseProbeReport(text: string): ParseOutcome<ProbeReport> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.trim().split('\n').pop() ?? '');
  } catch {
    return { ok: false, reason: `probe output is not JSON: ${text.trim().slice(0, 200) || '(empty)'}` };
  }
  const parsed = report.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `probe report has an unexpected shape: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` };
  if (!parsed.data.ok) return { ok: false, reason: `probe: ${parsed.data.error}` };
  if (parsed.data.transactions === 0) return { ok: false, reason: 'probe completed no transaction' };
  return { ok: true, value: parsed.data };
}
