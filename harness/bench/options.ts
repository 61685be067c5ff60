// What a bench run was asked to do, validated (harness/cli/bench-options.ts parses and checks the flags).
import type { ClockMode } from '../model/clock.ts';
import type { WorkloadParams } from '../model/workload-params.ts';
import type { GuestSettings } from '../vm/boot/guest-settings.ts';
import type { UserKernelRequest } from '../vm/guest/user-kernel.ts';
import type { KernelChoice } from '../vm/guest/kernel-choice.ts';
import type { PresetName } from './presets.ts';
import type { Shard } from './shard.ts';
import type { CpuRequest } from '../model/placement.ts';
import type { AxisValue } from '../model/point.ts';
import type { ResultsFile } from '../model/results.ts';

export type VmMode = 'auto' | 'always' | 'never';

export interface BenchOptions {
  scenarios: string[];
  /** --topology: the topologies each scenario is measured on (the `topology` axis, bench/axes.ts). */
  topologies: string[];
  /** --sweep AXIS=V1,V2 (repeatable): each swept axis's values, in the order given; {}: no sweep. */
  sweep: Record<string, AxisValue[]>;
  /** --shard K/N: only the parts of the Kth shard (bench/shard.ts); undefined: the whole matrix. */
  shard?: Shard;
  /** --vm-shards: the run cut into this many shards, each in its own VM at once (bench/vm-shards.ts); undefined: its default. */
  vmShards?: number;
  workloads: string[];
  durationS: number;
  repeats: number;
  /** Instruction clock: stop a workload's repetitions here once they agree (bench/repetitions.ts); undefined: run all `repeats`. */
  minRepeats?: number;
  outDir: string;
  dryRun: boolean;
  verbose: boolean;
  vm: VmMode;
  /** auto: instructions under TCG, host time under KVM or natively (harness/clock/clock.ts). */
  clock: ClockMode;
  runId?: string;
  allowInvalid: boolean;
  /** Run inside private mount and PID namespaces (harness/bench/isolate.ts); --no-isolate for debugging. */
  isolate: boolean;
  /** Write report.html, charts and summary.md into the run folder at the end. */
  report: boolean;
  /** bpf_loop iterations of the tax program on the server wire (0: none); a testing aid for the gate. */
  injectCost: number;
  /** Interleaved run: every scenario also measured as "<name>+tax" carrying this cost (0: an untaxed "<name>+copy"); undefined: off. */
  abInjectCost?: number;
  preset: PresetName;
  /** Long names of the options the user gave (`--repeats`), from commander (cli/given.ts): what the user chose, never re-read from argv. */
  given: readonly string[];
  params: WorkloadParams;
  /** The VM guest as the user set it (--vm-cpus, --vm-memory, --vm-cmdline), a kernel they built (--kernel) or which of Debian's (--vm-kernel). */
  guest: GuestSettings & { kernel?: UserKernelRequest; vmKernel?: KernelChoice };
  /** --cpus: client and server CPUs as asked; undefined: chosen from the machine (harness/cpu/placement.ts). */
  cpus?: CpuRequest;
}

/** A run that has ended, for its caller to present (harness/cli/present.ts). */
export interface FinishedRun {
  results: ResultsFile;
  runDir: string;
  verbose: boolean;
  /** Write the report (not --no-report). */
  report: boolean;
  /** The runner's own line on its timing (the VM's boot and wall time per measurement). */
  note?: string;
}

/**
 * How a run talks to its caller: output lines, the stop signal, the argv it was started with (passed
 * on and recorded, never searched for options: BenchOptions.given says what the user chose), the
 * script an isolated run re-runs, and how the end is shown.
 */
export interface BenchIo {
  out: (line: string) => void;
  err: (line: string) => void;
  signal: AbortSignal;
  argv: string[];
  /** The CLI's entry script (bin/netkit-bench.js, or the guest bundle's cli.mjs), which an isolated run re-runs. */
  script: string;
  present: (run: FinishedRun, io: Pick<BenchIo, 'out' | 'err' | 'signal'>) => Promise<void>;
}
