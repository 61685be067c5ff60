// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * attach / trace / load: open the object, pick --prog and fill its tunables (all before the
 * kernel sees anything), load it, attach it (attach: a tcx or netkit link on --dev; trace: a
 * tracing link where its SEC() says; load: not at all), and pin link, program and counters under
 * --pin-dir. The pinned link keeps the program attached after we exit; on any failure nothing
 * stays behind (the unpinned link goes away with this process).
 */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "loader.h"

/* Finds --prog, checks its section fits --hook, and loads only that one program. */
static int pick_program(struct bpf_object *obj, const struct attach_args *a, struct bpf_program **out)
{
	struct bpf_program *prog = bpf_object__find_program_by_name(obj, a->prog_name), *p;
	const struct hook *has;

	if (!prog) {
		char names[512] = "";
		int n = 0;

		bpf_object__for_each_program(p, obj)
			n += snprintf(names + n, n < (int)sizeof(names) ? sizeof(names) - n : 0, "%s%s",
				      n ? ", " : "", bpf_program__name(p));
		return usagef("--prog %s: not in %s (it has: %s)", a->prog_name, a->obj_path, names);
	}
	if (a->mode == MODE_TRACE && bpf_program__type(prog) != BPF_PROG_TYPE_TRACING)
		return usagef("--prog %s is SEC(\"%s\"), not a tracing program (tp_btf/, fentry/)",
			      a->prog_name, bpf_program__section_name(prog));
	/* load: any tc program (cls_bpf ignores the expected attach type: tcx/ingress is fine), or a
	 * tracing program for `link` to attach later (link.c). */
	if (a->mode == MODE_LOAD && bpf_program__type(prog) != BPF_PROG_TYPE_SCHED_CLS &&
	    bpf_program__type(prog) != BPF_PROG_TYPE_TRACING)
		return usagef("--prog %s is SEC(\"%s\"), not a tc or tracing program", a->prog_name,
			      bpf_program__section_name(prog));
	if (a->mode == MODE_LINK && (bpf_program__type(prog) != BPF_PROG_TYPE_SCHED_CLS ||
				     bpf_program__expected_attach_type(prog) != a->hook->type)) {
		has = hook_by_type(bpf_program__expected_attach_type(prog));
		return usagef("--prog %s is SEC(\"%s\") (hook %s), not --hook %s", a->prog_name,
			      bpf_program__section_name(prog), has ? has->name : "none of ours",
			      a->hook->name);
	}
	bpf_object__for_each_program(p, obj)
		bpf_program__set_autoload(p, p == prog);
	*out = prog;
	return 0;
}

/* Everything that can be checked without the kernel: the object, --prog/--hook, the tunables. */
static int open_configured(const struct attach_args *a, struct attached *at)
{
	int err;

	at->obj = bpf_object__open_file(a->obj_path, NULL);
	if (!at->obj)
		return failf(-errno, "open %s", a->obj_path);
	err = pick_program(at->obj, a, &at->prog);
	if (err)
		return err;
	for (int i = 0; i < a->nsets; i++) {
		err = set_tunable(at->obj, a->sets[i]);
		if (err)
			return err;
	}
	at->counters = bpf_object__find_map_by_name(at->obj, "counters");
	if (!at->counters)
		return usagef("%s has no map named \"counters\"", a->obj_path);
	return 0;
}

static int load(const struct attach_args *a, struct attached *at)
{
	int err = bpf_object__load(at->obj);

	if (err)
		return failf(err, "load %s (verifier or kernel refused it; -v shows the log)", a->obj_path);
	return 0;
}

static int attach_link(const struct attach_args *a, struct attached *at)
{
	/* BPF_F_BEFORE with no relative program means "in front of everything" (bpf_mprog). */
	__u32 flags = a->first ? BPF_F_BEFORE : 0;
	int err;

	if (a->mode == MODE_LOAD)
		return 0;
	if (a->mode == MODE_TRACE) {
		at->link = bpf_program__attach(at->prog);
		if (at->link)
			return 0;
		return failf(-errno, "attach %s at %s (kernel without that tracepoint or its BTF?)",
			     a->prog_name, bpf_program__section_name(at->prog));
	}
	if (a->hook->netkit) {
		LIBBPF_OPTS(bpf_netkit_opts, opts, .flags = flags);
		at->link = bpf_program__attach_netkit(at->prog, at->ifindex, &opts);
	} else {
		LIBBPF_OPTS(bpf_tcx_opts, opts, .flags = flags);
		at->link = bpf_program__attach_tcx(at->prog, at->ifindex, &opts);
	}
	if (at->link)
		return 0;
	err = -errno;
	return failf(err, "attach %s as %s to %s (ifindex %d)%s", a->prog_name, a->hook->name, a->dev,
		     at->ifindex, attach_hint(a->hook, err));
}

/* The kernel's ids for what we attached, read before pinning so nothing can fail after it. */
static int read_ids(struct attached *at)
{
	struct bpf_prog_info pinfo = {};
	struct bpf_link_info linfo = {};
	struct bpf_map_info minfo = {};
	__u32 plen = sizeof(pinfo), llen = sizeof(linfo), mlen = sizeof(minfo);
	int err;

	err = bpf_prog_get_info_by_fd(bpf_program__fd(at->prog), &pinfo, &plen);
	if (!err && at->link)
		err = bpf_link_get_info_by_fd(bpf_link__fd(at->link), &linfo, &llen);
	if (!err)
		err = bpf_map_get_info_by_fd(bpf_map__fd(at->counters), &minfo, &mlen);
	if (err)
		return failf(err, "read ids of what was attached");
	at->prog_id = pinfo.id;
	at->link_id = linfo.id;
	at->map_id = minfo.id;
	return 0;
}

static void print_attached(const struct attach_args *a, const struct attached *at)
{
	printf("{\"prog_id\":%u,\"link_id\":%u,\"map_id\":%u,\"ifindex\":%d,\"hook\":",
	       at->prog_id, at->link_id, at->map_id, at->ifindex);
	json_string(stdout, a->mode == MODE_LINK ? a->hook->name : a->mode == MODE_TRACE ?
			    bpf_program__section_name(at->prog) : "none");
	printf("}\n");
}

int do_attach(const struct attach_args *a)
{
	struct attached at = {};
	bool created = false;
	int err;

	if (a->mode == MODE_LINK) {
		at.ifindex = if_nametoindex(a->dev);
		if (!at.ifindex)
			return failf(-ENODEV, "--dev %s: not in this network namespace", a->dev);
	}
	err = open_configured(a, &at);
	if (err)
		goto out;
	err = make_dirs(a->pin_dir, &created);
	if (err) {
		err = failf(err, "create pin folder %s", a->pin_dir);
		goto out;
	}
	if (check_bpffs(a->pin_dir)) {
		err = failf(0, "%s is not on a bpf filesystem (mount -t bpf bpf /sys/fs/bpf)", a->pin_dir);
		goto out;
	}
	err = check_unused(a->pin_dir);
	if (!err)
		err = load(a, &at);
	if (!err)
		err = attach_link(a, &at);
	if (!err)
		err = read_ids(&at);
	if (!err)
		err = pin_all(a, &at);
	if (!err) {
		if (at.link)
			bpf_link__disconnect(at.link);	/* the pin owns it now */
		print_attached(a, &at);
	}
out:
	if (err && created)
		rmdir(a->pin_dir);
	/* Unless disconnected above, this detaches the link (nothing pinned it). */
	bpf_link__destroy(at.link);
	bpf_object__close(at.obj);
	return err;
}
