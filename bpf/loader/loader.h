/* SPDX-License-Identifier: (GPL-2.0 OR MIT) */
/*
 * What nkb-loader's files share: exit codes, the error-line helpers, the hooks, and each
 * command's entry point. Internal to the loader; the BPF programs never see it.
 *
 * Every step reports its own failure (one line on stderr through failf or usagef) and returns
 * the exit code, so a caller only passes a non-zero result up.
 */
#ifndef NKB_LOADER_H
#define NKB_LOADER_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <bpf/libbpf.h>

#define EXIT_STEP 1
#define EXIT_USAGE 2
#define MAX_SETS 32

/* ---- errors.c: error lines, JSON, libbpf's log */

extern const char *command;	/* the command word, for error lines */
extern bool verbose;		/* -v / NKB_LOADER_VERBOSE: let libbpf print its log */

/* "nkb-loader: <command>: <message>[: <errno text>]"; returns EXIT_STEP. err: -errno or 0. */
int failf(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "nkb-loader: <command>: <message> (see nkb-loader --help)"; returns EXIT_USAGE. */
int usagef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void json_string(FILE *out, const char *s);
int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap);

/* ---- hooks.c: where a program can go */

struct hook {
	const char *name;
	enum bpf_attach_type type;
	bool netkit;
};

const struct hook *hook_by_name(const char *name);
const struct hook *hook_by_type(enum bpf_attach_type type);
/* A likely cause for an attach failure at H, or "". */
const char *attach_hint(const struct hook *h, int err);

/* ---- tunables.c, values.c: --set VAR=VALUE into .rodata */

/* What a `const volatile` variable in .rodata looks like, as far as --set cares. */
struct tunable {
	const char *name;
	__u32 offset;
	__u32 size;
	bool is_int;	/* an integer or enum (through typedefs and qualifiers) */
	bool is_bytes;	/* an array of 1-byte elements (a MAC, an IPv6 address) */
	__u32 elem_size;	/* an array of 4- or 8-byte integers: the element's size, else 0 */
};

/* A parsed VALUE: an integer (decimal, hex, or @IFNAME's ifindex) or raw bytes in wire order. */
struct value {
	enum { VAL_INT, VAL_IPV4, VAL_IPV6, VAL_MAC } kind;
	unsigned long long num;
	__u8 bytes[16];
};

/* An array of integers in .rodata (e.g. __u64 netns_cookies[8]): --set VAR=V1,V2,... fills its
 * first elements and zeroes the rest. */
#define MAX_ELEMS 16

/* Applies one VAR=VALUE to the object's .rodata image; must run before bpf_object__load(). */
int set_tunable(struct bpf_object *obj, const char *assignment);
int parse_value(const char *text, struct value *v);
/* The cookie (SO_NETNS_COOKIE, Linux 5.14+) of the network namespace at PATH (/run/netns/NAME). */
int netns_cookie(const char *path, unsigned long long *cookie);
/* The ifindex of IFNAME in the network namespace at PATH. */
int ifindex_in(const char *path, const char *ifname, unsigned long long *ifindex);
int store_value(void *rodata, const struct tunable *t, const struct value *v, const char *text);
/* V1,V2,... into an integer array tunable (t->elem_size set), each Vi an integer VALUE. */
int store_array(void *rodata, const struct tunable *t, const char *text);

/* ---- attach.c */

/* What `attach` does with the program: a tcx/netkit link on --dev (attach), a tracing link where
 * its SEC() says (trace), or nothing, leaving the pinned program for another tool to attach,
 * e.g. tc's cls_bpf through `object-pinned` (load). */
enum attach_mode { MODE_LINK, MODE_TRACE, MODE_LOAD };

struct attach_args {
	enum attach_mode mode;
	const char *obj_path;
	const char *prog_name;
	const char *dev;
	const char *pin_dir;
	/* stats takes several --pin-dir and reads them back to back (one line each, in order), so
	 * counters read together cover the same instants to within microseconds. */
	const char *more_pin_dirs[MAX_SETS];
	int n_more_pin_dirs;
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

int do_attach(const struct attach_args *a);

/* ---- pins.c: the pin folder DIR (DIR/link, DIR/prog, DIR/counters) */

#define PIN_LEAVES { "link", "prog", "counters" }

void pin_path(char *out, size_t len, const char *dir, const char *leaf);
int check_bpffs(const char *dir);
int make_dirs(const char *dir, bool *created);
int check_unused(const char *dir);
int pin_all(const struct attach_args *a, struct attached *at);
int open_pin(const char *dir, const char *leaf, int *fd);

/* ---- detach.c, stats.c, hold_stats.c */

int do_detach(const char *dir);
/* stats for DIR and then each of MORE, one line each, printed only when all were read. */
int do_stats_many(const char *first, const char *const *more, int n_more);
int do_hold_stats(void);

/* ---- link.c: link and unlink a tracing program `load` pinned, without loading it again */

int do_link_many(const char *const *dirs, int n);
int do_unlink_many(const char *const *dirs, int n);

#endif /* NKB_LOADER_H */
