/* SPDX-License-Identifier: MIT */
/* catalog_spec.c - loading a spec: attributes, plans, counts, discounts. */
#include <stdlib.h>
#include <string.h>

#include "catalog_parse.h"
#include "decimal.h"
#include "suggest.h"

#define RD (&ld->rd)

/* ---------------------------------------------------------------- attributes */

static int load_enum_values(pricing__load *ld, pricing__attr *at,
                            const cJSON *node)
{
    const cJSON *e;
    size_t n = 0, i = 0, mark;
    long dup;
    const char **values;
    int rc;

    if ((rc = pricing__ld_array(ld, node, "an array of strings",
                                "an enum needs at least one value",
                                PRICING_MAX_ENUM_VALUES, "enum values",
                                &n)) != 0)
        return rc;
    values = pricing__arena_alloc(ld->arena, n * sizeof *values);
    if (!values)
        return pricing__nomem(RD->err);
    for (e = node->child; e; e = e->next, i++) {
        mark = pricing__path_push_index(&RD->path, i);
        if ((rc = pricing__ld_id(ld, e, &values[i])) != 0)
            return rc;
        pricing__ld_pop(ld, mark);
    }
    at->values = values;
    at->nvalues = n;
    if (pricing__index_build(ld->arena, &at->value_index, values, n,
                             &dup) != 0)
        return pricing__nomem(RD->err);
    if (dup >= 0) {
        pricing__path_push_index(&RD->path, (size_t)dup);
        return pricing__error(RD->err, PRICING_DUPLICATE_ID, &RD->path,
                              "the value \"%.64s\" is listed twice",
                              values[dup]);
    }
    return 0;
}

/* min, max, step of a quantity attribute. */
static int load_bound(pricing__load *ld, const cJSON *node, const char *key,
                      uint64_t *out)
{
    size_t mark = pricing__ld_push(ld, key);
    int rc = pricing__rd_integer(RD, node, out);
    if (rc == PRICING__INT_NEGATIVE)
        return pricing__error(RD->err, PRICING_INVALID_VALUE, &RD->path,
                              "%s may not be negative", key);
    if (rc == PRICING__INT_TOO_BIG)
        return pricing__error(RD->err, PRICING_INVALID_VALUE, &RD->path,
                              "%s is at most 10^15", key);
    if (rc != 0)
        return rc;
    pricing__ld_pop(ld, mark);
    return 0;
}

static int load_attribute(pricing__load *ld, const cJSON *node,
                          pricing__attr *at)
{
    static const char *const keys[] = {"id", "type", "values", "min",
                                       "max", "step", "unit", NULL};
    const cJSON *m[7];
    const char *type;
    size_t mark;
    int rc, k;

    if ((rc = pricing__rd_members(RD, node, keys, m)) != 0)
        return rc;
    if (!m[0])
        return pricing__ld_missing(ld, "id");
    mark = pricing__ld_push(ld, "id");
    if ((rc = pricing__ld_id(ld, m[0], &at->id)) != 0)
        return rc;
    pricing__ld_pop(ld, mark);
    if (!m[1])
        return pricing__ld_missing(ld, "type");
    mark = pricing__ld_push(ld, "type");
    if ((rc = pricing__rd_string(RD, m[1], PRICING_MAX_ID_BYTES, &type)) != 0)
        return rc;
    if (strcmp(type, "enum") == 0)
        at->is_enum = 1;
    else if (strcmp(type, "quantity") != 0)
        return pricing__ld_invalid(ld, "type is \"enum\" or \"quantity\"");
    pricing__ld_pop(ld, mark);
    /* Members of the other type are typos, not options. */
    for (k = 2; k < 7; k++) {
        if (m[k] && (k == 2) != at->is_enum) {
            static const char *const enum_keys[] = {"id", "type", "values",
                                                    NULL};
            static const char *const quantity_keys[] = {
                "id", "type", "min", "max", "step", "unit", NULL};
            pricing__choices c = pricing__choices_list(
                "fields", at->is_enum ? enum_keys : quantity_keys);
            pricing__ld_push(ld, keys[k]);
            return pricing__error_hint(
                RD->err, PRICING_UNKNOWN_FIELD, &RD->path, keys[k], &c,
                "'%s' is not a member of %s attribute", keys[k],
                at->is_enum ? "an enum" : "a quantity");
        }
    }
    if (at->is_enum) {
        if (!m[2])
            return pricing__ld_missing(ld, "values");
        mark = pricing__ld_push(ld, "values");
        if ((rc = load_enum_values(ld, at, m[2])) != 0)
            return rc;
        pricing__ld_pop(ld, mark);
        return 0;
    }
    if (!m[3])
        return pricing__ld_missing(ld, "min");
    if (!m[4])
        return pricing__ld_missing(ld, "max");
    if ((rc = load_bound(ld, m[3], "min", &at->min)) != 0 ||
        (rc = load_bound(ld, m[4], "max", &at->max)) != 0)
        return rc;
    at->step = 1;
    if (m[5] && (rc = load_bound(ld, m[5], "step", &at->step)) != 0)
        return rc;
    if (at->min > at->max) {
        pricing__ld_push(ld, "max");
        return pricing__ld_invalid(ld, "max is below min");
    }
    if (at->step == 0) {
        pricing__ld_push(ld, "step");
        return pricing__ld_invalid(ld, "step is at least 1");
    }
    if (m[6]) {
        const char *unit;
        mark = pricing__ld_push(ld, "unit");
        if ((rc = pricing__rd_string(RD, m[6], PRICING_MAX_ID_BYTES, &unit)) != 0)
            return rc;
        if (!(at->unit = pricing__arena_strndup(ld->arena, unit, strlen(unit))))
            return pricing__nomem(RD->err);
        pricing__ld_pop(ld, mark);
    }
    return 0;
}

static int load_attributes(pricing__load *ld, pricing__spec *spec,
                           const cJSON *node)
{
    const cJSON *e;
    size_t n = 0, i = 0, mark, nskus = 1;
    const char **ids;
    long dup;
    int rc;

    if ((rc = pricing__ld_array(ld, node, "an array of attributes", NULL,
                                PRICING_MAX_ATTRIBUTES, "attributes",
                                &n)) != 0)
        return rc;
    spec->attrs = pricing__arena_alloc(ld->arena, (n ? n : 1) * sizeof *spec->attrs);
    ids = pricing__arena_alloc(ld->arena, (n ? n : 1) * sizeof *ids);
    if (!spec->attrs || !ids)
        return pricing__nomem(RD->err);
    spec->nattrs = n;
    for (e = node->child; e; e = e->next, i++) {
        mark = pricing__path_push_index(&RD->path, i);
        if ((rc = load_attribute(ld, e, &spec->attrs[i])) != 0)
            return rc;
        pricing__ld_pop(ld, mark);
        ids[i] = spec->attrs[i].id;
    }
    if (pricing__index_build(ld->arena, &spec->attr_index, ids, n,
                             &dup) != 0)
        return pricing__nomem(RD->err);
    if (dup >= 0) {
        pricing__path_push_index(&RD->path, (size_t)dup);
        pricing__ld_push(ld, "id");
        return pricing__error(RD->err, PRICING_DUPLICATE_ID, &RD->path,
                              "the attribute \"%.64s\" is listed twice",
                              ids[dup]);
    }
    /* Mixed radix: the last enum attribute varies fastest. */
    for (i = n; i-- > 0;) {
        pricing__attr *at = &spec->attrs[i];
        if (!at->is_enum)
            continue;
        at->radix = nskus;
        if (nskus > PRICING_MAX_SKUS / at->nvalues)
            return pricing__error(RD->err, PRICING_LIMIT_EXCEEDED, &RD->path,
                                  "the enum values make more than %d SKUs",
                                  PRICING_MAX_SKUS);
        nskus *= at->nvalues;
    }
    for (i = 0; i < n; i++)
        if (!spec->attrs[i].is_enum)
            spec->attrs[i].qord = spec->nquant++;
    spec->nskus = nskus;
    return 0;
}

/* ---------------------------------------------------------------- plans, counts */

static int load_plans(pricing__load *ld, pricing__spec *spec,
                      const cJSON *node)
{
    const cJSON *e;
    size_t i = 0, mark;
    int rc, plan;

    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(RD, node, "an array of plan names");
    if (!node->child)
        return pricing__ld_invalid(ld, "plans may not be empty");
    for (e = node->child; e; e = e->next, i++) {
        const char *name;
        mark = pricing__path_push_index(&RD->path, i);
        if ((rc = pricing__rd_string(RD, e, PRICING_MAX_ID_BYTES, &name)) != 0 ||
            (rc = pricing__ld_plan(ld, spec, name, &plan)) != 0)
            return rc;
        if (spec->plans & (1u << plan))
            return pricing__ld_invalid(ld, "a plan is listed twice");
        spec->plans |= 1u << plan;
        pricing__ld_pop(ld, mark);
    }
    return 0;
}

static int load_counts(pricing__load *ld, pricing__spec *spec,
                       const cJSON *node)
{
    const cJSON *m, *e;
    size_t mark, mark2, i;
    int rc, plan;

    if (spec->one_time)
        return pricing__ld_invalid(ld, "counts apply to yearly_monthly specs only");
    if (!cJSON_IsObject(node))
        return pricing__rd_wrong_type(RD, node, "an object");
    for (m = node->child; m; m = m->next) {
        uint8_t *allowed;
        mark = pricing__ld_push(ld, m->string);
        if ((rc = pricing__ld_plan(ld, spec, m->string, &plan)) != 0)
            return rc;
        if (!cJSON_IsArray(m))
            return pricing__rd_wrong_type(RD, m, "an array of counts");
        if (!m->child)
            return pricing__ld_invalid(ld, "a counts list may not be empty");
        allowed = pricing__arena_alloc(ld->arena, PRICING_MAX_COUNT + 1);
        if (!allowed)
            return pricing__nomem(RD->err);
        for (e = m->child, i = 0; e; e = e->next, i++) {
            uint64_t c;
            mark2 = pricing__path_push_index(&RD->path, i);
            rc = pricing__rd_integer(RD, e, &c);
            if (rc < 0)
                return rc;
            if (rc > 0 || c < 1 || c > PRICING_MAX_COUNT)
                return pricing__ld_invalid(ld, "a count is from 1 to 120");
            if (allowed[c])
                return pricing__ld_invalid(ld, "a count is listed twice");
            allowed[c] = 1;
            pricing__ld_pop(ld, mark2);
        }
        spec->counts[plan] = allowed;
        pricing__ld_pop(ld, mark);
    }
    return 0;
}

/* ---------------------------------------------------------------- specs */

/* ---------------------------------------------------------------- discounts */

static int load_percent(pricing__load *ld, const cJSON *node,
                          pricing__percent *pc)
{
    unsigned frac = 0;
    int rc = pricing__rd_amount(RD, node, pricing__arena_strndup, ld->arena,
                                &pc->text, &frac);
    if (rc != 0)
        return rc;
    if (pricing__percent_check(pc->text, strlen(pc->text), &frac) ==
        PRICING__DEC_RANGE)
        return pricing__ld_invalid(ld, "a percentage is at most 100");
    if (pricing__arena_mpz(ld->arena, pc->num) != 0 ||
        pricing__arena_mpz(ld->arena, pc->den) != 0)
        return pricing__nomem(RD->err);
    pricing__decimal_to_mpz(pc->num, pc->text, strlen(pc->text), frac);
    mpz_ui_pow_ui(pc->den, 10, frac + 2);
    return 0;
}

static int by_plan_count(const void *a, const void *b)
{
    const pricing__discount *x = a, *y = b;
    if (x->plan != y->plan)
        return (int)x->plan - (int)y->plan;
    return x->min_count < y->min_count ? -1 : x->min_count > y->min_count;
}

/* "discounts": [{"plan", "min_count", "percent_off"}] (contract 1.1). */
static int load_discounts(pricing__load *ld, pricing__spec *spec,
                          const cJSON *node)
{
    static const char *const keys[] = {"plan", "min_count", "percent_off",
                                       NULL};
    const cJSON *e, *m[3];
    size_t n = 0, i = 0, mark, mark2;
    int rc, plan, k;

    if (spec->one_time)
        return pricing__ld_invalid(ld, "discounts apply to yearly_monthly specs only");
    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(RD, node, "an array of discounts");
    for (e = node->child; e; e = e->next)
        n++;
    if (n > 3 * PRICING_MAX_COUNT)
        return pricing__error(RD->err, PRICING_LIMIT_EXCEEDED, &RD->path,
                              "more than %d discounts", 3 * PRICING_MAX_COUNT);
    spec->discounts = pricing__arena_alloc(ld->arena, (n ? n : 1) *
                                                      sizeof *spec->discounts);
    if (!spec->discounts)
        return pricing__nomem(RD->err);
    for (e = node->child; e; e = e->next, i++) {
        pricing__discount *d = &spec->discounts[i];
        const char *s;
        mark = pricing__path_push_index(&RD->path, i);
        if ((rc = pricing__rd_members(RD, e, keys, m)) != 0)
            return rc;
        for (k = 0; k < 3; k++)
            if (!m[k])
                return pricing__ld_missing(ld, keys[k]);
        mark2 = pricing__ld_push(ld, "plan");
        if ((rc = pricing__rd_string(RD, m[0], PRICING_MAX_ID_BYTES, &s)) != 0 ||
            (rc = pricing__ld_plan(ld, spec, s, &plan)) != 0)
            return rc;
        if (!(spec->plans & (1u << plan)))
            return pricing__ld_invalid(ld, "a discount for a plan the spec does not offer");
        d->plan = (pricing__plan)plan;
        pricing__ld_pop(ld, mark2);
        mark2 = pricing__ld_push(ld, "min_count");
        rc = pricing__rd_integer(RD, m[1], &d->min_count);
        if (rc < 0)
            return rc;
        if (rc > 0 || d->min_count < 1 || d->min_count > PRICING_MAX_COUNT)
            return pricing__ld_invalid(ld, "min_count is from 1 to 120");
        for (k = 0; (size_t)k < i; k++)
            if (spec->discounts[k].plan == d->plan &&
                spec->discounts[k].min_count == d->min_count)
                return pricing__ld_invalid(ld, "two discounts for the same plan and "
                                   "min_count");
        pricing__ld_pop(ld, mark2);
        mark2 = pricing__ld_push(ld, "percent_off");
        if ((rc = load_percent(ld, m[2], &d->percent)) != 0)
            return rc;
        pricing__ld_pop(ld, mark2);
        pricing__ld_pop(ld, mark);
    }
    spec->ndiscounts = n;
    qsort(spec->discounts, n, sizeof *spec->discounts, by_plan_count);
    return 0;
}

const pricing__discount *pricing__spec_discount(const pricing__spec *spec,
                                                pricing__plan plan,
                                                uint64_t count)
{
    const pricing__discount *best = NULL;
    size_t i;
    for (i = 0; i < spec->ndiscounts; i++)
        if (spec->discounts[i].plan == plan &&
            spec->discounts[i].min_count <= count)
            best = &spec->discounts[i]; /* sorted: the last is the largest */
    return best;
}

/* The trial_days member of a yearly_monthly spec. */
static int load_trial(pricing__load *ld, pricing__spec *spec,
                      const cJSON *node)
{
    int rc;
    if (spec->one_time)
        return pricing__ld_invalid(ld, "trial_days apply to yearly_monthly "
                                       "specs only");
    rc = pricing__rd_integer(RD, node, &spec->trial_days);
    if (rc < 0)
        return rc;
    if (rc > 0 || spec->trial_days < 1)
        return pricing__ld_invalid(ld, "trial_days is from 1 to 10^15");
    return 0;
}

/* The prices of a simple spec: its one SKU. */
static int load_simple(pricing__load *ld, pricing__spec *spec,
                       const cJSON *node)
{
    int rc;
    spec->nskus = 1;
    spec->skus = pricing__arena_alloc(ld->arena, sizeof *spec->skus);
    if (!spec->skus)
        return pricing__nomem(RD->err);
    spec->skus->listed = spec->skus->available = 1;
    if ((rc = pricing__ld_prices(ld, spec, node, spec->skus->prices)) != 0)
        return rc;
    if (!spec->plans)
        spec->plans = pricing__priced_plans(spec->skus->prices);
    if (!spec->plans)
        return pricing__ld_invalid(ld, "prices name no plan");
    return pricing__ld_check_priced(ld, spec, spec->skus->prices);
}

static int load_name(pricing__load *ld, pricing__spec *spec,
                     const cJSON *node)
{
    const char *s;
    int rc = pricing__rd_string(RD, node, PRICING_MAX_STRING_BYTES, &s);
    if (rc != 0)
        return rc;
    spec->name = pricing__arena_strndup(ld->arena, s, strlen(s));
    return spec->name ? 0 : pricing__nomem(RD->err);
}

/* A string member that is one of two words: *second is 1 for the second
 * (message: what the member may be). */
static int load_either(pricing__load *ld, const cJSON *node, const char *first,
                       const char *second, const char *message, int *is_second)
{
    const char *s;
    int rc = pricing__rd_string(RD, node, PRICING_MAX_ID_BYTES, &s);
    if (rc != 0)
        return rc;
    if (strcmp(s, second) == 0)
        *is_second = 1;
    else if (strcmp(s, first) != 0)
        return pricing__ld_invalid(ld, message);
    return 0;
}

static int load_billing(pricing__load *ld, pricing__spec *spec,
                        const cJSON *node)
{
    return load_either(ld, node, "yearly_monthly", "one_time",
                       "billing is \"yearly_monthly\" or \"one_time\"",
                       &spec->one_time);
}

static int load_template(pricing__load *ld, pricing__spec *spec,
                         const cJSON *node)
{
    return load_either(ld, node, "simple", "custom",
                       "template is \"simple\" or \"custom\"", &spec->custom);
}

static int load_spec_id(pricing__load *ld, pricing__spec *spec,
                        const cJSON *node)
{
    return pricing__ld_id(ld, node, &spec->id);
}

/* Member key of a spec, read by fn with key on the path. */
typedef int (*spec_member_fn)(pricing__load *ld, pricing__spec *spec,
                              const cJSON *node);
static int member(pricing__load *ld, const char *key, spec_member_fn fn,
                  pricing__spec *spec, const cJSON *node)
{
    size_t mark = pricing__ld_push(ld, key);
    int rc = fn(ld, spec, node);
    if (rc == 0)
        pricing__ld_pop(ld, mark);
    return rc;
}

/* Counts for a plan the spec does not offer, once the plans are known. */
static int check_counts(pricing__load *ld, const pricing__spec *spec,
                        const cJSON *counts)
{
    const cJSON *c;
    for (c = counts->child; c; c = c->next)
        if (!(spec->plans & (1u << pricing__plan_lookup(c->string)))) {
            pricing__ld_push(ld, "counts");
            pricing__ld_push(ld, c->string);
            return pricing__ld_invalid(ld, "counts for a plan the spec does "
                                           "not offer");
        }
    return 0;
}

static int load_spec(pricing__load *ld, const cJSON *node, pricing__spec *spec)
{
    static const char *const keys[] = {
        "id", "name", "billing", "plans", "counts", "trial_days",
        "attributes", "template", "prices", "skus", "discounts", NULL};
    enum { ID, NAME, BILLING, PLANS, COUNTS, TRIAL, ATTRS, TEMPLATE, PRICES,
           SKUS, DISCOUNTS };
    const cJSON *m[11];
    int rc;

    if ((rc = pricing__rd_members(RD, node, keys, m)) != 0)
        return rc;
    if (!m[ID])
        return pricing__ld_missing(ld, keys[ID]);
    if ((rc = member(ld, keys[ID], load_spec_id, spec, m[ID])) != 0 ||
        (m[NAME] && (rc = member(ld, keys[NAME], load_name, spec, m[NAME]))))
        return rc;
    if (!m[BILLING])
        return pricing__ld_missing(ld, keys[BILLING]);
    if ((rc = member(ld, keys[BILLING], load_billing, spec, m[BILLING])))
        return rc;
    if (!m[TEMPLATE])
        return pricing__ld_missing(ld, keys[TEMPLATE]);
    if ((rc = member(ld, keys[TEMPLATE], load_template, spec, m[TEMPLATE])))
        return rc;
    if (m[ATTRS] && !spec->custom) {
        pricing__ld_push(ld, keys[ATTRS]);
        return pricing__ld_invalid(ld, "a simple template has no attributes");
    }
    if ((rc = member(ld, keys[ATTRS], load_attributes, spec,
                     m[ATTRS] ? m[ATTRS] : ld->empty_array)) != 0 ||
        (m[PLANS] && (rc = member(ld, keys[PLANS], load_plans, spec,
                                  m[PLANS]))) ||
        (m[COUNTS] && (rc = member(ld, keys[COUNTS], load_counts, spec,
                                   m[COUNTS]))) ||
        (m[TRIAL] && (rc = member(ld, keys[TRIAL], load_trial, spec,
                                  m[TRIAL]))))
        return rc;
    /* A simple spec has prices, a custom one skus. */
    if (m[spec->custom ? PRICES : SKUS]) {
        pricing__ld_push(ld, keys[spec->custom ? PRICES : SKUS]);
        return pricing__ld_invalid(ld, spec->custom
                                           ? "a custom template has skus, "
                                             "not prices"
                                           : "a simple template has prices, "
                                             "not skus");
    }
    if (!m[spec->custom ? SKUS : PRICES])
        return pricing__ld_missing(ld, keys[spec->custom ? SKUS : PRICES]);
    if ((rc = spec->custom
                  ? member(ld, keys[SKUS], pricing__ld_skus, spec, m[SKUS])
                  : member(ld, keys[PRICES], load_simple, spec,
                           m[PRICES])) != 0 ||
        (m[DISCOUNTS] && (rc = member(ld, keys[DISCOUNTS], load_discounts,
                                      spec, m[DISCOUNTS]))))
        return rc;
    return m[COUNTS] ? check_counts(ld, spec, m[COUNTS]) : 0;
}

int pricing__ld_specs(pricing__load *ld, const cJSON *node)
{
    pricing_catalog *cat = ld->cat;
    const cJSON *e;
    const char **ids;
    size_t n = 0, i = 0, mark;
    int rc;

    if ((rc = pricing__ld_array(ld, node, "an array of specs",
                                "a catalog needs at least one spec",
                                PRICING_MAX_SPECS, "specs", &n)) != 0)
        return rc;
    cat->specs = pricing__arena_alloc(ld->arena, n * sizeof *cat->specs);
    ids = pricing__arena_alloc(ld->arena, n * sizeof *ids);
    if (!cat->specs || !ids ||
        pricing__index_init(ld->arena, &cat->spec_index, ids, n) != 0)
        return pricing__nomem(RD->err);
    cat->nspecs = n;
    /* Ids first, so a duplicate is reported at its id whatever follows. */
    for (e = node->child; e; e = e->next, i++) {
        mark = pricing__path_push_index(&RD->path, i);
        if ((rc = load_spec(ld, e, &cat->specs[i])) != 0)
            return rc;
        ids[i] = cat->specs[i].id;
        if (pricing__index_add(&cat->spec_index, i)) {
            pricing__ld_push(ld, "id");
            return pricing__error(RD->err, PRICING_DUPLICATE_ID, &RD->path,
                                  "the spec \"%.64s\" is listed twice",
                                  ids[i]);
        }
        cat->total_skus += cat->specs[i].nskus;
        pricing__ld_pop(ld, mark);
    }
    return 0;
}

