/* SPDX-License-Identifier: MIT */
/* round.h - rounding modes and the rounding of exact values (private). */
#ifndef PRICING_ROUND_H
#define PRICING_ROUND_H

#include <gmp.h>

typedef enum pricing__mode {
    PRICING__HALF_UP,   /* halves away from zero (default) */
    PRICING__HALF_EVEN,
    PRICING__HALF_DOWN, /* halves toward zero */
    PRICING__UP,        /* away from zero */
    PRICING__DOWN,      /* toward zero */
    PRICING__CEILING,
    PRICING__FLOOR,
    PRICING__MODE_COUNT
} pricing__mode;

typedef enum pricing__at {
    PRICING__AT_TOTAL,
    PRICING__AT_PERIOD,
    PRICING__AT_LINE,
    PRICING__AT_COUNT
} pricing__at;

/* Contract names ("half_up", "total"), and lookups returning -1 when the
 * name is unknown. */
const char *pricing__mode_name(pricing__mode mode);
const char *pricing__at_name(pricing__at at);
int pricing__mode_lookup(const char *name);
int pricing__at_lookup(const char *name);

/* q = n / d rounded by mode; d > 0; r is scratch. q may alias n. */
void pricing__round_div(mpz_t q, mpz_t r, const mpz_t n, const mpz_t d,
                        pricing__mode mode);

#endif
