// A sockperf ping-pong measurement from its finished client run: the summary on stdout, the
// --full-log it wrote, and the exit status, all through judgeToolRun. Every round trip comes from
// the log (not sockperf's own percentiles); the counts of stdout, the log's copy and its rows must
// agree; a summary counter that is missing fails the run, it is never read as 0.
import type { ParseOutcome } from '../parsers/outcome.ts';
import { sockperfDisagreement } from '../parsers/sockperf-agreement.ts';
import { parseSockperfLog, type SockperfLog } from '../parsers/sockperf-log.ts';
import { parseSockperfSummary, type SockperfSummary } from '../parsers/sockperf-summary.ts';
import type { ClientRun } from './client-server.ts';
import { cpuMetrics } from './cpu-metrics.ts';
import { latencyOutcome } from './latency-outcome.ts';
import { workloadParams } from './params.ts';
import { judgeToolRun } from './tool-run.ts';
import type { WorkloadContext, WorkloadOutcome } from './types.ts';
import { durationGate, judge, limitGate } from './validity.ts';

/** Both of sockperf's outputs read and checked against each other; `logText` undefined: no log was written. */
export function readSockperfRun(stdout: string, logText: string | undefined): ParseOutcome<{ summary: SockperfSummary; log: SockperfLog }> {
  const summary = parseSockperfSummary(stdout);
  if (!summary.ok) return summary;
  if (logText === undefined) return { ok: false, reason: 'sockperf wrote no --full-log file' };
  const log = parseSockperfLog(logText);
  if (!log.ok) return log;
  return sockperfDisagreement(summary.value, log.value) ?? { ok: true, value: { summary: summary.value, log: log.value } };
}

/** sockperf 3.7 (Debian 12) answers an IPv6 -i with "Invalid address"; say so in the field's terms. */
export function ipv6Reason(ctx: Pick<WorkloadContext, 'params'>, reason: string): string {
  return workloadParams(ctx.params).ipVersion === 6 && /Invalid address/.test(reason) ? `this sockperf cannot use IPv6 addresses (--ip 6): ${reason}` : reason;
}

export function sockperfOutcome(ctx: Pick<WorkloadContext, 'durationS' | 'params'>, protocol: 'tcp' | 'udp', r: ClientRun, logText: string | undefined): WorkloadOutcome {
  const p = workloadParams(ctx.params);
  const run = judgeToolRun({ tool: 'sockperf', ...r.client }, readSockperfRun(r.client.stdout, logText));
  if (run.state !== 'ok') return { state: run.state, reason: ipv6Reason(ctx, run.reason), metrics: {}, commands: r.commands, cpu: r.cpu };
  const { summary: s, log } = run.value;
  const transactionsPerS = log.rttUs.length / s.validRunTimeS;
  const latency = latencyOutcome(log.rttUs);
  let sum = 0;
  for (const x of log.rttUs) sum += x;
  const metrics: Record<string, number> = {
    // meanUs as several flows report it (sockperf-flows.ts), so a flows curve has it at every point.
    transactionsPerS, meanUs: sum / log.rttUs.length,
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
}
