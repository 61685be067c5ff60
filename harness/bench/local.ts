// A bench run on the running kernel: detect what can run, build and measure each scenario, write
// the results after every measurement, and leave the host's sysctls and mounts as found.
import { CLOCK_ENV, clockFromEnv } from '../core/clock-env.ts';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { TOPOLOGIES } from '../../scenarios/index.ts';
import { gridPoints, selectedScenarios } from './axes.ts';
import { detectCapabilities, skipReasons } from '../host/capabilities.ts';
import { collectEnvironment } from '../host/environment.ts';
import { EXIT_FAILED, EXIT_OK } from '../core/errors.ts';
import { prepareBpf } from '../bpf/env.ts';
import { BPFFS, BPF_BUILD } from '../core/paths.ts';
import { RESULTS_SCHEMA, RESULTS_VERSION, type ResultsFile, type Skip, type Where } from '../model/results.ts';
import { writeGuestResults, writeResults } from '../results/write.ts';
import { UndoStack } from '../core/undo.ts';
import { WORKLOADS } from '../workloads/index.ts';
import { matrixUnits, runMatrix } from './matrix.ts';
import { buildUnits, pointCost } from './axes.ts';
import { refuseShardOnHostTime, shardRecord } from './shard.ts';
import { runSummary } from './run-summary.ts';
import type { BenchIo, BenchOptions } from './options.ts';
import { progressLine, rewritesInPlace } from './progress.ts';
import { confineHarness, machinePlacement } from '../cpu/machine.ts';
import { pointKey } from '../core/point.ts';
import { startRunCpu } from '../cpu/run-cpu.ts';
import { refusalKey, refusalLine, refusalSkips, workloadRefusals } from './refusals.ts';
import { varyingAxes } from '../core/point.ts';

export async function benchNative(opts: BenchOptions, runId: string, where: Where, io: BenchIo): Promise<number> {
  // First, so a request this machine cannot meet stops the run before anything is created.
  const placement = await machinePlacement(opts.cpus);
  const runDir = join(resolve(opts.outDir), runId);
  const workloads = WORKLOADS.filter((w) => opts.workloads.includes(w.name));
  const caps = await detectCapabilities(runId);
  const points = gridPoints(opts.topologies, opts.sweep);
  // Each topology's own scenario objects; a scenario asked for but not defined on a topology is a skip there.
  const selected = selectedScenarios(opts);
  const undefinedOn = opts.topologies.flatMap((t) => opts.scenarios.filter((n) => !TOPOLOGIES[t]?.some((s) => s.name === n)).map((scenario) => ({ scenario, reason: `not defined on the ${t} topology`, point: { topology: t } })));
  // On the instruction clock each scenario is built once, and that build checks its settings (matrix.ts buildIsProbe).
  const instructionClock = clockFromEnv(process.env[CLOCK_ENV]).kind === 'instructions';
  if (opts.shard) refuseShardOnHostTime(opts.shard, instructionClock);
  const skipped: Skip[] = [...undefinedOn, ...(await skipReasons(selected, caps, { bpffs: BPFFS, bpfBuild: BPF_BUILD }, { probe: !instructionClock }))];
  const runnable = selected.filter((s) => !skipped.some((k) => k.scenario === s.name && (!k.point || k.point.topology === s.topology)));
  // A point a workload's tool refuses (sockperf's 14-byte minimum) is a skip of that workload there, planned now, never run.
  const refusals = workloadRefusals(workloads, opts.params, points);
  const refused = new Set(refusals.map((r) => refusalKey(r.workload, r.point)));
  skipped.push(...refusalSkips(refusals, runnable));
  // The progress line counts builds x points: each unit's points are measured for every workload.
  // A shard is cut from every build asked for, runnable here or not, so that shards on machines that differ agree on it (merge then refuses them by identity).
  const shard = opts.shard ? shardRecord(buildUnits(selected, points), opts.shard, opts.workloads, { repeats: opts.repeats, ...(opts.minRepeats === undefined ? {} : { minRepeats: opts.minRepeats }) }) : undefined;
  const onlyBuilds = shard ? new Set(shard.builds) : undefined;
  const units = matrixUnits({ scenarios: runnable, points, onlyBuilds });
  const pointCosts = units.flatMap((u) => u.points.map(pointCost));
  const progress = progressLine((t) => process.stderr.write(t), rewritesInPlace(process.stderr), { pointCosts, workloads, repeats: opts.repeats, durationS: opts.durationS });
  for (const u of units) {
    for (const p of u.points) for (const w of workloads) if (refused.has(refusalKey(w.name, p))) progress.skip(w, opts.repeats, pointCost(p));
  }
  const err = (line: string) => {
    progress.clear();
    io.err(line);
  };
  const log = (line: string) => (opts.verbose ? err(line) : undefined);
  // The guest's clock comes from the host that started it (bench/vm.ts); natively it is host time.
  const environment = { ...(await collectEnvironment(where, runnable)), clock: clockFromEnv(process.env[CLOCK_ENV]) };
  // Stopping early is for the instruction clock only: on host time, agreement among a few noisy repetitions means little.
  const repetitionRule = environment.clock.kind === 'instructions' && opts.minRepeats !== undefined && opts.minRepeats < opts.repeats ? { min: opts.minRepeats, max: opts.repeats } : undefined;
  const results: ResultsFile = {
    schema: RESULTS_SCHEMA,
    version: RESULTS_VERSION,
    runId,
    command: io.argv,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    complete: false,
    options: {
      scenarios: opts.scenarios, topologies: opts.topologies, ...(Object.keys(opts.sweep).length ? { sweep: opts.sweep } : {}), workloads: opts.workloads, durationS: opts.durationS, repeats: opts.repeats, ...(repetitionRule ? { minRepeats: repetitionRule.min } : {}), clientCpu: placement.client[0]!, serverCpu: placement.server[0]!,
      placement: { ...placement, harnessConfined: await confineHarness(placement.harness) },
      preset: opts.preset, workloadParams: opts.params, injectCost: opts.injectCost,
      ...(opts.abInjectCost !== undefined ? { abInjectCost: opts.abInjectCost } : {}),
    },
    environment,
    skipped,
    measurements: [],
    summary: [],
    ...(shard ? { shard } : {}),
  };
  await mkdir(runDir, { recursive: true });
  await writeResults(runDir, results);
  // A shard names only the scenarios it has parts of.
  const inShard = onlyBuilds ? new Set(units.map((u) => `${u.scenario.name} ${u.scenario.topology}`)) : undefined;
  const listed = runnable.filter((s) => !inShard || inShard.has(`${s.name} ${s.topology}`));
  io.err(`netkit-bench run ${runId}${shard ? ` (shard ${shard.index}/${shard.count}, ${shard.builds.length} part${shard.builds.length === 1 ? '' : 's'})` : ''}: ${listed.map((s) => (opts.topologies.length > 1 ? `${s.name} (${s.topology})` : s.name)).join(', ') || 'no scenario can run here'} -> ${runDir}`);
  for (const s of skipped) if (!s.workload) io.err(`skipping ${s.scenario}: ${s.reason}`);
  for (const r of refusals) io.err(`skipping ${refusalLine(r, varyingAxes(points))}`);
  for (const n of placement.notes) io.err(`cpus: ${n}`);
  if (opts.minRepeats !== undefined && !repetitionRule && opts.minRepeats < opts.repeats) io.err(`--min-repeats applies on the instruction clock only: every one of the ${opts.repeats} repetitions runs`);

  const undo = new UndoStack();
  const runCpu = await startRunCpu();
  try {
    // Every scenario needs bpffs: the receive-path tracers pin there (harness/accounting/).
    if (runnable.length > 0) await prepareBpf(undo);
    await runMatrix({
      plan: { runId, bpffs: BPFFS, bpfBuild: BPF_BUILD },
      scenarios: runnable,
      points,
      onlyBuilds,
      workloads,
      durationS: opts.durationS,
      repeats: opts.repeats,
      clientCpu: results.options.clientCpu,
      serverCpu: results.options.serverCpu,
      clientCpus: placement.client,
      serverCpus: placement.server,
      params: opts.params,
      signal: io.signal,
      log,
      onStart: progress.begin,
      instructionClock,
      buildIsProbe: instructionClock,
      refused,
      onSkip: (scenario, reason, point) => {
        results.skipped.push({ scenario, reason, point });
        err(`skipping ${scenario} (${pointKey(point)}): ${reason}`);
      },
      ...(repetitionRule ? { repetitionRule, onSkipped: progress.skip } : {}),
      onApplied: (scenario, applied) => {
        // The first build's read-back is the record; a later one only matters if it differs, and
        // then the run's measurements fail with the mismatch as their reason.
        results.environment.applied ??= {};
        results.environment.applied[scenario] ??= applied;
      },
      onMeasurement: async (m) => {
        results.measurements.push(m);
        // A native partial file is complete in itself (report reads its summary). The guest's is
        // read only by the host, which summarizes it if the guest never finished (vm.ts): under
        // TCG a summary costs wall time between measurements for nothing.
        if (where === 'native') results.summary = runSummary(results.measurements);
        if (m.state !== 'ok') err(`${m.scenario} ${m.workload} #${m.repetition}: ${m.state}: ${m.reason ?? ''}`);
        await (where === 'native' ? writeResults : writeGuestResults)(runDir, results);
      },
    });
  } finally {
    progress.clear();
    for (const f of await undo.unwind()) io.err(`teardown: ${f}`);
    results.environment.matrixCpuS = await runCpu();
    results.finishedAt = new Date().toISOString();
    results.complete = !io.signal.aborted;
    results.summary = runSummary(results.measurements);
    await writeResults(runDir, results);
  }
  await io.present({ results, runDir, verbose: opts.verbose, report: opts.report }, io);
  const bad = results.measurements.filter((m) => m.state !== 'ok').length;
  if (bad > 0 && !opts.allowInvalid) {
    io.err(`${bad} measurement(s) invalid or failed (use --allow-invalid to exit 0 anyway)`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}
