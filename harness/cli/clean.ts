// `netkit-bench clean`: removes whatever an earlier run left behind, found only by the nkb- prefix
// of harness/core/naming.ts, and says what it removed. It never touches a name without that prefix.
// Processes inside those namespaces (a server left by a killed --no-isolate run) are ended first:
// otherwise deleting the name would leave the namespace alive, unnamed, with its devices.
import { readdir } from 'node:fs/promises';
import { run } from '../core/exec.ts';
import { NAME_PREFIX, runIdOf } from '../core/naming.ts';
import { BPFFS } from '../core/paths.ts';
import { isBpffsMounted } from '../host/system.ts';
import { endProcesses, findNetnsProcesses } from '../host/netns-processes.ts';

export interface CleanReport {
  /** Processes ended, as `<pid> <command> (in <namespace>)`. */
  processes: string[];
  pins: string[];
  namespaces: string[];
  devices: string[];
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

export async function clean(): Promise<CleanReport> {
  const report: CleanReport = { processes: [], pins: [], namespaces: [], devices: [], failures: [] };
  const attempt = async (items: string[], step: string, argv: (x: string) => string[], removed: string[]) => {
    for (const item of items) {
      const r = await run(step, argv(item), { reject: false });
      if (r.failed) report.failures.push(`${step} ${item}: ${r.stderr.trim()}`);
      else removed.push(item);
    }
  };
  const namespaces = await listOurNamespaces();
  const { ended, failed } = await endProcesses(await findNetnsProcesses(namespaces));
  const describe = (p: { pid: number; command: string; where: string }) => `${p.pid} ${p.command} (in ${p.where})`;
  report.processes.push(...ended.map(describe));
  report.failures.push(...failed.map((p) => `end process ${describe(p)}: still running after SIGKILL`));
  // Pins first: unpinning a link detaches its program before the device under it goes.
  await attempt(await listOurPins(), 'unpin', (p) => ['rm', '-rf', '--one-file-system', p], report.pins);
  await attempt(namespaces, 'delete namespace', (n) => ['ip', 'netns', 'del', n], report.namespaces);
  await attempt(await listOurRootDevices(), 'delete device', (d) => ['ip', 'link', 'del', d], report.devices);
  return report;
}
