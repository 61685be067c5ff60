// The link capability probe: one link of each distinct shape the scenarios build, created with the
// exact `ip link add` arguments a run uses (topology/plan.ts linkAddArgs: netkit mode, policies
// and scrub included), in two throwaway namespaces. A plain `ip link add NAME type netkit` passes
// where a run's command fails (an ip that cannot send scrub), so it is asked only afterwards, to
// tell the kernel's lack from ip's (link-probe-reason.ts).
import { run } from '../core/exec.ts';
import { deviceName, namespaceName } from '../core/naming.ts';
import type { LinkSpec } from '../scenario/types.ts';
import { linkAddArgs, linkEnds } from '../topology/plan.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { linkFailureReason, type LinkAttempt } from './link-probe-reason.ts';

export type FeatureStatus = { ok: true } | { ok: false; reason: string };
export type LinkKind = LinkSpec['kind'];

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/** What decides whether a link can be built: its arguments with device, namespace and MAC values left out. */
export function linkShape(link: LinkSpec): string {
  return linkAddArgs(link, () => 'DEV', () => 'NS').map((a) => (MAC.test(a) ? 'MAC' : a)).join(' ');
}

/** One link of each distinct shape of `kind` among the scenarios. */
export function linksToProbe(kind: LinkKind, scenarios = SCENARIOS): LinkSpec[] {
  const byShape = new Map<string, LinkSpec>();
  for (const link of scenarios.flatMap((s) => s.links)) if (link.kind === kind && !byShape.has(linkShape(link))) byShape.set(linkShape(link), link);
  return [...byShape.values()];
}

/**
 * The `ip` argv of probe link `i`: the run's own arguments, its two ends renamed to probe devices
 * (roles p<i>a, p<i>b) in namespaces `here` and `there`.
 */
export function probeArgv(link: LinkSpec, i: number, runId: string, here: string, there: string): string[] {
  const [a] = linkEnds(link);
  const dev = (role: string) => deviceName(runId, `p${i}${role === a.role ? 'a' : 'b'}`);
  return ['ip', '-n', here, ...linkAddArgs(link, dev, (node) => (node === a.node ? here : there))];
}

/** Builds every probe link of `kind`; the first that fails gives the reason. */
export async function probeLinkKind(runId: string, kind: LinkKind, links = linksToProbe(kind)): Promise<FeatureStatus> {
  const [here, there] = ['a', 'b'].map((s) => namespaceName(runId, `p${kind.slice(0, 3)}${s}`)) as [string, string];
  try {
    for (const ns of [here, there]) await run('probe namespace', ['ip', 'netns', 'add', ns]);
    for (const [i, link] of links.entries()) {
      const argv = probeArgv(link, i, runId, here, there);
      const r = await run(`probe ${kind}`, argv, { reject: false });
      if (!r.failed) continue;
      const exact: LinkAttempt = { argv, exitCode: r.exitCode, stderr: r.stderr };
      const plainArgv = ['ip', '-n', here, 'link', 'add', deviceName(runId, 'pz'), 'type', kind];
      const p = await run(`probe plain ${kind}`, plainArgv, { reject: false });
      const version = await run('ip version', ['ip', '-V'], { reject: false });
      return { ok: false, reason: linkFailureReason(kind, exact, { argv: plainArgv, exitCode: p.exitCode, stderr: p.stderr }, /iproute2-[\w.]+/.exec(version.stdout)?.[0] ?? 'ip') };
    }
    return { ok: true };
  } finally {
    for (const ns of [here, there]) await run('remove probe namespace', ['ip', 'netns', 'del', ns], { reject: false });
  }
}
