// A scenario is plain data: the namespaces, links, addresses, routes and BPF programs of one
// datapath. Nodes and device roles are short names; harness/core/naming.ts turns them into the run's
// real names. Variants spread a base (scenarios/base.ts), as flent's test configs include and override.

export type Feature = 'veth' | 'netkit' | 'tcx' | 'tc';
/** tcx and netkit hooks attach links through nkb-loader; tc_ingress is classic tc (clsact + cls_bpf direct-action). */
export type Hook = 'tcx_ingress' | 'tcx_egress' | 'netkit_primary' | 'netkit_peer' | 'tc_ingress';

/** One end of a link: the namespace (node) it lives in and its role (the device's short name). */
export interface LinkEnd {
  node: string;
  role: string;
  /** Fixed MAC so BPF programs can be told it in advance; omit for netkit L3 (no L2 address). */
  mac?: string;
}

export interface VethLink {
  kind: 'veth';
  a: LinkEnd;
  b: LinkEnd;
}

export interface NetkitLink {
  kind: 'netkit';
  mode: 'l3' | 'l2';
  primary: LinkEnd & { policy: 'forward' | 'blackhole'; scrub: 'default' | 'none' };
  peer: LinkEnd & { policy: 'forward' | 'blackhole'; scrub: 'default' | 'none' };
}

export type LinkSpec = VethLink | NetkitLink;

export interface AddressSpec { node: string; role: string; cidr: string }
/** `to` is a prefix or `default`; family 6 marks an IPv6 default route (a prefix or `via` says it otherwise). */
export interface RouteSpec { node: string; to: string; via?: string; role?: string; onlink?: boolean; family?: 4 | 6 }
export interface NeighborSpec { node: string; role: string; address: string; mac: string }
export interface SysctlSpec { node: string; key: string; value: string }

/**
 * What every device of the scenario's links is set to after creation (`ip link set`, and the
 * device's own rp_filter sysctl), and what the read-back (harness/host/) must then find.
 * Sizes in bytes: GSO/GRO ceilings for IPv6 and, where the kernel has them (Linux 6.3+,
 * IFLA_GSO_IPV4_MAX_SIZE), for IPv4.
 */
export interface LinkSettings {
  mtu: number;
  gsoMaxSize: number;
  groMaxSize: number;
  gsoIpv4MaxSize: number;
  groIpv4MaxSize: number;
  rpFilter: 0 | 1 | 2;
}

export interface ProgramSpec {
  /** Unique within the scenario; names the bpffs pin folder and the row in BPF reports. */
  name: string;
  /** Object file under bpf/build without the .bpf.o suffix, and the program in it. */
  object: string;
  program: string;
  hook: Hook;
  node: string;
  /** The device it attaches to (for netkit hooks: the primary device). */
  role: string;
  /** `const volatile` tunables. A value `@role` is the ifindex of that device, resolved by the loader. */
  set: Record<string, string>;
  /** Attach in front of the hook's chain instead of at its end (tcx/netkit multi-program order). */
  first?: boolean;
}

/** A device by node and role; role `lo` is the namespace's own loopback device (core/naming.ts LOOPBACK). */
export interface DeviceRef { node: string; role: string }

/**
 * Where the receive-path tracers count packets: the device at which each packet from client to
 * server (`request`) and from server to client (`response`) starts exactly one receive pass
 * (net:netif_receive_skb). Cross-node: the wire's ends; same-node: a device of the pods' path
 * (bpf_redirect_peer's second round runs without a new pass, so it cannot be the target's end).
 * Also where `--inject-cost` puts its tax: at `request`.
 */
export interface PacketDevices { request: DeviceRef; response: DeviceRef }

export interface Scenario {
  name: string;
  /** The topology it is built on (model/point.ts): cross-node, same-node, ...; a scenario name may exist on several. */
  topology: string;
  description: string;
  requires: Feature[];
  nodes: string[];
  links: LinkSpec[];
  linkSettings: LinkSettings;
  addresses: AddressSpec[];
  neighbors: NeighborSpec[];
  routes: RouteSpec[];
  sysctls: SysctlSpec[];
  programs: ProgramSpec[];
  /** Where the workload's client and server run, and the addresses (IPv4, IPv6) the client targets. */
  client: { node: string };
  server: { node: string; address: string; address6: string };
  packetDevices: PacketDevices;
  /**
   * Backlog passes (enqueue_to_backlog, via __netif_rx/netif_rx) per packet the kernel source
   * predicts for this datapath; the receive-path tracers must count exactly this (docs/same-node.md,
   * harness/accounting/receive-path.ts). Holds while veth runs without NAPI (no XDP, GRO off).
   */
  predictedBacklogPassesPerPacket: number;
  /** Free-form facts recorded with the results (e.g. netkit mode). */
  details: Record<string, string>;
}
