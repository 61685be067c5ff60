// SPDX-License-Identifier: GPL-2.0
/*
 * Pod -> pod on one node for netkit pods: netkit/peer runs in netkit_xmit() of the sending pod's
 * device (attached through its primary) and sends IPv4 or IPv6 for the other pod out of that pod's
 * primary with bpf_redirect(): skb_do_redirect() drops a peer redirect outside tc ingress, and
 * the primary's netkit_xmit() puts the skb into the pod with __netif_rx(), the one backlog pass
 * (local_delivery.h). Everything else (the node's own address, other prefixes) gets NETKIT_NEXT,
 * which the last program's verdict turns into a pass to the primary.
 */
#include "local_delivery.h"

SEC("netkit/peer")
int pod_to_pod_netkit(struct __sk_buff *skb)
{
	count(NKB_CTR_SEEN);
	return local_delivery(skb, false, NETKIT_NEXT);
}

char LICENSE[] SEC("license") = "GPL";
