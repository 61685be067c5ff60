// Runs every repetition of every scenario x point x workload: the builds (one per scenario and
// group of points that share their build-scope axes, bench/axes.ts), in the order and with the
// passes the run's clock calls for (bench/schedule.ts: one schedule per clock).
// A failure is recorded as a measurement with state "failed" and the matrix carries on.
import { scenarioKey } from '../scenario/facts.ts';
import { bpfStatsTracker } from '../bpf/stats.ts';
import { namespaceName } from '../core/naming.ts';
import type { AppliedSettings, Measurement } from '../model/results.ts';
import { mismatchReason, readScenarioSettings } from '../host/scenario-readback.ts';
import type { Scenario } from '../scenario/types.ts';
import { withTopology } from '../topology/apply.ts';
import { planTopology, type PlanContext } from '../topology/plan.ts';
import { serverAddressFor } from '../workloads/params.ts';
import type { WorkloadParams } from '../model/workload-params.ts';
import type { Workload } from '../workloads/types.ts';
import { BPF_COST_PASS_S, bpfCostMetrics } from '../accounting/bpf-cost.ts';
import { untimedPasses, type PassResult } from '../accounting/measure.ts';
import { receivePathAccounting } from '../accounting/receive-path.ts';
import type { WorkloadContext } from '../workloads/types.ts';
import { serverKeeper } from '../workloads/server-keeper.ts';
import { unitsOfParts } from './shard.ts';
import { takeIdleBaseline } from '../cpu/idle.ts';
import { fixedTransactions, passWork } from '../workloads/fixed-work.ts';
import type { FixedWork } from '../model/workload-params.ts';
import { enoughRepetitions, type RepetitionRule } from './repetitions.ts';
import { DEFAULT_POINT, type Point } from '../model/point.ts';
import { pointKey, pointLabel, varyingAxes } from '../core/point.ts';
import { buildUnits, paramsAt, pointCost, scopeOf, type BuildUnit } from './axes.ts';
import { scheduleFor } from './schedule.ts';
import { refusalKey } from './refusals.ts';

export interface MatrixContext {
  plan: PlanContext;
  scenarios: readonly Scenario[];
  /** The grid (bench/axes.ts gridPoints); default: one cross-node point. Each scenario is measured at every point of its topology. */
  points?: readonly Point[];
  /** bench --shard: only these parts (bench/shard.ts partKey: a build, or a build at one workload-scope point); undefined: every part. */
  onlyBuilds?: ReadonlySet<string>;
  workloads: readonly Workload[];
  durationS: number;
  repeats: number;
  clientCpu: number;
  serverCpu: number;
  clientCpus?: number[];
  serverCpus?: number[];
  params?: Partial<WorkloadParams>;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Called as each measurement starts (the progress line); `cost`: its point's (axes.ts pointCost). */
  onStart?: (scenario: string, workload: Workload, repetition: number, cost: number) => void;
  onMeasurement: (m: Measurement) => Promise<void>;
  /** Called after each build of a scenario with the settings read back from its namespaces. */
  /** `scenario`: its record key (scenario/facts.ts scenarioKey: name, or name@topology off cross-node). */
  onApplied?: (scenario: string, applied: AppliedSettings) => Promise<void> | void;
  /** The run's clock counts guest instructions: one build per scenario, one accounting pass per scenario x workload. */
  instructionClock?: boolean;
  /** Stop a workload's repetitions once they agree (repetitions.ts); `repeats` is then the most. bench passes it on the instruction clock only (native.ts). */
  repetitionRule?: RepetitionRule;
  /** Called with the number of repetitions the rule left out, as it leaves them out (the progress line's total). */
  onSkipped?: (workload: Workload, count: number, cost: number) => void;
  /**
   * The build is the settings probe (host/capabilities.ts probeScenario was not run): a build the kernel
   * or `ip` rejects, or settings read back otherwise, skip the scenario through onSkip, with the
   * probe's reasons, instead of failing its measurements. On the instruction clock, where each
   * scenario is built once, this saves a build per topology (about a minute of the default run).
   */
  buildIsProbe?: boolean;
  /** A scenario that cannot be built as specified at `point` (its build-scope values). */
  onSkip?: (scenario: string, reason: string, point: Point) => void;
  /** Workloads whose tool refuses a point (bench/refusals.ts refusalKey): not measured there; the run records them as skips. */
  refused?: ReadonlySet<string>;
}

/** The builds `ctx` asks for: each scenario at each build-scope group of its points (bench/axes.ts). */
export const matrixUnits = (ctx: Pick<MatrixContext, 'scenarios' | 'points' | 'onlyBuilds'>): BuildUnit[] => {
  const units = buildUnits(ctx.scenarios, ctx.points ?? [DEFAULT_POINT]);
  return ctx.onlyBuilds ? unitsOfParts(units, ctx.onlyBuilds) : units;
};

export async function runMatrix(ctx: MatrixContext): Promise<void> {
  const all = Array.from({ length: ctx.repeats }, (_, i) => i + 1);
  for (const [unit, repetitions] of scheduleFor(ctx.instructionClock).builds(matrixUnits(ctx), all)) {
    if (ctx.signal.aborted) return;
    await runBuild(ctx, unit, repetitions);
  }
}

/** The transactions a fixed-work pass of `workload` did (ReceivePathCounts.transactions); none for other work. */
function passTransactions(workload: string, work: FixedWork | undefined): { transactions?: number } {
  const n = fixedTransactions(workload, work);
  return n === undefined ? {} : { transactions: n };
}

/** One build of the unit's scenario, and in it every workload at each of its points for each of `repetitions`. */
async function runBuild(ctx: MatrixContext, unit: BuildUnit, repetitions: readonly number[]): Promise<void> {
  const { scenario, points } = unit;
  const schedule = scheduleFor(ctx.instructionClock);
  const runs = (workload: Workload, point: Point) => !ctx.refused?.has(refusalKey(workload.name, point));
  const steps = schedule.order(ctx.workloads, repetitions, points).filter(([, workload, point]) => runs(workload, point));
  // A measurement's identity within the build: repetition, workload, point.
  const id = (repetition: number, workload: string, point: Point) => `${repetition}/${workload}/${pointKey(point)}`;
  const series = (workload: string, point: Point) => `${workload}/${pointKey(point)}`;
  const done = new Set<string>();
  const record = async (m: Measurement) => {
    done.add(id(m.repetition, m.workload, m.point));
    await ctx.onMeasurement(m);
  };
  // Labels name a point only by the axes that vary in this run.
  const shownAxes = varyingAxes(ctx.points ?? [DEFAULT_POINT]);
  const at = (point: Point) => (shownAxes.length ? ` (${pointLabel(point, shownAxes)})` : '');
  // The repetition rule: each series' (workload at a point) ok repetitions' metrics so far, and the series it has ended.
  const rule = ctx.repetitionRule;
  const okRepetitions = new Map<string, Record<string, number>[]>();
  const ended = new Set<string>();
  const lastRepetition = repetitions[repetitions.length - 1];
  const endsEarly = (workload: Workload, point: Point, repetition: number, outcome: { state: string; metrics: Record<string, number> }, r: RepetitionRule) => {
    const seen = okRepetitions.get(series(workload.name, point)) ?? [];
    if (outcome.state === 'ok') seen.push(outcome.metrics);
    okRepetitions.set(series(workload.name, point), seen);
    return enoughRepetitions(workload.name, seen, repetitions.indexOf(repetition) + 1, r);
  };
  let built = false;
  // One server per command for the whole build (workloads/server-keeper.ts), stopped before the teardown.
  const servers = serverKeeper();
  try {
    await withTopology(planTopology(scenario, ctx.plan), async () => {
      built = true;
      // Checked on every build, not only at the probe: a measurement is never labelled with
      // settings the kernel did not apply.
      const applied = await readScenarioSettings(scenario, ctx.plan.runId);
      await ctx.onApplied?.(scenarioKey(scenario.name, scenario.topology), applied);
      if (applied.mismatches.length > 0 && ctx.buildIsProbe) return ctx.onSkip?.(scenario.name, mismatchReason(applied.mismatches), scopeOf(points[0]!, 'build'));
      if (applied.mismatches.length > 0) throw new Error(mismatchReason(applied.mismatches));
      const bpf = bpfStatsTracker(scenario.programs, ctx.plan.runId, ctx.plan.bpffs);
      // Topology up, no traffic yet: what the CPUs do anyway, subtracted from each measurement of this build.
      const idle = await takeIdleBaseline(undefined, ctx.signal);
      // What the workloads are asked at each point of the build, worked out once: the timed run's
      // context, and the parameters of its untimed pass (the same workload, shorter, with the tracers
      // and BPF run statistics on: accounting/measure.ts), which runs when the schedule says (schedule.ts).
      const atPoint = new Map(points.map((point) => {
        const params = ctx.params || Object.keys(point).length > 1 ? paramsAt(ctx.params ?? {}, point) : undefined;
        const timed: WorkloadContext = {
          clientNetns: namespaceName(ctx.plan.runId, scenario.client.node),
          serverNetns: namespaceName(ctx.plan.runId, scenario.server.node),
          serverAddress: serverAddressFor(scenario.server, params),
          durationS: ctx.durationS,
          clientCpu: ctx.clientCpu,
          serverCpu: ctx.serverCpu,
          clientCpus: ctx.clientCpus,
          serverCpus: ctx.serverCpus,
          cpuAccounting: { idle },
          params,
          signal: ctx.signal,
          servers,
        };
        const pass = params?.fixedWork ? { ...params, fixedWork: passWork(params.fixedWork) } : params;
        return [pointKey(point), { timed, pass }] as const;
      }));
      const workloadCtx = (point: Point) => atPoint.get(pointKey(point))!.timed;
      const passParamsAt = (point: Point) => atPoint.get(pointKey(point))!.pass;
      const passRun = (workload: Workload, point: Point) => ({ name: series(workload.name, point), run: (window: WorkloadContext['window']) => workload.run({ ...workloadCtx(point), durationS: BPF_COST_PASS_S, params: passParamsAt(point), window }) });
      // The receive-path tracers, loaded once for the build's passes (linked only during them) and unloaded before the teardown.
      const tracers = receivePathAccounting(scenario, ctx.plan);
      try {
        const upfront = schedule.upfrontPasses(ctx.workloads);
        const shared = upfront.length ? await untimedPasses(scenario, ctx.plan, ctx.log, bpf.take, points.flatMap((p) => upfront.filter((w) => runs(w, p)).map((w) => passRun(w, p))), tracers) : undefined;
        await bpf.take();
        let previous: string | undefined;
        for (const [repetition, workload, point] of steps) {
          if (ctx.signal.aborted) return;
          if (ended.has(series(workload.name, point))) continue;
          ctx.log(`${scenario.name}${at(point)} ${workload.name} repetition ${repetition}/${ctx.repeats}`);
          ctx.onStart?.(`${scenario.name}${at(point)}`, workload, repetition, pointCost(point));
          const startedAt = new Date();
          await schedule.beforeWindow(done.size === 0, ctx.signal);
          // The timed window runs the datapath and nothing else of ours.
          const outcome = await workload.run({ ...workloadCtx(point), warm: schedule.warmRepeats && previous === series(workload.name, point) });
          previous = outcome.state === 'failed' ? undefined : series(workload.name, point);
          const elapsedS = (Date.now() - startedAt.getTime()) / 1000;
          if (ctx.signal.aborted) return;
          const counters = await bpf.take();
          const failed = outcome.state === 'failed';
          const last = repetition === lastRepetition || (rule !== undefined && endsEarly(workload, point, repetition, outcome, rule));
          if (last && repetition !== lastRepetition) {
            ended.add(series(workload.name, point));
            ctx.onSkipped?.(workload, repetitions.filter((r) => r > repetition).length, pointCost(point));
          }
          const none: PassResult = { programs: [], metrics: {} };
          const accounted = failed ? none
            : schedule.passAfter(workload, last) ? (await untimedPasses(scenario, ctx.plan, ctx.log, bpf.take, [passRun(workload, point)], tracers)).get(series(workload.name, point)) ?? none
            : (repetition === repetitions[0] && shared?.get(series(workload.name, point))) || none;
          const { programs: pass, receivePath, metrics: pathMetrics } = accounted;
          if (ctx.signal.aborted) return;
          const programs = counters.map((c) => {
            const p = pass.find((x) => x.name === c.name);
            return { ...c, runCnt: p?.runCnt ?? 0, runTimeNs: p?.runTimeNs ?? 0 };
          });
          await record({
            scenario: scenario.name,
            workload: workload.name,
            point,
            repetition,
            ...outcome,
            metrics: { ...outcome.metrics, ...(failed ? {} : { ...bpfCostMetrics(pass), ...pathMetrics }) },
            startedAt: startedAt.toISOString(),
            elapsedS,
            bpf: programs,
            ...(receivePath && !failed ? { receivePath: { ...receivePath, ...passTransactions(workload.name, passParamsAt(point)?.fixedWork) } } : {}),
          });
        }
      } finally {
        await tracers.unload().catch((err: Error) => ctx.log(`receive-path accounting: ${err.message}`));
      }
    }, { log: ctx.log, signal: ctx.signal, beforeTeardown: servers.stopAll });
  } catch (err) {
    if (ctx.signal.aborted) return;
    if (!built && ctx.buildIsProbe) return ctx.onSkip?.(scenario.name, `cannot build it as specified: ${(err as Error).message}`, scopeOf(points[0]!, 'build'));
    for (const [repetition, workload, point] of steps) {
      if (done.has(id(repetition, workload.name, point)) || ended.has(series(workload.name, point))) continue;
      await record({ scenario: scenario.name, workload: workload.name, point, repetition, state: 'failed', reason: (err as Error).message, startedAt: new Date().toISOString(), elapsedS: 0, metrics: {}, bpf: [] });
    }
  }
}
