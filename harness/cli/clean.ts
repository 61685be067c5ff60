// `netkit-bench clean`: removes what earlier runs left behind, found only by the nkb- prefix of
// harness/core/naming.ts (the run id is in every name), and says what it removed. A run whose owner
// still lives (host/run-owner.ts) is left alone, with the reason; `--all` takes everything with the
// prefix, live or not. Processes inside those namespaces (a server left by a killed --no-isolate
// run) are ended first: otherwise deleting the name would leave the namespace alive, unnamed, with
// its devices.
import { readdir } from 'node:fs/promises';
import { run } from '../core/exec.ts';
import { NAME_PREFIX, runIdOf } from '../core/naming.ts';
import { BPFFS } from '../core/paths.ts';
import { isBpffsMounted } from '../host/system.ts';
import { endProcesses, findNetnsProcesses } from '../host/netns-processes.ts';
import { forgetOwner, ownerState, readOwners, type RunOwner } from '../host/run-owner.ts';

export interface CleanOptions {
  /** Also what live runs hold (today's `clean` before owners were recorded). */
  all?: boolean;
  /** Only these runs' names; default every run's. */
  runIds?: readonly string[];
}

export interface CleanReport {
  /** Processes ended, as `<pid> <command> (in <namespace>)`. */
  processes: string[];
  pins: string[];
  namespaces: string[];
  devices: string[];
  /** Live runs and why they were left alone, one line each. */
  leftAlone: string[];
  /** Owner records of runs whose owner is gone, removed. */
  forgotten: string[];
  failures: string[];
}

export async function listOurNamespaces(): Promise<string[]> {
  const r = await run('list namespaces', ['ip', '-j', 'netns', 'list'], { reject: false });
  const list = r.stdout.trim() ? (JSON.parse(r.stdout) as { name: string }[]) : [];
  return list.map((n) => n.name).filter((n) => runIdOf(n) !== undefined);
}

export async function listOurRootDevices(): Promise<string[]> {
  const r = await run('list devices', ['ip', '-j', 'link', 'show']);
  return (JSON.parse(r.stdout) as { ifname: string }[]).map((l) => l.ifname.split('@')[0]!).filter((n) => n.startsWith(NAME_PREFIX));
}

export async function listOurPins(bpffs = BPFFS): Promise<string[]> {
  if (!(await isBpffsMounted(bpffs))) return [];
  return (await readdir(bpffs)).filter((n) => runIdOf(n) !== undefined).map((n) => `${bpffs}/${n}`);
}

const why = (o: RunOwner, state: 'alive' | 'unknown') =>
  state === 'alive' ? `its owner, pid ${o.pid} (${o.command || 'netkit-bench'}, since ${o.startedAt}), is still running` : `its owner, pid ${o.pid}, ran in another PID namespace, where this clean cannot check it`;

export async function clean(opts: CleanOptions = {}): Promise<CleanReport> {
  const report: CleanReport = { processes: [], pins: [], namespaces: [], devices: [], leftAlone: [], forgotten: [], failures: [] };
  const inScope = (id: string | undefined) => id !== undefined && (!opts.runIds || opts.runIds.includes(id));
  const owners = (await readOwners()).filter((o) => inScope(o.runId));
  const live = new Map<string, { owner: RunOwner; state: 'alive' | 'unknown'; held: string[] }>();
  for (const o of owners) {
    const state = await ownerState(o);
    if (state !== 'gone') {
      live.set(o.runId, { owner: o, state, held: [] });
      continue;
    }
    await forgetOwner(o.runId);
    report.forgotten.push(`run ${o.runId} (its owner, pid ${o.pid}, is gone)`);
  }
  // What may go: names of runs in scope, unless their owner lives (and --all was not given).
  const mayGo = <T>(items: T[], idOf: (x: T) => string | undefined, label: (x: T) => string): T[] =>
    items.filter((x) => {
      const id = idOf(x);
      if (!inScope(id)) return false;
      const held = opts.all ? undefined : live.get(id!);
      held?.held.push(label(x));
      return !held;
    });
  const attempt = async (items: string[], step: string, argv: (x: string) => string[], removed: string[]) => {
    for (const item of items) {
      const r = await run(step, argv(item), { reject: false });
      if (r.failed) report.failures.push(`${step} ${item}: ${r.stderr.trim()}`);
      else removed.push(item);
    }
  };
  const allNamespaces = await listOurNamespaces();
  const namespaces = mayGo(allNamespaces, runIdOf, (n) => `namespace ${n}`);
  const processes = mayGo(await findNetnsProcesses(allNamespaces), (p) => p.runId, (p) => `process ${p.pid} ${p.command.split(' ')[0]}`);
  const { ended, failed } = await endProcesses(processes);
  const describe = (p: { pid: number; command: string; where: string }) => `${p.pid} ${p.command} (in ${p.where})`;
  report.processes.push(...ended.map(describe));
  report.failures.push(...failed.map((p) => `end process ${describe(p)}: still running after SIGKILL`));
  // Pins first: unpinning a link detaches its program before the device under it goes.
  const pins = mayGo(await listOurPins(), (p) => runIdOf(p.slice(p.lastIndexOf('/') + 1)), (p) => `pin ${p}`);
  await attempt(pins, 'unpin', (p) => ['rm', '-rf', '--one-file-system', p], report.pins);
  await attempt(namespaces, 'delete namespace', (n) => ['ip', 'netns', 'del', n], report.namespaces);
  await attempt(mayGo(await listOurRootDevices(), runIdOf, (d) => `device ${d}`), 'delete device', (d) => ['ip', 'link', 'del', d], report.devices);
  for (const [id, { owner, state, held }] of opts.all ? [] : live) {
    // An isolated run's namespaces, devices and pins exist only in its own mount namespace.
    const what = held.length ? held.join(', ') : 'nothing of it is visible here (an isolated run keeps its namespaces to itself)';
    report.leftAlone.push(`run ${id}: ${why(owner, state)}: ${what}`);
  }
  return report;
}
