// SPDX-License-Identifier: GPL-2.0
/*
 * Pod -> pod on one node for veth pods, as Cilium's BPF host routing does it: tcx ingress on the
 * sending pod's host-side veth hands IPv4 or IPv6 for the other pod straight into that pod with
 * bpf_redirect_peer() (local_delivery.h), in the receive pass veth_xmit()'s backlog enqueue
 * started: one backlog pass per packet instead of the node forwarding's two.
 */
#include "local_delivery.h"

SEC("tcx/ingress")
int pod_to_pod_tcx(struct __sk_buff *skb)
{
	count(NKB_CTR_SEEN);
	return local_delivery(skb, true, TCX_NEXT);
}

char LICENSE[] SEC("license") = "GPL";
