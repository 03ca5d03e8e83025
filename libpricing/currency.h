/* SPDX-License-Identifier: MIT */
/* currency.h - the ISO 4217 table (private). */
#ifndef PRICING_CURRENCY_H
#define PRICING_CURRENCY_H

/*
 * The minor units of an active ISO 4217 code (three capital letters, NUL
 * terminated): 0..4, or -1 when the code is not in the table or has no
 * minor units (XXX, XTS, XAU, ...: "N.A." in ISO 4217), so the catalog
 * must give minor_units.
 */
int pricing__currency_minor_units(const char *code);

#endif
