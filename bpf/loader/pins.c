// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * The pin folder DIR: everything an attached program leaves behind lives there, as DIR/link
 * (the tcx or netkit link), DIR/prog and DIR/counters. DIR must be on a bpf filesystem, so a
 * wrong --pin-dir can never make detach unlink ordinary files.
 */
#include <errno.h>
#include <limits.h>
#include <linux/magic.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "loader.h"

void pin_path(char *out, size_t len, const char *dir, const char *leaf)
{
	snprintf(out, len, "%s/%s", dir, leaf);
}

/* Refuses anything outside a bpffs, so a wrong --pin-dir can never unlink ordinary files. */
int check_bpffs(const char *dir)
{
	struct statfs fs;

	if (statfs(dir, &fs))
		return -errno;
	return fs.f_type == BPF_FS_MAGIC ? 0 : -ENOTSUP;
}

/* mkdir -p; *created says whether DIR itself is new (so a failed attach removes only that). */
int make_dirs(const char *dir, bool *created)
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

/* Refuses a DIR that already holds pins, before anything gets attached. */
int check_unused(const char *dir)
{
	static const char *const leaves[] = PIN_LEAVES;
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
int pin_all(const struct attach_args *a, struct attached *at)
{
	char link_path[PATH_MAX], prog_path[PATH_MAX], map_path[PATH_MAX];
	int err;

	pin_path(link_path, sizeof(link_path), a->pin_dir, "link");
	pin_path(prog_path, sizeof(prog_path), a->pin_dir, "prog");
	pin_path(map_path, sizeof(map_path), a->pin_dir, "counters");

	/* No link when only loaded (nkb-loader load): another tool attaches the pinned program. */
	err = at->link ? bpf_link__pin(at->link, link_path) : 0;
	if (err)
		return failf(err, "pin link at %s", link_path);
	err = bpf_program__pin(at->prog, prog_path);
	if (err) {
		if (at->link)
			bpf_link__unpin(at->link);
		return failf(err, "pin program at %s", prog_path);
	}
	err = bpf_map__pin(at->counters, map_path);
	if (err) {
		bpf_program__unpin(at->prog, prog_path);
		if (at->link)
			bpf_link__unpin(at->link);
		return failf(err, "pin counters at %s", map_path);
	}
	return 0;
}

/* Opens DIR/LEAF (a pinned program or map) into *fd. */
int open_pin(const char *dir, const char *leaf, int *fd)
{
	char path[PATH_MAX];

	pin_path(path, sizeof(path), dir, leaf);
	*fd = bpf_obj_get(path);
	if (*fd < 0)
		return failf(-errno, "open %s", path);
	return 0;
}
