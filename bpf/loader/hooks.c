// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * The hooks --hook names: tcx ingress/egress (6.6+) and the two netkit chains (6.7+), and what an
 * attach failure at each most likely means.
 */
#include <errno.h>
#include <string.h>

#include "loader.h"

static const struct hook hooks[] = {
	{ "tcx_ingress", BPF_TCX_INGRESS, false },
	{ "tcx_egress", BPF_TCX_EGRESS, false },
	{ "netkit_primary", BPF_NETKIT_PRIMARY, true },
	{ "netkit_peer", BPF_NETKIT_PEER, true },
};

const struct hook *hook_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++)
		if (!strcmp(hooks[i].name, name))
			return &hooks[i];
	return NULL;
}

const struct hook *hook_by_type(enum bpf_attach_type type)
{
	for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++)
		if (hooks[i].type == type)
			return &hooks[i];
	return NULL;
}

const char *attach_hint(const struct hook *h, int err)
{
	if (h->netkit && err == -EACCES)
		return "; netkit programs attach through the primary device, not the peer";
	if (h->netkit && err == -ENXIO)
		return "; not a netkit device";
	if (err == -EINVAL || err == -EOPNOTSUPP)
		return h->netkit ? "; kernel without netkit (6.7+, CONFIG_NETKIT)?"
				 : "; kernel without tcx (6.6+)?";
	return "";
}
