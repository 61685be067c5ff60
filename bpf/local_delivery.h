/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Local delivery, as Cilium's bpf/lib/local_delivery.h: IPv4 or IPv6 for a pod on this node skips
 * the node's IP stack and is handed to the pod. At tc ingress (a wire, or a pod's host-side veth)
 * bpf_redirect_peer() switches the skb to the peer of the pod's node-side device and re-runs the
 * receive pass there; skb_do_redirect() allows BPF_F_PEER only at tc ingress. From netkit's xmit
 * (netkit/peer) the kernel drops a peer redirect, so there it is bpf_redirect() out of the pod's
 * node-side netkit device, whose netkit_xmit() moves the skb into the pod (Cilium does the same:
 * should_redirect_peer()). Either way the packet takes one backlog pass at most.
 */
#ifndef LOCAL_DELIVERY_H
#define LOCAL_DELIVERY_H

#include "nkb_bpf.h"

/* The pod's address, network byte order (nkb-loader takes it dotted). */
const volatile __be32 pod_addr = 0;
/* Its IPv6 address, 16 bytes in network order (nkb-loader takes 2001:2:0:1::2); all zero: none. */
const volatile __u8 pod_addr6[16] = {};
/* ifindex of the node-side end of the pod's link (h0/h1); 0 (unset) makes the program a no-op. */
const volatile __u32 pod_host_ifindex = 0;
/* What the pod must see in the frame: its own MAC as destination and its gateway's (the node-side
 * device's) as source. Neither redirect touches L2, and the frame still carries the addresses it
 * arrived with (the wire's, or the sending pod's gateway's). Zero for netkit in L3 mode, which has
 * no MACs. */
const volatile __u8 pod_mac[ETH_ALEN] = {};
const volatile __u8 host_mac[ETH_ALEN] = {};

/* Through bpf_skb_store_bytes() rather than a packet pointer: pod_family()'s pull may have moved
 * the data, and a store needs no bounds proof. It fails (not linear, not writable) before it
 * writes anything, so a refusal leaves the packet as it came. */
static __always_inline int set_macs(struct __sk_buff *skb)
{
	__u8 macs[2 * ETH_ALEN];

#ifdef NKB_TEST_REFUSE_SET_MACS
	/* Tests only (test/integration/wire-ttl.test.ts builds an object with it; no run does): refuse
	 * as the store would, to prove the refused packet reaches the kernel with its TTL whole. */
	return -1;
#endif
	/* Element by element: the tunables are volatile, which memcpy would discard. */
#pragma unroll
	for (int i = 0; i < ETH_ALEN; i++) {
		macs[i] = pod_mac[i];
		macs[ETH_ALEN + i] = host_mac[i];
	}
	return bpf_skb_store_bytes(skb, offsetof(struct ethhdr, h_dest), macs, sizeof(macs), 0);
}

/* Is this IPv4 or IPv6 packet for the pod, with a hop to spare? Which family it is, or -1
 * to leave it to the kernel. It only reads: the packet is changed after every check. */
static __always_inline int pod_family(struct __sk_buff *skb)
{
	struct ipv6hdr *ip6;
	struct iphdr *ip;

	ip = ipv4_header(skb);
	if (ip)
		return ip->daddr == pod_addr && ip->ttl > 1 ? 4 : -1;
	ip6 = ipv6_header(skb);
	if (!ip6 || !pod_addr6[0] || !ipv6_equal(&ip6->daddr, pod_addr6) || ip6->hop_limit <= 1)
		return -1;
	return 6;
}

/* One hop off, as the node's forwarding would (ip_forward(), ip6_forward()). The header is read
 * again: set_macs() stored through the skb, which invalidates packet pointers. Non-zero when it
 * could not be done. */
static __always_inline int take_hop(struct __sk_buff *skb, int family)
{
	struct ipv6hdr *ip6;
	struct iphdr *ip;

	if (family == 4) {
		ip = ipv4_header(skb);
		if (!ip)
			return -1;
		ipv4_decrease_ttl(ip);
		return 0;
	}
	ip6 = ipv6_header(skb);
	if (!ip6)
		return -1;
	return ipv6_decrease_hop_limit(skb, ip6->hop_limit);
}

/*
 * Delivers a packet for the pod (counted redirected, and ipv6 when it was) or returns `next`
 * (counted passed), the hook's own "not mine" verdict. `peer`: bpf_redirect_peer (tc ingress)
 * rather than bpf_redirect out of pod_host_ifindex (netkit/peer). The caller counted it seen.
 */
static __always_inline int local_delivery(struct __sk_buff *skb, bool peer, int next)
{
	long ret;
	int family;

	if (!pod_host_ifindex)
		goto pass;
	family = pod_family(skb);
	if (family < 0)
		goto pass;
	/*
	 * Every check first, the packet changed last, as the kernel's own forwarding does. A refused
	 * set_macs() changed nothing, so the kernel may still forward the packet and take its one hop
	 * off. Once the MACs are the pod's, the packet is ours to deliver: should the hop fail to come
	 * off (the header is linear by then; only a failed allocation making an IPv6 clone writable
	 * could refuse it), it is dropped, not passed on.
	 */
	if (set_macs(skb))
		goto pass;
	if (take_hop(skb, family))
		return count_redirect(TC_ACT_SHOT);
	/*
	 * The pod's ip_rcv() drops PACKET_OTHERHOST, and a kernel without commit c43272299488
	 * (Linux 6.15, which made the peer redirect call skb_scrub_packet(); stable kernels such as
	 * Debian's 6.12.117 behave the same) lets the skb keep the pkt_type the receiving device gave it.
	 * A frame that arrived under another MAC (promiscuous wire, an L3 or tunnel device in front)
	 * would die in the pod there, so claim it, as Cilium does for tunnel traffic. Safe: we only
	 * get here for unicast to the pod's own address. (netkit_xmit() sets it anew on its way in.)
	 */
	if (skb->pkt_type != PACKET_HOST)
		bpf_skb_change_type(skb, PACKET_HOST);
	ret = peer ? bpf_redirect_peer(pod_host_ifindex, 0) : bpf_redirect(pod_host_ifindex, 0);
	if (family == 6 && ret == TC_ACT_REDIRECT)
		count(NKB_CTR_IPV6);
	return count_redirect(ret);
pass:
	count(NKB_CTR_PASSED);
	return next;
}

#endif /* LOCAL_DELIVERY_H */
