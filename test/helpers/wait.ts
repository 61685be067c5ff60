import { readFile } from 'node:fs/promises';
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
  const { readdir } = await import('node:fs/promises');
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

/** True while `pid` runs; a zombie (ended, not yet reaped by whoever inherited it) has ended. */
export async function running(pid: number): Promise<boolean> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return status !== '' && !/^State:\s+Z/m.test(status);
}
