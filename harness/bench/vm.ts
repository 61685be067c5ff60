// A bench run inside the built-in kernel VM: the same CLI re-runs in the guest with --vm never,
// writing straight into this run's folder (shared into the guest at the same path), so the results
// files, the summary and the exit code are the same as natively (bench/vm-guest.ts). On the
// instruction clock the matrix is cut into shards, each in its own VM at once, and merged into the
// run's folder (bench/vm-shards.ts). The host then records where the run happened and prints the table.
import { withOption } from './argv.ts';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EXIT_FAILED } from '../core/errors.ts';
import { resolveClock } from '../clock/clock.ts';
import { detectAccel } from '../vm/boot/accel.ts';
import { qemuVersion } from '../vm/boot/availability.ts';
import { prepareVmAssets } from '../vm/boot/vm-assets.ts';
import { ensureGuestKernel } from '../vm/guest/kernel.ts';
import { defaultVmCacheDir } from '../vm/guest/locations.ts';
import { softwareFacts } from '../host/environment.ts';
import type { UserKernel } from '../vm/guest/user-kernel.ts';
import { withoutGuestFlags } from './guest-argv.ts';
import type { BenchIo, BenchOptions } from './options.ts';
import { EMULATED_DEFAULT_REPEATS, INSTRUCTION_CLOCK_DEFAULT, INSTRUCTION_CLOCK_QUICK } from './presets.ts';
import { runGuest, wallMsPerMeasurement, type GuestRunSetup } from './vm-guest.ts';
import { matrixPartCount, runShardsInVms, vmShardCount, vmShardsAsked } from './vm-shards.ts';

/**
 * V8 settings of the guest's harness process. On the instruction clock any instruction the guest
 * executes counts, and the harness shares CPUs with the workload: V8's memory reducer starts
 * garbage collections on its own about 8 s after the heap goes quiet (--gc-memory-reducer-start-delay-ms),
 * which is while the harness waits on a measurement, and background threads run GC and compiler
 * work whenever they are scheduled. Without both, collections happen only when the harness
 * allocates, and the matrix collects garbage itself before each quiet period (bench/matrix.ts).
 */
export const GUEST_NODE_FLAGS = ['--no-memory-reducer', '--single-threaded', '--expose-gc'] as const;

/**
 * Generous: boot, topology builds and every measurement, several times slower under TCG, and
 * slower again with the instruction clock (one host thread runs every vCPU), whose wall time
 * scales with the host's load: it only has to catch a hung guest.
 */
export function vmTimeoutMs(opts: BenchOptions, accel: 'kvm' | 'tcg', instructionClock = false): number {
  const measurements = opts.scenarios.length * opts.workloads.length * opts.repeats;
  const perMeasurementS = opts.durationS + 30;
  const factor = instructionClock ? 10 : accel === 'tcg' ? 3 : 1.5;
  return (120 * (instructionClock ? 5 : 1) + measurements * perMeasurementS * factor) * 1000;
}

/**
 * The preset's size in an emulated guest, where the user did not choose it (presets.ts). On the
 * instruction clock the default and quick presets measure fixed work (--work default), unless the
 * user chose a duration, fixed work of their own, or a tool that cannot count transactions. The
 * quick preset there measures 2 repetitions and a third when they disagree; the
 * default preset stops a workload's repetitions at 3 of 5 once they agree
 * (repetitions.ts), unless the user chose the repetitions. What the user chose: opts.given (cli/given.ts).
 */
export function emulatedSizing(opts: BenchOptions, accel: 'kvm' | 'tcg', instructionClock: boolean): { repeats?: number; minRepeats?: number; durationS?: number; work?: string } {
  const given = (flag: string) => opts.given.includes(flag);
  if (accel !== 'tcg' || opts.preset === 'full') return {};
  if (!instructionClock) return opts.preset !== 'default' || given('--repeats') ? {} : { repeats: EMULATED_DEFAULT_REPEATS };
  const timedTool = opts.params.rrTool !== 'netperf' && given('--rr-tool') || opts.params.crrTool === 'probe';
  const work = given('--duration') || given('--work') || timedTool ? undefined : 'default';
  if (opts.preset === 'quick' && !given('--repeats') && !given('--min-repeats')) return { work, ...INSTRUCTION_CLOCK_QUICK };
  if (opts.preset !== 'default') return { work };
  return {
    repeats: given('--repeats') ? undefined : INSTRUCTION_CLOCK_DEFAULT.repeats,
    minRepeats: given('--repeats') || given('--min-repeats') ? undefined : INSTRUCTION_CLOCK_DEFAULT.minRepeats,
    durationS: given('--duration') ? undefined : INSTRUCTION_CLOCK_DEFAULT.durationS,
    work,
  };
}

export async function benchInVm(opts: BenchOptions, runId: string, io: BenchIo, userKernel?: UserKernel): Promise<number> {
  // Debian's kernel is settled first: one that is gone from both the cache and apt is one line
  // (exit 2) with nothing created, not a boot that fails. The guest then boots exactly that package.
  const packaged = userKernel ? undefined : await ensureGuestKernel(defaultVmCacheDir(), opts.guest.vmKernel);
  // The kernel settled here, booted as is (vm-assets.ts does not resolve --vm-kernel again).
  const guest = { ...opts.guest, ...(packaged ? { settledKernel: packaged } : {}), userKernel };
  const outDir = resolve(opts.outDir);
  const runDir = join(outDir, runId);
  const detected = await detectAccel();
  const clock = resolveClock(opts.clock, detected);
  const accel = clock.kind === 'instructions' ? 'tcg' : detected;
  const shards = vmShardCount(opts, clock.kind === 'instructions', matrixPartCount(opts));
  await mkdir(runDir, { recursive: true });
  // Compiled before boot: no TypeScript is transpiled inside the emulated guest.
  // (Imported here so the guest, which runs this same file, never loads esbuild.)
  const cliPath = await (await import('../vm/guest/bundle.ts')).guestBundle();
  io.err(`netkit-bench run ${runId}: in the built-in kernel VM (${accel}, ${clock.kind === 'instructions' ? `instruction clock, icount shift=${clock.icountShift}` : 'host clock'}); ${shards > 1 ? `${shards} VMs at once, merged into ${runDir}` : `guest console: ${join(runDir, 'vm-console.log')}`}`);
  // The harness's settings replace the user's (withOption), so each option appears once.
  // The host writes the report: charts in an emulated guest would only be slower.
  const sizing = emulatedSizing(opts, accel, clock.kind === 'instructions');
  const repeats = sizing.repeats ?? opts.repeats;
  const durationS = sizing.durationS ?? opts.durationS;
  const resized = [
    ...(sizing.repeats ? [['--repeats', String(sizing.repeats)]] : []),
    ...(sizing.minRepeats ? [['--min-repeats', String(sizing.minRepeats)]] : []),
    ...(sizing.durationS ? [['--duration', String(sizing.durationS)]] : []),
    ...(sizing.work ? [['--work', sizing.work]] : []),
  ];
  // --no-isolate: the VM is the isolation (its kernel and everything the run created end with it),
  // and a second node start in the emulated guest costs seconds of wall time.
  const benchArgv = [['--vm', 'never'], ['--clock', 'auto'], ['--no-report'], ['--no-isolate'], ...resized]
    .reduce((a, [option, value]) => withOption(a, option!, value), withoutGuestFlags(io.argv));
  const setup: GuestRunSetup = {
    node: [process.execPath, ...GUEST_NODE_FLAGS, cliPath],
    benchArgv,
    accel,
    clock,
    timeoutMs: vmTimeoutMs({ ...opts, repeats, durationS }, accel, clock.kind === 'instructions'),
    verbose: opts.verbose,
    softwareFacts: JSON.stringify(await softwareFacts()),
    qemuVersion: await qemuVersion(),
    vmShards: vmShardsAsked(opts, clock.kind === 'instructions'),
    // The assets prepared once, before guests that boot at once would each build them.
    boot: { ...guest, assets: await prepareVmAssets(guest) },
  };
  // What the user ran, with its run id once; not the guest's internal command line.
  const command = withOption(io.argv, '--run-id', runId);
  if (shards > 1) {
    const merged = await runShardsInVms(setup, shards, { runId, runDir, command }, io);
    if (typeof merged === 'number') return merged;
    const vm = merged.results.environment.vm;
    await io.present({ results: merged.results, runDir, verbose: opts.verbose, report: opts.report, ...(vm ? { note: timingNote(vm.wallMs ?? 0, vm.bootMs, merged.results.measurements.length, shards) } : {}) }, io);
    return merged.exitCode;
  }
  const run = await runGuest(setup, { outDir, runId, label: 'vm', command }, io);
  if (!run.vm) {
    io.err(`stopped; the results measured so far: ${join(runDir, 'results.json')}`);
    return EXIT_FAILED;
  }
  if (!run.results) {
    io.err(`the guest wrote no results (exit ${run.vm.exitCode}); see ${join(runDir, 'vm-console.log')}`);
    return run.vm.exitCode === 0 ? EXIT_FAILED : run.vm.exitCode;
  }
  await io.present({ results: run.results, runDir, verbose: opts.verbose, report: opts.report, note: timingNote(run.wallMs, run.vm.bootMs, run.results.measurements.length, 1) }, io);
  return run.vm.exitCode;
}

/** The runner's line on its timing: boot, the whole, and wall time per measurement after boot. */
function timingNote(wallMs: number, bootMs: number, measured: number, vms: number): string {
  const perMs = wallMsPerMeasurement(wallMs, bootMs, measured);
  return `${vms > 1 ? `${vms} VMs at once, the last booted` : 'guest booted'} in ${(bootMs / 1000).toFixed(1)} s; ${(wallMs / 1000).toFixed(0)} s in all, ${perMs === undefined ? '-' : (perMs / 1000).toFixed(1)} s of wall time per measurement`;
}
