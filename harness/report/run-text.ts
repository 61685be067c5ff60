// What bench prints at the end of a run: where it ran, the answer (ratio matrix and claims,
// answer-text.ts), and the notes; --verbose adds today's full table of every metric.
import { BASELINE } from '../../scenarios/index.ts';
import type { ResultsFile } from '../model/results.ts';
import { answerMatrix } from './answer.ts';
import { answerLines } from './answer-text.ts';
import { runClaims } from './claims.ts';
import { runHeadline, runNotes, tableLines } from './table.ts';

const ANSWER_INTERVAL_NOTE = '[a..b]: order-statistic interval of the median of the per-repetition ratios, with its exact binomial coverage (docs/method.md#statistics); ' +
  'claims: supported when the two scenarios\' intervals lie apart on every workload\'s rate';

/** The end-of-run text: about 15 lines for a default run, every metric too with `verbose`. */
export function renderRun(results: ResultsFile, opts: { verbose?: boolean } = {}): string {
  const matrix = answerMatrix(results.summary, BASELINE, results.skipped);
  const { claims, note } = runClaims(matrix, results.shard);
  const answer = [...answerLines(matrix, claims), ...(note ? [note] : [])];
  const full = opts.verbose ? tableLines(results, { all: true }) : undefined;
  const shown = full?.shown ?? results.summary.filter((r) => matrix.columns.some((c) => c.workload === r.workload && c.metric === r.metric));
  const notes = runNotes(results, shown, opts.verbose ? { all: true } : { intervalNote: ANSWER_INTERVAL_NOTE });
  return [runHeadline(results), ...answer, ...(full?.lines ?? []), ...notes].join('\n');
}
