// `netkit-bench gate-power <dir>`: reads the aa-*.json and ab-*.json comparisons that
// scripts/gate-power.sh saved and reports the false-alarm and detection rates.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError, quote } from '../core/errors.ts';
import { fmtChangePct } from '../core/format.ts';
import { COMPARISON_KIND } from './compare.ts';
import { summarizeGatePower, type ChangeSize, type PairOutcome, type Rate } from './power.ts';

const outcomeSchema = z.object({
  kind: z.literal(COMPARISON_KIND),
  exitCode: z.number(),
  rows: z.array(z.object({ scenario: z.string(), workload: z.string(), metric: z.string(), changePct: z.number().nullable(), verdict: z.string(), gated: z.boolean().optional() })),
});

async function readOutcomes(dir: string, prefix: 'aa' | 'ab'): Promise<PairOutcome[]> {
  const names = (await readdir(dir).catch(() => { throw new UsageError(`no such folder ${quote(dir)}`); }))
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.json')).sort();
  const outcomes: PairOutcome[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      throw new UsageError(`${quote(path)} is not valid JSON (${(e as Error).message})`);
    }
    const parsed = outcomeSchema.safeParse(value);
    if (!parsed.success) throw new UsageError(`${quote(path)} is not a saved comparison (${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message})`);
    outcomes.push(parsed.data);
  }
  return outcomes;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : '-');
const rateLine = (label: string, r: Rate, unit: string) => `${label}: ${r.hits} of ${r.pairs} ${unit} = ${pct(r.rate)} (95% CI ${pct(r.ci95[0])}–${pct(r.ci95[1])})`;
const sizeLine = (s: ChangeSize) => `  ${s.metric}: median ${fmtChangePct(s.medianChangePct)} (from ${fmtChangePct(s.minChangePct)} to ${fmtChangePct(s.maxChangePct)}, ${s.rows} rows)`;

export async function runGatePower(dir: string, label: string | undefined, json: boolean, out: (text: string) => void): Promise<number> {
  const [aa, ab] = [await readOutcomes(dir, 'aa'), await readOutcomes(dir, 'ab')];
  if (aa.length === 0 && ab.length === 0) throw new UsageError(`${quote(dir)} holds no aa-*.json or ab-*.json comparison`);
  const s = summarizeGatePower(aa, ab);
  if (json) {
    out(JSON.stringify({ injected: label ?? null, ...s }, null, 2));
    return 0;
  }
  out([
    rateLine('false alarms (A/A pairs that failed the gate)', s.falseAlarms, 'pairs'),
    rateLine('  per row (A/A rows flagged regressed)', s.falseAlarmRows, 'rows'),
    rateLine(`detections (A/B pairs in which a gated throughput/rate/latency metric regressed${label ? `, injected ${label}` : ''})`, s.detections, 'pairs'),
    'size of the injected slowdown (candidate vs baseline median, A/B):', ...s.slowdown.map(sizeLine),
    'noise (the same over A/A):', ...s.noise.map(sizeLine),
  ].join('\n'));
  return 0;
}
