// Backlog and receive-path accounting for one build. The tracers are loaded once per build (the
// costly step: the kernel's BTF and the verifier, seconds of wall time under TCG), linked just
// before the untimed passes and unlinked right after them, so they never run on a packet outside
// a pass; their counters are read at the edges of each pass's window (with the CPU snapshots),
// so the figures cover that window only.
import { rmdir } from 'node:fs/promises';
import { pinDir } from '../core/naming.ts';
import type { PlanContext } from '../topology/plan.ts';
import type { Scenario } from '../scenario/types.ts';
import type { WindowHooks } from '../model/window.ts';
import { detachTracer, linkTracers, loadTracer, readTracers, subtractCounts, TRACERS, type Tracer, type TracerCounts } from './tracers.ts';
import type { ReceivePathCounts } from '../model/receive-path.ts';

export interface ReceivePathAccounting {
  /** Links the tracers, loading them first on the build's first call; a failed load is not retried (the same error again). */
  attach(): Promise<void>;
  window: WindowHooks;
  /** The counts of the last window, once (a second call gives undefined), or undefined when none completed. */
  result(): ReceivePathCounts | undefined;
  /** Unlinks them (they stay loaded, their counters kept); safe to call more than once and after a failed attach. */
  detach(): Promise<void>;
  /** Unlinks and unloads whatever was loaded: the end of the build. */
  unload(): Promise<void>;
}

export function receivePathAccounting(scenario: Scenario, ctx: PlanContext): ReceivePathAccounting {
  let loaded: Tracer[] = [];
  let loadError: Error | undefined;
  let linked = false;
  let before: TracerCounts[] | undefined;
  let beganMs = 0;
  let counts: ReceivePathCounts | undefined;
  const readAll = () => readTracers(TRACERS, ctx);
  const detach = async () => {
    if (!linked) return;
    linked = false;
    await linkTracers(loaded, false, ctx);
  };
  return {
    async attach() {
      if (loadError) throw loadError;
      try {
        for (const t of TRACERS.filter((x) => !loaded.includes(x))) {
          await loadTracer(t, scenario, ctx);
          loaded.push(t);
        }
      } catch (err) {
        loadError = err as Error;
        throw err;
      }
      await linkTracers(loaded, true, ctx);
      linked = true;
    },
    window: {
      async begin() {
        if (!linked) return;
        before = await readAll();
        beganMs = performance.now();
      },
      async end(timed) {
        if (!before) return;
        const [offered, dropped, receive] = (await readAll()).map((after, i) => subtractCounts(after, before![i]!));
        counts = {
          windowS: (performance.now() - beganMs) / 1000,
          timed,
          backlogEnqueues: offered!.events - dropped!.events,
          backlogEnqueuesPerCpu: offered!.eventsPerCpu.map((n, cpu) => n - (dropped!.eventsPerCpu[cpu] ?? 0)),
          backlogDrops: dropped!.events,
          receivePasses: receive!.events,
          receivePassesPerCpu: receive!.eventsPerCpu,
          wirePackets: receive!.wireEvents,
        };
      },
    },
    // Taken once: a later run whose window never began (its tool failed first) gets none, not these.
    result: () => {
      const c = counts;
      counts = undefined;
      before = undefined;
      return c;
    },
    detach,
    async unload() {
      await detach().catch(() => undefined);
      const todo = loaded.reverse();
      loaded = [];
      // detach removes the link if one is left, the program and counters, and the pin folder.
      for (const t of todo) await detachTracer(t, ctx);
      // The loader made the run's pin folder if the scenario had none; take it back when empty.
      if (todo.length > 0) await rmdir(pinDir(ctx.bpffs, ctx.runId)).catch(() => undefined);
    },
  };
}

/**
 * Per-packet and per-transaction figures from one window's counts:
 *   backlogPassesPerPacket   = backlogEnqueues / wirePackets
 *   receivePassesPerPacket   = receivePasses / wirePackets
 *   backlogPassesPerTransaction = backlogEnqueues / (windowS x transactionsPerS), timed windows only
 * A packet is an skb as the scenario's packet devices received it (a GSO skb counts once), in
 * either direction; every packet between client and server starts one receive pass there (the
 * wire, cross-node), so the ratio is what one packet costs on its whole way, as the scenario
 * predicts it (Scenario.predictedBacklogPassesPerPacket). Empty when nothing was counted there.
 */
export function receivePathMetrics(c: ReceivePathCounts | undefined, work: { transactionsPerS?: number }): Record<string, number> {
  if (!c || !(c.wirePackets > 0)) return {};
  const out: Record<string, number> = {
    backlogPassesPerPacket: c.backlogEnqueues / c.wirePackets,
    receivePassesPerPacket: c.receivePasses / c.wirePackets,
  };
  const rate = work.transactionsPerS;
  if (c.timed && rate && rate > 0 && c.windowS > 0) out.backlogPassesPerTransaction = c.backlogEnqueues / (c.windowS * rate);
  return out;
}
