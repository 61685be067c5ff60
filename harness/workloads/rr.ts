// The request/response workloads. Each measures with one named tool, chosen up front, never
// swapped silently: tcp_rr with sockperf (default), netperf TCP_RR (--rr-tool netperf, the
// cross-check) or the built-in Node probe (--rr-tool probe); tcp_crr with netperf TCP_CRR
// (default) or the probe (--crr-tool probe). A missing tool stops the run before it starts
// (preflight), and every measurement records which tool and version measured it.
import { crrBytes, rrBytes, workloadParams } from './params.ts';
import type { WorkloadParams } from '../model/workload-params.ts';
import { NETPERF_EXTRA_S, netperfRr } from './netperf-rr.ts';
import { probeRr } from './probe-rr.ts';
import { SOCKPERF_EXTRA_S, SOCKPERF_SETUP_S } from './sockperf-argv.ts';
import { sockperfRr } from './sockperf-rr.ts';
import { sockperfRefusal } from './sockperf-limits.ts';
import type { Workload } from './types.ts';

const netperfExpectedS = (durationS: number) => durationS + NETPERF_EXTRA_S;
const sockperfExpectedS = (durationS: number) => durationS + SOCKPERF_EXTRA_S + SOCKPERF_SETUP_S;

/**
 * How far two repetitions' p99 may differ before a third is measured (types.ts agreementPct): well
 * above the 1-3 µs (up to 3.4%) repetitions of one build differ by on the instruction clock, well
 * below the 41% of a repetition with a burst of slow transactions (2026-12-06, 36 pairs of
 * netperf tcp_rr repetitions at msg 1, 1024 and 16384: one such pair).
 */
const TAIL_AGREEMENT_PCT = 5;

/** The executables each load generator needs (the probe runs on node). */
const EXECUTABLES: Record<string, string[]> = { sockperf: ['sockperf'], netperf: ['netperf', 'netserver'], probe: [] };

export const tcpRr: Workload = {
  name: 'tcp_rr',
  description: 'TCP request/response, one at a time (sockperf ping-pong; --rr-tool netperf|probe): latency percentiles, transactions/s',
  primary: ['transactionsPerS', 'p99Us'],
  agreementPct: { transactionsPerS: 0.5, p99Us: TAIL_AGREEMENT_PCT },
  tools: ['sockperf'],
  toolsFor: (p: WorkloadParams) => EXECUTABLES[p.rrTool]!,
  refusal: (p: WorkloadParams) => (p.rrTool === 'sockperf' ? sockperfRefusal(p) : undefined),
  expectedS: sockperfExpectedS,
  run: (ctx) => {
    const p = workloadParams(ctx.params);
    if (p.rrTool === 'netperf') return netperfRr(ctx, 'TCP_RR', rrBytes(p));
    if (p.rrTool === 'probe') return probeRr(ctx, 'rr', rrBytes(p));
    return sockperfRr(ctx, 'tcp');
  },
};

export const udpRr: Workload = {
  name: 'udp_rr',
  description: 'UDP request/response with sockperf ping-pong: latency percentiles, transactions/s, lost messages',
  primary: ['transactionsPerS', 'p99Us'],
  agreementPct: { transactionsPerS: 0.5, p99Us: TAIL_AGREEMENT_PCT },
  tools: ['sockperf'],
  refusal: sockperfRefusal,
  expectedS: sockperfExpectedS,
  run: (ctx) => sockperfRr(ctx, 'udp'),
};

export const tcpCrr: Workload = {
  name: 'tcp_crr',
  description: 'TCP connect, request, response, close, one at a time (netperf TCP_CRR; --crr-tool probe): connections/s, latency percentiles',
  primary: ['connectionsPerS'],
  agreementPct: { connectionsPerS: 0.5 },
  tools: EXECUTABLES.netperf!,
  toolsFor: (p: WorkloadParams) => EXECUTABLES[p.crrTool]!,
  expectedS: netperfExpectedS,
  run: (ctx) => {
    const p = workloadParams(ctx.params);
    return p.crrTool === 'probe' ? probeRr(ctx, 'crr', crrBytes(p)) : netperfRr(ctx, 'TCP_CRR', crrBytes(p));
  },
};
