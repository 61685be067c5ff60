// SPDX-License-Identifier: GPL-2.0
/*
 * Wire ingress -> pod, the receive half of BPF host routing: IPv4 or IPv6 for the local pod skips the
 * node's IP stack and goes straight into the pod's namespace with bpf_redirect_peer(), which
 * switches the skb to the peer of the node-side pod device (veth or netkit) and re-runs the
 * receive path there, without a second trip through the per-CPU backlog queue (local_delivery.h).
 */
#include "local_delivery.h"
#include "wire_tax.h"

SEC("tcx/ingress")
int wire_ingress(struct __sk_buff *skb)
{
	count(NKB_CTR_SEEN);
	wire_tax(pod_addr); /* NKB_BPF_TAX, for testing the gate: nothing unless built with it */
	return local_delivery(skb, true, TCX_NEXT);
}

char LICENSE[] SEC("license") = "GPL";
