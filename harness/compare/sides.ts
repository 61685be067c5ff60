// Building the two sides of a comparison: a single run, or the last N comparable runs of the
// history pooled into one baseline (the candidate itself never counts as its own baseline).
import { UsageError, quote } from '../errors.ts';
import type { HistoryRecord } from '../history/record.ts';
import type { ResultsFile } from '../results/schema.ts';
import type { RunSide } from './compare.ts';
import { environmentDifferences, identityDifferences, type VaryDimension } from './environment-check.ts';
import { poolSamples, samplesOfResults } from './samples.ts';

export function sideOfResults(results: ResultsFile, label: string): RunSide {
  return { label, runIds: [results.runId], environment: results.environment, options: { ...results.options }, samples: samplesOfResults(results) };
}

export interface HistoryBaseline {
  side: RunSide;
  /** Earlier runs left out because their environment differs from the candidate's. */
  skippedIncomparable: number;
}

/** With --vary, earlier runs that differ only in what varies are comparable (a kernel gate: the runs of earlier builds). */
export function sideOfHistory(records: readonly HistoryRecord[], candidate: ResultsFile, lastN: number, force: boolean, label: string, vary: readonly VaryDimension[] = []): HistoryBaseline {
  const earlier = records.filter((r) => r.runId !== candidate.runId);
  const scenarios = candidate.options.scenarios;
  const blocking = (r: HistoryRecord) => [...environmentDifferences(r.environment, candidate.environment, scenarios, vary), ...identityDifferences(r.options, { ...candidate.options })].find((d) => d.blocking);
  const comparable = earlier.filter((r) => !blocking(r));
  if (earlier.length > 0 && comparable.length === 0 && !force) {
    const latest = earlier[earlier.length - 1]!;
    const d = blocking(latest)!;
    throw new UsageError(
      `no run in the history shares this run's environment: ${d.field} differs from the latest (${quote(d.baseline)} vs ${quote(d.candidate)}); use --force to compare anyway`,
    );
  }
  const chosen = (comparable.length > 0 ? comparable : earlier).slice(-lastN);
  const latest = chosen[chosen.length - 1];
  return {
    side: {
      label,
      runIds: chosen.map((r) => r.runId),
      environment: latest?.environment ?? candidate.environment,
      options: latest?.options ?? { ...candidate.options },
      samples: poolSamples(chosen.map((r) => r.rows)),
    },
    skippedIncomparable: comparable.length > 0 ? earlier.length - comparable.length : 0,
  };
}
