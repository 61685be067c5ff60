// A results file with everything the charts can show: five scenarios, a stream, a request-response
// and a connect workload, latency percentiles and raw samples, CPU cost per GB, BPF run statistics
// summarised by the harness's own summarize (values, bootstrap CIs, ratios). For the report tests.
import { bpfMetricName } from '../../harness/core/metrics.ts';
import type { Measurement, ResultsFile } from '../../harness/model/results.ts';
import { prng, resultsFile } from './synthetic-results.ts';

const SCENARIOS = ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2'];
const COST: Record<string, number> = { host: 1, veth: 1.35, 'veth-bpf': 1.15, netkit: 1.02, 'netkit-l2': 1.05 };
const PROGRAMS: Record<string, string[]> = { 'veth-bpf': ['wire_ingress', 'pod_egress'], netkit: ['nk_primary'], 'netkit-l2': ['nk_primary', 'nk_peer'] };

export function richResults(seed = 1): ResultsFile {
  const rnd = prng(seed);
  const noise = (x: number, pct: number) => x * (1 + (rnd() - 0.5) * 2 * (pct / 100));
  const measurements: Measurement[] = [];
  for (const scenario of SCENARIOS) {
    const cost = COST[scenario]!;
    for (let rep = 1; rep <= 5; rep++) {
      const base = { scenario, point: { topology: 'cross-node' }, repetition: rep, state: 'ok' as const, startedAt: `2026-01-01T00:0${rep}:00.000Z`, elapsedS: 2 };
      const bpf = (PROGRAMS[scenario] ?? []).map((name, i) => {
        const runCnt = Math.round(noise(2_000_000, 5));
        return { name, hook: 'tcx_ingress', node: 'node1', counters: { seen: runCnt }, runCnt, runTimeNs: Math.round(runCnt * noise(40 + 25 * i, 10)) };
      });
      const bpfMetrics = Object.fromEntries(bpf.map((p) => [bpfMetricName(p.name), p.runTimeNs / p.runCnt]));
      measurements.push({ ...base, workload: 'tcp_stream', bpf, metrics: { throughputGbps: noise(20 / cost, 4), retransmits: Math.round(noise(100, 50)), clientCpuPct: noise(60 * cost, 5), cpuCoreSecondsPerGB: noise(0.8 * cost, 5), ...bpfMetrics } });
      const latencyUs = Array.from({ length: 2000 }, () => 18 * cost * (1 + -Math.log(1 - rnd() * 0.9999) * 0.4));
      const sorted = [...latencyUs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
      measurements.push({
        ...base, workload: 'tcp_rr', bpf,
        metrics: { transactionsPerS: noise(50_000 / cost, 3), p50Us: at(0.5), p90Us: at(0.9), p99Us: at(0.99), p999Us: at(0.999), maxUs: sorted[sorted.length - 1]!, cpuUsPerTransaction: noise(20 * cost, 5), ...bpfMetrics },
        samples: { latencyUs },
      });
      measurements.push({ ...base, workload: 'tcp_crr', bpf: [], metrics: { connectionsPerS: noise(9000 / cost, 4) } });
    }
  }
  return resultsFile('rich01', measurements);
}
