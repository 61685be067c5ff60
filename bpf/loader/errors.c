// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * How nkb-loader speaks: one JSON line on stdout when a command succeeds, one line
 * "nkb-loader: <command>: <step>: <reason>" on stderr when it fails (exit 1: the step failed,
 * 2: bad usage), and libbpf's own log on stderr only when asked (-v).
 */
#include <stdarg.h>
#include <stdio.h>

#include "loader.h"

const char *command = "";
bool verbose;

/* Prints "nkb-loader: <command>: <message>[: <errno text>]" and returns EXIT_STEP. err is a
 * negative errno (libbpf's convention) or 0 for none. */
int failf(int err, const char *fmt, ...)
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

int usagef(const char *fmt, ...)
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
void json_string(FILE *out, const char *s)
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

int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (!verbose)
		return 0;
	return vfprintf(stderr, fmt, ap);
}
