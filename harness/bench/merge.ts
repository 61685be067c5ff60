// One run from the shards of a run cut over several machines (bench --shard K/N, then netkit-bench
// merge) or over VMs at once (bench --vm-shards, bench/vm-shards.ts). Shards merge
// only when they are one run's parts: each records the same matrix (its hash) and the same count,
// every index appears exactly once, and they agree on every entry of the one identity list
// (results/identity.ts IDENTITY: kernel and its config, QEMU, CPU model, clock, options, BPF
// objects, tools). Any other difference is one line and exit 2 (UsageError), nothing written.
import { UsageError } from '../core/errors.ts';
import { runSummary } from './run-summary.ts';
import type { ResultsFile, Skip } from '../model/results.ts';
import { IDENTITY, identityDifferences, type RunIdentity } from '../results/identity.ts';

export interface ShardInput { dir: string; results: ResultsFile }

const identity = (r: ResultsFile): RunIdentity => ({ options: { ...r.options }, environment: r.environment });

/** Why `inputs` are not the N shards of one run (with `partial`, some of them), or undefined when they are. */
export function mergeRefusal(inputs: readonly ShardInput[], partial = false): string | undefined {
  const notShard = inputs.find((i) => !i.results.shard);
  if (notShard) return `merge: ${notShard.dir} is not a shard (bench --shard K/N wrote none)`;
  const [first, ...rest] = inputs as [ShardInput, ...ShardInput[]];
  const s0 = first.results.shard!;
  for (const other of rest) {
    const s = other.results.shard!;
    if (s.count !== s0.count) return `merge: ${first.dir} is a shard of ${s0.count}, ${other.dir} of ${s.count}`;
    if (s.matrixSha256 !== s0.matrixSha256) return `merge: ${first.dir} and ${other.dir} cut different matrices (scenarios, points, workloads or repetitions differ)`;
    const d = identityDifferences(identity(first.results), identity(other.results), IDENTITY)[0];
    if (d) return `merge: ${first.dir} and ${other.dir} differ in ${d.field}: ${d.baseline} vs ${d.candidate}`;
  }
  for (let k = 1; k <= s0.count; k++) {
    const at = inputs.filter((i) => i.results.shard!.index === k);
    if (at.length === 0 && !partial) return `merge: shard ${k}/${s0.count} is missing`;
    if (at.length > 1) return `merge: shard ${k}/${s0.count} appears twice (${at.map((i) => i.dir).join(', ')})`;
  }
  return undefined;
}

const skipKey = (s: Skip) => `${s.scenario}\0${s.workload ?? ''}\0${JSON.stringify(s.point ?? null)}\0${s.reason}`;

/**
 * The merged run: every shard's measurements and skips, the summary recomputed over all of them.
 * `partial`: a run stopped before every shard wrote (bench/vm-shards.ts), merged from the shards
 * there are and marked incomplete. Throws UsageError (mergeRefusal).
 */
export function mergeShards(inputs: readonly ShardInput[], runId: string, command: string[], partial = false): ResultsFile {
  const refusal = inputs.length === 0 ? 'merge: no shard given' : mergeRefusal(inputs, partial);
  if (refusal) throw new UsageError(refusal);
  const shards = [...inputs].sort((a, b) => a.results.shard!.index - b.results.shard!.index).map((i) => i.results);
  const first = shards[0]!;
  const measurements = shards.flatMap((r) => r.measurements);
  const skipped = [...new Map(shards.flatMap((r) => r.skipped).map((s) => [skipKey(s), s])).values()];
  const environment = { ...first.environment };
  // Each shard built its own scenarios: the first build's read-back of each, from whichever shard built it.
  for (const r of shards) for (const [k, v] of Object.entries(r.environment.applied ?? {})) environment.applied = { ...environment.applied, [k]: environment.applied?.[k] ?? v };
  for (const key of ['scenarios', 'scenariosSha256'] as const) environment[key] = Object.assign({}, ...shards.map((r) => r.environment[key] ?? {}));
  // The matrix's busy guest CPU seconds are every shard's together; unknown when any shard has none.
  const cpuS = shards.map((r) => r.environment.matrixCpuS);
  if (cpuS.every((x) => x !== undefined)) environment.matrixCpuS = (cpuS as number[]).reduce((a, b) => a + b, 0);
  else delete environment.matrixCpuS;
  const finished = shards.map((r) => r.finishedAt);
  const { shard: _cut, ...run } = first;
  return {
    ...run,
    runId,
    command,
    startedAt: shards.map((r) => r.startedAt).sort()[0]!,
    finishedAt: finished.includes(null) ? null : (finished as string[]).sort().at(-1)!,
    complete: !partial && shards.every((r) => r.complete),
    environment,
    skipped,
    measurements,
    summary: runSummary(measurements),
    merged: { count: first.shard!.count, matrixSha256: first.shard!.matrixSha256, shards: shards.map((r) => ({ index: r.shard!.index, runId: r.runId, startedAt: r.startedAt, finishedAt: r.finishedAt })) },
  };
}
