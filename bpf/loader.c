// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * nkb-loader: loads, attaches, pins, reads and detaches netkit-bench's BPF programs.
 *
 *   nkb-loader [-v] attach --obj FILE --prog NAME --hook HOOK --dev IFNAME --pin-dir DIR
 *                          [--set VAR=VALUE]... [--first]
 *   nkb-loader [-v] detach --pin-dir DIR
 *   nkb-loader [-v] stats  --pin-dir DIR
 *
 * Each command prints exactly one JSON line on stdout when it succeeds, and one line
 * "nkb-loader: <command>: <step>: <reason>" on stderr with a non-zero exit when it fails
 * (1: the step failed, 2: bad usage). -v (or NKB_LOADER_VERBOSE=1) lets libbpf print its log,
 * verifier output included, to stderr.
 *
 * Why not bpftool: it cannot attach netkit programs, and it cannot set .rodata before load.
 * Run it in the device's network namespace with `nsenter --net=...`, which keeps the mount
 * namespace (and so bpffs); `ip netns exec` remounts /sys and hides the pins.
 *
 * Everything a program leaves behind lives in DIR: DIR/link (the tcx or netkit link), DIR/prog and
 * DIR/counters. The pinned link keeps the program attached after we exit; removing the pin
 * (detach) releases it.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <linux/magic.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "nkb_counters.h"

#define EXIT_STEP 1
#define EXIT_USAGE 2
#define MAX_SETS 32

static const char *command = "";	/* for error lines */
static bool verbose;

/* ---------------------------------------------------------------- error lines and JSON */

/* Prints "nkb-loader: <command>: <message>[: <errno text>]" and returns EXIT_STEP. err is a
 * negative errno (libbpf's convention) or 0 for none. */
static int failf(int err, const char *fmt, ...)
{
	char reason[256];
	va_list ap;

	fprintf(stderr, "nkb-loader: %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (err) {
		libbpf_strerror(err, reason, sizeof(reason));
		fprintf(stderr, ": %s", reason);
	}
	fputc('\n', stderr);
	return EXIT_STEP;
}

static int usagef(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "nkb-loader: %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (see nkb-loader --help)\n", stderr);
	return EXIT_USAGE;
}

/* Paths and names are ours, but a quote or backslash must still not break the line. */
static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(out, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(out, "\\u%04x", *s);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (!verbose)
		return 0;
	return vfprintf(stderr, fmt, ap);
}

/* ---------------------------------------------------------------- hooks */

struct hook {
	const char *name;
	enum bpf_attach_type type;
	bool netkit;
};

static const struct hook hooks[] = {
	{ "tcx_ingress", BPF_TCX_INGRESS, false },
	{ "tcx_egress", BPF_TCX_EGRESS, false },
	{ "netkit_primary", BPF_NETKIT_PRIMARY, true },
	{ "netkit_peer", BPF_NETKIT_PEER, true },
};

static const struct hook *hook_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++)
		if (!strcmp(hooks[i].name, name))
			return &hooks[i];
	return NULL;
}

static const struct hook *hook_by_type(enum bpf_attach_type type)
{
	for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++)
		if (hooks[i].type == type)
			return &hooks[i];
	return NULL;
}

/* ---------------------------------------------------------------- pin folder */

static void pin_path(char *out, size_t len, const char *dir, const char *leaf)
{
	snprintf(out, len, "%s/%s", dir, leaf);
}

/* Refuses anything outside a bpffs, so a wrong --pin-dir can never unlink ordinary files. */
static int check_bpffs(const char *dir)
{
	struct statfs fs;

	if (statfs(dir, &fs))
		return -errno;
	return fs.f_type == BPF_FS_MAGIC ? 0 : -ENOTSUP;
}

/* mkdir -p; *created says whether DIR itself is new (so a failed attach removes only that). */
static int make_dirs(const char *dir, bool *created)
{
	char path[PATH_MAX];

	*created = false;
	if (snprintf(path, sizeof(path), "%s", dir) >= (int)sizeof(path))
		return -ENAMETOOLONG;
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(path, 0700) == 0)
		*created = true;
	else if (errno != EEXIST)
		return -errno;
	return 0;
}

/* ---------------------------------------------------------------- tunables */

/* What a `const volatile` variable in .rodata looks like, as far as --set cares. */
struct tunable {
	const char *name;
	__u32 offset;
	__u32 size;
	bool is_int;	/* an integer or enum (through typedefs and qualifiers) */
	bool is_bytes;	/* an array of 1-byte elements (a MAC) */
};

/* A parsed VALUE: an integer (decimal, hex, or @IFNAME's ifindex) or raw bytes in wire order. */
struct value {
	enum { VAL_INT, VAL_IPV4, VAL_MAC } kind;
	unsigned long long num;
	__u8 bytes[6];
};

static const struct btf_type *skip_mods(const struct btf *btf, __u32 id)
{
	const struct btf_type *t = btf__type_by_id(btf, id);

	while (t && (btf_is_mod(t) || btf_is_typedef(t)))
		t = btf__type_by_id(btf, t->type);
	return t;
}

static bool is_byte_array(const struct btf *btf, const struct btf_type *t)
{
	const struct btf_type *elem;

	if (!btf_is_array(t))
		return false;
	elem = skip_mods(btf, btf_array(t)->type);
	return elem && btf_is_int(elem) && elem->size == 1;
}

/* Finds NAME among .rodata's variables. On a miss, `known` lists the ones there are. */
static int find_tunable(const struct btf *btf, const char *name, struct tunable *out,
			char *known, size_t known_len)
{
	const struct btf_var_secinfo *si;
	const struct btf_type *sec, *var, *type;
	int id, n = 0;

	known[0] = '\0';
	id = btf__find_by_name_kind(btf, ".rodata", BTF_KIND_DATASEC);
	if (id < 0)
		return -ENOENT;
	sec = btf__type_by_id(btf, id);
	si = btf_var_secinfos(sec);
	for (int i = 0; i < btf_vlen(sec); i++, si++) {
		var = btf__type_by_id(btf, si->type);
		if (!btf_is_var(var))
			continue;
		const char *vname = btf__name_by_offset(btf, var->name_off);

		if (strcmp(vname, name)) {
			n += snprintf(known + n, n < (int)known_len ? known_len - n : 0, "%s%s",
				      n ? ", " : "", vname);
			continue;
		}
		type = skip_mods(btf, var->type);
		out->name = vname;
		out->offset = si->offset;
		out->size = si->size;
		out->is_int = type && (btf_is_int(type) || btf_is_any_enum(type));
		out->is_bytes = type && is_byte_array(btf, type);
		return 0;
	}
	return -ENOENT;
}

static bool parse_mac(const char *s, __u8 mac[6])
{
	unsigned int b[6];
	char end;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &end) != 6)
		return false;
	for (int i = 0; i < 6; i++)
		mac[i] = b[i];
	return strlen(s) == 17;
}

static bool parse_uint(const char *s, unsigned long long *out)
{
	int base = (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ? 16 : 10;
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return false;
	errno = 0;
	*out = strtoull(s, &end, base);
	return !errno && end != s && !*end;
}

/* VALUE forms: decimal or 0x-hex integer, @IFNAME, dotted IPv4, aa:bb:cc:dd:ee:ff. */
static int parse_value(const char *text, struct value *v)
{
	struct in_addr a;

	if (text[0] == '@') {
		v->kind = VAL_INT;
		v->num = if_nametoindex(text + 1);
		if (!v->num)
			return failf(-ENODEV, "--set: no device \"%s\" in this network namespace", text + 1);
		return 0;
	}
	if (parse_mac(text, v->bytes)) {
		v->kind = VAL_MAC;
		return 0;
	}
	if (strchr(text, '.') && inet_pton(AF_INET, text, &a) == 1) {
		v->kind = VAL_IPV4;
		memcpy(v->bytes, &a.s_addr, 4);	/* network byte order, as in the packet */
		return 0;
	}
	if (parse_uint(text, &v->num)) {
		v->kind = VAL_INT;
		return 0;
	}
	return usagef("--set: cannot read \"%s\": want an integer, @IFNAME, a.b.c.d or aa:bb:cc:dd:ee:ff",
		      text);
}

/* Host byte order at the variable's own width, refusing what does not fit. */
static int store_int(void *dst, const struct tunable *t, unsigned long long num)
{
	if (t->size < 8 && num >> (t->size * 8))
		return -ERANGE;
	switch (t->size) {
	case 1: { __u8 x = num; memcpy(dst, &x, 1); return 0; }
	case 2: { __u16 x = num; memcpy(dst, &x, 2); return 0; }
	case 4: { __u32 x = num; memcpy(dst, &x, 4); return 0; }
	case 8: { __u64 x = num; memcpy(dst, &x, 8); return 0; }
	}
	return -EINVAL;
}

static int store_value(void *rodata, const struct tunable *t, const struct value *v,
		       const char *text)
{
	void *dst = (char *)rodata + t->offset;

	if (!t->is_int && !t->is_bytes)
		return usagef("--set %s: not an integer or byte array; --set cannot fill it", t->name);
	switch (v->kind) {
	case VAL_MAC:
		if (!t->is_bytes || t->size != 6)
			return usagef("--set %s=%s: %s is %u bytes%s, not a 6-byte array", t->name, text,
				      t->name, t->size, t->is_bytes ? "" : " (an integer)");
		memcpy(dst, v->bytes, 6);
		return 0;
	case VAL_IPV4:
		if (t->size != 4)
			return usagef("--set %s=%s: %s is %u bytes, an IPv4 address needs 4", t->name,
				      text, t->name, t->size);
		memcpy(dst, v->bytes, 4);
		return 0;
	case VAL_INT:
		if (t->is_bytes)
			return usagef("--set %s=%s: %s is a %u-byte array; give aa:bb:cc:dd:ee:ff", t->name,
				      text, t->name, t->size);
		if (store_int(dst, t, v->num))
			return usagef("--set %s=%s: does not fit %s (%u bytes)", t->name, text, t->name,
				      t->size);
		return 0;
	}
	return usagef("--set %s=%s: unknown value kind", t->name, text);
}

/* Applies one VAR=VALUE to the object's .rodata image; must run before bpf_object__load(). */
static int set_tunable(struct bpf_object *obj, const char *assignment)
{
	char name[128], known[512];
	const char *eq = strchr(assignment, '=');
	struct bpf_map *rodata_map;
	struct tunable t;
	struct value v;
	void *rodata;
	size_t size;
	int err;

	if (!eq || eq == assignment || (size_t)(eq - assignment) >= sizeof(name))
		return usagef("--set \"%s\": want VAR=VALUE", assignment);
	snprintf(name, sizeof(name), "%.*s", (int)(eq - assignment), assignment);

	rodata_map = bpf_object__find_map_by_name(obj, ".rodata");
	rodata = rodata_map ? bpf_map__initial_value(rodata_map, &size) : NULL;
	if (!rodata || !bpf_object__btf(obj))
		return usagef("--set %s: %s has no const volatile tunables", name, bpf_object__name(obj));
	if (find_tunable(bpf_object__btf(obj), name, &t, known, sizeof(known)))
		return usagef("--set %s: %s has no tunable \"%s\" (it has: %s)", name,
			      bpf_object__name(obj), name, known[0] ? known : "none");
	if (t.offset + t.size > size)
		return failf(-EINVAL, "--set %s: .rodata image is smaller than BTF says", name);

	err = parse_value(eq + 1, &v);
	if (err)
		return err;
	return store_value(rodata, &t, &v, eq + 1);
}

/* ---------------------------------------------------------------- attach */

struct attach_args {
	const char *obj_path;
	const char *prog_name;
	const char *dev;
	const char *pin_dir;
	const struct hook *hook;
	const char *sets[MAX_SETS];
	int nsets;
	bool first;
};

struct attached {
	struct bpf_object *obj;
	struct bpf_program *prog;
	struct bpf_map *counters;
	struct bpf_link *link;
	int ifindex;
	__u32 prog_id, link_id, map_id;
};

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
	if (bpf_program__type(prog) != BPF_PROG_TYPE_SCHED_CLS ||
	    bpf_program__expected_attach_type(prog) != a->hook->type) {
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

static const char *attach_hint(const struct hook *h, int err)
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

static int attach_link(const struct attach_args *a, struct attached *at)
{
	/* BPF_F_BEFORE with no relative program means "in front of everything" (bpf_mprog). */
	__u32 flags = a->first ? BPF_F_BEFORE : 0;
	int err;

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

/* Refuses a DIR that already holds pins, before anything gets attached. */
static int check_unused(const char *dir)
{
	static const char *const leaves[] = { "link", "prog", "counters" };
	char path[PATH_MAX];

	for (int i = 0; i < 3; i++) {
		pin_path(path, sizeof(path), dir, leaves[i]);
		if (!access(path, F_OK))
			return failf(-EEXIST, "%s is in use (detach it first)", path);
	}
	return 0;
}

/* Pins link, prog and counters under DIR; on failure takes back the pins it made, so the link
 * goes away with this process. */
static int pin_all(const struct attach_args *a, struct attached *at)
{
	char link_path[PATH_MAX], prog_path[PATH_MAX], map_path[PATH_MAX];
	int err;

	pin_path(link_path, sizeof(link_path), a->pin_dir, "link");
	pin_path(prog_path, sizeof(prog_path), a->pin_dir, "prog");
	pin_path(map_path, sizeof(map_path), a->pin_dir, "counters");

	err = bpf_link__pin(at->link, link_path);
	if (err)
		return failf(err, "pin link at %s", link_path);
	err = bpf_program__pin(at->prog, prog_path);
	if (err) {
		bpf_link__unpin(at->link);
		return failf(err, "pin program at %s", prog_path);
	}
	err = bpf_map__pin(at->counters, map_path);
	if (err) {
		bpf_program__unpin(at->prog, prog_path);
		bpf_link__unpin(at->link);
		return failf(err, "pin counters at %s", map_path);
	}
	return 0;
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
	if (!err)
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
	json_string(stdout, a->hook->name);
	printf("}\n");
}

static int do_attach(const struct attach_args *a)
{
	struct attached at = {};
	bool created = false;
	int err;

	at.ifindex = if_nametoindex(a->dev);
	if (!at.ifindex)
		return failf(-ENODEV, "--dev %s: not in this network namespace", a->dev);
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

/* ---------------------------------------------------------------- detach */

/* Removes one pin; *found says whether there was one. Forces a pinned link off its hook first,
 * in case some other process still holds it open. */
static int unpin(const char *dir, const char *leaf, bool *found)
{
	char path[PATH_MAX];
	int fd;

	pin_path(path, sizeof(path), dir, leaf);
	*found = false;
	if (!strcmp(leaf, "link")) {
		fd = bpf_obj_get(path);
		if (fd >= 0) {
			bpf_link_detach(fd);	/* best effort: dropping the pin detaches it too */
			close(fd);
		}
	}
	if (unlink(path)) {
		if (errno == ENOENT)
			return 0;
		return failf(-errno, "unpin %s", path);
	}
	*found = true;
	return 0;
}

static int do_detach(const char *dir)
{
	static const char *const leaves[] = { "link", "prog", "counters" };
	bool found[3] = {}, any = false;
	int err;

	err = check_bpffs(dir);
	if (err == -ENOENT) {
		printf("{\"pin_dir\":");
		json_string(stdout, dir);
		printf(",\"found\":false,\"unpinned\":[]}\n");
		return 0;
	}
	if (err == -ENOTSUP)
		return failf(0, "%s is not on a bpf filesystem; refusing to unlink there", dir);
	if (err)
		return failf(err, "look at %s", dir);
	for (int i = 0; i < 3; i++) {
		err = unpin(dir, leaves[i], &found[i]);
		if (err)
			return err;
		any |= found[i];
	}
	if (rmdir(dir) && errno != ENOENT)
		return failf(-errno, "remove %s", dir);

	printf("{\"pin_dir\":");
	json_string(stdout, dir);
	printf(",\"found\":%s,\"unpinned\":[", any ? "true" : "false");
	for (int i = 0, n = 0; i < 3; i++)
		if (found[i])
			printf("%s\"%s\"", n++ ? "," : "", leaves[i]);
	printf("]}\n");
	return 0;
}

/* ---------------------------------------------------------------- stats */

static int open_pin(const char *dir, const char *leaf, int *fd)
{
	char path[PATH_MAX];

	pin_path(path, sizeof(path), dir, leaf);
	*fd = bpf_obj_get(path);
	if (*fd < 0)
		return failf(-errno, "open %s", path);
	return 0;
}

/* Sums every slot of the per-CPU counters over all possible CPUs, and prints them by name. */
static int print_counters(FILE *out, int map_fd)
{
	static const char *const names[] = NKB_COUNTER_NAMES;
	struct bpf_map_info info = {};
	__u32 len = sizeof(info);
	int ncpus = libbpf_num_possible_cpus();
	__u64 *values;
	int err;

	err = bpf_map_get_info_by_fd(map_fd, &info, &len);
	if (err)
		return failf(err, "read counters map info");
	if (info.type != BPF_MAP_TYPE_PERCPU_ARRAY || info.value_size != sizeof(__u64))
		return failf(0, "counters map is not a per-CPU array of u64");
	if (ncpus < 0)
		return failf(ncpus, "count possible CPUs");
	values = calloc(ncpus, sizeof(__u64));
	if (!values)
		return failf(-ENOMEM, "allocate per-CPU values");

	fprintf(out, "\"counters\":{");
	for (__u32 key = 0; key < info.max_entries; key++) {
		__u64 sum = 0;

		err = bpf_map_lookup_elem(map_fd, &key, values);
		if (err) {
			free(values);
			return failf(-errno, "read counter slot %u", key);
		}
		for (int cpu = 0; cpu < ncpus; cpu++)
			sum += values[cpu];
		if (key < sizeof(names) / sizeof(names[0]))
			fprintf(out, "%s\"%s\":%llu", key ? "," : "", names[key], (unsigned long long)sum);
		else
			fprintf(out, "%s\"slot%u\":%llu", key ? "," : "", key, (unsigned long long)sum);
	}
	fprintf(out, "}");
	free(values);
	return 0;
}

static int do_stats(const char *dir)
{
	struct bpf_prog_info info = {};
	__u32 len = sizeof(info);
	int prog_fd, map_fd, err;
	size_t linelen = 0;
	char *line = NULL;
	FILE *out;

	err = open_pin(dir, "prog", &prog_fd);
	if (err)
		return err;
	err = bpf_prog_get_info_by_fd(prog_fd, &info, &len);
	close(prog_fd);
	if (err)
		return failf(err, "read program info");
	err = open_pin(dir, "counters", &map_fd);
	if (err)
		return err;

	/* Built in memory first, so a failure half-way leaves stdout empty, not half a line. */
	out = open_memstream(&line, &linelen);
	if (!out) {
		close(map_fd);
		return failf(-ENOMEM, "buffer output");
	}
	fprintf(out, "{\"prog_id\":%u,\"run_cnt\":%llu,\"run_time_ns\":%llu,", info.id,
		(unsigned long long)info.run_cnt, (unsigned long long)info.run_time_ns);
	err = print_counters(out, map_fd);
	fprintf(out, "}\n");
	fclose(out);
	close(map_fd);
	if (!err)
		fputs(line, stdout);
	free(line);
	return err;
}

/* ---------------------------------------------------------------- command line */

static void usage(FILE *f)
{
	fputs("usage:\n"
	      "  nkb-loader [-v] attach --obj FILE --prog NAME --hook HOOK --dev IFNAME --pin-dir DIR\n"
	      "                         [--set VAR=VALUE]... [--first]\n"
	      "  nkb-loader [-v] detach --pin-dir DIR\n"
	      "  nkb-loader [-v] stats  --pin-dir DIR\n"
	      "\n"
	      "HOOK: tcx_ingress | tcx_egress | netkit_primary | netkit_peer (netkit: --dev is the\n"
	      "      primary device). --first puts the program in front of the hook's chain.\n"
	      "VALUE: 123 | 0x7b (host order, at the variable's width) | @IFNAME (its ifindex here)\n"
	      "       | a.b.c.d (4 bytes, network order) | aa:bb:cc:dd:ee:ff (6-byte array)\n"
	      "Run inside the device's namespace with nsenter --net=/run/netns/NS.\n", f);
}

enum { OPT_OBJ = 256, OPT_PROG, OPT_HOOK, OPT_DEV, OPT_PIN_DIR, OPT_SET, OPT_FIRST, OPT_HELP };

static const struct option long_options[] = {
	{ "obj", required_argument, NULL, OPT_OBJ },
	{ "prog", required_argument, NULL, OPT_PROG },
	{ "hook", required_argument, NULL, OPT_HOOK },
	{ "dev", required_argument, NULL, OPT_DEV },
	{ "pin-dir", required_argument, NULL, OPT_PIN_DIR },
	{ "set", required_argument, NULL, OPT_SET },
	{ "first", no_argument, NULL, OPT_FIRST },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

/* Parses the options after the command word; which ones a command may use is checked later. */
static int parse_options(int argc, char **argv, struct attach_args *a)
{
	int opt;

	optind = 1;
	opterr = 0;	/* our own one-line errors instead of getopt's */
	while ((opt = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
		switch (opt) {
		case OPT_OBJ: a->obj_path = optarg; break;
		case OPT_PROG: a->prog_name = optarg; break;
		case OPT_DEV: a->dev = optarg; break;
		case OPT_PIN_DIR: a->pin_dir = optarg; break;
		case OPT_FIRST: a->first = true; break;
		case OPT_HOOK:
			a->hook = hook_by_name(optarg);
			if (!a->hook)
				return usagef("--hook %s: want tcx_ingress, tcx_egress, netkit_primary or netkit_peer",
					      optarg);
			break;
		case OPT_SET:
			if (a->nsets == MAX_SETS)
				return usagef("more than %d --set", MAX_SETS);
			a->sets[a->nsets++] = optarg;
			break;
		case OPT_HELP: usage(stdout); exit(0);
		default: return usagef("unknown option or missing value: \"%s\"", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usagef("unexpected argument \"%s\"", argv[optind]);
	return 0;
}

static int run_command(int argc, char **argv)
{
	struct attach_args a = {};
	int err = parse_options(argc, argv, &a);

	if (err)
		return err;
	if (!a.pin_dir)
		return usagef("--pin-dir is required");
	if (!strcmp(command, "attach")) {
		if (!a.obj_path || !a.prog_name || !a.hook || !a.dev)
			return usagef("attach needs --obj, --prog, --hook, --dev and --pin-dir");
		return do_attach(&a);
	}
	if (a.obj_path || a.prog_name || a.hook || a.dev || a.nsets || a.first)
		return usagef("%s takes only --pin-dir", command);
	return !strcmp(command, "detach") ? do_detach(a.pin_dir) : do_stats(a.pin_dir);
}

int main(int argc, char **argv)
{
	const char *env = getenv("NKB_LOADER_VERBOSE");

	verbose = env && *env && strcmp(env, "0");
	argc--, argv++;
	if (argc && !strcmp(argv[0], "-v")) {
		verbose = true;
		argc--, argv++;
	}
	if (argc && (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h"))) {
		usage(stdout);
		return 0;
	}
	if (!argc || (strcmp(argv[0], "attach") && strcmp(argv[0], "detach") && strcmp(argv[0], "stats"))) {
		command = "usage";
		return usagef("want a command, attach, detach or stats%s%s", argc ? ", not " : "",
			      argc ? argv[0] : "");
	}
	command = argv[0];
	libbpf_set_print(libbpf_print);
	/* getopt sees the command word as argv[0], like a program name. */
	return run_command(argc, argv);
}
