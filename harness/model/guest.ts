// What a VM boot used, as results.json records it (harness/vm/boot/ fills it in).

export interface VcpuPlacement {
  vcpu: number;
  hostCpu: number;
  /** The qemu thread running this vCPU (set once applied). */
  threadId?: number;
}

/** Which kernel booted, as results record it. */
export interface GuestKernelRecord {
  origin: 'package' | 'user';
  release: string;
  /** The image file qemu was given (or unpacked from). */
  image: string;
  /** The kernel's .config and its sha256; absent when the config could not be read. */
  configPath?: string;
  configSha256?: string;
  /** Debian's package and version (origin 'package'). */
  package?: string;
}

/** What a boot used, as results record it (environment.vm). */
export interface GuestMachineRecord {
  kernel: GuestKernelRecord;
  cpus: number;
  memoryMiB: number;
  /** The whole -append line qemu was given. */
  cmdline: string;
  /** The user's own parameters (--vm-cmdline), empty when none. */
  userCmdline: string[];
  /** 'kernel default', or 'off' when asked for with --vm-cmdline mitigations=off. */
  mitigations: string;
  /** vCPU -> host CPU under KVM; absent under TCG (nothing to pin), with why in pinningNote. */
  vcpuPinning?: VcpuPlacement[];
  pinningNote?: string;
}
