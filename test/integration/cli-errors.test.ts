// Bad input: one line naming the problem, exit 2, nothing created.
import { readdir, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from '../helpers/cli.ts';
import { leftovers } from '../helpers/host-state.ts';
import { newRunId } from '../../harness/core/naming.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

// Each run carries its own run id, and only that run's names (nkb-<id>...) are looked for: other
// runs live on the machine meanwhile never fail it.
async function expectUsageError(args: string[], message: RegExp, opts: { uid?: number; affinity?: string } = {}) {
  const out = await tempDir('cli');
  const runId = newRunId();
  const r = await cli([...args, '--run-id', runId, '--out', out], opts);
  assert.is(r.exitCode, 2, `${args.join(' ')}: exit ${r.exitCode}\n${r.stderr}`);
  const lines = String(r.stderr).trim().split('\n');
  assert.is(lines.length, 1, `one line expected, got:\n${r.stderr}`);
  assert.match(lines[0]!, message);
  assert.equal(await readdir(out), [], 'nothing written');
  assert.equal(await leftovers(runId), []);
}

test.after(removeTempDirs);

test('unknown scenario and workload', async () => {
  await expectUsageError(['bench', '--scenarios', 'host,vxlan'], /unknown scenario "vxlan"/);
  await expectUsageError(['bench', '--workloads', 'http'], /unknown workload "http"/);
});

test('non-positive duration and repeats', async () => {
  await expectUsageError(['bench', '--duration', '0'], /--duration "0"/);
  await expectUsageError(['bench', '--repeats', '-1'], /--repeats "-1"/);
});

test('unknown option and bad --vm', async () => {
  await expectUsageError(['bench', '--frobnicate'], /unknown option '--frobnicate'/);
  await expectUsageError(['bench', '--vm', 'sometimes'], /--vm "sometimes"/);
});

test('--cpus the affinity mask cannot meet: outside the mask, one CPU for both sides, no such CPU, bad syntax', async () => {
  const bench = (cpus: string) => ['bench', '--vm', 'never', '--scenarios', 'host', '--quick', '--cpus', cpus];
  await expectUsageError(bench('0,1'), /--cpus: CPU 1 is not in this process's affinity mask \(Cpus_allowed_list 0\)/, { affinity: '0' });
  await expectUsageError(bench('0,0'), /--cpus: CPU 0 is in both the client and the server set/);
  await expectUsageError(bench('0,4095'), /--cpus: CPU 4095 does not exist/);
  await expectUsageError(bench('client=0'), /--cpus "client=0" must be CLIENT,SERVER/);
});

test('--vm-kernel: a bad value, and a Debian kernel that neither the cache nor apt has (what a nightly pinned to a withdrawn kernel meets)', async () => {
  await expectUsageError(['bench', '--vm', 'always', '--vm-kernel', 'latest'], /--vm-kernel "latest" must be cached, newest/);
  await expectUsageError(['bench', '--vm', 'never', '--vm-kernel', 'newest'], /--vm-kernel sets up the VM guest; it cannot be combined with --vm never/);
  await expectUsageError(['bench', '--vm', 'always', '--clock', 'instructions', '--scenarios', 'host', '--quick', '--vm-kernel', '6.12.1'],
    /the Debian kernel 6\.12\.1 is in neither the cache \(.*\) nor apt .*: boot another with --vm-kernel newest \(a nightly: NKB_KERNEL=newest/);
});

test('unwritable output folder', async () => {
  const parent = await tempDir('ro');
  await chmod(parent, 0o555);
  const runId = newRunId();
  const r = await cli(['bench', '--scenarios', 'host', '--vm', 'never', '--run-id', runId, '--out', join(parent, 'results')], { uid: 65534 });
  assert.is(r.exitCode, 2);
  assert.is(String(r.stderr).trim().split('\n').length, 1);
  assert.equal(await leftovers(runId), []);
});

test('not root', async () => {
  const r = await cli(['bench', '--scenarios', 'host', '--vm', 'never', '--out', '/tmp'], { uid: 65534 });
  assert.is(r.exitCode, 2);
  assert.match(String(r.stderr), /must run as root/);
  assert.is(String(r.stderr).trim().split('\n').length, 1);
});

test('a missing tool', async () => {
  const out = await tempDir('cli');
  const { execa } = await import('execa');
  const r = await execa(process.execPath, [(await import('../helpers/cli.ts')).BIN, 'bench', '--scenarios', 'host', '--vm', 'never', '--out', out], {
    reject: false,
    env: { PATH: '/nonexistent' },
    extendEnv: false,
  });
  assert.is(r.exitCode, 2, String(r.stderr));
  assert.match(String(r.stderr), /required tool "(ip|nsenter|taskset|sysctl|iperf3)" is not on PATH/);
  assert.equal(await readdir(out), []);
});

test('statistics options outside their meaningful range: an alpha that would invert the equivalence interval', async () => {
  for (const alpha of ['0.5', '0.7', '0', '1', 'x']) {
    const r = await cli(['compare', '/nonexistent-a', '/nonexistent-b', '--alpha', alpha]);
    assert.is(r.exitCode, 2, r.stderr);
    assert.equal(String(r.stderr).trim().split('\n'), [`netkit-bench: --alpha "${alpha}" must be a number above 0 and below 0.5 (the change's interval has level 1 - 2 alpha)`]);
  }
  const threshold = await cli(['compare', '/nonexistent-a', '/nonexistent-b', '--threshold', '-1']);
  assert.is(threshold.exitCode, 2);
  assert.match(String(threshold.stderr), /--threshold "-1" must be a percentage/);
});

test('--dry-run prints the commands and changes nothing', async () => {
  const runId = newRunId();
  const r = await cli(['bench', '--dry-run', '--scenarios', 'veth-bpf', '--run-id', runId]);
  assert.is(r.exitCode, 0);
  assert.match(String(r.stdout), new RegExp(`ip netns add nkb-${runId}-node0`));
  assert.match(String(r.stdout), /nkb-loader attach .*--hook tcx_ingress/);
  assert.match(String(r.stdout), new RegExp(`ip netns del nkb-${runId}-node0`));
  assert.equal(await leftovers(runId), []);
});

test('--dry-run checks --cpus as a run on this machine does, and says which sweep points sockperf refuses', async () => {
  await expectUsageError(['bench', '--dry-run', '--scenarios', 'host', '--cpus', '0,0'], /--cpus: CPU 0 is in both the client and the server set/);
  await expectUsageError(['bench', '--dry-run', '--scenarios', 'host', '--cpus', '0,4095'], /--cpus: CPU 4095 does not exist/);
  const r = await cli(['bench', '--dry-run', '--sweep', 'msg=1,1024', '--workloads', 'udp_rr']);
  assert.is(r.exitCode, 0, String(r.stderr));
  // The default preset measures both topologies, so the point is skipped on each.
  for (const topology of ['cross-node', 'same-node']) {
    assert.match(String(r.stdout), new RegExp(`^# skipping udp_rr \\(topology ${topology}, msg 1\\): sockperf needs -m >= 14 \\(its header\\), not 1$`, 'm'));
  }
  assert.not.match(String(r.stdout), /skipping udp_rr \(.*msg 1024\)/);
});

test('the history folder is --history-dir everywhere (--dir still taken); a missing one for history list is one line, exit 2', async () => {
  const dir = await tempDir('hist');
  const missing = join(dir, 'histroy');
  for (const args of [['history', 'list', '--history-dir', missing], ['history', 'list', '--by', 'kernel', '--dir', missing], ['history', 'list', '--dir', dir, '--history-dir', missing]]) {
    const r = await cli(args);
    assert.is(r.exitCode, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.is(String(r.stderr).trim().split('\n').length, 1, String(r.stderr));
    assert.match(String(r.stderr), /^netkit-bench: (no history folder ".*histroy"|--dir is the old spelling of --history-dir)/);
  }
  const run = new URL('../fixtures/results/v1-host-veth-tcp-stream.json', import.meta.url).pathname;
  assert.is((await cli(['history', 'add', run, '--history-dir', join(dir, 'h')])).exitCode, 0);
  for (const flag of ['--history-dir', '--dir']) {
    const list = await cli(['history', 'list', flag, join(dir, 'h')]);
    assert.is(list.exitCode, 0, String(list.stderr));
    assert.is(String(list.stdout).trim().split('\n').length, 1);
  }
  for (const command of [['history', 'add'], ['history', 'list'], ['history', 'kernel'], ['compare'], ['report']]) {
    const help = String((await cli([...command, '--help'])).stdout);
    assert.match(help, /--history-dir/, command.join(' '));
    assert.not.match(help, /--dir\b|--history \[/, command.join(' '));
  }
});

test.run();
