// How every exporter (terminal table, CSV notes, Markdown, HTML, chart captions) labels a summary
// row's interval: with the coverage it really has, never a nominal "95%" (harness/results/intervals.ts).
import type { SummaryRow } from '../model/results.ts';

/** "75%", "93.8%", "96.9%"; "coverage unknown" for files written before coverage was recorded. */
export function coverageLabel(coverage: number | null | undefined): string {
  if (typeof coverage !== 'number' || !Number.isFinite(coverage)) return 'coverage unknown';
  const pct = coverage * 100;
  return `${Number(pct.toFixed(pct >= 99.95 ? 2 : 1))}%`;
}

/** "low<sep>high (coverage)" or '-' when there is no interval. */
export function intervalText(low: number | null, high: number | null, coverage: number | null | undefined, fmt: (x: number) => string, sep = '..'): string {
  if (low === null || high === null || low === undefined || high === undefined) return '-';
  return `${fmt(low)}${sep}${fmt(high)} (${coverageLabel(coverage)})`;
}

/** The row's value interval and ratio interval, labelled. */
export function rowIntervals(r: SummaryRow, fmt: (x: number) => string, sep = '..'): { value: string; ratio: string } {
  return { value: intervalText(r.ciLow, r.ciHigh, r.ciCoverage, fmt, sep), ratio: intervalText(r.ratioCiLow, r.ratioCiHigh, r.ratioCiCoverage, fmt, sep) };
}

/** One sentence for a table's notes: what the intervals are and where the method comes from. */
export const INTERVAL_NOTE =
  'interval (coverage): order-statistic interval of the median over repetitions, with its exact binomial coverage ' +
  '(75% at n = 3, 93.75% at n = 5, >= 95% from n = 6; none below n = 3; Conover 1999 §3.2, Hahn & Meeker 1991 §5.2); ' +
  'latency percentiles: over the repetitions\' own percentiles; vs host: the same over the per-repetition ratios';

/** The note for tail percentiles left out, when any row was. */
export const TOO_FEW_NOTE = 'too few samples: a tail percentile is quoted only with at least 10 requests beyond it (p99: 1,000 requests; p99.9: 10,000)';
