// `netkit-bench compare`: two runs, or a run against the last N runs of the history. Exit 1 when
// any row regressed, 0 otherwise; bad input and incomparable environments are usage errors (2).
import { UsageError } from '../errors.ts';
import { readHistory } from '../history/store.ts';
import { loadResults } from '../results/load.ts';
import { writeFileAtomic } from '../results/write.ts';
import { compareSides, type ComparisonReport, type MetricSelection } from './compare.ts';
import { refuseIfIncomparable, type VaryDimension } from './environment-check.ts';
import { checkMetricsKnown } from './options.ts';
import { renderComparisonMarkdown, renderComparisonText } from './render.ts';
import { sideOfHistory, sideOfResults } from './sides.ts';
import type { GateSettings } from './verdict.ts';

export interface CompareRequest {
  runs: string[];
  againstHistory?: number;
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
  if (req.againstHistory !== undefined) {
    if (req.runs.length !== 1) throw new UsageError(`compare --against-history takes one candidate run, got ${req.runs.length}`);
    const candidate = await loadResults(req.runs[0]!);
    const history = await sideOfHistory(await readHistory(req.historyDir), candidate, req.againstHistory, req.force, `last ${req.againstHistory} run(s) in ${req.historyDir}`, req.vary);
    if (history.side.runIds.length === 0) err('compare: the history has no earlier run yet: every row is inconclusive');
    if (history.skippedIncomparable > 0) err(`compare: left out ${history.skippedIncomparable} history run(s) from another environment`);
    checkMetricsKnown(req.metrics, metricNames([candidate.measurements]));
    return compareSides(history.side, sideOfResults(candidate, req.runs[0]!), req.gate, req.metrics, req.vary);
  }
  if (req.runs.length !== 2) throw new UsageError(`compare takes a baseline and a candidate run, got ${req.runs.length} (or use --against-history N with one run)`);
  const [baseline, candidate] = [await loadResults(req.runs[0]!), await loadResults(req.runs[1]!)];
  const report = compareSides(sideOfResults(baseline, req.runs[0]!), sideOfResults(candidate, req.runs[1]!), req.gate, req.metrics, req.vary);
  refuseIfIncomparable(report.differences, req.force);
  checkMetricsKnown(req.metrics, metricNames([baseline.measurements, candidate.measurements]));
  return report;
}

function metricNames(runs: { metrics: Record<string, number> }[][]): Set<string> {
  return new Set(runs.flat().flatMap((m) => Object.keys(m.metrics)));
}
