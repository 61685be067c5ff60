// The charts of a run's report, in reading order. A chart whose data the run does not have (no
// latency workload, no BPF program) is left out rather than drawn empty.
import { BASELINE } from '../../../scenarios/index.ts';
import type { HistoryRecord } from '../../history/record.ts';
import type { ResultsFile } from '../../model/results.ts';
import { isBpfMetric } from '../chart-data.ts';
import { metricBarsChart, otherMetricsChart } from './bars.ts';
import { bpfCostChart } from './bpf-cost.ts';
import { latencyCdfChart, latencyPercentilesChart, PERCENTILE_METRICS } from './latency.ts';
import { HEADLINE_METRICS, ratioChart } from './ratio.ts';
import { trendCharts, type TrendSettings } from './trend.ts';
import { labelChartClock } from './clock-label.ts';
import type { Chart } from './types.ts';
import { sweepCharts } from './sweep.ts';

/** Metrics with a bar chart of their own, its file name and title. */
const DEDICATED: [metric: string, id: string, title: string][] = [
  ['throughputGbps', 'throughput', 'Throughput'],
  ['transactionsPerS', 'transaction-rate', 'Transaction rate'],
  ['connectionsPerS', 'connection-rate', 'Connection rate'],
  ['cpuCoreSecondsPerGB', 'cpu-per-gb', 'CPU cost per GB'],
  ['cpuUsPerTransaction', 'cpu-per-transaction', 'CPU cost per transaction'],
  ['backlogPassesPerPacket', 'backlog-passes', 'Backlog passes per packet'],
];

export function runCharts(results: ResultsFile): Chart[] {
  const bars = (metric: string) => {
    const d = DEDICATED.find(([m]) => m === metric)!;
    return metricBarsChart(results, ...d);
  };
  const shown = (m: string) => DEDICATED.some(([d]) => d === m) || m in PERCENTILE_METRICS || isBpfMetric(m);
  const charts = [
    ...sweepCharts(results),
    bars('throughputGbps'),
    ratioChart(results, BASELINE),
    latencyPercentilesChart(results),
    latencyCdfChart(results),
    bars('transactionsPerS'),
    bars('connectionsPerS'),
    bars('cpuCoreSecondsPerGB'),
    bars('cpuUsPerTransaction'),
    bars('backlogPassesPerPacket'),
    bpfCostChart(results),
    otherMetricsChart(results, shown),
  ];
  return charts.filter((c): c is Chart => c !== undefined).map((c) => labelChartClock(c, results.environment.clock));
}

/** The trend metrics: the headline figures and the CPU costs, where the history has them. */
export function historyCharts(history: readonly HistoryRecord[], settings: TrendSettings): Chart[] {
  const present = new Set(history.flatMap((r) => r.rows.map((row) => row.metric)));
  const metrics = [...HEADLINE_METRICS, 'cpuCoreSecondsPerGB', 'cpuUsPerTransaction'].filter((m) => present.has(m));
  // The caller passes one class of runs (history/class.ts), so the newest record's clock is every record's.
  return trendCharts(history, metrics, settings).map((c) => labelChartClock(c, history.at(-1)?.environment.clock));
}
