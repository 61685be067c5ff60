// Building the sides of a comparison, each with its unit of variation named:
// - a single run: its repetitions;
// - the history: the last N complete, like-with-like runs, each reduced to its run-level value
//   (the median of its repetitions), because repetitions of one night share that night's
//   conditions and are not samples of the night-to-night variation;
// - an interleaved run: two scenarios of one run, paired by repetition (see interleaved.ts).
import { UsageError, quote } from '../core/errors.ts';
import type { HistoryRecord } from '../history/record.ts';
import type { ResultsFile } from '../model/results.ts';
import type { RunSide } from './compare.ts';
import { runDifferences } from './environment-check.ts';
import { scenarioKeys } from '../scenario/facts.ts';
import type { VaryDimension } from '../results/identity.ts';
import { samplesOfResults, sampleKey, type MetricSamples } from '../results/samples.ts';
import { medianOf } from '../stats/statistics.ts';

export function sideOfResults(results: ResultsFile, label: string): RunSide {
  return { label, runIds: [results.runId], environment: results.environment, options: { ...results.options }, samples: samplesOfResults(results), unit: 'repetition', complete: results.complete };
}

export interface HistoryBaseline {
  side: RunSide;
  /** Why earlier runs were left out, one line per run. */
  notes: string[];
}

/** Each run's median per row, as one baseline whose values are run-level values, oldest run first. */
function runLevelValues(runs: readonly (readonly MetricSamples[])[]): MetricSamples[] {
  const byKey = new Map<string, MetricSamples>();
  for (const run of runs) {
    for (const s of run) {
      if (s.values.length === 0) continue;
      const key = sampleKey(s);
      const row = byKey.get(key) ?? { scenario: s.scenario, workload: s.workload, point: s.point, metric: s.metric, unit: s.unit, values: [] as number[] };
      row.values.push(medianOf(s.values));
      byKey.set(key, row);
    }
  }
  return [...byKey.values()];
}

/** With --vary, earlier runs that differ only in what varies are comparable (a kernel gate: the runs of earlier builds). */
export function sideOfHistory(records: readonly HistoryRecord[], candidate: ResultsFile, lastN: number, force: boolean, label: string, vary: readonly VaryDimension[] = []): HistoryBaseline {
  const earlier = records.filter((r) => r.runId !== candidate.runId);
  const scenarios = scenarioKeys(candidate.options.scenarios, candidate.options.topologies);
  const notes: string[] = [];
  const complete = earlier.filter((r) => r.complete || void notes.push(`left out run ${r.runId}: incomplete (interrupted)`));
  const blockingOf = (r: HistoryRecord) => runDifferences(r, { options: { ...candidate.options }, environment: candidate.environment }, scenarios, vary).filter((d) => d.blocking);
  const comparable = complete.filter((r) => {
    const d = blockingOf(r)[0];
    if (d) notes.push(`left out run ${r.runId}: ${d.field} differs (${quote(d.baseline)} vs ${quote(d.candidate)})`);
    return !d;
  });
  if (complete.length > 0 && comparable.length === 0 && !force) {
    const d = blockingOf(complete[complete.length - 1]!)[0]!;
    throw new UsageError(
      `no run in the history shares this run's environment: ${d.field} differs from the latest (${quote(d.baseline)} vs ${quote(d.candidate)}); use --force to compare anyway`,
    );
  }
  const chosen = (comparable.length > 0 ? comparable : complete).slice(-lastN);
  const latest = chosen[chosen.length - 1];
  return {
    side: {
      label,
      runIds: chosen.map((r) => r.runId),
      environment: latest?.environment ?? candidate.environment,
      options: latest?.options ?? { ...candidate.options },
      samples: runLevelValues(chosen.map((r) => r.rows)),
      unit: 'run',
      complete: true,
    },
    notes: comparable.length > 0 ? notes : [],
  };
}
