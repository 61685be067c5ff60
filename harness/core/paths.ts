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
export const BPFFS = '/sys/fs/bpf';
