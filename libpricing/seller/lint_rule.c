/* SPDX-License-Identifier: MIT */
/* lint_rule.c - the linter's exact arithmetic on one rule (lint.h).
 *
 * A rule's amount is affine in the quantity on each tier (a linear rule
 * is one tier), so every question the linter asks of a rule is answered
 * at the first and last allowed quantity of each tier, or of each piece
 * where two rules both keep their tiers: a walk over the tiers, never over
 * the quantities. Allowed quantities are min + k x step up to max. */
#include "decimal.h"
#include "lint.h"
#include "rule.h"

/* The quantities of piece k: [lo, hi] (tier 1 holds 0, tier k > 1 starts
 * just above the previous up_to). */
static uint64_t piece_lo(const pricing__rule *r, size_t k)
{
    return k == 0 ? 0 : r->tiers[k].from + 1;
}

static uint64_t piece_hi(const pricing__rule *r, size_t k)
{
    return r->kind == PRICING__GRADUATED || r->kind == PRICING__VOLUME
               ? r->tiers[k].up_to
               : UINT64_MAX;
}

/* The smallest allowed quantity >= lo into *q; 0 when none. */
static int first_allowed(const pricing__attr *at, uint64_t lo, uint64_t *q)
{
    uint64_t k;
    if (lo <= at->min) {
        *q = at->min;
        return 1;
    }
    if (lo > at->max)
        return 0;
    k = (lo - at->min + at->step - 1) / at->step;
    *q = at->min + k * at->step; /* <= max + step <= 2 x 10^15: no wrap */
    return *q <= at->max;
}

/* The largest allowed quantity <= hi into *q; 0 when none. */
static int last_allowed(const pricing__attr *at, uint64_t hi, uint64_t *q)
{
    if (hi < at->min)
        return 0;
    if (hi > at->max)
        hi = at->max;
    *q = at->min + (hi - at->min) / at->step * at->step;
    return 1;
}

/* out = the amount of r for q units, q in piece k. */
static void piece_amount(mpz_t out, const pricing__rule *r, size_t k,
                         uint64_t q)
{
    const pricing__tier *t;
    uint64_t n;
    switch (r->kind) {
    case PRICING__LINEAR:
        pricing__mpz_set_u64(out, q);
        mpz_mul(out, out, r->linear.v);
        return;
    case PRICING__PACKAGE:
        n = q / r->package_size;
        if (!r->package_down && q % r->package_size)
            n++;
        pricing__mpz_set_u64(out, n);
        mpz_mul(out, out, r->linear.v);
        return;
    case PRICING__VOLUME: /* every unit at the tier reached, and its flat */
        t = &r->tiers[k];
        pricing__mpz_set_u64(out, q);
        mpz_mul(out, out, t->unit.v);
        mpz_add(out, out, t->flat.v);
        return;
    case PRICING__GRADUATED: /* the tiers below whole, then this one */
        t = &r->tiers[k];
        pricing__mpz_set_u64(out, q - t->from);
        mpz_mul(out, out, t->unit.v);
        mpz_add(out, out, t->flat.v);
        mpz_add(out, out, t->before);
        return;
    }
}

/* The piece of r holding q. */
static size_t piece_of(const pricing__rule *r, uint64_t q)
{
    size_t lo = 0, hi = pricing__rule_price_count(r) - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (piece_hi(r, mid) >= q)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

void pricing__rule_amount(mpz_t out, const pricing__rule *r, uint64_t q)
{
    piece_amount(out, r, piece_of(r, q), q);
}

/* Inversions can only be where q and q + step are in different tiers:
 * inside a tier the amount never falls (amounts are not negative). So
 * for each tier holding an allowed quantity, its last one q is compared
 * with q + step, which is the first allowed quantity of a later tier. */
size_t pricing__rule_inversions(pricing__inversion *out, size_t cap,
                                const pricing__rule *r,
                                const pricing__attr *at)
{
    size_t n = 0, k = 0, t, np = pricing__rule_price_count(r);
    uint64_t q, next;
    mpz_t a, b;

    if (np == 1)
        return 0; /* linear, package, a single tier: never decreasing */
    mpz_init(a);
    mpz_init(b);
    while (k < np) {
        if (!last_allowed(at, piece_hi(r, k), &q) || q < piece_lo(r, k)) {
            k++;
            continue;
        }
        if (at->max - q < at->step)
            break; /* q is the last allowed quantity */
        next = q + at->step;
        for (t = k + 1; t + 1 < np && piece_hi(r, t) < next; t++)
            ; /* the tiers skipped hold no allowed quantity */
        piece_amount(a, r, k, q);
        piece_amount(b, r, t, next);
        if (mpz_cmp(b, a) < 0) {
            if (n < cap) {
                out[n].q = q;
                out[n].next = next;
                out[n].tier_q = k;
                out[n].tier_next = t;
            }
            n++;
        }
        k = t;
    }
    mpz_clear(a);
    mpz_clear(b);
    return n;
}

size_t pricing__lint_inversions(pricing__inversion *out, size_t cap,
                                const pricing__spec *spec, size_t pos,
                                pricing__plan plan, const pricing__attr *at)
{
    const pricing__sku *sku;
    const pricing__charge *ch;
    if (!spec || pos >= spec->nskus || !at || at->is_enum ||
        (unsigned)plan >= PRICING__PLAN_COUNT)
        return 0;
    sku = &spec->skus[pos];
    ch = sku->prices[plan];
    if (!sku->available || !ch || ch->fixed)
        return 0;
    return pricing__rule_inversions(out, cap, pricing__attr_rule(ch, at), at);
}

int pricing__tier_unreachable(const pricing__rule *r, size_t k,
                              const pricing__attr *at)
{
    uint64_t lo = piece_lo(r, k), hi = piece_hi(r, k), q;
    if (hi > at->max)
        hi = at->max;
    return !first_allowed(at, lo, &q) || q > hi;
}

/* Updates best and arg with candidate q (pieces ka of a, kb of b). */
static void candidate(mpz_t best, uint64_t *arg, int *have, mpz_t va,
                      mpz_t vb, const pricing__rule *a, size_t ka,
                      unsigned long ca, const pricing__rule *b, size_t kb,
                      unsigned long cb, uint64_t q)
{
    piece_amount(va, a, ka, q);
    piece_amount(vb, b, kb, q);
    mpz_mul_ui(va, va, ca);
    mpz_submul_ui(va, vb, cb);
    if (!*have || mpz_cmp(va, best) > 0) {
        mpz_set(best, va);
        *arg = q;
        *have = 1;
    }
}

int pricing__rule_max_diff(mpz_t best, uint64_t *arg, const pricing__rule *a,
                           unsigned long ca, const pricing__rule *b,
                           unsigned long cb, const pricing__attr *at)
{
    /* A rule's affine pieces are its prices: its tiers, or one. */
    size_t i = 0, j = 0, na = pricing__rule_price_count(a),
           nb = pricing__rule_price_count(b);
    uint64_t lo, hi, q;
    int have = 0;
    mpz_t va, vb;

    if (a->kind == PRICING__PACKAGE || b->kind == PRICING__PACKAGE)
        return -1;
    mpz_init(va);
    mpz_init(vb);
    while (i < na && j < nb) {
        uint64_t ha = piece_hi(a, i), hb = piece_hi(b, j);
        lo = piece_lo(a, i) > piece_lo(b, j) ? piece_lo(a, i)
                                             : piece_lo(b, j);
        hi = ha < hb ? ha : hb;
        if (lo > at->max)
            break;
        if (first_allowed(at, lo, &q) && q <= hi) {
            candidate(best, arg, &have, va, vb, a, i, ca, b, j, cb, q);
            if (last_allowed(at, hi, &q))
                candidate(best, arg, &have, va, vb, a, i, ca, b, j, cb, q);
        }
        i += ha <= hb;
        j += hb <= ha;
    }
    mpz_clear(va);
    mpz_clear(vb);
    return have ? 0 : -1;
}
