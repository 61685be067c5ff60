// Runs one command inside a fresh guest and reports its exit code, boot time and kernel release.
import { execa } from 'execa';
import { mkdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClockInfo } from '../../model/clock.ts';
import type { Accel } from './accel.ts';
import { guestCpus, guestMemoryMiB, mitigationsOf, type GuestSettings } from './guest-settings.ts';
import type { GuestMachineRecord } from '../../model/guest.ts';
import { BASE_GUEST_ENV, readJobOutcome, writeJobDir } from './job-files.ts';
import { buildQemuArgs, kernelCommandLine, qemuInvocation } from './qemu-args.ts';
import { pinVcpus } from './vcpu-pinning-run.ts';
import { removeStaleJobDirs } from './stale-jobs.ts';
import { newVmJobId, prepareVmAssets, type VmAssetOptions, type VmAssets } from './vm-assets.ts';
import { exitReason } from '../../core/exit-status.ts';

export interface RunInVmOptions extends VmAssetOptions, GuestSettings {
  argv: string[];
  /** Absolute working directory inside the guest (the host's tree is visible read-only at the same paths). */
  cwd: string;
  /** Added to BASE_GUEST_ENV (PATH, HOME, LANG, TERM, NKB_IN_VM=1); the host env is not inherited. */
  env?: Record<string, string>;
  /** Writable host folder, mounted in the guest at the same absolute path. */
  shareDir: string;
  consoleLogPath: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Instruction clock under TCG (harness/clock/clock.ts); default host time. */
  clock?: ClockInfo;
  /** prepareVmAssets' result when the caller already has it (several guests booted at once share one). */
  assets?: VmAssets;
}

export interface RunInVmResult {
  exitCode: number;
  accel: Accel;
  /** qemu spawn to the guest's `started` stamp (written right before argv runs), host clock. */
  bootMs: number;
  kernelRelease: string;
  /** The kernel, vCPUs, memory and command line this boot used, and the vCPU placement. */
  machine: GuestMachineRecord;
}

const KILL_GRACE_MS = 3000;

export async function runInVm(options: RunInVmOptions): Promise<RunInVmResult> {
  options.signal?.throwIfAborted();
  const shareDir = await realpath(options.shareDir);
  const consoleLogPath = path.resolve(options.consoleLogPath);
  const assets = options.assets ?? (await prepareVmAssets(options));
  options.signal?.throwIfAborted();
  await mkdir(path.dirname(consoleLogPath), { recursive: true });
  await removeStaleJobDirs(shareDir);
  const runId = newVmJobId();
  const jobName = `.nkb-vm-${runId}`;
  const env = { ...BASE_GUEST_ENV, ...options.env };
  const jobDir = await writeJobDir(shareDir, jobName, { argv: options.argv, cwd: options.cwd, env, sharePath: shareDir });
  let qmpSocket: string | undefined;
  try {
    // The instruction clock exists only under TCG, so it forces TCG even where KVM works.
    const accel = options.clock?.kind === 'instructions' ? 'tcg' : assets.accel;
    const guestParams = [`nkb.job=${jobName}`, 'nkb.mode=run'];
    // A unix socket path must fit in 108 bytes, which a share path may not: the socket goes in /tmp.
    qmpSocket = accel === 'kvm' ? path.join(tmpdir(), `nkb-qmp-${runId}.sock`) : undefined;
    const args = buildQemuArgs({
      name: `nkb-${runId}`, accel, clock: options.clock, cpus: guestCpus(options), memoryMiB: guestMemoryMiB(options),
      kernelPath: assets.kernelImagePath, initrdPath: assets.initrdPath,
      guestParams, userParams: options.cmdline, shareDir, console: { file: consoleLogPath }, qmpSocket,
    });
    const [file, fileArgs] = qemuInvocation(args);
    const spawnedAt = Date.now();
    const running = execa(file, fileArgs, {
      stdin: 'ignore', stdout: 'ignore', reject: false,
      timeout: options.timeoutMs, forceKillAfterDelay: KILL_GRACE_MS,
      cancelSignal: options.signal,
    });
    const pinning = await pinVcpus(guestCpus(options), qmpSocket);
    const qemu = await running;
    if (options.signal?.aborted || qemu.isCanceled) {
      throw new Error(`VM run nkb-${runId} aborted; qemu was stopped`, { cause: options.signal?.reason });
    }
    if (qemu.timedOut) {
      throw new Error(
        `guest did not finish within ${options.timeoutMs} ms; qemu nkb-${runId} was killed. Console log: ${consoleLogPath}`,
      );
    }
    if (qemu.exitCode !== 0) {
      throw new Error(`qemu ${exitReason({ exitCode: qemu.exitCode, signal: qemu.signal, stderr: String(qemu.stderr ?? '') })}. Console log: ${consoleLogPath}`);
    }
    const outcome = await readJobOutcome(jobDir);
    if (outcome.exitCode === undefined || outcome.startedAtMs === undefined) {
      throw new Error(`guest powered off without reporting an exit code (init failure or panic?). Console log: ${consoleLogPath}`);
    }
    return {
      exitCode: outcome.exitCode,
      accel,
      bootMs: Math.round(outcome.startedAtMs - spawnedAt),
      kernelRelease: outcome.kernelRelease ?? assets.kernel.version,
      machine: {
        kernel: assets.kernelRecord, cpus: guestCpus(options), memoryMiB: guestMemoryMiB(options),
        cmdline: kernelCommandLine(guestParams, options.cmdline), userCmdline: options.cmdline ?? [],
        mitigations: mitigationsOf(options.cmdline ?? []), ...pinning,
      },
    };
  } finally {
    await rm(jobDir, { recursive: true, force: true });
    if (qmpSocket) await rm(qmpSocket, { force: true });
  }
}
