/* SPDX-License-Identifier: MIT */
/* catalog_charge.c - charges, quantity rules and tiers of a catalog. */
#include <string.h>

#include "catalog_parse.h"
#include "decimal.h"
#include "history.h"
#include "memory.h"
#include "rule.h"
#include "share.h"
#include "suggest.h"

int pricing__load_amount_at(pricing__load *ld, const cJSON *node,
                            const char *key, pricing__amount *a)
{
    size_t mark = pricing__ld_push(ld, key);
    int rc = pricing__load_amount(ld, node, a);
    if (rc == 0)
        pricing__path_pop(&ld->rd.path, mark);
    return rc;
}

/* An amount's text: the same prices recur across SKUs, and one copy of
 * each is kept (the copies are never written). */
static char *amount_text(void *ctx, const char *s, size_t n)
{
    pricing__load *ld = ctx;
    if (ld->arena->share)
        return pricing__arena_strndup(ld->arena, s, n);
    if (!ld->texts && !(ld->texts = pricing__share_new()))
        return NULL;
    return pricing__share_strndup(ld->texts, ld->arena, s, n);
}

int pricing__load_amount(pricing__load *ld, const cJSON *node,
                         pricing__amount *a)
{
    unsigned frac = 0;
    int rc;

    /* With "currencies", this pass's value of an amount object. */
    if (ld->ncodes > 0 &&
        (rc = pricing__load_amount_object(ld, node, &node)) != 0)
        return rc;
    rc = pricing__rd_amount(&ld->rd, node, amount_text, ld, &a->text, &frac);
    if (rc != 0)
        return rc;
    if (pricing__grow((void **)&ld->amounts, &ld->amounts_cap,
                      ld->namounts + 1, sizeof *ld->amounts) != 0)
        return pricing__nomem(ld->rd.err);
    ld->amounts[ld->namounts++] = a;
    if (frac > ld->max_frac)
        ld->max_frac = frac;
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
        mark = pricing__ld_push(ld, m->string);
        if (a < 0) {
            pricing__choices c =
                pricing__choices_attrs(spec, PRICING__ATTRS_QUANTITY);
            return pricing__error_hint(
                rd->err, PRICING_UNKNOWN_ATTRIBUTE, &rd->path, m->string, &c,
                "the spec has no attribute '%.64s'", m->string);
        }
        if (spec->attrs[a].is_enum)
            return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                                  "\"%.64s\" is an enum attribute: price it "
                                  "per SKU", m->string);
        rc = pricing__rule_load(ld, &spec->attrs[a], m,
                               &ch->rules[spec->attrs[a].qord]);
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

static int load_charge(pricing__load *ld, const pricing__spec *spec,
                       const cJSON *node, pricing__charge **out)
{
    static const char *const keys[] = {"base", "quantities", NULL};
    const cJSON *m[2];
    pricing__rd *rd = &ld->rd;
    pricing__charge *ch;
    size_t mark;
    int rc;

    /* A plain amount is a fixed price per period whatever the quantities
     * (the contract's own example prices a year of "pro" so). */
    if (cJSON_IsString(node) || cJSON_IsNumber(node) ||
        pricing__is_amount_object(ld, node)) {
        if (!(ch = pricing__arena_alloc(ld->arena, sizeof *ch)))
            return pricing__nomem(rd->err);
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
    /* The rules right behind the charge (model.h). */
    if (!(ch = pricing__arena_alloc(ld->arena, sizeof *ch + spec->nquant *
                                                   sizeof *ch->rules)))
        return pricing__nomem(rd->err);
    if (m[0]) {
        if ((rc = pricing__load_amount_at(ld, m[0], keys[0], &ch->amount)))
            return rc;
        ch->has_base = 1;
    }
    if (spec->nquant > 0) {
        if (!m[1])
            return pricing__error(rd->err, PRICING_UNPRICED_ATTRIBUTE,
                                  &rd->path, "the charge has no quantities "
                                  "for the spec's quantity attributes");
        ch->rules = (pricing__rule *)(ch + 1);
    }
    if (m[1]) {
        mark = pricing__ld_push(ld, keys[1]);
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

/* In a history, a charge written the same way as one an earlier version
 * loaded, for a spec of the same shape, in the same currency, is that
 * charge (share.h). */
int pricing__load_charge(pricing__load *ld, const pricing__spec *spec,
                         const cJSON *node, pricing__charge **out)
{
    pricing__share *sh = ld->arena->share;
    int rc;
    if (sh && (*out = pricing__share_charge_find(sh, ld, spec, node)))
        return 0;
    if ((rc = load_charge(ld, spec, node, out)) != 0)
        return rc;
    if (sh && pricing__share_charge_add(sh, ld, spec, node, *out) != 0)
        return pricing__nomem(ld->rd.err);
    return 0;
}

/* Each value a view of limbs the catalog holds (model.h). */
int pricing__load_finish_amounts(pricing__load *ld)
{
    pricing_catalog *cat = ld->cat;
    pricing__arena *arena = ld->arena;
    size_t i, k;
    mpz_t width, v, before;
    int rc = 0;

    cat->scale = ld->max_frac > cat->minor_units ? ld->max_frac
                                                 : cat->minor_units;
    mpz_init(v);
    for (i = 0; rc == 0 && i < ld->namounts; i++) {
        pricing__amount *a = ld->amounts[i];
        pricing__decimal_to_mpz(v, a->text, strlen(a->text), cat->scale);
        rc = pricing__arena_view(arena, a->v, v, &a->limb);
    }
    mpz_ui_pow_ui(cat->unit, 10, cat->scale - cat->minor_units);
    mpz_ui_pow_ui(cat->den, 10, cat->scale);
    /* A tier passed through costs width x unit + flat; prefix sums of
     * those let a graduated quote price the tiers below in one add. */
    mpz_init(width);
    mpz_init(before);
    for (i = 0; rc == 0 && i < ld->ntiers; i++) {
        pricing__tier *t = ld->tiers[i];
        mpz_set_ui(before, 0);
        for (k = 0; rc == 0 && k < ld->tier_counts[i]; k++) {
            if (k > 0)
                mpz_add(before, before, t[k - 1].full);
            mpz_set_ui(v, 0);
            if (t[k].bounded) {
                pricing__mpz_set_u64(width, t[k].up_to - t[k].from);
                mpz_mul(v, width, t[k].unit.v);
                mpz_add(v, v, t[k].flat.v);
            }
            if (pricing__arena_view(arena, t[k].full, v, NULL) != 0 ||
                pricing__arena_view(arena, t[k].before, before, NULL) != 0)
                rc = -1;
        }
    }
    mpz_clear(width);
    mpz_clear(before);
    mpz_clear(v);
    return rc == 0 ? 0 : pricing__nomem(ld->rd.err);
}
