// Every scenario this kernel supports: build it for real, move real traffic, prove with the BPF
// counters that the intended path was taken, tear down, and check nothing is left.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SCENARIOS } from '../../scenarios/index.ts';
import { readProgramStats } from '../../harness/bpf-stats.ts';
import { prepareBpf } from '../../harness/bpf-env.ts';
import { UndoStack } from '../../harness/undo.ts';
import { detectCapabilities, whyNotRunnable } from '../../harness/capabilities.ts';
import { namespaceName, newRunId } from '../../harness/naming.ts';
import { BPFFS, BPF_BUILD } from '../../harness/paths.ts';
import { withTopology } from '../../harness/topology/apply.ts';
import { planTopology } from '../../harness/topology/plan.ts';
import { tcpStream } from '../../harness/workloads/tcp-stream.ts';
import { tcpRr } from '../../harness/workloads/rr.ts';
import { ipForwarded, leftovers } from '../helpers/host-state.ts';
import { measureReceivePath } from '../../harness/accounting/measure.ts';
import { PREDICTED_BACKLOG_PASSES } from '../../harness/accounting/receive-path.ts';

const caps = await detectCapabilities(newRunId());
const hostSetup = new UndoStack();
await prepareBpf(hostSetup);

for (const scenario of SCENARIOS) {
  const reason = whyNotRunnable(scenario, caps);
  const define = reason ? test.skip : test;
  define(`${scenario.name}: traffic flows and the programs on the path count it${reason ? ` (skipped: ${reason})` : ''}`, async () => {
    const runId = newRunId();
    const plan = { runId, bpffs: BPFFS, bpfBuild: BPF_BUILD };
    await withTopology(planTopology(scenario, plan), async () => {
      const client = {
        clientNetns: namespaceName(runId, scenario.client.node),
        serverNetns: namespaceName(runId, scenario.server.node),
        serverAddress: scenario.server.address,
        durationS: 1,
        clientCpu: 0,
        serverCpu: 1,
      };
      const outcome = await tcpStream.run(client);
      assert.is(outcome.state, 'ok', outcome.reason);
      assert.ok(outcome.metrics.throughputGbps! > 0);
      // Counts, not timings: the backlog passes a packet takes are the topology's, on any machine.
      // Request/response keeps the backlog queues empty, so enqueues at the window's edges are
      // received inside it (a stream's full queue would shift up to netdev_max_backlog skbs).
      const logged: string[] = [];
      const rr = await measureReceivePath(scenario, plan, (l) => logged.push(l), (window) => tcpRr.run({ ...client, window }));
      assert.is(rr.outcome.state, 'ok', rr.outcome.reason);
      assert.ok(rr.receivePath && rr.receivePath.wirePackets > 100, `no receive-path counts: ${JSON.stringify(rr.receivePath)} ${logged.join('; ')}`);
      const passes = rr.metrics.backlogPassesPerPacket!;
      const predicted = PREDICTED_BACKLOG_PASSES[scenario.name];
      assert.ok(predicted !== undefined && Math.abs(passes - predicted) < 0.2, `${scenario.name}: ${passes} backlog passes per packet, topology predicts ${predicted} (${JSON.stringify(rr.receivePath)})`);
      // With BPF host routing the node's IP layer forwards nothing; without it, all of the stream.
      const forwarded = await ipForwarded(namespaceName(runId, 'node0'));
      if (scenario.name === 'host') assert.is(forwarded, 0);
      else if (scenario.programs.length > 0) assert.ok(forwarded < 100, `node0 forwarded ${forwarded} packets`);
      else assert.ok(forwarded > 1_000, `node0 forwarded only ${forwarded} packets`);
      for (const p of scenario.programs) {
        const stats = await readProgramStats(p, runId, BPFFS);
        assert.ok(stats.counters.redirected! > 0, `${p.name} redirected nothing: ${JSON.stringify(stats.counters)}`);
        assert.ok(stats.runCnt > 0 && stats.runTimeNs > 0, `${p.name}: no run statistics (hold-stats)`);
      }
    });
    assert.equal(await leftovers(runId), []);
  });
}

test('veth has no BPF program on its path; veth-bpf has one per direction per node', () => {
  assert.is(SCENARIOS.find((s) => s.name === 'veth')!.programs.length, 0);
  assert.is(SCENARIOS.find((s) => s.name === 'veth-bpf')!.programs.length, 4);
});

test.after(async () => void (await hostSetup.unwind()));

test.run();
