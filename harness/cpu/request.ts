// --cpus: where client and server run, in the forms iperf3 and netperf users know. `2,3` is
// client CPU 2, server CPU 3 (iperf3 -A 2,3; netperf -T 2,3). `client=2-3,server=4-5` gives each
// side a set in taskset -c list syntax: tcp_stream_multi spreads its streams over the set, the
// single-stream workloads use its first CPU.
import { UsageError, quote } from '../core/errors.ts';
import { parseCpuList } from '../core/cpu-list.ts';
import type { CpuRequest } from '../model/placement.ts';

export function parseCpusOption(value: string): CpuRequest {
  const text = value.replace(/\s+/g, '');
  const clientFirst = /^client=(.+),server=(.+)$/.exec(text);
  const serverFirst = /^server=(.+),client=(.+)$/.exec(text);
  const named = clientFirst ? [clientFirst[1], clientFirst[2]] : serverFirst ? [serverFirst[2], serverFirst[1]] : undefined;
  if (named) {
    const [client, server] = named.map((s) => parseCpuList(s!));
    if (client && server) return { client, server };
  }
  const pair = /^(\d+),(\d+)$/.exec(text);
  if (pair) return { client: [Number(pair[1])], server: [Number(pair[2])] };
  throw new UsageError(`--cpus ${quote(value)} must be CLIENT,SERVER (e.g. 2,3) or client=LIST,server=LIST (e.g. client=2-3,server=4-5)`);
}
