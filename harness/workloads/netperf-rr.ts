// Request/response and connect/request/response/close with netperf (compiled C), one transaction
// in flight: TCP_RR and TCP_CRR, omni output selectors (-k) for the rate and netperf's latency
// percentiles (-j). netserver runs in the server namespace, pinned, on the scenario's server
// address only, kept for the build's measurements (server-keeper.ts; command lines:
// netperf-argv.ts). A one-second warmup run goes first against the same netserver. Several flows
// (the flows axis) are N instances at once, each with its own netserver: netperf-flows.ts.
import { parseNetperfKeyval } from '../parsers/netperf.ts';
import { runClientServer } from './client-server.ts';
import { judgeToolRun } from './tool-run.ts';
import { cpuMetrics } from './cpu-metrics.ts';
import type { WorkloadContext, WorkloadOutcome } from './types.ts';
import { durationGate, judge, type Gate } from './validity.ts';
import { fixedTransactions, netperfCount, warmupTransactions } from './fixed-work.ts';
import { workloadParams } from './params.ts';
import { CONTROL_PORT, EDGE_MS, WARMUP_S, netperfArgv, netperfTool, netserverArgv, type NetperfTest } from './netperf-argv.ts';
import { netperfFlows } from './netperf-flows.ts';

/** Warmup, two process starts and netperf's control exchanges, beyond the measured seconds. */
export const NETPERF_EXTRA_S = WARMUP_S + 0.6;

export async function netperfRr(ctx: WorkloadContext, test: NetperfTest, sizeBytes: number): Promise<WorkloadOutcome> {
  const flows = workloadParams(ctx.params).flows ?? 1;
  if (flows > 1) return netperfFlows(ctx, test, sizeBytes, flows);
  const tool = await netperfTool();
  const client = (length: string) => netperfArgv(ctx, test, sizeBytes, CONTROL_PORT, length);
  // Fixed work (--work): N transactions (netperf -l -N) timed by netperf itself; no CPU window of
  // ours, since the run's length is not known in advance.
  const work = workloadParams(ctx.params).fixedWork;
  const count = fixedTransactions(test, work);
  const r = await runClientServer(ctx, {
    server: netserverArgv(ctx, CONTROL_PORT),
    warmup: { argv: client(count ? netperfCount(warmupTransactions(count)) : String(WARMUP_S)), timeoutMs: (WARMUP_S + 20) * 1000 },
    client: { argv: client(count ? netperfCount(count) : String(ctx.durationS)), timeoutMs: (ctx.durationS + 20) * 1000 },
    ...(count ? {} : { window: { startAfterMs: EDGE_MS, lengthMs: ctx.durationS * 1000 - 2 * EDGE_MS } }),
  });
  if (!r.ok) return { state: 'failed', reason: r.reason, metrics: {}, commands: r.commands, tool };
  const run = judgeToolRun({ tool: 'netperf', ...r.client }, parseNetperfKeyval(r.client.stdout, tool.replace(/^netperf /, '')));
  if (run.state !== 'ok') return { state: run.state, reason: run.reason, metrics: {}, commands: r.commands, cpu: r.cpu, tool };
  const v = run.value;
  const rateMetric = test === 'TCP_CRR' ? 'connectionsPerS' : 'transactionsPerS';
  const metrics: Record<string, number> = {
    [rateMetric]: v.transactionsPerS, meanUs: v.meanUs, p50Us: v.p50Us, p90Us: v.p90Us, p99Us: v.p99Us, maxUs: v.maxUs,
    ...cpuMetrics(r.cpu, { transactionsPerS: v.transactionsPerS }),
  };
  // A fixed-work run is complete when netperf reports its rate: it stops only after N transactions.
  const lengthGate: Gate = count ? { metric: 'measuredS', positive: true } : durationGate(ctx.durationS);
  const verdict = judge({ ...metrics, measuredS: v.elapsedS }, [{ metric: rateMetric, positive: true }, { metric: 'p99Us' }, lengthGate]);
  return { ...verdict, metrics, cpu: r.cpu, tool, commands: r.commands };
}
