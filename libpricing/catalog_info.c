/* SPDX-License-Identifier: MIT */
/* catalog_info.c - introspection: a loaded catalog's specs, attributes,
 * SKUs and price lists through borrowed handles and small structs, for
 * callers that build product pages without parsing JSON.
 *
 * The public handles are the model's own structs seen through opaque
 * types: a cast each way, nothing copied, nothing allocated. */
#include <string.h>

#include "model.h"
#include "rule.h"
#include "suggest.h"

static const pricing__spec *S(const pricing_spec *spec)
{
    return (const pricing__spec *)(const void *)spec;
}

static const pricing__attr *A(const pricing_attribute *attr)
{
    return (const pricing__attr *)(const void *)attr;
}

/* ---------------------------------------------------------------- specs */

const pricing_spec *pricing_catalog_spec(const pricing_catalog *cat,
                                         size_t index)
{
    if (!cat || index >= cat->nspecs)
        return NULL;
    return (const pricing_spec *)(const void *)&cat->specs[index];
}

const pricing_spec *pricing_catalog_find_spec(const pricing_catalog *cat,
                                              const char *id)
{
    long s;
    if (!cat || !id)
        return NULL;
    s = pricing__index_find(&cat->spec_index, id, strlen(id));
    return s < 0 ? NULL : pricing_catalog_spec(cat, (size_t)s);
}

const char *pricing_spec_id(const pricing_spec *spec)
{
    return spec ? S(spec)->id : NULL;
}

const char *pricing_spec_name(const pricing_spec *spec)
{
    return spec ? S(spec)->name : NULL;
}

const char *pricing_spec_billing(const pricing_spec *spec)
{
    if (!spec)
        return NULL;
    return S(spec)->one_time ? "one_time" : "yearly_monthly";
}

const char *pricing_spec_template(const pricing_spec *spec)
{
    if (!spec)
        return NULL;
    return S(spec)->custom ? "custom" : "simple";
}

size_t pricing_spec_plan_count(const pricing_spec *spec)
{
    size_t n = 0;
    int p;
    for (p = 0; spec && p < PRICING__PLAN_COUNT; p++)
        n += (S(spec)->plans >> p) & 1u;
    return n;
}

const char *pricing_spec_plan(const pricing_spec *spec, size_t index)
{
    int p;
    for (p = 0; spec && p < PRICING__PLAN_COUNT; p++)
        if ((S(spec)->plans >> p) & 1u && index-- == 0)
            return pricing__plan_name((pricing__plan)p);
    return NULL;
}

/* The plan named plan if spec sells it, else -1. */
static int sold_plan(const pricing__spec *spec, const char *plan)
{
    int p = plan ? pricing__plan_lookup(plan) : -1;
    return p >= 0 && (spec->plans >> p) & 1u ? p : -1;
}

size_t pricing_spec_allowed_counts(uint32_t *out, size_t capacity,
                                   const pricing_spec *spec, const char *plan)
{
    const uint8_t *allowed;
    size_t n = 0;
    uint32_t c;
    int p;

    if (!spec || (p = sold_plan(S(spec), plan)) < 0)
        return 0;
    allowed = S(spec)->counts[p];
    for (c = 1; c <= PRICING_MAX_COUNT; c++) {
        /* one_time sells once; no counts member: every count */
        if (S(spec)->one_time ? c != 1 : allowed && !allowed[c])
            continue;
        if (out && n < capacity)
            out[n] = c;
        n++;
    }
    return n;
}

uint64_t pricing_spec_trial_days(const pricing_spec *spec)
{
    return spec ? S(spec)->trial_days : 0;
}

/* ------------------------------------------------------------ attributes */

size_t pricing_spec_attribute_count(const pricing_spec *spec)
{
    return spec ? S(spec)->nattrs : 0;
}

const pricing_attribute *pricing_spec_attribute(const pricing_spec *spec,
                                                size_t index)
{
    if (!spec || index >= S(spec)->nattrs)
        return NULL;
    return (const pricing_attribute *)(const void *)&S(spec)->attrs[index];
}

const pricing_attribute *pricing_spec_find_attribute(const pricing_spec *spec,
                                                     const char *id)
{
    long a;
    if (!spec || !id)
        return NULL;
    a = pricing__index_find(&S(spec)->attr_index, id, strlen(id));
    return a < 0 ? NULL : pricing_spec_attribute(spec, (size_t)a);
}

const char *pricing_attribute_id(const pricing_attribute *attr)
{
    return attr ? A(attr)->id : NULL;
}

const char *pricing_attribute_type(const pricing_attribute *attr)
{
    if (!attr)
        return NULL;
    return A(attr)->is_enum ? "enum" : "quantity";
}

size_t pricing_attribute_value_count(const pricing_attribute *attr)
{
    return attr && A(attr)->is_enum ? A(attr)->nvalues : 0;
}

const char *pricing_attribute_value(const pricing_attribute *attr,
                                    size_t index)
{
    if (index >= pricing_attribute_value_count(attr))
        return NULL;
    return A(attr)->values[index];
}

uint64_t pricing_attribute_min(const pricing_attribute *attr)
{
    return attr && !A(attr)->is_enum ? A(attr)->min : 0;
}

uint64_t pricing_attribute_max(const pricing_attribute *attr)
{
    return attr && !A(attr)->is_enum ? A(attr)->max : 0;
}

uint64_t pricing_attribute_step(const pricing_attribute *attr)
{
    return attr && !A(attr)->is_enum ? A(attr)->step : 0;
}

const char *pricing_attribute_unit(const pricing_attribute *attr)
{
    return attr && !A(attr)->is_enum ? A(attr)->unit : NULL;
}

/* ---------------------------------------------------------------- SKUs */

size_t pricing_spec_sku_count(const pricing_spec *spec)
{
    return spec ? S(spec)->nskus : 0;
}

const char *pricing_spec_sku_value(const pricing_spec *spec, size_t sku,
                                   size_t attribute)
{
    const pricing__attr *at;
    if (!spec || sku >= S(spec)->nskus || attribute >= S(spec)->nattrs)
        return NULL;
    at = &S(spec)->attrs[attribute];
    if (!at->is_enum)
        return NULL;
    return at->values[(sku / at->radix) % at->nvalues];
}

int pricing_spec_sku_available(const pricing_spec *spec, size_t sku)
{
    return spec && sku < S(spec)->nskus && S(spec)->skus[sku].available;
}

/* The path /sku/NAME of a find_sku error. */
static const pricing__path *sku_path(pricing__path *p, const char *name)
{
    pricing__path_init(p);
    pricing__path_push_key(p, "sku", 3);
    pricing__path_push_key(p, name, strlen(name));
    return p;
}

int pricing_spec_find_sku(size_t *out, const pricing_spec *spec,
                          const char *const *attributes,
                          const char *const *values, size_t n,
                          pricing_error *err)
{
    const pricing__spec *sp = S(spec);
    uint32_t given = 0; /* a bit per attribute index (at most 32) */
    size_t pos = 0, i;
    pricing__choices c;
    pricing__path p;

    if (out)
        *out = 0;
    if (!out || !spec || (n && (!attributes || !values)))
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_spec_find_sku: NULL argument");
    for (i = 0; i < n; i++) {
        const char *name = attributes[i];
        long a, v;
        if (!name || !values[i])
            return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                     "pricing_spec_find_sku: NULL name or "
                                     "value %zu", i);
        a = pricing__index_find(&sp->attr_index, name, strlen(name));
        if (a < 0) {
            c = pricing__choices_attrs(sp, PRICING__ATTRS_ALL);
            return pricing__error_hint(
                err, PRICING_UNKNOWN_ATTRIBUTE, sku_path(&p, name), name, &c,
                "the spec %s has no attribute '%.64s'", sp->id, name);
        }
        if (!sp->attrs[a].is_enum)
            continue; /* quantities price an SKU, they do not name it */
        v = pricing__index_find(&sp->attrs[a].value_index, values[i],
                                strlen(values[i]));
        if (v < 0) {
            c = pricing__choices_values(&sp->attrs[a]);
            return pricing__error_hint(
                err, PRICING_UNKNOWN_VALUE, sku_path(&p, name), values[i], &c,
                "'%.64s' is not a value of %s", values[i], name);
        }
        if (!(given & (1u << a)))
            pos += (size_t)v * sp->attrs[a].radix;
        given |= 1u << a;
    }
    for (i = 0; i < sp->nattrs; i++)
        if (sp->attrs[i].is_enum && !(given & (1u << i)))
            return pricing__error(err, PRICING_MISSING_ATTRIBUTE,
                                  sku_path(&p, sp->attrs[i].id),
                                  "an SKU of %s names its %s", sp->id,
                                  sp->attrs[i].id);
    *out = pos;
    return 0;
}

/* ---------------------------------------------------------------- prices */

/* The charge of SKU sku for plan, or NULL. */
static const pricing__charge *charge_of(const pricing_spec *spec, size_t sku,
                                        const char *plan)
{
    int p;
    if (!spec || sku >= S(spec)->nskus || !S(spec)->skus[sku].available ||
        (p = plan ? pricing__plan_lookup(plan) : -1) < 0)
        return NULL;
    return S(spec)->skus[sku].prices[p];
}

/*
 * Walks the price list of ch in sheet order: the fixed price or the base,
 * then per quantity attribute the prices of its rule (rule.c: one, or one
 * per tier). Fills *out (when not NULL) with price index and returns 1, or
 * returns 0 and leaves in *count the number of prices.
 */
static int price_at(pricing_price *out, const pricing__spec *spec,
                    const pricing__charge *ch, size_t index, size_t *count)
{
    size_t i, n = 0;
    if (ch->fixed || ch->has_base) {
        if (out && index == n) {
            out->kind = ch->fixed ? "fixed" : "base";
            out->unit_price = ch->amount.text;
            return 1;
        }
        n++;
    }
    for (i = 0; !ch->fixed && i < spec->nattrs; i++) {
        const pricing__attr *at = &spec->attrs[i];
        const pricing__rule *r;
        size_t k;
        if (at->is_enum)
            continue;
        r = &ch->rules[at->qord];
        k = pricing__rule_price_count(r);
        if (out && index >= n && index < n + k) {
            out->attribute = at->id;
            pricing__rule_price(r, index - n, out);
            return 1;
        }
        n += k;
    }
    *count = n;
    return 0;
}

size_t pricing_spec_price_count(const pricing_spec *spec, size_t sku,
                                const char *plan)
{
    const pricing__charge *ch = charge_of(spec, sku, plan);
    size_t n = 0;
    if (ch)
        price_at(NULL, S(spec), ch, 0, &n);
    return n;
}

int pricing_spec_price(pricing_price *out, const pricing_spec *spec,
                       size_t sku, const char *plan, size_t index,
                       pricing_error *err)
{
    const pricing__charge *ch;
    size_t n = 0;
    if (out)
        memset(out, 0, sizeof *out);
    if (!out || !spec || !plan)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_spec_price: NULL argument");
    ch = charge_of(spec, sku, plan);
    if (ch && price_at(out, S(spec), ch, index, &n))
        return 0;
    memset(out, 0, sizeof *out);
    return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                             "pricing_spec_price: no price %zu (there are "
                             "%zu)", index,
                             pricing_spec_price_count(spec, sku, plan));
}
