// What each metric means: its unit and which direction is better. Names carry their unit.

export interface MetricInfo { unit: string; better: 'higher' | 'lower'; description: string }

export const METRICS: Record<string, MetricInfo> = {
  throughputGbps: { unit: 'Gbit/s', better: 'higher', description: 'TCP goodput at the receiver' },
  retransmits: { unit: 'count', better: 'lower', description: 'TCP retransmits counted by the sender' },
  clientCpuPct: { unit: '%', better: 'lower', description: "iperf3's CPU use of the client process" },
  serverCpuPct: { unit: '%', better: 'lower', description: "iperf3's CPU use of the server process" },
};

export function metricInfo(name: string): MetricInfo {
  return METRICS[name] ?? { unit: '', better: 'higher', description: name };
}
