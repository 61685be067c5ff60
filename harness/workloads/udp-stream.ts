// UDP stream with iperf3 at a set rate (--udp-rate, default 200M) or flat out (max): goodput,
// loss and jitter at the receiver. iperf3 3.12 miscounts loss with --omit, so the warmup is a
// separate one-second run against the same server instead.
import { iperfServer } from './iperf-server.ts';
import { parseIperfUdpJson } from '../parsers/iperf-udp.ts';
import { runClientServer, type ClientRun } from './client-server.ts';
import { cpuMetrics } from './cpu-metrics.ts';
import { ipFlag, workloadParams } from './params.ts';
import { judgeToolRun } from './tool-run.ts';
import type { Workload, WorkloadContext, WorkloadOutcome } from './types.ts';
import { durationGate, judge, limitGate } from './validity.ts';

const PORT = '5202';
const WARMUP_S = 1;
const EDGE_MS = 150;

export function iperfRate(rate: string): string {
  return rate === 'max' ? '0' : rate;
}

async function measure(ctx: WorkloadContext): Promise<WorkloadOutcome> {
  const p = workloadParams(ctx.params);
  const base = ['iperf3', ipFlag(ctx.params), '-c', ctx.serverAddress, '-p', PORT, '-u', '-b', iperfRate(p.udpRate), '-l', String(p.udpSizeBytes)];
  const r = await runClientServer(ctx, {
    server: iperfServer(PORT),
    warmup: { argv: [...base, '-t', String(WARMUP_S)], timeoutMs: (WARMUP_S + 20) * 1000 },
    client: { argv: [...base, '-t', String(ctx.durationS), '-J'], timeoutMs: (ctx.durationS + 20) * 1000 },
    window: { startAfterMs: EDGE_MS, lengthMs: ctx.durationS * 1000 - 2 * EDGE_MS },
  });
  if (!r.ok) return { state: 'failed', reason: r.reason, metrics: {}, commands: r.commands };
  return udpStreamOutcome(ctx, r);
}

/** The measurement from iperf3's finished UDP client run (exit status, stdout, stderr) and the CPU window. */
export function udpStreamOutcome(ctx: Pick<WorkloadContext, 'durationS' | 'params'>, r: ClientRun): WorkloadOutcome {
  const p = workloadParams(ctx.params);
  const run = judgeToolRun({ tool: 'iperf3', ...r.client }, parseIperfUdpJson(r.client.stdout));
  if (run.state !== 'ok') return { state: run.state, reason: run.reason, metrics: {}, commands: r.commands, cpu: r.cpu };
  const v = run.value;
  const metrics = {
    throughputGbps: v.throughputGbps, lossPct: v.lossPct, jitterMs: v.jitterMs,
    clientCpuPct: v.clientCpuPct, serverCpuPct: v.serverCpuPct,
    ...cpuMetrics(r.cpu, { bytesPerS: (v.throughputGbps * 1e9) / 8 }),
  };
  // Loss is the datapath's behaviour (or, flat out, what overdriving the receiver looks like):
  // reported, and gated only when the user sets --max-loss-pct.
  const verdict = judge({ ...metrics, measuredS: v.durationS }, [
    { metric: 'throughputGbps', positive: true },
    { metric: 'lossPct' },
    durationGate(ctx.durationS),
    ...limitGate('lossPct', p.maxLossPct, '--max-loss-pct'),
  ]);
  return { ...verdict, metrics, cpu: r.cpu, tool: v.iperfVersion, commands: r.commands };
}

export const udpStream: Workload = {
  name: 'udp_stream',
  description: 'iperf3 UDP at --udp-rate (default 200M, or max): goodput, loss, jitter, CPU per GB',
  primary: ['throughputGbps', 'lossPct'],
  agreementPct: { throughputGbps: 2 },
  tools: ['iperf3'],
  expectedS: (durationS) => durationS + WARMUP_S + 0.7,
  run: measure,
};
