/* SPDX-License-Identifier: MIT */
/* catalog_write.c - a loaded catalog back to canonical JSON. */
#include <string.h>

#include "catalog_write.h"
#include "rule_seller.h"
#include "currency.h"
#include "error.h"

const char *pricing__cw_text(const pricing__cw *cw, const pricing__amount *a)
{
    const char *t = cw->ov ? cw->ov->text(cw->ov->ctx, a) : NULL;
    return t ? t : a->text;
}

/* The text of a's peer in currency c. */
static const char *peer_text(const pricing__cw *cw, const pricing__amount *a,
                             size_t c)
{
    const pricing__amount *p = pricing__peer(cw->peers, a, c);
    return p ? pricing__cw_text(cw, p) : "0";
}

void pricing__cw_amount(pricing__cw *cw, const pricing__amount *a)
{
    size_t c;
    if (!cw->peers || cw->peers->ncur < 2) {
        pricing__w_cstr(cw->w, pricing__cw_text(cw, a));
        return;
    }
    pricing__w_open(cw->w, '{');
    for (c = 0; c < cw->peers->ncur; c++) {
        pricing__w_key(cw->w, cw->peers->cats[c]->currency);
        pricing__w_cstr(cw->w, peer_text(cw, a, c));
    }
    pricing__w_close(cw->w, '}');
}

int pricing__cw_zero_everywhere(const pricing__cw *cw,
                                const pricing__amount *a)
{
    size_t c, n = cw->peers ? cw->peers->ncur : 1;
    for (c = 0; c < n; c++)
        if (strcmp(c ? peer_text(cw, a, c) : pricing__cw_text(cw, a), "0"))
            return 0;
    return 1;
}

/* The significant part of an amount text: no leading zeros before the
 * units digit, no trailing fraction zeros, no point without a fraction. */
static void significant(const char *s, size_t *start, size_t *len)
{
    size_t n = strlen(s), i = 0, dot;
    while (i + 1 < n && s[i] == '0' && s[i + 1] != '.')
        i++;
    for (dot = i; dot < n && s[dot] != '.'; dot++)
        ;
    if (dot < n) {
        while (n > dot + 1 && s[n - 1] == '0')
            n--;
        if (n == dot + 1)
            n = dot;
    }
    *start = i;
    *len = n - i;
}

int pricing__amount_text_equal(const char *a, const char *b)
{
    size_t as, al, bs, bl;
    significant(a, &as, &al);
    significant(b, &bs, &bl);
    return al == bl && memcmp(a + as, b + bs, al) == 0;
}

void pricing__cw_charge(pricing__cw *cw, const pricing__spec *spec,
                        const pricing__charge *ch)
{
    pricing__w *w = cw->w;
    const pricing__attr *at;
    size_t i;
    if (ch->fixed) {
        pricing__cw_amount(cw, &ch->amount);
        return;
    }
    pricing__w_open(w, '{');
    if (ch->has_base) {
        pricing__w_key(w, "base");
        pricing__cw_amount(cw, &ch->amount);
    }
    if (spec->nquant > 0) {
        pricing__w_key(w, "quantities");
        pricing__w_open(w, '{');
        PRICING__EACH_QUANTITY(spec, i, at) {
            pricing__w_key(w, at->id);
            pricing__cw_rule(cw, pricing__attr_rule(ch, at));
        }
        pricing__w_close(w, '}');
    }
    pricing__w_close(w, '}');
}

/* ---------------------------------------------------------------- SKUs */

static void write_prices(pricing__cw *cw, const pricing__spec *spec,
                         pricing__charge *const *prices)
{
    int p;
    pricing__w_open(cw->w, '{');
    for (p = 0; p < PRICING__PLAN_COUNT; p++) {
        if (!prices[p])
            continue;
        pricing__w_key(cw->w, pricing__plan_name((pricing__plan)p));
        pricing__cw_charge(cw, spec, prices[p]);
    }
    pricing__w_close(cw->w, '}');
}

void pricing__cw_sku_key(pricing__w *w, const pricing__spec *spec, size_t pos)
{
    size_t i;
    pricing__w_open(w, '{');
    for (i = 0; i < spec->nattrs; i++) {
        const pricing__attr *at = &spec->attrs[i];
        if (!at->is_enum)
            continue;
        pricing__w_key(w, at->id);
        pricing__w_cstr(w, at->values[pos / at->radix % at->nvalues]);
    }
    pricing__w_close(w, '}');
}

static void sku_members(pricing__cw *cw, const pricing__spec *spec,
                        const pricing__sku *sku)
{
    if (!sku->available) {
        pricing__w_key(cw->w, "available");
        pricing__w_lit(cw->w, "false");
        return;
    }
    pricing__w_key(cw->w, "prices");
    write_prices(cw, spec, sku->prices);
}

void pricing__cw_sku_value(pricing__cw *cw, const pricing__spec *spec,
                           const pricing__sku *sku)
{
    pricing__w_open(cw->w, '{');
    sku_members(cw, spec, sku);
    pricing__w_close(cw->w, '}');
}

static void write_skus(pricing__cw *cw, const pricing__spec *spec)
{
    pricing__w *w = cw->w;
    size_t pos;
    pricing__w_open(w, '[');
    for (pos = 0; pos < spec->nskus; pos++) {
        pricing__w_elem(w);
        pricing__w_open(w, '{');
        pricing__w_key(w, "sku");
        pricing__cw_sku_key(w, spec, pos);
        sku_members(cw, spec, &spec->skus[pos]);
        pricing__w_close(w, '}');
    }
    pricing__w_close(w, ']');
}

/* ---------------------------------------------------------------- specs */

static void write_attribute(pricing__w *w, const pricing__attr *at)
{
    size_t i;
    pricing__w_open(w, '{');
    pricing__w_key(w, "id");
    pricing__w_cstr(w, at->id);
    pricing__w_key(w, "type");
    if (at->is_enum) {
        pricing__w_lit(w, "\"enum\"");
        pricing__w_key(w, "values");
        pricing__w_open(w, '[');
        for (i = 0; i < at->nvalues; i++) {
            pricing__w_elem(w);
            pricing__w_cstr(w, at->values[i]);
        }
        pricing__w_close(w, ']');
    } else {
        pricing__w_lit(w, "\"quantity\"");
        pricing__w_key(w, "min");
        pricing__w_u64(w, at->min);
        pricing__w_key(w, "max");
        pricing__w_u64(w, at->max);
        pricing__w_key(w, "step");
        pricing__w_u64(w, at->step);
        if (at->unit) {
            pricing__w_key(w, "unit");
            pricing__w_cstr(w, at->unit);
        }
    }
    pricing__w_close(w, '}');
}

/* Each spec setting: whether the spec has it, and its value. */
static int has_name(const pricing__spec *s) { return s->name != NULL; }
static int has_always(const pricing__spec *s) { (void)s; return 1; }
static int has_counts(const pricing__spec *s)
{
    int p;
    for (p = 0; p < PRICING__PLAN_COUNT; p++)
        if (s->counts[p])
            return 1;
    return 0;
}
static int has_trial(const pricing__spec *s) { return s->trial_days > 0; }
static int has_attrs(const pricing__spec *s) { return s->nattrs > 0; }
static int has_discounts(const pricing__spec *s) { return s->ndiscounts > 0; }

static void put_name(pricing__cw *cw, const pricing__spec *s)
{
    pricing__w_cstr(cw->w, s->name);
}

static void put_billing(pricing__cw *cw, const pricing__spec *s)
{
    pricing__w_lit(cw->w, s->one_time ? "\"one_time\"" : "\"yearly_monthly\"");
}

static void put_template(pricing__cw *cw, const pricing__spec *s)
{
    pricing__w_lit(cw->w, s->custom ? "\"custom\"" : "\"simple\"");
}

static void put_plans(pricing__cw *cw, const pricing__spec *s)
{
    int p;
    pricing__w_open(cw->w, '[');
    for (p = 0; p < PRICING__PLAN_COUNT; p++)
        if (s->plans & (1u << p)) {
            pricing__w_elem(cw->w);
            pricing__w_cstr(cw->w, pricing__plan_name((pricing__plan)p));
        }
    pricing__w_close(cw->w, ']');
}

static void put_counts(pricing__cw *cw, const pricing__spec *s)
{
    pricing__w *w = cw->w;
    int p, c;
    pricing__w_open(w, '{');
    for (p = 0; p < PRICING__PLAN_COUNT; p++) {
        if (!s->counts[p])
            continue;
        pricing__w_key(w, pricing__plan_name((pricing__plan)p));
        pricing__w_open(w, '[');
        for (c = 1; c <= PRICING_MAX_COUNT; c++)
            if (s->counts[p][c]) {
                pricing__w_elem(w);
                pricing__w_u64(w, (uint64_t)c);
            }
        pricing__w_close(w, ']');
    }
    pricing__w_close(w, '}');
}

static void put_trial(pricing__cw *cw, const pricing__spec *s)
{
    pricing__w_u64(cw->w, s->trial_days);
}

static void put_attrs(pricing__cw *cw, const pricing__spec *s)
{
    size_t i;
    pricing__w_open(cw->w, '[');
    for (i = 0; i < s->nattrs; i++) {
        pricing__w_elem(cw->w);
        write_attribute(cw->w, &s->attrs[i]);
    }
    pricing__w_close(cw->w, ']');
}

static void put_discounts(pricing__cw *cw, const pricing__spec *s)
{
    pricing__w *w = cw->w;
    size_t i;
    pricing__w_open(w, '[');
    for (i = 0; i < s->ndiscounts; i++) {
        const pricing__discount *d = &s->discounts[i];
        pricing__w_elem(w);
        pricing__w_open(w, '{');
        pricing__w_key(w, "plan");
        pricing__w_cstr(w, pricing__plan_name(d->plan));
        pricing__w_key(w, "min_count");
        pricing__w_u64(w, d->min_count);
        pricing__w_key(w, "percent_off");
        pricing__w_cstr(w, d->percent.text);
        pricing__w_close(w, '}');
    }
    pricing__w_close(w, ']');
}

typedef struct spec_member {
    int (*has)(const pricing__spec *s);
    void (*put)(pricing__cw *cw, const pricing__spec *s);
} spec_member;

/* In the order of pricing__cw_spec_members. */
static const spec_member members[] = {
    {has_name, put_name},     {has_always, put_billing},
    {has_always, put_template}, {has_always, put_plans},
    {has_counts, put_counts}, {has_trial, put_trial},
    {has_attrs, put_attrs},   {has_discounts, put_discounts}};

const char *const pricing__cw_spec_members[] = {
    "name",       "billing",    "template",  "plans", "counts",
    "trial_days", "attributes", "discounts", NULL};

enum { M_NAME, M_BILLING, M_TEMPLATE, M_PLANS, M_COUNTS, M_TRIAL, M_ATTRS,
       M_DISCOUNTS };

void pricing__cw_spec_member(pricing__cw *cw, const pricing__spec *spec,
                             size_t member)
{
    if (members[member].has(spec))
        members[member].put(cw, spec);
    else
        pricing__w_lit(cw->w, "null");
}

static void put_member(pricing__cw *cw, const pricing__spec *spec, size_t m)
{
    if (!members[m].has(spec))
        return;
    pricing__w_key(cw->w, pricing__cw_spec_members[m]);
    members[m].put(cw, spec);
}

void pricing__cw_spec(pricing__cw *cw, const pricing__spec *spec)
{
    pricing__w *w = cw->w;
    static const size_t head[] = {M_NAME, M_BILLING, M_PLANS, M_COUNTS,
                                  M_TRIAL, M_ATTRS, M_TEMPLATE};
    size_t i;

    pricing__w_open(w, '{');
    pricing__w_key(w, "id");
    pricing__w_cstr(w, spec->id);
    /* The order of the contract's example. */
    for (i = 0; i < sizeof head / sizeof head[0]; i++)
        put_member(cw, spec, head[i]);
    if (spec->custom) {
        pricing__w_key(w, "skus");
        write_skus(cw, spec);
    } else {
        pricing__w_key(w, "prices");
        write_prices(cw, spec, spec->skus[0].prices);
    }
    put_member(cw, spec, M_DISCOUNTS);
    pricing__w_close(w, '}');
}

/* ---------------------------------------------------------------- catalog */

/* Contract 1.2: "currencies", "effective", "existing_from". */
static void write_v12_head(pricing__w *w, const pricing__hversion *hv)
{
    size_t c;
    if (hv->ncats > 1) {
        PRICING__W_KEY(w, "currencies");
        pricing__w_open(w, '[');
        for (c = 1; c < hv->ncats; c++) {
            pricing__w_elem(w);
            pricing__w_cstr(w, hv->cats[c]->currency);
        }
        pricing__w_close(w, ']');
    }
    if (hv->effective_s) {
        PRICING__W_KEY(w, "effective");
        pricing__w_cstr(w, hv->effective_s);
    }
    if (hv->existing_s) {
        PRICING__W_KEY(w, "existing_from");
        pricing__w_cstr(w, hv->existing_s);
    }
}

static void write_version(pricing__cw *cw, const pricing_catalog *cat)
{
    pricing__w *w = cw->w;
    int iso = pricing__currency_minor_units(cat->currency);
    pricing__peers peers;
    size_t i;

    if (pricing__peers_init(&peers, cat) != 0) {
        w->failed = 1;
        return;
    }
    cw->peers = &peers;
    pricing__w_open(w, '{');
    pricing__w_catalog_ids(w, cat);
    PRICING__W_KEY(w, "currency");
    pricing__w_cstr(w, cat->currency);
    /* Only an override of the ISO 4217 table was written. */
    if (iso < 0 || (unsigned)iso != cat->minor_units) {
        PRICING__W_KEY(w, "minor_units");
        pricing__w_u64(w, cat->minor_units);
    }
    if (cat->hv)
        write_v12_head(w, cat->hv);
    pricing__w_rounding(w, cat);
    pricing__w_key(w, "specs");
    pricing__w_open(w, '[');
    for (i = 0; i < cat->nspecs; i++) {
        pricing__w_elem(w);
        pricing__cw_spec(cw, &cat->specs[i]);
    }
    pricing__w_close(w, ']');
    pricing__w_close(w, '}');
    cw->peers = NULL;
    pricing__peers_dispose(&peers);
}

void pricing__cw_catalog(pricing__cw *cw, const pricing_catalog *cat)
{
    const pricing__history *h = cat->hist;
    const pricing__override *ov = cw->ov;
    pricing__w *w = cw->w;
    size_t v;

    if (!h || !h->is_history) {
        write_version(cw, cat->hv ? cat->hv->cats[0] : cat);
        return;
    }
    pricing__w_open(w, '{');
    PRICING__W_KEY(w, "catalog");
    pricing__w_cstr(w, cat->id);
    PRICING__W_KEY(w, "versions");
    pricing__w_open(w, '[');
    for (v = 0; v < h->nversions; v++) {
        pricing__w_elem(w);
        cw->ov = &h->versions[v] == cat->hv ? ov : NULL;
        write_version(cw, h->versions[v].cats[0]);
    }
    cw->ov = ov;
    pricing__w_close(w, ']');
    pricing__w_close(w, '}');
}

int pricing_catalog_write_json(pricing_buffer *buf,
                               const pricing_catalog *cat, unsigned flags,
                               pricing_error *err)
{
    pricing__w w;
    pricing__cw cw;
    if (!buf || !cat)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_write_json: NULL argument");
    pricing__w_start(&w, buf);
    cw.w = &w;
    cw.ov = NULL;
    cw.peers = NULL;
    pricing__cw_catalog(&cw, cat);
    if (pricing__w_done(&w) != 0 ||
        ((flags & PRICING_JSON_PRETTY) && pricing__w_pretty(buf) != 0))
        return pricing__nomem(err);
    return 0;
}
