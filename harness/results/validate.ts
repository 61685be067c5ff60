// The zod mirror of model/results.ts, for files read back from disk. Fields that version 1 grew after the
// first runs were written (value and estimator, CIs, raw samples, scenario hashes) are optional
// here and filled in with what older files meant, so every reader sees one shape; unknown fields
// pass through untouched so a newer writer's additions reach the charts.
// JSON has no NaN: the writer's NaN statistics come back as null, and are turned back into NaN here.
import { z } from 'zod';
import { metricInfo } from '../core/metrics.ts';
import { DEFAULT_POINT } from '../model/point.ts';
import { RESULTS_SCHEMA, RESULTS_VERSION, type ResultsFile } from '../model/results.ts';

/** The results versions this reader takes: 1 (rows without a point: cross-node) and the current one. */
export const READABLE_VERSIONS = [1, RESULTS_VERSION] as const;
type Version = (typeof READABLE_VERSIONS)[number];

/** Version 2 rows carry their point; version 1 rows were all cross-node and carry none. */
export const pointSchema = z.object({ topology: z.string() }).catchall(z.union([z.string(), z.number()]));
export const pointOfVersion = (version: 1 | 2) => (version === 1 ? pointSchema.optional().transform((p) => p ?? { ...DEFAULT_POINT }) : pointSchema);

const nanable = z.number().nullable().transform((x) => x ?? NaN);
const optionalBound = z.number().nullable().optional();
const state = z.enum(['ok', 'invalid', 'failed']);

const bpfProgram = z.looseObject({
  name: z.string(),
  hook: z.string().optional().default(''),
  node: z.string().optional().default(''),
  counters: z.record(z.string(), z.number().nullable()).transform(dropNulls),
  runCnt: z.number(),
  runTimeNs: z.number(),
});

const measurement = (version: Version) => z.looseObject({
  scenario: z.string(),
  workload: z.string(),
  point: pointOfVersion(version),
  repetition: z.number(),
  state,
  reason: z.string().optional(),
  startedAt: z.string(),
  elapsedS: z.number(),
  metrics: z.record(z.string(), z.number().nullable()).transform(dropNulls),
  bpf: z.array(bpfProgram).optional().default([]),
  samples: z.record(z.string(), z.array(z.number())).optional(),
});

const summaryRow = (version: Version) => z
  .looseObject({
    scenario: z.string(),
    workload: z.string(),
    point: pointOfVersion(version),
    metric: z.string(),
    unit: z.string(),
    better: z.enum(['higher', 'lower']).optional(),
    n: z.number(),
    attempted: z.number().optional(),
    median: nanable,
    mean: nanable,
    stddev: nanable,
    cvPct: nanable,
    min: nanable,
    max: nanable,
    value: nanable.optional(),
    estimator: z.enum(['median', 'pooled']).optional(),
    ciLow: optionalBound,
    ciHigh: optionalBound,
    ratioToHost: z.number().nullable(),
    ratioCiLow: optionalBound,
    ratioCiHigh: optionalBound,
    ciCoverage: optionalBound,
    ratioCiCoverage: optionalBound,
    noInterval: z.string().optional(),
    tooFewSamples: z.string().optional(),
    state,
    reasons: z.array(z.string()).optional(),
  })
  // Files from before `value` existed quoted the median; before CIs, had none.
  .transform((r) => ({
    ...r,
    better: r.better ?? metricInfo(r.metric).better,
    attempted: r.attempted ?? r.n,
    value: r.value ?? r.median,
    estimator: r.estimator ?? ('median' as const),
    ciLow: r.ciLow ?? null,
    ciHigh: r.ciHigh ?? null,
    ratioCiLow: r.ratioCiLow ?? null,
    ratioCiHigh: r.ratioCiHigh ?? null,
    reasons: r.reasons ?? [],
  }));

export const environmentSchema = z.looseObject({
  where: z.enum(['native', 'vm-kvm', 'vm-tcg']),
  kernelRelease: z.string(),
  cpuModel: z.string(),
  cpuCount: z.number(),
  nodeVersion: z.string(),
  tools: z.record(z.string(), z.string()),
  gitRevision: z.string(),
  bpfObjectsSha256: z.string(),
  scenariosSha256: z.record(z.string(), z.string()).optional(),
  clock: z.discriminatedUnion('kind', [
    z.looseObject({ kind: z.literal('host') }),
    z.looseObject({ kind: z.literal('instructions'), icountShift: z.number().int().min(0), instructionsPerGuestS: z.number() }),
  ]).optional(),
});

/** One schema per results version; each parses to the current shape (version 1 upgraded: version 2, cross-node points). */
export const resultsFileSchema = (version: Version) => z.looseObject({
  schema: z.literal(RESULTS_SCHEMA),
  version: z.literal(version).transform(() => RESULTS_VERSION),
  runId: z.string(),
  command: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  complete: z.boolean(),
  options: z.looseObject({
    scenarios: z.array(z.string()),
    workloads: z.array(z.string()),
    durationS: z.number(),
    repeats: z.number(),
  }),
  environment: environmentSchema,
  skipped: z.array(z.object({ scenario: z.string(), reason: z.string(), point: pointSchema.optional() })),
  measurements: z.array(measurement(version)),
  summary: z.array(summaryRow(version)),
});

const SCHEMAS = new Map(READABLE_VERSIONS.map((v) => [v as unknown, resultsFileSchema(v)]));

function dropNulls(record: Record<string, number | null>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, number] => e[1] !== null));
}

/** Zod's inferred type is structurally the schema's; the cast only narrows the loose extras away. */
export function parseResults(value: unknown): { ok: true; results: ResultsFile } | { ok: false; problem: string } {
  const version = (value as { version?: unknown } | null)?.version;
  const schema = SCHEMAS.get(version);
  if (!schema) return { ok: false, problem: `version: ${JSON.stringify(version)} is not one this netkit-bench reads (${READABLE_VERSIONS.join(', ')})` };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, results: parsed.data as unknown as ResultsFile };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${fieldPath(issue.path)}: ${issue.message}` };
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
