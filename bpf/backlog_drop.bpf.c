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

/* Only the name matters: CO-RE replaces the value with the running kernel's. */
enum skb_drop_reason {
	SKB_DROP_REASON_CPU_BACKLOG = 0,
};

SEC("tp_btf/kfree_skb")
int backlog_drop(__u64 *ctx)
{
	/* kfree_skb(skb, location, reason, ...) */
	if ((int)ctx[2] != bpf_core_enum_value(enum skb_drop_reason, SKB_DROP_REASON_CPU_BACKLOG))
		return 0;
	count_run_device((struct sk_buff *)ctx[0]);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
