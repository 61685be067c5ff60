// Flags of report, compare and history, checked once with errors that quote the bad value.
import { UsageError, quote } from '../core/errors.ts';
import { BPF_NS_PER_PACKET, METRICS } from '../core/metrics.ts';
import type { MetricSelection } from './compare.ts';

export function parseThresholdPct(value: string): number {
  const n = Number(value.replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 1000) throw new UsageError(`--threshold ${quote(value)} must be a percentage from 0 to 1000`);
  return n;
}

/**
 * The gate's error rate: in (0, 0.5). The change's interval has level 1 - 2 alpha (the two
 * one-sided tests of "unchanged"), so from 0.5 on its ends would cross and "unchanged" would hold
 * for any change.
 */
export function parseAlpha(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n > 0 && n < 0.5)) throw new UsageError(`--alpha ${quote(value)} must be a number above 0 and below 0.5 (the change's interval has level 1 - 2 alpha)`);
  return n;
}

/** --metric a,b and --metric a --metric b both work. A name must be a known metric or appear in a run. */
export function collectMetrics(value: string, previous: string[] = []): string[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--metric ${quote(value)} names no metric`);
  return [...new Set([...previous, ...names])];
}

/** No --metric: the headline metrics; `all` or `headline` among the names: that set. */
export function metricSelection(names: readonly string[] | undefined): MetricSelection {
  if (names === undefined || names.includes('headline')) return 'headline';
  return names.includes('all') ? 'all' : names;
}

export function checkMetricsKnown(metrics: MetricSelection, seen: ReadonlySet<string>): void {
  if (typeof metrics === 'string') return;
  for (const m of metrics) {
    if (!(m in METRICS) && !m.startsWith(BPF_NS_PER_PACKET) && !seen.has(m)) throw new UsageError(`unknown metric ${quote(m)} (known: all, headline, ${[...new Set([...Object.keys(METRICS), ...seen])].join(', ')})`);
  }
}
