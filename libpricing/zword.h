/* SPDX-License-Identifier: MIT */
/* zword.h - exact integer (mpz) arithmetic with a one-word fast path
 * (private).
 *
 * A quote's values are nearly always below 2^63 in their smallest unit,
 * and a GMP call on such a value costs 50 to 100 instructions, most of it
 * the call and its size checks. Each operation here takes its operands
 * as words when each is one limb of at most INT64_MAX, computes in
 * int64_t with an overflow check, and stores the result straight into
 * the destination's limb; anything larger, an overflow, or a destination
 * with no limb allocated yet goes to the same GMP call as before, so the
 * result is always the exact one (tests/unit_zword.c checks both sides of
 * 2^63 and 2^64, both signs).
 *
 * Reading and writing go through _mp_size, _mp_d and _mp_alloc, the
 * fields GMP's manual documents under "Integer Internals", and only where
 * a limb is one 64-bit word without nails; a limb is written only into a
 * destination that owns one (_mp_alloc >= 1). The destinations are the
 * quote's own integers, never a catalog's (which may be read-only
 * views). Elsewhere every call is GMP's. */
#ifndef PRICING_ZWORD_H
#define PRICING_ZWORD_H

#include <limits.h>
#include <stdint.h>

#include <gmp.h>

#include "decimal.h"

/* -DPRICING__ZWORD=0 builds the GMP-only paths (how they are tested). */
#ifndef PRICING__ZWORD
#if defined(__GNUC__) && __GNUC__ >= 5 && GMP_NUMB_BITS == 64 &&             \
    GMP_NAIL_BITS == 0
#define PRICING__ZWORD 1
#else
#define PRICING__ZWORD 0
#endif
#endif

/* The slow paths (zword.c): r = a x u, and r = u x a + b (r not b). */
void pricing__z_mul_u64_big(mpz_ptr r, mpz_srcptr a, uint64_t u);
void pricing__z_addmul_u64_big(mpz_ptr r, uint64_t u, mpz_srcptr a,
                               mpz_srcptr b);

/* 1 and *w = z when z is one word of magnitude at most INT64_MAX. */
static inline int pricing__z_get(mpz_srcptr z, int64_t *w)
{
#if PRICING__ZWORD
    int s = z->_mp_size;
    mp_limb_t m;
    if (s < -1 || s > 1)
        return 0;
    m = s ? z->_mp_d[0] : 0;
    if (m > (mp_limb_t)INT64_MAX)
        return 0;
    *w = s < 0 ? -(int64_t)m : (int64_t)m;
    return 1;
#else
    (void)z;
    (void)w;
    return 0;
#endif
}

/* r = v, in place when r has a limb: 1; 0 when r needs GMP. */
static inline int pricing__z_put(mpz_ptr r, int64_t v)
{
#if PRICING__ZWORD
    if (r->_mp_alloc < 1)
        return 0;
    /* -(mp_limb_t)v is |v| for every v, INT64_MIN included */
    r->_mp_d[0] = v < 0 ? -(mp_limb_t)v : (mp_limb_t)v;
    r->_mp_size = (v > 0) - (v < 0);
    return 1;
#else
    (void)r;
    (void)v;
    return 0;
#endif
}

/* *sum += x: 1, or 0 (and *sum unspecified) when it would overflow. */
static inline int pricing__z_word_add(int64_t *sum, int64_t x)
{
#if PRICING__ZWORD
    return !__builtin_add_overflow(*sum, x, sum);
#else
    (void)sum;
    (void)x;
    return 0;
#endif
}

/* r = 0 (size 0 is zero whatever r holds: no limb is written) */
static inline void pricing__z_zero(mpz_ptr r)
{
#if PRICING__ZWORD
    r->_mp_size = 0;
#else
    mpz_set_ui(r, 0);
#endif
}

/* r = u */
static inline void pricing__z_set_u64(mpz_ptr r, uint64_t u)
{
    if (u > (uint64_t)INT64_MAX || !pricing__z_put(r, (int64_t)u))
        pricing__mpz_set_u64(r, u);
}

/* r = a */
static inline void pricing__z_set(mpz_ptr r, mpz_srcptr a)
{
#if PRICING__ZWORD
    int s = a->_mp_size;
    if (s >= -1 && s <= 1 && r->_mp_alloc >= 1) {
        r->_mp_d[0] = s ? a->_mp_d[0] : 0;
        r->_mp_size = s;
        return;
    }
#endif
    mpz_set(r, a);
}

/* r = a + b */
static inline void pricing__z_add(mpz_ptr r, mpz_srcptr a, mpz_srcptr b)
{
#if PRICING__ZWORD
    int64_t x, y, s;
    if (pricing__z_get(a, &x) && pricing__z_get(b, &y) &&
        !__builtin_add_overflow(x, y, &s) && pricing__z_put(r, s))
        return;
#endif
    mpz_add(r, a, b);
}

/* r = a - b */
static inline void pricing__z_sub(mpz_ptr r, mpz_srcptr a, mpz_srcptr b)
{
#if PRICING__ZWORD
    int64_t x, y, s;
    if (pricing__z_get(a, &x) && pricing__z_get(b, &y) &&
        !__builtin_sub_overflow(x, y, &s) && pricing__z_put(r, s))
        return;
#endif
    mpz_sub(r, a, b);
}

/* r = a x b */
static inline void pricing__z_mul(mpz_ptr r, mpz_srcptr a, mpz_srcptr b)
{
#if PRICING__ZWORD
    int64_t x, y, p;
    if (pricing__z_get(a, &x) && pricing__z_get(b, &y) &&
        !__builtin_mul_overflow(x, y, &p) && pricing__z_put(r, p))
        return;
#endif
    mpz_mul(r, a, b);
}

/* r = a / d, which d (> 0) divides */
static inline void pricing__z_divexact(mpz_ptr r, mpz_srcptr a, mpz_srcptr d)
{
#if PRICING__ZWORD
    int64_t x, y;
    if (pricing__z_get(a, &x) && pricing__z_get(d, &y) && y > 0 &&
        pricing__z_put(r, x / y))
        return;
#endif
    mpz_divexact(r, a, d);
}

/* q = floor(n / d), r = n - q x d (0 <= r < d, d > 0); q and r distinct,
 * either may be n. */
static inline void pricing__z_fdiv_qr(mpz_ptr q, mpz_ptr r, mpz_srcptr n,
                                      mpz_srcptr d)
{
#if PRICING__ZWORD
    int64_t x, y, fq, fr;
    /* both destinations checked first: one may be n */
    if (pricing__z_get(n, &x) && pricing__z_get(d, &y) && y > 0 &&
        q->_mp_alloc >= 1 && r->_mp_alloc >= 1) {
        fq = x / y; /* C truncates toward zero */
        fr = x % y;
        if (fr < 0) {
            fq--;
            fr += y;
        }
        pricing__z_put(q, fq);
        pricing__z_put(r, fr);
        return;
    }
#endif
    mpz_fdiv_qr(q, r, n, d);
}

/* r = a x u */
static inline void pricing__z_mul_u64(mpz_ptr r, mpz_srcptr a, uint64_t u)
{
#if PRICING__ZWORD
    int64_t x, p;
    if (u <= (uint64_t)INT64_MAX && pricing__z_get(a, &x) &&
        !__builtin_mul_overflow(x, (int64_t)u, &p) && pricing__z_put(r, p))
        return;
#endif
    pricing__z_mul_u64_big(r, a, u);
}

/* r = u x a + b; r must not be b. */
static inline void pricing__z_addmul_u64(mpz_ptr r, uint64_t u, mpz_srcptr a,
                                         mpz_srcptr b)
{
#if PRICING__ZWORD
    int64_t x, y, p;
    if (u <= (uint64_t)INT64_MAX && pricing__z_get(a, &x) &&
        pricing__z_get(b, &y) && !__builtin_mul_overflow(x, (int64_t)u, &p) &&
        !__builtin_add_overflow(p, y, &p) && pricing__z_put(r, p))
        return;
#endif
    pricing__z_addmul_u64_big(r, u, a, b);
}

/* 1 when z is 1 (a divisor that changes nothing). */
static inline int pricing__z_is_one(mpz_srcptr z)
{
    return mpz_size(z) == 1 && mpz_sgn(z) > 0 && mpz_getlimbn(z, 0) == 1;
}

#endif
