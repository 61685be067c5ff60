// The facts a reader needs to trust or reproduce a run (flent records the same kind of thing).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { run } from '../core/exec.ts';
import { BPF_BUILD, PROJECT_ROOT } from '../core/paths.ts';
import type { Environment, Where } from '../model/results.ts';
import type { Scenario } from '../scenario/types.ts';
import { scenarioFacts, scenarioKey } from '../scenario/facts.ts';
import { scenariosSha256 } from '../scenario/hash.ts';
import { TOPOLOGIES } from '../../scenarios/index.ts';
import { kernelConfig } from './kernel-config.ts';
import { kernelRelease, readSysctl } from './system.ts';

/** Root-namespace settings that move datapath figures (buffers, backlog, congestion control, BPF JIT). */
export const RECORDED_SYSCTLS = [
  'net.core.rmem_default', 'net.core.rmem_max', 'net.core.wmem_default', 'net.core.wmem_max', 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem',
  'net.core.netdev_max_backlog', 'net.core.netdev_budget', 'net.core.default_qdisc', 'net.ipv4.tcp_congestion_control', 'net.ipv4.tcp_timestamps',
  'net.ipv4.tcp_sack', 'net.core.busy_poll', 'net.core.busy_read', 'net.core.bpf_jit_enable', 'net.core.bpf_jit_harden', 'kernel.bpf_stats_enabled',
];

async function firstLine(step: string, argv: string[]): Promise<string> {
  try {
    const r = await run(step, argv, { reject: false, timeoutMs: 5_000 });
    return (r.stdout || r.stderr).split('\n')[0]?.trim() || 'unknown';
  } catch {
    return 'missing';
  }
}

/** How each tool tells its version. */
const VERSION_ARGV: Record<string, string[]> = {
  ip: ['ip', '-V'], iperf3: ['iperf3', '--version'], sockperf: ['sockperf', '--version'], netperf: ['netperf', '-V'], bpftool: ['bpftool', 'version'], clang: ['clang', '--version'],
};

/** The first line a tool prints of its version; 'missing' when it cannot be started. */
export function toolVersion(tool: string): Promise<string> {
  return firstLine(`${tool} version`, VERSION_ARGV[tool] ?? [tool, '--version']);
}

export async function toolVersions(): Promise<Record<string, string>> {
  const tinybench = await readFile(join(PROJECT_ROOT, 'node_modules', 'tinybench', 'package.json'), 'utf8').then((t) => `tinybench ${JSON.parse(t).version}`, () => 'missing');
  const out: Record<string, string> = {};
  for (const tool of Object.keys(VERSION_ARGV)) out[tool] = await toolVersion(tool);
  return { ...out, tinybench };
}

async function bpfObjects(): Promise<{ combined: string; each: Record<string, string> }> {
  const hash = createHash('sha256');
  const each: Record<string, string> = {};
  try {
    for (const f of (await readdir(BPF_BUILD)).filter((f) => f.endsWith('.bpf.o')).sort()) {
      const bytes = await readFile(join(BPF_BUILD, f));
      hash.update(f).update(bytes);
      each[f] = createHash('sha256').update(bytes).digest('hex');
    }
  } catch {
    return { combined: 'not built', each };
  }
  return { combined: hash.digest('hex'), each };
}

/** MemTotal from /proc/meminfo, in MiB (the guest's own memory in a VM run). */
async function memTotalMiB(): Promise<number | undefined> {
  const kib = /^MemTotal:\s+(\d+) kB/m.exec(await readFile('/proc/meminfo', 'utf8').catch(() => ''))?.[1];
  return kib === undefined ? undefined : Math.round(Number(kib) / 1024);
}

const readOr = (read: () => Promise<string>) => read().then((v) => v.trim(), () => 'unavailable');

async function git(args: string[]): Promise<string | undefined> {
  const r = await run('git', ['git', '-C', PROJECT_ROOT, ...args], { reject: false }).catch(() => undefined);
  return r && !r.failed ? r.stdout.trim() : undefined;
}

/** Facts about the software a run used that the host can measure for a guest: the same files (the guest's root is the host's, harness/vm/guest/init-script.ts). */
export interface SoftwareFacts {
  tools: Record<string, string>;
  gitRevision: string;
  gitDirty?: boolean;
}

/** Environment variable carrying SoftwareFacts (JSON) from the host into the built-in VM. */
export const SOFTWARE_FACTS_ENV = 'NKB_SOFTWARE_FACTS';

/**
 * Tool versions and the git state. Each is a process start, and in an emulated guest `clang
 * --version` and `git status` alone execute about 4.5e9 instructions (~40 s of wall time under
 * TCG), so a guest takes them from the host that started it (SOFTWARE_FACTS_ENV).
 */
export async function softwareFacts(env: NodeJS.ProcessEnv = process.env): Promise<SoftwareFacts> {
  const given = env[SOFTWARE_FACTS_ENV];
  if (given) return JSON.parse(given) as SoftwareFacts;
  const status = await git(['status', '--porcelain', '--untracked-files=no']);
  return {
    tools: await toolVersions(),
    gitRevision: (await git(['rev-parse', '--short', 'HEAD'])) ?? 'unknown',
    ...(status === undefined ? {} : { gitDirty: status !== '' }),
  };
}

export async function collectEnvironment(where: Where, scenarios: readonly Scenario[] = []): Promise<Environment> {
  const objects = await bpfObjects();
  const software = await softwareFacts();
  const release = await kernelRelease();
  const config = await kernelConfig(release);
  const memTotal = await memTotalMiB();
  return {
    where,
    kernelRelease: release,
    kernelVersion: await readOr(() => readFile('/proc/sys/kernel/version', 'utf8')),
    ...(config ? { kernelConfig: config } : {}),
    kernelCmdline: await readOr(() => readFile('/proc/cmdline', 'utf8')),
    ...(memTotal === undefined ? {} : { memoryMiB: memTotal }),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    cpuGovernor: await readOr(() => readFile('/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor', 'utf8')),
    loadAverage1m: loadavg()[0] ?? NaN,
    nodeVersion: process.version,
    ...software,
    bpfObjectsSha256: objects.combined,
    bpfObjects: objects.each,
    sysctls: Object.fromEntries(await Promise.all(RECORDED_SYSCTLS.map(async (k) => [k, await readOr(() => readSysctl(k))] as const))),
    scenarios: Object.fromEntries(scenarios.map((s) => [scenarioKey(s.name, s.topology), scenarioFacts(s)])),
    // Every registered scenario of every topology, not only the measured ones: compare checks those two runs share.
    scenariosSha256: scenariosSha256(Object.values(TOPOLOGIES).flat()),
  };
}
