// Where a measurement sits on the run's axes. Every measurement and summary row carries one: its
// topology always, and the value of every swept axis (message size, flows, MTU, GSO) when the run
// sweeps any. An axis is data: no code path looks at a point's values by name except the axis that
// defines them (harness/bench/axes.ts), and rows pair across runs by scenario, workload, metric and
// point (core/point.ts pointKey).

/** An axis value: a topology's name, or a number in the axis's unit (bytes, flows). */
export type AxisValue = string | number;

/** { topology: 'cross-node' } or { topology: 'same-node', msg: 1024 }. */
export type Point = { topology: string } & { [axis: string]: AxisValue };

/** The topology of every row written before topologies were an axis (results version 1): a client pod and a server pod on two nodes. */
export const CROSS_NODE = 'cross-node';

export const DEFAULT_POINT: Point = { topology: CROSS_NODE };
