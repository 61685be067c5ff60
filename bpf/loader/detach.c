// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * detach: takes the link off its hook, removes the pins under DIR and DIR itself. A DIR that is
 * not there is not an error ("found":false), so detach can always run as cleanup.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "loader.h"

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

int do_detach(const char *dir)
{
	static const char *const leaves[] = PIN_LEAVES;
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
