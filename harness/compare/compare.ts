// The comparison record: every scenario x workload x selected metric both sides measured, each
// with its change test, raw and family-adjusted p-value, and verdict, plus what differs between
// the sides. The design follows the sides' unit of variation (change-test.ts): two runs ->
// independent repetitions; history -> the candidate run against N run-level values; one
// interleaved run -> repetitions paired. Only gated rows (primary.ts, or an explicit --metric list)
// form the family that Holm/BH adjust and that sets the exit code. Renderers (text, Markdown,
// JSON, the HTML report's gate section) and gate-power read only this record.
import { SCENARIOS } from '../../scenarios/index.ts';
import { metricInfo, metricOrder } from '../core/metrics.ts';
import type { Environment } from '../model/results.ts';
import { independentChange, pairedChange, predictionChange, type ChangeTest, type Design } from '../stats/change-test.ts';
import { adjustPValues } from '../stats/multiplicity.ts';
import { describeDimension, runDifferences, type EnvironmentDifference } from './environment-check.ts';
import type { VaryDimension } from '../results/identity.ts';
import { floorOf } from '../results/floors.ts';
import { isPrimary, isTailPercentile } from './primary.ts';
import { sampleKey, type MetricSamples } from '../results/samples.ts';
import { medianOf } from '../stats/statistics.ts';
import { judge, percentChange, type GateSettings, type Verdict } from './verdict.ts';
import { pointKey, pointOf } from '../core/point.ts';
import { scenarioKey } from '../scenario/facts.ts';
import type { Point } from '../model/point.ts';

export const COMPARISON_KIND = 'netkit-bench.comparison';

/** One side of a comparison: a run (unit: repetition), or the last N runs of the history (unit: run). */
export interface RunSide {
  label: string;
  runIds: string[];
  environment: Environment;
  options: Record<string, unknown>;
  samples: MetricSamples[];
  unit: 'repetition' | 'run';
  complete: boolean;
}

export interface ComparisonRow {
  scenario: string;
  workload: string;
  /** The point both sides' rows share (rows pair by it: results/samples.ts sampleKey); absent in older comparison files. */
  point?: Point;
  metric: string;
  unit: string;
  better: 'higher' | 'lower';
  /** Values per side: repetitions, or run-level values for a history baseline. */
  baselineN: number;
  candidateN: number;
  baselineMedian: number;
  candidateMedian: number;
  /** Change of the medians in percent of the baseline's; NaN (null in JSON) from a baseline within the floor. */
  changePct: number;
  /** Candidate median - baseline median, in the metric's unit. */
  changeAbs: number;
  test: ChangeTest;
  /** Raw two-sided p of the change test. */
  pValue: number;
  /** p adjusted (Holm or BH) within its family: the gated rows, or the reported rows that do not gate. */
  pAdjusted: number;
  /** Does this row take part in the gate (family and exit code)? */
  gated: boolean;
  verdict: Verdict;
  why: string;
}

/** Which metrics a comparison covers: the headline ones of metrics.ts (default), all, or a list. */
export type MetricSelection = 'headline' | 'all' | readonly string[];

export interface ComparisonReport {
  kind: typeof COMPARISON_KIND;
  metrics: MetricSelection;
  test: { design: Design; unit: 'repetition' | 'run'; alpha: number; adjust: GateSettings['adjust']; thresholdPct: number; familySize: number; tostLevel: number };
  baseline: { label: string; runIds: string[] };
  candidate: { label: string; runIds: string[] };
  differences: EnvironmentDifference[];
  /** What differs on purpose (--vary), each side named: "kernel 6.12.117+deb12-amd64 (config ...) -> 6.13.0 (config ...)". */
  underTest: { dimension: VaryDimension; baseline: string; candidate: string }[];
  /** What the comparison leaves out or cannot conclude, one line each. */
  notes: string[];
  rows: ComparisonRow[];
  /** Rows only one side has (another workload or scenario): listed by count, not compared. */
  unmatched: { baselineOnly: number; candidateOnly: number };
  counts: Record<Verdict, number>;
  /** 1 when a gated row regressed, else 0: the gate. */
  exitCode: 0 | 1;
}

function changeTest(design: Design, base: MetricSamples | undefined, cand: MetricSamples, alpha: number): ChangeTest {
  const b = base?.values ?? [];
  if (design === 'prediction') return predictionChange(b, medianOf(cand.values), alpha);
  if (design === 'independent') return independentChange(b, cand.values, alpha);
  const byRep = new Map((base?.repetitions ?? []).map((r, i) => [r, b[i]!]));
  const pairs = (cand.repetitions ?? []).flatMap((r, i) => (byRep.has(r) ? [[byRep.get(r)!, cand.values[i]!] as const] : []));
  return pairedChange(pairs, alpha);
}

export function compareSides(baseline: RunSide, candidate: RunSide, gate: GateSettings, metrics: MetricSelection = 'headline', design?: Design, vary: readonly VaryDimension[] = []): ComparisonReport {
  const d: Design = design ?? (baseline.unit === 'run' ? 'prediction' : 'independent');
  const wanted = (m: string) => (metrics === 'all' ? true : metrics === 'headline' ? metricInfo(m).headline === true : metrics.includes(m));
  // Two single runs on the instruction clock: a tail percentile moves between boots by several
  // percent while one boot's repetitions agree within 1-3 µs (docs/sweeps.md#p99-between-boots), so
  // those repetitions would judge it far too sure. Reported then, gated only when named (--metric).
  const bootBound = d === 'independent' && onInstructionClock(baseline) && onInstructionClock(candidate);
  const gates = (s: MetricSamples) => (typeof metrics === 'string' ? isPrimary(s.workload, s.metric) && !(bootBound && isTailPercentile(s.metric)) : metrics.includes(s.metric));
  const base = new Map(baseline.samples.filter((s) => wanted(s.metric)).map((s) => [sampleKey(s), s]));
  const cand = new Map(candidate.samples.filter((s) => wanted(s.metric)).map((s) => [sampleKey(s), s]));
  // With no baseline at all (an empty history) every candidate row is shown, as inconclusive.
  const keys = baseline.runIds.length === 0 ? [...cand.keys()] : [...cand.keys()].filter((k) => base.has(k));
  const partial = keys.map((k) => {
    const s = cand.get(k)!;
    const b = base.get(k);
    const test = changeTest(d, b, s, gate.alpha);
    const [bm, cm] = [medianOf(b?.values ?? []), medianOf(s.values)];
    return { s, test, bm, cm, gated: gates(s) };
  });
  // Two families, each adjusted on its own: the gated rows (the exit code) and the reported rest,
  // so a "regressed" on a reported row carries the same error control but never fails the gate.
  const pAdj = new Map<number, number>();
  for (const inFamily of [true, false]) {
    const idx = partial.flatMap((p, i) => (p.gated === inFamily ? [i] : []));
    const adjusted = adjustPValues(idx.map((i) => partial[i]!.test.pValue), gate.adjust);
    idx.forEach((i, j) => pAdj.set(i, adjusted[j]!));
  }
  const familySize = partial.filter((p) => p.gated && Number.isFinite(p.test.pValue)).length;
  const rows: ComparisonRow[] = partial
    .map(({ s, test, bm, cm, gated }, i) => {
      const info = metricInfo(s.metric);
      const pAdjusted = pAdj.get(i) ?? test.pValue;
      const floor = floorOf(s.metric);
      const j = judge(test, pAdjusted, info.better, bm, floor, gate);
      const tooFew = s.tooFewSamples ? `; ${s.tooFewSamples} repetition(s) left out: too few samples beyond the percentile` : '';
      return {
        scenario: s.scenario, workload: s.workload, point: s.point, metric: s.metric, unit: info.unit, better: info.better,
        baselineN: base.get(sampleKey(s))?.values.length ?? 0, candidateN: s.values.length, baselineMedian: bm, candidateMedian: cm,
        changePct: percentChange(bm, cm, floor), changeAbs: cm - bm, test, pValue: test.pValue, pAdjusted, gated, verdict: j.verdict, why: `${j.why}${tooFew}`,
      };
    })
    .sort(byDisplayOrder(candidate.samples));
  const unmatched = { baselineOnly: [...base.keys()].filter((k) => !cand.has(k)).length, candidateOnly: cand.size - keys.length };
  const scenarios = [...new Set(rows.map((r) => scenarioKey(r.scenario, pointOf(r).topology)))];
  const counts: Record<Verdict, number> = { improved: 0, regressed: 0, unchanged: 0, inconclusive: 0 };
  for (const r of rows) counts[r.verdict] += 1;
  const differences = baseline.runIds.length === 0 ? [] : runDifferences(baseline, candidate, scenarios, vary);
  return {
    kind: COMPARISON_KIND,
    test: { design: d, unit: baseline.unit, alpha: gate.alpha, adjust: gate.adjust, thresholdPct: gate.thresholdPct, familySize, tostLevel: 1 - 2 * gate.alpha },
    baseline: { label: baseline.label, runIds: baseline.runIds },
    candidate: { label: candidate.label, runIds: candidate.runIds },
    metrics,
    differences,
    underTest: vary.map((dimension) => ({ dimension, baseline: describeDimension(baseline.environment, dimension), candidate: describeDimension(candidate.environment, dimension) })),
    notes: [...designNotes(d, baseline, candidate), ...(bootBound && rows.some((r) => !r.gated && isPrimary(r.workload, r.metric) && isTailPercentile(r.metric)) ? [TAIL_NOT_GATED] : [])],
    rows,
    unmatched,
    counts,
    exitCode: rows.some((r) => r.gated && r.verdict === 'regressed') ? 1 : 0,
  };
}

const onInstructionClock = (side: RunSide) => side.environment.clock?.kind === 'instructions';

const TAIL_NOT_GATED = 'instruction clock: p99 is reported, not gated, between two single runs: it moves by several percent between boots, which repetitions inside one boot do not show (docs/sweeps.md#p99-between-boots); --against-history judges it with the run as the unit, and --metric p99Us gates it here anyway';

/** What each design can and cannot conclude, said in the report. */
function designNotes(d: Design, baseline: RunSide, candidate: RunSide): string[] {
  const notes: string[] = [];
  if (d === 'independent') {
    notes.push('two single runs: repetitions are the unit, so a verdict speaks for these two runs; night-to-night variation (boot, placement, neighbours) is not in it. Use --against-history for a nightly gate, or an interleaved run for a change that can be swapped at run time.');
  }
  if (d === 'prediction') notes.push(`the run is the unit: the candidate's median against ${baseline.runIds.length} earlier run median(s) (prediction interval, t with n-1 df); fewer than 2 runs give no verdict`);
  if (d === 'paired') {
    // On the instruction clock each scenario is built once for all its repetitions (bench/matrix.ts): nothing alternates, and no drift needs to.
    const how = candidate.environment.clock?.kind === 'instructions' ? 'each side in one build of its own (the instruction clock has no drift to alternate against)' : 'alternating in shuffled order';
    notes.push(`interleaved: both sides measured in the same run, ${how}, paired by repetition (trimmed paired t on log ratios); machine drift common to a repetition cancels`);
  }
  if (!baseline.complete) notes.push('the baseline run is incomplete (interrupted)');
  if (!candidate.complete) notes.push('the candidate run is incomplete (interrupted)');
  return notes;
}

/** Scenarios in the registry's order (host first), then workloads as the candidate ran them, then metrics' own order. */
function byDisplayOrder(candidate: readonly MetricSamples[]) {
  const workloads = [...new Set(candidate.map((s) => s.workload))];
  const points = [...new Set(candidate.map((s) => pointKey(s.point)))];
  const at = (r: ComparisonRow) => points.indexOf(r.point ? pointKey(r.point) : '');
  const scenarioRank = (name: string) => {
    const i = SCENARIOS.findIndex((s) => s.name === name);
    return i < 0 ? SCENARIOS.length : i;
  };
  return (a: ComparisonRow, b: ComparisonRow) =>
    at(a) - at(b) || scenarioRank(a.scenario) - scenarioRank(b.scenario) || workloads.indexOf(a.workload) - workloads.indexOf(b.workload) || metricOrder(a.metric) - metricOrder(b.metric);
}
