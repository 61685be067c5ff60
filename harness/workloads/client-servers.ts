// Several client/server pairs at once: the flows of a request/response workload (N sockperf or
// netperf clients, each with its own server on its own port, so its own connection). Every server is
// started (or taken from the build's keeper) and seen listening, each pinned to its own CPU; the
// warmup clients run; then the measured clients start together, each pinned to its own CPU, and
// the CPU window spans them all. A pair that cannot start fails the whole measurement; each
// client's exit status and output are handed back for the workload to judge (judgeToolRun).
import { cpuDuring, type WindowPlan } from '../cpu/window.ts';
import type { CpuUsage } from '../model/cpu.ts';
import { run, scaledTimeoutMs, spawn, wrapArgv, type RunResult } from '../core/exec.ts';
import { failureReason } from '../core/exit-status.ts';
import { waitListening } from './listening.ts';
import { startServer } from './server.ts';
import { started as printed } from './client-server.ts';
import type { WorkloadContext } from './types.ts';
import { withUsedCost } from './cpu-metrics.ts';

export interface FlowPlan {
  server: { argv: string[]; ready: RegExp; listening?: number; cpu: number };
  warmup?: { argv: string[]; timeoutMs: number };
  client: { argv: string[]; timeoutMs: number; cpu: number };
}

export type FlowsResult = { ok: true; clients: RunResult[]; cpu?: CpuUsage; commands: string[] } | { ok: false; reason: string; commands: string[] };

/** Flow i's CPUs: the i-th of each side's set, round robin, so N flows spread over the CPUs the run may use. */
export function flowCpus(ctx: Pick<WorkloadContext, 'clientCpu' | 'serverCpu' | 'clientCpus' | 'serverCpus'>, i: number): { client: number; server: number } {
  const client = ctx.clientCpus?.length ? ctx.clientCpus : [ctx.clientCpu];
  const server = ctx.serverCpus?.length ? ctx.serverCpus : [ctx.serverCpu];
  return { client: client[i % client.length]!, server: server[i % server.length]! };
}

/** `window.startOn`: the window waits until every measured client has printed it (sockperf's "Starting test"). */
export async function runFlows(ctx: WorkloadContext, flows: readonly FlowPlan[], window?: WindowPlan & { startOn?: RegExp }): Promise<FlowsResult> {
  const cancel = { signal: ctx.signal };
  const onServer = (f: FlowPlan) => ({ netns: ctx.serverNetns, cpu: f.server.cpu, ...cancel });
  const onClient = (f: FlowPlan) => ({ netns: ctx.clientNetns, cpu: f.client.cpu });
  const keys = flows.map((f) => wrapArgv(f.server.argv, onServer(f)).join(' '));
  const commands = [
    ...keys,
    ...flows.flatMap((f) => (f.warmup ? [wrapArgv(f.warmup.argv, onClient(f)).join(' ')] : [])),
    ...flows.map((f) => wrapArgv(f.client.argv, onClient(f)).join(' ')),
  ];
  const started: { stop(): Promise<void> }[] = [];
  let kept = ctx.servers !== undefined;
  try {
    for (const [i, f] of flows.entries()) {
      const start = () => startServer(f.server.argv, f.server.ready, { ...onServer(f), readyTimeoutMs: 15_000 });
      const server = ctx.servers ? await ctx.servers.get(keys[i]!, start) : await start();
      started.push(server);
      if (f.server.listening !== undefined) await waitListening(ctx.serverNetns, f.server.listening, server.process.pid ?? -1);
    }
    if (!ctx.warm) {
      const warmups = await Promise.all(flows.map((f) => (f.warmup ? run('warmup client', f.warmup.argv, { ...onClient(f), ...cancel, timeoutMs: f.warmup.timeoutMs, reject: false }) : undefined)));
      const bad = warmups.findIndex((w) => w?.failed);
      if (bad >= 0) {
        kept = false;
        return { ok: false, reason: `flow ${bad + 1} of ${flows.length}: warmup ${failureReason(flows[bad]!.warmup!.argv[0]!, warmups[bad]!)}`, commands };
      }
    }
    if (!window) await ctx.window?.begin();
    // Started back to back, before any is awaited: the flows run at once.
    const procs = flows.map((f) => spawn(f.client.argv, { ...onClient(f), ...cancel, timeoutMs: f.client.timeoutMs }));
    const all = Promise.allSettled(procs);
    const begun = window?.startOn ? Promise.all(procs.map((p) => printed(p, window.startOn))).then((yes) => yes.every(Boolean)) : Promise.resolve(true);
    const cpu = window ? begun.then((yes) => (yes ? cpuDuring(window, all, ctx.window) : undefined)).catch(() => undefined) : undefined;
    const results = await Promise.all(procs);
    if (!window) await ctx.window?.end(false);
    const clients: RunResult[] = results.map((r, i) => ({
      stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), exitCode: r.exitCode ?? -1, failed: r.failed,
      ...(r.signal ? { signal: r.signal } : {}),
      ...(r.timedOut ? { timedOut: true, timeoutMs: scaledTimeoutMs(flows[i]!.client.timeoutMs) } : {}),
    }));
    kept &&= clients.every((c) => !c.failed);
    return { ok: true, clients, cpu: await withUsedCost(await cpu, ctx, true), commands };
  } catch (err) {
    kept = false;
    return { ok: false, reason: (err as Error).message, commands };
  } finally {
    if (!kept) await Promise.all(ctx.servers ? keys.map((k) => ctx.servers!.drop(k)) : started.map((s) => s.stop()));
  }
}
