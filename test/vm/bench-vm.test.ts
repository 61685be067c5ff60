// A VM bench interrupted, in one VM or cut into two: it keeps what the guests measured. A whole VM run's checks (rows for every
// scenario, records, progress lines, nothing left) ride on test/vm/ordering.test.ts's run.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN } from '../helpers/cli.ts';
import { resultsWith, waitFor } from '../helpers/wait.ts';
import { leftovers } from '../helpers/host-state.ts';
import { execa } from 'execa';

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

/** The most measurements any shard of the only run in `out` has written so far (bench/vm-shards.ts). */
async function shardMeasurements(out: string): Promise<number> {
  const [runId] = await readdir(out).catch(() => [] as string[]);
  const shards = runId ? await readdir(join(out, runId, 'shards')).catch(() => [] as string[]) : [];
  const counts = await Promise.all(shards.map((s) => readFile(join(out, runId!, 'shards', s, 'results.json'), 'utf8').then((t) => JSON.parse(t).measurements.length as number, () => 0)));
  return Math.max(0, ...counts);
}

test('SIGINT mid-run of a run cut into 2 VMs: both guests stop, what they measured is merged (incomplete), exit 130, no qemu left', async () => {
  const out = await mkdtemp(join(tmpdir(), 'nkb-vmstop-'));
  try {
    const bench = execa(process.execPath, [BIN, 'bench', '--vm', 'always', '--clock', 'instructions', '--vm-shards', '2', '--topology', 'cross-node', '--scenarios', 'host,veth', '--workloads', 'tcp_rr', '--repeats', '5', '--min-repeats', '5', '--no-report', '--out', out], { reject: false });
    await waitFor('a first measurement in a shard', async () => ((await shardMeasurements(out)) >= 1 ? true : undefined), 600_000);
    bench.kill('SIGINT');
    const r = await bench;
    assert.is(r.exitCode, 130, String(r.stderr));
    assert.match(r.stderr, /the matrix in 2 shards, each in its own VM at once/);
    const { runId, results } = (await resultsWith(out, 1))!;
    assert.equal(await leftovers(runId), []);
    assert.is(results.complete, false);
    assert.ok(results.measurements.length >= 1 && results.measurements.length < 10, String(results.measurements.length));
    assert.is(results.merged.count, 2, 'one run of both shards');
    const qemu = await execa('pgrep', ['-f', `qemu-system.*${out}`], { reject: false });
    assert.is(qemu.stdout.trim(), '', 'no qemu left');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('a guest\'s qemu killed mid-run: the other guest is stopped, what both measured is merged (incomplete), a failure exit naming the shard, no qemu left', async () => {
  const out = await mkdtemp(join(tmpdir(), 'nkb-vmkill-'));
  try {
    const bench = execa(process.execPath, [BIN, 'bench', '--vm', 'always', '--clock', 'instructions', '--vm-shards', '2', '--topology', 'cross-node', '--scenarios', 'host,veth', '--workloads', 'tcp_rr', '--repeats', '5', '--min-repeats', '5', '--no-report', '--out', out], { reject: false });
    await waitFor('a first measurement in a shard', async () => ((await shardMeasurements(out)) >= 1 ? true : undefined), 600_000);
    const qemus = (await execa('pgrep', ['-f', `qemu-system.*${out}`], { reject: false })).stdout.trim().split('\n').filter(Boolean);
    assert.is(qemus.length, 2, 'two guests at once');
    process.kill(Number(qemus[0]), 'SIGKILL');
    const r = await bench;
    assert.ok(r.exitCode !== 0 && r.exitCode !== 130, `exit ${r.exitCode}: ${r.stderr}`);
    assert.match(r.stderr, /shard [12]\/2 failed: .*; the other shards were stopped, and what each measured is merged, incomplete/);
    const { runId, results } = (await resultsWith(out, 1))!;
    assert.is(results.complete, false);
    assert.equal(await leftovers(runId), []);
    const qemu = await execa('pgrep', ['-f', `qemu-system.*${out}`], { reject: false });
    assert.is(qemu.stdout.trim(), '', 'no qemu left');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test.run();
