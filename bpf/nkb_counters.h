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
	NKB_CTR_LOOPS,		/* bpf_loop iterations burnt (tax programs; wire_ingress built with NKB_BPF_TAX) */
	NKB_CTR_WIRE,		/* tracers only: events on the scenario's packet devices, the wire cross-node (nkb_trace.h) */
	NKB_CTR_IPV6,		/* of the redirected, those that were IPv6 (host routing programs) */
	NKB_CTR_MAX,
};

/*
 * The name nkb-loader prints for each slot, by designated initialiser so a name cannot drift to
 * another slot. Add a slot above NKB_CTR_MAX and its name here; the assertion below fails the
 * build (programs and loader alike) when the list is shorter than the enum.
 */
#define NKB_COUNTER_NAMES {				\
	[NKB_CTR_SEEN]		= "seen",		\
	[NKB_CTR_REDIRECTED]	= "redirected",		\
	[NKB_CTR_PASSED]	= "passed",		\
	[NKB_CTR_DROPPED]	= "dropped",		\
	[NKB_CTR_LOOPS]		= "loops",		\
	[NKB_CTR_WIRE]		= "wire",		\
	[NKB_CTR_IPV6]		= "ipv6",		\
}

_Static_assert(sizeof((const char *const[])NKB_COUNTER_NAMES) / sizeof(const char *) == NKB_CTR_MAX,
	       "NKB_COUNTER_NAMES must name every slot of enum nkb_counter");

#endif /* NKB_COUNTERS_H */
