// Fixed-work measurements: each run does a set amount of work and its rate is that work over the
// time it took (netperf's negative test length, `-l -N`: N transactions for TCP_RR and TCP_CRR;
// iperf3 `-n BYTES`). On the instruction clock the time is counted in guest instructions, so the
// same work gives the same figure whatever the host does, and a few thousand transactions already
// agree to ~0.1% between runs: far less guest time, and so wall time, than a timed second.
import { UsageError, quote } from '../core/errors.ts';
import type { FixedWork } from '../model/workload-params.ts';

/** `--work default`: each about 0.1-0.3 s of guest time in the built-in VM (docs/instruction-clock.md). */
export const DEFAULT_FIXED_WORK: FixedWork = { rrTransactions: 5000, crrConnections: 1000, streamBytes: 64 * 2 ** 20 };

const KEYS: Record<string, keyof FixedWork> = { rr: 'rrTransactions', crr: 'crrConnections', stream: 'streamBytes' };
const SIZE = /^(\d+)([KMG]?)$/i;

function amount(key: string, text: string): number {
  const m = SIZE.exec(text.trim());
  const n = m ? Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase()) : NaN;
  if (!(n >= 1 && Number.isSafeInteger(n)) || (key !== 'stream' && m?.[2])) {
    throw new UsageError(`--work ${key}=${quote(text)} must be a positive whole number${key === 'stream' ? ' of bytes (K, M, G suffixes allowed)' : ''}`);
  }
  return n;
}

/**
 * `--work default` or `--work rr=N,crr=N,stream=SIZE` (any subset; the rest from the default) to
 * the fixed work of every measurement that supports it (tcp_rr and tcp_crr through netperf,
 * tcp_stream and tcp_stream_multi through iperf3); other workloads keep --duration.
 * Throws UsageError naming the bad part.
 */
export function parseFixedWork(spec: string): FixedWork {
  const work = { ...DEFAULT_FIXED_WORK };
  if (spec.trim() === 'default') return work;
  for (const part of spec.split(',')) {
    const [key, value] = part.split('=');
    const field = KEYS[key?.trim() ?? ''];
    if (!field || value === undefined) throw new UsageError(`--work ${quote(part)} must be default or rr=N, crr=N, stream=SIZE (comma-separated)`);
    work[field] = amount(key!.trim(), value);
  }
  return work;
}

/**
 * The work of an untimed accounting pass (bench/matrix.ts): a fifth of a measurement's. The pass
 * counts per packet (backlog passes, BPF runs and their ns), which a thousand transactions settle
 * as well as five; on the instruction clock its instructions are wall time spent outside any figure.
 */
export function passWork(w: FixedWork): FixedWork {
  const fifth = (n: number) => Math.max(1, Math.round(n / 5));
  return { rrTransactions: fifth(w.rrTransactions), crrConnections: fifth(w.crrConnections), streamBytes: fifth(w.streamBytes) };
}

/**
 * The transactions a fixed-work measurement of `test` does: a netperf test (TCP_RR, TCP_CRR) or the
 * workload of that name (tcp_rr, tcp_crr). TCP_CRR counts connections, TCP_RR request/response
 * pairs. Undefined without fixed work or for other tests.
 */
export function fixedTransactions(test: string, work: FixedWork | undefined): number | undefined {
  const name = test.toUpperCase();
  if (!work) return undefined;
  return name === 'TCP_CRR' ? work.crrConnections : name === 'TCP_RR' ? work.rrTransactions : undefined;
}

/** netperf's test length for N transactions (its -l takes a negative count). */
export const netperfCount = (n: number): string => String(-Math.max(1, Math.round(n)));

/** Transactions of the unmeasured warmup before a fixed-work netperf run: ARP, neighbour and caches settled. */
export const warmupTransactions = (n: number): number => Math.max(100, Math.round(n / 10));
