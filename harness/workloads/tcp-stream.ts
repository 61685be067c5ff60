// TCP stream throughput with iperf3, client and server pinned to different CPUs, the first second
// (slow start, the warmup) omitted from iperf3's figures and from the CPU window.
import { iperfServer } from './iperf-server.ts';
import { parseIperfJson } from '../parsers/iperf.ts';
import { runClientServer, type ClientRun } from './client-server.ts';
import { cpuMetrics } from './cpu-metrics.ts';
import { ipFlag, streamCount, streamWriteArgs, workloadParams } from './params.ts';
import { judgeToolRun } from './tool-run.ts';
import type { Workload, WorkloadContext, WorkloadOutcome } from './types.ts';
import { durationGate, judge, limitGate } from './validity.ts';

const PORT = '5201';
const OMIT_S = 1;
/** Kept clear of connection setup at the start and the report exchange at the end. */
const EDGE_MS = 150;

async function measure(ctx: WorkloadContext, ownStreams: number): Promise<WorkloadOutcome> {
  const p = workloadParams(ctx.params);
  const streams = streamCount(p, ownStreams);
  // Fixed work (--work): -n bytes, slow start included (it is part of the work and, on the
  // instruction clock, the same every time); no CPU window, the run's length is not known ahead.
  const bytes = p.fixedWork?.streamBytes;
  const length = bytes ? ['-n', String(bytes)] : ['-t', String(ctx.durationS), '-O', String(OMIT_S)];
  const client = ['iperf3', ipFlag(ctx.params), '-c', ctx.serverAddress, '-p', PORT, ...length, '-P', String(streams), ...streamWriteArgs(p), '-J'];
  const r = await runClientServer(ctx, {
    server: iperfServer(PORT),
    client: { argv: client, timeoutMs: (ctx.durationS + OMIT_S + 20) * 1000 },
    cpuSets: streams > 1,
    ...(bytes ? {} : { window: { startAfterMs: OMIT_S * 1000 + EDGE_MS, lengthMs: ctx.durationS * 1000 - 2 * EDGE_MS } }),
  });
  if (!r.ok) return { state: 'failed', reason: r.reason, metrics: {}, commands: r.commands };
  return tcpStreamOutcome(ctx, r);
}

/** The measurement from iperf3's finished client run (exit status, stdout, stderr) and the CPU window. */
export function tcpStreamOutcome(ctx: Pick<WorkloadContext, 'durationS' | 'params'>, r: ClientRun): WorkloadOutcome {
  const p = workloadParams(ctx.params);
  const bytes = p.fixedWork?.streamBytes;
  const run = judgeToolRun({ tool: 'iperf3', ...r.client }, parseIperfJson(r.client.stdout));
  if (run.state !== 'ok') return { state: run.state, reason: run.reason, metrics: {}, commands: r.commands, cpu: r.cpu };
  const v = run.value;
  const metrics = {
    throughputGbps: v.throughputGbps, retransmits: v.retransmits, retransmitPct: v.retransmitPct,
    retransmitsPerGB: v.bytesSent > 0 ? v.retransmits / (v.bytesSent / 1e9) : NaN,
    clientCpuPct: v.clientCpuPct, serverCpuPct: v.serverCpuPct,
    ...cpuMetrics(r.cpu, { bytesPerS: (v.throughputGbps * 1e9) / 8 }),
  };
  // Retransmits are the datapath's behaviour (backlog drops on veth): reported, gated only on request.
  const verdict = judge({ ...metrics, measuredS: v.durationS, bytesSent: v.bytesSent }, [
    { metric: 'throughputGbps', positive: true },
    bytes ? { metric: 'bytesSent', min: bytes, option: `the --work stream=${bytes} bytes` } : durationGate(ctx.durationS),
    ...limitGate('retransmitPct', p.maxRetransmitPct, '--max-retransmit-pct'),
  ]);
  return { ...verdict, metrics, cpu: r.cpu, tool: v.iperfVersion, commands: r.commands };
}

const expectedS = (durationS: number) => durationS + OMIT_S + 0.5;

export const tcpStream: Workload = {
  name: 'tcp_stream',
  description: 'iperf3 TCP throughput, one stream, first second omitted; retransmits per GB sent, CPU per GB',
  primary: ['throughputGbps'],
  agreementPct: { throughputGbps: 2 },
  tools: ['iperf3'],
  expectedS,
  run: (ctx) => measure(ctx, 1),
};

export const tcpStreamMulti: Workload = {
  name: 'tcp_stream_multi',
  description: 'iperf3 TCP throughput, --streams parallel streams (default 4), first second omitted',
  primary: ['throughputGbps'],
  agreementPct: { throughputGbps: 2 },
  tools: ['iperf3'],
  expectedS,
  run: (ctx) => measure(ctx, workloadParams(ctx.params).streams),
};
