// Every workload, in the order tables show them, and the set a default run measures: TCP
// throughput, request/response and connection rate, which need nothing beyond iperf3 and node
// and fit 5 scenarios x 5 repetitions in about five minutes. udp_stream (whose loss gate trips on
// a busy machine), udp_rr and tcp_stream_multi run with --full or --workloads.
import { tcpCrr, tcpRr, udpRr } from './rr.ts';
import { tcpStream, tcpStreamMulti } from './tcp-stream.ts';
import type { Workload } from './types.ts';
import { udpStream } from './udp-stream.ts';

export const WORKLOADS: readonly Workload[] = [tcpStream, tcpStreamMulti, udpStream, tcpRr, udpRr, tcpCrr];

export const DEFAULT_WORKLOADS: readonly string[] = ['tcp_stream', 'tcp_rr', 'tcp_crr'];

export const FULL_WORKLOADS: readonly string[] = WORKLOADS.map((w) => w.name);

/** The workload of that name; undefined for one no longer measured (a results file may still name it). */
export const workloadNamed = (name: string): Workload | undefined => WORKLOADS.find((w) => w.name === name);
