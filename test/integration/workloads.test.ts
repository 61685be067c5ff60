// Every workload, for real, on host and veth: the tools run in the run's namespaces pinned to
// their CPUs, the figures are there and plausible, the samples are kept, nothing is left behind.
// Then one short `bench` through the CLI checks the files a run writes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SCENARIOS } from '../../scenarios/index.ts';
import { detectCapabilities, whyNotRunnable } from '../../harness/capabilities.ts';
import { namespaceName, newRunId } from '../../harness/naming.ts';
import { BPFFS, BPF_BUILD } from '../../harness/paths.ts';
import type { ResultsFile } from '../../harness/results/schema.ts';
import { CSV_COLUMNS } from '../../harness/results/csv.ts';
import { withTopology } from '../../harness/topology/apply.ts';
import { planTopology } from '../../harness/topology/plan.ts';
import { WORKLOADS } from '../../harness/workloads/index.ts';
import { tcpRrProbe } from '../../harness/workloads/rr.ts';
import type { WorkloadOutcome } from '../../harness/workloads/types.ts';
import { cli } from '../helpers/cli.ts';
import { leftovers } from '../helpers/host-state.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

/** Valid means the measurement happened: loss and retransmits are reported, never a reason by default. */
function assertUsable(name: string, o: WorkloadOutcome): void {
  assert.is(o.state, 'ok', `${name}: ${o.reason}`);
}

const RATE: Record<string, string> = { tcp_stream: 'throughputGbps', tcp_stream_multi: 'throughputGbps', udp_stream: 'throughputGbps', tcp_rr: 'transactionsPerS', tcp_rr_probe: 'transactionsPerS', udp_rr: 'transactionsPerS', tcp_crr: 'connectionsPerS' };

for (const name of ['host', 'veth']) {
  test(`${name}: every workload measures, pinned, with CPU figures and latency samples`, async () => {
    const scenario = SCENARIOS.find((s) => s.name === name)!;
    const runId = newRunId();
    await withTopology(planTopology(scenario, { runId, bpffs: BPFFS, bpfBuild: BPF_BUILD }), async () => {
      for (const w of [...WORKLOADS, tcpRrProbe]) {
        const o = await w.run({
          clientNetns: namespaceName(runId, scenario.client.node), serverNetns: namespaceName(runId, scenario.server.node),
          serverAddress: scenario.server.address, durationS: 1, clientCpu: 0, serverCpu: 1,
        });
        assertUsable(w.name, o);
        assert.ok(o.metrics[RATE[w.name]!]! > 0, `${w.name}: ${JSON.stringify(o.metrics)}`);
        assert.ok(o.cpu && o.cpu.windowS > 0, `${w.name}: no CPU window`);
        // Tick-sampled CPU time can miss a rate-limited UDP stream in a short window; the others saturate a CPU.
        if (w.name !== 'udp_stream') assert.ok(o.metrics.cpuBusyPct! > 0 && o.metrics.cpuBusyPct! <= 100, `${w.name} cpuBusyPct ${o.metrics.cpuBusyPct}`);
        assert.ok(o.commands!.some((c) => c.includes(`--net=/run/netns/${namespaceName(runId, scenario.client.node)} -- taskset -c 0 `)), `${w.name}: client not pinned`);
        assert.ok(o.commands!.some((c) => c.includes(`--net=/run/netns/${namespaceName(runId, scenario.server.node)} -- taskset -c 1 `)), `${w.name}: server not pinned`);
        if (RATE[w.name] === 'throughputGbps') {
          if (w.name !== 'udp_stream') assert.ok(o.metrics.cpuCoreSecondsPerGB! > 0, w.name);
        } else {
          const { p50Us, p90Us, p99Us, p999Us, maxUs } = o.metrics as Record<string, number>;
          assert.ok(0 < p50Us! && p50Us! <= p90Us! && p90Us! <= p99Us! && p99Us! <= p999Us! && p999Us! <= maxUs!, `${w.name}: ${JSON.stringify(o.metrics)}`);
          assert.ok(o.samples!.latencyUs!.length > 0 && o.samples!.latencyUs!.length <= 20_000);
          assert.ok(o.metrics.cpuUsPerTransaction! > 0, w.name);
        }
      }
    });
    assert.equal(await leftovers(runId), []);
  });
}

test.after(removeTempDirs);

test('bench through the CLI: results.json with samples, intervals and environment; results.csv; table', async () => {
  const runId = newRunId();
  const out = await tempDir('wl');
  const bpf = whyNotRunnable(SCENARIOS.find((s) => s.name === 'veth-bpf')!, await detectCapabilities(newRunId())) === undefined;
  const scenarios = ['host', 'veth', ...(bpf ? ['veth-bpf'] : [])];
  const r = await cli(['bench', '--vm', 'never', '--run-id', runId, '--out', out, '--scenarios', scenarios.join(','), '--workloads', 'tcp_stream,tcp_crr', '--duration', '1', '--repeats', '3'], { timeoutMs: 300_000 });
  assert.is(r.exitCode, 0, String(r.stderr));
  assert.match(String(r.stdout), /value\s+95% CI\s+vs host\s+95% CI/);
  // Retransmit rates sit next to throughput in the table, whatever their size.
  assert.match(String(r.stdout), /veth\s+tcp_stream\s+throughputGbps[^\n]*\n\S+\s+tcp_stream\s+retransmitsPerGB\s/);
  assert.match(String(r.stderr), /\[1\/\d+\] \S+ tcp_stream repetition 1\/3, about \S+ left/);
  const results = JSON.parse(await readFile(join(out, runId, 'results.json'), 'utf8')) as ResultsFile;
  assert.equal(results.options.workloadParams?.rrSizeBytes, 64);
  assert.ok(results.environment.sysctls?.['net.core.rmem_max']);
  assert.ok(results.environment.scenarios?.veth?.links?.includes('veth'));
  const rr = results.measurements.find((m) => m.workload === 'tcp_crr' && m.state === 'ok')!;
  assert.ok(rr.samples!.latencyUs!.length > 0 && rr.sampleCounts!.latencyUs!.kept === rr.samples!.latencyUs!.length);
  const p99 = results.summary.find((s) => s.scenario === 'veth' && s.workload === 'tcp_crr' && s.metric === 'p99Us')!;
  assert.is(p99.estimator, 'pooled');
  if (p99.n >= 3) assert.ok(p99.ciLow! <= p99.value && p99.value <= p99.ciHigh! && p99.ratioCiLow !== null, JSON.stringify(p99));
  if (bpf) {
    const cost = results.summary.filter((s) => s.scenario === 'veth-bpf' && s.metric.startsWith('bpfNsPerPacket:'));
    assert.is(new Set(cost.map((c) => c.metric)).size, 4, JSON.stringify(cost.map((c) => c.metric)));
    assert.ok(cost.every((c) => c.value > 0 && c.unit === 'ns'));
  }
  const csv = await readFile(join(out, runId, 'results.csv'), 'utf8');
  assert.is(csv.split('\n')[0], CSV_COLUMNS.join(','));
  assert.equal(await leftovers(runId), []);
});

test.run();
