// The three sizes of run. Anything given on the command line overrides its preset (--topology too).
//   quick    smoke test for CI and the TCG-emulated VM (~10x slower): short, two repetitions (on the
//            instruction clock a third when they disagree), cross-node only
//   default  `npm run bench`: tcp_stream, tcp_rr, tcp_crr (nothing needed beyond iperf3 and node),
//            five repetitions (interval of the median: [min, max], 93.75% coverage), each scenario
//            cross-node and same-node (docs/same-node.md#time: within 10 minutes in the VM)
//   full     every workload and scenario (veth-tc too), longer measurements, ten repetitions (a 97.9% interval of the median),
//            cross-node and same-node: for figures to publish
import { DEFAULT_WORKLOADS, FULL_WORKLOADS } from '../workloads/index.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { CROSS_NODE } from '../model/point.ts';
import { SAME_NODE } from '../../scenarios/same-node/base.ts';

export type PresetName = 'quick' | 'default' | 'full';

export interface Preset {
  durationS: number;
  repeats: number;
  workloads: readonly string[];
  scenarios: readonly string[];
  /** The topologies each scenario is measured on (the `topology` axis); --topology overrides it. */
  topologies: readonly string[];
}

/**
 * The comparison the tool exists for: host networking, veth, veth with BPF host routing, netkit
 * in L3 and L2 mode. veth-tc (classic tc against tcx) has a measurement of its own
 * (scripts/tc-vs-tcx.ts, README), so it runs when named or with --full.
 */
export const DEFAULT_SCENARIOS: readonly string[] = ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2'];

/**
 * Both paths the claim is about: pods on two nodes, and pods on one node (issue 21). pod-to-node
 * (a pod to its own node's address) runs when named.
 */
export const DEFAULT_TOPOLOGIES: readonly string[] = [CROSS_NODE, SAME_NODE];

export const PRESETS: Record<PresetName, Preset> = {
  quick: { durationS: 1, repeats: 2, workloads: DEFAULT_WORKLOADS, scenarios: DEFAULT_SCENARIOS, topologies: [CROSS_NODE] },
  default: { durationS: 2, repeats: 5, workloads: DEFAULT_WORKLOADS, scenarios: DEFAULT_SCENARIOS, topologies: DEFAULT_TOPOLOGIES },
  full: { durationS: 10, repeats: 10, workloads: FULL_WORKLOADS, scenarios: SCENARIOS.map((s) => s.name), topologies: DEFAULT_TOPOLOGIES },
};

/** Repetitions of the default preset in a TCG-emulated VM on the host clock (`--clock host`): 3 keeps
 * `npm run bench` within minutes there (everything runs ~10x slower). */
export const EMULATED_DEFAULT_REPEATS = 3;

/**
 * The default preset on the instruction clock: 1 s of guest time (1e9 guest instructions at shift
 * 0) per measurement is ~25,000 tcp_rr transactions, where repetitions already agree to ~0.02%;
 * longer only costs wall time. Up to five repetitions (the smallest n whose order-statistic
 * interval of the median, (min, max), reaches 93.75% coverage), at least three (75%), stopping at
 * three when they agree (bench/repetitions.ts; docs/instruction-clock.md).
 */
export const INSTRUCTION_CLOCK_DEFAULT = { durationS: 1, repeats: 5, minRepeats: 3 } as const;

/**
 * The quick preset on the instruction clock: 2 repetitions, and a third when they disagree
 * (bench/repetitions.ts, the workload's agreementPct), so the median of three absorbs an odd one.
 * A single stall of one 250 Hz tick (4.2 ms) took 4% off one of two 5,000-transaction tcp_rr
 * repetitions, and with two the median is their mean (docs/sweeps.md#p99-between-boots).
 */
export const INSTRUCTION_CLOCK_QUICK = { repeats: 3, minRepeats: 2 } as const;
