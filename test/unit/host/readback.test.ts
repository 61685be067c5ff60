import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deviceFromIpLink, parseEthtoolFeatures, parseSysctlOutput } from '../../../harness/host/readback.ts';
import { settingsMismatches } from '../../../harness/host/settings-check.ts';
import { parseNeighbors, parseRoutes } from '../../../harness/host/routing-readback.ts';
import { routeFamily } from '../../../harness/topology/plan.ts';
import { SAME_NODE_SCENARIOS, POD_TO_NODE_SCENARIOS } from '../../../scenarios/same-node/index.ts';
import type { AppliedDevice, AppliedNamespace } from '../../../harness/model/results.ts';
import type { Scenario } from '../../../harness/scenario/types.ts';
import { SCENARIOS } from '../../../scenarios/index.ts';

const fixture = (f: string) => readFileSync(new URL(`../../fixtures/${f}`, import.meta.url), 'utf8');
const scenario = (name: string) => SCENARIOS.find((s) => s.name === name)!;

test('parsers read captured sysctl, ip -d -j link and ethtool --json -k output', () => {
  assert.equal(parseSysctlOutput(fixture('sysctl-read.txt')), {
    'net.ipv4.tcp_sack': '1',
    'net.ipv4.tcp_rmem': '4096 131072 33554432',
    'net.ipv4.conf.nkb-zzvt03-a.rp_filter': '0',
  });
  const features = parseEthtoolFeatures(fixture('ethtool-k-veth.json'));
  assert.is(features['generic-receive-offload'], false);
  assert.is(features['tx-checksumming'], true);
  assert.is(features['tcp-segmentation-offload'], true);
  const d = deviceFromIpLink(JSON.parse(fixture('ip-link-veth.json'))[0], features, '0');
  assert.equal({ ...d, features: {} }, { kind: 'veth', mtu: 1500, gsoMaxSize: 65536, groMaxSize: 65536, gsoIpv4MaxSize: 65536, groIpv4MaxSize: 65536, rpFilter: '0', features: {} });
});

/** What a kernel that applied everything would report for the scenario. */
function faithful(s: Scenario): Record<string, AppliedNamespace> {
  const out: Record<string, AppliedNamespace> = {};
  for (const node of s.nodes) {
    const routes = s.routes.filter((r) => r.node === node).map((r) => ({
      family: routeFamily(r), dst: r.to.replace(/\/(32|128)$/, ''), onlink: r.onlink ?? false, ...(r.via ? { gateway: r.via } : {}), ...(r.role ? { dev: r.role } : {}),
    }));
    const neighbors = s.neighbors.filter((n) => n.node === node).map((n) => ({ dst: n.address, dev: n.role, lladdr: n.mac, state: ['PERMANENT'] }));
    out[node] = { sysctls: Object.fromEntries(s.sysctls.filter((c) => c.node === node).map((c) => [c.key, c.value])), devices: {}, routes, neighbors };
  }
  const ls = s.linkSettings;
  const base: AppliedDevice = { kind: 'veth', mtu: ls.mtu, gsoMaxSize: ls.gsoMaxSize, groMaxSize: ls.groMaxSize, gsoIpv4MaxSize: ls.gsoIpv4MaxSize, groIpv4MaxSize: ls.groIpv4MaxSize, rpFilter: String(ls.rpFilter), features: {} };
  for (const l of s.links) {
    if (l.kind === 'veth') {
      out[l.a.node]!.devices[l.a.role] = base;
      out[l.b.node]!.devices[l.b.role] = base;
    } else {
      out[l.primary.node]!.devices[l.primary.role] = { ...base, kind: 'netkit', netkit: { mode: l.mode, policy: l.primary.policy, peer_policy: l.peer.policy, scrub: l.primary.scrub, peer_scrub: l.peer.scrub } };
      out[l.peer.node]!.devices[l.peer.role] = { ...base, kind: 'netkit', netkit: { mode: l.mode, policy: l.peer.policy, peer_policy: l.primary.policy, scrub: l.peer.scrub, peer_scrub: l.primary.scrub } };
    }
  }
  return out;
}

test('a kernel that applied every setting: no mismatch, in every scenario', () => {
  for (const s of [...SCENARIOS, ...SAME_NODE_SCENARIOS, ...POD_TO_NODE_SCENARIOS]) assert.equal(settingsMismatches(s, faithful(s)), [], s.name);
});

test('ignored or changed settings are named with what was asked and what the kernel reports', () => {
  const veth = scenario('veth');
  const applied = faithful(veth);
  applied.node0!.devices.w0 = { ...applied.node0!.devices.w0!, gsoIpv4MaxSize: undefined, mtu: 9000 };
  applied.node1!.sysctls['net.ipv4.conf.all.rp_filter'] = '1';
  delete applied.pod1!.devices.c1;
  assert.equal(settingsMismatches(veth, applied), [
    'node1 net.ipv4.conf.all.rp_filter: asked 0, kernel reports 1',
    'w0@node0 mtu: asked 1500, kernel reports 9000',
    'w0@node0 gso_ipv4_max_size: asked 65536, not reported by the kernel or ip',
    'c1@pod1: device not found in the read-back',
  ]);
});

test('netkit: an ip that does not send scrub, and policies read from the peer side', () => {
  const netkit = scenario('netkit');
  const applied = faithful(netkit);
  // An iproute2 before 6.15 neither sets nor prints scrub: the kernel keeps scrub default on the primary.
  const { scrub: _s, peer_scrub: _p, ...noScrub } = applied.node0!.devices.h0!.netkit!;
  applied.node0!.devices.h0 = { ...applied.node0!.devices.h0!, netkit: noScrub };
  applied.pod0!.devices.c0 = { ...applied.pod0!.devices.c0!, netkit: { ...applied.pod0!.devices.c0!.netkit!, policy: 'forward' } };
  assert.equal(settingsMismatches(netkit, applied), [
    'h0@node0 netkit scrub: asked none, not reported by the kernel or ip',
    'h0@node0 netkit peer_scrub: asked default, not reported by the kernel or ip',
    'c0@pod0 netkit policy: asked blackhole, kernel reports forward',
  ]);
});

test('routes and neighbours: parsed from captured ip -d -j output (main table only, both families), a missing or changed one named', () => {
  const role = (n: string) => n.replace('nkb-zzvt03-', '');
  const routes = parseRoutes(fixture('ip-route-table-all.json'), role);
  assert.equal(routes.filter((r) => r.dst === 'default'), [
    { family: 4, dst: 'default', gateway: '198.18.1.1', dev: 'c0', onlink: true },
    { family: 6, dst: 'default', gateway: '2001:2:0:1::1', dev: 'c0', onlink: true },
    { family: 6, dst: 'default', dev: 'b0', onlink: false },
  ]);
  assert.ok(routes.some((r) => r.family === 6 && r.dst === '2001:2:0:2::2' && r.dev === 'c0'));
  assert.ok(!routes.some((r) => r.dst === '127.0.0.1'), 'the local table is left out');
  assert.equal(parseNeighbors(fixture('ip-neigh.json'), role)[0], { dst: '198.18.1.1', dev: 'c0', lladdr: '02:6e:6b:01:00:01', state: ['PERMANENT'] });
  const l2 = scenario('netkit-l2');
  const applied = faithful(l2);
  applied.pod0!.routes = applied.pod0!.routes!.filter((r) => r.family !== 6);
  applied.pod1!.neighbors![0] = { ...applied.pod1!.neighbors![0]!, state: ['STALE'] };
  assert.equal(settingsMismatches(l2, applied), [
    'pod0 route default (IPv6) via 2001:2:0:1::1 dev c0 onlink: not in the main table',
    'pod1 neighbour 198.18.2.1 dev c1 lladdr 02:6e:6b:02:00:01 permanent: kernel reports {"dst":"198.18.2.1","dev":"c1","lladdr":"02:6e:6b:02:00:01","state":["STALE"]}',
  ]);
});

test.run();
