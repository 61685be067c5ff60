// Points as keys and labels (model/point.ts says what a point is).
import { DEFAULT_POINT, type AxisValue, type Point } from '../model/point.ts';

/** A point, or some of its axes (the ones a label shows). */
type Axes = Readonly<Record<string, AxisValue>>;

/** Axis names in canonical order: topology first, the others by name. */
export function pointAxes(point: Axes): string[] {
  return ['topology', ...Object.keys(point).filter((k) => k !== 'topology').sort()];
}

/** The point as stable text, "topology=same-node,msg=1024": the pairing key, the same for equal points whatever their key order. */
export function pointKey(point: Point): string {
  return pointAxes(point).map((k) => `${k}=${point[k]}`).join(',');
}

/** A row's point; rows of files written before points existed are cross-node. */
export const pointOf = (row: { point?: Point }): Point => row.point ?? DEFAULT_POINT;

/**
 * Points in a reader's order: topology by its rank in `topologies` (the registry's order, cross-node
 * first), then each other axis by value, numbers ascending: the order a grid is asked for in.
 */
export function comparePoints(topologies: readonly string[]) {
  const rank = (t: string) => (topologies.includes(t) ? topologies.indexOf(t) : topologies.length);
  return (a: Point, b: Point): number => {
    const byTopology = rank(a.topology) - rank(b.topology) || a.topology.localeCompare(b.topology);
    if (byTopology) return byTopology;
    for (const axis of pointAxes(a).filter((x) => x !== 'topology')) {
      const [x, y] = [a[axis], b[axis]];
      const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
      if (d) return d;
    }
    return 0;
  };
}

/** The axes whose values differ among `points`: what a label must show to tell them apart. */
export function varyingAxes(points: readonly Point[]): string[] {
  const axes = [...new Set(points.flatMap(pointAxes))];
  return axes.filter((a) => new Set(points.map((p) => String(p[a] ?? ''))).size > 1);
}

/** "topology same-node, msg 1024": the point's values on `axes` (default: all it carries); '' for none. */
export function pointLabel(point: Axes, axes: readonly string[] = pointAxes(point)): string {
  return axes.filter((a) => point[a] !== undefined).map((a) => `${a} ${point[a]}`).join(', ');
}
