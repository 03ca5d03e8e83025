/* SPDX-License-Identifier: MIT */
/* diff.c - the price changes between two catalogs.
 *
 * Specs are matched by id, SKUs by their enum values (by name, so a
 * reordered value list changes nothing), plans by name, rules by
 * attribute id and tiers by position. Amounts are compared by value
 * ("19.9" equals "19.90"); spec settings by their canonical JSON. Each
 * difference is one entry with the old and new values written as the
 * catalog writes them. */
#include <stdlib.h>
#include <string.h>

#include "catalog_write.h"
#include "diff.h"
#include "rule_seller.h"
#include "error.h"

typedef struct differ {
    pricing__w *w;
    pricing__cw cw;
    size_t added, removed, changed;
    int failed;
    pricing_buffer a, b; /* scratch: canonical JSON of two values */
    /* Contract 1.2: a pass over another currency of the two catalogs
     * writes its amount entries (with "currency") and sends every other
     * entry, already reported by the default currency's pass, to sink. */
    const char *currency; /* NULL: the default currency's pass */
    const char *label;    /* "currency" of amount entries, or NULL */
    int in_amount;
    pricing__w *out, sink;
    pricing_buffer sinkbuf;
} differ;

/* Where an entry is, from the spec down; unset parts are left out. */
typedef struct where {
    const pricing__spec *spec;
    const pricing__spec *sku_spec; /* NULL: no SKU */
    size_t sku_pos;
    int plan;                      /* -1: no plan */
    const char *kind;
    const pricing__attr *attr;
    const pricing__rule *rule;
    size_t tier;                   /* 1-based; 0: none */
    const char *member;
} where;

static const char *const change_names[] = {"added", "removed", "changed"};
enum { ADDED, REMOVED, CHANGED };

static void entry_open(differ *d, int change, const where *at)
{
    pricing__w *w;
    if (d->currency && !d->in_amount) {
        d->sinkbuf.size = 0;
        d->w = &d->sink;
    } else {
        *(change == ADDED ? &d->added : change == REMOVED ? &d->removed
                                                           : &d->changed) += 1;
    }
    w = d->w;
    pricing__w_elem(w);
    pricing__w_open(w, '{');
    pricing__w_key(w, "change");
    pricing__w_cstr(w, change_names[change]);
    if (d->label && d->in_amount) {
        pricing__w_key(w, "currency");
        pricing__w_cstr(w, d->label);
    }
    if (at->spec) {
        pricing__w_key(w, "spec");
        pricing__w_cstr(w, at->spec->id);
    }
    if (at->sku_spec) {
        pricing__w_key(w, "sku");
        pricing__cw_sku_key(w, at->sku_spec, at->sku_pos);
    }
    if (at->plan >= 0) {
        pricing__w_key(w, "plan");
        pricing__w_cstr(w, pricing__plan_name((pricing__plan)at->plan));
    }
    if (at->kind) {
        pricing__w_key(w, "kind");
        pricing__w_cstr(w, at->kind);
    }
    if (at->attr) {
        pricing__w_key(w, "attribute");
        pricing__w_cstr(w, at->attr->id);
    }
    if (at->rule) {
        pricing__w_key(w, "rule");
        pricing__w_cstr(w, pricing__rule_name(at->rule->kind));
    }
    if (at->tier) {
        pricing__w_key(w, "tier");
        pricing__w_u64(w, at->tier);
    }
    if (at->member) {
        pricing__w_key(w, "member");
        pricing__w_cstr(w, at->member);
    }
}

static void entry_close(differ *d)
{
    pricing__w_close(d->w, '}');
    d->w = d->out;
}

/* An entry whose old and new values are amounts. */
static void amount_entry(differ *d, const where *at, const pricing__amount *a,
                         const pricing__amount *b)
{
    if (a && b && pricing__amount_text_equal(a->text, b->text))
        return;
    d->in_amount = 1;
    entry_open(d, !a ? ADDED : !b ? REMOVED : CHANGED, at);
    d->in_amount = 0;
    if (a) {
        pricing__w_key(d->w, "old");
        pricing__cw_amount(&d->cw, a);
    }
    if (b) {
        pricing__w_key(d->w, "new");
        pricing__cw_amount(&d->cw, b);
    }
    entry_close(d);
}

/* Old and new raw JSON values (either may be NULL: absent). */
static void raw_entry(differ *d, const where *at, const pricing_buffer *a,
                      const pricing_buffer *b)
{
    entry_open(d, !a ? ADDED : !b ? REMOVED : CHANGED, at);
    if (a) {
        pricing__w_key(d->w, "old");
        pricing__w_raw(d->w, a->data, a->size);
    }
    if (b) {
        pricing__w_key(d->w, "new");
        pricing__w_raw(d->w, b->data, b->size);
    }
    entry_close(d);
}

/* Starts writing a value into a scratch buffer instead of the output. */
static pricing__cw scratch(pricing__w *sw, pricing_buffer *buf)
{
    pricing__cw cw;
    pricing__w_start(sw, buf);
    cw.w = sw;
    cw.ov = NULL;
    cw.peers = NULL;
    return cw;
}

static int scratch_done(differ *d, pricing__w *sw)
{
    if (pricing__w_done(sw) != 0) {
        d->failed = 1;
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- rules */

static void rule_value(differ *d, pricing_buffer *buf, const pricing__rule *r)
{
    pricing__w sw;
    pricing__cw cw = scratch(&sw, buf);
    pricing__cw_rule(&cw, r);
    (void)scratch_done(d, &sw);
}

static void rule_entry(differ *d, where *at, const pricing__rule *a,
                       const pricing__rule *b)
{
    at->kind = "rule";
    if (a)
        rule_value(d, &d->a, a);
    if (b)
        rule_value(d, &d->b, b);
    raw_entry(d, at, a ? &d->a : NULL, b ? &d->b : NULL);
    at->kind = NULL;
}

static void part_value(differ *d, pricing_buffer *buf, const pricing__rule *r,
                       size_t i)
{
    pricing__w sw;
    pricing__cw cw = scratch(&sw, buf);
    pricing__rule_part_write(&cw, r, i);
    (void)scratch_done(d, &sw);
}

/* Rules of one kind part by part (a tier list may grow or shrink), else
 * whole. */
static void diff_rule(differ *d, where *at, const pricing__rule *a,
                      const pricing__rule *b)
{
    size_t i, na, nb;
    int tiered;

    if (a->kind != b->kind) {
        rule_entry(d, at, a, b);
        return;
    }
    at->rule = a;
    tiered = pricing__rule_row_kind(a->kind) == PRICING__ROW_TIER;
    at->kind = pricing__row_kinds[pricing__rule_row_kind(a->kind)];
    na = pricing__rule_parts(a);
    nb = pricing__rule_parts(b);
    for (i = 0; i < na || i < nb; i++) {
        if (i < na && i < nb && pricing__rule_part_equal(a, b, i))
            continue;
        at->tier = tiered ? i + 1 : 0;
        if (i < na)
            part_value(d, &d->a, a, i);
        if (i < nb)
            part_value(d, &d->b, b, i);
        d->in_amount = 1; /* a part's prices: an entry of every currency */
        raw_entry(d, at, i < na ? &d->a : NULL, i < nb ? &d->b : NULL);
        d->in_amount = 0;
    }
    at->tier = 0;
    at->kind = NULL;
    at->rule = NULL;
}

/* ---------------------------------------------------------------- charges */

static const pricing__attr *quantity_attr(const pricing__spec *spec,
                                          const char *id)
{
    long i = pricing__index_find(&spec->attr_index, id, strlen(id));
    return i >= 0 && !spec->attrs[i].is_enum ? &spec->attrs[i] : NULL;
}

static void charge_value(differ *d, pricing_buffer *buf,
                         const pricing__spec *spec, const pricing__charge *c)
{
    pricing__w sw;
    pricing__cw cw = scratch(&sw, buf);
    pricing__cw_charge(&cw, spec, c);
    (void)scratch_done(d, &sw);
}

static void charge_entry(differ *d, where *at, const pricing__spec *sa,
                         const pricing__charge *a, const pricing__spec *sb,
                         const pricing__charge *b, const char *kind)
{
    at->kind = kind;
    if (a)
        charge_value(d, &d->a, sa, a);
    if (b)
        charge_value(d, &d->b, sb, b);
    raw_entry(d, at, a ? &d->a : NULL, b ? &d->b : NULL);
    at->kind = NULL;
}

static void diff_charge(differ *d, where *at, const pricing__spec *sa,
                        const pricing__charge *a, const pricing__spec *sb,
                        const pricing__charge *b)
{
    const pricing__attr *qa;
    size_t i;
    if (a->fixed && b->fixed) {
        at->kind = "fixed";
        amount_entry(d, at, &a->amount, &b->amount);
        at->kind = NULL;
        return;
    }
    if (a->fixed != b->fixed) {
        charge_entry(d, at, sa, a, sb, b, "charge");
        return;
    }
    if (a->has_base || b->has_base) {
        at->kind = "base";
        amount_entry(d, at, a->has_base ? &a->amount : NULL,
                     b->has_base ? &b->amount : NULL);
        at->kind = NULL;
    }
    PRICING__EACH_QUANTITY(sa, i, qa) {
        const pricing__attr *qb = quantity_attr(sb, qa->id);
        at->attr = qa;
        if (qb)
            diff_rule(d, at, pricing__attr_rule(a, qa),
                      pricing__attr_rule(b, qb));
        else
            rule_entry(d, at, pricing__attr_rule(a, qa), NULL);
    }
    PRICING__EACH_QUANTITY(sb, i, qa) {
        if (quantity_attr(sa, qa->id))
            continue;
        at->attr = qa;
        rule_entry(d, at, NULL, pricing__attr_rule(b, qa));
    }
    at->attr = NULL;
}

/* ---------------------------------------------------------------- SKUs */

static void sku_value(differ *d, pricing_buffer *buf,
                      const pricing__spec *spec, size_t pos)
{
    pricing__w sw;
    pricing__cw cw = scratch(&sw, buf);
    pricing__cw_sku_value(&cw, spec, &spec->skus[pos]);
    (void)scratch_done(d, &sw);
}

static void diff_sku(differ *d, where *at, const pricing__spec *sa,
                     size_t pa, const pricing__spec *sb, size_t pb)
{
    const pricing__sku *a = &sa->skus[pa], *b = &sb->skus[pb];
    int p;

    at->sku_spec = sa;
    at->sku_pos = pa;
    if (a->available != b->available) {
        at->member = "available";
        entry_open(d, CHANGED, at);
        pricing__w_key(d->w, "old");
        pricing__w_lit(d->w, a->available ? "true" : "false");
        pricing__w_key(d->w, "new");
        pricing__w_lit(d->w, b->available ? "true" : "false");
        entry_close(d);
        at->member = NULL;
    }
    /* An unavailable SKU has no plans: becoming available adds them. */
    for (p = 0; p < PRICING__PLAN_COUNT; p++) {
        const pricing__charge *ca = a->available ? a->prices[p] : NULL;
        const pricing__charge *cb = b->available ? b->prices[p] : NULL;
        if (!ca && !cb)
            continue;
        at->plan = p;
        if (ca && cb)
            diff_charge(d, at, sa, ca, sb, cb);
        else
            charge_entry(d, at, sa, ca, sb, cb, NULL);
        at->plan = -1;
    }
    at->sku_spec = NULL;
}

/* The position in b of the SKU at pa in a, or -1: the same enum
 * attributes with the same value names. */
static long match_sku(const pricing__spec *a, size_t pa,
                      const pricing__spec *b)
{
    size_t i, pos = 0, na = 0, nb = 0;
    for (i = 0; i < b->nattrs; i++)
        nb += b->attrs[i].is_enum;
    for (i = 0; i < a->nattrs; i++) {
        const pricing__attr *at = &a->attrs[i];
        const char *value;
        long j, v;
        if (!at->is_enum)
            continue;
        na++;
        value = at->values[pa / at->radix % at->nvalues];
        j = pricing__index_find(&b->attr_index, at->id, strlen(at->id));
        if (j < 0 || !b->attrs[j].is_enum)
            return -1;
        v = pricing__index_find(&b->attrs[j].value_index, value,
                                strlen(value));
        if (v < 0)
            return -1;
        pos += (size_t)v * b->attrs[j].radix;
    }
    return na == nb ? (long)pos : -1;
}

static void diff_skus(differ *d, where *at, const pricing__spec *a,
                      const pricing__spec *b)
{
    unsigned char *seen = calloc(b->nskus, 1);
    size_t pos;
    if (!seen) {
        d->failed = 1;
        return;
    }
    for (pos = 0; pos < a->nskus && !d->failed && !d->w->failed; pos++) {
        long pb = match_sku(a, pos, b);
        if (pb >= 0) {
            seen[pb] = 1;
            diff_sku(d, at, a, pos, b, (size_t)pb);
            continue;
        }
        at->sku_spec = a;
        at->sku_pos = pos;
        sku_value(d, &d->a, a, pos);
        raw_entry(d, at, &d->a, NULL);
    }
    for (pos = 0; pos < b->nskus && !d->failed && !d->w->failed; pos++) {
        if (seen[pos])
            continue;
        at->sku_spec = b;
        at->sku_pos = pos;
        sku_value(d, &d->b, b, pos);
        raw_entry(d, at, NULL, &d->b);
    }
    at->sku_spec = NULL;
    free(seen);
}

/* ---------------------------------------------------------------- specs */

static void member_value(differ *d, pricing_buffer *buf,
                         const pricing__spec *spec, size_t m)
{
    pricing__w sw;
    pricing__cw cw = scratch(&sw, buf);
    pricing__cw_spec_member(&cw, spec, m);
    (void)scratch_done(d, &sw);
}

static void diff_spec(differ *d, const pricing__spec *a,
                      const pricing__spec *b)
{
    where at;
    size_t m;
    memset(&at, 0, sizeof at);
    at.spec = a;
    at.plan = -1;
    for (m = 0; pricing__cw_spec_members[m]; m++) {
        member_value(d, &d->a, a, m);
        member_value(d, &d->b, b, m);
        if (d->failed || (d->a.size == d->b.size &&
                          memcmp(d->a.data, d->b.data, d->a.size) == 0))
            continue;
        at.member = pricing__cw_spec_members[m];
        raw_entry(d, &at, &d->a, &d->b);
    }
    at.member = NULL;
    diff_skus(d, &at, a, b);
}

static void spec_entry(differ *d, int change, const pricing__spec *spec)
{
    where at;
    memset(&at, 0, sizeof at);
    at.spec = spec;
    at.plan = -1;
    entry_open(d, change, &at);
    pricing__w_key(d->w, change == ADDED ? "new" : "old");
    pricing__cw_spec(&d->cw, spec);
    entry_close(d);
}

/* ---------------------------------------------------------------- catalog */

static void text_entry(differ *d, const char *member, const char *a,
                       const char *b)
{
    where at;
    if (strcmp(a, b) == 0)
        return;
    memset(&at, 0, sizeof at);
    at.plan = -1;
    at.member = member;
    entry_open(d, CHANGED, &at);
    pricing__w_key(d->w, "old");
    pricing__w_cstr(d->w, a);
    pricing__w_key(d->w, "new");
    pricing__w_cstr(d->w, b);
    entry_close(d);
}

static void rounding_value(differ *d, pricing_buffer *buf,
                           const pricing_catalog *cat)
{
    pricing__w sw;
    pricing__w_start(&sw, buf);
    pricing__w_open(&sw, '{');
    pricing__w_key(&sw, "mode");
    pricing__w_cstr(&sw, pricing__mode_name(cat->mode));
    pricing__w_key(&sw, "at");
    pricing__w_cstr(&sw, pricing__at_name(cat->at));
    pricing__w_close(&sw, '}');
    (void)scratch_done(d, &sw);
}

static void diff_catalog(differ *d, const pricing_catalog *a,
                         const pricing_catalog *b)
{
    pricing__w *w = d->w;
    where at;
    size_t i;

    text_entry(d, "currency", a->currency, b->currency);
    if (a->minor_units != b->minor_units) {
        memset(&at, 0, sizeof at);
        at.plan = -1;
        at.member = "minor_units";
        entry_open(d, CHANGED, &at);
        pricing__w_key(w, "old");
        pricing__w_u64(w, a->minor_units);
        pricing__w_key(w, "new");
        pricing__w_u64(w, b->minor_units);
        entry_close(d);
    }
    rounding_value(d, &d->a, a);
    rounding_value(d, &d->b, b);
    if (!d->failed && strcmp(d->a.data, d->b.data) != 0) {
        memset(&at, 0, sizeof at);
        at.plan = -1;
        at.member = "rounding";
        raw_entry(d, &at, &d->a, &d->b);
    }
    for (i = 0; i < a->nspecs && !d->failed; i++) {
        const pricing__spec *sa = &a->specs[i];
        long j = pricing__index_find(&b->spec_index, sa->id, strlen(sa->id));
        if (j >= 0)
            diff_spec(d, sa, &b->specs[j]);
        else
            spec_entry(d, REMOVED, sa);
    }
    for (i = 0; i < b->nspecs && !d->failed; i++) {
        const pricing__spec *sb = &b->specs[i];
        if (pricing__index_find(&a->spec_index, sb->id, strlen(sb->id)) < 0)
            spec_entry(d, ADDED, sb);
    }
}

/* Contract 1.2: the prices of every other currency both catalogs sell,
 * after the default currency's pass. */
static void diff_currencies(differ *d, const pricing_catalog *a,
                            const pricing_catalog *b)
{
    size_t i, k;
    if (!a->hv || !b->hv)
        return;
    for (i = 1; i < a->hv->ncats && !d->failed; i++) {
        const pricing_catalog *va = a->hv->cats[i];
        for (k = 0; k < b->hv->ncats; k++)
            if (memcmp(b->hv->cats[k]->currency, va->currency, 4) == 0)
                break;
        if (k == b->hv->ncats)
            continue;
        d->currency = d->label = va->currency;
        diff_catalog(d, va, b->hv->cats[k]);
        d->currency = d->label = NULL;
    }
}

static void catalog_name(pricing__w *w, const char *key,
                         const pricing_catalog *cat)
{
    pricing__w_key(w, key);
    pricing__w_open(w, '{');
    pricing__w_catalog_ids(w, cat);
    pricing__w_close(w, '}');
}

int pricing__diff_members(pricing__w *w, const pricing_catalog *a,
                          const pricing_catalog *b)
{
    differ d;
    memset(&d, 0, sizeof d);
    d.w = w;
    d.cw.w = w;
    d.out = w;
    pricing__w_start(&d.sink, &d.sinkbuf);
    catalog_name(w, "old", a);
    catalog_name(w, "new", b);
    pricing__w_key(w, "changes");
    pricing__w_open(w, '[');
    /* With several currencies, every amount entry says its currency. */
    if ((a->hv && a->hv->ncats > 1) || (b->hv && b->hv->ncats > 1))
        d.label = a->currency;
    diff_catalog(&d, a, b);
    d.label = NULL;
    diff_currencies(&d, a, b);
    pricing__w_close(w, ']');
    pricing__w_key(w, "summary");
    pricing__w_open(w, '{');
    pricing__w_key(w, "added");
    pricing__w_u64(w, d.added);
    pricing__w_key(w, "removed");
    pricing__w_u64(w, d.removed);
    pricing__w_key(w, "changed");
    pricing__w_u64(w, d.changed);
    pricing__w_close(w, '}');
    pricing_buffer_dispose(&d.a);
    pricing_buffer_dispose(&d.b);
    pricing_buffer_dispose(&d.sinkbuf);
    return d.failed || d.sink.failed ? -1 : 0;
}

int pricing_catalog_diff(pricing_buffer *buf, const pricing_catalog *old_cat,
                         const pricing_catalog *new_cat, unsigned flags,
                         pricing_error *err)
{
    pricing__w w;
    int rc;
    if (!buf || !old_cat || !new_cat)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_diff: NULL argument");
    pricing__w_start(&w, buf);
    pricing__w_open(&w, '{');
    rc = pricing__diff_members(&w, old_cat, new_cat);
    pricing__w_close(&w, '}');
    if (rc != 0)
        w.failed = 1;
    if (pricing__w_done(&w) != 0 ||
        ((flags & PRICING_JSON_PRETTY) && pricing__w_pretty(buf) != 0))
        return pricing__nomem(err);
    return 0;
}
