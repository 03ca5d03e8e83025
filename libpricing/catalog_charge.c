/* SPDX-License-Identifier: MIT */
/* catalog_charge.c - charges, quantity rules and tiers of a catalog. */
#include <string.h>

#include "catalog_parse.h"
#include "decimal.h"
#include "memory.h"

int pricing__load_amount(pricing__load *ld, const cJSON *node,
                         pricing__amount *a)
{
    unsigned frac = 0;
    int rc = pricing__rd_amount(&ld->rd, node, pricing__cat_strndup, ld->cat,
                                &a->text, &frac);
    if (rc != 0)
        return rc;
    if (pricing__cat_mpz(ld->cat, a->v) != 0 ||
        pricing__grow((void **)&ld->amounts, &ld->amounts_cap,
                      ld->namounts + 1, sizeof *ld->amounts) != 0)
        return pricing__nomem(ld->rd.err);
    ld->amounts[ld->namounts++] = a;
    if (frac > ld->max_frac)
        ld->max_frac = frac;
    return 0;
}

static int zero_amount(pricing__load *ld, pricing__amount *a)
{
    a->text = "0";
    if (pricing__cat_mpz(ld->cat, a->v) != 0)
        return pricing__nomem(ld->rd.err);
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
        pricing__path_push_key(&rd->path, keys[m[0] ? 1 : 0],
                               strlen(keys[m[0] ? 1 : 0]));
        return pricing__error(rd->err, PRICING_MISSING_FIELD, &rd->path,
                              "a tier needs \"%s\"", keys[m[0] ? 1 : 0]);
    }
    mark = pricing__path_push_key(&rd->path, "up_to", 5);
    t->from = prev ? prev->up_to : 0;
    if (cJSON_IsNull(m[0])) {
        if (!last)
            return pricing__error(rd->err, PRICING_TIER_ORDER, &rd->path,
                                  "only the last tier may have up_to null");
        t->bounded = 0;
        t->up_to = UINT64_MAX;
    } else {
        rc = pricing__rd_integer(rd, m[0], &t->up_to);
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
    }
    pricing__path_pop(&rd->path, mark);
    mark = pricing__path_push_key(&rd->path, "unit_price", 10);
    if ((rc = pricing__load_amount(ld, m[1], &t->unit)) != 0)
        return rc;
    pricing__path_pop(&rd->path, mark);
    if (m[2]) {
        mark = pricing__path_push_key(&rd->path, "flat", 4);
        if ((rc = pricing__load_amount(ld, m[2], &t->flat)) != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    } else if ((rc = zero_amount(ld, &t->flat)) != 0) {
        return rc;
    }
    if (pricing__cat_mpz(ld->cat, t->full) != 0 ||
        pricing__cat_mpz(ld->cat, t->before) != 0)
        return pricing__nomem(rd->err);
    return 0;
}

static int load_tiers(pricing__load *ld, const pricing__attr *attr,
                      const cJSON *node, pricing__rule *rule)
{
    pricing__rd *rd = &ld->rd;
    const cJSON *e;
    size_t n = 0, i = 0, mark;
    int rc;

    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(rd, node, "an array of tiers");
    for (e = node->child; e; e = e->next)
        n++;
    if (n == 0)
        return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                              "a tier list may not be empty");
    if (n > PRICING_MAX_TIERS)
        return pricing__error(rd->err, PRICING_LIMIT_EXCEEDED, &rd->path,
                              "more than %d tiers", PRICING_MAX_TIERS);
    rule->tiers = pricing__cat_alloc(ld->cat, n * sizeof *rule->tiers);
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
            pricing__path_push_key(&rd->path, keys[k], strlen(keys[k]));
            return pricing__error(rd->err, PRICING_MISSING_FIELD, &rd->path,
                                  "a package needs \"%s\"", keys[k]);
        }
    mark = pricing__path_push_key(&rd->path, "size", 4);
    rc = pricing__rd_integer(rd, m[0], &rule->package_size);
    if (rc < 0)
        return rc;
    if (rc > 0 || rule->package_size < 1)
        return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                              "size is from 1 to 10^15");
    pricing__path_pop(&rd->path, mark);
    mark = pricing__path_push_key(&rd->path, "price", 5);
    if ((rc = pricing__load_amount(ld, m[1], &rule->linear)) != 0)
        return rc;
    pricing__path_pop(&rd->path, mark);
    if (m[2]) {
        mark = pricing__path_push_key(&rd->path, "round", 5);
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

static int load_rule(pricing__load *ld, const pricing__attr *attr,
                     const cJSON *node, pricing__rule *rule)
{
    static const char *const keys[] = {"linear", "graduated", "volume",
                                       "package", NULL};
    const cJSON *m[4];
    pricing__rd *rd = &ld->rd;
    size_t mark;
    int rc, k, found = -1;

    if ((rc = pricing__rd_members(rd, node, keys, m)) != 0)
        return rc;
    for (k = 0; k < 4; k++) {
        if (!m[k])
            continue;
        if (found >= 0)
            return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                                  "one rule per attribute: both \"%s\" and "
                                  "\"%s\"", keys[found], keys[k]);
        found = k;
    }
    if (found < 0)
        return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                              "name one rule: linear, graduated, volume or "
                              "package");
    rule->kind = (pricing__rule_kind)found;
    mark = pricing__path_push_key(&rd->path, keys[found], strlen(keys[found]));
    if (found == PRICING__LINEAR)
        rc = pricing__load_amount(ld, m[found], &rule->linear);
    else if (found == PRICING__PACKAGE)
        rc = load_package(ld, m[found], rule);
    else
        rc = load_tiers(ld, attr, m[found], rule);
    if (rc != 0)
        return rc;
    pricing__path_pop(&rd->path, mark);
    return 0;
}

static int load_quantities(pricing__load *ld, const pricing__spec *spec,
                           const cJSON *node, pricing__charge *ch)
{
    pricing__rd *rd = &ld->rd;
    const cJSON *m;
    size_t i, mark;
    int rc;

    if (!cJSON_IsObject(node))
        return pricing__rd_wrong_type(rd, node, "an object");
    for (m = node->child; m; m = m->next) {
        long a = pricing__index_find(&spec->attr_index, m->string,
                                     strlen(m->string));
        mark = pricing__path_push_key(&rd->path, m->string, strlen(m->string));
        if (a < 0)
            return pricing__error(rd->err, PRICING_UNKNOWN_ATTRIBUTE,
                                  &rd->path, "the spec has no attribute "
                                  "\"%.64s\"", m->string);
        if (spec->attrs[a].is_enum)
            return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                                  "\"%.64s\" is an enum attribute: price it "
                                  "per SKU", m->string);
        rc = load_rule(ld, &spec->attrs[a], m, &ch->rules[spec->attrs[a].qord]);
        if (rc != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    /* Every quantity attribute needs its rule. */
    for (i = 0; i < spec->nattrs; i++) {
        const pricing__attr *at = &spec->attrs[i];
        if (!at->is_enum &&
            !cJSON_GetObjectItemCaseSensitive(node, at->id))
            return pricing__error(rd->err, PRICING_UNPRICED_ATTRIBUTE,
                                  &rd->path, "no rule prices \"%.64s\"",
                                  at->id);
    }
    return 0;
}

int pricing__load_charge(pricing__load *ld, const pricing__spec *spec,
                         const cJSON *node, pricing__charge **out)
{
    static const char *const keys[] = {"base", "quantities", NULL};
    const cJSON *m[2];
    pricing__rd *rd = &ld->rd;
    pricing__charge *ch;
    size_t mark;
    int rc;

    ch = pricing__cat_alloc(ld->cat, sizeof *ch);
    if (!ch)
        return pricing__nomem(rd->err);
    /* A plain amount is a fixed price per period whatever the quantities
     * (the contract's own example prices a year of "pro" so). */
    if (cJSON_IsString(node) || cJSON_IsNumber(node)) {
        ch->fixed = 1;
        if ((rc = pricing__load_amount(ld, node, &ch->amount)) != 0)
            return rc;
        *out = ch;
        return 0;
    }
    if (!cJSON_IsObject(node))
        return pricing__rd_wrong_type(rd, node, "an amount or a charge object");
    if ((rc = pricing__rd_members(rd, node, keys, m)) != 0)
        return rc;
    if (m[0]) {
        mark = pricing__path_push_key(&rd->path, "base", 4);
        if ((rc = pricing__load_amount(ld, m[0], &ch->amount)) != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
        ch->has_base = 1;
    }
    if (spec->nquant > 0) {
        if (!m[1])
            return pricing__error(rd->err, PRICING_UNPRICED_ATTRIBUTE,
                                  &rd->path, "the charge has no quantities "
                                  "for the spec's quantity attributes");
        ch->rules = pricing__cat_alloc(ld->cat,
                                       spec->nquant * sizeof *ch->rules);
        if (!ch->rules)
            return pricing__nomem(rd->err);
    }
    if (m[1]) {
        mark = pricing__path_push_key(&rd->path, "quantities", 10);
        if ((rc = load_quantities(ld, spec, m[1], ch)) != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    /* A charge that names nothing would quote an order with no lines. */
    if (!ch->has_base && spec->nquant == 0)
        return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                              "a charge object needs a base or quantities");
    *out = ch;
    return 0;
}

int pricing__load_finish_amounts(pricing__load *ld)
{
    pricing_catalog *cat = ld->cat;
    size_t i, k;
    mpz_t width;

    cat->scale = ld->max_frac > cat->minor_units ? ld->max_frac
                                                 : cat->minor_units;
    for (i = 0; i < ld->namounts; i++) {
        pricing__amount *a = ld->amounts[i];
        pricing__decimal_to_mpz(a->v, a->text, strlen(a->text), cat->scale);
    }
    mpz_ui_pow_ui(cat->unit, 10, cat->scale - cat->minor_units);
    mpz_ui_pow_ui(cat->den, 10, cat->scale);
    /* A tier passed through costs width x unit + flat; prefix sums of
     * those let a graduated quote price the tiers below in one add. */
    mpz_init(width);
    for (i = 0; i < ld->ntiers; i++) {
        pricing__tier *t = ld->tiers[i];
        for (k = 0; k < ld->tier_counts[i]; k++) {
            if (k > 0)
                mpz_add(t[k].before, t[k - 1].before, t[k - 1].full);
            if (t[k].bounded) {
                pricing__mpz_set_u64(width, t[k].up_to - t[k].from);
                mpz_mul(t[k].full, width, t[k].unit.v);
                mpz_add(t[k].full, t[k].full, t[k].flat.v);
            }
        }
    }
    mpz_clear(width);
    return 0;
}
