/* SPDX-License-Identifier: MIT */
/* fuzz_exact.c - the fuzz checks' own reference model: decimal amount
 * texts, GMP rationals, the contract's rounding modes, and calendar dates,
 * written independently of the library so a check never trusts the code
 * it checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "fuzz_exact.h"

/* ---------------------------------------------------------------- numbers */

/* A canonical decimal amount text: [0-9]+ or [0-9]+.[0-9]+, no sign. */
int dec_grammar(const char *s, int *frac)
{
    const char *p = s;
    const char *dot;
    if (*p < '0' || *p > '9')
        return 0;
    while (*p >= '0' && *p <= '9')
        p++;
    *frac = 0;
    if (*p == '\0')
        return 1;
    if (*p != '.')
        return 0;
    dot = p++;
    if (*p < '0' || *p > '9')
        return 0;
    while (*p >= '0' && *p <= '9')
        p++;
    *frac = (int)(p - dot - 1);
    return *p == '\0';
}

/* value of the decimal text s (grammar checked by the caller). */
void dec_to_q(mpq_t out, const char *s)
{
    char *digits = malloc(strlen(s) + 1);
    size_t n = 0;
    int frac = 0, in_frac = 0;
    const char *p;
    FUZZ_ASSERT(digits != NULL, "harness out of memory");
    for (p = s; *p; p++) {
        if (*p == '.') {
            in_frac = 1;
            continue;
        }
        digits[n++] = *p;
        frac += in_frac;
    }
    digits[n] = '\0';
    FUZZ_ASSERT(mpz_set_str(mpq_numref(out), digits, 10) == 0, "bad digits %s",
                s);
    mpz_ui_pow_ui(mpq_denref(out), 10, (unsigned long)frac);
    mpq_canonicalize(out);
    free(digits);
}

/* An exact amount: canonical (no leading zeros, no trailing fraction
 * zeros), parsed into out. */
void exact_text(mpq_t out, const char *s, const char *what)
{
    int frac;
    size_t n = strlen(s);
    FUZZ_ASSERT(dec_grammar(s, &frac), "%s \"%s\" is not a plain decimal",
                what, s);
    FUZZ_ASSERT(!(s[0] == '0' && s[1] >= '0' && s[1] <= '9'),
                "%s \"%s\" has a leading zero", what, s);
    FUZZ_ASSERT(frac == 0 || s[n - 1] != '0',
                "%s \"%s\" has trailing fraction zeros", what, s);
    dec_to_q(out, s);
}

/* A rounded amount: canonical with exactly m decimals; into minor units. */
void rounded_text(mpz_t out, const char *s, int m, const char *what)
{
    int frac;
    mpq_t q;
    FUZZ_ASSERT(dec_grammar(s, &frac), "%s \"%s\" is not a plain decimal",
                what, s);
    FUZZ_ASSERT(frac == m, "%s \"%s\" has %d decimals, not %d", what, s, frac,
                m);
    FUZZ_ASSERT(!(s[0] == '0' && s[1] >= '0' && s[1] <= '9'),
                "%s \"%s\" has a leading zero", what, s);
    mpq_init(q);
    dec_to_q(q, s);
    mpz_ui_pow_ui(out, 10, (unsigned long)m);
    mpz_mul(out, out, mpq_numref(q));
    FUZZ_ASSERT(mpz_divisible_p(out, mpq_denref(q)), "not minor units");
    mpz_divexact(out, out, mpq_denref(q));
    mpq_clear(q);
}

/* An amount as the catalog wrote it ([0-9]+(.[0-9]+)?, leading zeros
 * allowed). */
void catalog_amount(mpq_t out, const cJSON *node, const char *what)
{
    int frac;
    FUZZ_ASSERT(cJSON_IsString(node), "%s is not a string", what);
    FUZZ_ASSERT(dec_grammar(node->valuestring, &frac),
                "%s \"%s\" is not an amount", what, node->valuestring);
    dec_to_q(out, node->valuestring);
}

/* A JSON integer 0..10^15 (exact in a double). */
uint64_t json_u64(const cJSON *node, const char *what)
{
    double d;
    FUZZ_ASSERT(cJSON_IsNumber(node), "%s is not a number", what);
    d = node->valuedouble;
    FUZZ_ASSERT(d >= 0 && d <= 1e15 && d == (double)(uint64_t)d,
                "%s = %.17g is not an integer 0..10^15", what, d);
    return (uint64_t)d;
}

void q_set_u64(mpq_t q, uint64_t v)
{
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
    mpq_set_str(q, tmp, 10);
}

/* v rounded to an integer by mode (the contract's definitions). */
void round_q(mpz_t out, const mpq_t v, const char *mode)
{
    mpz_t r, twice;
    int sgn = mpq_sgn(v), up, c;

    mpz_init(r);
    mpz_init(twice);
    mpz_fdiv_qr(out, r, mpq_numref(v), mpq_denref(v));
    if (mpz_sgn(r) != 0) {
        mpz_mul_2exp(twice, r, 1);
        c = mpz_cmp(twice, mpq_denref(v));
        if (!strcmp(mode, "floor"))
            up = 0;
        else if (!strcmp(mode, "ceiling"))
            up = 1;
        else if (!strcmp(mode, "down"))
            up = sgn < 0;
        else if (!strcmp(mode, "up"))
            up = sgn > 0;
        else if (c != 0)
            up = c > 0;
        else if (!strcmp(mode, "half_up"))
            up = sgn > 0;
        else if (!strcmp(mode, "half_down"))
            up = sgn < 0;
        else if (!strcmp(mode, "half_even"))
            up = mpz_odd_p(out);
        else
            fuzz_fail(__FILE__, __LINE__, "mode", "unknown mode %s", mode);
        if (up)
            mpz_add_ui(out, out, 1);
    }
    mpz_clear(r);
    mpz_clear(twice);
}

/* ---------------------------------------------------------------- dates */

static int fleap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static long fdays_in(long y, long m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && fleap(y) ? 29 : dm[m - 1];
}

int fdate_parse(fdate *d, const char *s)
{
    int i;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return -1;
    d->y = atol(s);
    d->m = (s[5] - '0') * 10 + (s[6] - '0');
    d->d = (s[8] - '0') * 10 + (s[9] - '0');
    if (d->y < 1 || d->m < 1 || d->m > 12 || d->d < 1 ||
        d->d > fdays_in(d->y, d->m))
        return -1;
    return 0;
}

/* Adds months with the day clamped; -1 past 9999-12. */
int fdate_add_months(fdate *out, const fdate *d, uint64_t months)
{
    uint64_t idx = (uint64_t)(d->y - 1) * 12 + (uint64_t)(d->m - 1);
    if (months > 9999u * 12u)
        return -1;
    idx += months;
    if (idx >= 9999u * 12u)
        return -1;
    out->y = (long)(idx / 12) + 1;
    out->m = (long)(idx % 12) + 1;
    out->d = d->d < fdays_in(out->y, out->m) ? d->d : fdays_in(out->y, out->m);
    return 0;
}

/* Adds days one month at a time (slow but obviously right); -1 past
 * 9999-12-31. */
int fdate_add_days(fdate *out, const fdate *d, uint64_t days)
{
    fdate c = *d;
    if (days > 3652059u)
        return -1;
    while (days > 0) {
        long left = fdays_in(c.y, c.m) - c.d;
        if ((uint64_t)left >= days) {
            c.d += (long)days;
            days = 0;
        } else {
            days -= (uint64_t)left + 1;
            c.d = 1;
            if (++c.m > 12) {
                c.m = 1;
                if (++c.y > 9999)
                    return -1;
            }
        }
    }
    *out = c;
    return 0;
}
