// Under KVM every vCPU is a qemu thread the host schedules anywhere, so a guest-side figure mixes
// in wherever those threads happened to run. Pinning vCPU i to one host CPU makes the placement a
// recorded fact. The thread ids come from QMP's query-cpus-fast; taskset sets each thread's
// affinity. Under TCG (no KVM) nothing is pinned: the vCPU threads are emulator threads.
import { execa } from 'execa';
import { connect } from 'node:net';
import type { VcpuPlacement } from '../../model/guest.ts';

/**
 * vCPU i runs on hostCpus[i], in order; with more vCPUs than host CPUs the list wraps round (two
 * vCPUs then share a host CPU, which the placement record shows). Pure.
 */
export function planVcpuPinning(vcpus: number, hostCpus: readonly number[]): VcpuPlacement[] {
  if (hostCpus.length === 0) throw new Error('no host CPU to pin vCPUs to');
  return Array.from({ length: vcpus }, (_, vcpu) => ({ vcpu, hostCpu: hostCpus[vcpu % hostCpus.length]! }));
}

/** vCPU index -> host thread id, from a QMP `query-cpus-fast` reply ({"return": [{"cpu-index", "thread-id"}]}). */
export function parseVcpuThreads(reply: unknown): Map<number, number> {
  const list = (reply as { return?: { 'cpu-index'?: number; 'thread-id'?: number }[] })?.return;
  if (!Array.isArray(list)) throw new Error('QMP query-cpus-fast: no return list');
  return new Map(list.filter((c) => Number.isInteger(c['cpu-index']) && Number.isInteger(c['thread-id'])).map((c) => [c['cpu-index']!, c['thread-id']!]));
}

/** Asks qemu's QMP socket for the vCPU threads, retrying while qemu is still creating it. */
export async function queryVcpuThreads(socketPath: string, timeoutMs = 10_000): Promise<Map<number, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return parseVcpuThreads(await qmp(socketPath, ['qmp_capabilities', 'query-cpus-fast']));
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Sends each command in turn and resolves with the last one's reply. */
function qmp(socketPath: string, commands: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let buffer = '';
    const pending = [...commands];
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
        buffer = buffer.slice(nl + 1);
        if ('event' in message) continue;
        if ('error' in message) return reject(new Error(`QMP: ${JSON.stringify(message.error)}`)), socket.destroy();
        if (!('QMP' in message) && pending.length === 0) return resolve(message), socket.end();
        socket.write(`${JSON.stringify({ execute: pending.shift() })}\n`);
      }
    });
  });
}

/** Pins each planned vCPU's thread (taskset -p); returns the placement with thread ids. */
export async function applyVcpuPinning(plan: readonly VcpuPlacement[], threads: ReadonlyMap<number, number>): Promise<VcpuPlacement[]> {
  const applied: VcpuPlacement[] = [];
  for (const p of plan) {
    const threadId = threads.get(p.vcpu);
    if (threadId === undefined) throw new Error(`qemu reported no thread for vCPU ${p.vcpu}`);
    await execa('taskset', ['-p', '-c', String(p.hostCpu), String(threadId)]);
    applied.push({ ...p, threadId });
  }
  return applied;
}
