// SPDX-License-Identifier: GPL-2.0
/* Tax for the netkit peer chain, i.e. pod egress on netkit (see tax.h). */
#include "tax.h"

SEC("netkit/peer")
int tax_netkit(struct __sk_buff *skb)
{
	return tax(skb, NETKIT_NEXT);
}

char LICENSE[] SEC("license") = "GPL";
