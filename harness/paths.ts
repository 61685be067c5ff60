import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BPF_BUILD = join(PROJECT_ROOT, 'bpf', 'build');
export const LOADER = join(BPF_BUILD, 'nkb-loader');
export const DEFAULT_RESULTS = join(PROJECT_ROOT, 'results');
export const BIN = join(PROJECT_ROOT, 'bin', 'netkit-bench.js');
export const BPFFS = '/sys/fs/bpf';
