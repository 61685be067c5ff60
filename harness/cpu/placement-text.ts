// The run header's account of where things ran: client and server CPUs (sets when there are
// several), how they were chosen, and where the harness's own process was.
import type { RunOptions } from '../model/results.ts';
import { formatCpuList } from '../core/cpu-list.ts';

export function placementText(options: Pick<RunOptions, 'clientCpu' | 'serverCpu' | 'placement'>): string {
  const p = options.placement;
  if (!p) return `client CPU ${options.clientCpu}, server CPU ${options.serverCpu}`;
  const side = (name: string, cpus: number[]) => `${name} CPU${cpus.length > 1 ? 's' : ''} ${formatCpuList(cpus)}`;
  const harness = p.harness.length > 0 && p.harnessConfined !== false ? `harness on ${formatCpuList(p.harness)}` : 'harness shares them';
  return `${side('client', p.client)}, ${side('server', p.server)} (${p.source === 'auto' ? `chosen from mask ${formatCpuList(p.allowed)}` : '--cpus'}; ${harness})`;
}
