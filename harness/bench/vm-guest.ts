// One guest run of a bench: boot the built-in VM, re-run the CLI inside it with --vm never into a
// run folder shared at the same path, follow its console, and read back what it wrote. bench/vm.ts
// runs one of these for the whole matrix, or one per shard at once (bench/vm-shards.ts).
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/paths.ts';
import { CLOCK_ENV, clockToEnv } from '../core/clock-env.ts';
import { clockNote } from '../clock/labels.ts';
import { pickConfig } from '../host/kernel-config.ts';
import { SOFTWARE_FACTS_ENV } from '../host/environment.ts';
import type { ClockInfo } from '../model/clock.ts';
import type { ResultsFile } from '../model/results.ts';
import { loadResults } from '../results/load.ts';
import { writeResults } from '../results/write.ts';
import { guestPathWithHostNode } from '../vm/boot/job-files.ts';
import { runInVm, type RunInVmOptions, type RunInVmResult } from '../vm/boot/qemu.ts';
import { withOption } from './argv.ts';
import { followFile } from './follow.ts';
import type { BenchIo } from './options.ts';
import { PROGRESS_LINE, PROGRESS_LINES_ENV } from './progress.ts';
import { runSummary } from './run-summary.ts';

const TCG_NOTE = 'emulated CPU (qemu TCG): absolute figures are not hardware figures; only ratios between scenarios carry meaning';

/** What every guest of one bench run shares: how it boots and what it runs. */
export interface GuestRunSetup {
  /** node, its flags and the CLI bundle. */
  node: string[];
  /** The guest's bench arguments; each guest's own options (runId, outDir, shard) replace theirs. */
  benchArgv: string[];
  accel: 'kvm' | 'tcg';
  clock: ClockInfo;
  timeoutMs: number;
  verbose: boolean;
  softwareFacts: string;
  /** undefined when qemu would not say. */
  qemuVersion: string | undefined;
  /** The VMs asked for (vm-shards.ts vmShardsAsked), recorded as environment.vm.vmShards. */
  vmShards: number;
  /** runInVm's guest settings and the settled kernel or assets. */
  boot: Omit<RunInVmOptions, 'argv' | 'cwd' | 'env' | 'clock' | 'shareDir' | 'consoleLogPath' | 'timeoutMs' | 'signal'>;
}

/** A guest's outcome: its exit code and results, or undefined results when it wrote none; undefined vm when it was stopped. */
export interface GuestRun { vm?: RunInVmResult; results?: ResultsFile; wallMs: number; bootMs?: number }

/**
 * Boots one guest running `setup.argv` with `--run-id runId --out outDir` (and `--shard`), its
 * results recording `command` when given (what the user ran, not the guest's command line). Its messages (not the
 * kernel's `[ 1.234]` lines) go to io.err with `label` in front, a progress line per measurement
 * among them. A stopped guest (a signal, the time limit, qemu failing) leaves its partial file with
 * a summary and CSV; a signal resolves with `vm` undefined, anything else throws.
 */
export async function runGuest(setup: GuestRunSetup, at: { outDir: string; runId: string; label: string; shard?: string; command?: string[] }, io: BenchIo): Promise<GuestRun> {
  const runDir = join(at.outDir, at.runId);
  const consoleLogPath = join(runDir, 'vm-console.log');
  // Shared into the guest at the same path, so it exists before boot.
  await mkdir(runDir, { recursive: true });
  const guestLog = followFile(consoleLogPath, (line) => {
    if (line.trim() && !/^\[\s*\d+\.\d+\]/.test(line) && (setup.verbose || line.startsWith('netkit-bench') || PROGRESS_LINE.test(line) || /: (failed|invalid)/.test(line))) io.err(`${at.label}: ${line}`);
  });
  const own: [string, string][] = [['--run-id', at.runId], ['--out', at.outDir], ...(at.shard ? [['--shard', at.shard] as [string, string]] : [])];
  const spawnedAt = Date.now();
  const vm = await runInVm({
    ...setup.boot,
    argv: [...setup.node, ...own.reduce((a, [option, value]) => withOption(a, option, value), setup.benchArgv)],
    cwd: PROJECT_ROOT,
    env: { NKB_WHERE: `vm-${setup.accel}`, PATH: guestPathWithHostNode(), [CLOCK_ENV]: clockToEnv(setup.clock), [PROGRESS_LINES_ENV]: '1', [SOFTWARE_FACTS_ENV]: setup.softwareFacts },
    clock: setup.clock,
    shareDir: runDir,
    consoleLogPath,
    timeoutMs: setup.timeoutMs,
    signal: io.signal,
  }).catch(async (e: unknown) => {
    await finishPartialResults(runDir);
    if (io.signal.aborted) return undefined;
    throw e;
  }).finally(() => guestLog.stop());
  const wallMs = Date.now() - spawnedAt;
  // Validated like any results file the harness reads; missing or broken means the guest failed.
  const results = await loadResults(runDir).catch(() => undefined);
  if (!vm || !results) return { ...(vm ? { vm } : {}), ...(results ? { results } : {}), wallMs };
  // A guest that stopped before its end left a partial file without a summary.
  if (!results.complete) results.summary = runSummary(results.measurements);
  const measured = results.measurements.length;
  results.environment.vm = {
    accel: vm.accel, bootMs: vm.bootMs, note: clockNote(setup.clock) ?? (vm.accel === 'tcg' ? TCG_NOTE : 'hardware-virtualised CPU (KVM)'), wallMs, ...vm.machine, ...(setup.qemuVersion === undefined ? {} : { qemuVersion: setup.qemuVersion }),
    ...perMeasurement(wallMs, vm.bootMs, measured), vmShards: setup.vmShards,
  };
  // The guest cannot read a config it was not given (no /proc/config.gz, no /boot/config-<release>): the host can.
  results.environment.kernelConfig ??= await readFile(vm.machine.kernel.configPath ?? '', 'utf8').then((t) => pickConfig(t), () => undefined);
  if (at.command) results.command = at.command;
  await writeResults(runDir, results);
  return { vm, results, wallMs, bootMs: vm.bootMs };
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

/**
 * Wall time per measurement after the boot, ms (the results' vm.wallMsPerMeasurement, the runner's
 * timing line): the one formula for one guest and for VMs at once (their last boot). Undefined
 * with nothing measured.
 */
export const wallMsPerMeasurement = (wallMs: number, bootMs: number, measured: number): number | undefined =>
  (measured > 0 ? Math.round((wallMs - bootMs) / measured) : undefined);

/** `{ wallMsPerMeasurement }`, or nothing with nothing measured. */
export function perMeasurement(wallMs: number, bootMs: number, measured: number): { wallMsPerMeasurement?: number } {
  const ms = wallMsPerMeasurement(wallMs, bootMs, measured);
  return ms === undefined ? {} : { wallMsPerMeasurement: ms };
}
