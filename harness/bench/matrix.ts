// Runs every repetition of every scenario x workload. Scenarios are shuffled within each
// repetition so slow drift on a noisy machine spreads over all of them instead of landing on one.
// On the instruction clock there is no drift to spread (time counts guest instructions), so each
// scenario is built once for all its repetitions and each workload's untimed accounting pass runs
// once (measurementOrder, runScenario): builds and passes cost emulated instructions, which is to
// say wall time.
// A failure is recorded as a measurement with state "failed" and the matrix carries on.
import { setTimeout as sleep } from 'node:timers/promises';
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
import type { WorkloadContext } from '../workloads/types.ts';
import { takeIdleBaseline } from '../cpu/idle.ts';
import { fixedTransactions, passWork } from '../workloads/fixed-work.ts';
import type { FixedWork } from '../model/workload-params.ts';
import { decidingMetric, enoughRepetitions, type RepetitionRule } from './repetitions.ts';
import { DEFAULT_POINT, type Point } from '../model/point.ts';
import { pointKey, pointLabel, varyingAxes } from '../core/point.ts';
import { buildUnits, paramsAt, scopeOf, type BuildUnit } from './axes.ts';

export interface MatrixContext {
  plan: PlanContext;
  scenarios: readonly Scenario[];
  /** The grid (bench/axes.ts gridPoints); default: one cross-node point. Each scenario is measured at every point of its topology. */
  points?: readonly Point[];
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
  /** Called as each measurement starts (the progress line). */
  onStart?: (scenario: string, workload: Workload, repetition: number) => void;
  onMeasurement: (m: Measurement) => Promise<void>;
  /** Called after each build of a scenario with the settings read back from its namespaces. */
  onApplied?: (scenario: string, applied: AppliedSettings) => Promise<void> | void;
  /** The run's clock counts guest instructions: one build per scenario, one accounting pass per scenario x workload. */
  instructionClock?: boolean;
  /** Stop a workload's repetitions once they agree (repetitions.ts); `repeats` is then the most. bench passes it on the instruction clock only (native.ts). */
  repetitionRule?: RepetitionRule;
  /** Called with the number of repetitions the rule left out, as it leaves them out (the progress line's total). */
  onSkipped?: (workload: Workload, count: number) => void;
  /**
   * The build is the settings probe (host/capabilities.ts probeScenario was not run): a build the kernel
   * or `ip` rejects, or settings read back otherwise, skip the scenario through onSkip, with the
   * probe's reasons, instead of failing its measurements. On the instruction clock, where each
   * scenario is built once, this saves a build per topology (about a minute of the default run).
   */
  buildIsProbe?: boolean;
  /** A scenario that cannot be built as specified at `point` (its build-scope values). */
  onSkip?: (scenario: string, reason: string, point: Point) => void;
}

export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The builds `ctx` asks for: each scenario at each build-scope group of its points (bench/axes.ts). */
export const matrixUnits = (ctx: Pick<MatrixContext, 'scenarios' | 'points'>): BuildUnit[] => buildUnits(ctx.scenarios, ctx.points ?? [DEFAULT_POINT]);

export async function runMatrix(ctx: MatrixContext): Promise<void> {
  const all = Array.from({ length: ctx.repeats }, (_, i) => i + 1);
  const units = matrixUnits(ctx);
  if (ctx.instructionClock) {
    for (const unit of shuffled(units)) {
      if (ctx.signal.aborted) return;
      await runBuild(ctx, unit, all);
    }
    return;
  }
  for (const repetition of all) {
    for (const unit of shuffled(units)) {
      if (ctx.signal.aborted) return;
      await runBuild(ctx, unit, [repetition]);
    }
  }
}

/**
 * Guest milliseconds of idle before each timed measurement on the instruction clock, and before
 * the first of a build. That one follows the previous scenario's teardown (cleanup_net runs from a
 * workqueue after `ip netns del`) and the tracers' detach after the untimed passes: with 1 s there,
 * first repetitions came out 0.1-5% low, the same in every boot (host+tax tcp_rr 23,116 and 23,142
 * against 24,280-24,375 in two boots); with 5 s they agree with the rest (24,392 against
 * 24,405-24,411). Idle costs almost no wall time: the idle guest's clock jumps ahead.
 */
const QUIESCE_MS = 1000;
const QUIESCE_FIRST_MS = 5000;

/** A workload that opens a connection per transaction and leaves one socket in TIME_WAIT for each. */
const churns = (w: Workload) => w.name === 'tcp_crr';

/**
 * The order of one build's measurements, at each of its points. Natively, one repetition of every
 * workload at every point. On the instruction clock (every repetition in one build) workload by
 * workload, each at every point, tcp_crr last: each of its
 * runs leaves ~1,000 sockets in TIME_WAIT, and their expiry 60 guest seconds later (tens of
 * millions of instructions at once) must not land inside another measurement; the teardown that
 * follows them deletes the namespaces and the sockets with them.
 */
export function measurementOrder(ctx: Pick<MatrixContext, 'instructionClock' | 'workloads'>, repetitions: readonly number[], points: readonly Point[] = [DEFAULT_POINT]): [number, Workload, Point][] {
  if (!ctx.instructionClock) return repetitions.flatMap((r) => points.flatMap((p) => ctx.workloads.map((w): [number, Workload, Point] => [r, w, p])));
  const churnLast = [...ctx.workloads].sort((a, b) => Number(churns(a)) - Number(churns(b)));
  return churnLast.flatMap((w) => points.flatMap((p) => repetitions.map((r): [number, Workload, Point] => [r, w, p])));
}

/** The transactions a fixed-work pass of `workload` did (ReceivePathCounts.transactions); none for other work. */
function passTransactions(workload: string, work: FixedWork | undefined): { transactions?: number } {
  const n = fixedTransactions(workload, work);
  return n === undefined ? {} : { transactions: n };
}

/** One build of the unit's scenario, and in it every workload at each of its points for each of `repetitions`. */
async function runBuild(ctx: MatrixContext, unit: BuildUnit, repetitions: readonly number[]): Promise<void> {
  const { scenario, points } = unit;
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
  // The repetition rule: each series' (workload at a point) deciding values so far, and the series it has ended.
  const rule = ctx.repetitionRule;
  const values = new Map<string, number[]>();
  const ended = new Set<string>();
  const lastRepetition = repetitions[repetitions.length - 1];
  const endsEarly = (workload: Workload, point: Point, repetition: number, outcome: { state: string; metrics: Record<string, number> }, r: RepetitionRule) => {
    const metric = decidingMetric(workload.name);
    const seen = values.get(series(workload.name, point)) ?? [];
    const value = metric === undefined ? undefined : outcome.metrics[metric];
    if (outcome.state === 'ok' && value !== undefined && Number.isFinite(value)) seen.push(value);
    values.set(series(workload.name, point), seen);
    return enoughRepetitions(workload.name, seen, repetitions.indexOf(repetition) + 1, r);
  };
  let built = false;
  try {
    await withTopology(planTopology(scenario, ctx.plan), async () => {
      built = true;
      // Checked on every build, not only at the probe: a measurement is never labelled with
      // settings the kernel did not apply.
      const applied = await readScenarioSettings(scenario, ctx.plan.runId);
      await ctx.onApplied?.(scenario.name, applied);
      if (applied.mismatches.length > 0 && ctx.buildIsProbe) return ctx.onSkip?.(scenario.name, mismatchReason(applied.mismatches), scopeOf(points[0]!, 'build'));
      if (applied.mismatches.length > 0) throw new Error(mismatchReason(applied.mismatches));
      const bpf = bpfStatsTracker(scenario.programs, ctx.plan.runId, ctx.plan.bpffs);
      // Topology up, no traffic yet: what the CPUs do anyway, subtracted from each measurement of this build.
      const idle = await takeIdleBaseline(undefined, ctx.signal);
      const workloadCtx = (point: Point): WorkloadContext => {
        const params = ctx.params || Object.keys(point).length > 1 ? paramsAt(ctx.params ?? {}, point) : undefined;
        return {
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
        };
      };
      // The untimed pass of a workload: the same workload, shorter, with the tracers and BPF run
      // statistics on (accounting/measure.ts). Natively one after each measurement. On the
      // instruction clock one per workload and point: all under one attach before the timed
      // repetitions, except tcp_crr's, which runs after its last repetition so that its TIME_WAIT
      // sockets expire after the teardown, not inside a timed window (measurementOrder).
      const passParamsAt = (point: Point) => {
        const params = workloadCtx(point).params;
        return params?.fixedWork ? { ...params, fixedWork: passWork(params.fixedWork) } : params;
      };
      const passRun = (workload: Workload, point: Point) => ({ name: series(workload.name, point), run: (window: WorkloadContext['window']) => workload.run({ ...workloadCtx(point), durationS: BPF_COST_PASS_S, params: passParamsAt(point), window }) });
      const inlinePass = (workload: Workload, last: boolean) => !ctx.instructionClock || (churns(workload) && last);
      const shared = ctx.instructionClock ? await untimedPasses(scenario, ctx.plan, ctx.log, bpf.take, points.flatMap((p) => ctx.workloads.filter((w) => !churns(w)).map((w) => passRun(w, p)))) : undefined;
      await bpf.take();
      let previous: string | undefined;
      for (const [repetition, workload, point] of measurementOrder(ctx, repetitions, points)) {
        if (ctx.signal.aborted) return;
        if (ended.has(series(workload.name, point))) continue;
        ctx.log(`${scenario.name}${at(point)} ${workload.name} repetition ${repetition}/${ctx.repeats}`);
        ctx.onStart?.(scenario.name, workload, repetition);
        const startedAt = new Date();
        // On the instruction clock, deferred kernel work (a torn-down namespace's cleanup_net, RCU
        // callbacks, freed programs) would land in the next timed window as millions of extra
        // instructions; an idle second lets it drain first, at almost no wall time (the idle
        // guest's clock jumps ahead).
        if (ctx.instructionClock) {
          // The harness's own garbage, collected now rather than inside the window (vm.ts GUEST_NODE_FLAGS).
          (globalThis as { gc?: () => void }).gc?.();
          await sleep(done.size === 0 ? QUIESCE_FIRST_MS : QUIESCE_MS, undefined, { signal: ctx.signal }).catch(() => undefined);
        }
        // The timed window runs the datapath and nothing else of ours.
        const outcome = await workload.run({ ...workloadCtx(point), warm: ctx.instructionClock && previous === series(workload.name, point) });
        previous = outcome.state === 'failed' ? undefined : series(workload.name, point);
        const elapsedS = (Date.now() - startedAt.getTime()) / 1000;
        if (ctx.signal.aborted) return;
        const counters = await bpf.take();
        const failed = outcome.state === 'failed';
        const last = repetition === lastRepetition || (rule !== undefined && endsEarly(workload, point, repetition, outcome, rule));
        if (last && repetition !== lastRepetition) {
          ended.add(series(workload.name, point));
          ctx.onSkipped?.(workload, repetitions.filter((r) => r > repetition).length);
        }
        const none: PassResult = { programs: [], metrics: {} };
        const accounted = failed ? none
          : inlinePass(workload, last) ? (await untimedPasses(scenario, ctx.plan, ctx.log, bpf.take, [passRun(workload, point)])).get(series(workload.name, point)) ?? none
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
    }, { log: ctx.log, signal: ctx.signal });
  } catch (err) {
    if (ctx.signal.aborted) return;
    if (!built && ctx.buildIsProbe) return ctx.onSkip?.(scenario.name, `cannot build it as specified: ${(err as Error).message}`, scopeOf(points[0]!, 'build'));
    for (const [repetition, workload, point] of measurementOrder(ctx, repetitions, points)) {
      if (done.has(id(repetition, workload.name, point)) || ended.has(series(workload.name, point))) continue;
      await record({ scenario: scenario.name, workload: workload.name, point, repetition, state: 'failed', reason: (err as Error).message, startedAt: new Date().toISOString(), elapsedS: 0, metrics: {}, bpf: [] });
    }
  }
}
