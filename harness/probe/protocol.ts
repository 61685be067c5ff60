// The built-in request/response probe: what client and server agree on, and how they are
// started. tcp_crr opens a connection per transaction and the server closes first (so TIME_WAIT
// lands on the server and the client never runs out of ports); tcp_rr keeps one connection.
import { fileURLToPath } from 'node:url';

export type ProbeMode = 'rr' | 'crr';

export interface ProbeConfig {
  mode: ProbeMode;
  host: string;
  port: number;
  requestBytes: number;
  responseBytes: number;
}

export interface ProbeClientConfig extends ProbeConfig {
  durationMs: number;
  warmupMs: number;
}

import { COMPILED } from '../core/paths.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
/** From the compiled guest bundle, its own probe bundles (harness/vm/guest/bundle.ts): no tsx start per measurement. */
const start = (entry: 'server' | 'client') =>
  COMPILED ? [process.execPath, here(`./probe-${entry}.mjs`)] : [process.execPath, '--import', fileURLToPath(import.meta.resolve('tsx')), here(`./${entry}.ts`)];

function configArgs(c: ProbeConfig): string[] {
  return ['--mode', c.mode, '--host', c.host, '--port', String(c.port), '--request-bytes', String(c.requestBytes), '--response-bytes', String(c.responseBytes)];
}

export function serverArgv(c: ProbeConfig): string[] {
  return [...start('server'), ...configArgs(c)];
}

export function clientArgv(c: ProbeClientConfig): string[] {
  return [...start('client'), ...configArgs(c), '--duration-ms', String(c.durationMs), '--warmup-ms', String(c.warmupMs)];
}

/** The probe's own command line; it is only ever started by the harness, so errors are terse. */
export function parseProbeArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key?.startsWith('--') || value === undefined) throw new Error(`probe: bad arguments ${JSON.stringify(argv)}`);
    out[key.slice(2)] = value;
  }
  return out;
}

export function probeConfig(args: Record<string, string>): ProbeConfig {
  const int = (k: string) => {
    const n = Number(args[k]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`probe: --${k} ${JSON.stringify(args[k])} must be a positive integer`);
    return n;
  };
  const mode = args.mode;
  if (mode !== 'rr' && mode !== 'crr') throw new Error(`probe: --mode ${JSON.stringify(mode)} must be rr or crr`);
  if (!args.host) throw new Error('probe: --host is required');
  return { mode, host: args.host, port: int('port'), requestBytes: int('request-bytes'), responseBytes: int('response-bytes') };
}

export const READY_LINE = 'probe server listening';
