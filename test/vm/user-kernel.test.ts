// A kernel "the user built", played by the cached Debian kernel handed over as an image plus a
// modules folder: a config without netkit is refused before any boot, and one short run boots it
// with the guest set from the command line, and records all of it.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ensureGuestKernel } from '../../harness/vm/guest/kernel.ts';
import { defaultVmCacheDir } from '../../harness/vm/guest/locations.ts';
import { cli } from '../helpers/cli.ts';
import { added, leftovers } from '../helpers/host-state.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

test.after(removeTempDirs);

async function usersKernel() {
  const kernel = await ensureGuestKernel(defaultVmCacheDir());
  const image = kernel.vmlinuzPath;
  return { release: kernel.version, image, modules: kernel.modulesDir!, config: join(image, '..', `config-${kernel.version}`) };
}

test('a config without CONFIG_NETKIT: one line naming it, exit 2, nothing booted or written', async () => {
  const k = await usersKernel();
  const dir = await tempDir('userkernel');
  const noNetkit = join(dir, 'config');
  const config = await readFile(k.config, 'utf8');
  assert.match(config, /^CONFIG_NETKIT=y$/m);
  await writeFile(noNetkit, config.replace(/^CONFIG_NETKIT=y$/m, '# CONFIG_NETKIT is not set'));
  const out = join(dir, 'results');
  const r = await cli(['bench', '--kernel', k.image, '--modules', k.modules, '--kernel-config', noNetkit, '--quick', '--out', out]);
  assert.is(r.exitCode, 2, r.stderr);
  assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /CONFIG_NETKIT is not set \(needed for: the netkit scenarios\)/);
  assert.equal(await readdir(out).catch(() => []), []);
});

test('bench --kernel IMAGE --modules DIR boots that kernel as set (vCPUs, memory, mitigations=off) and records it', async () => {
  const k = await usersKernel();
  const out = await tempDir('userkernel-run');
  const before = await leftovers();
  const r = await cli(['bench', '--kernel', k.image, '--modules', k.modules, '--quick', '--repeats', '1', '--scenarios', 'netkit', '--workloads', 'tcp_stream',
    '--vm-cpus', '2', '--vm-memory', '1536M', '--vm-cmdline', 'mitigations=off', '--no-report', '--out', out], { timeoutMs: 900_000 });
  assert.is(r.exitCode, 0, `${r.stdout}\n${r.stderr}`);
  const runId = /run ([a-z0-9]{6})/.exec(String(r.stderr))![1]!;
  const results = JSON.parse(await readFile(join(out, runId, 'results.json'), 'utf8'));
  const env = results.environment;
  assert.equal([...new Set(results.measurements.map((m: { scenario: string }) => m.scenario))].sort(), ['netkit']);
  assert.is(env.kernelRelease, k.release);
  assert.equal([env.vm.kernel.origin, env.vm.kernel.release, env.vm.kernel.image], ['user', k.release, k.image]);
  assert.is(env.vm.kernel.configSha256, createHash('sha256').update(await readFile(k.config)).digest('hex'));
  assert.equal([env.vm.cpus, env.vm.memoryMiB, env.vm.userCmdline, env.vm.mitigations], [2, 1536, ['mitigations=off'], 'off']);
  // What the guest itself saw: its /proc/cmdline, CPU count and MemTotal (less than given: the kernel keeps some).
  assert.match(env.kernelCmdline, /(^| )mitigations=off( |$)/);
  assert.is(env.cpuCount, 2);
  assert.ok(env.memoryMiB > 1024 && env.memoryMiB <= 1536, String(env.memoryMiB));
  assert.is(env.kernelConfig.CONFIG_NETKIT, 'y');
  assert.match(env.vm.pinningNote, /TCG|pinned/);
  assert.equal(added(before, await leftovers()), []);
});

test.run();
