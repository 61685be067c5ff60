// Manual driver: boot the guest, run one command, print exit code and boot time.
//   node --import tsx scripts/vm/try.ts [--share DIR] [--cwd DIR] [--timeout S] -- uname -r
import { Command } from 'commander';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runInVm } from '../../harness/vm/boot/qemu.ts';

const program = new Command()
  .name('vm-try')
  .argument('<argv...>', 'command to run in the guest (put it after --)')
  .option('--share <dir>', 'writable host folder mounted at the same path in the guest', '/tmp/nkb-vm-try')
  .option('--cwd <dir>', 'working directory in the guest', process.cwd())
  .option('--console <file>', 'serial console log (default: <share>/console.log)')
  .option('--timeout <seconds>', 'kill the guest after this long', '120')
  .option('--cpus <n>', 'guest vCPUs (default: host cores)')
  .option('--memory <MiB>', 'guest memory', '4096')
  .parse();

const opts = program.opts<{ share: string; cwd: string; console?: string; timeout: string; cpus?: string; memory: string }>();
const share = path.resolve(opts.share);
await mkdir(share, { recursive: true });
const consoleLogPath = opts.console ?? path.join(share, 'console.log');
const abort = new AbortController();
process.once('SIGINT', () => abort.abort(new Error('SIGINT')));
process.once('SIGTERM', () => abort.abort(new Error('SIGTERM')));

try {
  const result = await runInVm({
    argv: program.args,
    cwd: path.resolve(opts.cwd),
    shareDir: share,
    consoleLogPath,
    timeoutMs: Number(opts.timeout) * 1000,
    cpus: opts.cpus ? Number(opts.cpus) : undefined,
    memoryMiB: Number(opts.memory),
    signal: abort.signal,
  });
  console.log(
    `exit code ${result.exitCode}; boot ${result.bootMs} ms (${result.accel}); kernel ${result.kernelRelease}; console ${consoleLogPath}`,
  );
  process.exitCode = result.exitCode;
} catch (error) {
  console.error(`vm-try: ${(error as Error).message}`);
  process.exitCode = 1;
}
