/* SPDX-License-Identifier: MIT */
/* catalog_sku.c - loading a spec's prices and SKUs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_parse.h"
#include "history.h"
#include "json_defer.h"
#include "suggest.h"

#define RD (&ld->rd)

/* ---------------------------------------------------------------- prices */

/* A prices object: plan -> charge, into out[plan]. */
int pricing__ld_prices(pricing__load *ld, pricing__spec *spec,
                       const cJSON *node, pricing__charge **out)
{
    const cJSON *m;
    size_t mark;
    int rc, plan;

    if (!cJSON_IsObject(node))
        return pricing__rd_wrong_type(RD, node, "an object of plan prices");
    for (m = node->child; m; m = m->next) {
        mark = pricing__ld_push(ld, m->string);
        if ((rc = pricing__ld_plan(ld, spec, m->string, &plan)) != 0)
            return rc;
        if (spec->plans && !(spec->plans & (1u << plan)))
            return pricing__ld_invalid(ld, "the spec's plans leave this plan out");
        if (!spec->custom && !cJSON_IsString(m) && !cJSON_IsNumber(m) &&
            !pricing__is_amount_object(ld, m))
            return pricing__rd_wrong_type(RD, m, "an amount");
        if ((rc = pricing__load_charge(ld, spec, m, &out[plan])) != 0)
            return rc;
        pricing__ld_pop(ld, mark);
    }
    return 0;
}

/* Every offered plan priced (missing_field at prices/plan). */
int pricing__ld_check_priced(pricing__load *ld, const pricing__spec *spec,
                        pricing__charge *const *prices)
{
    int p;
    for (p = 0; p < PRICING__PLAN_COUNT; p++)
        if ((spec->plans & (1u << p)) && !prices[p]) {
            pricing__ld_push(ld, pricing__plan_name((pricing__plan)p));
            return pricing__error(RD->err, PRICING_MISSING_FIELD, &RD->path,
                                  "no price for the offered plan %s",
                                  pricing__plan_name((pricing__plan)p));
        }
    return 0;
}

unsigned pricing__priced_plans(pricing__charge *const *prices)
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
        pricing__choices c;
        mark = pricing__ld_push(ld, m->string);
        if (a < 0) {
            c = pricing__choices_attrs(spec, PRICING__ATTRS_ENUM);
            return pricing__error_hint(
                RD->err, PRICING_UNKNOWN_ATTRIBUTE, &RD->path, m->string, &c,
                "the spec has no attribute '%.64s'", m->string);
        }
        if (!spec->attrs[a].is_enum)
            return pricing__ld_invalid(ld, "an SKU names enum attributes only; "
                               "quantities are priced by rules");
        if (!cJSON_IsString(m))
            return pricing__rd_wrong_type(RD, m, "a string");
        v = pricing__index_find(&spec->attrs[a].value_index, m->valuestring,
                                strlen(m->valuestring));
        if (v < 0) {
            c = pricing__choices_values(&spec->attrs[a]);
            return pricing__error_hint(
                RD->err, PRICING_UNKNOWN_VALUE, &RD->path, m->valuestring, &c,
                "'%.64s' is not a value of %s", m->valuestring,
                spec->attrs[a].id);
        }
        *pos += (size_t)v * spec->attrs[a].radix;
        pricing__ld_pop(ld, mark);
    }
    for (i = 0; i < spec->nattrs; i++)
        if (spec->attrs[i].is_enum &&
            !cJSON_GetObjectItemCaseSensitive(node, spec->attrs[i].id))
            return pricing__ld_missing(ld, spec->attrs[i].id);
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
        return pricing__ld_missing(ld, "sku");
    mark = pricing__ld_push(ld, "sku");
    if ((rc = load_sku_key(ld, spec, m[0], &pos)) != 0)
        return rc;
    pricing__ld_pop(ld, mark);
    *posp = pos;
    if (m[2]) {
        mark = pricing__ld_push(ld, "available");
        if ((rc = pricing__rd_bool(RD, m[2], &available)) != 0)
            return rc;
        pricing__ld_pop(ld, mark);
    }
    sku = sparse ? sparse : &spec->skus[pos];
    if (sparse ? pos_set_add(seen, pos) : sku->listed)
        return pricing__error(RD->err, PRICING_SKU_DUPLICATE, &RD->path,
                              "this SKU is listed twice");
    sku->listed = 1;
    sku->available = available;
    if (!available) {
        if (m[1]) {
            pricing__ld_push(ld, "prices");
            return pricing__ld_invalid(ld, "an unavailable SKU has no prices");
        }
        return 0;
    }
    if (!m[1])
        return pricing__ld_missing(ld, "prices");
    mark = pricing__ld_push(ld, "prices");
    if ((rc = pricing__ld_prices(ld, spec, m[1], sku->prices)) != 0)
        return rc;
    pricing__ld_pop(ld, mark);
    return 0;
}

/* Offered plans: as listed, or every plan some SKU prices; then every
 * available SKU (entry i at pos[i]) prices each of them. */
static int check_plans(pricing__load *ld, pricing__spec *spec,
                       const size_t *pos)
{
    size_t i, mark;
    int rc;

    if (!spec->plans)
        for (i = 0; i < spec->nskus; i++)
            spec->plans |= pricing__priced_plans(spec->skus[i].prices);
    for (i = 0; i < spec->nskus; i++) {
        if (!spec->skus[pos[i]].available)
            continue;
        mark = pricing__path_push_index(&RD->path, i);
        pricing__ld_push(ld, "prices");
        /* An available SKU when the spec offers no plan at all: it could
         * never be quoted. */
        if (!spec->plans)
            return pricing__ld_invalid(ld, "an available SKU prices at least one plan");
        if ((rc = pricing__ld_check_priced(ld, spec, spec->skus[pos[i]].prices)) != 0)
            return rc;
        pricing__ld_pop(ld, mark);
    }
    return 0;
}


/* The SKU table, each slot (32 bytes on LP64) within one cache line: a
 * quote at a random position then misses once for its slot. */
static int alloc_table(pricing__load *ld, pricing__spec *spec)
{
    size_t align = sizeof *spec->skus;
    char *p;

    if (align & (align - 1) || align > 64)
        align = 1; /* not a power of two: nothing to gain */
    p = pricing__arena_alloc(ld->arena, spec->nskus * sizeof *spec->skus +
                                            align);
    if (!p)
        return pricing__nomem(RD->err);
    p += (align - (uintptr_t)p % align) % align;
    spec->skus = (pricing__sku *)(void *)p;
    return 0;
}

/* Loads the n entries of list into the table (sparse NULL), or into
 * sparse[0..n) with seen. pos[i] gets entry i's position (pos may be NULL
 * with sparse). */
static int load_entries(pricing__load *ld, pricing__spec *spec,
                        const cJSON *list, size_t *pos, pricing__sku *sparse,
                        pos_set *seen)
{
    pricing__elems it;
    const cJSON *e;
    size_t i, mark, p;
    int rc;

    pricing__elems_start(&it, ld->rd.doc, list);
    for (i = 0; (rc = pricing__elems_next(&it, &e, RD->err)) > 0; i++) {
        mark = pricing__path_push_index(&RD->path, i);
        rc = load_sku(ld, spec, e, sparse ? &p : &pos[i],
                      sparse ? &sparse[i] : NULL, seen);
        if (rc != 0)
            break;
        pricing__ld_pop(ld, mark);
    }
    pricing__elems_end(&it);
    return rc;
}

int pricing__ld_skus(pricing__load *ld, pricing__spec *spec, const cJSON *node)
{
    size_t i = 0, n = 0, *pos;
    int rc;

    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(RD, node, "an array of SKUs");
    n = pricing__elems_count(ld->rd.doc, node);
    /* Too few entries: check them in a table of their own size, then
     * report the gap; a few bytes of enum values can name 10^6 SKUs, and
     * nothing that large is allocated for a list that cannot cover them. */
    if (n < spec->nskus) {
        pos_set seen;
        pricing__sku *slots = pricing__arena_alloc(ld->arena, (n ? n : 1) * sizeof *slots);
        size_t cap = 8;
        while (cap < 2 * n)
            cap *= 2;
        seen.slots = pricing__arena_alloc(ld->arena, cap * sizeof *seen.slots);
        seen.mask = cap - 1;
        if (!slots || !seen.slots)
            return pricing__nomem(RD->err);
        if ((rc = load_entries(ld, spec, node, NULL, slots, &seen)) != 0)
            return rc;
        return pricing__error(RD->err, PRICING_SKU_MISSING, &RD->path,
                              "%zu SKUs listed, the enum values make %zu",
                              n, spec->nskus);
    }
    if (n > spec->nskus) /* then some SKU is listed twice */
        n = spec->nskus + 1;
    if ((rc = alloc_table(ld, spec)) != 0)
        return rc;
    /* Scratch of the load only: the catalog does not keep it. */
    if (!(pos = malloc(n * sizeof *pos)))
        return pricing__nomem(RD->err);
    rc = load_entries(ld, spec, node, pos, NULL, NULL);
    for (i = 0; rc == 0 && i < spec->nskus; i++)
        if (!spec->skus[i].listed)
            rc = pricing__error(RD->err, PRICING_SKU_MISSING, &RD->path,
                                "SKU number %zu of %zu is not listed",
                                i + 1, spec->nskus);
    if (rc == 0)
        rc = check_plans(ld, spec, pos);
    free(pos);
    return rc;
}
