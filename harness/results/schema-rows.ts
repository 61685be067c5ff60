// The zod mirror of a results file's rows (model/results.ts Measurement, SummaryRow, Skip) for each
// version, checked against the model types (`satisfies`). Fields that version 1 grew after the
// first runs were written (value and estimator, CIs, raw samples) are optional here and filled in
// with what older files meant, so every reader sees one shape; unknown fields pass through.
// JSON has no NaN: the writer's NaN statistics come back as null, and are turned back into NaN here.
import { z } from 'zod';
import { metricInfo } from '../core/metrics.ts';
import { DEFAULT_POINT, type Point } from '../model/point.ts';
import type { BpfProgramStats, Measurement, Skip, SummaryRow } from '../model/results.ts';
import { cpuUsageSchema, receivePathSchema } from './schema-cpu.ts';

/** Version 2 rows carry their point; version 1 rows were all cross-node and carry none. */
export const pointSchema = z.object({ topology: z.string() }).catchall(z.union([z.string(), z.number()])) satisfies z.ZodType<Point>;
export const pointOfVersion = (version: 1 | 2) => (version === 1 ? pointSchema.optional().transform((p): Point => p ?? { ...DEFAULT_POINT }) : pointSchema);

const nanable = z.number().nullable().transform((x) => x ?? NaN);
const optionalBound = z.number().nullable().optional();
const state = z.enum(['ok', 'invalid', 'failed']);
const numbers = z.record(z.string(), z.number().nullable()).transform(dropNulls);

const bpfProgram = z.looseObject({
  name: z.string(), hook: z.string().optional().default(''), node: z.string().optional().default(''),
  counters: numbers, runCnt: z.number(), runTimeNs: z.number(),
}) satisfies z.ZodType<BpfProgramStats>;

export const measurementSchema = (version: 1 | 2) => z.looseObject({
  scenario: z.string(), workload: z.string(), point: pointOfVersion(version), repetition: z.number(), state,
  reason: z.string().optional(), startedAt: z.string(), elapsedS: z.number(), metrics: numbers,
  omitted: z.record(z.string(), z.string()).optional(),
  bpf: z.array(bpfProgram).optional().default([]),
  samples: z.record(z.string(), z.array(z.number())).optional(),
  sampleCounts: z.record(z.string(), z.looseObject({ collected: z.number(), kept: z.number() })).optional(),
  cpu: cpuUsageSchema.optional(),
  tool: z.string().optional(),
  commands: z.array(z.string()).optional(),
  receivePath: receivePathSchema.optional(),
}) satisfies z.ZodType<Measurement>;

export const summaryRowSchema = (version: 1 | 2) => z.looseObject({
  scenario: z.string(), workload: z.string(), point: pointOfVersion(version), metric: z.string(), unit: z.string(),
  better: z.enum(['higher', 'lower']).optional(),
  n: z.number(), attempted: z.number().optional(),
  median: nanable, mean: nanable, stddev: nanable, cvPct: nanable, min: nanable, max: nanable,
  value: nanable.optional(), estimator: z.enum(['median', 'pooled']).optional(),
  ciLow: optionalBound, ciHigh: optionalBound, ratioToHost: z.number().nullable(), ratioCiLow: optionalBound, ratioCiHigh: optionalBound,
  ciCoverage: optionalBound, ratioCiCoverage: optionalBound, noInterval: z.string().optional(), tooFewSamples: z.string().optional(),
  state, reasons: z.array(z.string()).optional(), tool: z.string().optional(),
})
  // Files from before `value` existed quoted the median; before CIs, had none.
  .transform((r) => ({
    ...r,
    better: r.better ?? metricInfo(r.metric).better,
    attempted: r.attempted ?? r.n,
    value: r.value ?? r.median,
    estimator: r.estimator ?? ('median' as const),
    ciLow: r.ciLow ?? null, ciHigh: r.ciHigh ?? null, ratioCiLow: r.ratioCiLow ?? null, ratioCiHigh: r.ratioCiHigh ?? null,
    reasons: r.reasons ?? [],
  })) satisfies z.ZodType<SummaryRow>;

export const skipSchema = z.looseObject({ scenario: z.string(), reason: z.string(), point: pointSchema.optional(), workload: z.string().optional() }) satisfies z.ZodType<Skip>;

function dropNulls(record: Record<string, number | null>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, number] => e[1] !== null));
}
