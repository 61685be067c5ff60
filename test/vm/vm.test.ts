// Boots the built-in guest once and checks that netkit works inside it.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeNewcArchive } from '../../harness/vm/guest/cpio.ts';
import { vmAvailability } from '../../harness/vm/boot/availability.ts';
import { renderJobScript } from '../../harness/vm/boot/job-files.ts';
import { shellQuote } from '../../harness/core/shell-quote.ts';
import { parseCandidates } from '../../harness/vm/guest/kernel-package.ts';
import { runInVm } from '../../harness/vm/boot/qemu.ts';
import { detectAccel, kvmUnusableReason } from '../../harness/vm/boot/accel.ts';
import { msToFirmwareBoot } from '../../harness/vm/boot/firmware-probe.ts';

test('shellQuote survives quotes and spaces', () => {
  assert.is(shellQuote(`it's a "test"`), `'it'\\''s a "test"'`);
  const script = renderJobScript({ argv: ['echo', 'a b'], cwd: '/x y', env: { A: '1' }, sharePath: '/s' });
  assert.match(script, /export A=1\ncd '\/x y' \|\| exit 125\nexec echo 'a b'/);
  assert.throws(() => shellQuote('a\0b'), /NUL/);
});

test('parseCandidates skips packages without a candidate', () => {
  const out = 'a:\n  Installed: (none)\n  Candidate: (none)\nb:\n  Installed: (none)\n  Candidate: 1.2-3\n';
  assert.equal([...parseCandidates(out)], [['b', '1.2-3']]);
});

test('cpio newc archive ends with the trailer', () => {
  const archive = writeNewcArchive([{ kind: 'file', path: 'init', data: Buffer.from('x') }]);
  assert.is(archive.toString('latin1', 0, 6), '070701');
  assert.ok(archive.toString('latin1').includes('TRAILER!!!'));
  assert.is(archive.length % 4, 0);
});

test('the accelerator: TCG runs the firmware to its boot line; KVM is chosen only when it gets there faster, else the reason says why', async () => {
  const tcgMs = await msToFirmwareBoot('tcg', 30_000);
  assert.ok(tcgMs !== undefined && tcgMs > 0, 'SeaBIOS reached its boot line under TCG');
  const reason = await kvmUnusableReason();
  const accel = await detectAccel();
  assert.is(accel, reason === undefined ? 'kvm' : 'tcg', String(reason));
  if (reason) assert.not.match(reason, /\n/);
  console.log(`accelerator: ${accel}${reason ? ` (${reason})` : ''}; TCG firmware boot ${tcgMs} ms`);
});

test('guest boots, creates a netkit pair and reports back through the share', async () => {
  const availability = await vmAvailability();
  if (!availability.ok) {
    console.warn(`skipping VM boot test: ${availability.reason}`);
    return;
  }
  // Laid out as `npm run bench` in a clone under /tmp lays it out: the job's folder (the project)
  // below /tmp, the share (the run's folder) inside the project's results/.
  const project = await mkdtemp(path.join(tmpdir(), 'nkb-vm-test-'));
  const share = path.join(project, 'results', 'run');
  try {
    await mkdir(share, { recursive: true });
    await writeFile(path.join(project, 'marker'), 'from the host\n');
    const out = path.join(share, 'netkit.txt');
    const script = [
      `ip link add nkb-vmt-a type netkit peer name nkb-vmt-b && ip -d link show nkb-vmt-a > ${shellQuote(out)}`,
      // The project reads as on the host and is writable, like the rest of the guest's root.
      `cat marker >> ${shellQuote(out)} && touch results/written-in-guest && echo project-writable >> ${shellQuote(out)}`,
      'exit 7',
    ].join('; ');
    const result = await runInVm({
      argv: ['/bin/sh', '-c', script],
      cwd: project,
      shareDir: share,
      consoleLogPath: path.join(share, 'console.log'),
      // A limit for a hang, not a figure: a boot on a loaded 2-core machine takes far longer than on a quiet one.
      timeoutMs: 600_000,
    });
    assert.is(result.exitCode, 7);
    assert.match(result.kernelRelease, /^6\.12\./);
    assert.ok(result.bootMs > 0, `bootMs ${result.bootMs}`);
    const details = await readFile(out, 'utf8');
    assert.match(details, /nkb-vmt-a@nkb-vmt-b/);
    assert.match(details, /netkit mode l3 type primary/);
    assert.match(details, /from the host\nproject-writable/);
    assert.equal((await readdir(share)).sort(), ['console.log', 'netkit.txt'], 'job folder removed');
    assert.equal(await readdir(path.join(project, 'results')), ['run'], "the guest's writes outside the share stay in the guest");
    console.log(`  vm: ${result.accel}, boot ${result.bootMs} ms, kernel ${result.kernelRelease}`);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
});

test.run();
