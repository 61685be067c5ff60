/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the receive-path tracers share: the kernel structures they read (only the fields used,
 * with CO-RE relocations, so one object runs on every kernel whose BTF has these names), and
 * the filter that keeps other tenants' traffic out of a run's counts.
 *
 * A tracer sees every skb on the machine. It counts an event only when the skb's device lives in
 * one of the run's network namespaces (`netns_cookies`, the cookies of the run's namespaces) and
 * is not a loopback device (a namespace's own lo traffic never crosses the datapath under test),
 * unless that device is one of the scenario's packet devices. Events on the packet devices
 * (`packet_ifindexes[i]` in namespace `netns_cookies[i]`; a namespace may be listed more than once,
 * once per packet device in it) are also counted under `wire`: each packet between client and
 * server starts exactly one receive pass on one of them (the wire's ends in a two-node scenario;
 * lo when client and server share a namespace), which makes them the per-packet denominator.
 */
#ifndef NKB_TRACE_H
#define NKB_TRACE_H

#include "nkb_bpf.h"

#include <bpf/bpf_tracing.h>

#define NKB_MAX_NETNS 8
#define NKB_IFF_LOOPBACK 0x8	/* IFF_LOOPBACK, include/uapi/linux/if.h */

/*
 * CO-RE flavours of the kernel structures we read, with only the fields used. libbpf drops the
 * "___local" suffix when it matches them against the running kernel's BTF and relocates every
 * field offset (preserve_access_index), so one object runs on 6.12 and 6.18 alike; the suffix
 * keeps them from ever clashing with a header's definition of the real types.
 */
struct net___local {
	__u64 net_cookie;
} __attribute__((preserve_access_index));

/* possible_net_t: in the kernel an anonymous struct behind a typedef; nested members are matched by
 * their name in the outer struct (net_device.nd_net), so the name here is free. */
struct possible_net___local {
	struct net___local *net;
} __attribute__((preserve_access_index));

struct net_device___local {
	int ifindex;
	unsigned int flags;
	struct possible_net___local nd_net;
} __attribute__((preserve_access_index));

struct sk_buff___local {
	struct net_device___local *dev;
} __attribute__((preserve_access_index));

/* The run's namespaces by cookie (SO_NETNS_COOKIE, nkb-loader `netns:PATH`), 0-terminated. An
 * empty list counts nothing: a tracer must be told whose traffic it counts. */
const volatile __u64 netns_cookies[NKB_MAX_NETNS] = {};
/* A packet device's ifindex in namespace netns_cookies[i], or 0 where that entry names none. */
const volatile __u32 packet_ifindexes[NKB_MAX_NETNS] = {};

/* Counts one event on skb's device: seen (+ wire on a packet device) when it is the run's, passed otherwise. */
static __always_inline void count_run_device(struct sk_buff___local *skb)
{
	struct net_device___local *dev = skb->dev;
	bool run = false, packet = false;
	__u64 cookie;
	int ifindex;

	if (!dev)
		goto other;
	cookie = dev->nd_net.net->net_cookie;
	ifindex = dev->ifindex;
#pragma unroll
	for (int i = 0; i < NKB_MAX_NETNS; i++) {
		if (!netns_cookies[i])
			break;
		if (netns_cookies[i] != cookie)
			continue;
		run = true;
		if (packet_ifindexes[i] && packet_ifindexes[i] == ifindex)
			packet = true;
	}
	if (!run || (!packet && (dev->flags & NKB_IFF_LOOPBACK)))
		goto other;
	count(NKB_CTR_SEEN);
	if (packet)
		count(NKB_CTR_WIRE);
	return;
other:
	count(NKB_CTR_PASSED);
}

#endif /* NKB_TRACE_H */
