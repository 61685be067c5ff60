// How well the gate works, from K A/A comparisons (identical setups: every flag is a false alarm)
// and K A/B comparisons (the candidate carries an injected per-packet cost: every flag is a
// detection). Rates come with Wilson score intervals, which stay sensible at 0 of K and K of K.
import { medianOf } from '../stats/statistics.ts';

/** What gate-power needs from one saved comparison (compare --save). */
export interface PairOutcome {
  exitCode: number;
  rows: { scenario: string; workload: string; metric: string; changePct: number | null; verdict: string; gated?: boolean }[];
}

export interface Rate { pairs: number; hits: number; rate: number; ci95: [number, number] }

export interface ChangeSize { metric: string; rows: number; medianChangePct: number; minChangePct: number; maxChangePct: number }

export interface GatePowerSummary {
  /** A/A pairs in which the gate failed (exit 1): false alarms. */
  falseAlarms: Rate;
  /** A/A rows flagged regressed, out of all A/A rows: the per-test false-positive rate. */
  falseAlarmRows: Rate;
  /** A/B pairs in which a gated, targeted metric regressed: detections. */
  detections: Rate;
  /** How large the injected slowdown actually was, per metric, over all A/B rows. */
  slowdown: ChangeSize[];
  /** The same over A/A rows: the noise the slowdown has to stand out from. */
  noise: ChangeSize[];
}

export function wilsonInterval(hits: number, n: number, z = 1.959964): [number, number] {
  if (n === 0) return [0, 1];
  const p = hits / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function rate(hits: number, pairs: number): Rate {
  return { pairs, hits, rate: pairs ? hits / pairs : NaN, ci95: wilsonInterval(hits, pairs) };
}

function changeSizes(outcomes: readonly PairOutcome[]): ChangeSize[] {
  const byMetric = new Map<string, number[]>();
  for (const row of outcomes.flatMap((o) => o.rows)) {
    if (row.changePct === null || !Number.isFinite(row.changePct)) continue;
    byMetric.set(row.metric, [...(byMetric.get(row.metric) ?? []), row.changePct]);
  }
  return [...byMetric].map(([metric, xs]) => ({ metric, rows: xs.length, medianChangePct: medianOf(xs), minChangePct: Math.min(...xs), maxChangePct: Math.max(...xs) }));
}

/**
 * The metrics an injected per-packet cost on the server wire slows: throughput, transaction and
 * connection rates, and latency. A detection is a regression of one of these (gated rows only;
 * files from before gating count every row), never an alarm elsewhere.
 */
export const TARGETED = new Set(['throughputGbps', 'transactionsPerS', 'connectionsPerS', 'p50Us', 'p90Us', 'p99Us']);

const detected = (o: PairOutcome) => o.rows.some((r) => r.verdict === 'regressed' && r.gated !== false && TARGETED.has(r.metric));

export function summarizeGatePower(aa: readonly PairOutcome[], ab: readonly PairOutcome[]): GatePowerSummary {
  const aaRows = aa.flatMap((o) => o.rows);
  return {
    falseAlarms: rate(aa.filter((o) => o.exitCode === 1).length, aa.length),
    falseAlarmRows: rate(aaRows.filter((r) => r.verdict === 'regressed').length, aaRows.length),
    detections: rate(ab.filter(detected).length, ab.length),
    slowdown: changeSizes(ab),
    noise: changeSizes(aa),
  };
}
