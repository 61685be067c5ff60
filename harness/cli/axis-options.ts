// --topology and --sweep: the run's grid of points (harness/bench/axes.ts), checked once.
import { axisNamed } from '../bench/axes.ts';
import { UsageError, quote } from '../core/errors.ts';
import { parseList } from '../core/flags.ts';
import { CROSS_NODE, type AxisValue } from '../model/point.ts';
import { TOPOLOGIES } from '../../scenarios/index.ts';

/** --topology a,b: known topology names, in the order given; without it, the preset's (`preset`, default cross-node). */
export function parseTopologies(value: string | undefined, preset: readonly string[] = [CROSS_NODE]): string[] {
  return value === undefined ? [...preset] : parseList('--topology', value, Object.keys(TOPOLOGIES), 'topology');
}

/**
 * Each `--sweep AXIS=V1,V2` (or `--sweep AXIS`: the axis's preset values) as axis -> values, in
 * the order given. One line, exit 2, for an unknown axis, a bad or repeated value, or an axis given twice.
 */
export function parseSweep(flags: readonly string[]): Record<string, AxisValue[]> {
  const out: Record<string, AxisValue[]> = {};
  for (const flag of flags) {
    const [name = '', list] = flag.split(/=(.*)/s, 2);
    if (name === 'topology') throw new UsageError('--sweep topology: use --topology LIST');
    const axis = axisNamed(name.trim());
    if (axis.name in out) throw new UsageError(`--sweep ${axis.name} is given twice`);
    const values = list === undefined ? [...(axis.presets ?? [])] : list.split(',').map((v) => v.trim()).filter(Boolean).map((v) => axis.parse(v));
    if (values.length === 0) throw new UsageError(`--sweep ${quote(flag)} names no value (${axis.name}: ${axis.doc})`);
    if (new Set(values.map(String)).size !== values.length) throw new UsageError(`--sweep ${quote(flag)} repeats a value`);
    out[axis.name] = values;
  }
  return out;
}

/**
 * The sweep, once every selected workload is one its axes act on (Axis.workloads): a workload an
 * axis does not act on would carry the axis's values on figures that never saw them. One line, exit 2.
 */
export function checkSweepWorkloads(sweep: Record<string, AxisValue[]>, workloads: readonly string[]): Record<string, AxisValue[]> {
  for (const name of Object.keys(sweep)) {
    const only = axisNamed(name).workloads;
    const other = only ? workloads.filter((w) => !only.includes(w)) : [];
    if (other.length > 0) throw new UsageError(`--sweep ${name} does not act on ${other.join(', ')} (only on ${only!.join(', ')}): choose those with --workloads`);
  }
  return sweep;
}
