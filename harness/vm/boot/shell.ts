// Interactive debugging shell in the guest, on this terminal (serial console on stdio; Ctrl-A x quits qemu).
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { guestCpus, guestMemoryMiB, type GuestSettings } from './guest-settings.ts';
import { BASE_GUEST_ENV, readJobOutcome, writeJobDir } from './job-files.ts';
import { buildQemuArgs, qemuInvocation } from './qemu-args.ts';
import { newVmJobId, prepareVmAssets, type VmAssetOptions } from './vm-assets.ts';

export interface VmShellOptions extends VmAssetOptions, GuestSettings {
  /** Writable host folder mounted at the same path; a temporary one (removed afterwards) if omitted. */
  shareDir?: string;
  /** Starting directory of the shell; defaults to the share. */
  cwd?: string;
}

/** Boots the guest with a login shell on the terminal; resolves with the shell's exit code. */
export async function openVmShell(options: VmShellOptions = {}): Promise<number> {
  const temporaryShare = options.shareDir ? undefined : await mkdtemp(path.join(tmpdir(), 'nkb-vm-shell-'));
  const shareDir = await realpath(options.shareDir ?? temporaryShare!);
  const runId = newVmJobId();
  const jobName = `.nkb-vm-${runId}`;
  let jobDir: string | undefined;
  try {
    const assets = await prepareVmAssets(options);
    const shell = existsSync('/bin/bash') ? ['/bin/bash', '-l'] : ['/bin/sh', '-l'];
    const env = { ...BASE_GUEST_ENV, TERM: process.env.TERM ?? 'vt100', PS1: 'nkb-vm \\w # ' };
    jobDir = await writeJobDir(shareDir, jobName, { argv: shell, cwd: options.cwd ?? shareDir, env, sharePath: shareDir });
    const args = buildQemuArgs({
      name: `nkb-${runId}`, accel: assets.accel,
      cpus: guestCpus(options), memoryMiB: guestMemoryMiB(options),
      kernelPath: assets.kernelImagePath, initrdPath: assets.initrdPath,
      guestParams: [`nkb.job=${jobName}`, 'nkb.mode=interactive'], userParams: options.cmdline, shareDir, console: 'stdio',
    });
    const [file, fileArgs] = qemuInvocation(args);
    process.stderr.write(`nkb-vm: booting ${assets.kernel.version} (${assets.accel}); Ctrl-A x kills the VM\n`);
    await execa(file, fileArgs, { stdio: 'inherit', reject: false });
    return (await readJobOutcome(jobDir)).exitCode ?? 1;
  } finally {
    if (jobDir) await rm(jobDir, { recursive: true, force: true });
    if (temporaryShare) await rm(temporaryShare, { recursive: true, force: true });
  }
}
