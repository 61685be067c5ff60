// doctor (the same probe as bench's preflight and setup.sh) on a machine whose ip refuses scrub:
// the real ip, first in PATH behind a wrapper that exits 255 with ip's own invarg() complaint when
// it is given `scrub` and runs the real ip otherwise. netkit must come out not runnable, with that
// reason; without the wrapper, the reason is this host's actual cause.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execa } from 'execa';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BIN } from '../helpers/cli.ts';
import { PROJECT_ROOT } from '../../harness/core/paths.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

test.after(removeTempDirs);

async function doctor(path: string): Promise<string[]> {
  const r = await execa(process.execPath, [BIN, 'doctor'], { reject: false, timeout: 120_000, env: { PATH: path } });
  assert.ok(r.exitCode === 0 || r.exitCode === 1, r.stderr);
  return r.stdout.split('\n');
}
const line = (lines: string[], re: RegExp) => lines.find((l) => re.test(l)) ?? '';

/** A folder holding an `ip` that runs the real one but refuses `scrub` as ip's invarg() would. */
async function ipRefusingScrub(): Promise<string> {
  const realIp = (await execa('sh', ['-c', 'command -v ip'])).stdout.trim();
  const dir = await tempDir('ip-no-scrub');
  await writeFile(join(dir, 'ip'), [
    '#!/bin/sh',
    'for a in "$@"; do',
    '  if [ "$a" = scrub ]; then echo \'Error: argument "scrub" is wrong: unknown netkit option\' >&2; exit 255; fi',
    'done',
    `exec ${realIp} "$@"`,
    '',
  ].join('\n'), { mode: 0o755 });
  return dir;
}

test('an ip that refuses scrub: doctor says netkit cannot run here, and that ip refuses scrub', async () => {
  const lines = await doctor(`${await ipRefusingScrub()}:${process.env.PATH}`);
  assert.match(line(lines, /^netkit\s/), /^netkit\s+no: ip \(iproute2-[^)]+\) refuses "scrub" in the netkit command scenarios use \(Error: argument "scrub" is wrong/);
  for (const name of ['netkit', 'netkit-l2']) {
    assert.match(line(lines, new RegExp(`^  ${name}\\s`)), /cannot run natively: ip \(iproute2-[^)]+\) refuses "scrub"/);
  }
  assert.match(line(lines, /^veth\s/), /^veth\s+yes$/, 'the wrapper refuses only scrub: veth still builds');
});

test('setup.sh asks the same probe and warns with the same reason', async () => {
  const r = await execa('bash', ['scripts/setup.sh'], { cwd: PROJECT_ROOT, reject: false, timeout: 300_000, env: { PATH: `${await ipRefusingScrub()}:${process.env.PATH}` } });
  assert.is(r.exitCode, 0, r.stderr);
  assert.match(r.stderr, /^setup: warning: netkit cannot run natively: ip \(iproute2-[^)]+\) refuses "scrub" in the netkit command scenarios use/m);
});

test('the real ip: netkit runs here, or the reason is the cause on this host', async () => {
  const kernelHasNetkit = (await execa('sh', ['-c', 'grep -qE " (netkit_xmit|netkit_link_ops)$" /proc/kallsyms'], { reject: false })).exitCode === 0;
  const netkit = line(await doctor(process.env.PATH ?? ''), /^netkit\s/);
  if (kernelHasNetkit) assert.match(netkit, /^netkit\s+yes$/);
  else assert.is(netkit.replace(/\s+/, ' '), 'netkit no: the kernel has no netkit devices (needs Linux 6.7+ built with CONFIG_NETKIT=y)');
});

test.run();
