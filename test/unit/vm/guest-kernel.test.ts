// A kernel the user built and the guest they asked for: resolution, the config check, the
// command line, the vCPU pinning plan. No boot (test/vm/user-kernel.test.ts boots one).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { withoutGuestFlags } from '../../../harness/bench/guest-argv.ts';
import { resolveGuestFlags } from '../../../harness/cli/bench-options.ts';
import { UsageError } from '../../../harness/core/errors.ts';
import { mitigationsOf, parseGuestCmdline, parseGuestMemory } from '../../../harness/vm/boot/guest-settings.ts';
import { bzImageRelease } from '../../../harness/vm/guest/kernel-image.ts';
import { checkKernelRequirements, KERNEL_REQUIREMENTS } from '../../../harness/vm/guest/kernel-requirements.ts';
import { debianReleaseOf, packagesForHost, parseVersionTables } from '../../../harness/vm/guest/kernel-package.ts';
import { exactChoice, matchesChoice, parseKernelChoice } from '../../../harness/vm/guest/kernel-choice.ts';
import { kernelCommandLine } from '../../../harness/vm/boot/qemu-args.ts';
import { resolveUserKernel } from '../../../harness/vm/guest/user-kernel.ts';
import { parseVcpuThreads, planVcpuPinning } from '../../../harness/vm/boot/vcpu-pinning.ts';

const allBuiltIn = KERNEL_REQUIREMENTS.map((r) => `${r.option}=y`).join('\n') + '\n';
const withLine = (option: string, line: string) => allBuiltIn.replace(`${option}=y`, line);

/** A bzImage setup header (HdrS, kernel_version pointer) and nothing else: enough to read the release. */
function fakeBzImage(release: string): Buffer {
  const image = Buffer.alloc(0x400);
  image.write('HdrS', 0x202, 'latin1');
  image.writeUInt16LE(0x300 - 0x200, 0x20e);
  image.write(`${release} (dev@example) #1 SMP\0`, 0x300, 'latin1');
  return image;
}

async function rejects(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await promise.then(() => undefined, (e: Error) => e);
  assert.instance(error, UsageError);
  assert.match(error!.message, pattern);
}

test('config check: built in is fine, =m needs its module, netkit must be =y, unset is named', () => {
  assert.equal(checkKernelRequirements(allBuiltIn, new Set()), { missing: [], modules: [] });
  assert.equal(checkKernelRequirements(withLine('CONFIG_VETH', 'CONFIG_VETH=m'), new Set(['veth'])), { missing: [], modules: ['veth'] });
  assert.match(checkKernelRequirements(withLine('CONFIG_VETH', 'CONFIG_VETH=m'), new Set()).missing[0]!, /^CONFIG_VETH=m but module veth is not in the modules folder/);
  assert.match(checkKernelRequirements(withLine('CONFIG_NETKIT', 'CONFIG_NETKIT=m'), new Set(['netkit'])).missing[0]!, /^CONFIG_NETKIT=m must be =y/);
  assert.match(checkKernelRequirements(withLine('CONFIG_NETKIT', '# CONFIG_NETKIT is not set'), new Set()).missing[0]!, /^CONFIG_NETKIT is not set \(needed for: the netkit scenarios\)/);
  assert.match(checkKernelRequirements(allBuiltIn.replace('CONFIG_NET_XGRESS=y\n', ''), new Set()).missing[0]!, /^CONFIG_NET_XGRESS is not set/);
});

test('bzImage release: the first word of the header\'s version string; anything else is refused', () => {
  assert.is(bzImageRelease(fakeBzImage('6.13.0-rc1-00042-gdeadbeef')), '6.13.0-rc1-00042-gdeadbeef');
  assert.throws(() => bzImageRelease(Buffer.alloc(0x400)), /not a bzImage/);
});

test('user kernel: a build tree resolves; a config without netkit is one usage error naming it', async () => {
  const tree = await mkdtemp(join(tmpdir(), 'nkb-test-kernel-'));
  try {
    await mkdir(join(tree, 'arch/x86/boot'), { recursive: true });
    await writeFile(join(tree, 'arch/x86/boot/bzImage'), fakeBzImage('6.14.0-test'));
    await writeFile(join(tree, '.config'), allBuiltIn);
    const kernel = await resolveUserKernel({ kernel: tree });
    assert.equal([kernel.version, kernel.origin, kernel.configPath, kernel.modules], ['6.14.0-test', 'user', join(tree, '.config'), []]);
    assert.match(kernel.configSha256, /^[0-9a-f]{64}$/);
    const bad = join(tree, 'no-netkit.config');
    await writeFile(bad, withLine('CONFIG_NETKIT', '# CONFIG_NETKIT is not set'));
    const error = await resolveUserKernel({ kernel: tree, config: bad }).catch((e: Error) => e);
    assert.instance(error, UsageError);
    assert.match((error as Error).message, /CONFIG_NETKIT is not set/);
    assert.not.match((error as Error).message, /\n/);
    await rejects(resolveUserKernel({ kernel: join(tree, 'arch') }), /without arch\/x86\/boot\/bzImage/);
    await rejects(resolveUserKernel({ kernel: join(tree, '.config') }), /not a bzImage/);
    await rejects(resolveUserKernel({ kernel: tree, modules: join(tree, '.config') }), /is not a folder/);
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
});

test('guest command line: the kernel\'s own mitigations unless asked; the user\'s words come after ours', () => {
  assert.not.match(kernelCommandLine(['nkb.job=x']), /mitigations/);
  const line = kernelCommandLine(['nkb.job=x'], ['mitigations=off', 'nosmt']);
  assert.match(line, / mitigations=off nosmt nkb\.job=x$/);
  assert.is(mitigationsOf([]), 'kernel default');
  assert.is(mitigationsOf(['mitigations=auto', 'mitigations=off']), 'off');
  assert.equal(parseGuestCmdline(' mitigations=off  nosmt '), ['mitigations=off', 'nosmt']);
  assert.throws(() => parseGuestCmdline('nkb.job=evil'), /set by netkit-bench itself/);
  assert.throws(() => parseGuestCmdline('a="b c"'), /quotes/);
});

test('guest memory and flags: units, bounds, and flags that only make sense with a VM', () => {
  assert.equal([parseGuestMemory('4G'), parseGuestMemory('2048M'), parseGuestMemory('1024'), parseGuestMemory('2GiB')], [4096, 2048, 1024, 2048]);
  assert.throws(() => parseGuestMemory('12'), /--vm-memory "12"/);
  assert.throws(() => parseGuestMemory('lots'), /--vm-memory/);
  assert.throws(() => resolveGuestFlags({ modules: '/x' }, 'auto'), /--modules belongs to --kernel/);
  assert.throws(() => resolveGuestFlags({ vmCpus: '2' }, 'never'), /--vm-cpus sets up the VM guest/);
  assert.throws(() => resolveGuestFlags({ vmCpus: '0' }, 'auto'), /--vm-cpus "0"/);
  assert.equal(resolveGuestFlags({ kernel: 'k', vmCpus: '3', vmMemory: '1G', vmCmdline: 'mitigations=off' }, 'auto'),
    { kernel: { kernel: 'k', config: undefined, modules: undefined }, cpus: 3, memoryMiB: 1024, cmdline: ['mitigations=off'] });
});

test('guest argv: the guest-setup flags are dropped, in both spellings; everything else stays in order', () => {
  assert.equal(withoutGuestFlags(['bench', '--kernel', '/k', '--quick', '--vm-cmdline=mitigations=off', '--modules', '/m', '--vm-cpus', '2', '--scenarios', 'host']),
    ['bench', '--quick', '--scenarios', 'host']);
});

test('vCPU pinning plan: vCPU i on the i-th allowed host CPU, wrapping when there are more vCPUs', () => {
  assert.equal(planVcpuPinning(2, [2, 3]), [{ vcpu: 0, hostCpu: 2 }, { vcpu: 1, hostCpu: 3 }]);
  assert.equal(planVcpuPinning(3, [0, 1]).map((p) => p.hostCpu), [0, 1, 0]);
  assert.throws(() => planVcpuPinning(1, []), /no host CPU/);
  // A QMP query-cpus-fast reply as qemu 7+ sends it (x86, two vCPUs).
  const reply = { return: [
    { 'thread-id': 4242, props: { 'core-id': 0, 'thread-id': 0, 'socket-id': 0 }, qom_path: '/machine/unattached/device[0]', 'cpu-index': 0, target: 'x86_64' },
    { 'thread-id': 4243, props: { 'core-id': 0, 'thread-id': 0, 'socket-id': 1 }, qom_path: '/machine/unattached/device[2]', 'cpu-index': 1, target: 'x86_64' },
  ] };
  assert.equal([...parseVcpuThreads(reply)], [[0, 4242], [1, 4243]]);
  assert.throws(() => parseVcpuThreads({ error: {} }), /no return list/);
});

test('kernel package: Debian 12 and 13 builds of 6.12, the host release\'s own preferred', () => {
  const names = ['linux-image-6.12.38+deb13-amd64-unsigned', 'linux-image-6.12.117+deb12-amd64-unsigned', 'linux-image-6.12.38+deb13-cloud-amd64-unsigned', 'linux-image-6.1.0-30-amd64'];
  assert.equal(packagesForHost(names, 13), ['linux-image-6.12.38+deb13-amd64-unsigned']);
  assert.equal(packagesForHost(names, 12), ['linux-image-6.12.117+deb12-amd64-unsigned']);
  assert.equal(packagesForHost(names, undefined), names.slice(0, 2));
  assert.is(debianReleaseOf('PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nVERSION_ID="13"\nID=debian\n'), 13);
  assert.is(debianReleaseOf('ID=ubuntu\nVERSION_ID="24.04"\n'), undefined);
});

test('--vm-kernel: cached, newest, a patch level, a release or a package (with its version); anything else is one usage error', () => {
  assert.equal(parseKernelChoice('cached'), { kind: 'cached' });
  assert.equal(parseKernelChoice('newest'), { kind: 'newest' });
  assert.equal(parseKernelChoice('6.12.117'), { kind: 'exact', spec: '6.12.117', patch: 117 });
  assert.equal(parseKernelChoice('6.12.117+deb12-amd64'), { kind: 'exact', spec: '6.12.117+deb12-amd64', name: 'linux-image-6.12.117+deb12-amd64-unsigned' });
  const token = 'linux-image-6.12.117+deb12-amd64-unsigned=6.12.117-1~deb12u1';
  const exact = parseKernelChoice(token);
  assert.equal(exact, { kind: 'exact', spec: token, name: 'linux-image-6.12.117+deb12-amd64-unsigned', version: '6.12.117-1~deb12u1' });
  assert.equal(exact, exactChoice('linux-image-6.12.117+deb12-amd64-unsigned', '6.12.117-1~deb12u1'));
  if (exact.kind !== 'exact') throw new Error('exact');
  assert.ok(matchesChoice(exact, 'linux-image-6.12.117+deb12-amd64-unsigned', '6.12.117-1~deb12u1'));
  assert.not.ok(matchesChoice(exact, 'linux-image-6.12.117+deb12-amd64-unsigned', '6.12.117-2~deb12u1'));
  assert.ok(matchesChoice({ kind: 'exact', spec: '6.12.90', patch: 90 }, 'linux-image-6.12.90+deb12.1-amd64-unsigned', 'x'));
  assert.not.ok(matchesChoice({ kind: 'exact', spec: '6.12.90', patch: 90 }, 'linux-image-6.12.95+deb12-amd64-unsigned', 'x'));
  for (const bad of ['6.13.0', 'linux-image-6.12.117+deb12-cloud-amd64-unsigned', '', 'latest']) assert.throws(() => parseKernelChoice(bad), /--vm-kernel ".*" must be cached, newest, a 6.12 patch level/);
  assert.throws(() => resolveGuestFlags({ vmKernel: 'newest' }, 'never'), /--vm-kernel sets up the VM guest/);
  assert.throws(() => resolveGuestFlags({ vmKernel: 'newest', kernel: '/k' }, 'auto'), /--vm-kernel picks one of Debian's kernels and --kernel boots your own/);
  assert.equal(withoutGuestFlags(['bench', '--vm-kernel', token, '--quick']), ['bench', '--quick']);
});

test('apt-cache policy: every version in each version table, the installed one too; none for a package without candidates', () => {
  // As apt 2.6 prints it (Debian 12), trimmed to three packages.
  const policy = [
    'linux-image-6.12.117+deb12-amd64-unsigned:', '  Installed: (none)', '  Candidate: 6.12.117-1~deb12u1', '  Version table:',
    '     6.12.117-1~deb12u1 500', '        500 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages',
    'linux-image-6.12.118+deb12-amd64-unsigned:', '  Installed: 6.12.118-1~deb12u1', '  Candidate: 6.12.118-1~deb12u1', '  Version table:',
    ' *** 6.12.118-1~deb12u1 500', '        500 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages', '        100 /var/lib/dpkg/status',
    '     6.12.118-0~deb12u1 100', '        100 http://deb.debian.org/debian bookworm-backports/main amd64 Packages',
    'linux-image-6.12.90+deb12.1-amd64-unsigned:', '  Installed: (none)', '  Candidate: (none)', '  Version table:',
  ].join('\n');
  assert.equal([...parseVersionTables(policy)], [
    ['linux-image-6.12.117+deb12-amd64-unsigned', ['6.12.117-1~deb12u1']],
    ['linux-image-6.12.118+deb12-amd64-unsigned', ['6.12.118-1~deb12u1', '6.12.118-0~deb12u1']],
  ]);
});

test.run();
