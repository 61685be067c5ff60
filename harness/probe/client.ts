// The probe's client, started inside the client namespace: times one transaction after another
// with tinybench (warmup phase first, then the measured phase), and prints one JSON report on
// stdout (harness/parsers/probe-report.ts). /proc/stat is snapshotted at the edges of the
// measured phase so the harness can charge the machine's CPU time to exactly those transactions.
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { connectRequestResponse, openRoundTrips } from './exchange.ts';
import { parseProbeArgs, probeConfig, type ProbeClientConfig } from './protocol.ts';

function clientConfig(args: Record<string, string>): ProbeClientConfig {
  const duration = Number(args['duration-ms']);
  const warmup = Number(args['warmup-ms']);
  if (!(duration > 0) || !(warmup >= 0)) throw new Error('probe: --duration-ms must be > 0 and --warmup-ms >= 0');
  return { ...probeConfig(args), durationMs: duration, warmupMs: warmup };
}

async function main(c: ProbeClientConfig): Promise<object> {
  const session = c.mode === 'rr' ? await openRoundTrips(c) : undefined;
  const request = Buffer.alloc(c.requestBytes, 0x71);
  const transaction = session ? () => session.roundTrip() : () => connectRequestResponse(c, request);
  const edges: { procStat: string; ns: bigint }[] = [];
  const mark = (mode?: string) => void (mode === 'run' && edges.push({ procStat: readFileSync('/proc/stat', 'utf8'), ns: process.hrtime.bigint() }));
  const bench = new Bench({
    time: c.durationMs, iterations: 1, warmupTime: c.warmupMs, warmupIterations: 1,
    retainSamples: true, timestampProvider: 'hrtimeNow', throws: false,
  });
  bench.add(c.mode, transaction, { async: true, beforeAll: mark, afterAll: mark });
  try {
    await bench.run();
  } finally {
    session?.close();
  }
  const result = bench.tasks[0]?.result;
  if (!result || result.state === 'errored') return { ok: false, error: result?.state === 'errored' ? result.error.message : 'no result' };
  if (result.state !== 'completed' || edges.length !== 2) return { ok: false, error: `benchmark ended ${result.state}` };
  const samplesMs = result.latency.samples ?? [];
  return {
    ok: true,
    mode: c.mode,
    transactions: samplesMs.length,
    elapsedS: Number(edges[1]!.ns - edges[0]!.ns) / 1e9,
    // tinybench hands the samples back sorted; order in time is not kept.
    samplesUs: samplesMs.map((ms) => Math.round(ms * 1e6) / 1e3),
    procStat: { before: edges[0]!.procStat, after: edges[1]!.procStat },
  };
}

try {
  process.stdout.write(`${JSON.stringify(await main(clientConfig(parseProbeArgs(process.argv.slice(2)))))}\n`);
} catch (err) {
  process.stdout.write(`${JSON.stringify({ ok: false, error: (err as Error).message })}\n`);
}
