// Backlog and receive-path accounting for one measurement. The tracers are attached just before
// the workload starts and detached right after it ends, so they are never attached outside a
// measurement; their counters are read at the edges of the workload's timed window (with the CPU
// snapshots), so the figures cover that window only.
import { rmdir } from 'node:fs/promises';
import { pinDir } from '../core/naming.ts';
import type { PlanContext } from '../topology/plan.ts';
import type { Scenario } from '../scenario/types.ts';
import type { WindowHooks } from '../workloads/types.ts';
import { attachTracer, detachTracer, readTracers, subtractCounts, TRACERS, type Tracer, type TracerCounts } from './tracers.ts';

/** What the run's devices did over one measurement's window (results.json `receivePath`). */
export interface ReceivePathCounts {
  /** Seconds between the two counter reads, on the harness's clock (the guest's in a VM). */
  windowS: number;
  /** true: read at the edges of the workload's timed window; false: around the whole client run (warmup included). */
  timed: boolean;
  /**
   * Transactions (tcp_rr) or connections (tcp_crr) the counted run did, when it did fixed work
   * (bench/matrix.ts: an untimed pass does passWork's fifth). Absent in older files, whose passes
   * did the measurement's own --work.
   */
  transactions?: number;
  /**
   * Skbs put on a CPU's backlog queue by the run's devices, total and per CPU (index = CPU): those
   * handed to enqueue_to_backlog (net:netif_rx) minus those it dropped because the queue was full.
   */
  backlogEnqueues: number;
  backlogEnqueuesPerCpu: number[];
  /** Skbs enqueue_to_backlog refused (queue full: net.core.netdev_max_backlog), not in backlogEnqueues. */
  backlogDrops: number;
  /** net:netif_receive_skb on the run's devices (calls of __netif_receive_skb_core), total and per CPU. */
  receivePasses: number;
  receivePassesPerCpu: number[];
  /** Receive passes on the wire's two ends: the packets (skbs) that crossed the wire, both directions. */
  wirePackets: number;
}

export interface ReceivePathAccounting {
  attach(): Promise<void>;
  window: WindowHooks;
  /** The counts of the last window, once (a second call gives undefined), or undefined when none completed. */
  result(): ReceivePathCounts | undefined;
  /** Detaches whatever attach() attached; safe to call more than once and after a failed attach. */
  detach(): Promise<void>;
}

export function receivePathAccounting(scenario: Scenario, ctx: PlanContext): ReceivePathAccounting {
  let attached: Tracer[] = [];
  let before: TracerCounts[] | undefined;
  let beganMs = 0;
  let counts: ReceivePathCounts | undefined;
  const readAll = () => readTracers(TRACERS, ctx);
  return {
    async attach() {
      for (const t of TRACERS) {
        await attachTracer(t, scenario, ctx);
        attached.push(t);
      }
    },
    window: {
      async begin() {
        if (attached.length !== TRACERS.length) return;
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
    async detach() {
      const todo = attached.reverse();
      attached = [];
      for (const t of todo) await detachTracer(t, ctx);
      // The loader made the run's pin folder if the scenario had none; take it back when empty.
      if (todo.length > 0) await rmdir(pinDir(ctx.bpffs, ctx.runId)).catch(() => undefined);
    },
  };
}

/**
 * Backlog passes per packet each scenario's topology predicts (per direction, so per packet):
 * host 1 (the wire's veth xmit); veth 3 (pod veth, wire, pod veth: each veth xmit enqueues);
 * veth-bpf and veth-tc 2 (pod veth and wire; bpf_redirect_peer skips the third); netkit and
 * netkit-l2 1 (the wire only: netkit's xmit runs the program and redirects without enqueueing).
 * Holds while veth runs without NAPI (no XDP program, GRO off), its default.
 */
export const PREDICTED_BACKLOG_PASSES: Readonly<Record<string, number>> = {
  host: 1, veth: 3, 'veth-bpf': 2, 'veth-tc': 2, netkit: 1, 'netkit-l2': 1,
};

/**
 * Per-packet and per-transaction figures from one window's counts:
 *   backlogPassesPerPacket   = backlogEnqueues / wirePackets
 *   receivePassesPerPacket   = receivePasses / wirePackets
 *   backlogPassesPerTransaction = backlogEnqueues / (windowS x transactionsPerS), timed windows only
 * A packet is an skb as the wire received it (a GSO skb counts once), in either direction; every
 * packet between client and server crosses the wire once, so the ratio is what one packet costs
 * on its whole way, as the topology predicts it (host 1, netkit 1, veth-bpf 2, veth 3 backlog
 * passes). Empty when nothing crossed the wire.
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
