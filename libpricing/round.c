/* SPDX-License-Identifier: MIT */
/* round.c - the seven rounding modes over exact integers. */
#include <string.h>

#include "names.h"
#include "round.h"
#include "zword.h"

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

/* Whether a quotient rounded down (floor) goes up one: the remainder is
 * non-zero, half < 0, == 0 or > 0 as it is below, at or above half the
 * divisor; neg: the value was negative; odd: the floor is odd. */
static int goes_up(pricing__mode mode, int neg, int half, int odd)
{
    switch (mode) {
    case PRICING__FLOOR:
        return 0;
    case PRICING__CEILING:
        return 1;
    case PRICING__DOWN:
        return neg;
    case PRICING__UP:
        return !neg;
    case PRICING__HALF_UP:
    case PRICING__HALF_EVEN:
    case PRICING__HALF_DOWN:
    case PRICING__MODE_COUNT: /* not a mode; never stored in a catalog */
        break;
    }
    if (half != 0)
        return half > 0;
    if (mode == PRICING__HALF_UP)
        return !neg;
    if (mode == PRICING__HALF_DOWN)
        return neg;
    return odd;
}

/* q = n / d rounded, in words (n fits an int64_t, d >= 2, so neither
 * step overflows): 1, or 0 when q has no limb to hold it. */
static int round_div_word(mpz_t q, int64_t n, int64_t d, pricing__mode mode)
{
    int64_t fq = n / d, r = n % d; /* C truncates toward zero */
    int half;
    if (r < 0) {
        fq--;
        r += d;
    }
    if (r != 0) {
        half = r < d - r ? -1 : r > d - r;
        fq += goes_up(mode, n < 0, half, (int)(fq & 1));
    }
    return pricing__z_put(q, fq);
}

void pricing__round_div(mpz_t q, mpz_t r, const mpz_t n, const mpz_t d,
                        pricing__mode mode)
{
    int neg = mpz_sgn(n) < 0, half;
    int64_t nw, dw;

    if (pricing__z_is_one(d)) { /* nothing to round: the common case */
        pricing__z_set(q, n);
        return;
    }
    /* Floor division leaves 0 <= r < d; every mode then either keeps the
     * floor or takes the next integer up. */
    if (pricing__z_get(n, &nw) && pricing__z_get(d, &dw) &&
        round_div_word(q, nw, dw, mode))
        return;
    if (mpz_fits_ulong_p(d)) {
        /* the usual divisors (a minor unit, times the periods) fit in a
         * word: the remainder is a word too */
        unsigned long dl = mpz_get_ui(d), rl = mpz_fdiv_q_ui(q, n, dl);
        if (rl == 0)
            return;
        half = rl < dl - rl ? -1 : rl > dl - rl;
    } else {
        mpz_fdiv_qr(q, r, n, d);
        if (mpz_sgn(r) == 0)
            return;
        mpz_mul_2exp(r, r, 1);
        half = mpz_cmp(r, d);
    }
    if (goes_up(mode, neg, half, mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
}
