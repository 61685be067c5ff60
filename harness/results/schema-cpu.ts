// The zod mirror of model/cpu.ts and model/receive-path.ts, for results files read back. Each
// schema `satisfies` a ZodType of its model type: the model is the source of the shape, and a
// field added there and not here (or here with another type) fails the typecheck, not a reader.
import { z } from 'zod';
import type { CpuShare, CpuTimes, CpuUsage, IdleBaseline, UsedCpu, UsedCpuCost } from '../model/cpu.ts';
import type { ReceivePathCounts } from '../model/receive-path.ts';

const cpuTimes = z.looseObject({
  user: z.number(), nice: z.number(), system: z.number(), idle: z.number(),
  iowait: z.number(), irq: z.number(), softirq: z.number(), steal: z.number(),
}) satisfies z.ZodType<CpuTimes>;

const cpuShare = z.looseObject({ cpu: z.number(), busyPct: z.number(), softirqPct: z.number(), ticks: cpuTimes.optional() }) satisfies z.ZodType<CpuShare>;

const usedCpu = z.looseObject({
  cpu: z.number(), roles: z.array(z.enum(['client', 'server', 'softirq'])),
  user: z.number(), system: z.number(), irq: z.number(), softirq: z.number(),
  idleTicks: z.number(), netTicks: z.number(), clamped: z.boolean(),
}) satisfies z.ZodType<UsedCpu>;

const idleBaseline = z.looseObject({
  takenAt: z.string(),
  windowS: z.number(),
  perCpu: z.array(z.looseObject({ cpu: z.number(), userPerS: z.number(), systemPerS: z.number(), irqPerS: z.number(), softirqPerS: z.number(), busyPerS: z.number() })),
}) satisfies z.ZodType<IdleBaseline>;

const usedCpuCost = z.looseObject({
  cpus: z.array(usedCpu), windowS: z.number(), netCpuS: z.number(), busyCores: z.number(), idle: idleBaseline.optional(),
  harnessSubtractedS: z.number(), clamped: z.boolean(), contended: z.boolean(),
}) satisfies z.ZodType<UsedCpuCost>;

export const cpuUsageSchema = z.looseObject({
  windowS: z.number(), cpuCount: z.number(), busyPct: z.number(), softirqPct: z.number(), stealPct: z.number(), busyCores: z.number(),
  perCpu: z.array(cpuShare),
  harnessCpuS: z.number().optional(),
  processes: z.looseObject({ clientS: z.number(), serverS: z.number() }).optional(),
  used: usedCpuCost.optional(),
}) satisfies z.ZodType<CpuUsage>;

export const receivePathSchema = z.looseObject({
  windowS: z.number(), timed: z.boolean(), transactions: z.number().optional(),
  backlogEnqueues: z.number(), backlogEnqueuesPerCpu: z.array(z.number()), backlogDrops: z.number(),
  receivePasses: z.number(), receivePassesPerCpu: z.array(z.number()), wirePackets: z.number(),
}) satisfies z.ZodType<ReceivePathCounts>;
