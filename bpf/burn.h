/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One round of deliberate busy work for bpf_loop(), shared by the injected tax (tax.h) and the
 * tax compiled into the wire program (wire_tax.h), so N rounds cost the same in both.
 */
#ifndef BURN_H
#define BURN_H

#include "nkb_bpf.h"

/* bpf_loop() refuses more than this many iterations (BPF_MAX_LOOPS in the kernel). */
#define TAX_MAX_ITERATIONS (1U << 23)

/* One LCG step, so each round does dependent arithmetic through memory the verifier cannot
 * prove unused; the callback is a real call per round either way. */
static long burn_one(__u64 index, void *ctx)
{
	__u64 *acc = ctx;

	*acc = *acc * 6364136223846793005ULL + index;
	return 0;
}

#endif /* BURN_H */
