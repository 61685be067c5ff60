// The workload knobs of `bench` (sizes, streams, UDP rate, validity thresholds), checked once.
import { UsageError, quote } from '../core/errors.ts';
import { parseFixedWork } from '../workloads/fixed-work.ts';
import type { FixedWork } from '../model/workload-params.ts';
import { DEFAULT_WORKLOAD_PARAMS } from '../workloads/params.ts';
import { CRR_TOOLS, RR_TOOLS, type IpVersion, type WorkloadParams } from '../model/workload-params.ts';

export interface RawWorkloadFlags {
  ip?: string;
  streams?: string;
  rrSize?: string;
  crrSize?: string;
  udpSize?: string;
  udpRate?: string;
  maxLossPct?: string;
  maxRetransmitPct?: string;
  rrTool?: string;
  crrTool?: string;
  work?: string;
}

function oneOf<T extends string>(option: string, value: string | undefined, known: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(known as readonly string[]).includes(value)) throw new UsageError(`${option} ${quote(value)} must be one of ${known.join(', ')}`);
  return value as T;
}

function integer(option: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`${option} ${quote(value)} must be an integer from ${min} to ${max}`);
  return n;
}

function percent(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`${option} ${quote(value)} must be a percentage from 0 to 100`);
  return n;
}

/** iperf3's -b syntax: a number with an optional K, M or G suffix (bits per second), or "max". */
export function parseUdpRate(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (value === 'max') return value;
  const m = /^(\d+(?:\.\d+)?)([KMG]?)$/i.exec(value.trim());
  if (!m || !(Number(m[1]) > 0)) throw new UsageError(`--udp-rate ${quote(value)} must be a rate such as 500M or 2G (bits/s), or max`);
  return `${m[1]}${m[2]!.toUpperCase()}`;
}

/** Opt-in limits appear in the params (and results.json) only when set. */
function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

export function parseIpVersion(value: string | undefined, fallback: IpVersion): IpVersion {
  if (value === undefined) return fallback;
  if (value === '4' || value === '6') return Number(value) as IpVersion;
  throw new UsageError(`--ip ${quote(value)} must be 4 or 6`);
}

/**
 * tcp_rr's tool: sockperf by default, but sockperf 3.7 (Debian 12) takes no IPv6 address, so with
 * --ip 6 the default is netperf, decided here and recorded; --rr-tool sockperf with --ip 6 is an error.
 * Likewise with fixed work. Several flows (--sweep flows) run N sockperf clients (sockperf-flows.ts,
 * percentiles pooled over every round trip) or N netperf instances (netperf-flows.ts); the probe
 * measures one connection and is refused.
 */
function rrTool(flags: RawWorkloadFlags, ipVersion: IpVersion, fixedWork: FixedWork | undefined, flowed: boolean): WorkloadParams['rrTool'] {
  const tool = oneOf('--rr-tool', flags.rrTool, RR_TOOLS, ipVersion === 6 || fixedWork ? 'netperf' : DEFAULT_WORKLOAD_PARAMS.rrTool);
  if (tool === 'probe' && flowed) throw new UsageError('--sweep flows runs tcp_rr as N sockperf or netperf clients; --rr-tool probe measures one connection: use --rr-tool sockperf or netperf');
  if (tool === 'sockperf' && ipVersion === 6) throw new UsageError('--rr-tool sockperf cannot measure --ip 6 (sockperf 3.7 takes no IPv6 address); use --rr-tool netperf or probe');
  if (tool !== 'netperf' && fixedWork) throw new UsageError(`--rr-tool ${tool} cannot run a fixed number of transactions (--work); use --rr-tool netperf or --duration`);
  return tool;
}

/** --work: fixed work for tcp_rr, tcp_crr and tcp_stream (fixed-work.ts); with it tcp_rr defaults to netperf (-l -N). */
function fixedWork(flags: RawWorkloadFlags): { fixedWork?: FixedWork } {
  if (flags.work === undefined) return {};
  const work = parseFixedWork(flags.work);
  if (flags.crrTool === 'probe') throw new UsageError('--crr-tool probe cannot run a fixed number of connections (--work); use netperf or --duration');
  return { fixedWork: work };
}

/** `flowed`: the workloads the flows axis is swept on (none without --sweep flows). */
export function resolveWorkloadParams(flags: RawWorkloadFlags, flowed: readonly string[] = []): WorkloadParams {
  const d = DEFAULT_WORKLOAD_PARAMS;
  if (flags.crrTool === 'probe' && flowed.includes('tcp_crr')) throw new UsageError('--sweep flows runs tcp_crr as N netperf instances; --crr-tool probe measures one connection: use --crr-tool netperf');
  const ipVersion = parseIpVersion(flags.ip, d.ipVersion);
  const work = fixedWork(flags);
  return {
    ipVersion,
    streams: integer('--streams', flags.streams, 1, 128, d.streams),
    rrSizeBytes: integer('--rr-size', flags.rrSize, 14, 65_000, d.rrSizeBytes),
    crrSizeBytes: integer('--crr-size', flags.crrSize, 1, 1_000_000, d.crrSizeBytes),
    udpSizeBytes: integer('--udp-size', flags.udpSize, 16, 65_507, d.udpSizeBytes),
    udpRate: parseUdpRate(flags.udpRate, d.udpRate),
    rrTool: rrTool(flags, ipVersion, work.fixedWork, flowed.includes('tcp_rr')),
    crrTool: oneOf('--crr-tool', flags.crrTool, CRR_TOOLS, d.crrTool),
    ...optional('maxLossPct', percent('--max-loss-pct', flags.maxLossPct)),
    ...optional('maxRetransmitPct', percent('--max-retransmit-pct', flags.maxRetransmitPct)),
    ...work,
  };
}
