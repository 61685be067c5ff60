// Request/response latency with sockperf ping-pong, one message in flight at a time. sockperf
// sends warmup messages, pauses about 2 s, then runs -t seconds of which it discards the first
// 400 ms and the last 50 ms; the full log holds only the messages in between, and the harness
// takes every round trip from it (not sockperf's own percentiles). Several flows (the flows axis)
// are N clients at once, each against its own server: sockperf-flows.ts.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runClientServer } from './client-server.ts';
import { workloadParams } from './params.ts';
import { SOCKPERF_READY, sockperfClientArgv, sockperfPort, sockperfServerArgv, sockperfTimeoutMs, sockperfWindow } from './sockperf-argv.ts';
import { sockperfFlows } from './sockperf-flows.ts';
import { ipv6Reason, sockperfOutcome } from './sockperf-outcome.ts';
import type { WorkloadContext, WorkloadOutcome } from './types.ts';

export async function sockperfRr(ctx: WorkloadContext, protocol: 'tcp' | 'udp'): Promise<WorkloadOutcome> {
  const flows = workloadParams(ctx.params).flows ?? 1;
  if (flows > 1) return sockperfFlows(ctx, protocol, flows);
  const port = sockperfPort(protocol);
  const dir = await mkdtemp(join(tmpdir(), 'nkb-sockperf-'));
  const log = join(dir, 'full-log.csv');
  try {
    const r = await runClientServer(ctx, {
      server: { argv: sockperfServerArgv(ctx, protocol, port), ready: SOCKPERF_READY },
      client: { argv: sockperfClientArgv(ctx, protocol, port, log), timeoutMs: sockperfTimeoutMs(ctx.durationS) },
      window: sockperfWindow(ctx.durationS),
    });
    if (!r.ok) return { state: 'failed', reason: ipv6Reason(ctx, r.reason), metrics: {}, commands: r.commands };
    return sockperfOutcome(ctx, protocol, r, await readFile(log, 'utf8').catch(() => undefined));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
