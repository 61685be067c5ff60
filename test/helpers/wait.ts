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
