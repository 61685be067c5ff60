// A run on the instruction clock cut into shards (bench/shard.ts's parts), each booted in its own VM, all
// at once, then merged into the run's folder as one run (bench/merge.ts) that report, compare and
// history take like any other. Why: with icount, qemu runs TCG single-threaded (one host thread
// executes every vCPU of a guest in turn), so one VM keeps one host core busy however many the host
// has; and on the instruction clock a figure does not depend on the host's speed or load. Two VMs
// on a 2-core host give the same figures in about half the wall time (docs/measurements/
// cost-per-measurement.md). The count is fixed, not the host's core count, so which parts share a
// guest is the same on every machine: a 1-core host runs them at once all the same.
import { join } from 'node:path';
import { mergeShards, type ShardInput } from './merge.ts';
import { EXIT_FAILED, UsageError } from '../core/errors.ts';
import { newRunId } from '../core/naming.ts';
import type { ResultsFile } from '../model/results.ts';
import { loadResults } from '../results/load.ts';
import { writeResults } from '../results/write.ts';
import { buildUnits, gridPoints, selectedScenarios } from './axes.ts';
import type { BenchIo, BenchOptions } from './options.ts';
import { partCount, refuseShardOnHostTime } from './shard.ts';
import { perMeasurement, runGuest, type GuestRun, type GuestRunSetup } from './vm-guest.ts';

/** Shards (VMs at once) of a run on the instruction clock unless --vm-shards says otherwise. */
export const DEFAULT_VM_SHARDS = 2;

/** The parts the whole matrix has (bench/shard.ts): more shards than parts would be empty. */
export const matrixPartCount = (opts: Pick<BenchOptions, 'topologies' | 'scenarios' | 'sweep' | 'injectCost' | 'abInjectCost'>): number =>
  partCount(buildUnits(selectedScenarios(opts), gridPoints(opts.topologies, opts.sweep)));

/**
 * How many VMs run the matrix: 1 for a user's own shard (--shard), for an interleaved run, and on
 * host time, where VMs at once would slow each other's figures (an explicit --vm-shards above 1 for
 * either of the last two is a UsageError);
 * on the instruction clock --vm-shards or DEFAULT_VM_SHARDS, at most one per part. Pure.
 */
export function vmShardCount(opts: Pick<BenchOptions, 'vmShards' | 'shard' | 'abInjectCost'>, instructionClock: boolean, parts: number): number {
  if (opts.shard) {
    refuseShardOnHostTime(opts.shard, instructionClock);
    return 1;
  }
  // An interleaved run alternates its two sides in one guest, so that whatever drifts moves both.
  if (opts.abInjectCost !== undefined) {
    if ((opts.vmShards ?? 1) > 1) throw new UsageError(`--vm-shards ${opts.vmShards}: an interleaved run (--ab-inject-cost) measures both sides in one VM`);
    return 1;
  }
  if (!instructionClock) {
    if ((opts.vmShards ?? 1) > 1) throw new UsageError(`--vm-shards ${opts.vmShards} needs the instruction clock: on host time VMs running at once would slow each other's figures`);
    return 1;
  }
  return Math.max(1, Math.min(opts.vmShards ?? DEFAULT_VM_SHARDS, parts));
}

/** The VMs a run is cut into as asked, before the cap of one per part (recorded for `history vms`). Pure. */
export const vmShardsAsked = (opts: Pick<BenchOptions, 'vmShards' | 'shard' | 'abInjectCost'>, instructionClock: boolean): number =>
  vmShardCount(opts, instructionClock, Number.POSITIVE_INFINITY);

/**
 * The merged run of `count` shards, each in its own VM under runDir/shards/, all at once, or an
 * exit code when no shard wrote results. One stop serves every guest: the user's signal, or the
 * first guest that fails (throws, or ends without results), stops the others rather than waiting
 * out their shards; what every shard measured is then merged, marked incomplete, and a failure
 * is thrown (or its exit code returned) after it is written.
 */
export async function runShardsInVms(setup: GuestRunSetup, count: number, run: { runId: string; runDir: string; command: string[] }, io: BenchIo): Promise<{ results: ResultsFile; exitCode: number; runs: GuestRun[] } | number> {
  const outDir = join(run.runDir, 'shards');
  const parts = Array.from({ length: count }, (_, i) => ({ outDir, runId: newRunId(), label: `vm ${i + 1}/${count}`, shard: `${i + 1}/${count}` }));
  io.err(`the matrix in ${count} shards, each in its own VM at once: ${parts.map((p) => join(outDir, p.runId)).join(', ')}`);
  const stop = new AbortController();
  const onAbort = () => stop.abort(io.signal.reason);
  io.signal.addEventListener('abort', onAbort, { once: true });
  let failure: { shard: string; why: string; error?: unknown } | undefined;
  const fail = (f: NonNullable<typeof failure>) => {
    failure ??= f;
    stop.abort(new Error(`shard ${f.shard} failed`));
  };
  const startedAt = Date.now();
  const settled = await Promise.allSettled(parts.map(async (p) => {
    try {
      const r = await runGuest(setup, p, { ...io, signal: stop.signal });
      if (!r.results && !stop.signal.aborted) fail({ shard: p.shard, why: `wrote no results (exit ${r.vm?.exitCode}); see ${join(outDir, p.runId, 'vm-console.log')}` });
      return r;
    } catch (e) {
      fail({ shard: p.shard, why: e instanceof Error ? e.message : String(e), error: e });
      throw e;
    }
  })).finally(() => io.signal.removeEventListener('abort', onAbort));
  // A guest that threw left its partial file (runGuest finished it): read back like the others'.
  const runs: GuestRun[] = await Promise.all(settled.map(async (s, i) => (s.status === 'fulfilled' ? s.value : {
    wallMs: Date.now() - startedAt,
    ...(await loadResults(join(outDir, parts[i]!.runId)).then((results) => ({ results }), () => ({}))),
  })));
  const inputs: ShardInput[] = runs.flatMap((r, i) => (r.results ? [{ dir: join(outDir, parts[i]!.runId), results: r.results }] : []));
  if (inputs.length === 0) {
    io.err(failure ? `shard ${failure.shard}: ${failure.why}` : `stopped before any shard wrote results: ${outDir}`);
    if (failure?.error) throw failure.error;
    return EXIT_FAILED;
  }
  const stopped = failure !== undefined || io.signal.aborted;
  const results = mergeShards(inputs, run.runId, run.command, stopped);
  const wallMs = Date.now() - startedAt;
  const boots = runs.flatMap((r) => (r.bootMs === undefined ? [] : [r.bootMs]));
  // A shard stopped before its guest's record was added has none: the record of one that has.
  const vm = results.environment.vm ?? inputs.map((i) => i.results.environment.vm).find((v) => v !== undefined);
  const measured = results.measurements.length;
  if (vm) {
    const bootMs = boots.length > 0 ? Math.max(...boots) : vm.bootMs;
    results.environment.vm = { ...vm, bootMs, wallMs, vms: count, ...perMeasurement(wallMs, bootMs, measured) };
  }
  await writeResults(run.runDir, results);
  if (failure) {
    io.err(`shard ${failure.shard} failed: ${failure.why}; the other shards were stopped, and what each measured is merged, incomplete, into ${run.runDir}`);
    if (failure.error) throw failure.error;
  }
  else if (stopped) io.err(`stopped; what the shards measured is merged, incomplete: ${join(run.runDir, 'results.json')}`);
  return { results, exitCode: failure ? EXIT_FAILED : (runs.map((r) => r.vm?.exitCode ?? EXIT_FAILED).find((c) => c !== 0) ?? 0), runs };
}
