// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * Facts from another network namespace, for tunables that filter on it: its cookie (what BPF
 * reads as net->net_cookie) and a device's ifindex there. Each enters the namespace with setns()
 * on the /run/netns/NAME file, asks, and comes back to the one we started in; the loader is
 * single-threaded, so nothing else runs in the borrowed namespace meanwhile.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include "loader.h"

#ifndef SO_NETNS_COOKIE
#define SO_NETNS_COOKIE 71	/* Linux 5.14+, asm-generic/socket.h */
#endif

/* Runs ask(arg, out) inside the namespace at PATH; -errno on failure. */
static int in_netns(const char *path, int (*ask)(const void *arg, unsigned long long *out),
		    const void *arg, unsigned long long *out)
{
	int home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC), there, err;

	if (home < 0)
		return -errno;
	there = open(path, O_RDONLY | O_CLOEXEC);
	if (there < 0) {
		err = -errno;
		close(home);
		return err;
	}
	err = setns(there, CLONE_NEWNET) ? -errno : ask(arg, out);
	close(there);
	if (setns(home, CLONE_NEWNET) && !err)
		err = -errno;
	close(home);
	return err;
}

static int ask_cookie(const void *arg, unsigned long long *out)
{
	socklen_t len = sizeof(*out);
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), err = 0;

	if (fd < 0)
		return -errno;
	if (getsockopt(fd, SOL_SOCKET, SO_NETNS_COOKIE, out, &len))
		err = -errno;
	close(fd);
	return err;
}

static int ask_ifindex(const void *arg, unsigned long long *out)
{
	*out = if_nametoindex(arg);
	return *out ? 0 : -ENODEV;
}

int netns_cookie(const char *path, unsigned long long *cookie)
{
	int err = in_netns(path, ask_cookie, NULL, cookie);

	return err ? failf(err, "--set: cookie of network namespace %s", path) : 0;
}

int ifindex_in(const char *path, const char *ifname, unsigned long long *ifindex)
{
	int err = in_netns(path, ask_ifindex, ifname, ifindex);

	return err ? failf(err, "--set: device %s in network namespace %s", ifname, path) : 0;
}
