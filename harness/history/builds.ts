// The history of a kernel gate seen per kernel build: each run's own figure (its median over its
// repetitions: the run is the unit of night-to-night variation) grouped by the kernel it ran on,
// in the order the builds first appeared, so a trend across builds shows what each build changed.
import { medianOf } from '../stats/statistics.ts';
import type { Environment } from '../model/results.ts';
import type { HistoryRecord } from './record.ts';
import { sampleKey } from '../results/samples.ts';
import type { Point } from '../model/point.ts';

/** One kernel build: release, plus the config's hash when the VM recorded it, else the build string (uname -v). */
export function kernelBuildOf(env: Environment): string {
  const sha = env.vm?.kernel?.configSha256;
  if (sha) return `${env.kernelRelease} config ${sha.slice(0, 12)}`;
  return env.kernelVersion && env.kernelVersion !== 'unavailable' ? `${env.kernelRelease} ${env.kernelVersion}` : env.kernelRelease;
}

export interface BuildFigure {
  scenario: string;
  workload: string;
  point: Point;
  metric: string;
  unit: string;
  /** One figure per run of this build (that run's median), oldest run first. */
  runMedians: number[];
  /** Median of runMedians. */
  median: number;
}

export interface KernelBuildTrend {
  build: string;
  runIds: string[];
  firstStartedAt: string;
  lastStartedAt: string;
  figures: BuildFigure[];
}

/** Records (any order) grouped by kernel build, builds in order of their first run. Pure. */
export function trendByKernelBuild(records: readonly HistoryRecord[]): KernelBuildTrend[] {
  const builds = new Map<string, HistoryRecord[]>();
  for (const r of [...records].sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    const key = kernelBuildOf(r.environment);
    builds.set(key, [...(builds.get(key) ?? []), r]);
  }
  return [...builds].map(([build, runs]) => {
    const figures = new Map<string, BuildFigure>();
    for (const run of runs) {
      for (const row of run.rows) {
        if (!Number.isFinite(row.median)) continue;
        const key = sampleKey(row);
        const f = figures.get(key) ?? { scenario: row.scenario, workload: row.workload, point: row.point, metric: row.metric, unit: row.unit, runMedians: [], median: NaN };
        f.runMedians.push(row.median);
        figures.set(key, f);
      }
    }
    for (const f of figures.values()) f.median = medianOf(f.runMedians);
    return { build, runIds: runs.map((r) => r.runId), firstStartedAt: runs[0]!.startedAt, lastStartedAt: runs.at(-1)!.startedAt, figures: [...figures.values()] };
  });
}
