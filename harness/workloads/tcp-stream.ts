// TCP stream throughput with iperf3, client and server pinned to different CPUs, the first second
// (slow start) omitted from the figures.
import { run } from '../exec.ts';
import { parseIperfJson } from '../parsers/iperf.ts';
import { startServer } from './server.ts';
import type { Workload, WorkloadContext, WorkloadOutcome } from './types.ts';

const PORT = '5201';
const OMIT_S = 1;

export const tcpStream: Workload = {
  name: 'tcp_stream',
  description: 'iperf3 TCP throughput, one stream, first second omitted',
  tools: ['iperf3'],
  async run(ctx: WorkloadContext): Promise<WorkloadOutcome> {
    let server;
    try {
      server = await startServer(['iperf3', '-s', '-1', '-p', PORT, '--forceflush'], /Server listening/, { netns: ctx.serverNetns, cpu: ctx.serverCpu, readyTimeoutMs: 10_000 });
    } catch (err) {
      return { state: 'failed', reason: (err as Error).message, metrics: {} };
    }
    try {
      const client = await run('iperf3 client', ['iperf3', '-c', ctx.serverAddress, '-p', PORT, '-t', String(ctx.durationS), '-O', String(OMIT_S), '-J'], {
        netns: ctx.clientNetns,
        cpu: ctx.clientCpu,
        timeoutMs: (ctx.durationS + OMIT_S + 20) * 1000,
        reject: false,
      });
      const parsed = parseIperfJson(client.stdout);
      if (!parsed.ok) return { state: 'failed', reason: parsed.reason, metrics: {} };
      const r = parsed.value;
      const metrics = { throughputGbps: r.throughputGbps, retransmits: r.retransmits, clientCpuPct: r.clientCpuPct, serverCpuPct: r.serverCpuPct };
      if (!(r.throughputGbps > 0)) return { state: 'invalid', reason: 'no data received', metrics };
      return { state: 'ok', metrics };
    } finally {
      await server.stop();
    }
  },
};
