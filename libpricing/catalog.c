/* SPDX-License-Identifier: MIT */
/* catalog.c - loading a catalog: the document, its specs, attributes and
 * SKUs; the arena that owns it all; lookups. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_parse.h"
#include "currency.h"
#include "decimal.h"
#include "history.h"
#include "memory.h"
#include "share.h"

/* ---------------------------------------------------------------- arena */

/* C99 has no max_align_t. */
typedef union pricing__align {
    long double ld;
    void *p;
    long long ll;
} pricing__align;

struct pricing__block {
    struct pricing__block *next;
    size_t used, size;
    pricing__align data[];
};

#define BLOCK_SIZE (64u * 1024u)

void *pricing__cat_alloc(pricing_catalog *cat, size_t size)
{
    struct pricing__block *b = cat->blocks;
    size_t align = sizeof(pricing__align), need;
    void *p;

    if (cat->owner) { /* a variant of a history: the handle's arena */
        cat = cat->owner;
        b = cat->blocks;
    }
    if (size > SIZE_MAX - align)
        return NULL;
    need = (size + align - 1) / align * align;
    if (!b || b->size - b->used < need) {
        size_t bsize = need > BLOCK_SIZE ? need : BLOCK_SIZE;
        b = malloc(sizeof *b + bsize);
        if (!b)
            return NULL;
        b->used = 0;
        b->size = bsize;
        /* A large block goes behind the current one so the current one
         * keeps serving small allocations. */
        if (cat->blocks && need > BLOCK_SIZE) {
            b->next = cat->blocks->next;
            cat->blocks->next = b;
        } else {
            b->next = cat->blocks;
            cat->blocks = b;
        }
    }
    p = (char *)b->data + b->used;
    b->used += need;
    memset(p, 0, size);
    return p;
}

char *pricing__cat_strndup(void *ctx, const char *s, size_t n)
{
    pricing_catalog *cat = ctx;
    char *p;
    if (cat->owner)
        cat = cat->owner;
    if (cat->share) /* loading a history: one copy of each string */
        return pricing__share_strndup(cat->share, cat, s, n);
    p = pricing__cat_alloc(cat, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

int pricing__cat_mpz(pricing_catalog *cat, mpz_ptr z)
{
    if (cat->owner)
        cat = cat->owner;
    if (pricing__grow((void **)&cat->mpzs, &cat->mpzs_cap, cat->nmpzs + 1,
                      sizeof *cat->mpzs) != 0)
        return -1;
    mpz_init(z);
    cat->mpzs[cat->nmpzs++] = z;
    return 0;
}

void pricing_catalog_free(pricing_catalog *cat)
{
    struct pricing__block *b, *next;
    size_t i;

    if (!cat)
        return;
    for (i = 0; i < cat->nmpzs; i++)
        mpz_clear(cat->mpzs[i]);
    free(cat->mpzs);
    mpz_clear(cat->unit);
    mpz_clear(cat->den);
    for (b = cat->blocks; b; b = next) {
        next = b->next;
        free(b);
    }
    free(cat);
}

/* ---------------------------------------------------------------- index */

static uint64_t hash_name(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

long pricing__index_find(const pricing__index *ix, const char *name,
                         size_t len)
{
    size_t i;
    if (!ix->slots)
        return -1;
    for (i = hash_name(name, len) & ix->mask; ix->slots[i]; i = (i + 1) & ix->mask) {
        const char *cand = ix->names[ix->slots[i] - 1];
        if (strncmp(cand, name, len) == 0 && cand[len] == '\0')
            return (long)ix->slots[i] - 1;
    }
    return -1;
}

/* Builds ix over names[0..n); returns the index of the first repeated
 * name, -1 when all differ, or -2 when out of memory. */
static long index_build(pricing_catalog *cat, pricing__index *ix,
                        const char *const *names, size_t n)
{
    size_t cap = 8, i;
    while (cap < 2 * n)
        cap *= 2;
    ix->slots = pricing__cat_alloc(cat, cap * sizeof *ix->slots);
    if (!ix->slots)
        return -2;
    ix->mask = cap - 1;
    ix->names = names;
    for (i = 0; i < n; i++) {
        size_t len = strlen(names[i]), h;
        if (pricing__index_find(ix, names[i], len) >= 0)
            return (long)i;
        for (h = hash_name(names[i], len) & ix->mask; ix->slots[h];
             h = (h + 1) & ix->mask)
            ;
        ix->slots[h] = (uint32_t)i + 1;
    }
    return -1;
}

/* ---------------------------------------------------------------- plans */

static const char *const plan_names[PRICING__PLAN_COUNT] = {"month", "year",
                                                            "one_time"};

const char *pricing__plan_name(pricing__plan plan)
{
    return plan_names[plan];
}

int pricing__plan_lookup(const char *name)
{
    int i;
    for (i = 0; i < PRICING__PLAN_COUNT; i++)
        if (strcmp(name, plan_names[i]) == 0)
            return i;
    return -1;
}

/* ---------------------------------------------------------------- helpers */

#define RD (&ld->rd)

static size_t push(pricing__load *ld, const char *key)
{
    return pricing__path_push_key(&ld->rd.path, key, strlen(key));
}

static void pop(pricing__load *ld, size_t mark)
{
    pricing__path_pop(&ld->rd.path, mark);
}

static int missing(pricing__load *ld, const char *key)
{
    push(ld, key);
    return pricing__error(ld->rd.err, PRICING_MISSING_FIELD, &ld->rd.path,
                          "\"%s\" is required", key);
}

static int invalid(pricing__load *ld, const char *what)
{
    return pricing__error(ld->rd.err, PRICING_INVALID_VALUE, &ld->rd.path,
                          "%s", what);
}

/* A copied id string of member node at key (path pushed by caller). */
static int copy_id(pricing__load *ld, const cJSON *node, const char **out)
{
    const char *s;
    int rc = pricing__rd_id(RD, node, &s);
    if (rc != 0)
        return rc;
    *out = pricing__cat_strndup(ld->cat, s, strlen(s));
    return *out ? 0 : pricing__nomem(ld->rd.err);
}

/* The plan named by key for spec: invalid_value unless its billing has it. */
static int spec_plan(pricing__load *ld, const pricing__spec *spec,
                     const char *name, int *plan)
{
    int p = pricing__plan_lookup(name);
    if (p < 0)
        return pricing__error(RD->err, PRICING_INVALID_VALUE, &RD->path,
                              "unknown plan \"%.64s\" (month, year, one_time)",
                              name);
    if ((p == PRICING__ONE_TIME) != spec->one_time)
        return pricing__error(RD->err, PRICING_INVALID_VALUE, &RD->path,
                              "plan %s is not sold with %s billing", name,
                              spec->one_time ? "one_time" : "yearly_monthly");
    *plan = p;
    return 0;
}

/* ---------------------------------------------------------------- attributes */

static int load_enum_values(pricing__load *ld, pricing__attr *at,
                            const cJSON *node)
{
    const cJSON *e;
    size_t n = 0, i = 0, mark;
    long dup;
    const char **values;

    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(RD, node, "an array of strings");
    for (e = node->child; e; e = e->next)
        n++;
    if (n == 0)
        return invalid(ld, "an enum needs at least one value");
    if (n > PRICING_MAX_ENUM_VALUES)
        return pricing__error(RD->err, PRICING_LIMIT_EXCEEDED, &RD->path,
                              "more than %d enum values",
                              PRICING_MAX_ENUM_VALUES);
    values = pricing__cat_alloc(ld->cat, n * sizeof *values);
    if (!values)
        return pricing__nomem(RD->err);
    for (e = node->child; e; e = e->next, i++) {
        int rc;
        mark = pricing__path_push_index(&RD->path, i);
        if ((rc = copy_id(ld, e, &values[i])) != 0)
            return rc;
        pop(ld, mark);
    }
    at->values = values;
    at->nvalues = n;
    dup = index_build(ld->cat, &at->value_index, values, n);
    if (dup == -2)
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
    size_t mark = push(ld, key);
    int rc = pricing__rd_integer(RD, node, out);
    if (rc == PRICING__INT_NEGATIVE)
        return pricing__error(RD->err, PRICING_INVALID_VALUE, &RD->path,
                              "%s may not be negative", key);
    if (rc == PRICING__INT_TOO_BIG)
        return pricing__error(RD->err, PRICING_INVALID_VALUE, &RD->path,
                              "%s is at most 10^15", key);
    if (rc != 0)
        return rc;
    pop(ld, mark);
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
        return missing(ld, "id");
    mark = push(ld, "id");
    if ((rc = copy_id(ld, m[0], &at->id)) != 0)
        return rc;
    pop(ld, mark);
    if (!m[1])
        return missing(ld, "type");
    mark = push(ld, "type");
    if ((rc = pricing__rd_string(RD, m[1], PRICING_MAX_ID_BYTES, &type)) != 0)
        return rc;
    if (strcmp(type, "enum") == 0)
        at->is_enum = 1;
    else if (strcmp(type, "quantity") != 0)
        return invalid(ld, "type is \"enum\" or \"quantity\"");
    pop(ld, mark);
    /* Members of the other type are typos, not options. */
    for (k = 2; k < 7; k++) {
        if (m[k] && (k == 2) != at->is_enum) {
            push(ld, keys[k]);
            return pricing__error(RD->err, PRICING_UNKNOWN_FIELD, &RD->path,
                                  "\"%s\" is not a member of %s attribute",
                                  keys[k], at->is_enum ? "an enum" : "a quantity");
        }
    }
    if (at->is_enum) {
        if (!m[2])
            return missing(ld, "values");
        mark = push(ld, "values");
        if ((rc = load_enum_values(ld, at, m[2])) != 0)
            return rc;
        pop(ld, mark);
        return 0;
    }
    if (!m[3])
        return missing(ld, "min");
    if (!m[4])
        return missing(ld, "max");
    if ((rc = load_bound(ld, m[3], "min", &at->min)) != 0 ||
        (rc = load_bound(ld, m[4], "max", &at->max)) != 0)
        return rc;
    at->step = 1;
    if (m[5] && (rc = load_bound(ld, m[5], "step", &at->step)) != 0)
        return rc;
    if (at->min > at->max) {
        push(ld, "max");
        return invalid(ld, "max is below min");
    }
    if (at->step == 0) {
        push(ld, "step");
        return invalid(ld, "step is at least 1");
    }
    if (m[6]) {
        const char *unit;
        mark = push(ld, "unit");
        if ((rc = pricing__rd_string(RD, m[6], PRICING_MAX_ID_BYTES, &unit)) != 0)
            return rc;
        if (!(at->unit = pricing__cat_strndup(ld->cat, unit, strlen(unit))))
            return pricing__nomem(RD->err);
        pop(ld, mark);
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

    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(RD, node, "an array of attributes");
    for (e = node->child; e; e = e->next)
        n++;
    if (n > PRICING_MAX_ATTRIBUTES)
        return pricing__error(RD->err, PRICING_LIMIT_EXCEEDED, &RD->path,
                              "more than %d attributes",
                              PRICING_MAX_ATTRIBUTES);
    spec->attrs = pricing__cat_alloc(ld->cat, (n ? n : 1) * sizeof *spec->attrs);
    ids = pricing__cat_alloc(ld->cat, (n ? n : 1) * sizeof *ids);
    if (!spec->attrs || !ids)
        return pricing__nomem(RD->err);
    spec->nattrs = n;
    for (e = node->child; e; e = e->next, i++) {
        mark = pricing__path_push_index(&RD->path, i);
        if ((rc = load_attribute(ld, e, &spec->attrs[i])) != 0)
            return rc;
        pop(ld, mark);
        ids[i] = spec->attrs[i].id;
    }
    dup = index_build(ld->cat, &spec->attr_index, ids, n);
    if (dup == -2)
        return pricing__nomem(RD->err);
    if (dup >= 0) {
        pricing__path_push_index(&RD->path, (size_t)dup);
        push(ld, "id");
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
        return invalid(ld, "plans may not be empty");
    for (e = node->child; e; e = e->next, i++) {
        const char *name;
        mark = pricing__path_push_index(&RD->path, i);
        if ((rc = pricing__rd_string(RD, e, PRICING_MAX_ID_BYTES, &name)) != 0 ||
            (rc = spec_plan(ld, spec, name, &plan)) != 0)
            return rc;
        if (spec->plans & (1u << plan))
            return invalid(ld, "a plan is listed twice");
        spec->plans |= 1u << plan;
        pop(ld, mark);
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
        return invalid(ld, "counts apply to yearly_monthly specs only");
    if (!cJSON_IsObject(node))
        return pricing__rd_wrong_type(RD, node, "an object");
    for (m = node->child; m; m = m->next) {
        uint8_t *allowed;
        mark = push(ld, m->string);
        if ((rc = spec_plan(ld, spec, m->string, &plan)) != 0)
            return rc;
        if (!cJSON_IsArray(m))
            return pricing__rd_wrong_type(RD, m, "an array of counts");
        if (!m->child)
            return invalid(ld, "a counts list may not be empty");
        allowed = pricing__cat_alloc(ld->cat, PRICING_MAX_COUNT + 1);
        if (!allowed)
            return pricing__nomem(RD->err);
        for (e = m->child, i = 0; e; e = e->next, i++) {
            uint64_t c;
            mark2 = pricing__path_push_index(&RD->path, i);
            rc = pricing__rd_integer(RD, e, &c);
            if (rc < 0)
                return rc;
            if (rc > 0 || c < 1 || c > PRICING_MAX_COUNT)
                return invalid(ld, "a count is from 1 to 120");
            if (allowed[c])
                return invalid(ld, "a count is listed twice");
            allowed[c] = 1;
            pop(ld, mark2);
        }
        spec->counts[plan] = allowed;
        pop(ld, mark);
    }
    return 0;
}

/* ---------------------------------------------------------------- prices */

/* A prices object: plan -> charge, into out[plan]. */
static int load_prices(pricing__load *ld, pricing__spec *spec,
                       const cJSON *node, pricing__charge **out)
{
    const cJSON *m;
    size_t mark;
    int rc, plan;

    if (!cJSON_IsObject(node))
        return pricing__rd_wrong_type(RD, node, "an object of plan prices");
    for (m = node->child; m; m = m->next) {
        mark = push(ld, m->string);
        if ((rc = spec_plan(ld, spec, m->string, &plan)) != 0)
            return rc;
        if (spec->plans && !(spec->plans & (1u << plan)))
            return invalid(ld, "the spec's plans leave this plan out");
        if (!spec->custom && !cJSON_IsString(m) && !cJSON_IsNumber(m) &&
            !pricing__is_amount_object(ld, m))
            return pricing__rd_wrong_type(RD, m, "an amount");
        if ((rc = pricing__load_charge(ld, spec, m, &out[plan])) != 0)
            return rc;
        pop(ld, mark);
    }
    return 0;
}

/* Every offered plan priced (missing_field at prices/plan). */
static int check_priced(pricing__load *ld, const pricing__spec *spec,
                        pricing__charge *const *prices)
{
    int p;
    for (p = 0; p < PRICING__PLAN_COUNT; p++)
        if ((spec->plans & (1u << p)) && !prices[p]) {
            push(ld, plan_names[p]);
            return pricing__error(RD->err, PRICING_MISSING_FIELD, &RD->path,
                                  "no price for the offered plan %s",
                                  plan_names[p]);
        }
    return 0;
}

static unsigned priced_plans(pricing__charge *const *prices)
{
    unsigned mask = 0;
    int p;
    for (p = 0; p < PRICING__PLAN_COUNT; p++)
        if (prices[p])
            mask |= 1u << p;
    return mask;
}

/* ---------------------------------------------------------------- SKUs */

static int load_sku_key(pricing__load *ld, const pricing__spec *spec,
                        const cJSON *node, size_t *pos)
{
    const cJSON *m;
    size_t i, mark;

    if (!cJSON_IsObject(node))
        return pricing__rd_wrong_type(RD, node, "an object");
    *pos = 0;
    for (m = node->child; m; m = m->next) {
        long a = pricing__index_find(&spec->attr_index, m->string,
                                     strlen(m->string)), v;
        mark = push(ld, m->string);
        if (a < 0)
            return pricing__error(RD->err, PRICING_UNKNOWN_ATTRIBUTE,
                                  &RD->path, "the spec has no attribute "
                                  "\"%.64s\"", m->string);
        if (!spec->attrs[a].is_enum)
            return invalid(ld, "an SKU names enum attributes only; "
                               "quantities are priced by rules");
        if (!cJSON_IsString(m))
            return pricing__rd_wrong_type(RD, m, "a string");
        v = pricing__index_find(&spec->attrs[a].value_index, m->valuestring,
                                strlen(m->valuestring));
        if (v < 0)
            return pricing__error(RD->err, PRICING_UNKNOWN_VALUE, &RD->path,
                                  "\"%.64s\" is not a value of %s",
                                  m->valuestring, spec->attrs[a].id);
        *pos += (size_t)v * spec->attrs[a].radix;
        pop(ld, mark);
    }
    for (i = 0; i < spec->nattrs; i++)
        if (spec->attrs[i].is_enum &&
            !cJSON_GetObjectItemCaseSensitive(node, spec->attrs[i].id))
            return missing(ld, spec->attrs[i].id);
    return 0;
}

/* Positions seen, for a list too short to need the full SKU table. */
typedef struct pos_set {
    size_t *slots; /* position + 1; 0 is empty */
    size_t mask;
} pos_set;

/* Adds pos; 1 when it was already there. */
static int pos_set_add(pos_set *set, size_t pos)
{
    size_t i = (pos * 0x9E3779B97F4A7C15ull) & set->mask;
    for (; set->slots[i]; i = (i + 1) & set->mask)
        if (set->slots[i] == pos + 1)
            return 1;
    set->slots[i] = pos + 1;
    return 0;
}

/* Reads SKU entry node. Its data goes to the table at its position, or,
 * with sparse (a list shorter than the table, which must fail as
 * sku_missing once its entries are checked), to the slot given. */
static int load_sku(pricing__load *ld, pricing__spec *spec, const cJSON *node,
                    size_t *posp, pricing__sku *sparse, pos_set *seen)
{
    static const char *const keys[] = {"sku", "prices", "available", NULL};
    const cJSON *m[3];
    pricing__sku *sku;
    size_t pos = 0, mark;
    int rc, available = 1;

    if ((rc = pricing__rd_members(RD, node, keys, m)) != 0)
        return rc;
    if (!m[0])
        return missing(ld, "sku");
    mark = push(ld, "sku");
    if ((rc = load_sku_key(ld, spec, m[0], &pos)) != 0)
        return rc;
    pop(ld, mark);
    *posp = pos;
    if (m[2]) {
        mark = push(ld, "available");
        if ((rc = pricing__rd_bool(RD, m[2], &available)) != 0)
            return rc;
        pop(ld, mark);
    }
    sku = sparse ? sparse : &spec->skus[pos];
    if (sparse ? pos_set_add(seen, pos) : sku->listed)
        return pricing__error(RD->err, PRICING_SKU_DUPLICATE, &RD->path,
                              "this SKU is listed twice");
    sku->listed = 1;
    sku->available = available;
    if (!available) {
        if (m[1]) {
            push(ld, "prices");
            return invalid(ld, "an unavailable SKU has no prices");
        }
        return 0;
    }
    if (!m[1])
        return missing(ld, "prices");
    mark = push(ld, "prices");
    if ((rc = load_prices(ld, spec, m[1], sku->prices)) != 0)
        return rc;
    pop(ld, mark);
    return 0;
}

static int load_skus(pricing__load *ld, pricing__spec *spec, const cJSON *node)
{
    const cJSON *e;
    size_t i = 0, n = 0, mark, *pos;
    int rc;

    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(RD, node, "an array of SKUs");
    for (e = node->child; e; e = e->next)
        n++;
    /* Too few entries: check them in a table of their own size, then
     * report the gap; a few bytes of enum values can name 10^6 SKUs, and
     * nothing that large is allocated for a list that cannot cover them. */
    if (n < spec->nskus) {
        pos_set seen;
        pricing__sku *slots = pricing__cat_alloc(ld->cat, (n ? n : 1) * sizeof *slots);
        size_t cap = 8, p;
        while (cap < 2 * n)
            cap *= 2;
        seen.slots = pricing__cat_alloc(ld->cat, cap * sizeof *seen.slots);
        seen.mask = cap - 1;
        if (!slots || !seen.slots)
            return pricing__nomem(RD->err);
        for (e = node->child; e; e = e->next, i++) {
            mark = pricing__path_push_index(&RD->path, i);
            if ((rc = load_sku(ld, spec, e, &p, &slots[i], &seen)) != 0)
                return rc;
            pop(ld, mark);
        }
        return pricing__error(RD->err, PRICING_SKU_MISSING, &RD->path,
                              "%zu SKUs listed, the enum values make %zu",
                              n, spec->nskus);
    }
    if (n > spec->nskus) /* then some SKU is listed twice */
        n = spec->nskus + 1;
    spec->skus = pricing__cat_alloc(ld->cat, spec->nskus * sizeof *spec->skus);
    pos = pricing__cat_alloc(ld->cat, n * sizeof *pos);
    if (!spec->skus || !pos)
        return pricing__nomem(RD->err);
    for (e = node->child; e; e = e->next, i++) {
        mark = pricing__path_push_index(&RD->path, i);
        if ((rc = load_sku(ld, spec, e, &pos[i], NULL, NULL)) != 0)
            return rc;
        pop(ld, mark);
    }
    for (i = 0; i < spec->nskus; i++)
        if (!spec->skus[i].listed)
            return pricing__error(RD->err, PRICING_SKU_MISSING, &RD->path,
                                  "SKU number %zu of %zu is not listed",
                                  i + 1, spec->nskus);
    /* Offered plans: as listed, or every plan some SKU prices; then every
     * available SKU prices each of them. */
    if (!spec->plans)
        for (i = 0; i < spec->nskus; i++)
            spec->plans |= priced_plans(spec->skus[i].prices);
    for (i = 0; i < spec->nskus; i++) {
        if (!spec->skus[pos[i]].available)
            continue;
        mark = pricing__path_push_index(&RD->path, i);
        push(ld, "prices");
        /* An available SKU when the spec offers no plan at all: it could
         * never be quoted. */
        if (!spec->plans)
            return invalid(ld, "an available SKU prices at least one plan");
        if ((rc = check_priced(ld, spec, spec->skus[pos[i]].prices)) != 0)
            return rc;
        pop(ld, mark);
    }
    return 0;
}

/* ---------------------------------------------------------------- specs */

/* ---------------------------------------------------------------- discounts */

int pricing__load_percent(pricing__load *ld, const cJSON *node,
                          pricing__percent *pc)
{
    unsigned frac = 0;
    int rc = pricing__rd_amount(RD, node, pricing__cat_strndup, ld->cat,
                                &pc->text, &frac);
    if (rc != 0)
        return rc;
    if (pricing__percent_check(pc->text, strlen(pc->text), &frac) ==
        PRICING__DEC_RANGE)
        return invalid(ld, "a percentage is at most 100");
    if (pricing__cat_mpz(ld->cat, pc->num) != 0 ||
        pricing__cat_mpz(ld->cat, pc->den) != 0)
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
        return invalid(ld, "discounts apply to yearly_monthly specs only");
    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(RD, node, "an array of discounts");
    for (e = node->child; e; e = e->next)
        n++;
    if (n > 3 * PRICING_MAX_COUNT)
        return pricing__error(RD->err, PRICING_LIMIT_EXCEEDED, &RD->path,
                              "more than %d discounts", 3 * PRICING_MAX_COUNT);
    spec->discounts = pricing__cat_alloc(ld->cat, (n ? n : 1) *
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
                return missing(ld, keys[k]);
        mark2 = push(ld, "plan");
        if ((rc = pricing__rd_string(RD, m[0], PRICING_MAX_ID_BYTES, &s)) != 0 ||
            (rc = spec_plan(ld, spec, s, &plan)) != 0)
            return rc;
        if (!(spec->plans & (1u << plan)))
            return invalid(ld, "a discount for a plan the spec does not offer");
        d->plan = (pricing__plan)plan;
        pop(ld, mark2);
        mark2 = push(ld, "min_count");
        rc = pricing__rd_integer(RD, m[1], &d->min_count);
        if (rc < 0)
            return rc;
        if (rc > 0 || d->min_count < 1 || d->min_count > PRICING_MAX_COUNT)
            return invalid(ld, "min_count is from 1 to 120");
        for (k = 0; (size_t)k < i; k++)
            if (spec->discounts[k].plan == d->plan &&
                spec->discounts[k].min_count == d->min_count)
                return invalid(ld, "two discounts for the same plan and "
                                   "min_count");
        pop(ld, mark2);
        mark2 = push(ld, "percent_off");
        if ((rc = pricing__load_percent(ld, m[2], &d->percent)) != 0)
            return rc;
        pop(ld, mark2);
        pop(ld, mark);
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

static int load_spec(pricing__load *ld, const cJSON *node, pricing__spec *spec)
{
    static const char *const keys[] = {
        "id", "name", "billing", "plans", "counts", "trial_days",
        "attributes", "template", "prices", "skus", "discounts", NULL};
    enum { ID, NAME, BILLING, PLANS, COUNTS, TRIAL, ATTRS, TEMPLATE, PRICES,
           SKUS, DISCOUNTS };
    const cJSON *m[11];
    const char *s;
    size_t mark;
    int rc;

    if ((rc = pricing__rd_members(RD, node, keys, m)) != 0)
        return rc;
    if (!m[ID])
        return missing(ld, "id");
    mark = push(ld, "id");
    if ((rc = copy_id(ld, m[ID], &spec->id)) != 0)
        return rc;
    pop(ld, mark);
    if (m[NAME]) {
        mark = push(ld, "name");
        if ((rc = pricing__rd_string(RD, m[NAME], PRICING_MAX_STRING_BYTES, &s)) != 0)
            return rc;
        if (!(spec->name = pricing__cat_strndup(ld->cat, s, strlen(s))))
            return pricing__nomem(RD->err);
        pop(ld, mark);
    }
    if (!m[BILLING])
        return missing(ld, "billing");
    mark = push(ld, "billing");
    if ((rc = pricing__rd_string(RD, m[BILLING], PRICING_MAX_ID_BYTES, &s)) != 0)
        return rc;
    if (strcmp(s, "one_time") == 0)
        spec->one_time = 1;
    else if (strcmp(s, "yearly_monthly") != 0)
        return invalid(ld, "billing is \"yearly_monthly\" or \"one_time\"");
    pop(ld, mark);
    if (!m[TEMPLATE])
        return missing(ld, "template");
    mark = push(ld, "template");
    if ((rc = pricing__rd_string(RD, m[TEMPLATE], PRICING_MAX_ID_BYTES, &s)) != 0)
        return rc;
    if (strcmp(s, "custom") == 0)
        spec->custom = 1;
    else if (strcmp(s, "simple") != 0)
        return invalid(ld, "template is \"simple\" or \"custom\"");
    pop(ld, mark);
    mark = push(ld, "attributes");
    if (m[ATTRS] && !spec->custom)
        return invalid(ld, "a simple template has no attributes");
    if ((rc = load_attributes(ld, spec, m[ATTRS] ? m[ATTRS]
                                                 : ld->empty_array)) != 0)
        return rc;
    pop(ld, mark);
    if (m[PLANS]) {
        mark = push(ld, "plans");
        if ((rc = load_plans(ld, spec, m[PLANS])) != 0)
            return rc;
        pop(ld, mark);
    }
    if (m[COUNTS]) {
        mark = push(ld, "counts");
        if ((rc = load_counts(ld, spec, m[COUNTS])) != 0)
            return rc;
        pop(ld, mark);
    }
    if (m[TRIAL]) {
        mark = push(ld, "trial_days");
        if (spec->one_time)
            return invalid(ld, "trial_days apply to yearly_monthly specs only");
        rc = pricing__rd_integer(RD, m[TRIAL], &spec->trial_days);
        if (rc < 0)
            return rc;
        if (rc > 0 || spec->trial_days < 1)
            return invalid(ld, "trial_days is from 1 to 10^15");
        pop(ld, mark);
    }
    if (!spec->custom) {
        if (m[SKUS]) {
            push(ld, "skus");
            return invalid(ld, "a simple template has prices, not skus");
        }
        if (!m[PRICES])
            return missing(ld, "prices");
        spec->nskus = 1;
        spec->skus = pricing__cat_alloc(ld->cat, sizeof *spec->skus);
        if (!spec->skus)
            return pricing__nomem(RD->err);
        spec->skus->listed = spec->skus->available = 1;
        mark = push(ld, "prices");
        if ((rc = load_prices(ld, spec, m[PRICES], spec->skus->prices)) != 0)
            return rc;
        if (!spec->plans)
            spec->plans = priced_plans(spec->skus->prices);
        if (!spec->plans)
            return invalid(ld, "prices name no plan");
        if ((rc = check_priced(ld, spec, spec->skus->prices)) != 0)
            return rc;
        pop(ld, mark);
    } else {
        if (m[PRICES]) {
            push(ld, "prices");
            return invalid(ld, "a custom template has skus, not prices");
        }
        if (!m[SKUS])
            return missing(ld, "skus");
        mark = push(ld, "skus");
        if ((rc = load_skus(ld, spec, m[SKUS])) != 0)
            return rc;
        pop(ld, mark);
    }
    if (m[DISCOUNTS]) {
        mark = push(ld, "discounts");
        if ((rc = load_discounts(ld, spec, m[DISCOUNTS])) != 0)
            return rc;
        pop(ld, mark);
    }
    if (m[COUNTS]) {
        const cJSON *c;
        for (c = m[COUNTS]->child; c; c = c->next)
            if (!(spec->plans & (1u << pricing__plan_lookup(c->string)))) {
                push(ld, "counts");
                push(ld, c->string);
                return invalid(ld, "counts for a plan the spec does not offer");
            }
    }
    return 0;
}

static int load_specs(pricing__load *ld, const cJSON *node)
{
    pricing_catalog *cat = ld->cat;
    const cJSON *e;
    const char **ids;
    size_t n = 0, i = 0, mark;
    long dup;
    int rc;

    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(RD, node, "an array of specs");
    for (e = node->child; e; e = e->next)
        n++;
    if (n == 0)
        return invalid(ld, "a catalog needs at least one spec");
    if (n > PRICING_MAX_SPECS)
        return pricing__error(RD->err, PRICING_LIMIT_EXCEEDED, &RD->path,
                              "more than %d specs", PRICING_MAX_SPECS);
    cat->specs = pricing__cat_alloc(cat, n * sizeof *cat->specs);
    ids = pricing__cat_alloc(cat, n * sizeof *ids);
    if (!cat->specs || !ids)
        return pricing__nomem(RD->err);
    cat->nspecs = n;
    /* Ids first, so a duplicate is reported at its id whatever follows. */
    for (e = node->child; e; e = e->next, i++) {
        mark = pricing__path_push_index(&RD->path, i);
        if ((rc = load_spec(ld, e, &cat->specs[i])) != 0)
            return rc;
        ids[i] = cat->specs[i].id;
        dup = index_build(cat, &cat->spec_index, ids, i + 1);
        if (dup == -2)
            return pricing__nomem(RD->err);
        if (dup >= 0) {
            push(ld, "id");
            return pricing__error(RD->err, PRICING_DUPLICATE_ID, &RD->path,
                                  "the spec \"%.64s\" is listed twice",
                                  ids[dup]);
        }
        cat->total_skus += cat->specs[i].nskus;
        pop(ld, mark);
    }
    return 0;
}

/* ---------------------------------------------------------------- catalog */

static int load_currency(pricing__load *ld, const cJSON *cur,
                         const cJSON *minor)
{
    pricing_catalog *cat = ld->cat;
    const char *code;
    size_t mark = push(ld, "currency"), i;
    int rc, units;

    if ((rc = pricing__rd_string(RD, cur, PRICING_MAX_STRING_BYTES, &code)) != 0)
        return rc;
    for (i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            break;
    if (i != 3 || code[3] != '\0')
        return invalid(ld, "currency is an ISO 4217 code of three capital "
                           "letters, e.g. \"USD\"");
    memcpy(cat->currency, code, 4);
    units = pricing__currency_minor_units(code);
    if (units < 0 && !minor)
        return pricing__error(RD->err, PRICING_INVALID_VALUE, &RD->path,
                              "%s has no minor units in ISO 4217: give "
                              "\"minor_units\"", code);
    pop(ld, mark);
    if (minor) {
        uint64_t mu;
        mark = push(ld, "minor_units");
        rc = pricing__rd_integer(RD, minor, &mu);
        if (rc < 0)
            return rc;
        if (rc > 0 || mu > 18)
            return invalid(ld, "minor_units is from 0 to 18");
        units = (int)mu;
        pop(ld, mark);
    }
    cat->minor_units = (unsigned)units;
    return 0;
}

static int load_rounding(pricing__load *ld, const cJSON *node)
{
    static const char *const keys[] = {"mode", "at", NULL};
    const cJSON *m[2];
    const char *s;
    size_t mark = push(ld, "rounding");
    int rc, v;

    if ((rc = pricing__rd_members(RD, node, keys, m)) != 0)
        return rc;
    if (m[0]) {
        size_t mark2 = push(ld, "mode");
        if ((rc = pricing__rd_string(RD, m[0], PRICING_MAX_ID_BYTES, &s)) != 0)
            return rc;
        if ((v = pricing__mode_lookup(s)) < 0)
            return invalid(ld, "mode is half_up, half_even, half_down, up, "
                               "down, ceiling or floor");
        ld->cat->mode = (pricing__mode)v;
        pop(ld, mark2);
    }
    if (m[1]) {
        size_t mark2 = push(ld, "at");
        if ((rc = pricing__rd_string(RD, m[1], PRICING_MAX_ID_BYTES, &s)) != 0)
            return rc;
        if ((v = pricing__at_lookup(s)) < 0)
            return invalid(ld, "at is total, period or line");
        ld->cat->at = (pricing__at)v;
        pop(ld, mark2);
    }
    pop(ld, mark);
    return 0;
}

int pricing__load_catalog(pricing__load *ld, const cJSON *root)
{
    static const char *const keys[] = {"catalog", "version", "currency",
                                       "minor_units", "rounding", "specs",
                                       "currencies", "effective",
                                       "existing_from", NULL};
    enum { ID, VERSION, CURRENCY, MINOR, ROUNDING, SPECS, CURRENCIES,
           EFFECTIVE, EXISTING };
    const cJSON *m[9];
    const char *s;
    size_t mark;
    int rc;

    if ((rc = pricing__rd_members(RD, root, keys, m)) != 0)
        return rc;
    if (!m[ID])
        return missing(ld, "catalog");
    mark = push(ld, "catalog");
    if ((rc = copy_id(ld, m[ID], &ld->cat->id)) != 0)
        return rc;
    pop(ld, mark);
    if (m[VERSION]) {
        mark = push(ld, "version");
        if ((rc = pricing__rd_string(RD, m[VERSION], PRICING_MAX_ID_BYTES, &s)) != 0)
            return rc;
        if (!(ld->cat->version = pricing__cat_strndup(ld->cat, s, strlen(s))))
            return pricing__nomem(RD->err);
        pop(ld, mark);
    }
    if (!m[CURRENCY])
        return missing(ld, "currency");
    if ((rc = load_currency(ld, m[CURRENCY], m[MINOR])) != 0)
        return rc;
    if ((m[CURRENCIES] || m[EFFECTIVE] || m[EXISTING]) &&
        (rc = pricing__load_v12_head(ld, m[CURRENCIES], m[EFFECTIVE],
                                     m[EXISTING])) != 0)
        return rc;
    if (m[ROUNDING] && (rc = load_rounding(ld, m[ROUNDING])) != 0)
        return rc;
    if (!m[SPECS])
        return missing(ld, "specs");
    mark = push(ld, "specs");
    if ((rc = load_specs(ld, m[SPECS])) != 0)
        return rc;
    pop(ld, mark);
    return 0;
}

int pricing__catalog_from_doc(pricing_catalog **out, const pricing__doc *doc,
                              const cJSON *root, const char *prefix,
                              pricing_error *err)
{
    pricing__load ld;
    pricing_catalog *cat;
    cJSON empty;
    int rc;

    *out = NULL;
    if (pricing__history_wanted(root))
        return pricing__history_from_doc(out, doc, root, prefix, err);
    memset(&ld, 0, sizeof ld);
    memset(&empty, 0, sizeof empty);
    empty.type = cJSON_Array;
    ld.empty_array = &empty;
    cat = calloc(1, sizeof *cat);
    if (!cat)
        return pricing__nomem(err);
    mpz_init(cat->unit);
    mpz_init(cat->den);
    cat->mode = PRICING__HALF_UP;
    cat->at = PRICING__AT_TOTAL;
    ld.cat = cat;
    ld.rd.doc = doc;
    ld.rd.err = err;
    pricing__path_init(&ld.rd.path);
    if (prefix)
        pricing__path_push_key(&ld.rd.path, prefix, strlen(prefix));
    rc = pricing__load_catalog(&ld, root);
    if (rc == 0)
        rc = pricing__load_finish_amounts(&ld);
    free(ld.amounts);
    free(ld.tiers);
    free(ld.tier_counts);
    if (rc != 0) {
        pricing_catalog_free(cat);
        return rc;
    }
    *out = cat;
    return 0;
}

int pricing_catalog_load(pricing_catalog **out, const char *json, size_t len,
                         pricing_error *err)
{
    pricing__doc doc;
    int rc;

    if (out)
        *out = NULL;
    if (!out || (!json && len > 0))
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_load: NULL argument");
    if ((rc = pricing__doc_parse(&doc, json ? json : "", len,
                                 PRICING_MAX_CATALOG_BYTES, err)) != 0)
        return rc;
    rc = pricing__catalog_from_doc(out, &doc, doc.root, NULL, err);
    pricing__doc_dispose(&doc);
    return rc;
}

/* strerror is neither thread-safe nor needed to be localised here. */
static int io_error(pricing_error *err, const char *what, const char *name,
                    int e)
{
    char text[128];
    if (strerror_r(e, text, sizeof text) != 0)
        snprintf(text, sizeof text, "error %d", e);
    return pricing__error_at(err, PRICING_IO_ERROR, "", "%s %s: %s", what,
                             name, text);
}

int pricing__read_file(char **data, size_t *len, const char *filename,
                       size_t max_bytes, pricing_error *err)
{
    FILE *f;
    char *buf = NULL;
    size_t n = 0, cap = 0, got;

    *data = NULL;
    *len = 0;
    f = fopen(filename, "rb");
    if (!f)
        return io_error(err, "cannot open", filename, errno);
    for (;;) {
        if (n == cap) {
            /* Read at most the limit + 1 bytes, in a buffer never larger:
             * /dev/zero ends here, having cost limit + 1 bytes. */
            size_t want = cap ? cap * 2 : 65536;
            char *p;
            if (n > max_bytes) {
                free(buf);
                fclose(f);
                return pricing__error_at(err, PRICING_LIMIT_EXCEEDED, "",
                                         "input too large: the limit is %zu "
                                         "bytes", max_bytes);
            }
            if (want > max_bytes + 1)
                want = max_bytes + 1;
            if (!(p = realloc(buf, want))) {
                free(buf);
                fclose(f);
                return pricing__nomem(err);
            }
            buf = p;
            cap = want;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        free(buf);
        fclose(f);
        return io_error(err, "cannot read", filename, e);
    }
    fclose(f);
    *data = buf;
    *len = n;
    return 0;
}

int pricing_catalog_load_file(pricing_catalog **out, const char *filename,
                              pricing_error *err)
{
    char *data;
    size_t len;
    int rc;

    if (out)
        *out = NULL;
    if (!out || !filename)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_load_file: NULL argument");
    if ((rc = pricing__read_file(&data, &len, filename,
                                 PRICING_MAX_CATALOG_BYTES, err)) != 0)
        return rc;
    rc = pricing_catalog_load(out, data, len, err);
    free(data);
    return rc;
}

const char *pricing_catalog_id(const pricing_catalog *cat)
{
    return cat ? cat->id : NULL;
}

const char *pricing_catalog_version(const pricing_catalog *cat)
{
    return cat ? cat->version : NULL;
}

const char *pricing_catalog_currency(const pricing_catalog *cat)
{
    return cat ? cat->currency : NULL;
}

int pricing_catalog_minor_units(const pricing_catalog *cat)
{
    return cat ? (int)cat->minor_units : -1;
}

size_t pricing_catalog_spec_count(const pricing_catalog *cat)
{
    return cat ? cat->nspecs : 0;
}

size_t pricing_catalog_sku_count(const pricing_catalog *cat)
{
    return cat ? cat->total_skus : 0;
}
