// Prints the run-to-run table of two results folders (scripts/reproducibility.sh); exit 1 when a row misses its target.
import { reproducibilityRows, reproducibilityTable } from '../harness/clock/reproducibility.ts';
import { loadResults } from '../harness/results/load.ts';

const [first, second] = process.argv.slice(2);
if (!first || !second) {
  process.stderr.write('usage: reproducibility-table.ts RUN_DIR_1 RUN_DIR_2\n');
  process.exit(2);
}
const rows = reproducibilityRows(await loadResults(first), await loadResults(second));
process.stdout.write(`${reproducibilityTable(rows)}\n`);
const missed = rows.filter((r) => !r.within).length;
const held = rows.filter((r) => r.targetPct !== undefined).length;
process.stdout.write(`${held - missed} of ${held} rows within their targets${rows.length > held ? ` (${rows.length - held} p99 rows shown without one)` : ''}\n`);
process.exitCode = missed > 0 ? 1 : 0;
