// The two schedules of a build's measurements, one per clock. What differs between them, and why:
//
//                    host time (native, KVM)              instruction clock (TCG icount)
//   builds           one per repetition, scenarios        one for all repetitions
//                    shuffled in each (drift spreads)     (no drift to spread: matrix.ts)
//   order            each repetition: every point,        workload by workload, each at every point,
//                    every workload                       every repetition; tcp_crr last
//   before a window  nothing                              GC, then idle (deferred kernel work drains)
//   accounting pass  after each measurement               up front, under one attach, one per
//                                                         workload and point; tcp_crr's after its last
//   warm start       no                                   a repetition right after its own series
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_POINT, type Point } from '../model/point.ts';
import type { Workload } from '../workloads/types.ts';
import type { BuildUnit } from './axes.ts';

export type Step = [repetition: number, workload: Workload, point: Point];

export interface Schedule {
  /** The run's builds in order, each with the repetitions measured in it. */
  builds(units: readonly BuildUnit[], repetitions: readonly number[]): [BuildUnit, number[]][];
  /** One build's measurements, in order. */
  order(workloads: readonly Workload[], repetitions: readonly number[], points: readonly Point[]): Step[];
  /** Runs before each timed window; `first` for the build's first. */
  beforeWindow(first: boolean, signal: AbortSignal): Promise<void>;
  /** The workloads whose accounting passes run before the timed repetitions, under one attach. */
  upfrontPasses(workloads: readonly Workload[]): Workload[];
  /** Whether a measurement is followed by its own accounting pass (`last`: its series' last repetition). */
  passAfter(workload: Workload, last: boolean): boolean;
  /** Whether a repetition right after one of its own series may skip the tool's warm-up. */
  warmRepeats: boolean;
}

/** A workload that opens a connection per transaction and leaves one socket in TIME_WAIT for each. */
const churns = (w: Workload) => w.name === 'tcp_crr';

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

export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Builds shuffled within each repetition, so slow drift on a noisy machine spreads over all of them instead of landing on one. */
export const HOST_TIME_SCHEDULE: Schedule = {
  builds: (units, repetitions) => repetitions.flatMap((r) => shuffled(units).map((u): [BuildUnit, number[]] => [u, [r]])),
  order: (workloads, repetitions, points) => repetitions.flatMap((r) => points.flatMap((p) => workloads.map((w): Step => [r, w, p]))),
  beforeWindow: async () => undefined,
  upfrontPasses: () => [],
  passAfter: () => true,
  warmRepeats: false,
};

/**
 * Workload by workload, tcp_crr last: each of its runs leaves ~1,000 sockets in TIME_WAIT, and
 * their expiry 60 guest seconds later (tens of millions of instructions at once) must not land
 * inside another workload's measurement; the teardown that follows deletes them with the namespaces.
 */
export const INSTRUCTION_CLOCK_SCHEDULE: Schedule = {
  // No drift to spread (time counts guest instructions), and a build costs emulated instructions, that is, wall time.
  builds: (units, repetitions) => shuffled(units).map((u): [BuildUnit, number[]] => [u, [...repetitions]]),
  order: (workloads, repetitions, points) => [...workloads]
    .sort((a, b) => Number(churns(a)) - Number(churns(b)))
    .flatMap((w) => points.flatMap((p) => repetitions.map((r): Step => [r, w, p]))),
  async beforeWindow(first, signal) {
    // The harness's own garbage, collected now rather than inside the window (vm.ts GUEST_NODE_FLAGS);
    // deferred kernel work (a torn-down namespace's cleanup_net, RCU callbacks, freed programs)
    // drains in the idle that follows instead of landing in the window as millions of instructions.
    (globalThis as { gc?: () => void }).gc?.();
    await sleep(first ? QUIESCE_FIRST_MS : QUIESCE_MS, undefined, { signal }).catch(() => undefined);
  },
  upfrontPasses: (workloads) => workloads.filter((w) => !churns(w)),
  passAfter: (workload, last) => churns(workload) && last,
  warmRepeats: true,
};

export const scheduleFor = (instructionClock: boolean | undefined): Schedule => (instructionClock ? INSTRUCTION_CLOCK_SCHEDULE : HOST_TIME_SCHEDULE);

/** The order of one build's measurements on the given clock (tests and the dry run read it). */
export function measurementOrder(ctx: { instructionClock?: boolean; workloads: readonly Workload[] }, repetitions: readonly number[], points: readonly Point[] = [DEFAULT_POINT]): Step[] {
  return scheduleFor(ctx.instructionClock).order(ctx.workloads, repetitions, points);
}
