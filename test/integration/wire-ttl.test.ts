// wire_ingress takes one hop off a packet for the local pod, as the node's forwarding would, and
// never two: on the redirect path (it delivers the packet itself) and on the fall-through path
// (set_macs() refused, the kernel forwards it). Real kernel, real packets: UDP sent from pod0 with
// TTL / hop limit 64 arrives in pod1 with 62, one off per node, read with IP_RECVTTL /
// IPV6_RECVHOPLIMIT. The fall-through path runs an object built with NKB_TEST_REFUSE_SET_MACS.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execa } from 'execa';
import { readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { SCENARIOS } from '../../scenarios/index.ts';
import { readAllProgramStats } from '../../harness/bpf/stats.ts';
import { prepareBpf } from '../../harness/bpf/env.ts';
import { UndoStack } from '../../harness/core/undo.ts';
import { namespaceName, newRunId } from '../../harness/core/naming.ts';
import { BPFFS, BPF_BUILD, PROJECT_ROOT } from '../../harness/core/paths.ts';
import { detectCapabilities, whyNotRunnable } from '../../harness/host/capabilities.ts';
import { withTopology } from '../../harness/topology/apply.ts';
import { planTopology } from '../../harness/topology/plan.ts';
import type { Scenario } from '../../harness/scenario/types.ts';
import { ip6Forwarded, ipForwarded, leftovers } from '../helpers/host-state.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';
import { SENT_TTL, ttlsReceived } from '../helpers/udp-ttl.ts';

const vethBpf = SCENARIOS.find((s) => s.name === 'veth-bpf')!;
const veth = SCENARIOS.find((s) => s.name === 'veth')!;
const hostSetup = new UndoStack();
const missing = whyNotRunnable(vethBpf, await detectCapabilities(newRunId()));

test.after(async () => {
  await hostSetup.unwind();
  await removeTempDirs();
});

/** Builds `scenario` with the objects in `bpfBuild`; for each family, the TTLs pod1 saw, node1's forwarded count and node1's wire-ingress counters. */
async function measure(scenario: Scenario, bpfBuild: string) {
  const runId = newRunId();
  const node1 = namespaceName(runId, 'node1');
  const out: Record<number, { ttls: number[]; forwarded: number; counters?: Record<string, number> }> = {};
  try {
    await withTopology(planTopology(scenario, { runId, bpffs: BPFFS, bpfBuild }), async () => {
      for (const family of [4, 6] as const) {
        const forwarded = () => (family === 4 ? ipForwarded(node1) : ip6Forwarded(node1));
        const before = await forwarded();
        const wire = scenario.programs.filter((p) => p.name === 'node1-wire-ingress');
        const stats0 = await readAllProgramStats(wire, runId, BPFFS);
        const ttls = await ttlsReceived(namespaceName(runId, vethBpf.client.node), namespaceName(runId, vethBpf.server.node), family === 4 ? vethBpf.server.address : vethBpf.server.address6);
        const stats1 = await readAllProgramStats(wire, runId, BPFFS);
        const counters = stats1[0] && Object.fromEntries(Object.entries(stats1[0].counters).map(([k, v]) => [k, v - (stats0[0]!.counters[k] ?? 0)]));
        out[family] = { ttls, forwarded: (await forwarded()) - before, ...(counters ? { counters } : {}) };
      }
    });
  } finally {
    assert.equal(await leftovers(runId), [], 'nothing of the build is left');
  }
  return out;
}

test('the kernel alone (veth): one hop off per node, 64 arrives as 62', async () => {
  for (const [family, r] of Object.entries(await measure(veth, BPF_BUILD))) {
    assert.ok(r.ttls.length > 0, `IPv${family}: nothing arrived`);
    assert.equal(r.ttls, r.ttls.map(() => SENT_TTL - 2), `IPv${family}`);
    assert.ok(r.forwarded >= r.ttls.length, `IPv${family}: node1 forwarded them`);
  }
});

test('redirect path: wire_ingress delivers the packet itself and takes exactly one hop', async () => {
  if (missing) return console.log(`skipped: ${missing}`);
  await prepareBpf(hostSetup);
  for (const [family, r] of Object.entries(await measure(vethBpf, BPF_BUILD))) {
    assert.ok(r.ttls.length > 0, `IPv${family}: nothing arrived`);
    assert.equal(r.ttls, r.ttls.map(() => SENT_TTL - 2), `IPv${family}`);
    assert.is(r.forwarded, 0, `IPv${family}: node1's forwarding was skipped`);
    assert.ok((r.counters?.redirected ?? 0) >= r.ttls.length, `IPv${family}: ${JSON.stringify(r.counters)}`);
  }
});

test('fall-through path: set_macs() refused, the kernel forwards it, still exactly one hop', async () => {
  if (missing) return console.log(`skipped: ${missing}`);
  await prepareBpf(hostSetup);
  const dir = await tempDir('wire-ttl');
  for (const f of (await readdir(BPF_BUILD)).filter((f) => f === 'nkb-loader' || (f.endsWith('.bpf.o') && f !== 'wire_ingress.bpf.o'))) await symlink(join(BPF_BUILD, f), join(dir, f));
  const arch = (await execa('gcc', ['-dumpmachine'])).stdout.trim();
  await execa('clang', ['-target', 'bpf', '-g', '-O2', '-Wall', `-I/usr/include/${arch}`, '-DNKB_TEST_REFUSE_SET_MACS', '-c', 'wire_ingress.bpf.c', '-o', join(dir, 'wire_ingress.bpf.o')], { cwd: join(PROJECT_ROOT, 'bpf') });
  for (const [family, r] of Object.entries(await measure(vethBpf, dir))) {
    assert.ok(r.ttls.length > 0, `IPv${family}: nothing arrived`);
    assert.equal(r.ttls, r.ttls.map(() => SENT_TTL - 2), `IPv${family}: one hop off, not two`);
    assert.ok(r.forwarded >= r.ttls.length, `IPv${family}: node1's kernel forwarded them`);
    assert.is(r.counters?.redirected ?? -1, 0, `IPv${family}: ${JSON.stringify(r.counters)}`);
    assert.ok((r.counters?.passed ?? 0) >= r.ttls.length, `IPv${family}: ${JSON.stringify(r.counters)}`);
  }
});

test.run();
