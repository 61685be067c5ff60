// Turns a scenario (data) into the ordered list of commands that build it, each with the command
// that undoes it. The plan is what --dry-run prints and what apply() executes, so both agree.
// Few processes: a process start costs ~3e7 instructions in the emulated guest (a third of a
// second of wall time under TCG), so what needs no undo goes in one command per device (settings
// and up) or one `ip -batch` per namespace (loopback, addresses, neighbours, routes).
import type { LinkEnd, LinkSettings, LinkSpec, ProgramSpec, RouteSpec, Scenario } from '../scenario/types.ts';
import { deviceName, namespaceName, pinDir } from '../core/naming.ts';

/** `input`: lines for `ip -batch -` on stdin (batchLines). */
export interface Command { argv: string[]; netns?: string; input?: string }
export interface Step { describe: string; run: Command; undo?: Command }

export interface PlanContext {
  runId: string;
  bpffs: string;
  /** Folder holding the built BPF objects and nkb-loader. */
  bpfBuild: string;
}

export function planTopology(scenario: Scenario, ctx: PlanContext): Step[] {
  const ns = (node: string) => namespaceName(ctx.runId, node);
  const dev = (role: string) => deviceName(ctx.runId, role);
  const ip = (node: string, ...args: string[]): string[] => ['ip', '-n', ns(node), ...args];
  const steps: Step[] = [];

  for (const node of scenario.nodes) {
    steps.push({ describe: `namespace ${node}`, run: { argv: ['ip', 'netns', 'add', ns(node)] }, undo: { argv: ['ip', 'netns', 'del', ns(node)] } });
  }
  // One sysctl per namespace, in the scenario's order (default.* before any device exists, so
  // every device inherits it): one process instead of a dozen, which counts under emulation.
  for (const node of scenario.nodes) {
    const mine = scenario.sysctls.filter((s) => s.node === node);
    if (mine.length > 0) steps.push({ describe: `sysctls in ${node} (${mine.map((s) => s.key).join(', ')})`, run: { argv: ['sysctl', '-q', '-w', ...mine.map((s) => `${s.key}=${s.value}`)], netns: ns(node) } });
  }
  for (const link of scenario.links) {
    const [a, b] = linkEnds(link);
    steps.push({ describe: `${link.kind} ${a.role}@${a.node} <-> ${b.role}@${b.node}`, run: { argv: ip(a.node, ...linkAddArgs(link, dev, ns)) }, undo: { argv: ip(a.node, 'link', 'del', dev(a.role)) } });
  }
  steps.push(...rpFilterSteps(scenario, dev, ns));
  // Per namespace, one `ip -batch`: loopback up, its devices' MTU and GSO/GRO sizes and up, then
  // its addresses, neighbours and routes (a route needs only its own namespace's devices and
  // addresses). ip stops at the first failing line and names it: a size the kernel refuses fails
  // the build with the kernel's reason. Nothing here needs an undo: it goes with the namespace.
  const ends = scenario.links.flatMap(linkEnds);
  for (const node of scenario.nodes) {
    const lines = [
      ['link', 'set', 'lo', 'up'],
      ...ends.filter((e) => e.node === node).map((e) => ['link', 'set', 'dev', dev(e.role), ...linkSetArgs(scenario.linkSettings), 'up']),
      // nodad: an IPv6 address under duplicate address detection cannot be used for about a second.
      ...scenario.addresses.filter((a) => a.node === node).map((a) => ['addr', 'add', a.cidr, 'dev', dev(a.role), ...(a.cidr.includes(':') ? ['nodad'] : [])]),
      ...scenario.neighbors.filter((n) => n.node === node).map((n) => ['neigh', 'replace', n.address, 'lladdr', n.mac, 'dev', dev(n.role), 'nud', 'permanent']),
      ...scenario.routes.filter((r) => r.node === node).map((r) => routeArgs(r, dev)),
    ];
    steps.push({ describe: `devices, loopback, addresses and routes in ${node}`, run: { argv: ip(node, '-batch', '-'), input: lines.map((l) => `${l.join(' ')}\n`).join('') } });
  }
  if (scenario.programs.length > 0) {
    const runPins = pinDir(ctx.bpffs, ctx.runId);
    steps.push({ describe: 'bpffs folder for this run', run: { argv: ['mkdir', '-p', runPins] }, undo: { argv: ['rm', '-rf', '--one-file-system', runPins] } });
  }
  for (const p of scenario.programs) steps.push(...(p.hook === 'tc_ingress' ? classicTcSteps(p, ctx, ns, dev) : [programStep(p, ctx, ns, dev)]));
  return steps;
}

/**
 * `route add` arguments without ip's `-6` (a batch line cannot carry options): an IPv6 default is
 * written `::/0`, since a bare `default` is IPv4; a prefix or gateway names its family itself.
 */
function routeArgs(r: RouteSpec, dev: (role: string) => string): string[] {
  const to = r.to === 'default' && routeFamily(r) === 6 ? '::/0' : r.to;
  return ['route', 'add', to, ...(r.via ? ['via', r.via] : []), ...(r.role ? ['dev', dev(r.role)] : []), ...(r.onlink ? ['onlink'] : [])];
}

/** A step as the single commands it stands for: a batch step's lines each as `ip -n NS <line>` (dry-run, tests). */
export function commandLines(command: Command): string[][] {
  if (command.input === undefined) return [command.argv];
  const prefix = command.argv.slice(0, command.argv.indexOf('-batch'));
  return command.input.split('\n').filter(Boolean).map((line) => [...prefix, ...line.split(' ')]);
}

export function routeFamily(r: RouteSpec): 4 | 6 {
  return r.family ?? (r.to.includes(':') || r.via?.includes(':') ? 6 : 4);
}

/** `ip link set` arguments for a device's MTU and GSO/GRO ceilings: also what the netkit probe applies. */
export function linkSetArgs(s: LinkSettings): string[] {
  return [
    'mtu', String(s.mtu), 'gso_max_size', String(s.gsoMaxSize), 'gro_max_size', String(s.groMaxSize),
    'gso_ipv4_max_size', String(s.gsoIpv4MaxSize), 'gro_ipv4_max_size', String(s.groIpv4MaxSize),
  ];
}

/**
 * A device takes its rp_filter from its namespace's net.ipv4.conf.default.rp_filter when it is
 * created there (devinet's inetdev_init copies the namespace's default devconf; a veth or netkit
 * peer is created in its own namespace). So one sysctl per namespace, only for devices that must
 * differ from that default: none in the scenarios shipped, which saves a process per device. The
 * read-back checks every device's rp_filter either way.
 */
function rpFilterSteps(scenario: Scenario, dev: (role: string) => string, ns: (node: string) => string): Step[] {
  const want = String(scenario.linkSettings.rpFilter);
  return scenario.nodes.flatMap((node) => {
    const inherited = scenario.sysctls.find((s) => s.node === node && s.key === 'net.ipv4.conf.default.rp_filter')?.value;
    const keys = scenario.links.flatMap(linkEnds).filter((e) => e.node === node && inherited !== want).map((e) => `net.ipv4.conf.${dev(e.role)}.rp_filter=${want}`);
    return keys.length === 0 ? [] : [{ describe: `rp_filter of the devices in ${node}`, run: { argv: ['sysctl', '-q', '-w', ...keys], netns: ns(node) } }];
  });
}

export function linkEnds(link: LinkSpec): [LinkEnd, LinkEnd] {
  return link.kind === 'veth' ? [link.a, link.b] : [link.primary, link.peer];
}

function macArgs(end: LinkEnd): string[] {
  return end.mac ? ['address', end.mac] : [];
}

/** `ip link add` arguments of a link, exactly as the run uses them (the capability probe reuses them). */
export function linkAddArgs(link: LinkSpec, dev: (r: string) => string, ns: (n: string) => string): string[] {
  if (link.kind === 'veth') {
    return ['link', 'add', dev(link.a.role), ...macArgs(link.a), 'type', 'veth', 'peer', 'name', dev(link.b.role), ...macArgs(link.b), 'netns', ns(link.b.node)];
  }
  const { primary, peer } = link;
  return [
    'link', 'add', dev(primary.role), ...macArgs(primary), 'type', 'netkit', 'mode', link.mode,
    'scrub', primary.scrub, primary.policy,
    'peer', 'scrub', peer.scrub, peer.policy, 'name', dev(peer.role), ...macArgs(peer), 'netns', ns(peer.node),
  ];
}

function setArgs(p: ProgramSpec, dev: (r: string) => string): string[] {
  return Object.entries(p.set).flatMap(([k, v]) => ['--set', `${k}=${v.startsWith('@') ? `@${dev(v.slice(1))}` : v}`]);
}

/**
 * Classic tc: a clsact qdisc on the device, the program loaded and pinned by nkb-loader (tc cannot
 * fill const volatile tunables), and a cls_bpf direct-action filter attaching the pinned program
 * (tc's `object-pinned`). Undone in reverse: filter, pins, qdisc. One tc program per device.
 */
function classicTcSteps(p: ProgramSpec, ctx: PlanContext, ns: (n: string) => string, dev: (r: string) => string): Step[] {
  const pins = pinDir(ctx.bpffs, ctx.runId, p.name);
  const loader = `${ctx.bpfBuild}/nkb-loader`;
  const netns = ns(p.node);
  const filter = ['dev', dev(p.role), 'ingress', 'pref', '1', 'handle', '1', 'bpf'];
  return [
    { describe: `clsact qdisc on ${p.role}@${p.node}`, run: { argv: ['tc', 'qdisc', 'add', 'dev', dev(p.role), 'clsact'], netns }, undo: { argv: ['tc', 'qdisc', 'del', 'dev', dev(p.role), 'clsact'], netns } },
    {
      describe: `BPF ${p.name} loaded for tc`,
      run: { argv: [loader, 'load', '--obj', `${ctx.bpfBuild}/${p.object}.bpf.o`, '--prog', p.program, '--pin-dir', pins, ...setArgs(p, dev)], netns },
      undo: { argv: [loader, 'detach', '--pin-dir', pins] },
    },
    { describe: `BPF ${p.name} (tc ingress on ${p.role}@${p.node})`, run: { argv: ['tc', 'filter', 'add', ...filter, 'direct-action', 'object-pinned', `${pins}/prog`], netns }, undo: { argv: ['tc', 'filter', 'del', ...filter], netns } },
  ];
}

function programStep(p: ProgramSpec, ctx: PlanContext, ns: (n: string) => string, dev: (r: string) => string): Step {
  const pins = pinDir(ctx.bpffs, ctx.runId, p.name);
  const loader = `${ctx.bpfBuild}/nkb-loader`;
  const sets = setArgs(p, dev);
  return {
    describe: `BPF ${p.name} (${p.hook} on ${p.role}@${p.node})`,
    run: {
      argv: [loader, 'attach', '--obj', `${ctx.bpfBuild}/${p.object}.bpf.o`, '--prog', p.program, '--hook', p.hook, '--dev', dev(p.role), '--pin-dir', pins, ...sets, ...(p.first ? ['--first'] : [])],
      netns: ns(p.node),
    },
    undo: { argv: [loader, 'detach', '--pin-dir', pins] },
  };
}
