// One `bench --vm always --quick` run: all five scenarios measured in one guest kernel, recorded
// as a VM run, nothing left on the host; and one interrupted, which keeps what it measured.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, cli } from '../helpers/cli.ts';
import { resultsWith, waitFor } from '../helpers/wait.ts';
import { leftovers } from '../helpers/host-state.ts';
import { execa } from 'execa';

test('bench --vm always --quick: rows for host, veth, veth-bpf, netkit, netkit-l2', async () => {
  const out = await mkdtemp(join(tmpdir(), 'nkb-vmbench-'));
  try {
    // A mechanism test (rows, records, progress, nothing left), so on the host clock: multi-threaded
    // TCG is several times faster than the instruction clock, whose orderings test/vm/ordering.test.ts asserts.
    const r = await cli(['bench', '--vm', 'always', '--clock', 'host', '--quick', '--workloads', 'tcp_stream', '--out', out], { timeoutMs: 900_000 });
    assert.is(r.exitCode, 0, `${r.stdout}\n${r.stderr}`);
    const runId = /run ([a-z0-9]{6})/.exec(String(r.stderr))![1]!;
    const csv = await readFile(join(out, runId, 'results.csv'), 'utf8');
    for (const scenario of ['host', 'veth', 'veth-bpf', 'netkit', 'netkit-l2']) {
      assert.match(csv, new RegExp(`^${runId},vm-(tcg|kvm),${scenario},tcp_stream,throughputGbps,(Gbit/s|Gbit per 1e9 guest instructions),2,[0-9.]+`, 'm'), scenario);
    }
    const results = JSON.parse(await readFile(join(out, runId, 'results.json'), 'utf8'));
    assert.ok(results.complete);
    assert.match(results.environment.kernelRelease, /^6\.12\./);
    assert.ok(results.environment.vm.bootMs > 0);
    assert.match(String(r.stdout), /only ratios between scenarios|compare ratios/);
    // stderr is a pipe here, as in a CI log: one progress line per measurement, none rewritten in place.
    const progress = String(r.stderr).split('\n').filter((l) => /^vm: \[\d+\/\d+\] /.test(l));
    assert.is(progress.length, results.measurements.length, String(r.stderr));
    assert.not.match(String(r.stderr), /\x1b\[K/);
    // Scoped to this run: other runs on the machine may hold namespaces of their own meanwhile.
    assert.equal(await leftovers(runId), []);
    // The run folder is qemu's writable share, so it names this run's qemu and no other.
    const qemu = await execa('pgrep', ['-f', `qemu-system.*${out}`], { reject: false });
    assert.is(qemu.stdout.trim(), '', 'no qemu left');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('SIGINT mid-run of a VM bench: the guest\'s partial results get their summary and CSV, exit 130, no qemu left', async () => {
  const out = await mkdtemp(join(tmpdir(), 'nkb-vmstop-'));
  try {
    const bench = execa(process.execPath, [BIN, 'bench', '--vm', 'always', '--clock', 'host', '--scenarios', 'host', '--workloads', 'tcp_stream', '--duration', '3', '--repeats', '5', '--no-report', '--out', out], { reject: false });
    // The guest writes its partial file without a summary (native.ts): only the host adds one.
    await waitFor('a first measurement in the guest', () => resultsWith(out, 1), 600_000);
    bench.kill('SIGINT');
    const r = await bench;
    assert.is(r.exitCode, 130, String(r.stderr));
    const { runId, results } = (await resultsWith(out, 1))!;
    assert.equal(await leftovers(runId), []);
    assert.is(results.complete, false);
    assert.ok(results.measurements.length >= 1 && results.measurements.length < 5);
    assert.ok(results.summary.some((row: { scenario: string; metric: string }) => row.scenario === 'host' && row.metric === 'throughputGbps'), JSON.stringify(results.summary));
    assert.match(await readFile(join(out, runId, 'results.csv'), 'utf8'), new RegExp(`^${runId},vm-(tcg|kvm),host,tcp_stream,throughputGbps,`, 'm'));
    const qemu = await execa('pgrep', ['-f', `qemu-system.*${out}`], { reject: false });
    assert.is(qemu.stdout.trim(), '', 'no qemu left');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test.run();
