// SPDX-License-Identifier: GPL-2.0
/*
 * Pod egress -> wire for netkit pods: netkit/peer runs when the pod's own device transmits.
 * netkit only accepts programs through the primary (node-side) device, so it is attached there
 * with BPF_NETKIT_PEER. With the peer policy at blackhole (as Cilium sets it) a packet leaves the
 * pod only through this program's verdict: NETKIT_NEXT from the last program forwards it to the
 * primary like NETKIT_PASS does; the blackhole policy applies only while no program is attached.
 */
#include "pod_egress.h"

SEC("netkit/peer")
int pod_egress_netkit(struct __sk_buff *skb)
{
	return pod_egress(skb, NETKIT_NEXT);
}

char LICENSE[] SEC("license") = "GPL";
