/* SPDX-License-Identifier: MIT */
/* names.h - names to enum values (private). */
#ifndef PRICING_NAMES_H
#define PRICING_NAMES_H

/* The index of name in names[0..n) (every entry non-NULL), or -1: how
 * every name table (plans, rounding modes and levels, request types,
 * discount kinds, sheet row kinds) is read back. */
int pricing__lookup(const char *const *names, int n, const char *name);

#endif
