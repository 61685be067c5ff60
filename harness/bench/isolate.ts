// Cleanup by construction. A bench run re-executes itself under `unshare` in a private mount
// namespace and a private PID namespace. Inside, /run/netns is a tmpfs of its own and bpffs a fresh
// instance, so the run's named network namespaces and BPF pins exist only there. Whatever happens
// to the harness, even SIGKILL, the kernel ends every process of the run (PID namespace), drops
// the mounts (mount namespace) and with them the network namespaces, their devices and BPF links.
//
//   netkit-bench (outer)        forwards SIGINT/SIGTERM; its death closes fd 3
//     unshare --pid --fork ...  ignores signals; --kill-child: its death SIGKILLs the inner
//       netkit-bench (inner)    PID 1 of the run: measures, tears down, writes results
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import { run } from '../core/exec.ts';
import { BPFFS, CLI_ENTRY } from '../core/paths.ts';

const ISOLATED_ENV = 'NKB_ISOLATED';
const PARENT_FD = 3;

export function isIsolated(): boolean {
  return process.env[ISOLATED_ENV] === '1';
}

/** Runs `netkit-bench <args>` isolated and returns its exit code. */
export async function runIsolated(args: string[]): Promise<number> {
  const child = spawn(
    'unshare',
    ['--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', '--mount-proc', '--', process.execPath, ...process.execArgv, CLI_ENTRY, ...args],
    // A process group of its own, so a terminal's Ctrl-C reaches the run once, through us.
    { stdio: ['ignore', 'inherit', 'inherit', 'pipe'], env: { ...process.env, [ISOLATED_ENV]: '1' }, detached: true },
  );
  const forward = (signal: NodeJS.Signals) => void innerPid(child.pid).then((pid) => pid && process.kill(pid, signal));
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    return await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGKILL' ? 137 : 1)));
    });
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
}

async function innerPid(unsharePid: number | undefined): Promise<number | undefined> {
  if (!unsharePid) return undefined;
  const children = await readFile(`/proc/${unsharePid}/task/${unsharePid}/children`, 'utf8').catch(() => '');
  const pid = Number(children.trim().split(/\s+/)[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Inside: private /run/netns and bpffs, and an abort when the outer process goes away. */
export async function enterIsolation(controller: AbortController): Promise<void> {
  await run('private /run/netns', ['mkdir', '-p', '/run/netns']);
  await run('private /run/netns', ['mount', '-t', 'tmpfs', '-o', 'mode=755,size=1m', 'nkb-netns', '/run/netns']);
  await run('private bpffs', ['mount', '-t', 'bpf', '-o', 'mode=700', 'bpf', BPFFS]);
  const parent = new Socket({ fd: PARENT_FD, readable: true, writable: false });
  parent.on('error', () => undefined);
  parent.on('close', () => controller.abort(new Error('the netkit-bench process that started this run is gone')));
  parent.resume();
  parent.unref();
}
