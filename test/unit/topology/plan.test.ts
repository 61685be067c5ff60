import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SCENARIOS } from '../../../scenarios/index.ts';
import { commandLines, planTopology, type Step } from '../../../harness/topology/plan.ts';
import { withInjectedCost } from '../../../scenarios/inject-cost.ts';

const ctx = { runId: 'abc123', bpffs: '/sys/fs/bpf', bpfBuild: '/b' };
const plan = (name: string): Step[] => planTopology(SCENARIOS.find((s) => s.name === name)!, ctx);
const argvs = (steps: Step[]) => steps.flatMap((s) => commandLines(s.run).map((a) => a.join(' ')));

test('every scenario plans namespaces first and every device name fits IFNAMSIZ', () => {
  for (const s of SCENARIOS) {
    const steps = planTopology(s, ctx);
    assert.ok(steps[0]!.run.argv.join(' ').startsWith('ip netns add nkb-abc123-'), s.name);
    for (const { run } of steps) {
      // Device names follow `dev`, `name` and `link add`; namespace names have no such limit.
      const devices = run.argv.filter((w, i) => w.startsWith('nkb-abc123-') && ['dev', '--dev', 'name', 'add', 'del'].includes(run.argv[i - 1]!) && run.argv[1] !== 'netns');
      for (const d of devices) assert.ok(d.length <= 15, `${s.name}: ${d}`);
    }
  }
});

test('everything that creates something has an undo; undo only what was created', () => {
  for (const s of SCENARIOS) {
    for (const step of planTopology(s, ctx)) {
      const a = step.run.argv;
      const creates = (a[0] === 'ip' && (a.includes('add') && (a.includes('netns') || a.includes('link')) && !a.includes('addr') && !a.includes('route'))) || a.includes('attach');
      if (creates) assert.ok(step.undo, `${s.name}: ${a.join(' ')} has no undo`);
    }
  }
});

test('host: two nodes and the wire, no pods, no programs', () => {
  const lines = argvs(plan('host'));
  assert.is(lines.filter((l) => l.startsWith('ip netns add')).length, 2);
  assert.not.ok(lines.some((l) => l.includes('nkb-loader')));
  assert.ok(lines.includes('ip -n nkb-abc123-node0 addr add 198.18.0.1/24 dev nkb-abc123-w0'));
});

test('veth: pods on veth, forwarding on, no BPF program attached', () => {
  const steps = plan('veth');
  const lines = argvs(steps);
  assert.ok(lines.some((l) => l.includes('link add nkb-abc123-h0') && l.includes('type veth') && l.includes('netns nkb-abc123-pod0')));
  assert.not.ok(lines.some((l) => l.includes('nkb-loader')));
  assert.ok(steps.some((s) => s.run.netns === 'nkb-abc123-node0' && s.run.argv[0] === 'sysctl' && s.run.argv.includes('net.ipv4.ip_forward=1')));
});

test('veth-bpf: four tcx programs, pod egress redirect_neigh to the wire, wire ingress redirect_peer', () => {
  const loads = plan('veth-bpf').filter((s) => s.run.argv[1] === 'attach');
  assert.is(loads.length, 4);
  assert.ok(loads.every((s) => s.run.argv.includes('tcx_ingress')));
  const egress0 = loads.find((s) => s.run.argv.includes('/sys/fs/bpf/nkb-abc123/node0-pod-egress'))!;
  assert.is(egress0.run.netns, 'nkb-abc123-node0');
  assert.ok(egress0.run.argv.includes('wire_ifindex=@nkb-abc123-w0'));
  assert.ok(egress0.run.argv.includes('remote_net=198.18.2.0'));
  assert.ok(egress0.run.argv.includes('remote_mask=255.255.255.0'));
  const ingress1 = loads.find((s) => s.run.argv.includes('/sys/fs/bpf/nkb-abc123/node1-wire-ingress'))!;
  assert.ok(ingress1.run.argv.includes('pod_host_ifindex=@nkb-abc123-h1'));
  assert.ok(ingress1.run.argv.includes('pod_mac=02:6e:6b:02:00:02'));
});

test('netkit: L3 pair as Cilium configures it, programs on the primary via netkit/peer', () => {
  const steps = plan('netkit');
  const add = argvs(steps).find((l) => l.includes('type netkit'))!;
  assert.match(add, /link add nkb-abc123-h0 type netkit mode l3 scrub none forward peer scrub default blackhole name nkb-abc123-c0 netns nkb-abc123-pod0/);
  const peer = steps.filter((s) => s.run.argv.includes('netkit_peer'));
  assert.is(peer.length, 2);
  assert.ok(peer[0]!.run.argv.includes('--dev') && peer[0]!.run.argv.includes('nkb-abc123-h0'));
  assert.ok(argvs(steps).includes('ip -n nkb-abc123-pod0 route add default dev nkb-abc123-c0'));
});

test('netkit-l2: L2 mode with MACs and a static gateway neighbour', () => {
  const lines = argvs(plan('netkit-l2'));
  assert.ok(lines.some((l) => l.includes('type netkit mode l2')));
  assert.ok(lines.some((l) => l.includes('neigh replace 198.18.1.1 lladdr 02:6e:6b:01:00:01')));
  assert.ok(lines.includes('ip -n nkb-abc123-pod0 route add default via 198.18.1.1 dev nkb-abc123-c0 onlink'));
});

test('dual stack: IPv6 addresses without DAD, IPv6 defaults as ::/0 (a batch line takes no -6), IPv6 tunables for the programs', () => {
  const veth = argvs(plan('veth'));
  assert.ok(veth.includes('ip -n nkb-abc123-pod0 addr add 2001:2:0:1::2/64 dev nkb-abc123-c0 nodad'));
  assert.ok(veth.includes('ip -n nkb-abc123-pod0 addr add 198.18.1.2/24 dev nkb-abc123-c0'));
  assert.ok(veth.includes('ip -n nkb-abc123-pod0 route add ::/0 via 2001:2:0:1::1'));
  assert.ok(veth.includes('ip -n nkb-abc123-node0 route add 2001:2:0:2::/64 via 2001:2::2'));
  const netkit = argvs(plan('netkit'));
  assert.ok(netkit.includes('ip -n nkb-abc123-pod0 route add ::/0 dev nkb-abc123-c0'));
  assert.ok(netkit.includes('ip -n nkb-abc123-pod0 route add default dev nkb-abc123-c0'));
  const loads = plan('veth-bpf').filter((s) => s.run.argv[1] === 'attach').map((s) => s.run.argv.join(' '));
  assert.ok(loads.some((l) => l.includes('node0-pod-egress') && l.includes('remote_net6=2001:2:0:2::') && l.includes('remote_mask6=ffff:ffff:ffff:ffff:0:0:0:0')));
  assert.ok(loads.some((l) => l.includes('node1-wire-ingress') && l.includes('pod_addr6=2001:2:0:2::2')));
});

test('settings: every namespace sets rp_filter, TCP options, congestion control; every device its MTU, GSO/GRO sizes and rp_filter', () => {
  for (const s of SCENARIOS) {
    const steps = planTopology(s, ctx);
    for (const node of s.nodes) {
      const sysctls = steps.filter((st) => st.run.netns === `nkb-abc123-${node}` && st.run.argv[0] === 'sysctl').flatMap((st) => st.run.argv.slice(3));
      for (const want of ['net.ipv4.conf.all.rp_filter=0', 'net.ipv4.conf.default.rp_filter=0', 'net.ipv4.tcp_timestamps=1', 'net.ipv4.tcp_sack=1', 'net.ipv4.tcp_congestion_control=cubic', 'net.ipv6.conf.default.accept_dad=0']) {
        assert.ok(sysctls.includes(want), `${s.name}/${node}: ${want}`);
      }
    }
    const ends = s.links.flatMap((l) => (l.kind === 'veth' ? [l.a, l.b] : [l.primary, l.peer]));
    for (const end of ends) {
      const dev = `nkb-abc123-${end.role}`;
      assert.ok(argvs(steps).includes(`ip -n nkb-abc123-${end.node} link set dev ${dev} mtu 1500 gso_max_size 65536 gro_max_size 65536 gso_ipv4_max_size 65536 gro_ipv4_max_size 65536 up`), `${s.name}: ${dev}`);
      // rp_filter: inherited from the namespace's default, set before any device exists.
      const order = steps.map((st) => st.run.argv.join(' '));
      const defaultSet = order.findIndex((l, i) => l.includes('net.ipv4.conf.default.rp_filter=0') && steps[i]!.run.netns === `nkb-abc123-${end.node}`);
      const created = order.findIndex((l) => l.includes(' link add ') && l.includes(dev));
      assert.ok(defaultSet >= 0 && defaultSet < created, `${s.name}: ${dev} rp_filter`);
    }
  }
});

test('a device whose rp_filter differs from its namespace default gets one sysctl per namespace', () => {
  const veth = SCENARIOS.find((s) => s.name === 'veth')!;
  const strict = planTopology({ ...veth, linkSettings: { ...veth.linkSettings, rpFilter: 1 } }, ctx);
  const sets = strict.filter((st) => st.describe.startsWith('rp_filter of the devices'));
  assert.is(sets.length, 4);
  assert.equal(sets.find((st) => st.run.netns === 'nkb-abc123-node0')!.run.argv, ['sysctl', '-q', '-w', 'net.ipv4.conf.nkb-abc123-w0.rp_filter=1', 'net.ipv4.conf.nkb-abc123-h0.rp_filter=1']);
  assert.not.ok(planTopology(veth, ctx).some((st) => st.describe.startsWith('rp_filter of the devices')));
});

test('--inject-cost: a tax in front of the server wire\'s chain, in every scenario', () => {
  for (const s of SCENARIOS) {
    const taxed = withInjectedCost(s, 5000);
    const steps = planTopology(taxed, ctx);
    const tax = steps.find((st) => st.run.argv.includes('/sys/fs/bpf/nkb-abc123/server-wire-tax'))!;
    assert.ok(tax, s.name);
    assert.is(tax.run.netns, 'nkb-abc123-node1');
    assert.ok(tax.run.argv.includes('--first') && tax.run.argv.includes('iterations=5000') && tax.run.argv.includes('nkb-abc123-w1'));
    assert.ok(taxed.requires.includes('tcx'));
  }
  assert.is(withInjectedCost(SCENARIOS[0]!, 0), SCENARIOS[0]);
});

test('one ip -batch per namespace: loopback first, then its addresses and routes; a pod scenario builds in a third of the processes', () => {
  const steps = plan('veth');
  const batches = steps.filter((s) => s.run.input !== undefined);
  assert.equal(batches.map((s) => s.run.argv.join(' ')), ['node0', 'node1', 'pod0', 'pod1'].map((n) => `ip -n nkb-abc123-${n} -batch -`));
  assert.ok(batches.every((s) => s.run.input!.startsWith('link set lo up\n') && !s.undo));
  // Namespaces, their sysctls, links and batches: 4 + 4 + 3 + 4.
  assert.is(steps.length, 15);
});

test.run();
