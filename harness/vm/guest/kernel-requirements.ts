// What a guest kernel must be built with for a bench run, checked against its .config before
// booting: a kernel that lacks one of these would boot (slowly, under TCG) only to fail later with
// a far less clear message.
import { UsageError } from '../../core/errors.ts';
import { pickConfig } from '../../host/kernel-config.ts';

export interface KernelRequirement {
  option: string;
  /** Why the run needs it (said in the error). */
  why: string;
  /** The module that provides it when the option is =m; absent: must be built in (a bool). */
  module?: string;
}

/** netkit and tcx are bools in Kconfig; the rest may be modules if their .ko files are present. */
export const KERNEL_REQUIREMENTS: readonly KernelRequirement[] = [
  { option: 'CONFIG_BPF_SYSCALL', why: 'BPF programs' },
  { option: 'CONFIG_DEBUG_INFO_BTF', why: 'CO-RE BPF objects need the kernel BTF' },
  { option: 'CONFIG_NET_XGRESS', why: 'tcx attachment' },
  { option: 'CONFIG_NETKIT', why: 'the netkit scenarios' },
  { option: 'CONFIG_VETH', why: 'the veth scenarios', module: 'veth' },
  { option: 'CONFIG_NET_SCH_INGRESS', why: 'the clsact qdisc of the veth-tc scenario', module: 'sch_ingress' },
  { option: 'CONFIG_NET_CLS_BPF', why: 'the classic tc BPF filter of the veth-tc scenario', module: 'cls_bpf' },
  { option: 'CONFIG_NET_9P', why: '9p transport (the host tree in the guest)', module: '9pnet' },
  { option: 'CONFIG_NET_9P_VIRTIO', why: '9p over virtio (the host tree in the guest)', module: '9pnet_virtio' },
  { option: 'CONFIG_9P_FS', why: 'the 9p file system (the host tree in the guest)', module: '9p' },
  { option: 'CONFIG_VIRTIO_PCI', why: 'virtio devices on qemu\'s PCI bus', module: 'virtio_pci' },
  { option: 'CONFIG_OVERLAY_FS', why: 'the guest\'s writable root over the host tree', module: 'overlay' },
  { option: 'CONFIG_BLK_DEV_INITRD', why: 'the guest initramfs' },
  { option: 'CONFIG_DEVTMPFS', why: 'the guest /dev' },
];

export interface RequirementCheck {
  /** One entry per unmet requirement, e.g. "CONFIG_NETKIT is not set (needed for: the netkit scenarios)". */
  missing: string[];
  /** Modules to insmod in the guest, in the order of KERNEL_REQUIREMENTS (dependencies resolved later). */
  modules: string[];
}

/**
 * Checks a kernel .config against KERNEL_REQUIREMENTS. `availableModules` holds the module names
 * (dashes as underscores) found in the kernel's modules folder; an option set to =m is met only
 * when its module is there. Pure: reads nothing.
 */
export function checkKernelRequirements(configText: string, availableModules: ReadonlySet<string>): RequirementCheck {
  const values = pickConfig(configText, KERNEL_REQUIREMENTS.map((r) => r.option));
  const missing: string[] = [];
  const modules: string[] = [];
  for (const r of KERNEL_REQUIREMENTS) {
    const value = values[r.option];
    if (value === 'y') continue;
    if (value === 'm' && r.module && availableModules.has(r.module)) modules.push(r.module);
    else if (value === 'm' && r.module) missing.push(`${r.option}=m but module ${r.module} is not in the modules folder (needed for: ${r.why})`);
    else if (value === 'm') missing.push(`${r.option}=m must be =y (needed for: ${r.why})`);
    else missing.push(`${r.option} is ${value === undefined || value === 'n' ? 'not set' : `=${value}`} (needed for: ${r.why})`);
  }
  return { missing, modules };
}

/** The check as a usage error: one line naming the first unmet option (and how many more). */
export function requireKernelOptions(configText: string, availableModules: ReadonlySet<string>, configPath: string): string[] {
  const { missing, modules } = checkKernelRequirements(configText, availableModules);
  if (missing.length > 0) {
    const more = missing.length > 1 ? `; ${missing.length - 1} more: ${missing.slice(1).map((m) => m.split(' ')[0]).join(', ')}` : '';
    throw new UsageError(`kernel config ${configPath}: ${missing[0]}${more}`);
  }
  return modules;
}
