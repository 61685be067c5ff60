/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A deliberate, tunable per-packet cost, to prove that a regression gate notices a slower
 * datapath: burns `iterations` rounds of bpf_loop(), then steps aside with the hook's "next"
 * verdict so the rest of the chain (e.g. the host-routing program) runs as before. Attach it in
 * front of the chain (nkb-loader --first) to tax traffic that a later program redirects.
 */
#ifndef TAX_H
#define TAX_H

#include "burn.h"

/* Rounds of busy work per packet; 0 makes the program a pure pass-through. */
const volatile __u32 iterations = 0;

static __always_inline int tax(struct __sk_buff *skb, int next)
{
	__u32 n = iterations;
	__u64 acc = skb->len;
	long done;

	count(NKB_CTR_SEEN);
	if (n) {
		if (n > TAX_MAX_ITERATIONS)
			n = TAX_MAX_ITERATIONS;
		done = bpf_loop(n, burn_one, &acc, 0);
		if (done > 0)
			count_add(NKB_CTR_LOOPS, done);
	}
	count(NKB_CTR_PASSED);
	return next;
}

#endif /* TAX_H */
