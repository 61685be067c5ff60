import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The results.json of the only run in `out`, once it has at least `n` measurements. */
export async function resultsWith(out: string, n: number): Promise<{ runId: string; results: any } | undefined> {
  const [runId] = await readdir(out).catch(() => [] as string[]);
  if (!runId) return undefined;
  try {
    const results = JSON.parse(await readFile(join(out, runId, 'results.json'), 'utf8'));
    return results.measurements.length >= n ? { runId, results } : undefined;
  } catch {
    return undefined;
  }
}

export async function childPids(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text.trim().split(/\s+/).filter(Boolean).map(Number);
}

/** Every process below `pid` (children, their children, ...), as pid and command line. */
export async function descendants(pid: number): Promise<{ pid: number; command: string }[]> {
  const out: { pid: number; command: string }[] = [];
  for (const child of await childPids(pid)) {
    const command = (await readFile(`/proc/${child}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ').trim();
    out.push({ pid: child, command }, ...(await descendants(child)));
  }
  return out;
}

/**
 * True while any thread of process `pid` runs. A zombie (ended, not yet reaped by whoever
 * inherited it) has ended. Every thread is read, not the leader alone: when a multithreaded
 * process (node) is SIGKILLed, its leader can be a zombie while other threads still exit, and
 * for PID 1 of a namespace the last of them is the one that ends the namespace's processes
 * (kernel/exit.c find_child_reaper -> zap_pid_ns_processes).
 */
export async function running(pid: number): Promise<boolean> {
  const threads = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  for (const tid of threads) {
    const status = await readFile(`/proc/${pid}/task/${tid}/status`, 'utf8').catch(() => '');
    if (status !== '' && !/^State:\s+[ZX]/m.test(status)) return true;
  }
  return false;
}
