/* SPDX-License-Identifier: MIT */
/* quote_round.c - a quote's totals and rounded line amounts: the three
 * rounding levels and the largest-remainder allocation. */
#include "decimal.h"
#include "memory.h"
#include "quote.h"
#include "zword.h"

/* Does line i come before line j: larger remainder, then earlier. */
static int before(const pricing_quote *q, size_t i, size_t j)
{
    int c = mpz_cmp(q->lines[i].scratch, q->lines[j].scratch);
    return c > 0 || (c == 0 && i < j);
}

/* A stable bottom-up merge sort of the line numbers by remainder (qsort
 * has no context argument in C99); order holds 2n entries, the second
 * half is scratch. O(n log n) whatever the remainders. */
static size_t *rank(pricing_quote *q, size_t n)
{
    size_t *a = q->order, *b = q->order + n, *t, i, w;
    for (i = 0; i < n; i++)
        a[i] = i;
    for (w = 1; w < n; w *= 2) {
        for (i = 0; i < n; i += 2 * w) {
            size_t lo = i, mid = i + w < n ? i + w : n;
            size_t hi = i + 2 * w < n ? i + 2 * w : n, x = lo, y = mid, k = lo;
            while (x < mid && y < hi)
                b[k++] = before(q, a[y], a[x]) ? a[y++] : a[x++];
            while (x < mid)
                b[k++] = a[x++];
            while (y < hi)
                b[k++] = a[y++];
        }
        t = a;
        a = b;
        b = t;
    }
    return a;
}

/*
 * Largest remainder: each line's value (one period's with per_period,
 * else the whole order's) cut down to whole minor units, then the units
 * left to reach total go one each to the largest remainders, ties to the
 * earliest. Results land in each line's amount (minor units); unit is
 * one minor unit over the quote's den.
 */
static int allocate(pricing_quote *q, mpz_srcptr unit, int per_period,
                    const mpz_t total)
{
    size_t i, n = q->nlines, *order;
    long left;

    if (pricing__z_is_one(unit)) {
        /* values already in minor units: nothing to cut or allocate */
        if (per_period)
            for (i = 0; i < n; i++)
                pricing__z_divexact(q->lines[i].amount, q->lines[i].exact,
                                    q->tmp2);
        else
            for (i = 0; i < n; i++)
                pricing__z_set(q->lines[i].amount, q->lines[i].exact);
        return 0;
    }
    pricing__z_set(q->tmp, total);
    for (i = 0; i < n; i++) {
        pricing__qline *l = &q->lines[i];
        if (per_period)
            pricing__z_divexact(l->scratch, l->exact, q->tmp2);
        pricing__z_fdiv_qr(l->amount, l->scratch,
                           per_period ? l->scratch : l->exact, unit);
        pricing__z_sub(q->tmp, q->tmp, l->amount);
    }
    left = mpz_get_si(q->tmp);
    if (left <= 0)
        return 0;
    if (pricing__grow((void **)&q->order, &q->order_cap, 2 * n,
                      sizeof *q->order) != 0)
        return -1;
    order = rank(q, n);
    for (i = 0; i < n && left > 0; i++, left--)
        mpz_add_ui(q->lines[order[i]].amount, q->lines[order[i]].amount, 1);
    return 0;
}

/* exact_total = the sum of the lines' exact values: in a word while they
 * and the partial sums fit, else with GMP from the start. */
static void exact_sum(pricing_quote *q)
{
    int64_t sum = 0, x;
    size_t i;

    for (i = 0; i < q->nlines; i++)
        if (!pricing__z_get(q->lines[i].exact, &x) ||
            !pricing__z_word_add(&sum, x))
            break;
    if (i == q->nlines && pricing__z_put(q->exact_total, sum))
        return;
    mpz_set_ui(q->exact_total, 0);
    for (i = 0; i < q->nlines; i++)
        mpz_add(q->exact_total, q->exact_total, q->lines[i].exact);
}

int pricing__quote_round(pricing_quote *q)
{
    const pricing_catalog *cat = q->cat;
    pricing__at at = cat->at;
    mpz_srcptr unit = cat->unit;
    size_t i;

    exact_sum(q);
    /* one minor unit over den (the catalog's while den is), and den for
     * one period in tmp2 */
    if (q->den_pow10 != (int)cat->scale || q->minor_units != cat->minor_units) {
        mpz_ui_pow_ui(q->tmp, 10, q->minor_units);
        mpz_divexact(q->unit, q->den, q->tmp);
        unit = q->unit;
    }
    pricing__z_set_u64(q->tmp2, q->count);
    /* one minor unit per period */
    pricing__z_mul_u64(q->tmp3, unit, q->count);
    if (at == PRICING__AT_PERIOD && !q->uniform)
        at = PRICING__AT_TOTAL; /* periods differ: contract 1.1 */
    switch (at) {
    case PRICING__AT_TOTAL:
        pricing__round_div(q->total, q->tmp, q->exact_total, unit,
                           cat->mode);
        pricing__round_div(q->period_total, q->tmp, q->exact_total, q->tmp3,
                           cat->mode);
        /* the lines' rounded shares are only needed to show the lines */
        return q->totals_only ? 0 : allocate(q, unit, 0, q->total);
    case PRICING__AT_PERIOD:
        pricing__z_divexact(q->tmp, q->exact_total, q->tmp2);
        pricing__round_div(q->period_total, q->tmp, q->tmp, unit,
                           cat->mode);
        if (q->totals_only) {
            pricing__z_mul(q->total, q->period_total, q->tmp2);
            return 0;
        }
        if (allocate(q, unit, 1, q->period_total) != 0)
            return -1;
        pricing__z_mul(q->total, q->period_total, q->tmp2);
        for (i = 0; i < q->nlines; i++)
            pricing__z_mul(q->lines[i].amount, q->lines[i].amount, q->tmp2);
        return 0;
    case PRICING__AT_LINE:
    case PRICING__AT_COUNT: /* not a level: the loader never sets it */
        pricing__z_zero(q->total);
        pricing__z_zero(q->period_total);
        for (i = 0; i < q->nlines; i++) {
            pricing__qline *l = &q->lines[i];
            pricing__round_div(l->amount, l->scratch, l->exact, unit,
                               cat->mode);
            pricing__z_add(q->total, q->total, l->amount);
            pricing__round_div(l->scratch, q->tmp, l->exact, q->tmp3,
                               cat->mode);
            pricing__z_add(q->period_total, q->period_total, l->scratch);
        }
        return 0;
    }
    return 0;
}

