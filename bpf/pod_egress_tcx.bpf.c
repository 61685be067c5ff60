// SPDX-License-Identifier: GPL-2.0
/* Pod egress -> wire for veth pods: runs as tcx ingress on the node-side veth (see pod_egress.h). */
#include "pod_egress.h"

SEC("tcx/ingress")
int pod_egress_tcx(struct __sk_buff *skb)
{
	return pod_egress(skb, TCX_NEXT);
}

char LICENSE[] SEC("license") = "GPL";
