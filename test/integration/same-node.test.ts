// The one-node topologies (scenarios/same-node/) on this kernel: each one it supports is built for
// real, read back, and carries IPv4 and IPv6 request/response; the programs on the path count it,
// node0's IP layer forwards only where the kernel stack is the datapath, and the backlog passes
// per packet are what the kernel source predicts (docs/same-node.md). netkit needs the VM.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { POD_TO_NODE_SCENARIOS, SAME_NODE_SCENARIOS } from '../../scenarios/same-node/index.ts';
import { bpfStatsTracker } from '../../harness/bpf/stats.ts';
import { prepareBpf } from '../../harness/bpf/env.ts';
import { UndoStack } from '../../harness/core/undo.ts';
import { detectCapabilities, whyNotRunnable } from '../../harness/host/capabilities.ts';
import { namespaceName, newRunId } from '../../harness/core/naming.ts';
import { BPFFS, BPF_BUILD } from '../../harness/core/paths.ts';
import { withTopology } from '../../harness/topology/apply.ts';
import { planTopology } from '../../harness/topology/plan.ts';
import { readScenarioSettings } from '../../harness/host/scenario-readback.ts';
import { tcpRr } from '../../harness/workloads/rr.ts';
import { untimedPasses } from '../../harness/accounting/measure.ts';
import { serverAddressFor } from '../../harness/workloads/params.ts';
import { ip6Forwarded, ipForwarded, leftovers } from '../helpers/host-state.ts';
import type { Scenario } from '../../harness/scenario/types.ts';

const caps = await detectCapabilities(newRunId());
const hostSetup = new UndoStack();
await prepareBpf(hostSetup);
const only = process.env.NKB_TEST_SCENARIOS?.split(',');

const topologies: [string, readonly Scenario[]][] = [['same-node', SAME_NODE_SCENARIOS], ['pod-to-node', POD_TO_NODE_SCENARIOS.filter((s) => s.name !== 'host')]];
for (const [topology, scenarios] of topologies) {
  for (const scenario of scenarios.filter((s) => !only || only.includes(s.name))) {
    const reason = whyNotRunnable(scenario, caps);
    (reason ? test.skip : test)(`${topology} ${scenario.name}: settings hold, IPv4/IPv6 rr flows on the intended path, backlog passes as predicted${reason ? ` (skipped: ${reason})` : ''}`, async () => {
      const runId = newRunId();
      const plan = { runId, bpffs: BPFFS, bpfBuild: BPF_BUILD };
      const node0 = namespaceName(runId, 'node0');
      await withTopology(planTopology(scenario, plan), async () => {
        assert.equal((await readScenarioSettings(scenario, runId)).mismatches, []);
        const tracker = bpfStatsTracker(scenario.programs, runId, BPFFS);
        const fwdBefore = [await ipForwarded(node0), await ip6Forwarded(node0)];
        const passes = await untimedPasses(scenario, plan, () => undefined, tracker.take, ([4, 6] as const).map((ipVersion) => ({
          name: `rr${ipVersion}`,
          run: (window) => tcpRr.run({
            clientNetns: namespaceName(runId, scenario.client.node), serverNetns: namespaceName(runId, scenario.server.node),
            serverAddress: serverAddressFor(scenario.server, { ipVersion }), durationS: 1, clientCpu: 0, serverCpu: 1, window,
            params: { ipVersion, ...(ipVersion === 6 ? { rrTool: 'netperf' as const } : {}) },
          }),
        })));
        const forwarded = [await ipForwarded(node0) - fwdBefore[0]!, await ip6Forwarded(node0) - fwdBefore[1]!];
        // The kernel stack forwards pod to pod only when no program took the packets first.
        const stackForwards = topology === 'same-node' && scenario.programs.length === 0 && scenario.client.node !== scenario.server.node;
        for (const [i, ipVersion] of ([4, 6] as const).entries()) {
          const rr = passes.get(`rr${ipVersion}`)!;
          assert.is.not(rr.outcome?.state, 'failed', `IPv${ipVersion}: ${rr.outcome?.reason}`);
          assert.ok(rr.receivePath && rr.receivePath.wirePackets > 100, `IPv${ipVersion}: no packets counted: ${JSON.stringify(rr.receivePath)}`);
          const perPacket = rr.metrics.backlogPassesPerPacket!;
          console.log(`${topology} ${scenario.name} IPv${ipVersion}: ${perPacket.toFixed(3)} backlog passes per packet (${rr.receivePath.wirePackets} packets), predicted ${scenario.predictedBacklogPassesPerPacket}`);
          assert.ok(Math.abs(perPacket - scenario.predictedBacklogPassesPerPacket) < 0.2, `IPv${ipVersion}: ${perPacket} backlog passes per packet, predicted ${scenario.predictedBacklogPassesPerPacket} (${JSON.stringify(rr.receivePath)})`);
          assert.ok(stackForwards ? forwarded[i]! > 100 : forwarded[i]! === 0, `IPv${ipVersion}: node0 forwarded ${forwarded[i]}`);
          // pod0's program sees the client's traffic: the other pod's it delivers, the node's it passes.
          const sender = rr.programs.find((p) => p.name === 'pod0-to-pod1');
          const want = scenario.server.node === 'node0' ? 'passed' : 'redirected';
          if (scenario.programs.length > 0) assert.ok(sender && (sender.counters[want] ?? 0) > 100 && !sender.counters.dropped, `IPv${ipVersion}: ${JSON.stringify(sender?.counters)}`);
        }
      });
      assert.equal(await leftovers(runId), []);
    });
  }
}

test.after(async () => void (await hostSetup.unwind()));

test.run();
