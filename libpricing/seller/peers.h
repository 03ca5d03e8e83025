/* SPDX-License-Identifier: MIT */
/* peers.h - the same amount in each currency of a catalog (private).
 *
 * A catalog with "currencies" is loaded as one catalog per currency with
 * the same structure (history.h). The seller tools walk the default
 * currency's catalog; for each amount they meet, its peers are the
 * amounts at the same place in the other currencies' catalogs, found by
 * walking every catalog's sheet rows in lockstep. */
#ifndef PRICING_PEERS_H
#define PRICING_PEERS_H

#include "history.h"
#include "model.h"

typedef struct pricing__peers {
    size_t ncur;                     /* currencies; 1: no peers */
    pricing_catalog *const *cats;    /* [ncur], [0] the default */
    const pricing__amount **amounts; /* [n * ncur]: row-major */
    size_t n;                        /* amounts per currency */
    uint32_t *slots;                 /* default amount -> index + 1 */
    size_t mask;
} pricing__peers;

/* The peers of cat's amounts (cat: a version in its default currency).
 * 0, or -1 when out of memory. */
int pricing__peers_init(pricing__peers *p, const pricing_catalog *cat);
void pricing__peers_dispose(pricing__peers *p);

/* a's peer in currency c (a itself for c 0 or a catalog of one currency);
 * NULL when a is not an amount of the catalog. */
const pricing__amount *pricing__peer(const pricing__peers *p,
                                     const pricing__amount *a, size_t c);

#endif
