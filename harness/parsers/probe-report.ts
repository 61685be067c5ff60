// The built-in probe's JSON report (harness/probe/client.ts).
import { z } from 'zod';
import { oneLine } from '../core/one-line.ts';
import { firstDisagreement, type ParseOutcome } from './outcome.ts';

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

/** The report is the last line of the probe's output (taken without splitting the whole text). */
function lastLine(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.slice(trimmed.lastIndexOf('\n') + 1);
}

export function parseProbeReport(text: string): ParseOutcome<ProbeReport> {
  let raw: unknown;
  try {
    raw = JSON.parse(lastLine(text));
  } catch {
    return { ok: false, reason: oneLine(`probe output is not JSON: ${oneLine(text, 160) || '(empty)'}`) };
  }
  const parsed = report.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: oneLine(`probe report has an unexpected shape: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`) };
  if (!parsed.data.ok) return { ok: false, reason: oneLine(`probe: ${parsed.data.error}`) };
  if (parsed.data.transactions === 0) return { ok: false, reason: 'probe completed no transaction' };
  // One sample per transaction (probe/client.ts): the rate and the percentiles come from the same requests.
  const disagreement = firstDisagreement('probe', [{ what: 'transactions vs latency samples', a: parsed.data.transactions, b: parsed.data.samplesUs.length }]);
  return disagreement ?? { ok: true, value: parsed.data };
}
