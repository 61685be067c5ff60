// bench's preflight reads the tool requirements table: with an iperf3 that says it is 3.10.1 (the
// real iperf3 behind a wrapper that answers --version alone), udp_stream is refused in one line,
// exit 2, before anything is built; doctor's iperf3 line says the same.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execa } from 'execa';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BIN } from '../helpers/cli.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

test.after(removeTempDirs);

async function olderIperf3(): Promise<string> {
  const real = (await execa('sh', ['-c', 'command -v iperf3'])).stdout.trim();
  const dir = await tempDir('iperf3-3.10');
  const script = ['#!/bin/sh', 'if [ "$1" = --version ]; then echo "iperf 3.10.1 (cJSON 1.7.13)"; exit 0; fi', `exec ${real} "$@"`, ''];
  await writeFile(join(dir, 'iperf3'), script.join('\n'), { mode: 0o755 });
  return dir;
}

test('udp_stream with iperf3 3.10.1: refused before the run, naming the version and the feature', async () => {
  const dir = await olderIperf3();
  const out = await tempDir('iperf3-out');
  const env = { PATH: `${dir}:${process.env.PATH}` };
  const r = await execa(process.execPath, [BIN, 'bench', '--topology', 'cross-node', '--scenarios', 'host', '--workloads', 'udp_stream', '--vm', 'never', '--out', out], { reject: false, timeout: 60_000, env });
  assert.is(r.exitCode, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.is(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /udp_stream needs iperf3 >= 3\.11 for UDP receiver sums .*this is iperf 3\.10\.1/);
  const doctor = await execa(process.execPath, [BIN, 'doctor'], { reject: false, timeout: 120_000, env });
  assert.match(doctor.stdout, /^iperf3\s+iperf 3\.10\.1 .*udp_stream: too old, needs >= 3\.11/m);
});

test.run();
