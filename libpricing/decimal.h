/* SPDX-License-Identifier: MIT */
/* decimal.h - the amount grammar and exact decimal text (private).
 *
 * Amounts never pass through a double: the text is checked against the
 * contract's grammar here, then its digits go straight into GMP. */
#ifndef PRICING_DECIMAL_H
#define PRICING_DECIMAL_H

#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

/* Results of pricing__decimal_check. */
#define PRICING__DEC_OK 0
#define PRICING__DEC_SYNTAX 1 /* not [0-9]+(\.[0-9]+)? (signs included) */
#define PRICING__DEC_DIGITS 2 /* too many integer or fraction digits */

/*
 * Checks s[0..len) against the unsigned amount grammar [0-9]+(\.[0-9]+)?
 * ("010" is ten: leading zeros are allowed by the contract and read in
 * base 10), then the digit limits. Sets *frac to the number of fraction
 * digits written.
 */
int pricing__decimal_check(const char *s, size_t len, unsigned *frac);

/* A percentage: the amount grammar, at most 100. Returns PRICING__DEC_*
 * or PRICING__DEC_RANGE. */
#define PRICING__DEC_RANGE 3
int pricing__percent_check(const char *s, size_t len, unsigned *frac);

/* out = value of the checked decimal s x 10^scale (scale >= its frac). */
void pricing__decimal_to_mpz(mpz_t out, const char *s, size_t len,
                             unsigned scale);

/* An upper bound of the bytes pricing__decimal_format writes (with NUL). */
size_t pricing__decimal_format_size(const mpz_t v, unsigned scale);

/*
 * Writes v / 10^scale as decimal text into dst: with exactly scale
 * fraction digits when strip is 0, or without trailing fraction zeros
 * (and without a point when nothing is left) when strip is 1. Zero never
 * has a sign. Returns the length written (NUL not counted).
 */
size_t pricing__decimal_format(char *dst, const mpz_t v, unsigned scale,
                               int strip);

/*
 * num / den exactly: decimal text without trailing zeros when it
 * terminates (den's prime factors, once reduced, are 2 and 5 only), else
 * "a/b" in lowest terms (the contract's form for non-terminating values).
 * den > 0. _size is an upper bound of the bytes written, NUL included.
 */
size_t pricing__exact_format_size(const mpz_t num, const mpz_t den);
size_t pricing__exact_format(char *dst, const mpz_t num, const mpz_t den);

/* mpz from a uint64_t whatever the width of unsigned long. */
void pricing__mpz_set_u64(mpz_t out, uint64_t v);

#endif
