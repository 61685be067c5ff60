// SPDX-License-Identifier: GPL-2.0
/* Tax for tcx ingress chains (see tax.h). */
#include "tax.h"

SEC("tcx/ingress")
int tax_tcx(struct __sk_buff *skb)
{
	return tax(skb, TCX_NEXT);
}

char LICENSE[] SEC("license") = "GPL";
