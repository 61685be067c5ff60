// The facts a reader needs to trust or reproduce a run (flent records the same kind of thing).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { run } from './exec.ts';
import { BPF_BUILD, PROJECT_ROOT } from './paths.ts';
import type { Environment, Where } from './results/schema.ts';
import { kernelRelease } from './system.ts';

async function firstLine(step: string, argv: string[]): Promise<string> {
  try {
    const r = await run(step, argv, { reject: false, timeoutMs: 5_000 });
    return (r.stdout || r.stderr).split('\n')[0]?.trim() || 'unknown';
  } catch {
    return 'missing';
  }
}

export async function toolVersions(): Promise<Record<string, string>> {
  return {
    ip: await firstLine('ip version', ['ip', '-V']),
    iperf3: await firstLine('iperf3 version', ['iperf3', '--version']),
    bpftool: await firstLine('bpftool version', ['bpftool', 'version']),
    clang: await firstLine('clang version', ['clang', '--version']),
  };
}

async function bpfObjectsSha256(): Promise<string> {
  const hash = createHash('sha256');
  try {
    for (const f of (await readdir(BPF_BUILD)).filter((f) => f.endsWith('.bpf.o')).sort()) {
      hash.update(f).update(await readFile(join(BPF_BUILD, f)));
    }
  } catch {
    return 'not built';
  }
  return hash.digest('hex');
}

export async function collectEnvironment(where: Where): Promise<Environment> {
  const git = await run('git revision', ['git', '-C', PROJECT_ROOT, 'rev-parse', '--short', 'HEAD'], { reject: false }).catch(() => undefined);
  return {
    where,
    kernelRelease: await kernelRelease(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    nodeVersion: process.version,
    tools: await toolVersions(),
    gitRevision: git && !git.failed ? git.stdout.trim() : 'unknown',
    bpfObjectsSha256: await bpfObjectsSha256(),
  };
}
