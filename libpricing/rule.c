/* SPDX-License-Identifier: MIT */
/* rule.c - the quantity rules: names, loading, lines (see rule.h). */
#include <stdio.h>
#include <string.h>

#include "decimal.h"
#include "memory.h"
#include "rule.h"
#include "zword.h"

const char *pricing__rule_name(pricing__rule_kind kind)
{
    switch (kind) {
    case PRICING__LINEAR:
        return "linear";
    case PRICING__GRADUATED:
        return "graduated";
    case PRICING__VOLUME:
        return "volume";
    case PRICING__PACKAGE:
        return "package";
    }
    return "unknown";
}

int pricing__rule_lookup(const char *name, size_t len)
{
    int k;
    for (k = 0; k < PRICING__RULE_KINDS; k++) {
        const char *s = pricing__rule_name((pricing__rule_kind)k);
        if (strncmp(s, name, len) == 0 && s[len] == '\0')
            return k;
    }
    return -1;
}

/* ---------------------------------------------------------------- loading */

/* A flat fee left out: zero, a view of no limbs (model.h). */
static int zero_amount(pricing__load *ld, pricing__amount *a)
{
    (void)ld;
    a->text = "0";
    mpz_roinit_n(a->v, &a->limb, 0);
    return 0;
}

static int load_up_to(pricing__load *ld, const pricing__attr *attr,
                      const cJSON *node, pricing__tier *t, int last,
                      const pricing__tier *prev)
{
    pricing__rd *rd = &ld->rd;
    int rc;

    t->from = prev ? prev->up_to : 0;
    if (cJSON_IsNull(node)) {
        if (!last)
            return pricing__error(rd->err, PRICING_TIER_ORDER, &rd->path,
                                  "only the last tier may have up_to null");
        t->bounded = 0;
        t->up_to = UINT64_MAX;
        return 0;
    }
    rc = pricing__rd_integer(rd, node, &t->up_to);
    if (rc > 0)
        return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                              "up_to is an integer from 0 to 10^15");
    if (rc < 0)
        return rc;
    t->bounded = 1;
    if (prev && t->up_to <= prev->up_to)
        return pricing__error(rd->err, PRICING_TIER_ORDER, &rd->path,
                              "up_to %llu does not exceed the previous "
                              "tier's %llu",
                              (unsigned long long)t->up_to,
                              (unsigned long long)prev->up_to);
    if (last && t->up_to < attr->max)
        return pricing__error(rd->err, PRICING_TIER_COVERAGE, &rd->path,
                              "the last tier ends at %llu, below %s's "
                              "maximum %llu",
                              (unsigned long long)t->up_to, attr->id,
                              (unsigned long long)attr->max);
    return 0;
}

static int load_tier(pricing__load *ld, const pricing__attr *attr,
                     const cJSON *node, pricing__tier *t, int last,
                     const pricing__tier *prev)
{
    static const char *const keys[] = {"up_to", "unit_price", "flat", NULL};
    const cJSON *m[3];
    pricing__rd *rd = &ld->rd;
    size_t mark;
    int rc;

    if ((rc = pricing__rd_members(rd, node, keys, m)) != 0)
        return rc;
    if (!m[0] || !m[1]) {
        pricing__ld_push(ld, keys[m[0] ? 1 : 0]);
        return pricing__error(rd->err, PRICING_MISSING_FIELD, &rd->path,
                              "a tier needs \"%s\"", keys[m[0] ? 1 : 0]);
    }
    mark = pricing__ld_push(ld, keys[0]);
    if ((rc = load_up_to(ld, attr, m[0], t, last, prev)) != 0)
        return rc;
    pricing__path_pop(&rd->path, mark);
    if ((rc = pricing__load_amount_at(ld, m[1], keys[1], &t->unit)) != 0)
        return rc;
    if (m[2])
        rc = pricing__load_amount_at(ld, m[2], keys[2], &t->flat);
    else
        rc = zero_amount(ld, &t->flat);
    return rc; /* full and before: when the load finishes */
}

static int load_tiers(pricing__load *ld, const pricing__attr *attr,
                      const cJSON *node, pricing__rule *rule)
{
    pricing__rd *rd = &ld->rd;
    const cJSON *e;
    size_t n = 0, i = 0, mark;
    int rc;

    if ((rc = pricing__ld_array(ld, node, "an array of tiers",
                                "a tier list may not be empty",
                                PRICING_MAX_TIERS, "tiers", &n)) != 0)
        return rc;
    rule->tiers = pricing__arena_alloc(ld->arena, n * sizeof *rule->tiers);
    if (!rule->tiers)
        return pricing__nomem(rd->err);
    rule->ntiers = n;
    for (e = node->child; e; e = e->next, i++) {
        mark = pricing__path_push_index(&rd->path, i);
        rc = load_tier(ld, attr, e, &rule->tiers[i], i + 1 == n,
                       i ? &rule->tiers[i - 1] : NULL);
        if (rc != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    if (pricing__grow((void **)&ld->tiers, &ld->tiers_cap, ld->ntiers + 1,
                      sizeof *ld->tiers) != 0 ||
        pricing__grow((void **)&ld->tier_counts, &ld->tier_counts_cap,
                      ld->ntiers + 1, sizeof *ld->tier_counts) != 0)
        return pricing__nomem(rd->err);
    ld->tiers[ld->ntiers] = rule->tiers;
    ld->tier_counts[ld->ntiers++] = n;
    return 0;
}

/* {"size": S, "price": P, "round": "up" | "down"} (contract 1.1). */
static int load_package(pricing__load *ld, const cJSON *node,
                        pricing__rule *rule)
{
    static const char *const keys[] = {"size", "price", "round", NULL};
    const cJSON *m[3];
    pricing__rd *rd = &ld->rd;
    const char *s;
    size_t mark;
    int rc, k;

    if ((rc = pricing__rd_members(rd, node, keys, m)) != 0)
        return rc;
    for (k = 0; k < 2; k++)
        if (!m[k]) {
            pricing__ld_push(ld, keys[k]);
            return pricing__error(rd->err, PRICING_MISSING_FIELD, &rd->path,
                                  "a package needs \"%s\"", keys[k]);
        }
    mark = pricing__ld_push(ld, keys[0]);
    rc = pricing__rd_integer(rd, m[0], &rule->package_size);
    if (rc < 0)
        return rc;
    if (rc > 0 || rule->package_size < 1)
        return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                              "size is from 1 to 10^15");
    pricing__path_pop(&rd->path, mark);
    if ((rc = pricing__load_amount_at(ld, m[1], keys[1], &rule->linear)) != 0)
        return rc;
    if (m[2]) {
        mark = pricing__ld_push(ld, keys[2]);
        if ((rc = pricing__rd_string(rd, m[2], PRICING_MAX_ID_BYTES, &s)) != 0)
            return rc;
        if (strcmp(s, "down") == 0)
            rule->package_down = 1;
        else if (strcmp(s, "up") != 0)
            return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                                  "round is \"up\" or \"down\"");
        pricing__path_pop(&rd->path, mark);
    }
    return 0;
}

/* The body of a rule of a known kind (path: the kind's member). */
static int load_body(pricing__load *ld, const pricing__attr *attr,
                     const cJSON *node, pricing__rule *rule)
{
    switch (rule->kind) {
    case PRICING__LINEAR:
        return pricing__load_amount(ld, node, &rule->linear);
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        return load_tiers(ld, attr, node, rule);
    case PRICING__PACKAGE:
        return load_package(ld, node, rule);
    }
    return pricing__error(ld->rd.err, PRICING_INVALID_VALUE, &ld->rd.path,
                          "unknown rule");
}

/* "name one rule: linear, graduated, volume or package" */
static int no_rule(pricing__load *ld)
{
    char list[128];
    size_t n = 0;
    int k;
    for (k = 0; k < PRICING__RULE_KINDS; k++) {
        const char *sep = k == 0 ? "" : k + 1 < PRICING__RULE_KINDS ? ", "
                                                                    : " or ";
        n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", sep,
                              pricing__rule_name((pricing__rule_kind)k));
        if (n >= sizeof list)
            break;
    }
    return pricing__error(ld->rd.err, PRICING_INVALID_VALUE, &ld->rd.path,
                          "name one rule: %s", list);
}

int pricing__rule_load(pricing__load *ld, const pricing__attr *attr,
                       const cJSON *node, pricing__rule *rule)
{
    const char *keys[PRICING__RULE_KINDS + 1];
    const cJSON *m[PRICING__RULE_KINDS];
    pricing__rd *rd = &ld->rd;
    size_t mark;
    int rc, k, found = -1;

    /* keys[k] is the name of kind k, so m[k] is its member. */
    for (k = 0; k < PRICING__RULE_KINDS; k++)
        keys[k] = pricing__rule_name((pricing__rule_kind)k);
    keys[PRICING__RULE_KINDS] = NULL;
    if ((rc = pricing__rd_members(rd, node, keys, m)) != 0)
        return rc;
    for (k = 0; k < PRICING__RULE_KINDS; k++) {
        if (!m[k])
            continue;
        if (found >= 0)
            return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                                  "one rule per attribute: both \"%s\" and "
                                  "\"%s\"", keys[found], keys[k]);
        found = k;
    }
    if (found < 0)
        return no_rule(ld);
    rule->kind = (pricing__rule_kind)found;
    mark = pricing__ld_push(ld, keys[found]);
    if ((rc = load_body(ld, attr, m[found], rule)) != 0)
        return rc;
    pricing__path_pop(&rd->path, mark);
    return 0;
}

/* ---------------------------------------------------------------- lines */

/* The first tier whose up_to is at least qty (the last one otherwise). */
static size_t find_tier(const pricing__rule *r, uint64_t qty)
{
    size_t lo = 0, hi = r->ntiers - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->tiers[mid].up_to >= qty)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* A line of attribute at priced by rule r (attr and rule set). Inline,
 * like tier_line: a graduated quote makes one per tier entered, and the
 * zero stores of pricing__qline_clear that they overwrite then go. */
static inline pricing__qline *rule_line(pricing_quote *q,
                                        pricing__line_kind kind,
                                        const pricing__attr *at,
                                        const pricing__rule *r)
{
    pricing__qline *l = pricing__quote_add_line(q, kind);
    if (l) {
        l->attr = at;
        l->rule = r->kind;
    }
    return l;
}

/* A tier line: its bounds, prices and units (the amount is the caller's). */
static inline pricing__qline *tier_line(pricing_quote *q,
                                        pricing__line_kind kind,
                                        const pricing__attr *at,
                                        const pricing__rule *r, size_t k,
                                        uint64_t units)
{
    const pricing__tier *t = &r->tiers[k];
    pricing__qline *l = rule_line(q, kind, at, r);
    if (!l)
        return NULL;
    l->tier = (uint32_t)k + 1;
    l->from = t->from;
    l->to = t->up_to;
    l->has_to = t->bounded;
    l->quantity = units;
    l->unit_price = t->unit.text;
    l->flat = t->flat.text;
    return l;
}

/* A tier line of one period: units x unit + flat. */
static pricing__qline *period_tier_line(pricing_quote *q,
                                        const pricing__attr *at,
                                        const pricing__rule *r, size_t k,
                                        uint64_t units)
{
    const pricing__tier *t = &r->tiers[k];
    pricing__qline *l = tier_line(q, PRICING__LINE_TIER, at, r, k, units);
    if (!l)
        return NULL;
    pricing__z_addmul_u64(l->period, units, t->unit.v, t->flat.v);
    return l;
}

/* Linear: qty x price; package: ceil (or floor) of qty / size packages
 * x price, qty 0 costing 0. */
static int quantity_line(pricing_quote *q, const pricing__attr *at,
                         const pricing__rule *r, uint64_t qty, int package)
{
    pricing__qline *l = rule_line(q, PRICING__LINE_QUANTITY, at, r);
    if (!l)
        return -1;
    l->quantity = qty;
    l->unit_price = r->linear.text;
    if (package) {
        l->size = r->package_size;
        l->packages = qty / r->package_size;
        if (!r->package_down && qty % r->package_size)
            l->packages++;
        qty = l->packages;
    }
    pricing__z_mul_u64(l->period, r->linear.v, qty);
    return 0;
}

/* Graduated: the tiers below were passed through whole (their amounts
 * are precomputed), the tier reached holds the rest. Totals only: the
 * tiers below are one prefix sum, whatever their number. */
static int graduated_lines(pricing_quote *q, const pricing__attr *at,
                           const pricing__rule *r, uint64_t qty)
{
    size_t k = find_tier(r, qty), j;
    pricing__qline *l;

    if (q->totals_only && k > 0) {
        if (!(l = period_tier_line(q, at, r, 0, 0)))
            return -1;
        l->passed = (uint32_t)k;
        pricing__z_set(l->period, r->tiers[k].before);
    } else {
        for (j = 0; j < k; j++) {
            const pricing__tier *t = &r->tiers[j];
            if (!(l = tier_line(q, PRICING__LINE_TIER, at, r, j,
                                t->up_to - t->from)))
                return -1;
            pricing__z_set(l->period, t->full); /* precomputed at load */
        }
    }
    return period_tier_line(q, at, r, k, qty - r->tiers[k].from) ? 0 : -1;
}

int pricing__rule_lines(pricing_quote *q, const pricing__attr *at,
                        const pricing__rule *r, uint64_t qty)
{
    switch (r->kind) {
    case PRICING__LINEAR:
        return quantity_line(q, at, r, qty, 0);
    case PRICING__PACKAGE:
        return quantity_line(q, at, r, qty, 1);
    case PRICING__VOLUME: /* the tier reached prices every unit */
        return period_tier_line(q, at, r, find_tier(r, qty), qty) ? 0 : -1;
    case PRICING__GRADUATED:
        return graduated_lines(q, at, r, qty);
    }
    return -1;
}

int pricing__rule_scales_apart(pricing__rule_kind kind)
{
    switch (kind) {
    case PRICING__VOLUME:
        return 1;
    case PRICING__LINEAR:
    case PRICING__GRADUATED:
    case PRICING__PACKAGE:
        return 0;
    }
    return 0;
}

/* The volume part of a scale-out: count x (unit price of the new tier x
 * added units + that tier's flat when the old quantity was in another
 * tier), KooGallery's rule. */
static int volume_scale_out(pricing_quote *q, const pricing__attr *at,
                            const pricing__rule *r, uint64_t old_q,
                            uint64_t new_q)
{
    size_t k = find_tier(r, new_q), k_old = find_tier(r, old_q);
    const pricing__tier *t = &r->tiers[k];
    pricing__qline *l;

    if (new_q == old_q)
        return 0;
    if (!(l = tier_line(q, PRICING__LINE_CHARGE, at, r, k, new_q - old_q)))
        return -1;
    l->flat = k != k_old ? t->flat.text : "0";
    pricing__mpz_set_u64(l->exact, l->quantity);
    mpz_mul(l->exact, l->exact, t->unit.v);
    if (k != k_old)
        mpz_add(l->exact, l->exact, t->flat.v);
    pricing__mpz_set_u64(q->tmp, q->count);
    mpz_mul(l->exact, l->exact, q->tmp);
    mpz_set(l->term, l->exact);
    return 0;
}

int pricing__rule_scale_out_line(pricing_quote *q, const pricing__attr *at,
                                 const pricing__rule *r, uint64_t old_q,
                                 uint64_t new_q)
{
    switch (r->kind) {
    case PRICING__VOLUME:
        return volume_scale_out(q, at, r, old_q, new_q);
    case PRICING__LINEAR:
    case PRICING__GRADUATED:
    case PRICING__PACKAGE:
        return 0; /* in the credit and charge of the term */
    }
    return 0;
}

void pricing__rule_write_members(pricing__w *w, const pricing__qline *l)
{
    switch (l->rule) {
    case PRICING__PACKAGE:
        if (l->kind != PRICING__LINE_QUANTITY)
            return;
        PRICING__W_KEY(w, "size");
        pricing__w_u64(w, l->size);
        PRICING__W_KEY(w, "packages");
        pricing__w_u64(w, l->packages);
        return;
    case PRICING__LINEAR:
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        return;
    }
}

size_t pricing__rule_price_count(const pricing__rule *r)
{
    switch (r->kind) {
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        return r->ntiers;
    case PRICING__LINEAR:
    case PRICING__PACKAGE:
        break;
    }
    return 1;
}

void pricing__rule_price(const pricing__rule *r, size_t k, pricing_price *out)
{
    out->rule = pricing__rule_name(r->kind);
    switch (r->kind) {
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        out->kind = "tier";
        out->tier = (uint32_t)(k + 1);
        out->up_to = r->tiers[k].bounded ? r->tiers[k].up_to : 0;
        out->has_up_to = r->tiers[k].bounded;
        out->unit_price = r->tiers[k].unit.text;
        out->flat = r->tiers[k].flat.text;
        return;
    case PRICING__PACKAGE:
        out->package_size = r->package_size;
        out->package_round = r->package_down ? "down" : "up";
        break;
    case PRICING__LINEAR:
        break;
    }
    out->kind = "quantity"; /* a package's price is its unit price */
    out->unit_price = r->linear.text;
}
