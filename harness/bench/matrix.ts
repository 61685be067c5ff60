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

export interface MatrixContext {
  plan: PlanContext;
  scenarios: readonly Scenario[];
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
  onSkip?: (scenario: string, reason: string) => void;
}

export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function runMatrix(ctx: MatrixContext): Promise<void> {
  const all = Array.from({ length: ctx.repeats }, (_, i) => i + 1);
  if (ctx.instructionClock) {
    for (const scenario of shuffled(ctx.scenarios)) {
      if (ctx.signal.aborted) return;
      await runScenario(ctx, scenario, all);
    }
    return;
  }
  for (const repetition of all) {
    for (const scenario of shuffled(ctx.scenarios)) {
      if (ctx.signal.aborted) return;
      await runScenario(ctx, scenario, [repetition]);
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
 * The order of one build's measurements. Natively, one repetition of every workload. On the
 * instruction clock (every repetition in one build) workload by workload, tcp_crr last: each of its
 * runs leaves ~1,000 sockets in TIME_WAIT, and their expiry 60 guest seconds later (tens of
 * millions of instructions at once) must not land inside another measurement; the teardown that
 * follows them deletes the namespaces and the sockets with them.
 */
export function measurementOrder(ctx: Pick<MatrixContext, 'instructionClock' | 'workloads'>, repetitions: readonly number[]): [number, Workload][] {
  if (!ctx.instructionClock) return repetitions.flatMap((r) => ctx.workloads.map((w): [number, Workload] => [r, w]));
  const churnLast = [...ctx.workloads].sort((a, b) => Number(churns(a)) - Number(churns(b)));
  return churnLast.flatMap((w) => repetitions.map((r): [number, Workload] => [r, w]));
}

/** The transactions a fixed-work pass of `workload` did (ReceivePathCounts.transactions); none for other work. */
function passTransactions(workload: string, work: FixedWork | undefined): { transactions?: number } {
  const n = fixedTransactions(workload, work);
  return n === undefined ? {} : { transactions: n };
}

/** One build of `scenario`, and in it every workload for each of `repetitions`. */
async function runScenario(ctx: MatrixContext, scenario: Scenario, repetitions: readonly number[]): Promise<void> {
  const done = new Set<string>();
  const record = async (m: Measurement) => {
    done.add(`${m.repetition}/${m.workload}`);
    await ctx.onMeasurement(m);
  };
  // The repetition rule: each workload's deciding values so far, and the workloads it has ended.
  const rule = ctx.repetitionRule;
  const values = new Map<string, number[]>();
  const ended = new Set<string>();
  const lastRepetition = repetitions[repetitions.length - 1];
  const endsEarly = (workload: Workload, repetition: number, outcome: { state: string; metrics: Record<string, number> }, r: RepetitionRule) => {
    const metric = decidingMetric(workload.name);
    const seen = values.get(workload.name) ?? [];
    const value = metric === undefined ? undefined : outcome.metrics[metric];
    if (outcome.state === 'ok' && value !== undefined && Number.isFinite(value)) seen.push(value);
    values.set(workload.name, seen);
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
      if (applied.mismatches.length > 0 && ctx.buildIsProbe) return ctx.onSkip?.(scenario.name, mismatchReason(applied.mismatches));
      if (applied.mismatches.length > 0) throw new Error(mismatchReason(applied.mismatches));
      const bpf = bpfStatsTracker(scenario.programs, ctx.plan.runId, ctx.plan.bpffs);
      // Topology up, no traffic yet: what the CPUs do anyway, subtracted from each measurement of this build.
      const idle = await takeIdleBaseline(undefined, ctx.signal);
      const workloadCtx: WorkloadContext = {
        clientNetns: namespaceName(ctx.plan.runId, scenario.client.node),
        serverNetns: namespaceName(ctx.plan.runId, scenario.server.node),
        serverAddress: serverAddressFor(scenario.server, ctx.params),
        durationS: ctx.durationS,
        clientCpu: ctx.clientCpu,
        serverCpu: ctx.serverCpu,
        clientCpus: ctx.clientCpus,
        serverCpus: ctx.serverCpus,
        cpuAccounting: { idle },
        params: ctx.params,
        signal: ctx.signal,
      };
      // The untimed pass of a workload: the same workload, shorter, with the tracers and BPF run
      // statistics on (accounting/measure.ts). Natively one after each measurement. On the
      // instruction clock one per workload: all under one attach before the timed repetitions,
      // except tcp_crr's, which runs after its last repetition so that its TIME_WAIT sockets expire
      // after the teardown, not inside a timed window (measurementOrder).
      const passParams = ctx.params?.fixedWork ? { ...ctx.params, fixedWork: passWork(ctx.params.fixedWork) } : ctx.params;
      const passRun = (workload: Workload) => ({ name: workload.name, run: (window: WorkloadContext['window']) => workload.run({ ...workloadCtx, durationS: BPF_COST_PASS_S, params: passParams, window }) });
      const inlinePass = (workload: Workload, last: boolean) => !ctx.instructionClock || (churns(workload) && last);
      const shared = ctx.instructionClock ? await untimedPasses(scenario, ctx.plan, ctx.log, bpf.take, ctx.workloads.filter((w) => !churns(w)).map(passRun)) : undefined;
      await bpf.take();
      let previous: string | undefined;
      for (const [repetition, workload] of measurementOrder(ctx, repetitions)) {
        if (ctx.signal.aborted) return;
        if (ended.has(workload.name)) continue;
        ctx.log(`${scenario.name} ${workload.name} repetition ${repetition}/${ctx.repeats}`);
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
        const outcome = await workload.run({ ...workloadCtx, warm: ctx.instructionClock && previous === workload.name });
        previous = outcome.state === 'failed' ? undefined : workload.name;
        const elapsedS = (Date.now() - startedAt.getTime()) / 1000;
        if (ctx.signal.aborted) return;
        const counters = await bpf.take();
        const failed = outcome.state === 'failed';
        const last = repetition === lastRepetition || (rule !== undefined && endsEarly(workload, repetition, outcome, rule));
        if (last && repetition !== lastRepetition) {
          ended.add(workload.name);
          ctx.onSkipped?.(workload, repetitions.filter((r) => r > repetition).length);
        }
        const none: PassResult = { programs: [], metrics: {} };
        const accounted = failed ? none
          : inlinePass(workload, last) ? (await untimedPasses(scenario, ctx.plan, ctx.log, bpf.take, [passRun(workload)])).get(workload.name) ?? none
          : (repetition === repetitions[0] && shared?.get(workload.name)) || none;
        const { programs: pass, receivePath, metrics: pathMetrics } = accounted;
        if (ctx.signal.aborted) return;
        const programs = counters.map((c) => {
          const p = pass.find((x) => x.name === c.name);
          return { ...c, runCnt: p?.runCnt ?? 0, runTimeNs: p?.runTimeNs ?? 0 };
        });
        await record({
          scenario: scenario.name,
          workload: workload.name,
          repetition,
          ...outcome,
          metrics: { ...outcome.metrics, ...(failed ? {} : { ...bpfCostMetrics(pass), ...pathMetrics }) },
          startedAt: startedAt.toISOString(),
          elapsedS,
          bpf: programs,
          ...(receivePath && !failed ? { receivePath: { ...receivePath, ...passTransactions(workload.name, passParams?.fixedWork) } } : {}),
        });
      }
    }, { log: ctx.log, signal: ctx.signal });
  } catch (err) {
    if (ctx.signal.aborted) return;
    if (!built && ctx.buildIsProbe) return ctx.onSkip?.(scenario.name, `cannot build it as specified: ${(err as Error).message}`);
    for (const repetition of repetitions) for (const workload of ctx.workloads.filter((w) => !done.has(`${repetition}/${w.name}`) && !ended.has(w.name))) {
      await record({ scenario: scenario.name, workload: workload.name, repetition, state: 'failed', reason: (err as Error).message, startedAt: new Date().toISOString(), elapsedS: 0, metrics: {}, bpf: [] });
    }
  }
}
