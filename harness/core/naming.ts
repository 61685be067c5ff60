// The naming scheme, in one place, so `netkit-bench clean` can rely on it (as Mininet's `mn -c`
// relies on `<node>-eth<N>`):
//
//   run id      6 characters [a-z0-9], random per run
//   prefix      nkb-<run id>-                      (11 characters)
//   namespace   nkb-<run id>-<node>                e.g. nkb-k3f9a2-node0, nkb-k3f9a2-pod1
//   device      nkb-<run id>-<role>, role <= 4     e.g. nkb-k3f9a2-w0 (wire), -h0 (node side of pod0's
//               link), -c0 (pod0's own end); at most 15 characters (IFNAMSIZ - 1); role `lo` is
//               the namespace's own loopback device, named `lo` (every namespace has one)
//   bpffs pins  <bpffs>/nkb-<run id>/<program>/{link,prog,counters}
//   results     results/<run id>/
//
// Devices are only ever created inside the run's namespaces, never in the root namespace.
import { randomBytes } from 'node:crypto';
import { UsageError, quote } from './errors.ts';

export const NAME_PREFIX = 'nkb-';
export const IFNAMSIZ_MAX = 15;
const RUN_ID = /^[a-z0-9]{6}$/;

export function newRunId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function checkRunId(runId: string): string {
  if (!RUN_ID.test(runId)) throw new UsageError(`run id ${quote(runId)} must be 6 characters of [a-z0-9]`);
  return runId;
}

export function runPrefix(runId: string): string {
  return `${NAME_PREFIX}${runId}-`;
}

export function namespaceName(runId: string, node: string): string {
  return `${runPrefix(runId)}${node}`;
}

/** The role naming a namespace's loopback device, which exists in every namespace and is never ours to create. */
export const LOOPBACK = 'lo';

export function deviceName(runId: string, role: string): string {
  if (role === LOOPBACK) return LOOPBACK;
  const name = `${runPrefix(runId)}${role}`;
  if (name.length > IFNAMSIZ_MAX) throw new Error(`device name ${quote(name)} is longer than ${IFNAMSIZ_MAX}`);
  return name;
}

export function pinDir(bpffs: string, runId: string, program?: string): string {
  const base = `${bpffs}/${NAME_PREFIX}${runId}`;
  return program ? `${base}/${program}` : base;
}

/** The run id inside any name of ours, or undefined for a name that is not netkit-bench's. */
export function runIdOf(name: string): string | undefined {
  const m = /^nkb-([a-z0-9]{6})(?:-|$)/.exec(name);
  return m?.[1];
}
