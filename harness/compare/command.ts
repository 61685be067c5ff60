// `netkit-bench compare`: two runs, a run against the last N runs of the history, or two scenarios
// of one interleaved run. Exit 1 when a gated row regressed, 0 otherwise; bad input and runs that
// measured different things are usage errors (2).
import { UsageError } from '../core/errors.ts';
import { readExistingHistory } from '../history/store.ts';
import { loadResults } from '../results/load.ts';
import { writeFileAtomic } from '../results/write.ts';
import { compareSides, type ComparisonReport, type MetricSelection } from './compare.ts';
import { refuseIfIncomparable } from './environment-check.ts';
import type { VaryDimension } from '../results/identity.ts';
import { interleavedSides, parseScenarioPairs } from './interleaved.ts';
import { checkMetricsKnown } from './options.ts';
import { renderComparisonMarkdown, renderComparisonText } from './render.ts';
import { sideOfHistory, sideOfResults } from './sides.ts';
import type { GateSettings } from './verdict.ts';

export interface CompareRequest {
  runs: string[];
  againstHistory?: number;
  /** "baseline:candidate" scenario pairs of one run, compared paired by repetition. */
  interleaved?: string;
  historyDir: string;
  gate: GateSettings;
  metrics: MetricSelection;
  force: boolean;
  /** What differs on purpose (--vary kernel,bpf,cmdline); everything else must match. */
  vary?: readonly VaryDimension[];
  format: 'text' | 'md' | 'json';
  /** Also write the comparison as JSON here (for gate-power and CI artifacts). */
  saveJson?: string;
}

export async function runCompare(req: CompareRequest, out: (text: string) => void, err: (line: string) => void): Promise<number> {
  const report = await buildComparison(req, err);
  if (req.saveJson) await writeFileAtomic(req.saveJson, `${JSON.stringify(report, null, 2)}\n`);
  if (req.format === 'json') out(JSON.stringify(report, null, 2));
  else out(req.format === 'md' ? renderComparisonMarkdown(report) : renderComparisonText(report));
  return report.exitCode;
}

async function buildComparison(req: CompareRequest, err: (line: string) => void): Promise<ComparisonReport> {
  if (req.interleaved !== undefined) {
    if (req.runs.length !== 1 || req.againstHistory !== undefined) throw new UsageError('compare --interleaved takes one run (and no --against-history)');
    const run = await loadResults(req.runs[0]!);
    const measured = [...new Set(run.measurements.map((m) => m.scenario))];
    const [a, b] = interleavedSides(run, parseScenarioPairs(req.interleaved, measured), req.runs[0]!);
    checkMetricsKnown(req.metrics, metricNames([run.measurements]));
    return compareSides(a, b, req.gate, req.metrics, 'paired');
  }
  if (req.againstHistory !== undefined) {
    if (req.runs.length !== 1) throw new UsageError(`compare --against-history takes one candidate run, got ${req.runs.length}`);
    // A mistyped folder is bad input, not an empty history: the gate would pass with every row
    // inconclusive. The nightly script's `history add` creates the folder before it compares.
    const records = await readExistingHistory(req.historyDir);
    const candidate = await loadResults(req.runs[0]!);
    const history = sideOfHistory(records, candidate, req.againstHistory, req.force, `last ${req.againstHistory} run(s) in ${req.historyDir}`, req.vary);
    if (history.side.runIds.length === 0) err('compare: the history has no earlier comparable run yet: every row is inconclusive');
    for (const note of history.notes) err(`compare: ${note}`);
    checkMetricsKnown(req.metrics, metricNames([candidate.measurements]));
    const report = compareSides(history.side, sideOfResults(candidate, req.runs[0]!), req.gate, req.metrics, undefined, req.vary);
    return { ...report, notes: [...history.notes, ...report.notes] };
  }
  if (req.runs.length !== 2) throw new UsageError(`compare takes a baseline and a candidate run, got ${req.runs.length} (or use --against-history N with one run)`);
  const [baseline, candidate] = [await loadResults(req.runs[0]!), await loadResults(req.runs[1]!)];
  const report = compareSides(sideOfResults(baseline, req.runs[0]!), sideOfResults(candidate, req.runs[1]!), req.gate, req.metrics, undefined, req.vary);
  refuseIfIncomparable(report.differences, req.force);
  checkMetricsKnown(req.metrics, metricNames([baseline.measurements, candidate.measurements]));
  // The same run on both sides (one folder twice, or a copy): nothing can have changed, whatever the rows say.
  if (baseline.runId !== candidate.runId) return report;
  const same = `both sides are the same run (${baseline.runId}): every figure is compared with itself, so no verdict here says anything about a change`;
  err(`compare: ${same}`);
  return { ...report, notes: [same, ...report.notes] };
}

function metricNames(runs: { metrics: Record<string, number> }[][]): Set<string> {
  return new Set(runs.flat().flatMap((m) => Object.keys(m.metrics)));
}
