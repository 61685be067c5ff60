// Request/response latency with sockperf ping-pong, one message in flight at a time. sockperf
// sends warmup messages, pauses about 2 s, then runs -t seconds of which it discards the first
// 400 ms and the last 50 ms; the full log holds only the messages in between, and the harness
// takes every round trip from it (not sockperf's own percentiles).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runClientServer } from './client-server.ts';
import { rrBytes, workloadParams } from './params.ts';
import { ipv6Reason, sockperfOutcome } from './sockperf-outcome.ts';
import type { WorkloadContext, WorkloadOutcome } from './types.ts';

/** sockperf -t counts the discarded 450 ms, so it runs this much longer than the measurement. */
export const SOCKPERF_EXTRA_S = 1;
/** Its warmup stage before -t starts counting, and process start-up. */
export const SOCKPERF_SETUP_S = 2.3;

export async function sockperfRr(ctx: WorkloadContext, protocol: 'tcp' | 'udp'): Promise<WorkloadOutcome> {
  const p = workloadParams(ctx.params);
  const port = protocol === 'tcp' ? '11111' : '11112';
  const proto = protocol === 'tcp' ? ['--tcp'] : [];
  const dir = await mkdtemp(join(tmpdir(), 'nkb-sockperf-'));
  const log = join(dir, 'full-log.csv');
  try {
    const seconds = ctx.durationS + SOCKPERF_EXTRA_S;
    const r = await runClientServer(ctx, {
      server: { argv: ['sockperf', 'server', '-i', ctx.serverAddress, '-p', port, ...proto], ready: /to block on socket/ },
      client: {
        argv: ['sockperf', 'ping-pong', '-i', ctx.serverAddress, '-p', port, ...proto, '-m', String(rrBytes(p)), '-t', String(seconds), '--full-log', log],
        timeoutMs: (seconds + 20) * 1000,
      },
      // After "Starting test" sockperf still discards 400 ms (warmup) and the last 50 ms.
      window: { startOn: /Starting test/, startAfterMs: 450, lengthMs: ctx.durationS * 1000 + 450 },
    });
    if (!r.ok) return { state: 'failed', reason: ipv6Reason(ctx, r.reason), metrics: {}, commands: r.commands };
    return sockperfOutcome(ctx, protocol, r, await readFile(log, 'utf8').catch(() => undefined));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
