/* SPDX-License-Identifier: MIT */
/* share.h - what the versions of a history share (private).
 *
 * Twenty versions of a catalog that differ in a few prices are mostly the
 * same text. While a history loads, every string is interned (one copy
 * per distinct text) and a charge written exactly as one loaded by an
 * earlier version, for a spec of the same shape in the same currency, is
 * that charge: its amounts, rules and tiers are not built twice. Within
 * one catalog every charge stays its own. Only the tables of each
 * version (specs, attributes, SKU slots) are its own. */
#ifndef PRICING_SHARE_H
#define PRICING_SHARE_H

#include "catalog_parse.h"

typedef struct pricing__share pricing__share;

pricing__share *pricing__share_new(void);
void pricing__share_free(pricing__share *sh);

/* The interned copy of s (n bytes), allocated in cat's arena; NULL when
 * out of memory. */
char *pricing__share_strndup(pricing__share *sh, pricing__arena *a,
                             const char *s, size_t n);

/* A charge loaded earlier from JSON equal to node, or NULL. */
pricing__charge *pricing__share_charge_find(pricing__share *sh,
                                            const pricing__load *ld,
                                            const pricing__spec *spec,
                                            const cJSON *node);
/* Remembers ch, loaded from node; -1 when out of memory. */
int pricing__share_charge_add(pricing__share *sh, const pricing__load *ld,
                              const pricing__spec *spec, const cJSON *node,
                              pricing__charge *ch);

#endif
