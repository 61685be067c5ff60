/* SPDX-License-Identifier: GPL-2.0 */
/* What every netkit-bench BPF program shares: the counters map and IPv4/IPv6 header access. */
#ifndef NKB_BPF_H
#define NKB_BPF_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/in6.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#include "nkb_counters.h"

/* Per-CPU so the hot path needs no atomics; nkb-loader sums the CPUs. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, NKB_CTR_MAX);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

static __always_inline void count_add(__u32 slot, __u64 n)
{
	__u64 *v = bpf_map_lookup_elem(&counters, &slot);

	if (v)
		*v += n;
}

static __always_inline void count(__u32 slot)
{
	count_add(slot, 1);
}

/* The helpers answer TC_ACT_REDIRECT or TC_ACT_SHOT, which are TCX_REDIRECT/NETKIT_REDIRECT and
 * TCX_DROP/NETKIT_DROP by value; count which one before handing it back to the hook. */
static __always_inline int count_redirect(long ret)
{
	count(ret == TC_ACT_REDIRECT ? NKB_CTR_REDIRECTED : NKB_CTR_DROPPED);
	return ret;
}

/*
 * The L3 header behind an Ethernet header when skb->protocol is `proto`, with at least `len`
 * bytes of it in the linear area, or NULL. Both hooks we serve (tcx and netkit) show the program
 * the frame from its Ethernet header on. A locally built or GRO-merged skb may keep the IP header
 * out of the linear area, so pull it in once before giving up; the pull invalidates earlier
 * packet pointers, hence the re-read of data/data_end.
 */
static __always_inline void *l3_header(struct __sk_buff *skb, __u16 proto, __u32 len)
{
	const __u32 need = sizeof(struct ethhdr) + len;
	void *data, *data_end;

	if (skb->protocol != bpf_htons(proto))
		return NULL;
	data = (void *)(long)skb->data;
	data_end = (void *)(long)skb->data_end;
	if (data + need > data_end) {
		if (bpf_skb_pull_data(skb, need))
			return NULL;
		data = (void *)(long)skb->data;
		data_end = (void *)(long)skb->data_end;
		if (data + need > data_end)
			return NULL;
	}
	return data + sizeof(struct ethhdr);
}

static __always_inline struct iphdr *ipv4_header(struct __sk_buff *skb)
{
	return l3_header(skb, ETH_P_IP, sizeof(struct iphdr));
}

static __always_inline struct ipv6hdr *ipv6_header(struct __sk_buff *skb)
{
	return l3_header(skb, ETH_P_IPV6, sizeof(struct ipv6hdr));
}

/* (addr & mask) == net over 16 bytes; the tunables are volatile, so byte by byte, unrolled. */
static __always_inline bool ipv6_in_prefix(const struct in6_addr *addr, const volatile __u8 *net,
					   const volatile __u8 *mask)
{
#pragma unroll
	for (int i = 0; i < 16; i++)
		if ((addr->s6_addr[i] & mask[i]) != net[i])
			return false;
	return true;
}

static __always_inline bool ipv6_equal(const struct in6_addr *addr, const volatile __u8 *want)
{
#pragma unroll
	for (int i = 0; i < 16; i++)
		if (addr->s6_addr[i] != want[i])
			return false;
	return true;
}

/*
 * We route in place of the node's forwarding path, so we owe the packet what ip_forward()
 * would have done to it: one hop off the TTL, with the header checksum patched incrementally
 * (RFC 1624, as the kernel's ip_decrease_ttl()). The ones' complement sum over the header does
 * not change, so a CHECKSUM_COMPLETE skb stays valid. Callers leave TTL <= 1 to the stack, which
 * answers with ICMP time exceeded.
 */
static __always_inline void ipv4_decrease_ttl(struct iphdr *ip)
{
	__u32 check = ip->check;

	check += bpf_htons(0x0100);
	ip->check = (__u16)(check + (check >= 0xffff));
	ip->ttl--;
}

/*
 * The IPv6 counterpart of ipv4_decrease_ttl(), as ip6_forward() does it: one off the hop limit.
 * IPv6 has no header checksum, but a CHECKSUM_COMPLETE skb's csum covers the byte, so the store
 * goes through bpf_skb_store_bytes() with BPF_F_RECOMPUTE_CSUM (as Cilium's ipv6_dec_hoplimit()),
 * which patches skb->csum. It invalidates packet pointers: call it last. `hop_limit` is the value
 * read before (> 1, callers leave the rest to the stack).
 */
static __always_inline int ipv6_decrease_hop_limit(struct __sk_buff *skb, __u8 hop_limit)
{
	__u8 hl = hop_limit - 1;

	return bpf_skb_store_bytes(skb, sizeof(struct ethhdr) + offsetof(struct ipv6hdr, hop_limit), &hl,
				   sizeof(hl), BPF_F_RECOMPUTE_CSUM);
}

#endif /* NKB_BPF_H */
