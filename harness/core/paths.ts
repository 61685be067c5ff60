import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** True in the compiled guest bundle (harness/vm/guest/bundle.ts), which is plain .mjs. */
export const COMPILED = import.meta.url.endsWith('.mjs');
/** This file is harness/core/paths.ts, or a chunk in dist/guest-<hash>/ of the bundle: two levels down either way. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BPF_BUILD = join(PROJECT_ROOT, 'bpf', 'build');
export const LOADER = join(BPF_BUILD, 'nkb-loader');
export const DEFAULT_RESULTS = join(PROJECT_ROOT, 'results');
export const BIN = join(PROJECT_ROOT, 'bin', 'netkit-bench.js');
/**
 * The script that starts this CLI: the bundle's cli.mjs when running from it (no tsx in the guest;
 * this code may sit in one of its chunks, so the entry is the process's script), else bin/.
 */
export const CLI_ENTRY = COMPILED ? process.argv[1]! : BIN;
export const BPFFS = '/sys/fs/bpf';
