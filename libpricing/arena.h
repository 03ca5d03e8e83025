/* SPDX-License-Identifier: MIT */
/* arena.h - the memory a loaded catalog lives in (private).
 *
 * A catalog is built once and freed whole: its data is carved from large
 * blocks (zeroed, aligned for any type) and its GMP integers are listed
 * for clearing, so loading makes few mallocs and freeing walks two
 * lists. Nothing is freed on its own. */
#ifndef PRICING_ARENA_H
#define PRICING_ARENA_H

#include <stddef.h>

#include <gmp.h>

typedef struct pricing__arena {
    struct pricing__block *blocks;
    /* Strings, packed without alignment apart from the structures, so
     * that a SKU's charges and rules sit next to each other. */
    struct pricing__block *texts;
    mpz_ptr *mpzs;
    size_t nmpzs, mpzs_cap;
    /* While a catalog history loads: its strings are interned there, one
     * copy of each text (share.h). NULL otherwise. */
    struct pricing__share *share;
} pricing__arena;

/* size zeroed bytes owned by a; NULL when out of memory. */
void *pricing__arena_alloc(pricing__arena *a, size_t size);

/* n bytes owned by a, unaligned and not zeroed (strings); NULL when out
 * of memory. */
char *pricing__arena_text(pricing__arena *a, size_t n);

/* Makes view a read-only copy of value (mpz_roinit_n) whose limbs are
 * *limb when it has at most one (limb may be NULL) and otherwise are
 * allocated in a; -1 when out of memory. view is never cleared. */
int pricing__arena_view(pricing__arena *a, mpz_ptr view, mpz_srcptr value,
                        mp_limb_t *limb);

/* A copy of s[0..n) plus a NUL in a (a pricing__arena * as void *, the
 * shape json_read.h's string copiers take); NULL when out of memory. */
char *pricing__arena_strndup(void *a, const char *s, size_t n);

/* mpz_init(z), listed for clearing with a; -1 when out of memory. */
int pricing__arena_mpz(pricing__arena *a, mpz_ptr z);

/* Clears every listed integer and frees every block; a is then empty. */
void pricing__arena_free(pricing__arena *a);

#endif
