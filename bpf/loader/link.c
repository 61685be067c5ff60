// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * link / unlink: attach and take off a tracing program that `load` left pinned under DIR, without
 * loading it again. `load` (the object opened, its tunables set, the kernel's BTF read, the
 * verifier run: seconds of wall time in the emulated VM) runs once; `link` then makes a link from
 * DIR/prog and pins it at DIR/link, and `unlink` detaches and unpins it, leaving DIR/prog and
 * DIR/counters (so the counters keep counting from where they were) for the next `link`.
 * Several --pin-dir are handled by one process, in order; `link` takes back the links it made if
 * one fails, so either all are attached or none.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "loader.h"

/* DIR/prog attached where its BTF says (tp_btf/, fentry/), pinned at DIR/link; *link_id set. */
static int link_one(const char *dir, int *link_fd, __u32 *link_id)
{
	struct bpf_link_info info = {};
	__u32 len = sizeof(info);
	char path[PATH_MAX];
	int prog_fd, err;

	pin_path(path, sizeof(path), dir, "link");
	if (!access(path, F_OK))
		return failf(-EEXIST, "%s is linked already (unlink it first)", path);
	err = open_pin(dir, "prog", &prog_fd);
	if (err)
		return err;
	*link_fd = bpf_raw_tracepoint_open(NULL, prog_fd);
	err = *link_fd < 0 ? -errno : 0;
	close(prog_fd);
	if (err)
		return failf(err, "link %s/prog (not a tracing program, or its tracepoint is gone?)", dir);
	err = bpf_link_get_info_by_fd(*link_fd, &info, &len);
	if (!err)
		err = bpf_obj_pin(*link_fd, path) ? -errno : 0;
	if (err) {
		close(*link_fd);
		*link_fd = -1;
		return failf(err, "pin link at %s", path);
	}
	*link_id = info.id;
	return 0;
}

/* Detaches and unpins DIR/link; *found says whether there was one. */
static int unlink_one(const char *dir, bool *found)
{
	char path[PATH_MAX];
	int fd;

	pin_path(path, sizeof(path), dir, "link");
	*found = false;
	fd = bpf_obj_get(path);
	if (fd < 0)
		return errno == ENOENT ? 0 : failf(-errno, "open %s", path);
	bpf_link_detach(fd);	/* best effort: dropping the pin detaches it too */
	close(fd);
	if (unlink(path))
		return errno == ENOENT ? 0 : failf(-errno, "unpin %s", path);
	*found = true;
	return 0;
}

int do_link_many(const char *const *dirs, int n)
{
	int fds[MAX_SETS + 1];
	__u32 ids[MAX_SETS + 1];
	bool found;
	int err = 0, i;

	for (i = 0; i < n && !err; i++) {
		err = check_bpffs(dirs[i]) ? failf(0, "%s is not a pin folder on a bpf filesystem", dirs[i])
					   : link_one(dirs[i], &fds[i], &ids[i]);
		if (err) {
			while (--i >= 0) {
				unlink_one(dirs[i], &found);
				close(fds[i]);
			}
			return err;
		}
	}
	printf("{\"linked\":[");
	for (i = 0; i < n; i++) {
		close(fds[i]);
		printf("%s{\"pin_dir\":", i ? "," : "");
		json_string(stdout, dirs[i]);
		printf(",\"link_id\":%u}", ids[i]);
	}
	printf("]}\n");
	return 0;
}

/* A DIR without a link (or with no DIR at all) is not an error, so unlink can always run as cleanup. */
int do_unlink_many(const char *const *dirs, int n)
{
	bool found[MAX_SETS + 1];
	int err;

	for (int i = 0; i < n; i++) {
		found[i] = false;
		if (check_bpffs(dirs[i]) == -ENOENT)
			continue;
		if (check_bpffs(dirs[i]))
			return failf(0, "%s is not on a bpf filesystem; refusing to unlink there", dirs[i]);
		err = unlink_one(dirs[i], &found[i]);
		if (err)
			return err;
	}
	printf("{\"unlinked\":[");
	for (int i = 0; i < n; i++) {
		printf("%s{\"pin_dir\":", i ? "," : "");
		json_string(stdout, dirs[i]);
		printf(",\"found\":%s}", found[i] ? "true" : "false");
	}
	printf("]}\n");
	return 0;
}
