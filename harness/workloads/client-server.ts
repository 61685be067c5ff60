// The shape every workload shares: start the server pinned in the server namespace and wait for
// it to listen, optionally run an unmeasured warmup client, run the measured client pinned in
// the client namespace while the CPU window is taken, then stop the server whatever happened.
// Every failure comes back as a value naming what failed.
import { cpuDuring, type WindowPlan } from '../cpu/window.ts';
import type { CpuUsage } from '../model/cpu.ts';
import type { ResultPromise } from 'execa';
import { run, scaledTimeoutMs, spawn, wrapArgv, type RunResult } from '../core/exec.ts';
import { failureReason } from '../core/exit-status.ts';
import { waitListening } from './listening.ts';
import { startServer } from './server.ts';
import type { WorkloadContext } from './types.ts';
import { withUsedCost } from './cpu-metrics.ts';

export interface ClientServerPlan {
  /** `listening`: a TCP port to see listening before the client starts (servers that announce before they bind). */
  server: { argv: string[]; ready: RegExp; listening?: number };
  warmup?: { argv: string[]; timeoutMs: number };
  client: { argv: string[]; timeoutMs: number };
  /** Where the CPU window sits, from the measured client's start (or from the first stdout match
   * of startOn); none when the tool reports its own CPU snapshots. */
  window?: WindowPlan & { startOn?: RegExp };
  /** Pin each side to its whole CPU set (several streams), not its first CPU. */
  cpuSets?: boolean;
}

/** The measured client's finished run as a workload reads it: the tool's result, the CPU window, the commands. */
export interface ClientRun {
  client: RunResult;
  cpu?: CpuUsage;
  commands: string[];
}

export type ClientServerResult = ({ ok: true } & ClientRun) | { ok: false; reason: string; commands: string[] };

export async function runClientServer(ctx: WorkloadContext, plan: ClientServerPlan): Promise<ClientServerResult> {
  // A run being stopped (signal, or the process that started it gone) stops the measurement too.
  const cancel = { signal: ctx.signal };
  const onServer = { netns: ctx.serverNetns, cpu: plan.cpuSets ? (ctx.serverCpus ?? ctx.serverCpu) : ctx.serverCpu, ...cancel };
  const onClient = { netns: ctx.clientNetns, cpu: plan.cpuSets ? (ctx.clientCpus ?? ctx.clientCpu) : ctx.clientCpu };
  const commands = [plan.server.argv, ...(plan.warmup ? [plan.warmup.argv] : []), plan.client.argv].map((a, i) => wrapArgv(a, i === 0 ? onServer : onClient).join(' '));
  let server;
  const key = commands[0]!;
  const start = () => startServer(plan.server.argv, plan.server.ready, { ...onServer, readyTimeoutMs: 15_000 });
  try {
    server = ctx.servers ? await ctx.servers.get(key, start) : await start();
  } catch (err) {
    return { ok: false, reason: (err as Error).message, commands };
  }
  let kept = ctx.servers !== undefined;
  try {
    if (plan.server.listening !== undefined) await waitListening(ctx.serverNetns, plan.server.listening, server.process.pid ?? -1);
    if (plan.warmup && !ctx.warm) {
      const w = await run('warmup client', plan.warmup.argv, { ...onClient, ...cancel, timeoutMs: plan.warmup.timeoutMs, reject: false });
      if (w.failed) kept = false;
      if (w.failed) return { ok: false, reason: `warmup ${failureReason(plan.warmup.argv[0]!, w)}`, commands };
    }
    // Without a window of ours the tool times itself: counters are read around the whole client.
    if (!plan.window) await ctx.window?.begin();
    const proc = spawn(plan.client.argv, { ...onClient, ...cancel, timeoutMs: plan.client.timeoutMs });
    const window = plan.window;
    const cpu = window ? started(proc, window.startOn).then((yes) => (yes ? cpuDuring(window, proc, ctx.window, { client: proc.pid, server: server.process.pid }) : undefined)).catch(() => undefined) : undefined;
    const r = await proc;
    if (!plan.window) await ctx.window?.end(false);
    // Handed over whole (exit status, signal, timeout): the workload's judgeToolRun reads them all.
    const client: RunResult = {
      stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), exitCode: r.exitCode ?? -1, failed: r.failed,
      ...(r.signal ? { signal: r.signal } : {}),
      ...(r.timedOut ? { timedOut: true, timeoutMs: scaledTimeoutMs(plan.client.timeoutMs) } : {}),
    };
    kept &&= !client.failed;
    return { ok: true, client, cpu: await withUsedCost(await cpu, ctx, plan.cpuSets), commands };
  } catch (err) {
    kept = false;
    return { ok: false, reason: (err as Error).message, commands };
  } finally {
    if (!kept) await (ctx.servers ? ctx.servers.drop(key) : server.stop());
  }
}

/** True once the client prints `pattern` (at once without one), false if it exits first. */
export function started(proc: ResultPromise, pattern: RegExp | undefined): Promise<boolean> {
  if (!pattern) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      // The tail only: a chatty process costs bounded memory; a ready line is far shorter.
      seen = (seen + chunk.toString()).slice(-4096);
      if (pattern.test(seen)) resolve(true);
    });
    proc.then(() => resolve(false), () => resolve(false));
  });
}
