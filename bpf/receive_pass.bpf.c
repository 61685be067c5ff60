// SPDX-License-Identifier: GPL-2.0
/*
 * Receive passes: net:netif_receive_skb fires once per call of __netif_receive_skb_core(), the
 * start of a receive pass (from the backlog, NAPI or netif_receive_skb()). A bpf_redirect_peer()
 * re-runs the pass in the peer's namespace (`another_round`, which /proc/net/softnet_stat's
 * "processed" counts) without a new call, so it is not counted here. On the wire device (`wire`
 * slot) this counts each packet that crossed the wire: the per-packet denominator.
 */
#include "nkb_trace.h"

/* TP_PROTO(struct sk_buff *skb) */
SEC("tp_btf/netif_receive_skb")
int BPF_PROG(receive_pass, struct sk_buff___local *skb)
{
	count_run_device(skb);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
