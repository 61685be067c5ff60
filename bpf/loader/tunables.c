// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * --set VAR=VALUE: finds VAR among the object's `const volatile` variables (its .rodata, through
 * BTF) and writes VALUE into the .rodata image before load, so the verifier sees it as a
 * constant. values.c reads VALUE and checks it fits the variable.
 */
#include <errno.h>
#include <string.h>

#include <bpf/btf.h>

#include "loader.h"

static const struct btf_type *skip_mods(const struct btf *btf, __u32 id)
{
	const struct btf_type *t = btf__type_by_id(btf, id);

	while (t && (btf_is_mod(t) || btf_is_typedef(t)))
		t = btf__type_by_id(btf, t->type);
	return t;
}

/* 4 or 8 for an array of 4- or 8-byte integers, else 0. */
static __u32 int_array_elem(const struct btf *btf, const struct btf_type *t)
{
	const struct btf_type *elem;

	if (!btf_is_array(t))
		return 0;
	elem = skip_mods(btf, btf_array(t)->type);
	return elem && btf_is_int(elem) && (elem->size == 4 || elem->size == 8) ? elem->size : 0;
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
		out->elem_size = type ? int_array_elem(btf, type) : 0;
		return 0;
	}
	return -ENOENT;
}

int set_tunable(struct bpf_object *obj, const char *assignment)
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

	if (t.elem_size)
		return store_array(rodata, &t, eq + 1);
	err = parse_value(eq + 1, &v);
	if (err)
		return err;
	return store_value(rodata, &t, &v, eq + 1);
}
