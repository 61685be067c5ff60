// SPDX-License-Identifier: GPL-2.0
/*
 * Backlog drops: enqueue_to_backlog() frees an skb it cannot queue (the CPU's backlog holds
 * net.core.netdev_max_backlog already, or flow limit) with kfree_skb_reason(skb,
 * SKB_DROP_REASON_CPU_BACKLOG), after net:netif_rx has counted it (backlog_enqueue.bpf.c). The
 * difference of the two is the skbs that really passed through a backlog queue. The reason's
 * value differs between kernels (71 on 6.18), so it is relocated from the running kernel's BTF.
 */
#include "nkb_trace.h"

#include <bpf/bpf_core_read.h>

/* A CO-RE flavour of the kernel's enum: only the names matter (libbpf drops "___local" from the
 * type and the enumerator when it matches them), and CO-RE replaces the value with the running
 * kernel's. */
enum skb_drop_reason___local {
	SKB_DROP_REASON_CPU_BACKLOG___local = 0,
};

/* TP_PROTO(struct sk_buff *skb, void *location, enum skb_drop_reason reason, ...): 6.11 added an
 * rx_sk argument after reason, which we do not read. */
SEC("tp_btf/kfree_skb")
int BPF_PROG(backlog_drop, struct sk_buff___local *skb, void *location, enum skb_drop_reason___local reason)
{
	if (reason != bpf_core_enum_value(enum skb_drop_reason___local, SKB_DROP_REASON_CPU_BACKLOG___local))
		return 0;
	count_run_device(skb);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
