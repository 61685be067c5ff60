// Results files with known contents, for tests of the readers (compare, history, charts). They go
// through the same schema as a real run's file; only the numbers are made up, from a seeded PRNG.
import { RESULTS_SCHEMA, RESULTS_VERSION, type Measurement, type ResultsFile } from '../../harness/model/results.ts';
import { summarize } from '../../harness/results/summary.ts';
import { seededRandom } from './random.ts';

/** The same seeded generator the bootstrap uses. */
export const prng = seededRandom;

export function resultsFile(runId: string, measurements: Measurement[], extra: Partial<ResultsFile> = {}): ResultsFile {
  const scenarios = [...new Set(measurements.map((m) => m.scenario))];
  const workloads = [...new Set(measurements.map((m) => m.workload))];
  return {
    schema: RESULTS_SCHEMA,
    version: RESULTS_VERSION,
    runId,
    command: ['bench', '--scenarios', scenarios.join(','), '--duration', '2'],
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:05:00.000Z',
    complete: true,
    options: { scenarios, workloads, durationS: 2, repeats: 5, clientCpu: 0, serverCpu: 1 },
    environment: {
      where: 'native', kernelRelease: '6.8.0-test', cpuModel: 'Test CPU', cpuCount: 2, nodeVersion: 'v20.0.0',
      tools: { iperf3: 'iperf 3.12' }, gitRevision: 'abc1234', bpfObjectsSha256: 'f'.repeat(64),
      scenariosSha256: Object.fromEntries(scenarios.map((s) => [s, `${s}-hash`.padEnd(64, '0')])),
    },
    skipped: [],
    measurements,
    summary: summarize(measurements, 'host'),
    ...extra,
  };
}

/** One metric's repetitions per scenario, each value given: compare tests with known answers. */
export function metricRun(runId: string, metric: string, values: Record<string, number[]>, workload = 'tcp_stream'): ResultsFile {
  const measurements = Object.entries(values).flatMap(([scenario, xs]) => xs.map((v, i): Measurement => ({
    scenario, workload, point: { topology: 'cross-node' }, repetition: i + 1, state: 'ok', startedAt: '2026-01-01T00:00:00.000Z', elapsedS: 2, metrics: { [metric]: v }, bpf: [],
  })));
  return resultsFile(runId, measurements);
}
