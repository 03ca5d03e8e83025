/* SPDX-License-Identifier: MIT */
/* currency.h - the ISO 4217 table (private). */
#ifndef PRICING_CURRENCY_H
#define PRICING_CURRENCY_H

#include <stddef.h>

/*
 * The minor units of an active ISO 4217 code (three capital letters, NUL
 * terminated): 0..4, or -1 when the code is not in the table or has no
 * minor units (XXX, XTS, XAU, ...: "N.A." in ISO 4217), so the catalog
 * must give minor_units.
 */
int pricing__currency_minor_units(const char *code);

/* The table, for naming a near code: its size, and code number i. */
size_t pricing__currency_count(void);
const char *pricing__currency_code(size_t i);
/* Non-zero when code is in the table (with or without minor units). */
int pricing__currency_listed(const char *code);

#endif
