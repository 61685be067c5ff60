// A history of nightly runs with known figures: host and veth throughput with small noise, and a
// step down in veth's throughput from a given night on. For history and trend-chart tests.
import { toHistoryRecord, type HistoryRecord } from '../../harness/history/record.ts';
import { metricRun, prng } from './synthetic-results.ts';

export function syntheticHistory(nights: number, opts: { dropFromNight?: number; dropPct?: number; seed?: number } = {}): HistoryRecord[] {
  const rnd = prng(opts.seed ?? 7);
  return Array.from({ length: nights }, (_, night) => {
    const drop = opts.dropFromNight !== undefined && night >= opts.dropFromNight ? 1 - (opts.dropPct ?? 20) / 100 : 1;
    const reps = (centre: number) => Array.from({ length: 5 }, () => centre * (1 + (rnd() - 0.5) * 0.04));
    const run = metricRun(`night${String(night).padStart(2, '0')}`, 'throughputGbps', { host: reps(20), veth: reps(15 * drop) });
    run.startedAt = new Date(Date.UTC(2026, 0, 1 + night, 2)).toISOString();
    return toHistoryRecord(run);
  });
}
