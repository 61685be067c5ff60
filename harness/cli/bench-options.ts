// Validated bench options. Everything the user typed is checked here, once, with errors that
// quote the bad value; nothing downstream re-validates.
import { parseClockMode } from '../clock/clock.ts';
import type { ClockMode } from '../model/clock.ts';
import { UsageError, quote } from '../core/errors.ts';
import { checkRunId } from '../core/naming.ts';
import { parseCount, parseList } from '../core/flags.ts';
import { TOPOLOGIES } from '../../scenarios/index.ts';
import { checkSweepWorkloads, parseSweep, parseTopologies } from './axis-options.ts';
import { parseShard } from '../bench/shard.ts';
import { WORKLOADS } from '../workloads/index.ts';
import type { WorkloadParams } from '../model/workload-params.ts';
import { parseGuestCmdline, parseGuestMemory } from '../vm/boot/guest-settings.ts';
import { PRESETS, type PresetName } from '../bench/presets.ts';
import { resolveWorkloadParams, type RawWorkloadFlags } from './workload-options.ts';
import type { BenchOptions, VmMode } from '../bench/options.ts';
import { parseCpusOption } from '../cpu/request.ts';
import { parseKernelChoice } from '../vm/guest/kernel-choice.ts';

export function parseVmMode(value: string): VmMode {
  if (value === 'auto' || value === 'always' || value === 'never') return value;
  throw new UsageError(`--vm ${quote(value)} must be auto, always or never`);
}

/** The instruction clock exists only in the built-in VM under TCG: natively there is nothing to count. */
function parseClockCombination(flags: RawBenchFlags): ClockMode {
  const clock = parseClockMode(flags.clock ?? 'auto');
  if (clock === 'instructions' && flags.vm === 'never') throw new UsageError('--clock instructions needs the built-in VM (qemu TCG icount); it cannot be combined with --vm never');
  return clock;
}

/** Every scenario name on any topology. */
export const ALL_SCENARIOS = [...new Set(Object.values(TOPOLOGIES).flatMap((list) => list.map((s) => s.name)))];
export const ALL_WORKLOADS = WORKLOADS.map((w) => w.name);

export interface RawBenchFlags extends RawWorkloadFlags {
  scenarios?: string;
  topology?: string;
  sweep?: string[];
  shard?: string;
  vmShards?: string;
  workloads?: string;
  duration?: string;
  repeats?: string;
  minRepeats?: string;
  quick?: boolean;
  full?: boolean;
  out: string;
  dryRun?: boolean;
  verbose?: boolean;
  vm: string;
  clock?: string;
  runId?: string;
  allowInvalid?: boolean;
  isolate?: boolean;
  report?: boolean;
  injectCost?: string;
  abInjectCost?: string;
  kernel?: string;
  kernelConfig?: string;
  modules?: string;
  vmCpus?: string;
  vmMemory?: string;
  vmCmdline?: string;
  vmKernel?: string;
  cpus?: string;
}

/** The guest flags, checked: they mean a VM, so --vm never with any of them is a usage error. */
export function resolveGuestFlags(flags: Pick<RawBenchFlags, 'kernel' | 'kernelConfig' | 'modules' | 'vmCpus' | 'vmMemory' | 'vmCmdline' | 'vmKernel'>, vm: VmMode): BenchOptions['guest'] {
  if (flags.kernel === undefined) {
    const orphan = flags.kernelConfig !== undefined ? '--kernel-config' : flags.modules !== undefined ? '--modules' : undefined;
    if (orphan) throw new UsageError(`${orphan} belongs to --kernel PATH (the built-in kernel brings its own)`);
  } else if (flags.vmKernel !== undefined) {
    throw new UsageError('--vm-kernel picks one of Debian\'s kernels and --kernel boots your own: give one of them');
  }
  const given = Object.entries({ '--kernel': flags.kernel, '--vm-kernel': flags.vmKernel, '--vm-cpus': flags.vmCpus, '--vm-memory': flags.vmMemory, '--vm-cmdline': flags.vmCmdline }).find(([, v]) => v !== undefined);
  if (given && vm === 'never') throw new UsageError(`${given[0]} sets up the VM guest; it cannot be combined with --vm never`);
  return {
    ...(flags.kernel === undefined ? {} : { kernel: { kernel: flags.kernel, config: flags.kernelConfig, modules: flags.modules } }),
    ...(flags.vmKernel === undefined ? {} : { vmKernel: parseKernelChoice(flags.vmKernel) }),
    ...(flags.vmCpus === undefined ? {} : { cpus: parseCount('--vm-cpus', flags.vmCpus) }),
    ...(flags.vmMemory === undefined ? {} : { memoryMiB: parseGuestMemory(flags.vmMemory) }),
    ...(flags.vmCmdline === undefined ? {} : { cmdline: parseGuestCmdline(flags.vmCmdline) }),
  };
}

/** --vm-shards: VMs at once for one run (bench/vm-shards.ts); not with a shard of the user's own, nor without a VM. */
function vmShardsOf(flags: RawBenchFlags, vm: VmMode): Pick<BenchOptions, 'vmShards'> {
  if (flags.vmShards === undefined) return {};
  const vmShards = parseCount('--vm-shards', flags.vmShards);
  // 1 is what --shard and --vm never run anyway (a nightly pins it whatever else it is given).
  if (vmShards === 1) return { vmShards };
  if (flags.shard !== undefined) throw new UsageError('--vm-shards cuts the run itself and --shard runs one part of a run cut by hand: give one of them');
  if (vm === 'never') throw new UsageError('--vm-shards runs shards in VMs; it cannot be combined with --vm never');
  if (vmShards > 64) throw new UsageError(`--vm-shards ${vmShards}: at most 64 VMs at once`);
  return { vmShards };
}

function presetOf(flags: RawBenchFlags): PresetName {
  if (flags.quick && flags.full) throw new UsageError('--quick and --full cannot be combined');
  return flags.quick ? 'quick' : flags.full ? 'full' : 'default';
}

function abInjectCostOf(flags: RawBenchFlags): number | undefined {
  if (flags.abInjectCost === undefined) return undefined;
  if (flags.injectCost !== undefined) throw new UsageError('--ab-inject-cost and --inject-cost cannot be combined (the A side of an interleaved run carries no cost)');
  return flags.abInjectCost.trim() === '0' ? 0 : parseCount('--ab-inject-cost', flags.abInjectCost);
}

/**
 * Defaults finish in a few minutes on a 2-core machine; --quick is for smoke tests and CI (presets.ts).
 * `given`: the options the user gave (cli/given.ts), carried on as BenchOptions.given.
 */
export function resolveBenchOptions(flags: RawBenchFlags, given: readonly string[] = []): BenchOptions {
  const preset = presetOf(flags);
  const p = PRESETS[preset];
  const vm = parseVmMode(flags.vm);
  const guest = resolveGuestFlags(flags, vm);
  const minRepeats = flags.minRepeats === undefined ? undefined : parseCount('--min-repeats', flags.minRepeats);
  const asked = flags.repeats === undefined ? undefined : parseCount('--repeats', flags.repeats);
  if (minRepeats !== undefined && asked !== undefined && minRepeats > asked) throw new UsageError(`--min-repeats ${minRepeats} is more than --repeats ${asked}`);
  const repeats = asked ?? Math.max(p.repeats, minRepeats ?? 0);
  const workloads = flags.workloads === undefined ? [...p.workloads] : parseList('--workloads', flags.workloads, ALL_WORKLOADS, 'workload');
  const sweep = checkSweepWorkloads(parseSweep(flags.sweep ?? []), workloads);
  return {
    scenarios: flags.scenarios === undefined ? [...p.scenarios] : parseList('--scenarios', flags.scenarios, ALL_SCENARIOS, 'scenario'),
    workloads,
    topologies: parseTopologies(flags.topology, p.topologies),
    sweep,
    ...(flags.shard === undefined ? {} : { shard: parseShard(flags.shard) }),
    ...vmShardsOf(flags, vm),
    durationS: flags.duration === undefined ? p.durationS : parseCount('--duration', flags.duration),
    repeats,
    ...(minRepeats === undefined ? {} : { minRepeats }),
    outDir: flags.out,
    dryRun: flags.dryRun === true,
    verbose: flags.verbose === true,
    // A kernel of the user's is booted even when this one could run everything natively.
    vm: guest.kernel && vm === 'auto' ? 'always' : vm,
    clock: parseClockCombination(flags),
    runId: flags.runId === undefined ? undefined : checkRunId(flags.runId),
    allowInvalid: flags.allowInvalid === true,
    isolate: flags.isolate !== false,
    report: flags.report !== false,
    injectCost: flags.injectCost === undefined ? 0 : parseCount('--inject-cost', flags.injectCost),
    abInjectCost: abInjectCostOf(flags),
    preset,
    given: [...given],
    params: resolveWorkloadParams(flags, 'flows' in sweep ? workloads : []),
    guest,
    ...(flags.cpus === undefined ? {} : { cpus: parseCpusOption(flags.cpus) }),
  };
}
