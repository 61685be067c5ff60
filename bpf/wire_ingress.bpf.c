// SPDX-License-Identifier: GPL-2.0
/*
 * Wire ingress -> pod, the receive half of BPF host routing: IPv4 for the local pod skips the
 * node's IP stack and goes straight into the pod's namespace with bpf_redirect_peer(), which
 * switches the skb to the peer of the node-side pod device (veth or netkit) and re-runs the
 * receive path there, without a second trip through the per-CPU backlog queue.
 */
#include "nkb_bpf.h"

/* The local pod's address, network byte order (nkb-loader takes it dotted). */
const volatile __be32 pod_addr = 0;
/* ifindex of the node-side end of the pod's link (h0/h1); 0 (unset) makes the program a no-op. */
const volatile __u32 pod_host_ifindex = 0;
/* What the pod must see in the frame: its own MAC as destination and its gateway's (the node-side
 * device's) as source. bpf_redirect_peer() does not touch L2, and the frame still carries the wire's
 * addresses. Zero for netkit in L3 mode, which has no MACs. */
const volatile __u8 pod_mac[ETH_ALEN] = {};
const volatile __u8 host_mac[ETH_ALEN] = {};

static __always_inline void set_macs(struct ethhdr *eth)
{
	/* Element by element: the tunables are volatile, which memcpy would discard. */
#pragma unroll
	for (int i = 0; i < ETH_ALEN; i++) {
		eth->h_dest[i] = pod_mac[i];
		eth->h_source[i] = host_mac[i];
	}
}

SEC("tcx/ingress")
int wire_ingress(struct __sk_buff *skb)
{
	struct ethhdr *eth;
	struct iphdr *ip;

	count(NKB_CTR_SEEN);
	if (!pod_host_ifindex)
		goto pass;
	ip = ipv4_header(skb);
	if (!ip || ip->daddr != pod_addr || ip->ttl <= 1)
		goto pass;
	/* Fetched after ipv4_header(), whose pull would invalidate an earlier pointer. */
	eth = eth_header(skb);
	if (!eth)
		goto pass;

	set_macs(eth);
	ipv4_decrease_ttl(ip);
	/*
	 * The pod's ip_rcv() drops PACKET_OTHERHOST, and a kernel without commit c43272299488
	 * (Linux 6.15, which made the peer redirect call skb_scrub_packet(); stable kernels such as
	 * Debian's 6.12.117 behave the same) lets the skb keep the pkt_type the wire device gave it.
	 * A frame that reached the wire under another MAC (promiscuous wire, an L3 or tunnel device
	 * in front) would die in the pod there, so claim it, as Cilium does for tunnel traffic.
	 * Safe: we only get here for unicast to the pod's own address.
	 */
	if (skb->pkt_type != PACKET_HOST)
		bpf_skb_change_type(skb, PACKET_HOST);
	return count_redirect(bpf_redirect_peer(pod_host_ifindex, 0));
pass:
	count(NKB_CTR_PASSED);
	return TCX_NEXT;
}

char LICENSE[] SEC("license") = "GPL";
