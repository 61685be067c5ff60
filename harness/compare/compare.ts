// The comparison record: every scenario x workload x selected metric both sides measured, each
// with its verdict, plus what differs between the two sides. Renderers (text, Markdown, JSON, the
// HTML report's gate section) and gate-power read only this.
import { SCENARIOS } from '../../scenarios/index.ts';
import { metricInfo, metricOrder } from '../metrics.ts';
import type { Environment } from '../results/schema.ts';
import { describeDimension, environmentDifferences, identityDifferences, optionDifferences, type EnvironmentDifference, type VaryDimension } from './environment-check.ts';
import { MANN_WHITNEY } from './mann-whitney.ts';
import { sampleKey, type MetricSamples } from './samples.ts';
import { EXACT_LIMIT } from './u-distribution.ts';
import { compareSamples, type GateSettings, type SampleComparison, type Verdict } from './verdict.ts';

export const COMPARISON_KIND = 'netkit-bench.comparison';

/** One side of a comparison: a run, or the pooled last N runs of the history. */
export interface RunSide {
  label: string;
  runIds: string[];
  environment: Environment;
  options: Record<string, unknown>;
  samples: MetricSamples[];
}

export interface ComparisonRow extends SampleComparison {
  scenario: string;
  workload: string;
  metric: string;
  unit: string;
  better: 'higher' | 'lower';
}

/** Which metrics a comparison covers: the headline ones of metrics.ts (default), all, or a list. */
export type MetricSelection = 'headline' | 'all' | readonly string[];

export interface ComparisonReport {
  kind: typeof COMPARISON_KIND;
  metrics: MetricSelection;
  test: { name: typeof MANN_WHITNEY; sides: 'two-sided'; alpha: number; thresholdPct: number; exactUpToValues: number };
  baseline: { label: string; runIds: string[] };
  candidate: { label: string; runIds: string[] };
  differences: EnvironmentDifference[];
  /** What differs on purpose (--vary), each side named: "kernel 6.12.117+deb12-amd64 (config ...) -> 6.13.0 (config ...)". */
  underTest: { dimension: VaryDimension; baseline: string; candidate: string }[];
  rows: ComparisonRow[];
  /** Rows only one side has (another workload or scenario): listed by count, not compared. */
  unmatched: { baselineOnly: number; candidateOnly: number };
  counts: Record<Verdict, number>;
  /** 1 when anything regressed, else 0: the gate. */
  exitCode: 0 | 1;
}

export function compareSides(baseline: RunSide, candidate: RunSide, gate: GateSettings, metrics: MetricSelection = 'headline', vary: readonly VaryDimension[] = []): ComparisonReport {
  const wanted = (m: string) => (metrics === 'all' ? true : metrics === 'headline' ? metricInfo(m).headline === true : metrics.includes(m));
  const base = new Map(baseline.samples.filter((s) => wanted(s.metric)).map((s) => [sampleKey(s), s]));
  const cand = new Map(candidate.samples.filter((s) => wanted(s.metric)).map((s) => [sampleKey(s), s]));
  // With no baseline at all (an empty history) every candidate row is shown, as inconclusive.
  const keys = baseline.runIds.length === 0 ? [...cand.keys()] : [...cand.keys()].filter((k) => base.has(k));
  const rows: ComparisonRow[] = keys
    .map((k) => {
      const s = cand.get(k)!;
      const better = metricInfo(s.metric).better;
      const result = compareSamples(base.get(k)?.values ?? [], s.values, better, gate);
      return { scenario: s.scenario, workload: s.workload, metric: s.metric, unit: metricInfo(s.metric).unit, better, ...result };
    })
    .sort(byDisplayOrder(candidate.samples));
  const unmatched = { baselineOnly: [...base.keys()].filter((k) => !cand.has(k)).length, candidateOnly: cand.size - keys.length };
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const counts: Record<Verdict, number> = { improved: 0, regressed: 0, unchanged: 0, inconclusive: 0 };
  for (const r of rows) counts[r.verdict] += 1;
  return {
    kind: COMPARISON_KIND,
    test: { name: MANN_WHITNEY, sides: 'two-sided', alpha: gate.alpha, thresholdPct: gate.thresholdPct, exactUpToValues: EXACT_LIMIT },
    baseline: { label: baseline.label, runIds: baseline.runIds },
    candidate: { label: candidate.label, runIds: candidate.runIds },
    metrics,
    differences: [...environmentDifferences(baseline.environment, candidate.environment, scenarios, vary), ...identityDifferences(baseline.options, candidate.options), ...optionDifferences(baseline.options, candidate.options)],
    underTest: vary.map((dimension) => ({ dimension, baseline: describeDimension(baseline.environment, dimension), candidate: describeDimension(candidate.environment, dimension) })),
    rows,
    unmatched,
    counts,
    exitCode: counts.regressed > 0 ? 1 : 0,
  };
}

/** Scenarios in the registry's order (host first), then workloads as the candidate ran them, then metrics' own order. */
function byDisplayOrder(candidate: readonly MetricSamples[]) {
  const workloads = [...new Set(candidate.map((s) => s.workload))];
  const scenarioRank = (name: string) => {
    const i = SCENARIOS.findIndex((s) => s.name === name);
    return i < 0 ? SCENARIOS.length : i;
  };
  return (a: ComparisonRow, b: ComparisonRow) =>
    scenarioRank(a.scenario) - scenarioRank(b.scenario) || workloads.indexOf(a.workload) - workloads.indexOf(b.workload) || metricOrder(a.metric) - metricOrder(b.metric);
}
