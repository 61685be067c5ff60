import type { BenchIo } from './native.ts';
import type { BenchOptions } from './options.ts';
import { UsageError } from '../errors.ts';

export async function benchInVm(_opts: BenchOptions, _runId: string, _io: BenchIo): Promise<number> {
  throw new UsageError('the built-in VM is not wired in yet; use --vm never');
}
