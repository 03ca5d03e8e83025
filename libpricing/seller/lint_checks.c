/* SPDX-License-Identifier: MIT */
/* lint_checks.c - the linter's checks of one spec's prices: unreachable
 * tiers, price inversions, a year above twelve months (lint.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "lint.h"
#include "rule.h"

/* ------------------------------------------------------------ charges */

void pricing__lint_charge_total(mpz_t out, const pricing__charge *ch,
                                const pricing__spec *spec,
                                const uint64_t *qv)
{
    const pricing__attr *at;
    size_t i;
    mpz_t t;

    if (ch->fixed || ch->has_base)
        mpz_set(out, ch->amount.v);
    else
        mpz_set_ui(out, 0);
    if (ch->fixed)
        return;
    mpz_init(t);
    PRICING__EACH_QUANTITY(spec, i, at) {
        pricing__rule_amount(t, pricing__attr_rule(ch, at), qv[at->qord]);
        mpz_add(out, out, t);
    }
    mpz_clear(t);
}

/* A charge's constant part: the fixed price, or the base, or 0. */
static void constant_part(mpz_t out, const pricing__charge *ch)
{
    if (ch->fixed || ch->has_base)
        mpz_set(out, ch->amount.v);
    else
        mpz_set_ui(out, 0);
}

int pricing__lint_charge_max_diff(mpz_t best, uint64_t *qv,
                                  const pricing__charge *a, unsigned long ca,
                                  const pricing__charge *b, unsigned long cb,
                                  const pricing__spec *spec)
{
    const pricing__attr *at;
    pricing__rule zero;
    size_t i;
    int rc = 0;
    mpz_t t;

    /* A fixed charge has no rules: a rule of price 0 stands for each. */
    memset(&zero, 0, sizeof zero);
    zero.kind = PRICING__LINEAR;
    mpz_init(zero.linear.v);
    mpz_init(t);
    constant_part(best, a);
    mpz_mul_ui(best, best, ca);
    constant_part(t, b);
    mpz_submul_ui(best, t, cb);
    PRICING__EACH_QUANTITY(spec, i, at) {
        const pricing__rule *ra = a->fixed ? &zero : pricing__attr_rule(a, at);
        const pricing__rule *rb = b->fixed ? &zero : pricing__attr_rule(b, at);
        if ((rc = pricing__rule_max_diff(t, &qv[at->qord], ra, ca, rb, cb,
                                         at)) != 0)
            break;
        mpz_add(best, best, t);
    }
    mpz_clear(t);
    mpz_clear(zero.linear.v);
    return rc;
}

void pricing__lint_qv_text(char *out, size_t size, const pricing__spec *spec,
                           const uint64_t *qv)
{
    const pricing__attr *at;
    size_t i, n = 0;
    out[0] = '\0';
    PRICING__EACH_QUANTITY(spec, i, at) {
        if (n + 1 >= size)
            break;
        n += (size_t)snprintf(out + n, size - n, "%s%.40s=%llu",
                              n ? ", " : "", at->id,
                              (unsigned long long)qv[at->qord]);
    }
}

/* "standard (edition=pro) month" or "starter month": who a warning is
 * about, at the head of its message. */
static void who(char *out, size_t size, const pricing__spec *spec,
                size_t pos, pricing__plan plan)
{
    char sku[160];
    pricing__lint_sku_name(sku, sizeof sku, spec, pos);
    if (sku[0])
        snprintf(out, size, "%.64s (%s) %s", spec->id, sku,
                 pricing__plan_name(plan));
    else
        snprintf(out, size, "%.64s %s", spec->id, pricing__plan_name(plan));
}

/* The path of a rule: the charge's, then /quantities/ATTR/KIND. */
static void rule_path(pricing__path *p, const pricing__lint_ctx *lx, size_t s,
                      size_t pos, pricing__plan plan, const pricing__attr *at,
                      const pricing__rule *r)
{
    const char *kind = pricing__rule_name(r->kind);
    pricing__lint_charge_path(p, lx, s, pos, plan);
    pricing__path_push_key(p, "quantities", 10);
    pricing__path_push_key(p, at->id, strlen(at->id));
    pricing__path_push_key(p, kind, strlen(kind));
}

/* The charge of SKU pos for plan when it has rules to check, else NULL. */
static const pricing__charge *rules_of(const pricing__spec *spec, size_t pos,
                                       int plan)
{
    const pricing__sku *sku = &spec->skus[pos];
    const pricing__charge *ch = sku->prices[plan];
    return sku->available && ch && !ch->fixed ? ch : NULL;
}

/* ----------------------------------------------------- unreachable_tier */

static void tier_warnings(pricing__lint_ctx *lx, size_t s, size_t pos,
                          pricing__plan plan, const pricing__attr *at,
                          const pricing__rule *r)
{
    const pricing__spec *spec = &lx->cat->specs[s];
    pricing__path p;
    char head[320], span[64];
    size_t k;

    if (r->kind != PRICING__GRADUATED && r->kind != PRICING__VOLUME)
        return;
    for (k = 0; k < r->ntiers; k++) {
        const pricing__tier *t = &r->tiers[k];
        if (!pricing__tier_unreachable(r, k, at))
            continue;
        rule_path(&p, lx, s, pos, plan, at, r);
        pricing__path_push_index(&p, k);
        who(head, sizeof head, spec, pos, plan);
        if (!t->bounded)
            snprintf(span, sizeof span, "above %llu",
                     (unsigned long long)t->from);
        else
            snprintf(span, sizeof span, "%llu to %llu",
                     (unsigned long long)(k ? t->from + 1 : 0),
                     (unsigned long long)t->up_to);
        pricing__lint_add(lx, "unreachable_tier", p.buf,
                          "%s: tier %zu of %.40s (%s) holds no allowed "
                          "quantity (min %llu, max %llu, step %llu)",
                          head, k + 1, at->id, span,
                          (unsigned long long)at->min,
                          (unsigned long long)at->max,
                          (unsigned long long)at->step);
    }
}

void pricing__lint_tiers(pricing__lint_ctx *lx, size_t s)
{
    const pricing__spec *spec = &lx->cat->specs[s];
    const pricing__attr *at;
    size_t pos, i;
    int plan;

    for (pos = 0; pos < spec->nskus; pos++)
        for (plan = 0; plan < PRICING__PLAN_COUNT; plan++) {
            const pricing__charge *ch = rules_of(spec, pos, plan);
            if (!ch)
                continue;
            PRICING__EACH_QUANTITY(spec, i, at)
                tier_warnings(lx, s, pos, (pricing__plan)plan, at,
                              pricing__attr_rule(ch, at));
        }
}

/* ------------------------------------------------------ price_inversion */

/* The other quantities at their min, this attribute's at q. */
static void at_min(uint64_t *qv, const pricing__spec *spec)
{
    const pricing__attr *at;
    size_t i;
    PRICING__EACH_QUANTITY(spec, i, at)
        qv[at->qord] = at->min;
}

static void inversion_warning(pricing__lint_ctx *lx, size_t s, size_t pos,
                              pricing__plan plan, const pricing__attr *at,
                              const pricing__charge *ch,
                              const pricing__inversion *inv, mpz_t a, mpz_t b)
{
    const pricing__spec *spec = &lx->cat->specs[s];
    const pricing__rule *r = pricing__attr_rule(ch, at);
    uint64_t qv[PRICING_MAX_ATTRIBUTES];
    char head[320], ta[96], tb[96];
    pricing__path p;

    at_min(qv, spec);
    qv[at->qord] = inv->q;
    pricing__lint_charge_total(a, ch, spec, qv);
    qv[at->qord] = inv->next;
    pricing__lint_charge_total(b, ch, spec, qv);
    pricing__lint_amount(ta, sizeof ta, lx, a);
    pricing__lint_amount(tb, sizeof tb, lx, b);
    rule_path(&p, lx, s, pos, plan, at, r);
    pricing__path_push_index(&p, inv->tier_next);
    who(head, sizeof head, spec, pos, plan);
    pricing__lint_add(lx, "price_inversion", p.buf,
                      "%s: %.40s=%llu costs %s, less than %.40s=%llu at %s "
                      "(%s tier %zu to %zu)",
                      head, at->id, (unsigned long long)inv->next, tb, at->id,
                      (unsigned long long)inv->q, ta,
                      pricing__rule_name(r->kind), inv->tier_q + 1,
                      inv->tier_next + 1);
}

static void inversions(pricing__lint_ctx *lx, size_t s, size_t pos,
                       pricing__plan plan, const pricing__charge *ch)
{
    const pricing__spec *spec = &lx->cat->specs[s];
    const pricing__attr *at;
    pricing__inversion *inv;
    size_t i, k, n;
    mpz_t a, b;

    PRICING__EACH_QUANTITY(spec, i, at) {
        const pricing__rule *r = pricing__attr_rule(ch, at);
        if (!(n = pricing__rule_inversions(NULL, 0, r, at)))
            continue;
        if (!(inv = malloc(n * sizeof *inv))) {
            lx->failed = 1;
            return;
        }
        (void)pricing__rule_inversions(inv, n, r, at);
        mpz_init(a);
        mpz_init(b);
        for (k = 0; k < n; k++)
            inversion_warning(lx, s, pos, plan, at, ch, &inv[k], a, b);
        mpz_clear(a);
        mpz_clear(b);
        free(inv);
    }
}

/* ---------------------------------------------------- year_above_months */

static void year_check(pricing__lint_ctx *lx, size_t s, size_t pos)
{
    const pricing__spec *spec = &lx->cat->specs[s];
    const pricing__sku *sku = &spec->skus[pos];
    const pricing__charge *y = sku->prices[PRICING__YEAR];
    const pricing__charge *m = sku->prices[PRICING__MONTH];
    uint64_t qv[PRICING_MAX_ATTRIBUTES];
    char head[320], ty[96], tm[96], t12[96], qs[200];
    pricing__path p;
    mpz_t d, vy, vm;

    if (!sku->available || !y || !m)
        return;
    mpz_init(d);
    mpz_init(vy);
    mpz_init(vm);
    at_min(qv, spec);
    if (pricing__lint_charge_max_diff(d, qv, y, 1, m, 12, spec) == 0 &&
        mpz_sgn(d) > 0) {
        pricing__lint_charge_total(vy, y, spec, qv);
        pricing__lint_charge_total(vm, m, spec, qv);
        pricing__lint_amount(ty, sizeof ty, lx, vy);
        pricing__lint_amount(tm, sizeof tm, lx, vm);
        mpz_mul_ui(vm, vm, 12);
        pricing__lint_amount(t12, sizeof t12, lx, vm);
        pricing__lint_qv_text(qs, sizeof qs, spec, qv);
        pricing__lint_charge_path(&p, lx, s, pos, PRICING__YEAR);
        who(head, sizeof head, spec, pos, PRICING__YEAR);
        pricing__lint_add(lx, "year_above_months", p.buf,
                          "%s%s%s: a year costs %s, more than 12 months at "
                          "%s (12 x %s)",
                          head, qs[0] ? " at " : "", qs, ty, t12, tm);
    }
    mpz_clear(d);
    mpz_clear(vy);
    mpz_clear(vm);
}

void pricing__lint_prices(pricing__lint_ctx *lx, size_t s)
{
    const pricing__spec *spec = &lx->cat->specs[s];
    size_t pos;
    int plan;

    for (pos = 0; pos < spec->nskus && !lx->failed; pos++) {
        for (plan = 0; plan < PRICING__PLAN_COUNT; plan++) {
            const pricing__charge *ch = rules_of(spec, pos, plan);
            if (ch)
                inversions(lx, s, pos, (pricing__plan)plan, ch);
        }
        year_check(lx, s, pos);
    }
}
