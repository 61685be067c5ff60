// Interleaved A/B: both sides measured in one run. The bench shuffles scenarios within every
// repetition (harness/bench/matrix.ts), so two scenarios of one run were measured alternately,
// and repetition r of one sits next to repetition r of the other in time. Comparing them paired
// by repetition cancels the drift common to a repetition. Any change that can be swapped at run
// time fits: two scenarios (veth vs veth-bpf), or a scenario and its copy carrying the injected
// cost (`bench --ab-inject-cost N` adds "<scenario>+tax" next to each scenario).
import { UsageError, quote } from '../core/errors.ts';
import type { ResultsFile } from '../model/results.ts';
import type { RunSide } from './compare.ts';
import { samplesOfResults } from '../results/samples.ts';

export interface ScenarioPair { baseline: string; candidate: string }

/** "a:b,c:d" -> pairs; each side must be a scenario the run measured. */
export function parseScenarioPairs(value: string, measured: readonly string[]): ScenarioPair[] {
  return value.split(',').map((item) => {
    const [baseline, candidate, extra] = item.split(':').map((s) => s.trim());
    if (!baseline || !candidate || extra !== undefined) throw new UsageError(`--interleaved ${quote(item)} must be <baseline-scenario>:<candidate-scenario>`);
    for (const s of [baseline, candidate]) if (!measured.includes(s)) throw new UsageError(`--interleaved: the run measured no scenario ${quote(s)} (it has ${measured.join(', ')})`);
    return { baseline, candidate };
  });
}

/**
 * The two sides of an interleaved comparison: the baseline scenario's samples relabelled with the
 * candidate's name so rows match; both sides keep their repetition numbers for pairing.
 */
export function interleavedSides(results: ResultsFile, pairs: readonly ScenarioPair[], label: string): [RunSide, RunSide] {
  const samples = samplesOfResults(results);
  const side = (which: 'baseline' | 'candidate'): RunSide => ({
    label: `${label}: ${pairs.map((p) => p[which]).join(', ')}`,
    runIds: [results.runId],
    environment: results.environment,
    options: { ...results.options },
    samples: pairs.flatMap((p) => samples.filter((s) => s.scenario === p[which]).map((s) => ({ ...s, scenario: p.candidate }))),
    unit: 'repetition',
    complete: results.complete,
  });
  return [side('baseline'), side('candidate')];
}
