// tcp_stream_multi --streams 4 on a synthetic 4-CPU machine: the automatic placement gives each
// side two CPUs and the workload pins each side's iperf3 to its whole set. It starts the workload
// for real, in namespaces that do not exist: nsenter fails at once, nothing is measured, and the
// failed outcome carries the exact commands it ran.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { choosePlacement } from '../../harness/cpu/placement.ts';
import { namespaceName, newRunId } from '../../harness/core/naming.ts';
import { tcpStreamMulti } from '../../harness/workloads/tcp-stream.ts';

const fourCpus = [0, 1, 2, 3].map((cpu) => ({ cpu, core: cpu, package: 0 }));

test('tcp_stream_multi --streams 4 on four CPUs: at least two CPUs per side, and iperf3 pinned to them', async () => {
  const chosen = choosePlacement([0, 1, 2, 3], fourCpus);
  if (!chosen.ok) throw new Error(chosen.reason);
  const { client, server } = chosen.placement;
  assert.ok(client.length >= 2 && server.length >= 2, `client ${client}, server ${server}`);
  const runId = newRunId();
  const outcome = await tcpStreamMulti.run({
    clientNetns: namespaceName(runId, 'none0'), serverNetns: namespaceName(runId, 'none1'), serverAddress: '10.255.0.1', durationS: 1,
    clientCpu: client[0]!, serverCpu: server[0]!, clientCpus: client, serverCpus: server, params: { streams: 4 },
  });
  assert.is(outcome.state, 'failed', 'no such namespace: nothing ran');
  assert.match(outcome.commands?.[0] ?? '', new RegExp(`^nsenter --net=\\S+ -- taskset -c ${[...server].sort().join(',')} iperf3 `));
  assert.match(outcome.commands?.at(-1) ?? '', new RegExp(`^nsenter --net=\\S+ -- taskset -c ${[...client].sort().join(',')} iperf3 .* -P 4 `));
});

test.run();
