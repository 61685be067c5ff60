// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * nkb-loader: loads, attaches, pins, reads and detaches netkit-bench's BPF programs, and holds
 * BPF run-time statistics on while a benchmark runs.
 *
 *   nkb-loader [-v] attach --obj FILE --prog NAME --hook HOOK --dev IFNAME --pin-dir DIR
 *                          [--set VAR=VALUE]... [--first]
 *   nkb-loader [-v] trace  --obj FILE --prog NAME --pin-dir DIR [--set VAR=VALUE]...
 *   nkb-loader [-v] load   --obj FILE --prog NAME --pin-dir DIR [--set VAR=VALUE]...
 *   nkb-loader [-v] link   --pin-dir DIR [--pin-dir DIR]...
 *   nkb-loader [-v] unlink --pin-dir DIR [--pin-dir DIR]...
 *   nkb-loader [-v] detach --pin-dir DIR
 *   nkb-loader [-v] stats  --pin-dir DIR [--pin-dir DIR]...
 *   nkb-loader [-v] hold-stats
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
 * This file reads the command line and dispatches; each command lives in its own file.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"

static void usage(FILE *f)
{
	fputs("usage:\n"
	      "  nkb-loader [-v] attach --obj FILE --prog NAME --hook HOOK --dev IFNAME --pin-dir DIR\n"
	      "                         [--set VAR=VALUE]... [--first]\n"
	      "  nkb-loader [-v] trace  --obj FILE --prog NAME --pin-dir DIR [--set VAR=VALUE]...\n"
	      "  nkb-loader [-v] load   --obj FILE --prog NAME --pin-dir DIR [--set VAR=VALUE]...\n"
	      "  nkb-loader [-v] link   --pin-dir DIR [--pin-dir DIR]...\n"
	      "  nkb-loader [-v] unlink --pin-dir DIR [--pin-dir DIR]...\n"
	      "  nkb-loader [-v] detach --pin-dir DIR\n"
	      "  nkb-loader [-v] stats  --pin-dir DIR [--pin-dir DIR]...   (one line each, read back to back)\n"
	      "  nkb-loader [-v] hold-stats\n"
	      "\n"
	      "HOOK: tcx_ingress | tcx_egress | netkit_primary | netkit_peer (netkit: --dev is the\n"
	      "      primary device). --first puts the program in front of the hook's chain.\n"
	      "VALUE: 123 | 0x7b (host order, at the variable's width) | @IFNAME (its ifindex here)\n"
	      "       | a.b.c.d (4 bytes, network order) | 2001:2::1 (16-byte array, network order)\n"
	      "       | aa:bb:cc:dd:ee:ff (6-byte array)\n"
	      "       | netns:PATH (that namespace's cookie) | @IFNAME/PATH (ifindex in namespace PATH)\n"
	      "       | V1,V2,... (an integer array; the rest zeroed)\n"
	      "trace: a tracing program (tp_btf/, fentry/) attached where its SEC() says.\n"
	      "load: loads and pins prog and counters only, for tc filter ... bpf da object-pinned DIR/prog,\n"
	      "      or, for a tracing program, for link.\n"
	      "link: attaches each DIR/prog (a tracing program load left) and pins DIR/link, all or none.\n"
	      "unlink: detaches and unpins each DIR/link, keeping DIR/prog and DIR/counters.\n"
	      "hold-stats: turns on run_cnt/run_time_ns counting (BPF_ENABLE_STATS) until stdin ends\n"
	      "      or SIGTERM/SIGINT; the kernel turns it off when no holder is left, even if killed.\n"
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
		case OPT_PIN_DIR:
			if (!a->pin_dir) {
				a->pin_dir = optarg;
			} else {
				if (a->n_more_pin_dirs == MAX_SETS)
					return usagef("more than %d --pin-dir", MAX_SETS + 1);
				a->more_pin_dirs[a->n_more_pin_dirs++] = optarg;
			}
			break;
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
	if (!strcmp(command, "hold-stats")) {
		if (a.pin_dir || a.obj_path || a.prog_name || a.hook || a.dev || a.nsets || a.first)
			return usagef("hold-stats takes no options");
		return do_hold_stats();
	}
	if (!a.pin_dir)
		return usagef("--pin-dir is required");
	if (!strcmp(command, "attach")) {
		if (!a.obj_path || !a.prog_name || !a.hook || !a.dev)
			return usagef("attach needs --obj, --prog, --hook, --dev and --pin-dir");
		a.mode = MODE_LINK;
		return do_attach(&a);
	}
	if (!strcmp(command, "trace") || !strcmp(command, "load")) {
		if (!a.obj_path || !a.prog_name)
			return usagef("%s needs --obj, --prog and --pin-dir", command);
		if (a.hook || a.dev || a.first)
			return usagef("%s takes no --hook, --dev or --first", command);
		a.mode = !strcmp(command, "trace") ? MODE_TRACE : MODE_LOAD;
		return do_attach(&a);
	}
	if (a.obj_path || a.prog_name || a.hook || a.dev || a.nsets || a.first)
		return usagef("%s takes only --pin-dir", command);
	if (!strcmp(command, "link") || !strcmp(command, "unlink")) {
		const char *dirs[MAX_SETS + 1] = { a.pin_dir };

		for (int i = 0; i < a.n_more_pin_dirs; i++)
			dirs[i + 1] = a.more_pin_dirs[i];
		return (!strcmp(command, "link") ? do_link_many : do_unlink_many)(dirs, a.n_more_pin_dirs + 1);
	}
	if (a.n_more_pin_dirs && strcmp(command, "stats"))
		return usagef("only stats, link and unlink take more than one --pin-dir");
	if (!strcmp(command, "detach"))
		return do_detach(a.pin_dir);
	/* Each line is printed only once all are read, so a failure leaves stdout empty. */
	return do_stats_many(a.pin_dir, a.more_pin_dirs, a.n_more_pin_dirs);
}

static bool is_command(const char *word)
{
	return !strcmp(word, "attach") || !strcmp(word, "trace") || !strcmp(word, "load") ||
	       !strcmp(word, "detach") || !strcmp(word, "stats") || !strcmp(word, "hold-stats") ||
	       !strcmp(word, "link") || !strcmp(word, "unlink");
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
	if (!argc || !is_command(argv[0])) {
		command = "usage";
		return usagef("want a command, attach, trace, load, link, unlink, detach, stats or hold-stats%s%s",
			      argc ? ", not " : "", argc ? argv[0] : "");
	}
	command = argv[0];
	libbpf_set_print(libbpf_print);
	/* getopt sees the command word as argv[0], like a program name. */
	return run_command(argc, argv);
}
