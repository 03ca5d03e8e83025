/* SPDX-License-Identifier: MIT */
/* zword.c - the GMP side of zword.h: what does not fit a word. */
#include "zword.h"

void pricing__z_mul_u64_big(mpz_ptr r, mpz_srcptr a, uint64_t u)
{
    mpz_t t;
    if (u <= (uint64_t)(unsigned long)-1) {
        mpz_mul_ui(r, a, (unsigned long)u);
        return;
    }
    /* only where unsigned long is narrower than 64 bits */
    mpz_init(t);
    pricing__mpz_set_u64(t, u);
    mpz_mul(r, a, t);
    mpz_clear(t);
}

void pricing__z_addmul_u64_big(mpz_ptr r, uint64_t u, mpz_srcptr a,
                               mpz_srcptr b)
{
    pricing__z_mul_u64_big(r, a, u);
    mpz_add(r, r, b);
}
