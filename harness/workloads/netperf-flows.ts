// Request/response with several flows (the flows axis on tcp_rr and tcp_crr): N netperf instances
// started together, each against its own netserver on its own port (netserver -f serves one test
// after another, so one netserver would serialise them), so each has its own connection. Flow i
// runs on the i-th CPU of each side's set, round robin (client-servers.ts flowCpus). Every
// instance's exit status and output is judged; the measurement is ok only if all N are and, when
// timed, their measured phases agree. The rate is the sum (timed) or all the work over the longest
// phase (fixed work), latency pooled where it can be (flow-pool.ts).
import { parseNetperfKeyval, type NetperfRrResult } from '../parsers/netperf.ts';
import { flowCpus, runFlows, type FlowPlan } from './client-servers.ts';
import { judgeToolRun } from './tool-run.ts';
import { cpuMetrics } from './cpu-metrics.ts';
import type { WorkloadContext, WorkloadOutcome } from './types.ts';
import { durationGate, judge, type Gate } from './validity.ts';
import { fixedTransactions, netperfCount, warmupTransactions } from './fixed-work.ts';
import { workloadParams } from './params.ts';
import { CONTROL_PORT, EDGE_MS, WARMUP_S, netperfArgv, netperfTool, netserverArgv, type NetperfTest } from './netperf-argv.ts';
import { flowsDisagree, PERCENTILES_NOT_POOLED, poolFlows, POOLED_PERCENTILES } from './flow-pool.ts';

export async function netperfFlows(ctx: WorkloadContext, test: NetperfTest, sizeBytes: number, flows: number): Promise<WorkloadOutcome> {
  const tool = await netperfTool();
  const count = fixedTransactions(test, workloadParams(ctx.params).fixedWork);
  const plans: FlowPlan[] = Array.from({ length: flows }, (_, i) => {
    const cpus = flowCpus(ctx, i);
    const client = (length: string) => netperfArgv(ctx, test, sizeBytes, CONTROL_PORT + i, length);
    return {
      server: { ...netserverArgv(ctx, CONTROL_PORT + i), cpu: cpus.server },
      warmup: { argv: client(count ? netperfCount(warmupTransactions(count)) : String(WARMUP_S)), timeoutMs: (WARMUP_S + 20) * 1000 },
      client: { argv: client(count ? netperfCount(count) : String(ctx.durationS)), timeoutMs: (ctx.durationS + 20) * 1000, cpu: cpus.client },
    };
  });
  const r = await runFlows(ctx, plans, count ? undefined : { startAfterMs: EDGE_MS, lengthMs: ctx.durationS * 1000 - 2 * EDGE_MS });
  if (!r.ok) return { state: 'failed', reason: r.reason, metrics: {}, commands: r.commands, tool };
  const figures: NetperfRrResult[] = [];
  for (const [i, client] of r.clients.entries()) {
    const run = judgeToolRun({ tool: 'netperf', ...client }, parseNetperfKeyval(client.stdout, tool.replace(/^netperf /, '')));
    if (run.state !== 'ok') return { state: run.state, reason: `flow ${i + 1} of ${flows}: ${run.reason}`, metrics: {}, commands: r.commands, cpu: r.cpu, tool };
    figures.push(run.value);
  }
  const pooled = poolFlows(figures);
  const rateMetric = test === 'TCP_CRR' ? 'connectionsPerS' : 'transactionsPerS';
  // Timed flows run over one phase, so their rates add up; fixed work ends flow by flow (those
  // sharing a CPU later), so its rate is all the work over the span it took.
  const rate = count ? pooled.spanRatePerS : pooled.transactionsPerS;
  const metrics: Record<string, number> = {
    [rateMetric]: rate, meanUs: pooled.meanUs, maxUs: pooled.maxUs,
    ...cpuMetrics(r.cpu, { transactionsPerS: rate }),
  };
  const omitted = Object.fromEntries(POOLED_PERCENTILES.map((m) => [m, PERCENTILES_NOT_POOLED]));
  const base = { metrics, omitted, cpu: r.cpu, tool, commands: r.commands };
  const apart = count ? undefined : flowsDisagree(pooled);
  if (apart) return { ...base, state: 'invalid', reason: apart };
  // Every flow ran as long as asked (fixed work: netperf stops only after its N transactions).
  const lengthGate: Gate = count ? { metric: 'measuredS', positive: true } : durationGate(ctx.durationS);
  return { ...base, ...judge({ ...metrics, measuredS: pooled.shortestS }, [{ metric: rateMetric, positive: true }, { metric: 'meanUs' }, lengthGate]) };
}
