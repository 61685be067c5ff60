// Cleanup by construction. A bench run re-executes itself under `unshare` in a private mount
// namespace and a private PID namespace. Inside, /run/netns is a tmpfs of its own and bpffs a fresh
// instance, so the run's named network namespaces and BPF pins exist only there. Whatever happens
// to the harness, even SIGKILL, the kernel ends every process of the run (PID namespace), drops
// the mounts (mount namespace) and with them the network namespaces, their devices and BPF links.
//
//   netkit-bench (outer)        forwards SIGINT/SIGTERM, SIGKILLs the run after STOP_GRACE_MS
//     setpriv --pdeathsig KILL  (execs unshare) the outer's death SIGKILLs it, by the kernel's hand
//     unshare --pid --fork ...  ignores signals; --kill-child: its death SIGKILLs the inner
//       netkit-bench (inner)    PID 1 of the run: measures, tears down, writes results
//
// The outer's death also closes fd 3, which the inner reads to tear down in order when its event
// loop runs; the parent-death signals end it even when its event loop never runs again.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { Socket } from 'node:net';
import { run } from '../core/exec.ts';
import { BPFFS } from '../core/paths.ts';

const ISOLATED_ENV = 'NKB_ISOLATED';
const PARENT_FD = 3;
/** How long a stopped run may take to tear down in order before the kernel ends it (SIGKILL). */
export const STOP_GRACE_MS = 1500;

export function isIsolated(): boolean {
  return process.env[ISOLATED_ENV] === '1';
}

/** Runs `netkit-bench <args>` (node `script`) isolated and returns its exit code (128 + signal when it was killed). */
export async function runIsolated(script: string, args: string[]): Promise<number> {
  const child = spawn(
    'setpriv',
    ['--pdeathsig', 'KILL', '--', 'unshare', '--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', '--mount-proc', '--', process.execPath, ...process.execArgv, script, ...args],
    // A process group of its own, so a terminal's Ctrl-C reaches the run once, through us.
    { stdio: ['ignore', 'inherit', 'inherit', 'pipe'], env: { ...process.env, [ISOLATED_ENV]: '1' }, detached: true },
  );
  let deadline: NodeJS.Timeout | undefined;
  let received: NodeJS.Signals | undefined;
  // SIGKILL to unshare's group: unshare dies, and with it (--kill-child) PID 1 of the run and so its whole PID namespace.
  const kill = () => child.pid && tryKill(-child.pid, 'SIGKILL');
  const forward = (signal: NodeJS.Signals) => {
    if (received) return void kill(); // a second signal: at once
    received = signal;
    deadline = setTimeout(kill, STOP_GRACE_MS);
    void innerPid(child.pid).then((pid) => pid && tryKill(pid, signal));
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    return await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve(code ?? 128 + constants.signals[received ?? signal ?? 'SIGKILL']));
    });
  } finally {
    clearTimeout(deadline);
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
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
