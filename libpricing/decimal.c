/* SPDX-License-Identifier: MIT */
/* decimal.c - the amount grammar, amounts into GMP, exact decimal text. */
#include <string.h>

#include "pricing.h"
#include "decimal.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int pricing__decimal_check(const char *s, size_t len, unsigned *frac)
{
    size_t i = 0, int_digits, frac_digits = 0;

    while (i < len && is_digit(s[i]))
        i++;
    int_digits = i;
    if (int_digits == 0)
        return PRICING__DEC_SYNTAX;
    if (i < len) {
        if (s[i] != '.')
            return PRICING__DEC_SYNTAX;
        i++;
        while (i < len && is_digit(s[i])) {
            i++;
            frac_digits++;
        }
        if (frac_digits == 0 || i != len)
            return PRICING__DEC_SYNTAX;
    }
    if (int_digits > PRICING_MAX_AMOUNT_INT_DIGITS ||
        frac_digits > PRICING_MAX_AMOUNT_FRAC_DIGITS)
        return PRICING__DEC_DIGITS;
    *frac = (unsigned)frac_digits;
    return PRICING__DEC_OK;
}

void pricing__decimal_to_mpz(mpz_t out, const char *s, size_t len,
                             unsigned scale)
{
    /* Bounded by the digit limits: no allocation, and base 10 always
     * (GMP's base 0 would read "010" as octal). */
    char digits[PRICING_MAX_AMOUNT_INT_DIGITS + 2 * PRICING_MAX_AMOUNT_FRAC_DIGITS + 8];
    size_t n = 0, i;
    unsigned frac = 0;
    int in_frac = 0;

    for (i = 0; i < len; i++) {
        if (s[i] == '.') {
            in_frac = 1;
            continue;
        }
        digits[n++] = s[i];
        frac += (unsigned)in_frac;
    }
    while (frac < scale) {
        digits[n++] = '0';
        frac++;
    }
    /* 19 digits are below 10^19 < 2^64: a word, no mpz_set_str (a
     * catalog load does this for every amount). */
    if (n <= 19) {
        uint64_t v = 0;
        for (i = 0; i < n; i++)
            v = v * 10 + (uint64_t)(digits[i] - '0');
        pricing__mpz_set_u64(out, v);
        return;
    }
    digits[n] = '\0';
    mpz_set_str(out, digits, 10);
}

size_t pricing__decimal_format_size(const mpz_t v, unsigned scale)
{
    /* digits, sign, point, leading "0." zeros, NUL */
    return mpz_sizeinbase(v, 10) + scale + 4;
}

size_t pricing__decimal_format(char *dst, const mpz_t v, unsigned scale,
                               int strip)
{
    char *digits = dst;
    size_t n, neg = 0;
    int sign = mpz_sgn(v);

    if (sign == 0) {
        dst[0] = '0';
        n = 1;
        if (!strip && scale > 0) {
            dst[n++] = '.';
            memset(dst + n, '0', scale);
            n += scale;
        }
        dst[n] = '\0';
        return n;
    }
    if (sign < 0) {
        *dst = '-';
        digits = dst + 1;
        neg = 1;
    }
    /* Absolute value's digits, then left-pad to scale + 1 digits. */
    mpz_get_str(digits, 10, v);
    if (neg)
        memmove(digits, digits + 1, strlen(digits + 1) + 1);
    n = strlen(digits);
    if (n < (size_t)scale + 1) {
        size_t pad = scale + 1 - n;
        memmove(digits + pad, digits, n + 1);
        memset(digits, '0', pad);
        n += pad;
    }
    if (scale > 0) {
        size_t keep = scale;
        if (strip)
            while (keep > 0 && digits[n - scale + keep - 1] == '0')
                keep--;
        if (keep > 0) {
            memmove(digits + n - scale + 1, digits + n - scale, keep);
            digits[n - scale] = '.';
            n = n - scale + 1 + keep;
        } else {
            n -= scale;
        }
        digits[n] = '\0';
    }
    return n + neg;
}

void pricing__mpz_set_u64(mpz_t out, uint64_t v)
{
    if (v <= (uint64_t)(unsigned long)-1) {
        mpz_set_ui(out, (unsigned long)v);
        return;
    }
    mpz_set_ui(out, (unsigned long)(v >> 32));
    mpz_mul_2exp(out, out, 32);
    mpz_add_ui(out, out, (unsigned long)(v & 0xffffffffu));
}

int pricing__percent_check(const char *s, size_t len, unsigned *frac)
{
    size_t i, int_digits;
    int rc = pricing__decimal_check(s, len, frac);
    if (rc != PRICING__DEC_OK)
        return rc;
    /* Above 100 unless the integer part, without leading zeros, is at
     * most "100" and, when it is 100, nothing but zeros follows. */
    for (i = 0; i + 1 < len && s[i] == '0' && s[i + 1] != '.'; i++)
        ;
    for (int_digits = 0; i + int_digits < len && s[i + int_digits] != '.';
         int_digits++)
        ;
    if (int_digits < 3)
        return PRICING__DEC_OK;
    if (int_digits > 3 || memcmp(s + i, "100", 3) > 0)
        return PRICING__DEC_RANGE;
    if (memcmp(s + i, "100", 3) == 0)
        for (i += 4; i < len; i++)
            if (s[i] != '0')
                return PRICING__DEC_RANGE;
    return PRICING__DEC_OK;
}

size_t pricing__exact_format_size(const mpz_t num, const mpz_t den)
{
    /* a terminating value needs at most as many fraction digits as den
     * has bits; "a/b" needs both numbers */
    return mpz_sizeinbase(num, 10) + mpz_sizeinbase(den, 10) +
           mpz_sizeinbase(den, 2) + 8;
}

size_t pricing__exact_format(char *dst, const mpz_t num, const mpz_t den)
{
    mpz_t n, d, g;
    size_t len;
    mp_bitcnt_t twos;
    unsigned long fives = 0, k;

    mpz_init(n);
    mpz_init(d);
    mpz_init(g);
    mpz_gcd(g, num, den);
    mpz_divexact(n, num, g);
    mpz_divexact(d, den, g);
    twos = mpz_scan1(d, 0);
    mpz_tdiv_q_2exp(g, d, twos);
    while (mpz_divisible_ui_p(g, 5)) {
        mpz_divexact_ui(g, g, 5);
        fives++;
    }
    if (mpz_cmp_ui(g, 1) == 0) {
        /* n / (2^a 5^b) = n x 10^k / d with k = max(a, b) */
        k = twos > fives ? twos : fives;
        mpz_ui_pow_ui(g, 10, k);
        mpz_mul(n, n, g);
        mpz_divexact(n, n, d);
        len = pricing__decimal_format(dst, n, (unsigned)k, 1);
    } else {
        mpz_get_str(dst, 10, n);
        len = strlen(dst);
        dst[len++] = '/';
        mpz_get_str(dst + len, 10, d);
        len += strlen(dst + len);
    }
    mpz_clear(n);
    mpz_clear(d);
    mpz_clear(g);
    return len;
}
