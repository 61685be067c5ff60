// Request/response measured with netkit-bench's own probe (harness/probe/): server in the server
// namespace, tinybench-timed client in the client namespace. CPU comes from /proc/stat snapshots
// the probe takes at the edges of its measured phase.
import { cpuUsage } from '../cpu/usage.ts';
import { parseProbeReport } from '../parsers/probe-report.ts';
import { parseProcStat } from '../parsers/proc-stat.ts';
import { clientArgv, READY_LINE, serverArgv, type ProbeMode } from '../probe/protocol.ts';
import { runClientServer } from './client-server.ts';
import { judgeToolRun } from './tool-run.ts';
import { cpuMetrics, withUsedCost } from './cpu-metrics.ts';
import { latencyOutcome } from './latency-outcome.ts';
import type { WorkloadContext, WorkloadOutcome } from './types.ts';
import { durationGate, judge } from './validity.ts';

export const PROBE_TOOL = 'netkit-bench probe (node, tinybench)';
export const PROBE_WARMUP_MS = 300;

export async function probeRr(ctx: WorkloadContext, mode: ProbeMode, sizeBytes: number): Promise<WorkloadOutcome> {
  const config = { mode, host: ctx.serverAddress, port: mode === 'rr' ? 7002 : 7001, requestBytes: sizeBytes, responseBytes: sizeBytes };
  const r = await runClientServer(ctx, {
    server: { argv: serverArgv(config), ready: new RegExp(READY_LINE) },
    client: { argv: clientArgv({ ...config, durationMs: ctx.durationS * 1000, warmupMs: PROBE_WARMUP_MS }), timeoutMs: (ctx.durationS + 30) * 1000 },
  });
  if (!r.ok) return { state: 'failed', reason: r.reason, metrics: {}, commands: r.commands };
  const run = judgeToolRun({ tool: 'probe', ...r.client }, parseProbeReport(r.client.stdout));
  if (run.state !== 'ok') return { state: run.state, reason: run.reason, metrics: {}, commands: r.commands };
  const report = run.value;
  const before = parseProcStat(report.procStat.before);
  const after = parseProcStat(report.procStat.after);
  const cpu = await withUsedCost(before.ok && after.ok ? cpuUsage(before.value, after.value) : undefined, ctx);
  const rate = report.transactions / report.elapsedS;
  const rateMetric = mode === 'crr' ? 'connectionsPerS' : 'transactionsPerS';
  const latency = latencyOutcome(report.samplesUs);
  const metrics: Record<string, number> = { [rateMetric]: rate, ...latency.metrics, ...cpuMetrics(cpu, { transactionsPerS: rate }) };
  const verdict = judge({ ...metrics, measuredS: report.elapsedS }, [{ metric: rateMetric, positive: true }, { metric: 'p99Us' }, durationGate(ctx.durationS)]);
  return { ...verdict, metrics, samples: latency.samples, sampleCounts: latency.sampleCounts, cpu, tool: PROBE_TOOL, commands: r.commands };
}
