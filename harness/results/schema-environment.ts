// The zod mirror of the results file's environment (model/results.ts Environment, model/guest.ts),
// checked against the model type (`satisfies`): the model is the source of the shape.
import { z } from 'zod';
import type { ClockInfo } from '../model/clock.ts';
import type { GuestMachineRecord } from '../model/guest.ts';
import type { AppliedSettings, Environment } from '../model/results.ts';

const strings = z.record(z.string(), z.string());

const appliedSettings = z.looseObject({
  namespaces: z.record(z.string(), z.looseObject({
    sysctls: strings,
    devices: z.record(z.string(), z.looseObject({
      kind: z.string(), mtu: z.number(),
      gsoMaxSize: z.number().optional(), groMaxSize: z.number().optional(), gsoIpv4MaxSize: z.number().optional(), groIpv4MaxSize: z.number().optional(),
      rpFilter: z.string().optional(), netkit: strings.optional(), features: z.record(z.string(), z.boolean()),
    })),
    routes: z.array(z.looseObject({ family: z.union([z.literal(4), z.literal(6)]), dst: z.string(), gateway: z.string().optional(), dev: z.string().optional(), onlink: z.boolean() })).optional(),
    neighbors: z.array(z.looseObject({ dst: z.string(), dev: z.string(), lladdr: z.string().optional(), state: z.array(z.string()) })).optional(),
  })),
  mismatches: z.array(z.string()),
}) satisfies z.ZodType<AppliedSettings>;

const guestMachine = z.looseObject({
  kernel: z.looseObject({
    origin: z.enum(['package', 'user']), release: z.string(), image: z.string(),
    configPath: z.string().optional(), configSha256: z.string().optional(), package: z.string().optional(),
  }),
  cpus: z.number(), memoryMiB: z.number(), cmdline: z.string(), userCmdline: z.array(z.string()), mitigations: z.string(),
  vcpuPinning: z.array(z.looseObject({ vcpu: z.number(), hostCpu: z.number(), threadId: z.number().optional() })).optional(),
  pinningNote: z.string().optional(),
}) satisfies z.ZodType<GuestMachineRecord>;

const vm = guestMachine.partial().extend({
  accel: z.string(), bootMs: z.number(), note: z.string(), wallMs: z.number().optional(), wallMsPerMeasurement: z.number().optional(), vms: z.number().int().min(1).optional(), vmShards: z.number().int().min(1).optional(),
}) satisfies z.ZodType<Environment['vm']>;

const clock = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('host') }),
  z.looseObject({ kind: z.literal('instructions'), icountShift: z.number().int().min(0), instructionsPerGuestS: z.number() }),
]) satisfies z.ZodType<ClockInfo>;

export const environmentSchema = z.looseObject({
  where: z.enum(['native', 'vm-kvm', 'vm-tcg']),
  kernelRelease: z.string(),
  kernelVersion: z.string().optional(),
  kernelConfig: strings.optional(),
  cpuModel: z.string(),
  cpuCount: z.number(),
  cpuGovernor: z.string().optional(),
  loadAverage1m: z.number().optional(),
  nodeVersion: z.string(),
  tools: strings,
  gitRevision: z.string(),
  gitDirty: z.boolean().optional(),
  bpfObjectsSha256: z.string(),
  bpfObjects: strings.optional(),
  sysctls: strings.optional(),
  scenarios: z.record(z.string(), strings).optional(),
  scenariosSha256: strings.optional(),
  applied: z.record(z.string(), appliedSettings).optional(),
  kernelCmdline: z.string().optional(),
  memoryMiB: z.number().optional(),
  vm: vm.optional(),
  clock: clock.optional(),
}) satisfies z.ZodType<Environment>;
