// What each sweep axis value does: workload arguments (msg, flows) and device settings (mtu, gso)
// as planned and as the read-back checks them. No process starts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AXIS_EFFECTS, parseAxisValue } from '../../../harness/bench/axis-effects.ts';
import { paramsAt, scenarioAt } from '../../../harness/bench/axes.ts';
import { checkSweepWorkloads, parseSweep } from '../../../harness/cli/axis-options.ts';
import { settingsMismatches } from '../../../harness/host/settings-check.ts';
import { withLinkOverride } from '../../../harness/scenario/link-override.ts';
import { batchFailure } from '../../../harness/topology/batch-error.ts';
import { commandLines, planTopology } from '../../../harness/topology/plan.ts';
import { crrBytes, rrBytes, streamCount, streamWriteArgs, workloadParams } from '../../../harness/workloads/params.ts';
import { SCENARIOS } from '../../../scenarios/index.ts';

const ctx = { runId: 'abc123', bpffs: '/sys/fs/bpf', bpfBuild: '/b' };
const scenario = (name: string) => SCENARIOS.find((s) => s.name === name)!;
const at = (point: Record<string, number>) => scenarioAt(scenario('netkit'), { topology: 'cross-node', ...point })!;
const linkSets = (point: Record<string, number> = {}) => planTopology(at(point), ctx).flatMap((s) => commandLines(s.run)).map((a) => a.join(' ')).filter((l) => / link set dev .* mtu /.test(l));

test('msg: one size for rr, crr and the streams\' writes; absent, each workload keeps its own', () => {
  const base = workloadParams({});
  assert.equal([rrBytes(base), crrBytes(base), streamWriteArgs(base)], [64, 1, []]);
  const msg = workloadParams(paramsAt({ rrSizeBytes: 100 }, { topology: 'cross-node', msg: 16384 }));
  assert.equal([rrBytes(msg), crrBytes(msg), streamWriteArgs(msg)], [16384, 16384, ['-l', '16384']]);
});

test('flows: the streams\' count; absent, the workload\'s own', () => {
  assert.is(streamCount(workloadParams({}), 4), 4);
  assert.is(streamCount(workloadParams(paramsAt({}, { topology: 'cross-node', flows: 8 })), 1), 8);
});

test('mtu and gso reach every device of every link, wire and pods, and nothing else changes', () => {
  const base = linkSets();
  assert.is(base.length, 6);
  assert.ok(base.every((l) => l.includes('mtu 1500 gso_max_size 65536')));
  const mtu = linkSets({ mtu: 9000 });
  assert.equal(mtu, base.map((l) => l.replace('mtu 1500', 'mtu 9000')));
  const gso = linkSets({ gso: 185000 });
  assert.equal(gso, base.map((l) => l.replace(/(gs|gr)o(_ipv4)?_max_size 65536/g, '$1o$2_max_size 185000')));
});

test('the read-back checks the point\'s settings: a device left at 1500 is a mismatch at mtu=9000', () => {
  const veth = scenario('veth');
  const at = scenarioAt(veth, { topology: 'cross-node', mtu: 9000 })!;
  assert.is(at.linkSettings.mtu, 9000);
  assert.is(veth.linkSettings.mtu, 1500, 'the scenario object is left as defined');
  assert.is(withLinkOverride(veth, undefined), veth);
  const ls = veth.linkSettings;
  const dev = { kind: 'veth', mtu: 1500, gsoMaxSize: ls.gsoMaxSize, groMaxSize: ls.groMaxSize, gsoIpv4MaxSize: ls.gsoIpv4MaxSize, groIpv4MaxSize: ls.groIpv4MaxSize, rpFilter: '0', features: {} };
  const namespaces = Object.fromEntries(at.nodes.map((n) => [n, { sysctls: Object.fromEntries(at.sysctls.filter((c) => c.node === n).map((c) => [c.key, c.value])), devices: {} as Record<string, typeof dev> }]));
  for (const l of at.links) if (l.kind === 'veth') for (const e of [l.a, l.b]) namespaces[e.node]!.devices[e.role] = dev;
  // The devices' settings only (this synthetic read-back has no routes or neighbours to match).
  const mismatches = settingsMismatches(at, namespaces).filter((m) => / (mtu|gs|gr)o?[_a-z4]*: asked/.test(m));
  assert.is(mismatches.length, 6, mismatches.join('\n'));
  assert.ok(mismatches.includes('w0@node0 mtu: asked 9000, kernel reports 1500'));
});

test('axis values: whole numbers in range, else one line naming the axis and the value', () => {
  assert.is(parseAxisValue('msg', '1024'), 1024);
  assert.is(parseAxisValue('gso', '185000'), 185000);
  for (const [axis, bad] of [['msg', '0'], ['msg', '1k'], ['mtu', '67'], ['gso', '600000'], ['flows', '1.5']] as const) {
    assert.throws(() => parseAxisValue(axis, bad), (e: Error) => e.message.includes(`--sweep ${axis} value "${bad}"`) && !e.message.includes('\n'));
  }
  for (const e of Object.values(AXIS_EFFECTS)) assert.ok(e.preset.every((v) => v >= e.min && v <= e.max));
});

test('--sweep: presets alone, and an axis that does not act on a selected workload is one line', () => {
  assert.equal(parseSweep(['msg']), { msg: [1, 64, 1024, 16384, 65536] });
  assert.equal(parseSweep(['gso=65536,185000', 'mtu=1500,9000']), { gso: [65536, 185000], mtu: [1500, 9000] });
  assert.equal(checkSweepWorkloads(parseSweep(['msg=1,1024']), ['tcp_rr', 'tcp_stream']), { msg: [1, 1024] });
  assert.equal(checkSweepWorkloads(parseSweep(['flows=1,4']), ['tcp_stream', 'tcp_rr', 'tcp_crr']), { flows: [1, 4] });
  assert.equal(checkSweepWorkloads(parseSweep(['flows=2']), ['tcp_rr', 'udp_rr']), { flows: [2] });
  assert.throws(() => checkSweepWorkloads(parseSweep(['flows=1,4']), ['tcp_rr', 'udp_stream']), /--sweep flows does not act on udp_stream/);
  assert.throws(() => checkSweepWorkloads(parseSweep(['msg=64']), ['udp_stream']), /--sweep msg does not act on udp_stream/);
  assert.throws(() => parseSweep(['mtu=9000,70000']), /--sweep mtu value "70000" must be a whole number of bytes from 68 to 65535/);
});

test('a point the kernel refuses says why in the kernel\'s words and which line asked (captured ip 6.1 stderr)', () => {
  const input = 'link set lo up\nlink set dev nkbsw0 mtu 70000 up\naddr add 198.18.0.1/24 dev nkbsw0\n';
  assert.is(batchFailure('Error: mtu greater than device maximum.\nCommand failed -:2\n', input), 'line 2 `link set dev nkbsw0 mtu 70000 up`: Error: mtu greater than device maximum.');
  assert.is(batchFailure('', input), 'no reason given');
});

test.run();
