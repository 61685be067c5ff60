// The flows axis on request/response, for real on veth: N netperf instances at once, each against
// its own netserver on its own port, spread round robin over each side's CPU set; every instance
// ran and succeeded, the rate is their sum, the mean is pooled and the percentiles are left out
// with the reason. Timed (tcp_rr) and fixed work (tcp_crr), which each flow does in full. With
// sockperf: N ping-pong clients, each with its own server, the percentiles taken of every flow's
// round trips merged.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SCENARIOS } from '../../scenarios/index.ts';
import { namespaceName, newRunId } from '../../harness/core/naming.ts';
import { BPFFS, BPF_BUILD } from '../../harness/core/paths.ts';
import { withTopology } from '../../harness/topology/apply.ts';
import { planTopology } from '../../harness/topology/plan.ts';
import { tcpCrr, tcpRr, udpRr } from '../../harness/workloads/rr.ts';
import { sockperfFlowRuns } from '../../harness/workloads/sockperf-flows.ts';
import { PERCENTILES_NOT_POOLED } from '../../harness/workloads/flow-pool.ts';
import type { WorkloadContext, WorkloadOutcome } from '../../harness/workloads/types.ts';
import { leftovers } from '../helpers/host-state.ts';

/** The flows' commands: netservers (ports, server CPUs) and measured clients (ports, client CPUs, lengths). */
function flowsOf(o: WorkloadOutcome) {
  const cmds = o.commands ?? [];
  const servers = cmds.filter((c) => / netserver /.test(c)).map((c) => `${/taskset -c (\S+)/.exec(c)![1]}:${/-p (\d+)/.exec(c)![1]}`);
  const clients = cmds.filter((c) => / netperf /.test(c)).map((c) => `${/taskset -c (\S+)/.exec(c)![1]}:${/-p (\d+)/.exec(c)![1]}:${/-l (\S+)/.exec(c)![1]}`);
  return { servers, clients };
}

/**
 * veth built for one test, `use` given the context of a flows measurement across it (two CPUs on
 * each side, crossed, 1 s); nothing of the run left afterwards.
 */
async function onVeth(use: (base: Omit<WorkloadContext, 'params'>) => Promise<void>): Promise<void> {
  const scenario = SCENARIOS.find((s) => s.name === 'veth')!;
  const runId = newRunId();
  await withTopology(planTopology(scenario, { runId, bpffs: BPFFS, bpfBuild: BPF_BUILD }), () => use({
    clientNetns: namespaceName(runId, scenario.client.node), serverNetns: namespaceName(runId, scenario.server.node),
    serverAddress: scenario.server.address, durationS: 1, clientCpu: 0, serverCpu: 1, clientCpus: [0, 1], serverCpus: [1, 0],
  }));
  assert.equal(await leftovers(runId), []);
}

test('veth: 2 and 3 flows of tcp_rr and tcp_crr run as that many netperf instances, all ok, summed and pooled', async () => {
  await onVeth(async (base) => {
    const rr = await tcpRr.run({ ...base, params: { rrTool: 'netperf', flows: 2 } });
    // Both instances ran and succeeded. Timed flows must also have run over one phase: on a loaded
    // host one netperf's timer can overrun the other's by more than 5%, and then the measurement
    // is invalid for exactly that reason, figures kept (a noisier machine must not fail this test).
    if (rr.state !== 'ok') assert.match(`${rr.state}: ${rr.reason}`, /^invalid: the flows' measured phases disagree/);
    // Flow i on the i-th CPU of each set, its own netserver port; two warmups, two measured clients.
    assert.equal(flowsOf(rr), { servers: ['1:12865', '0:12866'], clients: ['0:12865:1', '1:12866:1', '0:12865:1', '1:12866:1'] });
    assert.ok(rr.metrics.transactionsPerS! > 0 && rr.metrics.meanUs! > 0 && rr.metrics.maxUs! >= rr.metrics.meanUs!, JSON.stringify(rr.metrics));
    for (const p of ['p50Us', 'p90Us', 'p99Us']) {
      assert.is(rr.metrics[p], undefined, p);
      assert.is(rr.omitted?.[p], PERCENTILES_NOT_POOLED);
    }
    assert.match(rr.tool ?? '', /^netperf 2\.\d/);
    const crr = await tcpCrr.run({ ...base, params: { flows: 3, fixedWork: { rrTransactions: 1000, crrConnections: 200, streamBytes: 1 << 20 } } });
    assert.is(crr.state, 'ok', crr.reason);
    // Fixed work: every flow connects 200 times (netperf -l -200), round robin over the two CPUs.
    assert.equal(flowsOf(crr).clients.slice(3), ['0:12865:-200', '1:12866:-200', '0:12867:-200']);
    assert.ok(crr.metrics.connectionsPerS! > 0 && crr.metrics.p99Us === undefined, JSON.stringify(crr.metrics));
    // One flow: the single-instance path, percentiles and all.
    const one = await tcpRr.run({ ...base, params: { rrTool: 'netperf', flows: 1 } });
    assert.is(one.state, 'ok', one.reason);
    assert.ok(one.metrics.p99Us! > 0 && one.metrics.meanUs! > 0 && one.omitted === undefined, JSON.stringify(one.metrics));
  });
});

/** sockperf's commands: servers (server CPUs, ports) and clients (client CPUs, ports). */
function sockperfFlowsOf(o: WorkloadOutcome) {
  const of = (re: RegExp) => (o.commands ?? []).filter((c) => re.test(c)).map((c) => `${/taskset -c (\S+)/.exec(c)![1]}:${/-p (\d+)/.exec(c)![1]}`);
  return { servers: of(/ sockperf server /), clients: of(/ sockperf ping-pong /) };
}

test('veth: 2 sockperf flows of tcp_rr and udp_rr: two clients pinned as placed, rates summed, percentiles of the merged samples', async () => {
  await onVeth(async (base) => {
    const ctx = { ...base, params: { rrTool: 'sockperf' as const, flows: 2 } };
    const { outcome: rr, rates } = await sockperfFlowRuns(ctx, 'tcp', 2);
    // As with netperf's timed flows above: on a loaded host one client's valid phase can come out
    // more than 5% shorter, and then the measurement is invalid for exactly that reason, figures kept.
    const phasesOnly = (o: WorkloadOutcome) => {
      if (o.state !== 'ok') assert.match(`${o.state}: ${o.reason}`, /^invalid: the flows' measured phases disagree/);
    };
    phasesOnly(rr);
    // Flow i on the i-th CPU of each set, its own server port (11111 + i); no warmup client (sockperf warms up itself).
    assert.equal(sockperfFlowsOf(rr), { servers: ['1:11111', '0:11112'], clients: ['0:11111', '1:11112'] });
    assert.is(rates.length, 2);
    assert.ok(rates.every((r) => r > 0), String(rates));
    assert.is(rr.metrics.transactionsPerS, rates[0]! + rates[1]!);
    const m = rr.metrics;
    assert.ok(m.p99Us! >= m.p50Us! && m.p50Us! > 0 && m.p90Us! >= m.p50Us! && m.maxUs! >= m.p99Us! && m.meanUs! > 0, JSON.stringify(m));
    assert.is(rr.omitted, undefined);
    assert.ok(rr.sampleCounts!.latencyUs!.collected > 0);
    assert.match(rr.tool ?? '', /^sockperf 3\./);
    // udp_rr through the workload itself: the same shape over UDP (ports 11112 + i), loss summed.
    const udp = await udpRr.run({ ...ctx });
    phasesOnly(udp);
    assert.equal(sockperfFlowsOf(udp), { servers: ['1:11112', '0:11113'], clients: ['0:11112', '1:11113'] });
    assert.ok(udp.metrics.p99Us! >= udp.metrics.p50Us! && udp.metrics.lossPct! >= 0 && udp.omitted === undefined, JSON.stringify(udp.metrics));
  });
});

test.run();
