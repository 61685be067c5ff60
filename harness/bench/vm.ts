// A bench run inside the built-in kernel VM: the same CLI re-runs in the guest with --vm never,
// writing straight into this run's folder (shared into the guest at the same path), so the results
// files, the summary and the exit code are the same as natively. The host then records where the
// run happened and prints the table.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EXIT_FAILED } from '../errors.ts';
import { BIN, PROJECT_ROOT } from '../paths.ts';
import { loadResults } from '../results/load.ts';
import { writeResults } from '../results/write.ts';
import { detectAccel } from '../vm/accel.ts';
import { guestPathWithHostNode } from '../vm/job-files.ts';
import { runInVm } from '../vm/qemu.ts';
import type { BenchIo } from './native.ts';
import type { BenchOptions } from './options.ts';
import { followFile } from './follow.ts';
import { EMULATED_DEFAULT_REPEATS } from './presets.ts';
import { renderTable } from './table.ts';
import { reportUnlessStopped } from './report.ts';

const TCG_NOTE = 'emulated CPU (qemu TCG): absolute figures are not hardware figures; only ratios between scenarios carry meaning';

/** Generous: boot, topology builds and every measurement, several times slower under TCG. */
export function vmTimeoutMs(opts: BenchOptions, accel: 'kvm' | 'tcg'): number {
  const measurements = opts.scenarios.length * opts.workloads.length * opts.repeats;
  const perMeasurementS = opts.durationS + 30;
  return (120 + measurements * perMeasurementS * (accel === 'tcg' ? 3 : 1.5)) * 1000;
}

export async function benchInVm(opts: BenchOptions, runId: string, io: BenchIo): Promise<number> {
  const outDir = resolve(opts.outDir);
  const runDir = join(outDir, runId);
  await mkdir(runDir, { recursive: true });
  const accel = await detectAccel();
  const consoleLogPath = join(runDir, 'vm-console.log');
  io.err(`netkit-bench run ${runId}: in the built-in kernel VM (${accel}); guest console: ${consoleLogPath}`);
  // Later flags win in commander, so appending overrides whatever the user gave for these.
  // The host writes the report: charts in an emulated guest would only be slower.
  const emulatedDefault = accel === 'tcg' && opts.preset === 'default' && !io.argv.includes('--repeats');
  const repeats = emulatedDefault ? EMULATED_DEFAULT_REPEATS : opts.repeats;
  const argv = [process.execPath, BIN, ...io.argv, '--vm', 'never', '--run-id', runId, '--out', outDir, '--no-report', ...(emulatedDefault ? ['--repeats', String(repeats)] : [])];
  // The guest's own messages (not the kernel's `[ 1.234]` lines) appear as they are written.
  const guestLog = followFile(consoleLogPath, (line) => {
    if (line.trim() && !/^\[\s*\d+\.\d+\]/.test(line) && (opts.verbose || line.startsWith('netkit-bench') || /: (failed|invalid)/.test(line))) io.err(`vm: ${line}`);
  });
  const vm = await runInVm({
    argv,
    cwd: PROJECT_ROOT,
    env: { NKB_WHERE: `vm-${accel}`, PATH: guestPathWithHostNode() },
    shareDir: runDir,
    consoleLogPath,
    timeoutMs: vmTimeoutMs({ ...opts, repeats }, accel),
    signal: io.signal,
  }).finally(() => guestLog.stop());
  // Validated like any results file the harness reads; missing or broken means the guest failed.
  const results = await loadResults(runDir).catch(() => undefined);
  if (!results) {
    io.err(`the guest wrote no results (exit ${vm.exitCode}); see ${consoleLogPath}`);
    return vm.exitCode === 0 ? EXIT_FAILED : vm.exitCode;
  }
  results.environment.vm = { accel: vm.accel, bootMs: vm.bootMs, note: vm.accel === 'tcg' ? TCG_NOTE : 'hardware-virtualised CPU (KVM)' };
  await writeResults(runDir, results);
  io.out(renderTable(results));
  io.out(`results: ${join(runDir, 'results.csv')} ${join(runDir, 'results.json')} (guest booted in ${(vm.bootMs / 1000).toFixed(1)} s)`);
  if (opts.report) await reportUnlessStopped(runDir, io);
  return vm.exitCode;
}
