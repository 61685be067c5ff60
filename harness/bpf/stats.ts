// Reads each attached program's counters and run statistics through nkb-loader, and turns the
// cumulative kernel figures into per-measurement deltas.
import { z } from 'zod';
import { run } from '../core/exec.ts';
import { pinDir } from '../core/naming.ts';
import { LOADER } from '../core/paths.ts';
import type { BpfProgramStats } from '../model/results.ts';
import type { ProgramSpec } from '../scenario/types.ts';

const statsLine = z.object({
  prog_id: z.number(),
  run_cnt: z.number(),
  run_time_ns: z.number(),
  counters: z.record(z.string(), z.number()),
  /** The same slots per possible CPU (nkb-loader since the receive-path tracers). */
  per_cpu: z.record(z.string(), z.array(z.number())).optional(),
});

export function parseLoaderStats(text: string): z.infer<typeof statsLine> {
  return statsLine.parse(JSON.parse(text.trim().split('\n').pop() ?? ''));
}

/**
 * Every program's statistics, in the order given, from one nkb-loader process (one line per
 * --pin-dir). One process, not one per program: in the emulated guest each process start costs
 * ~3e7 instructions, about half a second of wall time, and this runs after every measurement.
 */
export async function readAllProgramStats(programs: readonly ProgramSpec[], runId: string, bpffs: string): Promise<BpfProgramStats[]> {
  if (programs.length === 0) return [];
  const dirs = programs.flatMap((p) => ['--pin-dir', pinDir(bpffs, runId, p.name)]);
  const out = await run(`read BPF stats of ${programs.map((p) => p.name).join(', ')}`, [LOADER, 'stats', ...dirs], { timeoutMs: 10_000 });
  const lines = out.stdout.trim().split('\n');
  if (lines.length !== programs.length) throw new Error(`nkb-loader stats: ${lines.length} lines for ${programs.length} programs`);
  return programs.map((p, i) => {
    const s = parseLoaderStats(lines[i]!);
    return { name: p.name, hook: p.hook, node: p.node, counters: s.counters, runCnt: s.run_cnt, runTimeNs: s.run_time_ns };
  });
}

export function subtractStats(after: BpfProgramStats, before: BpfProgramStats | undefined): BpfProgramStats {
  if (!before) return after;
  const counters = Object.fromEntries(Object.entries(after.counters).map(([k, v]) => [k, v - (before.counters[k] ?? 0)]));
  return { ...after, counters, runCnt: after.runCnt - before.runCnt, runTimeNs: after.runTimeNs - before.runTimeNs };
}

/** Per-measurement BPF figures for a topology's programs: call take() after each measurement. */
export function bpfStatsTracker(programs: readonly ProgramSpec[], runId: string, bpffs: string) {
  const last = new Map<string, BpfProgramStats>();
  return {
    async take(): Promise<BpfProgramStats[]> {
      const now = await readAllProgramStats(programs, runId, bpffs);
      const out = now.map((s) => subtractStats(s, last.get(s.name)));
      for (const s of now) last.set(s.name, s);
      return out;
    },
  };
}
