/* SPDX-License-Identifier: MIT */
/* quote.c - pricing a request: lines, exact totals, rounding. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "memory.h"
#include "quote.h"
#include "request.h"
#include "rule.h"
#include "suggest.h"
#include "zword.h"

int pricing_quote_new(pricing_quote **out, pricing_error *err)
{
    pricing_quote *q;
    if (out)
        *out = NULL;
    if (!out)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_new: NULL argument");
    q = calloc(1, sizeof *q);
    if (!q)
        return pricing__nomem(err);
    mpz_init(q->den);
    mpz_init(q->unit);
    mpz_init(q->period_total);
    mpz_init(q->exact_total);
    mpz_init(q->total);
    mpz_init(q->tmp);
    mpz_init(q->tmp2);
    mpz_init(q->tmp3);
    pricing__view_init(&q->view, NULL, 0, NULL, 0, NULL, 0,
                       PRICING__VIEW_KEEP_BYTES);
    pricing_error_init(&q->err);
    *out = q;
    return 0;
}

void pricing_quote_free(pricing_quote *q)
{
    size_t i;
    if (!q)
        return;
    for (i = 0; i < q->lines_cap; i++) {
        mpz_clear(q->lines[i].term);
        mpz_clear(q->lines[i].period);
        mpz_clear(q->lines[i].exact);
        mpz_clear(q->lines[i].amount);
        mpz_clear(q->lines[i].scratch);
    }
    free(q->lines);
    free(q->order);
    mpz_clear(q->den);
    mpz_clear(q->unit);
    mpz_clear(q->period_total);
    mpz_clear(q->exact_total);
    mpz_clear(q->total);
    mpz_clear(q->tmp);
    mpz_clear(q->tmp2);
    mpz_clear(q->tmp3);
    free(q->text);
    free(q->ltext);
    pricing__view_dispose(&q->view);
    free(q);
}

int pricing__quote_grow_lines(pricing_quote *q)
{
    size_t cap = q->lines_cap, i;
    void *p = q->lines;
    if (pricing__grow(&p, &cap, q->nlines + 1, sizeof *q->lines) != 0)
        return -1;
    q->lines = p;
    for (i = q->lines_cap; i < cap; i++) {
        mpz_init(q->lines[i].term);
        mpz_init(q->lines[i].period);
        mpz_init(q->lines[i].exact);
        mpz_init(q->lines[i].amount);
        mpz_init(q->lines[i].scratch);
    }
    q->lines_cap = cap;
    return 0;
}

/* Multiplies the quote's denominator, and so every exact value already
 * held, by k: how a percentage, an amount with more decimals or a
 * proration joins the common denominator without losing exactness. */
static void den_scale(pricing_quote *q, const mpz_t k)
{
    size_t i;
    if (mpz_cmp_ui(k, 1) == 0)
        return;
    mpz_mul(q->den, q->den, k);
    q->den_pow10 = -1;
    for (i = 0; i < q->nlines; i++) {
        mpz_mul(q->lines[i].exact, q->lines[i].exact, k);
        mpz_mul(q->lines[i].term, q->lines[i].term, k);
    }
}

size_t pricing__quote_exact_size(const pricing_quote *q, const mpz_t num)
{
    if (q->den_pow10 >= 0)
        return pricing__decimal_format_size(num, (unsigned)q->den_pow10);
    return pricing__exact_format_size(num, q->den);
}

size_t pricing__quote_exact_format(char *dst, const pricing_quote *q,
                                   const mpz_t num)
{
    if (q->den_pow10 >= 0)
        return pricing__decimal_format(dst, num, (unsigned)q->den_pow10, 1);
    return pricing__exact_format(dst, num, q->den);
}

/* Lines of one period of charge ch at the given quantities; with
 * skip_apart, the rules a scale-out prices apart are left out. */
static int charge_lines(pricing_quote *q, const pricing__charge *ch,
                        const uint64_t *quantity, int skip_apart)
{
    const pricing__spec *spec = q->spec;
    const pricing__attr *at;
    pricing__qline *l;
    size_t i;

    if (ch->fixed || ch->has_base) {
        if (!(l = pricing__quote_add_line(q, ch->fixed ? PRICING__LINE_FIXED
                                        : PRICING__LINE_BASE)))
            return -1;
        l->unit_price = ch->amount.text;
        pricing__z_set(l->period, ch->amount.v);
    }
    if (ch->fixed)
        return 0;
    PRICING__EACH_QUANTITY(spec, i, at) {
        const pricing__rule *r = pricing__attr_rule(ch, at);
        if (skip_apart && pricing__rule_scales_apart(r->kind))
            continue;
        if (pricing__rule_lines(q, at, r, quantity[i]) != 0)
            return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- checks */

/* The request's prefix ("" or "/request") before path, in buf. */
static const char *prefixed(char *buf, size_t size, const pricing_request *r,
                            const char *path)
{
    size_t n = strlen(r->prefix);
    if (n + strlen(path) + 1 > size)
        return path;
    memcpy(buf, r->prefix, n);
    strcpy(buf + n, path);
    return buf;
}

static int fail_at(pricing_error *err, pricing_code code,
                   const pricing_request *r, const char *path,
                   const char *message)
{
    char buf[PRICING_ERROR_PATH_SIZE];
    return pricing__error_at(err, code, prefixed(buf, sizeof buf, r, path),
                             "%s", message);
}

/* Every attribute of sv given (missing_attribute at /key/attr); the SKU
 * at its position. */
static int resolve_sku(const pricing_request *r, const pricing__skuval *sv,
                       const char *key, const pricing__sku **out,
                       pricing_error *err)
{
    const pricing__spec *spec = r->spec;
    size_t i, pos = 0;

    for (i = 0; i < spec->nattrs; i++) {
        const pricing__attr *at = &spec->attrs[i];
        if (!sv->set[i]) {
            char buf[PRICING_ERROR_PATH_SIZE];
            pricing__path p;
            pricing__path_init(&p);
            pricing__path_push_key(&p, key, strlen(key));
            pricing__path_push_key(&p, at->id, strlen(at->id));
            return pricing__error_at(err, PRICING_MISSING_ATTRIBUTE,
                                     prefixed(buf, sizeof buf, r, p.buf),
                                     "the request gives no %s", at->id);
        }
        if (at->is_enum)
            pos += sv->value[i] * at->radix;
    }
    *out = &spec->skus[pos];
    return 0;
}

/* The checks that need the whole request: every attribute given, the SKU
 * sold, the plan, count and trial allowed, the members each type needs. */
static int check_request(pricing_quote *q, const pricing_request *r,
                         const pricing__sku **skup, pricing_error *err)
{
    const pricing__spec *spec = r->spec;
    const pricing__sku *sku;
    char path[PRICING_ERROR_PATH_SIZE];
    int plan = r->plan, change = r->type >= PRICING__UPGRADE, rc;

    if ((rc = resolve_sku(r, &r->sku, "sku", &sku, err)) != 0)
        return rc;
    if (!sku->available)
        return pricing__error_at(err, PRICING_SKU_UNAVAILABLE,
                                 prefixed(path, sizeof path, r, "/sku"),
                                 "this SKU of %s is not available", spec->id);
    if (plan < 0) {
        if (!spec->plans)
            return pricing__error_at(err, PRICING_PLAN_NOT_OFFERED,
                                     prefixed(path, sizeof path, r, "/plan"),
                                     "the spec %s sells no plan", spec->id);
        if (spec->plans & (spec->plans - 1))
            return fail_at(err, PRICING_MISSING_FIELD, r, "/plan",
                           "the spec sells several plans: name one");
        for (plan = 0; !(spec->plans & (1u << plan)); plan++)
            ;
    }
    if (spec->one_time ? r->count != 1
        : spec->counts[plan] ? (r->count > PRICING_MAX_COUNT ||
                                !spec->counts[plan][r->count])
                             : (r->count < 1 || r->count > PRICING_MAX_COUNT)) {
        char counts[160];
        return pricing__error_at(err, PRICING_COUNT_NOT_ALLOWED,
                                 prefixed(path, sizeof path, r, "/count"),
                                 "%s: %llu periods of %s are not sold; "
                                 "counts: %s",
                                 spec->id, (unsigned long long)r->count,
                                 pricing__plan_name((pricing__plan)plan),
                                 pricing__counts_text(counts, sizeof counts,
                                                      spec, plan));
    }
    if (r->trial && !spec->trial_days)
        return pricing__error_at(err, PRICING_TRIAL_NOT_OFFERED,
                                 prefixed(path, sizeof path, r, "/trial"),
                                 "the spec %s has no trial", spec->id);
    /* Members that belong to other request types. */
    if (r->type != PRICING__NEW && spec->one_time)
        return fail_at(err, PRICING_INVALID_VALUE, r, "/type",
                       "renewals and changes are for yearly_monthly specs");
    if (r->type != PRICING__NEW && r->trial)
        return fail_at(err, PRICING_INVALID_VALUE, r, "/trial",
                       "a trial is for new orders only");
    if (r->has_from && !change)
        return fail_at(err, PRICING_INVALID_VALUE, r, "/from",
                       "from is for upgrade and scale_out requests");
    if ((r->has_end || r->has_change) && !change)
        return fail_at(err, PRICING_INVALID_VALUE, r,
                       r->has_end ? "/end" : "/change_date",
                       "a term and change_date are for upgrade and scale_out "
                       "requests");
    if (r->has_current_end != (r->type == PRICING__RENEW))
        return fail_at(err, r->has_current_end ? PRICING_INVALID_VALUE
                                               : PRICING_MISSING_FIELD,
                       r, "/current_end",
                       r->has_current_end ? "current_end is for renewals"
                                          : "a renewal needs current_end");
    if (r->type == PRICING__RENEW && r->has_start)
        return fail_at(err, PRICING_INVALID_VALUE, r, "/start",
                       "a renewal starts at current_end");
    if (change) {
        if (!r->has_from)
            return fail_at(err, PRICING_MISSING_FIELD, r, "/from",
                           "a change needs from: the SKU as bought");
        if (!r->has_start)
            return fail_at(err, PRICING_MISSING_FIELD, r, "/start",
                           "a change needs the start of the term");
        if (!r->has_change)
            return fail_at(err, PRICING_MISSING_FIELD, r, "/change_date",
                           "a change needs change_date");
        if (r->discount.kind != PRICING__NO_DISCOUNT && r->discount.periods)
            return fail_at(err, PRICING_INVALID_VALUE, r, "/discount/periods",
                           "a change quote's discount applies to its fee "
                           "once");
    }
    if (r->discount.periods > r->count)
        return fail_at(err, PRICING_INVALID_VALUE, r, "/discount/periods",
                       "more discounted periods than the order has");
    q->plan = (pricing__plan)plan;
    *skup = sku;
    return 0;
}

static int add_months(pricing__date *out, const pricing__date *d,
                      pricing__plan plan, uint64_t count)
{
    return pricing__date_add_months(out, d,
                                    plan == PRICING__YEAR ? count * 12 : count);
}

static int service_dates(pricing_quote *q, const pricing_request *r,
                         pricing_error *err)
{
    const pricing__date *from = r->type == PRICING__RENEW ? &r->current_end
                                                           : &r->start;
    int rc = 0;

    q->has_start = r->has_start || r->type == PRICING__RENEW;
    q->has_end = 0;
    if (!q->has_start)
        return 0;
    q->start = *from;
    if (q->trial)
        rc = pricing__date_add_days(&q->end, from, q->spec->trial_days);
    else if (q->plan != PRICING__ONE_TIME)
        rc = add_months(&q->end, from, q->plan, q->count);
    else
        return 0;
    if (rc != 0)
        return fail_at(err, PRICING_INVALID_VALUE, r,
                       r->type == PRICING__RENEW ? "/current_end" : "/start",
                       "the service would end after 9999-12-31");
    q->has_end = 1;
    return 0;
}

/* ---------------------------------------------------------------- discounts */

/* Appends a discount line of -(base x pct) where base (over den) is what
 * it applies to; the quote's den takes in the percentage's. */
static int percent_line(pricing_quote *q, const mpz_t base,
                        const mpz_t num, const mpz_t pden)
{
    pricing__qline *l;
    mpz_set(q->tmp2, base);
    den_scale(q, pden);
    if (!(l = pricing__quote_add_line(q, PRICING__LINE_DISCOUNT)))
        return -1;
    mpz_mul(l->exact, q->tmp2, num);
    mpz_neg(l->exact, l->exact);
    l->percent = 1;
    return 0;
}

/* The sum of the lines' exact values from line first on. */
static void sum_lines(pricing_quote *q, mpz_t out, size_t first)
{
    size_t i;
    mpz_set_ui(out, 0);
    for (i = first; i < q->nlines; i++)
        mpz_add(out, out, q->lines[i].exact);
}

/* The spec's multi-period discount, on the whole order so far. */
static int catalog_discount(pricing_quote *q, size_t first)
{
    const pricing__discount *d =
        pricing__spec_discount(q->spec, q->plan, q->count);
    if (!d)
        return 0;
    sum_lines(q, q->tmp, first);
    if (percent_line(q, q->tmp, d->percent.num, d->percent.den) != 0)
        return -1;
    q->lines[q->nlines - 1].from_catalog = 1;
    q->lines[q->nlines - 1].value = d->percent.text;
    q->lines[q->nlines - 1].periods = 0;
    return 0;
}

/* The request's discount, on what remains (for a change, the fee). */
static int request_discount(pricing_quote *q, const pricing_request *r,
                            pricing_error *err)
{
    const pricing__rdiscount *d = &r->discount;
    pricing__qline *l;
    unsigned frac = 0;
    size_t len, i;
    mpz_t v, pden;
    int rc = 0;

    if (d->kind == PRICING__NO_DISCOUNT)
        return 0;
    len = strlen(d->text);
    /* A percentage of the whole order leaves every period the same price;
     * a periods discount or a one-off amount does not (contract 1.1). */
    if (d->periods || d->kind != PRICING__PERCENT_OFF)
        q->uniform = 0;
    for (i = 0; i < len && d->text[i] != '.'; i++)
        ;
    if (i < len)
        frac = (unsigned)(len - i - 1);
    mpz_init(v);
    mpz_init(pden);
    pricing__decimal_to_mpz(v, d->text, len, frac);
    mpz_ui_pow_ui(pden, 10, frac + (d->kind == PRICING__PERCENT_OFF ? 2 : 0));
    sum_lines(q, q->tmp, 0);
    if (d->periods && d->kind == PRICING__PERCENT_OFF) {
        /* each of the first K periods: K / count of the order */
        pricing__mpz_set_u64(q->tmp2, d->periods);
        mpz_mul(q->tmp, q->tmp, q->tmp2);
        pricing__mpz_set_u64(q->tmp2, q->count);
        mpz_mul(pden, pden, q->tmp2);
    }
    if (d->kind == PRICING__PERCENT_OFF) {
        rc = percent_line(q, q->tmp, v, pden);
    } else {
        /* amount_off, once, or once per period for K periods */
        mpz_set(q->tmp, q->den);
        den_scale(q, pden);
        if (!(l = pricing__quote_add_line(q, PRICING__LINE_DISCOUNT))) {
            rc = -1;
        } else {
            mpz_mul(l->exact, v, q->tmp);
            if (d->periods) {
                pricing__mpz_set_u64(q->tmp2, d->periods);
                mpz_mul(l->exact, l->exact, q->tmp2);
            }
            mpz_neg(l->exact, l->exact);
            l->percent = 0;
        }
    }
    mpz_clear(v);
    mpz_clear(pden);
    if (rc != 0)
        return pricing__nomem(err);
    l = &q->lines[q->nlines - 1];
    l->from_catalog = 0;
    l->value = d->text;
    l->periods = d->periods;
    return 0;
}

/* A total below zero, exact or rounded, is an error at /discount. */
static int check_not_negative(pricing_quote *q, const pricing_request *r,
                              pricing_error *err)
{
    if (mpz_sgn(q->exact_total) < 0 || mpz_sgn(q->total) < 0)
        return fail_at(err, PRICING_INVALID_VALUE, r, "/discount",
                       "the discount exceeds the price");
    return 0;
}

/* ---------------------------------------------------------------- orders */

/* The lines of count periods of charge ch (new and renew orders). */
static int order_lines(pricing_quote *q, const pricing__charge *ch)
{
    size_t i;
    if (charge_lines(q, ch, q->sku.quantity, 0) != 0)
        return -1;
    for (i = 0; i < q->nlines; i++)
        pricing__z_mul_u64(q->lines[i].exact, q->lines[i].period, q->count);
    return catalog_discount(q, 0);
}

/* ---------------------------------------------------------------- changes */

/* The exact price of the whole term (count periods of the plan) of charge
 * ch at the given quantities, catalog discount included, over den; the
 * rules priced apart left out with skip_apart. Lines are appended then
 * dropped. */
static int term_price(pricing_quote *q, mpz_t out, const pricing__charge *ch,
                      const uint64_t *quantity, int skip_apart)
{
    const pricing__discount *d;
    size_t mark = q->nlines, i;

    if (charge_lines(q, ch, quantity, skip_apart) != 0)
        return -1;
    mpz_set_ui(out, 0);
    for (i = mark; i < q->nlines; i++)
        mpz_add(out, out, q->lines[i].period);
    q->nlines = mark;
    pricing__mpz_set_u64(q->tmp, q->count);
    mpz_mul(out, out, q->tmp);
    /* den here is still the catalog's times the discount's (see below) */
    d = pricing__spec_discount(q->spec, q->plan, q->count);
    if (d) {
        mpz_sub(q->tmp, d->percent.den, d->percent.num);
        mpz_mul(out, out, q->tmp);
    }
    return 0;
}

/* A credit or charge line: sign x term x R / D (den takes D in later). */
static pricing__qline *change_line(pricing_quote *q, pricing__line_kind kind,
                                   const pricing__skuval *sku,
                                   const mpz_t term)
{
    pricing__qline *l = pricing__quote_add_line(q, kind);
    if (!l)
        return NULL;
    l->sku = sku;
    mpz_set(l->term, term);
    mpz_set(l->exact, term);
    if (kind == PRICING__LINE_CREDIT)
        mpz_neg(l->exact, l->exact);
    return l;
}

/* The term, its days D and the days R left from change_date. */
static int change_term(pricing_quote *q, const pricing_request *r,
                       pricing_error *err)
{
    long d, rem;
    q->term_start = r->start;
    if (r->has_end)
        q->term_end = r->end;
    else if (add_months(&q->term_end, &r->start, q->plan, q->count) != 0)
        return fail_at(err, PRICING_INVALID_VALUE, r, "/start",
                       "the term would end after 9999-12-31");
    d = pricing__date_ordinal(&q->term_end) - pricing__date_ordinal(&r->start);
    if (d <= 0)
        return fail_at(err, PRICING_INVALID_VALUE, r, "/end",
                       "the term ends on or before its start");
    rem = pricing__date_ordinal(&q->term_end) -
          pricing__date_ordinal(&r->change_date);
    if (rem <= 0 || rem > d)
        return fail_at(err, PRICING_INVALID_VALUE, r, "/change_date",
                       "change_date is from the term's start to the day "
                       "before its end");
    q->term_days = (uint64_t)d;
    q->days = (uint64_t)rem;
    q->has_term = 1;
    q->has_start = q->has_end = 1;
    q->start = r->change_date;
    q->end = q->term_end;
    return 0;
}

/* A scale-out's lines for the rules it prices apart (rule.c), whose
 * formula has no catalog discount d in it: their values take d's
 * denominator so they keep their value over the quote's. */
static int apart_lines(pricing_quote *q, const pricing_request *r,
                       const pricing__charge *was, const pricing__discount *d,
                       pricing_error *err)
{
    const pricing__attr *at;
    size_t i;

    PRICING__EACH_QUANTITY(q->spec, i, at) {
        const pricing__rule *rule = pricing__attr_rule(was, at);
        pricing__qline *l;
        if (!pricing__rule_scales_apart(rule->kind))
            continue;
        if (pricing__rule_scale_out_line(q, at, rule, r->from.quantity[i],
                                         r->sku.quantity[i]) != 0)
            return pricing__nomem(err);
        l = q->nlines ? &q->lines[q->nlines - 1] : NULL;
        if (d && l && l->kind == PRICING__LINE_CHARGE && l->attr == at) {
            mpz_mul(l->exact, l->exact, d->percent.den);
            mpz_set(l->term, l->exact);
        }
    }
    return 0;
}

static int change_lines(pricing_quote *q, const pricing_request *r,
                        const pricing__sku *new_sku, pricing_error *err)
{
    const pricing__spec *spec = q->spec;
    const pricing__charge *now = new_sku->prices[q->plan], *was;
    const pricing__sku *old_sku;
    const pricing__discount *d;
    const pricing__attr *at;
    size_t i;
    int rc, scale_out = r->type == PRICING__SCALE_OUT, has_rest = 0;
    mpz_t o, n;

    if ((rc = resolve_sku(r, &r->from, "from", &old_sku, err)) != 0)
        return rc;
    if (!old_sku->available || !old_sku->prices[q->plan])
        return fail_at(err, PRICING_SKU_UNAVAILABLE, r, "/from",
                       "the SKU bought has no price for this plan");
    was = old_sku->prices[q->plan];
    if (scale_out) {
        for (i = 0; i < spec->nattrs; i++) {
            at = &spec->attrs[i];
            if (at->is_enum ? r->from.value[i] != r->sku.value[i]
                            : r->from.quantity[i] > r->sku.quantity[i])
                return fail_at(err, PRICING_NOT_A_SCALE_OUT, r, "/sku",
                               at->is_enum
                                   ? "a scale-out keeps the enum values"
                                   : "a scale-out does not lower a quantity");
        }
    }
    if ((rc = change_term(q, r, err)) != 0)
        return rc;
    /* den: the catalog's, times the catalog discount's, times D */
    d = pricing__spec_discount(spec, q->plan, q->count);
    if (d)
        mpz_mul(q->den, q->den, d->percent.den);
    q->den_pow10 = d ? -1 : q->den_pow10;
    mpz_init(o);
    mpz_init(n);
    rc = term_price(q, o, was, r->from.quantity, scale_out) != 0 ||
                 term_price(q, n, now, r->sku.quantity, scale_out) != 0
             ? pricing__nomem(err)
             : 0;
    if (rc == 0 && !scale_out && mpz_cmp(n, o) < 0)
        rc = fail_at(err, PRICING_NOT_AN_UPGRADE, r, "/sku",
                     "the new SKU costs less than the one bought: "
                     "downgrades happen at renewal");
    /* A scale-out has credit and charge lines for what is not priced
     * apart (base, fixed, and the rules of the term: rule.c). */
    if (scale_out && !was->fixed && !was->has_base) {
        PRICING__EACH_QUANTITY(spec, i, at)
            if (!pricing__rule_scales_apart(pricing__attr_rule(was, at)->kind))
                has_rest = 1;
    } else {
        has_rest = 1;
    }
    if (rc == 0 && has_rest &&
        (!change_line(q, PRICING__LINE_CREDIT, &q->from, o) ||
         !change_line(q, PRICING__LINE_CHARGE, &q->sku, n)))
        rc = pricing__nomem(err);
    mpz_clear(o);
    mpz_clear(n);
    if (rc == 0 && scale_out)
        rc = apart_lines(q, r, was, d, err);
    if (rc != 0)
        return rc;
    /* x R / D: D joins the denominator (term prices keep their value),
     * line amounts are multiplied by R */
    pricing__mpz_set_u64(q->tmp2, q->term_days);
    pricing__mpz_set_u64(q->tmp, q->days);
    mpz_mul(q->den, q->den, q->tmp2);
    q->den_pow10 = -1;
    for (i = 0; i < q->nlines; i++) {
        mpz_mul(q->lines[i].term, q->lines[i].term, q->tmp2);
        mpz_mul(q->lines[i].exact, q->lines[i].exact, q->tmp);
    }
    return 0;
}

/* The currency of the quote: the one place that decides it (today the
 * catalog's single currency). */
static void quote_currency(pricing_quote *q, const pricing_request *r)
{
    memcpy(q->currency, r->cat->currency, sizeof q->currency);
    q->minor_units = r->cat->minor_units;
}

/* The values of the first n attributes of src, what a quote reads (a
 * whole pricing__skuval is 416 bytes, a spec has a few attributes; set
 * is the request's business). */
static void copy_values(pricing__skuval *dst, const pricing__skuval *src,
                        size_t n)
{
    memcpy(dst->value, src->value, n * sizeof *src->value);
    memcpy(dst->quantity, src->quantity, n * sizeof *src->quantity);
}

int pricing_quote_compute(pricing_quote *q, const pricing_request *r,
                          pricing_error *err)
{
    const pricing__sku *sku;
    int rc;

    if (!q || !r)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_compute: NULL argument");
    q->valid = 0;
    q->nlines = 0;
    q->text_ready = 0;
    q->cat = r->cat;
    q->spec = r->spec;
    quote_currency(q, r);
    q->type = r->type;
    q->count = r->count;
    q->trial = r->trial;
    /* what the quote reads of the request's values: the spec's
     * attributes, and the SKU bought only for a change */
    copy_values(&q->sku, &r->sku, r->spec->nattrs);
    if (r->type >= PRICING__UPGRADE)
        copy_values(&q->from, &r->from, r->spec->nattrs);
    q->has_term = 0;
    q->uniform = r->type < PRICING__UPGRADE;
    /* Line rounding rounds every line: it needs them all. */
    q->totals_only = (q->flags & PRICING_QUOTE_TOTALS_ONLY) &&
                     r->cat->at != PRICING__AT_LINE;
    pricing__z_set(q->den, q->cat->den);
    q->den_pow10 = (int)q->cat->scale;
    if ((rc = pricing__when_check(r, err)) != 0 ||
        (rc = check_request(q, r, &sku, err)) != 0)
        return rc;
    if (r->type >= PRICING__UPGRADE) {
        if ((rc = change_lines(q, r, sku, err)) != 0) {
            q->nlines = 0;
            return rc;
        }
    } else {
        if ((rc = service_dates(q, r, err)) != 0)
            return rc;
        if (order_lines(q, sku->prices[q->plan]) != 0) {
            q->nlines = 0;
            return pricing__nomem(err);
        }
    }
    if ((rc = request_discount(q, r, err)) != 0 ||
        (rc = pricing__quote_round(q) != 0 ? pricing__nomem(err) : 0) != 0 ||
        (rc = check_not_negative(q, r, err)) != 0) {
        q->nlines = 0;
        return rc;
    }
    q->valid = 1;
    return 0;
}

int pricing_quote_set_flags(pricing_quote *q, unsigned flags,
                            pricing_error *err)
{
    if (!q || (flags & ~PRICING_QUOTE_TOTALS_ONLY))
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_set_flags: bad argument");
    q->flags = flags;
    return 0;
}
