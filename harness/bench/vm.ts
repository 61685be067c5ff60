// A bench run inside the built-in kernel VM: the same CLI re-runs in the guest with --vm never,
// writing straight into this run's folder (shared into the guest at the same path), so the results
// files, the summary and the exit code are the same as natively. The host then records where the
// run happened and prints the table.
import { withOption } from './argv.ts';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EXIT_FAILED } from '../core/errors.ts';
import { resolveClock } from '../clock/clock.ts';
import { CLOCK_ENV, clockToEnv } from '../core/clock-env.ts';
import { clockNote } from '../clock/labels.ts';
import { PROJECT_ROOT } from '../core/paths.ts';
import { loadResults } from '../results/load.ts';
import { writeResults } from '../results/write.ts';
import { detectAccel } from '../vm/boot/accel.ts';
import { guestPathWithHostNode } from '../vm/boot/job-files.ts';
import { runInVm } from '../vm/boot/qemu.ts';
import { qemuVersion } from '../vm/boot/availability.ts';
import { ensureGuestKernel } from '../vm/guest/kernel.ts';
import { defaultVmCacheDir } from '../vm/guest/locations.ts';
import { SOFTWARE_FACTS_ENV, softwareFacts } from '../host/environment.ts';
import type { UserKernel } from '../vm/guest/user-kernel.ts';
import { pickConfig } from '../host/kernel-config.ts';
import { withoutGuestFlags } from './guest-argv.ts';
import type { BenchIo } from './options.ts';
import type { BenchOptions } from './options.ts';
import { followFile } from './follow.ts';
import { PROGRESS_LINE, PROGRESS_LINES_ENV } from './progress.ts';
import { EMULATED_DEFAULT_REPEATS, INSTRUCTION_CLOCK_DEFAULT } from './presets.ts';
import { runSummary } from './run-summary.ts';

/**
 * V8 settings of the guest's harness process. On the instruction clock any instruction the guest
 * executes counts, and the harness shares CPUs with the workload: V8's memory reducer starts
 * garbage collections on its own about 8 s after the heap goes quiet (--gc-memory-reducer-start-delay-ms),
 * which is while the harness waits on a measurement, and background threads run GC and compiler
 * work whenever they are scheduled. Without both, collections happen only when the harness
 * allocates, and the matrix collects garbage itself before each quiet period (bench/matrix.ts).
 */
export const GUEST_NODE_FLAGS = ['--no-memory-reducer', '--single-threaded', '--expose-gc'] as const;

const TCG_NOTE = 'emulated CPU (qemu TCG): absolute figures are not hardware figures; only ratios between scenarios carry meaning';

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
 * default preset there also stops a workload's repetitions at 3 of 5 once they agree
 * (repetitions.ts), unless the user chose the repetitions. What the user chose: opts.given (cli/given.ts).
 */
export function emulatedSizing(opts: BenchOptions, accel: 'kvm' | 'tcg', instructionClock: boolean): { repeats?: number; minRepeats?: number; durationS?: number; work?: string } {
  const given = (flag: string) => opts.given.includes(flag);
  if (accel !== 'tcg' || opts.preset === 'full') return {};
  if (!instructionClock) return opts.preset !== 'default' || given('--repeats') ? {} : { repeats: EMULATED_DEFAULT_REPEATS };
  const timedTool = opts.params.rrTool !== 'netperf' && given('--rr-tool') || opts.params.crrTool === 'probe';
  const work = given('--duration') || given('--work') || timedTool ? undefined : 'default';
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
  const outDir = resolve(opts.outDir);
  const runDir = join(outDir, runId);
  await mkdir(runDir, { recursive: true });
  const detected = await detectAccel();
  const clock = resolveClock(opts.clock, detected);
  const accel = clock.kind === 'instructions' ? 'tcg' : detected;
  const consoleLogPath = join(runDir, 'vm-console.log');
  // Compiled before boot: no TypeScript is transpiled inside the emulated guest.
  // (Imported here so the guest, which runs this same file, never loads esbuild.)
  const cliPath = await (await import('../vm/guest/bundle.ts')).guestBundle();
  io.err(`netkit-bench run ${runId}: in the built-in kernel VM (${accel}, ${clock.kind === 'instructions' ? `instruction clock, icount shift=${clock.icountShift}` : 'host clock'}); guest console: ${consoleLogPath}`);
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
  const guestArgv = [['--vm', 'never'], ['--clock', 'auto'], ['--run-id', runId], ['--out', outDir], ['--no-report'], ['--no-isolate'], ...resized]
    .reduce((a, [option, value]) => withOption(a, option!, value), withoutGuestFlags(io.argv));
  const argv = [process.execPath, ...GUEST_NODE_FLAGS, cliPath, ...guestArgv];
  // The guest's own messages (not the kernel's `[ 1.234]` lines) appear as they are written, one
  // progress line per measurement among them, as a native run prints in a log.
  const guestLog = followFile(consoleLogPath, (line) => {
    if (line.trim() && !/^\[\s*\d+\.\d+\]/.test(line) && (opts.verbose || line.startsWith('netkit-bench') || PROGRESS_LINE.test(line) || /: (failed|invalid)/.test(line))) io.err(`vm: ${line}`);
  });
  const spawnedAt = Date.now();
  const vm = await runInVm({
    argv,
    cwd: PROJECT_ROOT,
    env: { NKB_WHERE: `vm-${accel}`, PATH: guestPathWithHostNode(), [CLOCK_ENV]: clockToEnv(clock), [PROGRESS_LINES_ENV]: '1', [SOFTWARE_FACTS_ENV]: JSON.stringify(await softwareFacts()) },
    clock,
    shareDir: runDir,
    consoleLogPath,
    timeoutMs: vmTimeoutMs({ ...opts, repeats, durationS }, accel, clock.kind === 'instructions'),
    signal: io.signal,
    ...opts.guest,
    // The kernel settled above, booted as is (vm-assets.ts does not resolve --vm-kernel again).
    ...(packaged ? { settledKernel: packaged } : {}),
    userKernel,
  }).catch(async (e: unknown) => {
    // Stopped (a signal, the VM's time limit, qemu failing): the guest's last partial file gets
    // its summary and CSV, as an interrupted native run leaves them. A signal is the user's stop,
    // not a failure: runBench turns it into 130/143 as natively; anything else goes on as an error.
    await finishPartialResults(runDir);
    if (io.signal.aborted) return undefined;
    throw e;
  }).finally(() => guestLog.stop());
  if (!vm) {
    io.err(`stopped; the results measured so far: ${join(runDir, 'results.json')}`);
    return EXIT_FAILED;
  }
  // Validated like any results file the harness reads; missing or broken means the guest failed.
  const results = await loadResults(runDir).catch(() => undefined);
  if (!results) {
    io.err(`the guest wrote no results (exit ${vm.exitCode}); see ${consoleLogPath}`);
    return vm.exitCode === 0 ? EXIT_FAILED : vm.exitCode;
  }
  // A guest that stopped before its end left a partial file without a summary.
  if (!results.complete) results.summary = runSummary(results.measurements);
  // What the user ran, with its run id once; not the guest's internal command line.
  results.command = withOption(io.argv, '--run-id', runId);
  const note = clockNote(clock) ?? (vm.accel === 'tcg' ? TCG_NOTE : 'hardware-virtualised CPU (KVM)');
  const wallMs = Date.now() - spawnedAt;
  const measured = results.measurements.length;
  results.environment.vm = {
    accel: vm.accel, bootMs: vm.bootMs, note, wallMs, ...vm.machine, qemuVersion: await qemuVersion(),
    ...(measured > 0 ? { wallMsPerMeasurement: Math.round((wallMs - vm.bootMs) / measured) } : {}),
  };
  // The guest cannot read a config it was not given (no /proc/config.gz, no /boot/config-<release>): the host can.
  results.environment.kernelConfig ??= await readFile(vm.machine.kernel.configPath ?? '', 'utf8').then((t) => pickConfig(t), () => undefined);
  await writeResults(runDir, results);
  const timing = `guest booted in ${(vm.bootMs / 1000).toFixed(1)} s; ${(wallMs / 1000).toFixed(0)} s in all, ${measured ? ((wallMs - vm.bootMs) / measured / 1000).toFixed(1) : '-'} s of wall time per measurement`;
  await io.present({ results, runDir, verbose: opts.verbose, report: opts.report, note: timing }, io);
  return vm.exitCode;
}

/**
 * The guest writes its partial results without a summary or CSV after each measurement
 * (native.ts): if it never finished, the host adds both. Nothing to do without a readable file.
 */
async function finishPartialResults(runDir: string): Promise<void> {
  const results = await loadResults(runDir).catch(() => undefined);
  if (!results || results.complete) return;
  results.summary = runSummary(results.measurements);
  await writeResults(runDir, results);
}
