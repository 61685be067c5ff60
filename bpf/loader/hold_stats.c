// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * hold-stats: keeps BPF run-time statistics (run_cnt/run_time_ns) on for as long as it runs.
 *
 * BPF_ENABLE_STATS hands out an fd; the kernel counts statistics while any such fd is open
 * (refcounted, so concurrent holders do not fight) and drops the reference when the fd closes,
 * also when the holder is killed, even by SIGKILL. Unlike writing kernel.bpf_stats_enabled,
 * nothing global is left changed; that sysctl keeps reading what it was set to.
 *
 * Prints {"stats":"run_time","enabled":true} once the statistics are on, then waits until stdin
 * ends (the caller closes its end of the pipe, or dies) or SIGTERM/SIGINT arrives, and exits 0.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "loader.h"

static const char *enable_hint(int err)
{
	if (err == -EPERM)
		return "; needs CAP_SYS_ADMIN";
	if (err == -EINVAL)
		return "; kernel without BPF_ENABLE_STATS (5.8+)?";
	return "";
}

/* Returns when stdin reaches its end (or cannot be read) or SIGTERM/SIGINT arrives on sig_fd. */
static int wait_for_end(int sig_fd)
{
	char buf[4096];
	ssize_t n;

	for (;;) {
		struct pollfd fds[2] = {
			{ .fd = STDIN_FILENO, .events = POLLIN },
			{ .fd = sig_fd, .events = POLLIN },
		};

		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return failf(-errno, "wait for the end of stdin");
		}
		if (fds[1].revents)
			return 0;	/* SIGTERM or SIGINT */
		if (!fds[0].revents)
			continue;
		n = read(STDIN_FILENO, buf, sizeof(buf));	/* input is not meant for us: dropped */
		if (n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN)))
			continue;
		return 0;	/* end of file, hang-up or a read error all end the hold */
	}
}

int do_hold_stats(void)
{
	sigset_t mask;
	int sig_fd, stats_fd, err;

	/* Otherwise the fds below could become stdin, and the hold would wait on itself. */
	if (fcntl(STDIN_FILENO, F_GETFD) < 0)
		return failf(-errno, "stdin is closed; the hold lasts until stdin ends");
	/* Blocked before the kernel is asked, so a SIGTERM from then on ends the hold cleanly. */
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	if (sigprocmask(SIG_BLOCK, &mask, NULL))
		return failf(-errno, "block SIGTERM and SIGINT");
	sig_fd = signalfd(-1, &mask, SFD_CLOEXEC);
	if (sig_fd < 0)
		return failf(-errno, "signalfd for SIGTERM and SIGINT");

	stats_fd = bpf_enable_stats(BPF_STATS_RUN_TIME);
	if (stats_fd < 0) {
		close(sig_fd);
		return failf(stats_fd, "enable run-time statistics (BPF_ENABLE_STATS)%s",
			     enable_hint(stats_fd));
	}
	printf("{\"stats\":\"run_time\",\"enabled\":true}\n");
	if (fflush(stdout))
		err = failf(-errno, "write to stdout");
	else
		err = wait_for_end(sig_fd);
	close(stats_fd);	/* the kernel's count drops; statistics stop unless someone else holds them */
	close(sig_fd);
	return err;
}
