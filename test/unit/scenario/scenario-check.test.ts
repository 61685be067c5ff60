import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UsageError } from '../../../harness/core/errors.ts';
import { checkScenario } from '../../../harness/scenario/check.ts';
import type { Scenario } from '../../../harness/scenario/types.ts';
import { SCENARIOS, TOPOLOGIES } from '../../../scenarios/index.ts';
import { scenarioKey, scenarioKeys } from '../../../harness/scenario/facts.ts';
import { veth } from '../../../scenarios/veth.ts';

function expectError(s: Scenario, message: RegExp) {
  try {
    checkScenario(s);
  } catch (e) {
    assert.instance(e, UsageError);
    assert.match((e as Error).message, message);
    assert.not.match((e as Error).message, /\n/);
    return;
  }
  assert.unreachable(`accepted: ${message}`);
}

test('every shipped scenario passes', () => {
  assert.is(SCENARIOS.length, 6);
});

test('bad shapes name the scenario and the field', () => {
  expectError({ ...veth, name: 'Veth!' }, /scenario "Veth!": name:/);
  expectError({ ...veth, addresses: [{ node: 'pod0', role: 'c0', cidr: '198.18.1.300/24' }] }, /addresses\.0\.cidr: an IPv4 or IPv6 prefix/);
  expectError({ ...veth, addresses: [{ node: 'pod0', role: 'c0', cidr: '2001:2:0:1::2/129' }] }, /addresses\.0\.cidr: an IPv4 or IPv6 prefix/);
  expectError({ ...veth, linkSettings: { ...veth.linkSettings, mtu: 1000 } }, /linkSettings\.mtu:/);
  expectError({ ...veth, links: [{ kind: 'veth', a: { node: 'node0', role: 'wire0x', mac: undefined }, b: { node: 'node1', role: 'w1' } }] }, /too long for a device name/);
  expectError({ ...veth, server: { node: 'pod1', address: 'pod1', address6: veth.server.address6 } }, /server\.address: an IPv4 address/);
  expectError({ ...veth, server: { ...veth.server, address6: '198.18.2.2' } }, /server\.address6: an IPv6 address/);
});

test('references to nodes and devices that do not exist', () => {
  expectError({ ...veth, client: { node: 'pod9' } }, /client names node "pod9", which is not in nodes/);
  expectError({ ...veth, addresses: [...veth.addresses, { node: 'pod0', role: 'c9', cidr: '198.18.1.9/24' }] }, /addresses names device "c9" in "pod0", which no link creates/);
});

test('packet devices and lo: a packet device must exist (lo does in every node); no link may create lo', () => {
  expectError({ ...veth, packetDevices: { ...veth.packetDevices, request: { node: 'node1', role: 'w9' } } }, /packetDevices\.request names device "w9" in "node1", which no link creates/);
  checkScenario({ ...veth, packetDevices: { request: { node: 'node1', role: 'lo' }, response: { node: 'node0', role: 'lo' } } });
  expectError({ ...veth, links: [...veth.links, { kind: 'veth', a: { node: 'node0', role: 'lo' }, b: { node: 'pod0', role: 'c5' } }] }, /role "lo" in "node0" is the namespace's own loopback/);
});

test('every topology: unique names, each scenario on its own topology, record keys name@topology off cross-node', () => {
  for (const [topology, scenarios] of Object.entries(TOPOLOGIES)) {
    assert.is(new Set(scenarios.map((s) => s.name)).size, scenarios.length, topology);
    for (const s of scenarios) assert.is(s.topology, topology, `${s.name} on ${topology}`);
    assert.is(scenarios[0]!.name, 'host', `${topology}: its host baseline first`);
  }
  assert.equal(Object.keys(TOPOLOGIES), ['cross-node', 'same-node', 'pod-to-node']);
  assert.is(scenarioKey('veth'), 'veth');
  assert.is(scenarioKey('veth', 'same-node'), 'veth@same-node');
  assert.equal(scenarioKeys(['host', 'veth'], ['cross-node', 'same-node']), ['host', 'veth', 'host@same-node', 'veth@same-node']);
});

test.run();
