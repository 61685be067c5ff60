// scripts/nightly.sh end to end, as the workflow runs it: on the instruction clock, into a fresh
// history, with the smallest matrix that still proves it (netkit, whose wire program the tax goes
// into; tcp_rr; one repetition of 2,000 transactions, since the gate's unit is the night):
//   night 1 boots an older Debian kernel (the history starts on it): exit 0, nothing to judge yet;
//   night 2 asks for apt's newest: judged as a kernel change (--vary kernel), never exit 2;
//   night 3 boots the history's kernel, which night 2 moved: exit 0;
//   night 4 with NKB_BPF_TAX: exit 1, tcp_rr named in comparison.md and in the step summary.
// That history add refuses a run of another clock or place (a native run on host time) is
// test/integration/report-cli.test.ts's, on results files: no native measurement here to prove it again.
// The taxed BPF objects are built back untaxed afterwards, byte for byte as before.
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BPF_BUILD, PROJECT_ROOT } from '../../harness/core/paths.ts';
import { kernelToken } from '../../harness/vm/guest/kernel-choice.ts';
import { findKernelPackage, findNewestKernelPackage } from '../../harness/vm/guest/kernel-package.ts';
import { ensureGuestKernel } from '../../harness/vm/guest/kernel.ts';
import { defaultVmCacheDir } from '../../harness/vm/guest/locations.ts';
import { cli } from '../helpers/cli.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

test.after(removeTempDirs);

const MATRIX = '--quick --scenarios netkit --workloads tcp_rr --repeats 1 --work rr=2000';
const wireObject = join(BPF_BUILD, 'wire_ingress.bpf.o');
const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

/**
 * Two kernels for the bump: apt's second newest and its newest. Where apt offers one only, the
 * cached newest relabelled as an older package: the same image, so only the history's pin moves.
 */
async function twoKernels(): Promise<{ older: string; relabelled?: string }> {
  const newest = await findNewestKernelPackage();
  const older = await findKernelPackage((name) => name !== newest.name);
  if (older) return { older: kernelToken(older.name, older.version) };
  const kernel = await ensureGuestKernel(defaultVmCacheDir(), { kind: 'newest' });
  const patch = Number(/^linux-image-6\.12\.(\d+)/.exec(kernel.packageName)![1]) - 1;
  const name = kernel.packageName.replace(/^linux-image-6\.12\.\d+/, `linux-image-6.12.${patch}`);
  const dir = join(defaultVmCacheDir(), 'kernels', name);
  await cp(join(defaultVmCacheDir(), 'kernels', kernel.packageName), dir, { recursive: true });
  await writeFile(join(dir, 'nkb-kernel.json'), JSON.stringify({ version: kernel.version, packageName: name, packageVersion: `${kernel.packageVersion}.relabelled` }));
  return { older: kernelToken(name, `${kernel.packageVersion}.relabelled`), relabelled: dir };
}

test('nightly.sh: three clean nights exit 0 (one of them a kernel bump, judged as one), a taxed night exits 1 naming tcp_rr', async () => {
  const dir = await tempDir('nightly');
  const [out, history] = [join(dir, 'runs'), join(dir, 'history')];
  const untaxed = await sha256(wireObject);
  const { older, relabelled } = await twoKernels();
  const night = async (n: number, env: Record<string, string> = {}) => {
    const files = { GITHUB_OUTPUT: join(dir, `output-${n}`), GITHUB_STEP_SUMMARY: join(dir, `summary-${n}.md`) };
    const r = await execa('bash', ['scripts/nightly.sh'], {
      cwd: PROJECT_ROOT, reject: false, timeout: 900_000,
      env: { NKB_OUT: out, NKB_HISTORY: history, NKB_BENCH_ARGS: MATRIX, ...files, ...env },
    });
    const output = await readFile(files.GITHUB_OUTPUT, 'utf8').catch(() => '');
    const runDir = /^run_dir=(.+)$/m.exec(output)?.[1];
    const comparison = runDir ? await readFile(join(runDir, 'comparison.md'), 'utf8').catch(() => '') : '';
    return { ...r, output, runDir, comparison, summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8').catch(() => '') };
  };
  try {
    const first = await night(1, { NKB_KERNEL: older });
    assert.is(first.exitCode, 0, first.stderr);
    assert.match(first.output, new RegExp(`^kernel=${older.replace(/[.+~]/g, '\\$&')}$`, 'm'));
    assert.match(first.comparison, /\| netkit \| tcp_rr \| transactionsPerS \* \|.*❔ inconclusive/);
    assert.match(first.comparison, /^> Gate power on this clock: instruction clock, history mode/m);

    const bump = await night(2, { NKB_KERNEL: 'newest' });
    assert.is(bump.exitCode, 0, bump.stderr);
    assert.match(bump.stderr, /nightly: kernel change: .* -> linux-image-6\.12\.\d+.*; judged with --vary kernel against the earlier nights/);
    assert.match(bump.comparison, /^- \*\*kernel 6\.12\.\d+\+deb1[23]-amd64 → 6\.12\.\d+\+deb1[23]-amd64\*\*: netkit tcp_rr transactionsPerS [-+]?\d+\.\d%, inconclusive$/m);
    assert.match(bump.comparison, /^- \*\*under test\*\*: kernel /m);
    const pinned = (await cli(['history', 'kernel', '--dir', history])).stdout.trim();
    assert.not.equal(pinned, older, 'the bump moved the history to the new kernel');

    const third = await night(3);
    assert.is(third.exitCode, 0, third.stderr);
    assert.match(third.stderr, new RegExp(`nightly: clock instructions, .*; kernel ${pinned.replace(/[.+~]/g, '\\$&')}`));
    assert.not.match(third.stderr, /kernel change/);
    const vms = (await cli(['history', 'vms', '--dir', history])).stdout.trim();
    assert.match(third.stderr, new RegExp(`; kernel .*; ${vms} VM\\(s\\)`), 'in as many VMs as the history\'s newest run');

    // 100 rounds (about 5% of netkit tcp_rr here): two earlier nights on this kernel give the
    // prediction interval one degree of freedom, and boots differ by up to 0.3% on this clock.
    const taxed = await night(4, { NKB_BPF_TAX: '100' });
    assert.is(taxed.exitCode, 1, taxed.stderr);
    assert.match(taxed.stderr, /setup: the wire program carries a tax of 100 bpf_loop rounds per packet/);
    for (const text of [taxed.comparison, taxed.summary]) {
      assert.match(text, /^### ❌ netkit-bench: regression$/m);
      assert.match(text, /^\| netkit \| tcp_rr \| transactionsPerS \* \| higher \|.*\| -\d+\.\d% \[.*❌ regressed \|$/m);
    }
    assert.match(taxed.comparison, /note: `bpfObjectsSha256` differs/, 'the tax arrived as other BPF objects, a note, not a refusal');
    const results = JSON.parse(await readFile(join(taxed.runDir!, 'results.json'), 'utf8'));
    const wire = (node: string) => results.measurements[0].bpf.find((p: { name: string }) => p.name === `${node}-wire-ingress`).counters;
    assert.is(wire('node1').loops, 100 * wire('node1').seen, 'every packet at the server\'s wire paid 100 rounds');
    assert.is(wire('node0').loops, 0, 'the client\'s wire paid nothing');
  } finally {
    // The worktree's objects untaxed again, as the next setup would build them anyway.
    await execa('bash', ['scripts/setup.sh'], { cwd: PROJECT_ROOT });
    if (relabelled) await rm(relabelled, { recursive: true, force: true });
  }
  assert.is(await sha256(wireObject), untaxed, 'bpf/build is untaxed again, byte for byte');
});

test.run();
