// SPDX-License-Identifier: GPL-2.0
/*
 * Backlog passes: net:netif_rx fires in netif_rx_internal() right before enqueue_to_backlog(),
 * i.e. once per skb put on a CPU's backlog queue (veth's xmit through __netif_rx(), dev_forward_skb,
 * netkit's pass verdict). A skb redirected with bpf_redirect_peer() or received through NAPI/GRO
 * never gets here. Counts the run's devices only (nkb_trace.h); skb->dev is the receiving end.
 */
#include "nkb_trace.h"

/* TP_PROTO(struct sk_buff *skb) */
SEC("tp_btf/netif_rx")
int BPF_PROG(backlog_enqueue, struct sk_buff___local *skb)
{
	count_run_device(skb);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
