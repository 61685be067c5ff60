import { tcpStream } from './tcp-stream.ts';
import type { Workload } from './types.ts';

export const WORKLOADS: readonly Workload[] = [tcpStream];
