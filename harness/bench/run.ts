// `netkit-bench bench`: validate, then run natively or in the built-in kernel VM. SIGINT and
// SIGTERM abort the run; teardown still runs and the results measured so far are kept. A second
// signal exits at once.
import { withOption } from './argv.ts';
import { TOPOLOGIES } from '../../scenarios/index.ts';
import { detectCapabilities, whyNotRunnable } from '../host/capabilities.ts';
import { newRunId } from '../core/naming.ts';
import type { Where } from '../model/results.ts';
import { WORKLOADS } from '../workloads/index.ts';
import { dryRunLines } from './dry-run.ts';
import { benchNative } from './local.ts';
import type { BenchIo, BenchOptions } from './options.ts';
import { checkRoot, checkTools } from './preflight.ts';
import { createWritableFolder } from '../core/folder.ts';
import { benchInVm } from './vm.ts';
import { resolveUserKernel, type UserKernel } from '../vm/guest/user-kernel.ts';
import { enterIsolation, isIsolated, runIsolated } from './isolate.ts';
import { busyInnerHook } from './test-hooks.ts';
import { claimRun } from '../host/run-owner.ts';
import { machinePlacement } from '../cpu/machine.ts';

/** The caller's side of a run: output lines, its argv, and how the end of a run is shown (cli/present.ts). */
export type CliIo = Omit<BenchIo, 'signal'>;

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function runBench(opts: BenchOptions, io: CliIo): Promise<number> {
  const runId = opts.runId ?? newRunId();
  // A kernel of the user's is checked before anything else: a missing option is a usage error, not a boot.
  const userKernel = opts.guest.kernel ? await resolveUserKernel(opts.guest.kernel) : undefined;
  if (opts.dryRun) {
    // --cpus is checked as a run on this machine checks it (one line, exit 2), so a dry run that passes is a command that starts;
    // in the VM (--vm always) the guest checks its own CPUs, as a real run does.
    if (opts.cpus && opts.vm !== 'always') await machinePlacement(opts.cpus);
    for (const line of dryRunLines(opts, runId)) io.out(line);
    return 0;
  }
  checkRoot();
  // Created for real, first: a folder that cannot be made is one line now, not a hang later.
  await createWritableFolder(opts.outDir, 'output folder');
  const scenarios = selectedScenarios(opts);
  await checkTools(scenarios, WORKLOADS.filter((w) => opts.workloads.includes(w.name)), opts.params);
  // A --cpus this machine cannot meet is a usage error before anything starts (in a VM the guest checks its own CPUs).
  if (opts.vm === 'never' && opts.cpus) await machinePlacement(opts.cpus);
  // The run's owner, for `clean` (run-owner.ts): the first process, which lives as long as the run.
  // An isolated run's inner process and the guest's run are owned by the process that started them.
  const release = isIsolated() || process.env.NKB_IN_VM === '1' ? async () => undefined : await claimRun(runId, io.argv.join(' '));
  try {
    return opts.isolate && !isIsolated() ? await runIsolated(io.script, withOption(io.argv, '--run-id', runId)) : await runHere(opts, runId, io, userKernel);
  } finally {
    await release();
  }
}

async function runHere(opts: BenchOptions, runId: string, io: CliIo, userKernel: UserKernel | undefined): Promise<number> {
  const controller = new AbortController();
  let received: string | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    if (received) process.exit(SIGNAL_EXIT[sig] ?? 1);
    received = sig;
    io.err(`netkit-bench: ${sig}: stopping, tearing down (send it again to exit at once)`);
    controller.abort(new Error(sig));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    if (isIsolated()) await enterIsolation(controller);
    if (isIsolated()) busyInnerHook(io.err);
    const useVm = opts.vm === 'always' || (opts.vm === 'auto' && (opts.clock === 'instructions' || (await needsVm(opts, runId))));
    const benchIo = { ...io, signal: controller.signal };
    const code = useVm ? await benchInVm(opts, runId, benchIo, userKernel) : await benchNative(opts, runId, whereFromEnv(), benchIo);
    return received ? (SIGNAL_EXIT[received] ?? 1) : code;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The scenarios a run asks for, on every topology it asks for. */
const selectedScenarios = (opts: BenchOptions) => opts.topologies.flatMap((t) => (TOPOLOGIES[t] ?? []).filter((s) => opts.scenarios.includes(s.name)));

async function needsVm(opts: BenchOptions, runId: string): Promise<boolean> {
  const caps = await detectCapabilities(runId);
  return selectedScenarios(opts).some((s) => whyNotRunnable(s, caps) !== undefined);
}

/** Inside the built-in VM the host tells the guest where it runs (harness/bench/vm.ts). */
function whereFromEnv(): Where {
  const w = process.env.NKB_WHERE;
  return w === 'vm-kvm' || w === 'vm-tcg' ? w : 'native';
}
