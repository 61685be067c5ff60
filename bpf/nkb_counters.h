/* SPDX-License-Identifier: (GPL-2.0 OR MIT) */
/*
 * Slots of the `counters` map that every netkit-bench program carries, shared by the BPF
 * programs and nkb-loader so both agree on what slot N means.
 *
 * The map is a BPF_MAP_TYPE_PERCPU_ARRAY of __u64 with NKB_CTR_MAX entries; `nkb-loader stats`
 * sums each slot over all CPUs and prints it under the name below. All programs use the same
 * layout (a slot a program never touches stays 0), so every stats line has the same keys.
 *
 * The counters record what the program decided, not what became of the packet afterwards: a
 * redirect the kernel drops later (target device down, no neighbour) still counts as
 * redirected here and shows up as a drop in the device statistics instead.
 */
#ifndef NKB_COUNTERS_H
#define NKB_COUNTERS_H

enum nkb_counter {
	NKB_CTR_SEEN = 0,	/* packets the program ran on */
	NKB_CTR_REDIRECTED,	/* handed to a redirect helper, which accepted them */
	NKB_CTR_PASSED,		/* left to the kernel (TCX_NEXT / NETKIT_NEXT) */
	NKB_CTR_DROPPED,	/* a redirect helper refused them, so the program returned drop */
	NKB_CTR_LOOPS,		/* bpf_loop iterations burnt (tax programs only) */
	NKB_CTR_WIRE,		/* tracers only: events on the run's wire devices (nkb_trace.h) */
	NKB_CTR_IPV6,		/* of the redirected, those that were IPv6 (host routing programs) */
	NKB_CTR_MAX,
};

#define NKB_COUNTER_NAMES { "seen", "redirected", "passed", "dropped", "loops", "wire", "ipv6" }

#endif /* NKB_COUNTERS_H */
