// `netkit-bench doctor`: what this machine can run, and why not.
import { SCENARIOS } from '../../scenarios/index.ts';
import { detectCapabilities, whyNotRunnable, type Capabilities } from '../host/capabilities.ts';
import { toolVersions } from '../host/environment.ts';
import { requirementNote } from '../workloads/tool-requirements.ts';
import { newRunId } from '../core/naming.ts';
import { BPFFS } from '../core/paths.ts';
import { isBpffsMounted, kernelRelease, readSysctl } from '../host/system.ts';
import { access } from 'node:fs/promises';
import { vmAvailability, type VmAvailability } from '../vm/boot/availability.ts';

export interface DoctorReport {
  kernelRelease: string;
  features: Capabilities;
  btf: boolean;
  bpffsMounted: boolean;
  bpfStatsEnabled: string;
  tools: Record<string, string>;
  scenarios: { name: string; runnable: boolean; reason?: string }[];
  vm: VmAvailability;
}

export async function doctor(): Promise<DoctorReport> {
  const features = await detectCapabilities(newRunId());
  return {
    kernelRelease: await kernelRelease(),
    features,
    btf: await access('/sys/kernel/btf/vmlinux').then(() => true, () => false),
    bpffsMounted: await isBpffsMounted(BPFFS),
    bpfStatsEnabled: await readSysctl('kernel.bpf_stats_enabled').catch(() => 'unavailable'),
    tools: await toolVersions(),
    scenarios: SCENARIOS.map((s) => {
      const reason = whyNotRunnable(s, features);
      return reason ? { name: s.name, runnable: false, reason } : { name: s.name, runnable: true };
    }),
    vm: await vmAvailability(),
  };
}

export function renderDoctor(r: DoctorReport): string {
  const yes = (ok: boolean) => (ok ? 'yes' : 'no');
  const lines = [
    `kernel        ${r.kernelRelease}`,
    ...Object.entries(r.features).map(([f, s]) => `${f.padEnd(13)} ${s.ok ? 'yes' : `no: ${s.reason}`}`),
    `BTF           ${yes(r.btf)}`,
    `bpffs         ${r.bpffsMounted ? `mounted at ${BPFFS}` : 'not mounted (a run mounts it and unmounts it after)'}`,
    `bpf_stats     kernel.bpf_stats_enabled=${r.bpfStatsEnabled} (left as it is: a run holds statistics on with BPF_ENABLE_STATS instead)`,
    ...Object.entries(r.tools).map(([t, v]) => `${t.padEnd(13)} ${v}${requirementNote(t, v)}`),
    'scenarios:',
    ...r.scenarios.map((s) => `  ${s.name.padEnd(11)} ${s.runnable ? 'runs here' : `cannot run natively: ${s.reason}${r.vm.ok ? '; runs in the built-in VM' : ''}`}`),
    `built-in VM   ${r.vm.ok ? `can run (${r.vm.accel.toUpperCase()}${r.vm.accel === 'tcg' ? ', emulated: compare ratios only' : ''})` : `cannot run: ${r.vm.reason}`}`,
    ...[r.vm.qemuVersion, r.vm.kernelPackage, ...r.vm.notes].filter(Boolean).map((n) => `              ${n}`),
  ];
  return lines.join('\n');
}

/** Exit 0 when at least the host and veth baselines can run. */
export function doctorExitCode(r: DoctorReport): number {
  return ['host', 'veth'].every((n) => r.scenarios.find((s) => s.name === n)?.runnable) ? 0 : 1;
}
