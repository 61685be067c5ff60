// The request/response workloads. tcp_rr uses sockperf when it is installed and the built-in
// probe otherwise, so the default run needs no extra tool; each measurement records which.
// sockperf 3.7 (Debian 12) cannot take an IPv6 address, so with --ip 6 tcp_rr uses the probe.
import { which } from '../system.ts';
import { workloadParams } from './params.ts';
import { probeRr, PROBE_WARMUP_MS } from './probe-rr.ts';
import { SOCKPERF_EXTRA_S, SOCKPERF_SETUP_S, sockperfRr } from './sockperf-rr.ts';
import type { Workload } from './types.ts';

const probeExpectedS = (durationS: number) => durationS + PROBE_WARMUP_MS / 1000 + 1;

export const tcpRr: Workload = {
  name: 'tcp_rr',
  description: 'TCP request/response, one at a time (sockperf ping-pong; the built-in probe without it or with --ip 6): latency percentiles, transactions/s',
  tools: [],
  expectedS: (durationS) => durationS + SOCKPERF_EXTRA_S + SOCKPERF_SETUP_S,
  run: async (ctx) => {
    const p = workloadParams(ctx.params);
    return p.ipVersion === 4 && (await which('sockperf')) ? sockperfRr(ctx, 'tcp') : probeRr(ctx, 'rr', p.rrSizeBytes);
  },
};

/** tcp_rr through the built-in probe whatever is installed: not in the registry, for tests. */
export const tcpRrProbe: Workload = {
  ...tcpRr,
  name: 'tcp_rr_probe',
  description: 'tcp_rr measured by the built-in probe even when sockperf is installed',
  expectedS: probeExpectedS,
  run: (ctx) => probeRr(ctx, 'rr', workloadParams(ctx.params).rrSizeBytes),
};

export const udpRr: Workload = {
  name: 'udp_rr',
  description: 'UDP request/response with sockperf ping-pong: latency percentiles, transactions/s, lost messages',
  tools: ['sockperf'],
  expectedS: (durationS) => durationS + SOCKPERF_EXTRA_S + SOCKPERF_SETUP_S,
  run: (ctx) => sockperfRr(ctx, 'udp'),
};

export const tcpCrr: Workload = {
  name: 'tcp_crr',
  description: 'TCP connect, request, response, close, one at a time (built-in probe): connections/s, latency percentiles',
  tools: [],
  expectedS: probeExpectedS,
  run: (ctx) => probeRr(ctx, 'crr', workloadParams(ctx.params).crrSizeBytes),
};
