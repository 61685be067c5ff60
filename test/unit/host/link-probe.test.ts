// The link probe builds what runs build, and its reason names the actual cause: ip refusing an
// option of the run's command, the kernel lacking the device kind, or the kernel refusing it.
// The stderr texts are ip's own (iproute2 6.15 on Linux 6.18 without CONFIG_NETKIT; invarg()).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { linkFailureReason, type LinkAttempt } from '../../../harness/host/link-probe-reason.ts';
import { linkShape, linksToProbe, probeArgv } from '../../../harness/host/link-probe.ts';
import { SCENARIOS } from '../../../scenarios/index.ts';

const EXACT = ['ip', '-n', 'A', 'link', 'add', 'nkb-x-p0a', 'type', 'netkit', 'mode', 'l3', 'scrub', 'none', 'forward', 'peer', 'scrub', 'default', 'blackhole', 'name', 'nkb-x-p0b', 'netns', 'B'];
const PLAIN = ['ip', '-n', 'A', 'link', 'add', 'nkb-x-pz', 'type', 'netkit'];
const attempt = (argv: string[], exitCode: number, stderr: string): LinkAttempt => ({ argv, exitCode, stderr });
const NO_NETKIT = 'Error: Unknown device type.\n';
const USAGE = 'Usage: ... netkit [ mode MODE ] [ POLICY ] [ scrub SCRUB ] [ peer [ POLICY <options> ] ]\n\nMODE: l3 | l2\n';

test('every netkit link of every scenario is probed with its own arguments: mode, scrub and both policies', () => {
  const probed = new Set(linksToProbe('netkit').map(linkShape));
  const used = SCENARIOS.flatMap((s) => s.links).filter((l) => l.kind === 'netkit');
  assert.ok(used.length > 0);
  for (const link of used) assert.ok(probed.has(linkShape(link)), linkShape(link));
  const argv = probeArgv(linksToProbe('netkit')[0]!, 0, 'abc123', 'nsA', 'nsB');
  assert.equal(argv.slice(0, 3), ['ip', '-n', 'nsA']);
  assert.equal(argv.slice(6, 8), ['type', 'netkit']);
  for (const words of [['scrub', 'none', 'forward'], ['peer', 'scrub', 'default', 'blackhole']]) {
    assert.ok(argv.join(' ').includes(words.join(' ')), argv.join(' '));
  }
  assert.ok(argv.every((a) => a.length <= 15 || !a.startsWith('nkb-')), 'device names fit IFNAMSIZ');
});

test('the kernel without netkit: that is the reason, whatever ip thinks of the options', () => {
  assert.is(linkFailureReason('netkit', attempt(EXACT, 2, NO_NETKIT), undefined, 'iproute2-6.15.0'), 'the kernel has no netkit devices (needs Linux 6.7+ built with CONFIG_NETKIT=y)');
});

test('ip refusing scrub: named first, with its own complaint, not its usage text; the kernel`s lack added when the plain command shows it', () => {
  const refused = attempt(EXACT, 255, 'Error: argument "scrub" is wrong: unknown netkit option\n');
  const kernelHas = linkFailureReason('netkit', refused, attempt(PLAIN, 0, ''), 'iproute2-6.1.0');
  assert.is(kernelHas, 'ip (iproute2-6.1.0) refuses "scrub" in the netkit command scenarios use (Error: argument "scrub" is wrong: unknown netkit option): install a newer iproute2 (npm run setup)');
  const both = linkFailureReason('netkit', refused, attempt(PLAIN, 2, NO_NETKIT), 'iproute2-6.1.0');
  assert.ok(both.startsWith('ip (iproute2-6.1.0) refuses "scrub"') && both.endsWith('; also, the kernel has no netkit devices (needs Linux 6.7+ built with CONFIG_NETKIT=y)'), both);
  const parseOpt = linkFailureReason('netkit', attempt(EXACT, 1, `netkit: unknown option "scrub"?\n${USAGE}`), attempt(PLAIN, 0, ''), 'iproute2-6.8.0');
  assert.match(parseOpt, /refuses "scrub" .*\(netkit: unknown option "scrub"\?\)/);
  assert.not.match(parseOpt, /Usage|MODE/);
});

test('the kernel refusing the command as given is said so, with its message', () => {
  const r = linkFailureReason('netkit', attempt(EXACT, 2, 'Error: Attribute failed policy validation.\n'), undefined, 'iproute2-6.15.0');
  assert.is(r, 'the kernel refused the netkit device as scenarios build it (Error: Attribute failed policy validation.)');
});

test.run();
