// Request/response latency with sockperf ping-pong, one message in flight at a time. sockperf
// sends warmup messages, pauses about 2 s, then runs -t seconds of which it discards the first
// 400 ms and the last 50 ms; the full log holds only the messages in between, and the harness
// takes every round trip from it (not sockperf's own percentiles).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSockperfLog } from '../parsers/sockperf-log.ts';
import { parseSockperfSummary } from '../parsers/sockperf-summary.ts';
import { runClientServer } from './client-server.ts';
import { cpuMetrics } from './cpu-metrics.ts';
import { latencyOutcome } from './latency-outcome.ts';
import { workloadParams } from './params.ts';
import type { WorkloadContext, WorkloadOutcome } from './types.ts';
import { durationGate, judge, limitGate } from './validity.ts';

/** sockperf -t counts the discarded 450 ms, so it runs this much longer than the measurement. */
export const SOCKPERF_EXTRA_S = 1;
/** Its warmup stage before -t starts counting, and process start-up. */
export const SOCKPERF_SETUP_S = 2.3;

/** sockperf 3.7 (Debian 12) answers an IPv6 -i with "Invalid address"; say so in the field's terms. */
function ipv6Reason(ctx: WorkloadContext, reason: string): string {
  return workloadParams(ctx.params).ipVersion === 6 && /Invalid address/.test(reason) ? `this sockperf cannot use IPv6 addresses (--ip 6): ${reason}` : reason;
}

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
        argv: ['sockperf', 'ping-pong', '-i', ctx.serverAddress, '-p', port, ...proto, '-m', String(p.rrSizeBytes), '-t', String(seconds), '--full-log', log],
        timeoutMs: (seconds + 20) * 1000,
      },
      // After "Starting test" sockperf still discards 400 ms (warmup) and the last 50 ms.
      window: { startOn: /Starting test/, startAfterMs: 450, lengthMs: ctx.durationS * 1000 + 450 },
    });
    if (!r.ok) return { state: 'failed', reason: ipv6Reason(ctx, r.reason), metrics: {}, commands: r.commands };
    const summary = parseSockperfSummary(r.client.stdout);
    if (!summary.ok) return { state: 'failed', reason: summary.reason, metrics: {}, commands: r.commands };
    const parsed = parseSockperfLog(await readFile(log, 'utf8').catch(() => ''));
    if (!parsed.ok) return { state: 'failed', reason: parsed.reason, metrics: {}, commands: r.commands };
    const s = summary.value;
    const transactionsPerS = parsed.value.rttUs.length / s.validRunTimeS;
    const latency = latencyOutcome(parsed.value.rttUs);
    const metrics: Record<string, number> = {
      transactionsPerS,
      ...latency.metrics,
      // TCP cannot drop a message without breaking the run; only UDP reports loss.
      ...(protocol === 'udp' ? { lossPct: s.sentMessages > 0 ? (s.droppedMessages / s.sentMessages) * 100 : NaN } : {}),
      ...cpuMetrics(r.cpu, { transactionsPerS }),
    };
    const verdict = judge({ ...metrics, measuredS: s.validRunTimeS }, [
      { metric: 'transactionsPerS', positive: true },
      ...(protocol === 'udp' ? limitGate('lossPct', p.maxLossPct, '--max-loss-pct') : []),
      { metric: 'p99Us' },
      // sockperf's valid phase is -t less the 450 ms it discards: durationS + 0.55 s.
      durationGate(ctx.durationS),
    ]);
    return { ...verdict, metrics, samples: latency.samples, sampleCounts: latency.sampleCounts, cpu: r.cpu, tool: `sockperf ${s.version}`, commands: r.commands };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
