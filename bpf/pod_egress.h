/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pod egress -> wire, "BPF host routing" as Cilium's bpf_redirect_neigh() path does it: IPv4 or
 * IPv6 bound for the remote pod prefix leaves straight through the wire device, with the kernel
 * filling in the next hop's MAC from its FIB and neighbour table, so the packet never enters
 * the node's IP stack (no ip_rcv/ipv6_rcv, no netfilter, no ip_forward/ip6_forward). Everything
 * else (ARP, neighbour discovery, traffic for the node itself, other prefixes) is left to the kernel.
 *
 * Included by one thin file per hook, whose SEC() says where it runs:
 *   pod_egress_tcx.bpf.c     tcx ingress on the node-side veth of the pod
 *   pod_egress_netkit.bpf.c  netkit/peer, i.e. transmit of the pod's netkit device, attached
 *                            through the node-side primary
 */
#ifndef POD_EGRESS_H
#define POD_EGRESS_H

#include "nkb_bpf.h"

/* ifindex of the wire device in the node's namespace; 0 (unset) makes the program a no-op. */
const volatile __u32 wire_ifindex = 0;
/* Destination prefix to route, both in network byte order (nkb-loader turns 198.18.2.0 and
 * 255.255.255.0 into exactly that). A packet matches when (daddr & remote_mask) == remote_net. */
const volatile __be32 remote_net = 0;
const volatile __be32 remote_mask = 0;
/* The same for IPv6, as 16 bytes each (nkb-loader reads 2001:2:0:2:: and ffff:ffff:ffff:ffff::).
 * An all-zero mask would match everything, so an unset prefix (mask 0) routes no IPv6. */
const volatile __u8 remote_net6[16] = {};
const volatile __u8 remote_mask6[16] = {};

/* NULL params: the kernel looks up the route to the destination (IPv4 or IPv6, from skb->protocol)
 * out of wire_ifindex and resolves (or queues for resolution) the nexthop's neighbour, the IPv6
 * gateway of that route included, in the namespace of skb->dev. For netkit that is the primary's
 * (node's) namespace: netkit_xmit() sets skb->dev to the peer device of the one transmitting
 * before running the program. */
static __always_inline int redirect_to_wire(bool ipv6)
{
	long ret = bpf_redirect_neigh(wire_ifindex, NULL, 0, 0);

	if (ipv6 && ret == TC_ACT_REDIRECT)
		count(NKB_CTR_IPV6);
	return count_redirect(ret);
}

static __always_inline bool prefix6_set(void)
{
	return remote_mask6[0] != 0;
}

/* `next` is the hook's own "not mine" verdict (TCX_NEXT or NETKIT_NEXT), so programs behind us
 * in the chain still run and, with none left, the kernel's default path takes the packet. */
static __always_inline int pod_egress(struct __sk_buff *skb, int next)
{
	struct ipv6hdr *ip6;
	struct iphdr *ip;

	count(NKB_CTR_SEEN);
	if (!wire_ifindex)
		goto pass;
	ip = ipv4_header(skb);
	if (ip) {
		if ((ip->daddr & remote_mask) != remote_net || ip->ttl <= 1)
			goto pass;
		ipv4_decrease_ttl(ip);
		return redirect_to_wire(false);
	}
	ip6 = ipv6_header(skb);
	if (!ip6 || !prefix6_set())
		goto pass;
	if (!ipv6_in_prefix(&ip6->daddr, remote_net6, remote_mask6) || ip6->hop_limit <= 1)
		goto pass;
	if (ipv6_decrease_hop_limit(skb, ip6->hop_limit))
		goto pass;
	return redirect_to_wire(true);
pass:
	count(NKB_CTR_PASSED);
	return next;
}

#endif /* POD_EGRESS_H */
