// The compact record of one run kept in the history folder: enough to be a baseline (the raw
// repetitions of every metric) and to draw a trend (the medians), without raw latency samples or
// per-measurement detail. One JSON file per run.
import { z } from 'zod';
import { samplesOfResults, type MetricSamples } from '../results/samples.ts';
import { medianOf } from '../stats/statistics.ts';
import type { Environment, ResultsFile } from '../model/results.ts';
import { environmentSchema, pointOfVersion } from '../results/validate.ts';

export const HISTORY_KIND = 'netkit-bench.history';
/** 2: rows carry their point (model/point.ts); version 1 rows load as cross-node. */
export const HISTORY_VERSION = 2;

export interface HistoryRow extends MetricSamples {
  median: number;
}

export interface HistoryRecord {
  kind: typeof HISTORY_KIND;
  version: typeof HISTORY_VERSION;
  runId: string;
  startedAt: string;
  complete: boolean;
  command: string[];
  options: Record<string, unknown>;
  environment: Environment;
  rows: HistoryRow[];
}

export function toHistoryRecord(results: ResultsFile): HistoryRecord {
  return {
    kind: HISTORY_KIND,
    version: HISTORY_VERSION,
    runId: results.runId,
    startedAt: results.startedAt,
    complete: results.complete,
    command: results.command,
    options: { ...results.options },
    environment: results.environment,
    rows: samplesOfResults(results).map((s) => ({ ...s, median: medianOf(s.values) })),
  };
}

/** One schema per history version, each parsing to the current shape, checked against HistoryRecord (`satisfies`): no cast. */
const historySchema = (version: 1 | 2) => z.looseObject({
  kind: z.literal(HISTORY_KIND),
  version: z.literal(version).transform((): typeof HISTORY_VERSION => HISTORY_VERSION),
  runId: z.string(),
  startedAt: z.string(),
  complete: z.boolean(),
  command: z.array(z.string()),
  options: z.record(z.string(), z.unknown()),
  environment: environmentSchema,
  rows: z.array(z.object({
    scenario: z.string(),
    workload: z.string(),
    point: pointOfVersion(version),
    metric: z.string(),
    unit: z.string(),
    values: z.array(z.number()),
    repetitions: z.array(z.number()).optional(),
    median: z.number().nullable().transform((x) => x ?? NaN),
    tooFewSamples: z.number().optional(),
  })),
}) satisfies z.ZodType<HistoryRecord>;

const SCHEMAS = new Map<unknown, ReturnType<typeof historySchema>>([[1, historySchema(1)], [2, historySchema(2)]]);

/** A history file's value checked whole by its version's schema; the problem names the field (a union would name none). */
export function parseHistoryRecord(value: unknown): { ok: true; record: HistoryRecord } | { ok: false; problem: string } {
  const version = typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  const schema = SCHEMAS.get(version);
  if (!schema) return { ok: false, problem: `version: ${JSON.stringify(version)} is not one this netkit-bench reads (1, ${HISTORY_VERSION})` };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join('.') || 'the top level'}: ${issue.message}` };
}
