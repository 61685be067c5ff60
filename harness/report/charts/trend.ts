// The nightly trend of a metric: each run's median per scenario over time, with the band the gate
// tolerates around the baseline (median of the previous N runs, plus or minus the threshold).
// A point outside its band is a change large enough to count, if it is also significant.
import { clockedUnit } from '../../clock/labels.ts';
import type { TopLevelSpec } from 'vega-lite';
import type { HistoryRecord } from '../../history/record.ts';
import { medianOf } from '../../stats/statistics.ts';
import { metricInfo } from '../../core/metrics.ts';
import { scenarioEncodings } from '../scenario-colors.ts';
import { wrappedFacet } from './facet.ts';
import type { Chart } from './types.ts';
import { pointKey } from '../../core/point.ts';

export interface TrendSettings { thresholdPct: number; baselineRuns: number }

interface TrendPoint { startedAt: string; runId: string; scenario: string; workload: string; median: number; bandLow: number | null; bandHigh: number | null }

/**
 * Each run's median with the band around the median of the previous N runs of the same series.
 * Computed here rather than by a Vega window: Vega reads a frame's end as |offset|, so a frame
 * [-N, -1] would take in the current run and the next.
 */
export function trendPoints(history: readonly HistoryRecord[], metric: string, s: TrendSettings): TrendPoint[] {
  const earlier = new Map<string, number[]>();
  const t = s.thresholdPct / 100;
  return [...history].sort((a, b) => a.startedAt.localeCompare(b.startedAt)).flatMap((r) => r.rows
    .filter((row) => row.metric === metric && Number.isFinite(row.median))
    .map((row) => {
      const key = `${row.scenario}\u0000${row.workload}\u0000${pointKey(row.point)}`;
      const before = earlier.get(key) ?? [];
      const baseline = before.length ? medianOf(before.slice(-s.baselineRuns)) : null;
      earlier.set(key, [...before, row.median]);
      const band = baseline === null ? { bandLow: null, bandHigh: null } : { bandLow: baseline * (1 - t), bandHigh: baseline * (1 + t) };
      return { startedAt: r.startedAt, runId: r.runId, scenario: row.scenario, workload: row.workload, median: row.median, ...band };
    }));
}

export function trendCharts(history: readonly HistoryRecord[], metrics: readonly string[], s: TrendSettings): Chart[] {
  return metrics.flatMap((metric) => {
    const values = trendPoints(history, metric, s);
    if (values.length === 0) return [];
    const info = metricInfo(metric);
    const enc = scenarioEncodings(values.map((v) => v.scenario));
    const x = { field: 'startedAt', type: 'temporal' as const, title: 'run started' };
    const y = { field: 'median', type: 'quantitative' as const, title: `${metric}${info.unit ? ` (${clockedUnit(info.unit, history.at(-1)?.environment.clock)})` : ''}`, scale: { zero: false } };
    const spec: TopLevelSpec = {
      title: { text: `Trend: ${metric}`, subtitle: `median per run; band: median of the previous ${s.baselineRuns} runs ± ${s.thresholdPct}% (the regression threshold); ${info.better} is better` },
      data: { values },
      ...wrappedFacet('workload', [...new Set(values.map((v) => v.workload))], 420),
      spec: {
        width: 420,
        height: 220,
        layer: [
          {
            transform: [{ filter: 'isValid(datum.bandLow)' }],
            mark: { type: 'area', opacity: 0.15 },
            encoding: { x, y: { field: 'bandLow', type: 'quantitative', title: y.title }, y2: { field: 'bandHigh' }, color: { ...enc.color, legend: null } },
          },
          {
            // The band at each run as well, so it shows from the second run on (an area needs two).
            transform: [{ filter: 'isValid(datum.bandLow)' }],
            mark: { type: 'rule', opacity: 0.35, strokeWidth: 6 },
            encoding: { x, y: { field: 'bandLow', type: 'quantitative', title: y.title }, y2: { field: 'bandHigh' }, color: { ...enc.color, legend: null } },
          },
          { mark: { type: 'line', point: true, strokeWidth: 2 }, encoding: { x, y, color: enc.color } },
        ],
      },
    };
    return [{ id: `trend-${metric}`, title: `Trend: ${metric}`, caption: `${info.description} over the recorded runs, with the tolerated band.`, spec }];
  });
}
