/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A deliberate, tunable per-packet cost, to prove that a regression gate notices a slower
 * datapath: burns `iterations` rounds of bpf_loop(), then steps aside with the hook's "next"
 * verdict so the rest of the chain (e.g. the host-routing program) runs as before. Attach it in
 * front of the chain (nkb-loader --first) to tax traffic that a later program redirects.
 */
#ifndef TAX_H
#define TAX_H

#include "nkb_bpf.h"

/* bpf_loop() refuses more than this many iterations (BPF_MAX_LOOPS in the kernel). */
#define TAX_MAX_ITERATIONS (1U << 23)

/* Rounds of busy work per packet; 0 makes the program a pure pass-through. */
const volatile __u32 iterations = 0;

/* One LCG step, so each round does dependent arithmetic through memory the verifier cannot
 * prove unused; the callback is a real call per round either way. */
static long burn_one(__u64 index, void *ctx)
{
	__u64 *acc = ctx;

	*acc = *acc * 6364136223846793005ULL + index;
	return 0;
}

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
