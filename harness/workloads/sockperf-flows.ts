// Request/response with several sockperf flows (the flows axis with --rr-tool sockperf): N
// ping-pong clients started together, each against its own sockperf server on its own port
// (11111 + i for TCP), so each has its own connection, flow i on the i-th CPU of each side's set,
// round robin (client-servers.ts, as netperf's flows). Every client's exit status, stdout and
// --full-log is judged as one run's is; the measurement is ok only if all N are and their valid
// phases agree (flow-pool.ts). The rate is the sum; latency is taken from every flow's samples
// merged into one set (sockperf-pool.ts): real percentiles of the pooled round trips.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flowCpus, runFlows, type FlowPlan } from './client-servers.ts';
import { cpuMetrics } from './cpu-metrics.ts';
import { flowsDisagree } from './flow-pool.ts';
import { latencyOutcome } from './latency-outcome.ts';
import { workloadParams } from './params.ts';
import { SOCKPERF_READY, sockperfClientArgv, sockperfPort, sockperfServerArgv, sockperfTimeoutMs, sockperfWindow } from './sockperf-argv.ts';
import { ipv6Reason, readSockperfRun } from './sockperf-outcome.ts';
import { poolSockperfFlows, type SockperfFlow } from './sockperf-pool.ts';
import { judgeToolRun } from './tool-run.ts';
import type { WorkloadContext, WorkloadOutcome } from './types.ts';
import { durationGate, judge, limitGate } from './validity.ts';

export async function sockperfFlows(ctx: WorkloadContext, protocol: 'tcp' | 'udp', flows: number): Promise<WorkloadOutcome> {
  return (await sockperfFlowRuns(ctx, protocol, flows)).outcome;
}

/** The measurement, and each flow's own rate (in flow order; none when a flow failed) for those who check the sum. */
export async function sockperfFlowRuns(ctx: WorkloadContext, protocol: 'tcp' | 'udp', flows: number): Promise<{ outcome: WorkloadOutcome; rates: number[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'nkb-sockperf-'));
  const logs = Array.from({ length: flows }, (_, i) => join(dir, `full-log-${i + 1}.csv`));
  try {
    const timeoutMs = sockperfTimeoutMs(ctx.durationS);
    const plans: FlowPlan[] = logs.map((log, i) => {
      const [cpus, port] = [flowCpus(ctx, i), sockperfPort(protocol, i)];
      return {
        server: { argv: sockperfServerArgv(ctx, protocol, port), ready: SOCKPERF_READY, cpu: cpus.server },
        client: { argv: sockperfClientArgv(ctx, protocol, port, log), timeoutMs, cpu: cpus.client },
      };
    });
    // The window opens once every client has started its test.
    const r = await runFlows(ctx, plans, sockperfWindow(ctx.durationS));
    if (!r.ok) return { outcome: { state: 'failed', reason: ipv6Reason(ctx, r.reason), metrics: {}, commands: r.commands }, rates: [] };
    const read: SockperfFlow[] = [];
    for (const [i, client] of r.clients.entries()) {
      // One log at a time; its text is dropped once read, only the round trips stay (as numbers).
      const run = judgeToolRun({ tool: 'sockperf', ...client }, readSockperfRun(client.stdout, await readFile(logs[i]!, 'utf8').catch(() => undefined)));
      if (run.state !== 'ok') return { outcome: { state: run.state, reason: `flow ${i + 1} of ${flows}: ${ipv6Reason(ctx, run.reason)}`, metrics: {}, commands: r.commands, cpu: r.cpu }, rates: [] };
      read.push(run.value);
    }
    const pooled = poolSockperfFlows(read);
    read.length = 0;
    const latency = latencyOutcome(pooled.rttUs);
    const metrics: Record<string, number> = {
      transactionsPerS: pooled.transactionsPerS, meanUs: pooled.meanUs, ...latency.metrics,
      ...(protocol === 'udp' ? { lossPct: pooled.sentMessages > 0 ? (pooled.droppedMessages / pooled.sentMessages) * 100 : NaN } : {}),
      ...cpuMetrics(r.cpu, { transactionsPerS: pooled.transactionsPerS }),
    };
    const base = { metrics, samples: latency.samples, sampleCounts: latency.sampleCounts, cpu: r.cpu, tool: `sockperf ${pooled.version}`, commands: r.commands };
    const apart = flowsDisagree(pooled);
    if (apart) return { outcome: { ...base, state: 'invalid', reason: apart }, rates: pooled.rates };
    const gates = [
      { metric: 'transactionsPerS', positive: true },
      ...(protocol === 'udp' ? limitGate('lossPct', workloadParams(ctx.params).maxLossPct, '--max-loss-pct') : []),
      { metric: 'p99Us' },
      durationGate(ctx.durationS),
    ];
    return { outcome: { ...base, ...judge({ ...metrics, measuredS: pooled.shortestS }, gates) }, rates: pooled.rates };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
