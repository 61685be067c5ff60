/* SPDX-License-Identifier: GPL-2.0 */
/* What every netkit-bench BPF program shares: the counters map and IPv4 header access. */
#ifndef NKB_BPF_H
#define NKB_BPF_H

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>
#include <linux/ip.h>
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
 * The IPv4 header behind an Ethernet header, or NULL for anything else. Both hooks we serve
 * (tcx and netkit) show the program the frame from its Ethernet header on. A locally built or
 * GRO-merged skb may keep the IP header out of the linear area, so pull it in once before
 * giving up; the pull invalidates earlier packet pointers, hence the re-read of data/data_end.
 */
static __always_inline struct iphdr *ipv4_header(struct __sk_buff *skb)
{
	const __u32 need = sizeof(struct ethhdr) + sizeof(struct iphdr);
	void *data, *data_end;

	if (skb->protocol != bpf_htons(ETH_P_IP))
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

static __always_inline struct ethhdr *eth_header(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;

	if (data + sizeof(struct ethhdr) > data_end)
		return NULL;
	return data;
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

#endif /* NKB_BPF_H */
