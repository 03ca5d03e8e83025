/* SPDX-License-Identifier: MIT */
/* round.c - the seven rounding modes over exact integers. */
#include <string.h>

#include "names.h"
#include "round.h"

static const char *const mode_names[PRICING__MODE_COUNT] = {
    "half_up", "half_even", "half_down", "up", "down", "ceiling", "floor"};
static const char *const at_names[PRICING__AT_COUNT] = {"total", "period",
                                                        "line"};

const char *pricing__mode_name(pricing__mode mode)
{
    return mode_names[mode];
}

const char *pricing__at_name(pricing__at at)
{
    return at_names[at];
}

int pricing__mode_lookup(const char *name)
{
    return pricing__lookup(mode_names, PRICING__MODE_COUNT, name);
}

int pricing__at_lookup(const char *name)
{
    return pricing__lookup(at_names, PRICING__AT_COUNT, name);
}

void pricing__round_div(mpz_t q, mpz_t r, const mpz_t n, const mpz_t d,
                        pricing__mode mode)
{
    int neg = mpz_sgn(n) < 0, up = 0, half;

    if (mpz_cmp_ui(d, 1) == 0) { /* nothing to round: the common case */
        mpz_set(q, n);
        return;
    }
    /* Floor division leaves 0 <= r < d; every mode then either keeps the
     * floor or takes the next integer up. */
    mpz_fdiv_qr(q, r, n, d);
    if (mpz_sgn(r) == 0)
        return;
    switch (mode) {
    case PRICING__FLOOR:
        up = 0;
        break;
    case PRICING__CEILING:
        up = 1;
        break;
    case PRICING__DOWN:
        up = neg;
        break;
    case PRICING__UP:
        up = !neg;
        break;
    case PRICING__HALF_UP:
    case PRICING__HALF_EVEN:
    case PRICING__HALF_DOWN:
    case PRICING__MODE_COUNT: /* not a mode; never stored in a catalog */
        mpz_mul_2exp(r, r, 1);
        half = mpz_cmp(r, d);
        if (half < 0)
            up = 0;
        else if (half > 0)
            up = 1;
        else if (mode == PRICING__HALF_UP)
            up = !neg;
        else if (mode == PRICING__HALF_DOWN)
            up = neg;
        else
            up = mpz_odd_p(q);
        break;
    }
    if (up)
        mpz_add_ui(q, q, 1);
}
