// The report, compare, history and gate-power commands. harness/cli/main.ts calls
// registerReportCommands once; each action validates its flags up front (exit 2 on bad input).
import { Option, type Command } from 'commander';
import { runCompare } from '../compare/command.ts';
import { VARY_DIMENSIONS } from '../results/identity.ts';
import { collectMetrics, metricSelection, parseAlpha, parseThresholdPct } from '../compare/options.ts';
import { parseCount, parseList } from '../core/flags.ts';
import { runGatePower } from '../compare/power-command.ts';
import { DEFAULT_GATE } from '../compare/verdict.ts';
import { historyAdd, historyByKernel, historyList } from '../history/command.ts';
import { historyKernel, historyVms } from '../history/kernel.ts';
import { DEFAULT_HISTORY, readHistory } from '../history/store.ts';
import { UsageError } from '../core/errors.ts';

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

interface CompareFlags { threshold: string; alpha: string; adjust: string; interleaved?: string; metric?: string[]; againstHistory?: string; historyDir: string; force?: boolean; vary?: string; format: string; save?: string }
interface ReportFlags { format?: string; out?: string; historyDir?: string | boolean; history?: string | boolean; threshold: string; historyRuns: string }
/** The history folder's flags as given: --history-dir, and --dir, its hidden old spelling on history's subcommands. */
interface HistoryDirFlags { historyDir?: string; dir?: string }

/** --history-dir, the one spelling every command that reads or writes the history takes; --dir stays as a hidden alias. */
function withHistoryDir(command: Command): Command {
  return command.option('--history-dir <dir>', `history folder (default ${DEFAULT_HISTORY})`).addOption(new Option('--dir <dir>', 'old spelling of --history-dir').hideHelp());
}

function historyDirOf(f: HistoryDirFlags): string {
  if (f.historyDir !== undefined && f.dir !== undefined && f.historyDir !== f.dir) throw new UsageError('--dir is the old spelling of --history-dir: give one of them');
  return f.historyDir ?? f.dir ?? DEFAULT_HISTORY;
}

/** report's trend charts: --history-dir [dir], or the old --history [dir] (hidden); absent: no trend charts. */
function reportHistoryDir(f: ReportFlags): string | undefined {
  const given = f.historyDir ?? f.history;
  if (f.historyDir !== undefined && f.history !== undefined && f.historyDir !== f.history) throw new UsageError('--history is the old spelling of --history-dir: give one of them');
  return given === undefined ? undefined : typeof given === 'string' ? given : DEFAULT_HISTORY;
}

export function registerReportCommands(program: Command, setExit: (code: number) => void): void {
  program
    .command('report')
    .description('charts (SVG, PNG), a self-contained HTML report and a Markdown summary of a run, in <run-dir>/report/')
    .argument('<run-dir>', 'a run folder (results/<run-id>) or its results.json')
    .option('--format <list>', 'comma-separated: svg,png,html,md (default: all)')
    .option('--out <dir>', 'output folder (default: <run-dir>/report)')
    .option('--history-dir [dir]', `add a trend chart per metric from the history folder (default ${DEFAULT_HISTORY})`)
    .addOption(new Option('--history [dir]', 'old spelling of --history-dir').hideHelp())
    .option('--threshold <pct>', 'regression threshold drawn as the band of the trend charts', String(DEFAULT_GATE.thresholdPct))
    .option('--history-runs <n>', 'earlier runs whose median is the centre of the trend band', '7')
    .action(async (runDir: string, f: ReportFlags) => {
      const req = { runDir, format: f.format, out: f.out, historyDir: reportHistoryDir(f), thresholdPct: parseThresholdPct(f.threshold), baselineRuns: parseCount('--history-runs', f.historyRuns) };
      // Vega, resvg and fontkit take a second or two to load: only the report command pays for them.
      const { runReport } = await import('../report/command.ts');
      setExit(await runReport(req, out));
    });

  program
    .command('compare')
    .description('verdict per scenario, workload and metric: improved, regressed, unchanged or inconclusive; exit 1 if a gated (primary) metric regressed')
    .argument('[runs...]', '<baseline> <candidate> run folders, or one <candidate> with --against-history, or one run with --interleaved')
    .option('--threshold <pct>', 'smallest change that counts, in percent of the baseline (the change is the test\'s estimate)', String(DEFAULT_GATE.thresholdPct))
    .option('--alpha <p>', 'error rate of the gate over its gated rows (family-wise with holm, false discovery with bh); also the TOST level', String(DEFAULT_GATE.alpha))
    .option('--adjust <method>', 'family control over the gated rows: holm or bh', DEFAULT_GATE.adjust)
    .option('--interleaved <pairs>', 'one run, two of its scenarios compared paired by repetition: <baseline>:<candidate>[,...]')
    .option('--metric <names>', 'metrics to compare: names (comma-separated, repeatable), all, or headline (default: the headline metrics)', collectMetrics)
    .option('--against-history <n>', 'baseline: the last N complete, like-with-like runs in the history folder, one value (median) per run')
    .option('--history-dir <dir>', 'history folder', DEFAULT_HISTORY)
    .option('--vary <what>', `what differs on purpose and is under test: ${VARY_DIMENSIONS.join(', ')} (comma-separated); everything else must then match`)
    .option('--force', 'compare even when what was measured differs: kernel, CPU, where it ran, measuring tool major.minor, duration, sizes, rate, streams, inject-cost, clock, preset or a scenario definition')
    .option('--format <format>', 'text, md or json', 'text')
    .option('--save <file>', 'also write the comparison as JSON to this file')
    .action(async (runs: string[], f: CompareFlags) => {
      const req = {
        runs,
        againstHistory: f.againstHistory === undefined ? undefined : parseCount('--against-history', f.againstHistory),
        historyDir: f.historyDir,
        interleaved: f.interleaved,
        gate: { thresholdPct: parseThresholdPct(f.threshold), alpha: parseAlpha(f.alpha), adjust: parseList('--adjust', f.adjust, ['holm', 'bh'] as const)[0]! },
        metrics: metricSelection(f.metric),
        force: f.force === true,
        vary: f.vary === undefined ? [] : parseList('--vary', f.vary, VARY_DIMENSIONS),
        format: parseList('--format', f.format, ['text', 'md', 'json'] as const)[0]!,
        saveJson: f.save,
      };
      setExit(await runCompare(req, out, err));
    });

  const history = program.command('history').description('the record of earlier runs that compare --against-history and report --history read');
  withHistoryDir(history
    .command('add')
    .description('keep a compact record of a run (its samples and medians) in the history folder')
    .argument('<run-dir>', 'a run folder or its results.json'))
    .action(async (runDir: string, f: HistoryDirFlags) => setExit(await historyAdd(runDir, historyDirOf(f), out, err)));
  withHistoryDir(history
    .command('list')
    .description('the runs in the history folder, oldest first; --by kernel: per kernel build, each run\'s own figure')
    .option('--by <what>', 'group by: kernel (a trend across kernel builds)'))
    .action(async (f: HistoryDirFlags & { by?: string }) => {
      if (f.by !== undefined) parseList('--by', f.by, ['kernel'] as const);
      const dir = historyDirOf(f);
      setExit(await (f.by ? historyByKernel(dir, out) : historyList(dir, out)));
    });

  withHistoryDir(history
    .command('kernel')
    .description("the kernel the history's newest run booted: Debian's package as NAME=VERSION (bench --vm-kernel takes it), else the kernel build; nothing for an empty or missing history"))
    .action(async (f: HistoryDirFlags) => {
      const kernel = historyKernel(await readHistory(historyDirOf(f)));
      if (kernel) out(kernel);
      setExit(0);
    });

  withHistoryDir(history
    .command('vms')
    .description("how many VMs the history's newest run was cut into (bench --vm-shards takes it); nothing for an empty or missing history or a native run"))
    .action(async (f: HistoryDirFlags) => {
      const vms = historyVms(await readHistory(historyDirOf(f)));
      if (vms !== undefined) out(String(vms));
      setExit(0);
    });

  program
    .command('gate-power')
    .description('false-alarm and detection rates from the A/A and A/B comparisons saved by scripts/gate-power.sh')
    .argument('<dir>', 'folder of aa-*.json and ab-*.json (compare --save)')
    .option('--injected <label>', 'what the A/B candidates carried, e.g. "inject-cost 200"')
    .option('--json', 'machine-readable')
    .action(async (dir: string, f: { injected?: string; json?: boolean }) => setExit(await runGatePower(dir, f.injected, f.json === true, out)));
}
