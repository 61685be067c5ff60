// The run's axes, as data: every axis a matrix point can carry, what its values mean, and what a
// value changes. An axis of scope "build" changes what is built (the matrix builds each scenario
// once per distinct combination of build-scope values); one of scope "workload" changes only what
// the workloads are asked to do within a build. Nothing else in the harness reads a point's values
// by axis name: a new axis is a new entry here.
import { UsageError, quote } from '../core/errors.ts';
import { pointKey } from '../core/point.ts';
import { CROSS_NODE, type AxisValue, type Point } from '../model/point.ts';
import type { WorkloadParams } from '../model/workload-params.ts';
import type { Scenario } from '../scenario/types.ts';
import { TOPOLOGIES } from '../../scenarios/index.ts';
import { benchScenarios } from '../../scenarios/inject-cost.ts';
import { withLinkOverride } from '../scenario/link-override.ts';
import { AXIS_EFFECTS, parseAxisValue, type SweptAxis } from './axis-effects.ts';

export interface Axis {
  name: string;
  scope: 'build' | 'workload';
  /** One line for --help and docs. */
  doc: string;
  /** The values `--sweep NAME` alone takes. */
  presets?: readonly AxisValue[];
  /** One value as typed; throws UsageError naming the axis and the value. */
  parse(text: string): AxisValue;
  /** Build scope: the scenario to build at this value, or undefined when the scenario does not exist there (not measured, not a skip). */
  build?(scenario: Scenario, value: AxisValue): Scenario | undefined;
  /** Workload scope: the workload parameters at this value (given params as the run set them). */
  params?(params: Partial<WorkloadParams>, value: AxisValue): Partial<WorkloadParams>;
  /** The workloads a value acts on; absent: every workload. Another workload swept on it would be mislabelled, so bench refuses it. */
  workloads?: readonly string[];
  /** Values span decades: charts put them on a log scale. */
  logScale?: boolean;
  /** Workload scope: a value's guest work relative to the axis's others (shards are dealt by it); absent: alike. */
  relativeCost?(value: AxisValue): number;
}

const topology: Axis = {
  name: 'topology',
  scope: 'build',
  doc: `where client and server pods sit (${Object.keys(TOPOLOGIES).join(', ')})`,
  presets: [CROSS_NODE],
  parse(text) {
    if (text in TOPOLOGIES) return text;
    throw new UsageError(`topology ${quote(text)} is not one of ${Object.keys(TOPOLOGIES).join(', ')}`);
  },
  // Each topology has its own scenario objects (scenarios/index.ts); a scenario is built on its own.
  build: (scenario, value) => (scenario.topology === value ? scenario : undefined),
};

/** A swept axis from what its values do (axis-effects.ts): devices through a scenario variant, or workload parameters. */
function swept(name: SweptAxis): Axis {
  const e = AXIS_EFFECTS[name];
  const { link, params, relativeCost } = e;
  return {
    name, scope: e.scope, doc: e.doc, presets: e.preset, logScale: e.logScale, workloads: e.workloads,
    parse: (text) => parseAxisValue(name, text),
    ...(link ? { build: (scenario: Scenario, value: AxisValue) => withLinkOverride(scenario, link(Number(value))) } : {}),
    ...(params ? { params: (p: Partial<WorkloadParams>, value: AxisValue) => ({ ...p, ...params(Number(value)) }) } : {}),
    ...(relativeCost ? { relativeCost: (value: AxisValue) => relativeCost(Number(value)) } : {}),
  };
}

export const AXES: readonly Axis[] = [topology, ...(['msg', 'flows', 'mtu', 'gso'] as const).map(swept)];

/** The axes --sweep takes: every axis but topology, which has its own flag (--topology). */
export const SWEEP_AXES = AXES.filter((a) => a.name !== 'topology');

export function axisNamed(name: string): Axis {
  const axis = AXES.find((a) => a.name === name);
  if (!axis) throw new UsageError(`--sweep: unknown axis ${quote(name)} (known: ${SWEEP_AXES.map((a) => a.name).join(', ')})`);
  return axis;
}

/**
 * Every point of the grid: each topology crossed with each value of each swept axis, in the order
 * given (topology outermost). Throws UsageError for an axis given twice.
 */
export function gridPoints(topologies: readonly string[], sweep: Readonly<Record<string, readonly AxisValue[]>>): Point[] {
  let points: Point[] = topologies.map((t) => ({ topology: t }));
  for (const [name, values] of Object.entries(sweep)) {
    if (name === 'topology') throw new UsageError('--sweep topology: use --topology');
    points = points.flatMap((p) => values.map((v) => ({ ...p, [name]: v })));
  }
  return points;
}

/** The point's values on the axes of one scope, as a point of its own (the key of a build, or of what changes within one). */
export function scopeOf(point: Point, scope: Axis['scope']): Point {
  const kept = Object.entries(point).filter(([k]) => axisNamed(k).scope === scope);
  return Object.fromEntries(kept) as Point;
}

/** One build: the scenario as built, and the points measured in it (they differ only in workload-scope axes). */
export interface BuildUnit { scenario: Scenario; points: Point[] }

/**
 * A point's expected guest work relative to a point with nothing swept: the product of its
 * workload-scope values' relativeCost (axis-effects.ts). Shards are dealt by it and the progress
 * line weighs its estimate by it.
 */
export const pointCost = (p: Point): number => Object.entries(scopeOf(p, 'workload')).reduce((c, [axis, v]) => c * (axisNamed(axis).relativeCost?.(v) ?? 1), 1);

/** The scenarios a run asks for, each topology's own objects, with --inject-cost or --ab-inject-cost variants (scenarios/inject-cost.ts). */
export const selectedScenarios = (opts: { topologies: readonly string[]; scenarios: readonly string[]; injectCost: number; abInjectCost?: number }): Scenario[] =>
  opts.topologies.flatMap((t) => benchScenarios(TOPOLOGIES[t] ?? [], opts.scenarios, opts.injectCost, opts.abInjectCost));

/** Every build of the run: each scenario at each group of points it exists at, scenario order first. */
export function buildUnits(scenarios: readonly Scenario[], points: readonly Point[]): BuildUnit[] {
  const groups = buildGroups(points);
  return scenarios.flatMap((s) => groups.flatMap((g) => {
    const built = scenarioAt(s, g[0]!);
    return built ? [{ scenario: built, points: g }] : [];
  }));
}

/** The scenario to build for `point`: each build-scope axis applied in turn; undefined when the scenario does not exist at it. */
export function scenarioAt(scenario: Scenario, point: Point): Scenario | undefined {
  let s: Scenario | undefined = scenario;
  for (const [name, value] of Object.entries(scopeOf(point, 'build'))) {
    const axis = axisNamed(name);
    s = s && axis.build ? axis.build(s, value) : s;
  }
  return s;
}

/** The workload parameters at `point`: each workload-scope axis applied in turn. */
export function paramsAt(params: Partial<WorkloadParams>, point: Point): Partial<WorkloadParams> {
  return Object.entries(point).reduce((p, [name, value]) => axisNamed(name).params?.(p, value) ?? p, params);
}

/** Points grouped by their build-scope values, in first-appearance order: one build each. */
export function buildGroups(points: readonly Point[]): Point[][] {
  const groups = new Map<string, Point[]>();
  for (const p of points) {
    const k = pointKey(scopeOf(p, 'build'));
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  return [...groups.values()];
}
