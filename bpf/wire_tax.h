/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cost compiled into the wire program, for proving that the nightly gate notices a datapath
 * change that arrives the way real ones do: as BPF objects with another hash, not as a bench
 * option. `NKB_BPF_TAX=N bash scripts/setup.sh` builds wire_ingress with N bpf_loop() rounds per
 * packet on the server's side (the unit of `bench --inject-cost N`, which burns the same rounds
 * in a program of its own at the same wire); the default, 0, compiles to nothing.
 *
 * The server's side is the instance whose pod is POD1 (198.18.2.2, scenarios/base.ts: the server
 * of every workload), so each packet arriving at the server's wire pays once, as with
 * --inject-cost; the client's wire pays nothing.
 */
#ifndef WIRE_TAX_H
#define WIRE_TAX_H

#ifndef NKB_BPF_TAX
#define NKB_BPF_TAX 0
#endif

#if NKB_BPF_TAX
#include "burn.h"

_Static_assert(NKB_BPF_TAX > 0 && NKB_BPF_TAX <= TAX_MAX_ITERATIONS, "NKB_BPF_TAX: 0 to 2^23 bpf_loop rounds");

#define WIRE_TAX_SERVER_POD 0xc6120202 /* 198.18.2.2 */

static __always_inline void wire_tax_burn(__be32 pod)
{
	__u64 acc = pod;
	long done;

	if (pod != bpf_htonl(WIRE_TAX_SERVER_POD))
		return;
	done = bpf_loop(NKB_BPF_TAX, burn_one, &acc, 0);
	if (done > 0)
		count_add(NKB_CTR_LOOPS, done);
}
#define wire_tax(pod) wire_tax_burn(pod)
#else
/* Not even a read of the (volatile) tunable: the untaxed program is the program as it was. */
#define wire_tax(pod) do { } while (0)
#endif

#endif /* WIRE_TAX_H */
