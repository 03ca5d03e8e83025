/* SPDX-License-Identifier: MIT */
/* lint_editions.c - edition_order: along an enum attribute whose values
 * are listed in a natural order, an SKU cheaper than the one before it.
 *
 * The catalog cannot say that an enum is ordered, so the linter only
 * checks the lists whose order it can read for itself (docs/seller-tools.md
 * states the rule): every value an edition word of the ladder below, in
 * the ladder's order; or every value the same text around a number, the
 * numbers rising ("1GB", "2GB", "10GB"). A list of regions or systems is
 * neither, and is left alone. */
#include <stdio.h>
#include <string.h>

#include "decimal.h"
#include "lint.h"

/* Edition words, cheapest first; compared without ASCII case. */
static const char *const ladder[] = {
    "free",     "trial",    "lite",       "basic",   "starter",
    "standard", "plus",     "pro",        "professional", "premium",
    "business", "advanced", "enterprise", "ultimate", NULL};

static int same_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

static int rank(const char *v)
{
    int k;
    for (k = 0; ladder[k]; k++)
        if (same_nocase(v, ladder[k]))
            return k;
    return -1;
}

/* A value's one run of digits: [*start, *end), its value in *n (at most
 * 18 digits). 0 when it has no run, or more than one. */
static int number_in(const char *v, size_t *start, size_t *end, uint64_t *n)
{
    size_t i = strcspn(v, "0123456789"), j;
    if (!v[i])
        return 0;
    for (j = i, *n = 0; v[j] >= '0' && v[j] <= '9'; j++) {
        if (j - i >= 18)
            return 0;
        *n = *n * 10 + (uint64_t)(v[j] - '0');
    }
    if (strcspn(v + j, "0123456789") != strlen(v + j))
        return 0;
    *start = i;
    *end = j;
    return 1;
}

/* The same text around the numbers, the numbers rising. */
static int numbered(const pricing__attr *at)
{
    size_t s0, e0, s, e, i;
    uint64_t n0, n;
    const char *v0 = at->values[0];
    if (!number_in(v0, &s0, &e0, &n0))
        return 0;
    for (i = 1; i < at->nvalues; i++) {
        const char *v = at->values[i];
        if (!number_in(v, &s, &e, &n) || n <= n0 || s != s0 ||
            strncmp(v, v0, s) != 0 || strcmp(v + e, v0 + e0) != 0)
            return 0;
        n0 = n;
    }
    return 1;
}

/* 1 when at's values are listed in an order the linter can read. */
static int ordered(const pricing__attr *at)
{
    size_t i;
    int last = -1, r;
    if (!at->is_enum || at->nvalues < 2)
        return 0;
    for (i = 0; i < at->nvalues; i++) {
        if ((r = rank(at->values[i])) <= last)
            break;
        last = r;
    }
    return i == at->nvalues || numbered(at);
}

/* SKU pos (value v > 0 of at) against pos - radix (value v - 1), for
 * plan: the largest amount by which the lower edition costs more. */
static void compare(pricing__lint_ctx *lx, size_t s, const pricing__attr *at,
                    size_t pos, int plan)
{
    const pricing__spec *spec = &lx->cat->specs[s];
    const pricing__sku *hi = &spec->skus[pos], *lo = &spec->skus[pos - at->radix];
    const pricing__charge *ch = hi->prices[plan], *cl = lo->prices[plan];
    uint64_t qv[PRICING_MAX_ATTRIBUTES];
    char sh[160], sl[160], th[96], tl[96], qs[200];
    pricing__path p;
    mpz_t d, vh, vl;

    if (!hi->available || !lo->available || !ch || !cl)
        return;
    mpz_init(d);
    mpz_init(vh);
    mpz_init(vl);
    memset(qv, 0, sizeof qv);
    if (pricing__lint_charge_max_diff(d, qv, cl, 1, ch, 1, spec) == 0 &&
        mpz_sgn(d) > 0) {
        pricing__lint_charge_total(vh, ch, spec, qv);
        pricing__lint_charge_total(vl, cl, spec, qv);
        pricing__lint_amount(th, sizeof th, lx, vh);
        pricing__lint_amount(tl, sizeof tl, lx, vl);
        pricing__lint_sku_name(sh, sizeof sh, spec, pos);
        pricing__lint_sku_name(sl, sizeof sl, spec, pos - at->radix);
        pricing__lint_qv_text(qs, sizeof qs, spec, qv);
        pricing__lint_charge_path(&p, lx, s, pos, (pricing__plan)plan);
        pricing__lint_add(lx, "edition_order", p.buf,
                          "%.64s %s%s%s: (%s) costs %s, less than (%s) "
                          "before it at %s",
                          spec->id, pricing__plan_name((pricing__plan)plan),
                          qs[0] ? " at " : "", qs, sh, th, sl, tl);
    }
    mpz_clear(d);
    mpz_clear(vh);
    mpz_clear(vl);
}

void pricing__lint_editions(pricing__lint_ctx *lx, size_t s)
{
    const pricing__spec *spec = &lx->cat->specs[s];
    size_t a, pos;
    int plan;

    for (a = 0; a < spec->nattrs; a++) {
        const pricing__attr *at = &spec->attrs[a];
        if (!ordered(at))
            continue;
        for (pos = 0; pos < spec->nskus; pos++) {
            if (pos / at->radix % at->nvalues == 0)
                continue; /* the first value: nothing before it */
            for (plan = 0; plan < PRICING__PLAN_COUNT; plan++)
                compare(lx, s, at, pos, plan);
        }
    }
}
