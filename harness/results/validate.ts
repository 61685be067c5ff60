// One zod schema per results version, for files read back from disk, validating the whole file:
// every field the model declares (model/results.ts, the source of the shape) is checked, and each
// schema `satisfies` a ZodType of its model type, so what parses is a ResultsFile without a cast.
// Rows and their parts: schema-rows.ts, schema-cpu.ts; the environment: schema-environment.ts.
// Unknown fields pass through untouched, so a newer writer's additions reach the charts.
import { z } from 'zod';
import { RESULTS_SCHEMA, RESULTS_VERSION, type RecordedWorkloadParams, type ResultsFile, type RunOptions } from '../model/results.ts';
import { CRR_TOOLS, RR_TOOLS } from '../model/workload-params.ts';
import { environmentSchema } from './schema-environment.ts';
import { measurementSchema, skipSchema, summaryRowSchema } from './schema-rows.ts';

export { environmentSchema } from './schema-environment.ts';
export { pointOfVersion, pointSchema } from './schema-rows.ts';

/** The results versions this reader takes: 1 (rows without a point: cross-node) and the current one. */
export const READABLE_VERSIONS = [1, RESULTS_VERSION] as const;
type Version = (typeof READABLE_VERSIONS)[number];

const counts = z.array(z.number());

const workloadParams = z.looseObject({
  ipVersion: z.union([z.literal(4), z.literal(6)]).optional(),
  streams: z.number(), rrSizeBytes: z.number(), crrSizeBytes: z.number(), udpSizeBytes: z.number(), udpRate: z.string(),
  rrTool: z.enum(RR_TOOLS).optional(), crrTool: z.enum(CRR_TOOLS).optional(),
  maxLossPct: z.number().optional(), maxRetransmitPct: z.number().optional(),
  fixedWork: z.looseObject({ rrTransactions: z.number(), crrConnections: z.number(), streamBytes: z.number() }).optional(),
}) satisfies z.ZodType<RecordedWorkloadParams>;

const runOptions = z.looseObject({
  scenarios: z.array(z.string()), topologies: z.array(z.string()).optional(), sweep: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).optional(),
  workloads: z.array(z.string()), durationS: z.number(), repeats: z.number(), minRepeats: z.number().optional(),
  clientCpu: z.number(), serverCpu: z.number(),
  placement: z.looseObject({ client: counts, server: counts, harness: counts, allowed: counts, source: z.enum(['auto', '--cpus']), notes: z.array(z.string()), harnessConfined: z.boolean().optional() }).optional(),
  preset: z.string().optional(),
  workloadParams: workloadParams.optional(),
  bootstrap: z.looseObject({ resamples: z.number(), confidence: z.number(), seed: z.number() }).optional(),
  injectCost: z.number().optional(), abInjectCost: z.number().optional(),
}) satisfies z.ZodType<RunOptions>;

/** One schema per results version; each parses to the current shape (version 1 upgraded: version 2, cross-node points). */
export const resultsFileSchema = (version: Version) => z.looseObject({
  schema: z.literal(RESULTS_SCHEMA),
  version: z.literal(version).transform((): typeof RESULTS_VERSION => RESULTS_VERSION),
  runId: z.string(),
  command: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  complete: z.boolean(),
  options: runOptions,
  environment: environmentSchema,
  skipped: z.array(skipSchema),
  measurements: z.array(measurementSchema(version)),
  summary: z.array(summaryRowSchema(version)),
}) satisfies z.ZodType<ResultsFile>;

const SCHEMAS = new Map<unknown, ReturnType<typeof resultsFileSchema>>(READABLE_VERSIONS.map((v) => [v, resultsFileSchema(v)]));

/** The whole file checked against its version's schema; the first problem as a field path and zod's message. */
export function parseResults(value: unknown): { ok: true; results: ResultsFile } | { ok: false; problem: string } {
  const version = typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  const schema = SCHEMAS.get(version);
  if (!schema) return { ok: false, problem: `version: ${JSON.stringify(version)} is not one this netkit-bench reads (${READABLE_VERSIONS.join(', ')})` };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, results: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${fieldPath(issue.path)}: ${issue.message}` };
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
