// The command line. Each command validates its input up front (exit 2, one line, nothing created)
// and returns an exit code; only --verbose shows stack traces.
import { Command, CommanderError, Option } from 'commander';
import { SCENARIOS, TOPOLOGIES } from '../../scenarios/index.ts';
import { SWEEP_AXES } from '../bench/axes.ts';
import { clean } from './clean.ts';
import { doctor, doctorExitCode, renderDoctor } from './doctor.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, StepError, UsageError } from '../core/errors.ts';
import { checkRunId } from '../core/naming.ts';
import { DEFAULT_RESULTS, PROJECT_ROOT } from '../core/paths.ts';
import { openVmShell } from '../vm/boot/shell.ts';
import { DEFAULT_WORKLOADS, WORKLOADS } from '../workloads/index.ts';
import { DEFAULT_WORKLOAD_PARAMS } from '../workloads/params.ts';
import { resolveBenchOptions, resolveGuestFlags, type RawBenchFlags } from './bench-options.ts';
import { DEFAULT_SCENARIOS, PRESETS } from '../bench/presets.ts';
import { resolveUserKernel } from '../vm/guest/user-kernel.ts';
import { runBench } from '../bench/run.ts';
import { presentRun } from './present.ts';
import { checkRoot } from '../bench/preflight.ts';
import { registerReportCommands } from './report.ts';
import { givenOptions } from './given.ts';
import { BIN, COMPILED } from '../core/paths.ts';
import { registerMergeCommand } from './merge.ts';
import { listLines } from './list.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

export function buildProgram(setExit: (code: number) => void, argv: string[], script: string): Command {
  const program = new Command('netkit-bench')
    .description('Measure container networking datapaths: host vs veth vs veth+BPF host routing vs netkit')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const bench = program
    .command('bench')
    .description('build each scenario, run the workloads, write results/<run-id>/results.{csv,json}')
    .option('--scenarios <list>', `comma-separated (${SCENARIOS.map((s) => s.name).join(',')}); default ${DEFAULT_SCENARIOS.join(',')}, --full all`)
    .option('--topology <list>', `where the pods sit, comma-separated (${Object.keys(TOPOLOGIES).join(',')}); each scenario is measured on each (default ${PRESETS.default.topologies.join(',')}, --quick ${PRESETS.quick.topologies.join(',')})`)
    .option('--sweep <axis=values>', `measure every scenario at each value of an axis (${SWEEP_AXES.map((a) => a.name).join(', ') || 'none yet'}), e.g. msg=1,1024; repeat for a grid; AXIS alone takes its preset values`, (v: string, acc: string[] = []) => [...acc, v])
    .option('--shard <K/N>', 'run the Kth of N deterministic shares of the matrix (parts: a build at one workload-scope point, dealt by expected cost); netkit-bench merge joins the N results into one run')
    .option('--vm-shards <n>', 'on the instruction clock: cut the matrix into n shards, each in its own VM, all at once, merged into this run (default 2; 1: one VM; the same figures on any host)')
    .option('--workloads <list>', `comma-separated (${WORKLOADS.map((w) => w.name).join(',')}); default ${DEFAULT_WORKLOADS.join(',')}`)
    .option('--duration <seconds>', 'seconds per measurement, after warmup (default 2, quick 1, full 10)')
    .option('--repeats <n>', 'repetitions of every measurement (default 5, quick 2, full 10)')
    .option('--min-repeats <n>', 'instruction clock: stop a workload after n repetitions once they agree (0.5% request/response, 2% streams), else run --repeats (default 3 of 5 on the instruction clock)')
    .option('--quick', 'short smoke run (CI, emulated VM)')
    .option('--full', 'every workload, 10 s x 10 repetitions')
    .option('--ip <version>', 'IP version of every workload: 4 or 6 (default 4); every scenario is dual-stack')
    .option('--streams <n>', `parallel streams of tcp_stream_multi (default ${DEFAULT_WORKLOAD_PARAMS.streams})`)
    .option('--rr-size <bytes>', `request and response size of tcp_rr and udp_rr (default ${DEFAULT_WORKLOAD_PARAMS.rrSizeBytes})`)
    .option('--crr-size <bytes>', `request and response size of tcp_crr (default ${DEFAULT_WORKLOAD_PARAMS.crrSizeBytes})`)
    .option('--udp-size <bytes>', `datagram payload of udp_stream (default ${DEFAULT_WORKLOAD_PARAMS.udpSizeBytes})`)
    .option('--udp-rate <rate>', `udp_stream offered load in bits/s (200M, 2G) or max (default ${DEFAULT_WORKLOAD_PARAMS.udpRate})`)
    .option('--rr-tool <tool>', `what measures tcp_rr: sockperf, netperf (TCP_RR, a cross-check) or probe (the built-in Node probe) (default ${DEFAULT_WORKLOAD_PARAMS.rrTool})`)
    .option('--crr-tool <tool>', `what measures tcp_crr: netperf (TCP_CRR) or probe (the built-in Node probe) (default ${DEFAULT_WORKLOAD_PARAMS.crrTool})`)
    .option('--work <spec>', 'fixed work per measurement instead of --duration, as netperf -l -N / iperf3 -n: default (rr=5000,crr=1000,stream=64M) or rr=N,crr=N,stream=SIZE; tcp_rr then uses netperf. The default on the instruction clock')
    .option('--max-loss-pct <pct>', 'opt-in limit: a measurement losing more datagrams/messages is invalid (default: none; loss is reported)')
    .option('--max-retransmit-pct <pct>', 'opt-in limit: a TCP measurement retransmitting more of its bytes is invalid (default: none; retransmits are reported)')
    .option('--out <dir>', 'results folder (a run writes <dir>/<run-id>/)', DEFAULT_RESULTS)
    .option('--dry-run', 'print every command it would run, change nothing')
    .option('--verbose', 'progress and full errors')
    .option('--no-report', 'skip report.html, the charts and summary.md at the end')
    .option('--inject-cost <iterations>', 'testing aid: a BPF tax burning this many bpf_loop iterations per packet on the server wire')
    .option('--ab-inject-cost <iterations>', 'testing aid, interleaved A/B: also measure every scenario as "<name>+tax" with that tax (0: an untaxed "<name>+copy", for A/A), alternating in each repetition (compare --interleaved <name>:<name>+tax)')
    .option('--cpus <cpus>', 'client and server CPUs: CLIENT,SERVER (e.g. 2,3, as iperf3 -A / netperf -T) or client=LIST,server=LIST (e.g. client=2-3,server=4-5; tcp_stream_multi uses the whole set); default: distinct physical cores from the affinity mask, not CPU 0 when there is a choice')
    .option('--no-isolate', 'do not run in private mount/PID namespaces (lets you inspect the run from another shell; `clean` is then the safety net)')
    .option('--allow-invalid', 'exit 0 even when some measurement is invalid or failed')
    .addOption(new Option('--vm <mode>', 'run in the built-in kernel VM: auto|always|never').default('auto'))
    .addOption(new Option('--clock <clock>', 'auto|instructions|host: instructions counts guest instructions (qemu TCG icount, the built-in VM); auto uses it under TCG').default('auto'))
    .addOption(new Option('--run-id <id>').hideHelp());
  addGuestOptions(bench)
    .action(async (flags: RawBenchFlags, command: Command) => {
      const opts = resolveBenchOptions(flags, givenOptions(command));
      setExit(await runBench(opts, { out, err, argv, script, present: presentRun }));
    });

  program
    .command('doctor')
    .description('what this kernel and machine can run, and why not')
    .option('--json', 'machine-readable')
    .action(async (flags: { json?: boolean }) => {
      checkRoot();
      const report = await doctor();
      out(flags.json ? JSON.stringify(report, null, 2) : renderDoctor(report));
      setExit(doctorExitCode(report));
    });

  program
    .command('list')
    .description('scenarios and workloads')
    .action(() => {
      for (const line of listLines(SCENARIOS, WORKLOADS)) out(line);
    });

  program
    .command('clean')
    .description('end processes in, then remove, the namespaces, devices and bpffs pins that runs whose owner is gone left behind (nkb- prefix only); a live run is left alone, with the reason')
    .option('--all', 'also what live runs hold (every nkb- name, as before owners were recorded)')
    .option('--run <ids>', 'only these runs (comma-separated run ids)')
    .action(async (flags: { all?: boolean; run?: string }) => {
      const runIds = flags.run === undefined ? undefined : flags.run.split(',').map((id) => checkRunId(id.trim()));
      checkRoot();
      const r = await clean({ all: flags.all === true, runIds });
      const lines = [
        ...r.processes.map((p) => `ended process ${p}`),
        ...r.pins.map((p) => `removed pin ${p}`),
        ...r.namespaces.map((n) => `removed namespace ${n}`),
        ...r.devices.map((d) => `removed device ${d}`),
        ...r.forgotten.map((f) => `removed the owner record of ${f}`),
        ...r.leftAlone.map((l) => `left alone ${l}`),
      ];
      out(lines.length ? lines.join('\n') : 'nothing to clean');
      for (const f of r.failures) err(`could not remove: ${f}`);
      setExit(r.failures.length ? EXIT_FAILED : EXIT_OK);
    });
  const vm = program.command('vm').description('the built-in kernel VM (Debian 6.12 with netkit, under qemu)');
  addGuestOptions(vm.command('shell')
    .description('boot the VM with a shell on this terminal, project tree at the same path (Ctrl-A x quits)'))
    .action(async (flags: RawGuestFlags) => {
      const guest = resolveGuestFlags(flags, 'always');
      const userKernel = guest.kernel ? await resolveUserKernel(guest.kernel) : undefined;
      checkRoot();
      setExit(await openVmShell({ cwd: PROJECT_ROOT, ...guest, userKernel }));
    });
  registerReportCommands(program, setExit);
  registerMergeCommand(program, setExit, argv);
  return program;
}

type RawGuestFlags = Parameters<typeof resolveGuestFlags>[0];

/** The VM guest's flags, the same for bench and vm shell. */
function addGuestOptions(command: Command): Command {
  return command
    .option('--kernel <path>', 'boot a kernel you built: a build tree (arch/x86/boot/bzImage, .config, modules) or a bzImage')
    .option('--kernel-config <file>', "that kernel's .config, when it is not beside the image")
    .option('--modules <dir>', "that kernel's modules: lib/modules/<release>, an INSTALL_MOD_PATH, or a build tree")
    .option('--vm-kernel <which>', "which of Debian's 6.12 kernels: cached (the newest in .cache/vm, else apt's newest; default), newest (apt's), or one: 6.12.117, 6.12.117+deb12-amd64, linux-image-...-unsigned[=VERSION] (what `history kernel` prints)")
    .option('--vm-cpus <n>', 'guest vCPUs (default: as many as the host has)')
    .option('--vm-memory <size>', 'guest memory, e.g. 4G or 2048M (default 4G)')
    .option('--vm-cmdline <params>', "kernel parameters appended to the guest's command line (e.g. mitigations=off)");
}

export async function main(argv: string[]): Promise<number> {
  // `netkit-bench bench --dry-run | head` closes stdout early; that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT_OK);
  });
  let code = EXIT_OK;
  // The script that starts this CLI, for the isolated re-run: the guest bundle's cli.mjs in the guest (no tsx there), else bin/.
  const script = COMPILED ? argv[1]! : BIN;
  const program = buildProgram((c) => (code = c), argv.slice(2), script);
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (e instanceof UsageError) {
      // One line, whatever a message quoted (a tool's output, a file's contents).
      err(`netkit-bench: ${e.message.replace(/\s*\n\s*/g, ' ')}`);
      return EXIT_USAGE;
    }
    err(`netkit-bench: ${e instanceof StepError ? e.message : String((e as Error)?.message ?? e)}`);
    if (verbose) console.error(e);
    return EXIT_FAILED;
  }
}
