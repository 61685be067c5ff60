// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * The VALUE of --set VAR=VALUE: read from text (integer, @IFNAME, dotted IPv4, IPv6, MAC) and stored
 * at the variable's offset in the .rodata image, refusing a value whose shape or width does not
 * match the variable.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"

static bool parse_mac(const char *s, __u8 mac[6])
{
	unsigned int b[6];
	char end;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &end) != 6)
		return false;
	for (int i = 0; i < 6; i++)
		mac[i] = b[i];
	return strlen(s) == 17;
}

static bool parse_uint(const char *s, unsigned long long *out)
{
	int base = (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ? 16 : 10;
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return false;
	errno = 0;
	*out = strtoull(s, &end, base);
	return !errno && end != s && !*end;
}

/* @IFNAME/PATH: the ifindex of IFNAME in the namespace at PATH (device names hold no '/'). */
static int parse_remote_ifindex(const char *text, struct value *v)
{
	const char *slash = strchr(text, '/');
	char ifname[IF_NAMESIZE];

	if ((size_t)(slash - text - 1) >= sizeof(ifname))
		return usagef("--set: \"%s\": device name too long", text);
	snprintf(ifname, sizeof(ifname), "%.*s", (int)(slash - text - 1), text + 1);
	v->kind = VAL_INT;
	return ifindex_in(slash, ifname, &v->num);
}

/* VALUE forms: decimal or 0x-hex integer, @IFNAME, @IFNAME/NSPATH, netns:NSPATH, dotted IPv4,
 * IPv6 (2001:2::1), aa:bb:cc:dd:ee:ff. A MAC is tried before IPv6: six two-digit groups read as
 * a MAC, never as an address. */
int parse_value(const char *text, struct value *v)
{
	struct in6_addr a6;
	struct in_addr a;

	if (!strncmp(text, "netns:", 6)) {
		v->kind = VAL_INT;
		return netns_cookie(text + 6, &v->num);
	}
	if (text[0] == '@' && strchr(text, '/'))
		return parse_remote_ifindex(text, v);
	if (text[0] == '@') {
		v->kind = VAL_INT;
		v->num = if_nametoindex(text + 1);
		if (!v->num)
			return failf(-ENODEV, "--set: no device \"%s\" in this network namespace", text + 1);
		return 0;
	}
	if (parse_mac(text, v->bytes)) {
		v->kind = VAL_MAC;
		return 0;
	}
	if (strchr(text, '.') && inet_pton(AF_INET, text, &a) == 1) {
		v->kind = VAL_IPV4;
		memcpy(v->bytes, &a.s_addr, 4);	/* network byte order, as in the packet */
		return 0;
	}
	if (strchr(text, ':') && inet_pton(AF_INET6, text, &a6) == 1) {
		v->kind = VAL_IPV6;
		memcpy(v->bytes, a6.s6_addr, 16);	/* network byte order */
		return 0;
	}
	if (parse_uint(text, &v->num)) {
		v->kind = VAL_INT;
		return 0;
	}
	return usagef("--set: cannot read \"%s\": want an integer, @IFNAME[/NSPATH], netns:NSPATH, "
		      "a.b.c.d, an IPv6 address or aa:bb:cc:dd:ee:ff", text);
}

/* Host byte order at the variable's own width, refusing what does not fit. */
static int store_int(void *dst, const struct tunable *t, unsigned long long num)
{
	if (t->size < 8 && num >> (t->size * 8))
		return -ERANGE;
	switch (t->size) {
	case 1: { __u8 x = num; memcpy(dst, &x, 1); return 0; }
	case 2: { __u16 x = num; memcpy(dst, &x, 2); return 0; }
	case 4: { __u32 x = num; memcpy(dst, &x, 4); return 0; }
	case 8: { __u64 x = num; memcpy(dst, &x, 8); return 0; }
	}
	return -EINVAL;
}

int store_value(void *rodata, const struct tunable *t, const struct value *v, const char *text)
{
	void *dst = (char *)rodata + t->offset;

	if (!t->is_int && !t->is_bytes)
		return usagef("--set %s: not an integer or byte array; --set cannot fill it", t->name);
	switch (v->kind) {
	case VAL_MAC:
		if (!t->is_bytes || t->size != 6)
			return usagef("--set %s=%s: %s is %u bytes%s, not a 6-byte array", t->name, text,
				      t->name, t->size, t->is_bytes ? "" : " (an integer)");
		memcpy(dst, v->bytes, 6);
		return 0;
	case VAL_IPV4:
		if (t->size != 4)
			return usagef("--set %s=%s: %s is %u bytes, an IPv4 address needs 4", t->name,
				      text, t->name, t->size);
		memcpy(dst, v->bytes, 4);
		return 0;
	case VAL_IPV6:
		if (!t->is_bytes || t->size != 16)
			return usagef("--set %s=%s: %s is %u bytes%s, an IPv6 address needs a 16-byte array",
				      t->name, text, t->name, t->size, t->is_bytes ? "" : " (an integer)");
		memcpy(dst, v->bytes, 16);
		return 0;
	case VAL_INT:
		if (t->is_bytes)
			return usagef("--set %s=%s: %s is a %u-byte array; give aa:bb:cc:dd:ee:ff", t->name,
				      text, t->name, t->size);
		if (store_int(dst, t, v->num))
			return usagef("--set %s=%s: does not fit %s (%u bytes)", t->name, text, t->name,
				      t->size);
		return 0;
	}
	return usagef("--set %s=%s: unknown value kind", t->name, text);
}

int store_array(void *rodata, const struct tunable *t, const char *text)
{
	__u32 count = t->size / t->elem_size, n = 0;
	struct tunable elem = *t;
	char item[256];
	struct value v;
	int err;

	memset((char *)rodata + t->offset, 0, t->size);
	elem.size = t->elem_size;
	elem.is_int = true;
	for (const char *p = text; *p; n++) {
		size_t len = strcspn(p, ",");

		if (n == count)
			return usagef("--set %s=%s: more than %u values", t->name, text, count);
		if (!len || len >= sizeof(item))
			return usagef("--set %s=%s: empty or overlong value", t->name, text);
		snprintf(item, sizeof(item), "%.*s", (int)len, p);
		err = parse_value(item, &v);
		if (!err)
			err = store_value(rodata, &elem, &v, item);
		if (err)
			return err;
		elem.offset += t->elem_size;
		p += len + (p[len] == ',');
	}
	return 0;
}
