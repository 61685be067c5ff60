// The receive-path tracers (bpf/backlog_enqueue.bpf.c, bpf/receive_pass.bpf.c) for one run:
// nkb-loader commands that load them, filtered to the run's namespaces and wire, link and unlink
// them, read their counters, and detach them. They are global (tracepoints), so they run from any namespace.
import { parseLoaderStats } from '../bpf/stats.ts';
import { run } from '../core/exec.ts';
import { deviceName, namespaceName, pinDir } from '../core/naming.ts';
import type { Scenario } from '../scenario/types.ts';

export interface Tracer {
  /** Row name and pin folder leaf. */
  name: 'trace-backlog' | 'trace-backlog-drop' | 'trace-receive';
  object: string;
}

/**
 * net:netif_rx (an skb handed to enqueue_to_backlog), skb:kfree_skb with reason CPU_BACKLOG (one
 * it refused: the queue was full), and net:netif_receive_skb (a receive pass; on the wire, the
 * per-packet denominator). In this order: receivePathAccounting destructures them so.
 */
export const TRACERS: readonly Tracer[] = [
  { name: 'trace-backlog', object: 'backlog_enqueue' },
  { name: 'trace-backlog-drop', object: 'backlog_drop' },
  { name: 'trace-receive', object: 'receive_pass' },
];

/** What one tracer counted between two reads: events on the run's devices in total and per CPU, and those on the wire. */
export interface TracerCounts {
  events: number;
  eventsPerCpu: number[];
  wireEvents: number;
}

/**
 * The --set arguments naming the run's namespaces (by cookie) and the scenario's packet devices
 * (the BPF filter, nkb_trace.h): one entry per namespace with its first packet device or 0, and one
 * more for each further packet device in a namespace (two pods' host-side devices in one node).
 */
export function tracerSets(scenario: Scenario, runId: string): string[] {
  const path = (node: string) => `/run/netns/${namespaceName(runId, node)}`;
  const { request, response } = scenario.packetDevices;
  const devices = request.node === response.node && request.role === response.role ? [request] : [request, response];
  const entries = scenario.nodes.flatMap((n) => {
    const mine = devices.filter((d) => d.node === n);
    return mine.length === 0 ? [[n, '0']] : mine.map((d) => [n, `@${deviceName(runId, d.role)}${path(n)}`]);
  });
  const cookies = entries.map(([n]) => `netns:${path(n!)}`);
  return ['--set', `netns_cookies=${cookies.join(',')}`, '--set', `packet_ifindexes=${entries.map(([, i]) => i).join(',')}`];
}

export function tracerPins(t: Tracer, runId: string, bpffs: string): string {
  return pinDir(bpffs, runId, t.name);
}

/** Loads and pins one tracer (program and counters) without attaching it: once per build, the costly step (the kernel's BTF, the verifier). */
export async function loadTracer(t: Tracer, scenario: Scenario, ctx: { runId: string; bpffs: string; bpfBuild: string }): Promise<void> {
  const obj = `${ctx.bpfBuild}/${t.object}.bpf.o`;
  await run(`load tracer ${t.name}`, [`${ctx.bpfBuild}/nkb-loader`, 'load', '--obj', obj, '--prog', t.object, '--pin-dir', tracerPins(t, ctx.runId, ctx.bpffs), ...tracerSets(scenario, ctx.runId)], { timeoutMs: 60_000 });
}

/** Attaches the loaded tracers (`nkb-loader link`, all or none) or takes them off again (`unlink`), in one process; their counters carry on. */
export async function linkTracers(ts: readonly Tracer[], linked: boolean, ctx: { runId: string; bpffs: string; bpfBuild: string }): Promise<void> {
  const dirs = ts.flatMap((t) => ['--pin-dir', tracerPins(t, ctx.runId, ctx.bpffs)]);
  await run(`${linked ? 'link' : 'unlink'} receive-path tracers`, [`${ctx.bpfBuild}/nkb-loader`, linked ? 'link' : 'unlink', ...dirs], { timeoutMs: 30_000 });
}

/**
 * Cumulative counts since attach of each tracer, in the order given, read by one nkb-loader
 * process back to back (microseconds apart), so the tracers' windows match; separate processes
 * started together were measured up to ~0.1 s apart on a loaded machine.
 */
export async function readTracers(ts: readonly Tracer[], ctx: { runId: string; bpffs: string; bpfBuild: string }): Promise<TracerCounts[]> {
  const dirs = ts.flatMap((t) => ['--pin-dir', tracerPins(t, ctx.runId, ctx.bpffs)]);
  const out = await run('read receive-path tracers', [`${ctx.bpfBuild}/nkb-loader`, 'stats', ...dirs], { timeoutMs: 30_000 });
  const lines = out.stdout.trim().split('\n');
  if (lines.length !== ts.length) throw new Error(`nkb-loader stats: ${lines.length} lines for ${ts.length} tracers`);
  return lines.map((line) => {
    const s = parseLoaderStats(line);
    return { events: s.counters.seen ?? 0, eventsPerCpu: s.per_cpu?.seen ?? [], wireEvents: s.counters.wire ?? 0 };
  });
}

export async function detachTracer(t: Tracer, ctx: { runId: string; bpffs: string; bpfBuild: string }): Promise<void> {
  await run(`detach tracer ${t.name}`, [`${ctx.bpfBuild}/nkb-loader`, 'detach', '--pin-dir', tracerPins(t, ctx.runId, ctx.bpffs)], { timeoutMs: 30_000 });
}

export function subtractCounts(after: TracerCounts, before: TracerCounts): TracerCounts {
  return {
    events: after.events - before.events,
    eventsPerCpu: after.eventsPerCpu.map((v, i) => v - (before.eventsPerCpu[i] ?? 0)),
    wireEvents: after.wireEvents - before.wireEvents,
  };
}
