// What the placement is chosen from, read from this machine: the affinity mask of this process
// (sched_getaffinity, which /proc/self/status prints as Cpus_allowed_list) and each present CPU's
// topology in sysfs. Inside the built-in VM the guest reads its own.
import { readdir, readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.ts';
import { run } from '../core/exec.ts';
import { formatCpuList, parseCpuList } from '../core/cpu-list.ts';
import { choosePlacement } from './placement.ts';
import type { CpuRequest, CpuTopology, Placement } from '../model/placement.ts';

const SYS_CPU = '/sys/devices/system/cpu';

/** The CPUs this process may run on (sched_getaffinity), from /proc/self/status; the host's when the VM pins its vCPUs. */
export async function readAffinity(status = '/proc/self/status'): Promise<number[]> {
  const text = await readFile(status, 'utf8');
  const line = /^Cpus_allowed_list:\s*(.+)$/m.exec(text)?.[1];
  const cpus = line === undefined ? undefined : parseCpuList(line);
  if (!cpus) throw new Error(`${status} has no readable Cpus_allowed_list`);
  return cpus;
}

/** Every CPU with a topology folder; a CPU whose files are unreadable counts as a core of its own. */
export async function readTopology(root = SYS_CPU): Promise<CpuTopology[]> {
  const names = (await readdir(root).catch(() => [] as string[])).filter((n) => /^cpu\d+$/.test(n));
  const num = (path: string) => readFile(path, 'utf8').then((t) => Number(t.trim()), () => NaN);
  const out = await Promise.all(names.map(async (name) => {
    const cpu = Number(name.slice(3));
    const [core, pkg] = await Promise.all([num(`${root}/${name}/topology/core_id`), num(`${root}/${name}/topology/physical_package_id`)]);
    return { cpu, core: Number.isFinite(core) ? core : -1 - cpu, package: Number.isFinite(pkg) ? pkg : 0 };
  }));
  return out.sort((a, b) => a.cpu - b.cpu);
}

/** The placement on this machine; a request it cannot meet is a UsageError (one line, exit 2). */
export async function machinePlacement(request?: CpuRequest): Promise<Placement> {
  const chosen = choosePlacement(await readAffinity(), await readTopology(), request);
  if (!chosen.ok) throw new UsageError(chosen.reason);
  return chosen.placement;
}

/** True when this process's affinity mask includes any of `cpus`: its own work may then land on them. */
export async function mayRunOn(cpus: readonly number[]): Promise<boolean> {
  const allowed = await readAffinity().catch(() => undefined);
  return allowed === undefined || allowed.some((c) => cpus.includes(c));
}

/**
 * Confines every thread of this process (the harness) to `cpus` (taskset -a -p), so its own work
 * stays off the measured CPUs. Children started later take their own mask from taskset -c.
 * Returns false when there is nothing to confine to or taskset refused.
 */
export async function confineHarness(cpus: readonly number[]): Promise<boolean> {
  if (cpus.length === 0) return false;
  const r = await run('confine the harness', ['taskset', '-a', '-p', '-c', formatCpuList(cpus), String(process.pid)], { reject: false, timeoutMs: 5000 });
  return !r.failed;
}
