// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * stats: the program's run_cnt/run_time_ns (counted only while run-time statistics are on; see
 * hold_stats.c) and its `counters` map, each slot summed over all CPUs and named as in
 * nkb_counters.h, then again per possible CPU under "per_cpu".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "loader.h"
#include "nkb_counters.h"

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

	/* "counters": each slot summed; "per_cpu": the same slots, one value per possible CPU. */
	for (int pass = 0; pass < 2; pass++) {
		fprintf(out, pass ? ",\"per_cpu\":{" : "\"counters\":{");
		for (__u32 key = 0; key < info.max_entries; key++) {
			__u64 sum = 0;

			err = bpf_map_lookup_elem(map_fd, &key, values);
			if (err) {
				free(values);
				return failf(-errno, "read counter slot %u", key);
			}
			/* A map from an object built with more slots than this loader knows, or a slot
			 * the designated initialisers skipped, is printed by number. */
			if (key < sizeof(names) / sizeof(names[0]) && names[key])
				fprintf(out, "%s\"%s\":", key ? "," : "", names[key]);
			else
				fprintf(out, "%s\"slot%u\":", key ? "," : "", key);
			for (int cpu = 0; cpu < ncpus; cpu++) {
				sum += values[cpu];
				if (pass)
					fprintf(out, "%s%llu", cpu ? "," : "[", (unsigned long long)values[cpu]);
			}
			if (pass)
				fprintf(out, "]");
			else
				fprintf(out, "%llu", (unsigned long long)sum);
		}
		fprintf(out, "}");
	}
	free(values);
	return 0;
}

/* Reads DIR's program info and counters into *line (malloc'd, ending in a newline). */
static int read_stats(const char *dir, char **line)
{
	struct bpf_prog_info info = {};
	__u32 len = sizeof(info);
	int prog_fd, map_fd, err;
	size_t linelen = 0;
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
	*line = NULL;
	out = open_memstream(line, &linelen);
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
	if (err) {
		free(*line);
		*line = NULL;
	}
	return err;
}

int do_stats_many(const char *first, const char *const *more, int n_more)
{
	char *lines[MAX_SETS + 1] = {};
	int err = read_stats(first, &lines[0]);

	for (int i = 0; !err && i < n_more; i++)
		err = read_stats(more[i], &lines[i + 1]);
	for (int i = 0; i <= n_more; i++) {
		if (!err)
			fputs(lines[i], stdout);
		free(lines[i]);
	}
	return err;
}
