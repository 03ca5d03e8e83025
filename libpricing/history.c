/* SPDX-License-Identifier: MIT */
/* history.c - loading catalog histories and catalogs with currencies or
 * dates (contract 1.2), and choosing the version that prices a request.
 * See history.h for the model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_json.h"
#include "history.h"
#include "share.h"
#include "writer.h"

#define MAX_VERSIONS 1000

int pricing__history_wanted(const cJSON *root)
{
    static const char *const keys[] = {"versions", "currencies", "effective",
                                       "existing_from", NULL};
    int k;
    if (!cJSON_IsObject(root))
        return 0;
    for (k = 0; keys[k]; k++)
        if (cJSON_GetObjectItemCaseSensitive(root, keys[k]))
            return 1;
    return 0;
}

/* A catalog of the history, in the arena of owner. */
static pricing_catalog *variant_new(pricing_catalog *owner)
{
    pricing_catalog *c = pricing__arena_alloc(&owner->arena, sizeof *c);
    if (!c)
        return NULL;
    c->owner = owner;
    c->mode = PRICING__HALF_UP;
    c->at = PRICING__AT_TOTAL;
    if (pricing__arena_mpz(&owner->arena, c->unit) != 0 ||
        pricing__arena_mpz(&owner->arena, c->den) != 0)
        return NULL;
    return c;
}

static void version_reset(pricing__load *ld)
{
    ld->cur = 0;
    ld->ncodes = 0;
    ld->sig = NULL;
    ld->has_effective = ld->has_existing = 0;
    ld->effective_s = ld->existing_s = NULL;
}

/* Loads one version (node) once per currency; the default-currency
 * catalog of the newest version is owner itself. */
static int load_version(pricing__load *ld, pricing_catalog *owner,
                        pricing__history *h, const cJSON *node,
                        pricing__hversion *hv, int newest)
{
    pricing_catalog *first = newest ? owner : variant_new(owner);
    size_t n, c;
    int rc;

    if (!first)
        return pricing__nomem(ld->rd.err);
    version_reset(ld);
    ld->cat = first;
    if ((rc = pricing__load_catalog(ld, node)) != 0)
        return rc;
    n = ld->ncodes ? ld->ncodes : 1;
    if (!(hv->cats = pricing__arena_alloc(&owner->arena,
                                          n * sizeof *hv->cats)))
        return pricing__nomem(ld->rd.err);
    hv->cats[0] = first;
    for (c = 1; c < n; c++) {
        if (!(hv->cats[c] = ld->cat = variant_new(owner)))
            return pricing__nomem(ld->rd.err);
        ld->cur = c;
        if ((rc = pricing__load_catalog(ld, node)) != 0)
            return rc;
    }
    hv->ncats = n;
    hv->id = first->version;
    hv->has_effective = ld->has_effective;
    hv->effective_s = ld->effective_s;
    hv->existing_s = ld->existing_s;
    if (ld->has_effective) {
        hv->effective = pricing__date_ordinal(&ld->effective);
        hv->existing_from = ld->has_existing
                                ? pricing__date_ordinal(&ld->existing)
                                : hv->effective;
    }
    for (c = 0; c < n; c++) {
        hv->cats[c]->hist = h;
        hv->cats[c]->hv = hv;
    }
    return 0;
}

static int fail_at(pricing__load *ld, const char *key, pricing_code code,
                   const char *what)
{
    pricing__path_push_key(&ld->rd.path, key, strlen(key));
    return pricing__error(ld->rd.err, code, &ld->rd.path, "%s", what);
}

/* What a history asks of its version i beyond being a catalog. */
static int check_version(pricing__load *ld, const pricing__history *h,
                         size_t i, const char *id)
{
    const pricing__hversion *hv = &h->versions[i];
    size_t k;

    if (strcmp(hv->cats[0]->id, id) != 0)
        return fail_at(ld, "catalog", PRICING_INVALID_VALUE,
                       "a version's catalog id is the history's");
    if (!hv->id)
        return fail_at(ld, "version", PRICING_MISSING_FIELD,
                       "\"version\" is required in a history");
    for (k = 0; k < i; k++)
        if (strcmp(h->versions[k].id, hv->id) == 0)
            return fail_at(ld, "version", PRICING_DUPLICATE_ID,
                           "this version id is used by an earlier version");
    if (!hv->has_effective)
        return fail_at(ld, "effective", PRICING_MISSING_FIELD,
                       "\"effective\" is required in a history");
    if (i > 0 && hv->effective <= h->versions[i - 1].effective)
        return fail_at(ld, "effective", PRICING_INVALID_VALUE,
                       "versions go by effective date, strictly increasing");
    return 0;
}

static int load_history(pricing__load *ld, pricing_catalog *owner,
                        pricing__history *h, const cJSON *root)
{
    static const char *const keys[] = {"catalog", "versions", NULL};
    const cJSON *m[2], *e;
    const char *id;
    size_t n = 0, i = 0, mark, mark2;
    int rc;

    h->is_history = 1;
    if ((rc = pricing__rd_members(&ld->rd, root, keys, m)) != 0)
        return rc;
    if (!m[0])
        return fail_at(ld, "catalog", PRICING_MISSING_FIELD,
                       "\"catalog\" is required");
    mark = pricing__path_push_key(&ld->rd.path, "catalog", 7);
    if ((rc = pricing__rd_id(&ld->rd, m[0], &id)) != 0)
        return rc;
    pricing__path_pop(&ld->rd.path, mark);
    if (!m[1])
        return fail_at(ld, "versions", PRICING_MISSING_FIELD,
                       "\"versions\" is required");
    mark = pricing__path_push_key(&ld->rd.path, "versions", 8);
    if (!cJSON_IsArray(m[1]))
        return pricing__rd_wrong_type(&ld->rd, m[1], "an array of catalogs");
    for (e = m[1]->child; e; e = e->next)
        n++;
    if (n == 0)
        return pricing__error(ld->rd.err, PRICING_INVALID_VALUE, &ld->rd.path,
                              "a history has at least one version");
    if (n > MAX_VERSIONS)
        return pricing__error(ld->rd.err, PRICING_LIMIT_EXCEEDED,
                              &ld->rd.path, "more than %d versions",
                              MAX_VERSIONS);
    if (!(h->versions = pricing__arena_alloc(&owner->arena,
                                             n * sizeof *h->versions)))
        return pricing__nomem(ld->rd.err);
    h->nversions = n;
    for (e = m[1]->child; e; e = e->next, i++) {
        mark2 = pricing__path_push_index(&ld->rd.path, i);
        if ((rc = load_version(ld, owner, h, e, &h->versions[i],
                               i + 1 == n)) != 0 ||
            (rc = check_version(ld, h, i, id)) != 0)
            return rc;
        pricing__path_pop(&ld->rd.path, mark2);
    }
    pricing__path_pop(&ld->rd.path, mark);
    return 0;
}

/* One scale for the whole history, so that shared amounts have one
 * integer value; each catalog's minor unit in it. */
static int finish(pricing__load *ld, pricing_catalog *owner,
                  const pricing__history *h)
{
    size_t v, c;
    int rc;

    for (v = 0; v < h->nversions; v++)
        for (c = 0; c < h->versions[v].ncats; c++)
            if (h->versions[v].cats[c]->minor_units > ld->max_frac)
                ld->max_frac = h->versions[v].cats[c]->minor_units;
    ld->cat = owner;
    if ((rc = pricing__load_finish_amounts(ld)) != 0)
        return rc;
    for (v = 0; v < h->nversions; v++)
        for (c = 0; c < h->versions[v].ncats; c++) {
            pricing_catalog *x = h->versions[v].cats[c];
            x->scale = owner->scale;
            mpz_set(x->den, owner->den);
            mpz_ui_pow_ui(x->unit, 10, x->scale - x->minor_units);
            if ((rc = pricing__catalog_json_forms(x, &owner->arena,
                                                  ld->rd.err)) != 0)
                return rc;
        }
    return 0;
}

int pricing__history_from_doc(pricing_catalog **out, const pricing__doc *doc,
                              const cJSON *root, const char *prefix,
                              pricing_error *err)
{
    pricing__load ld;
    pricing_catalog *owner;
    pricing__history *h;
    cJSON empty;
    int rc;

    *out = NULL;
    memset(&ld, 0, sizeof ld);
    memset(&empty, 0, sizeof empty);
    empty.type = cJSON_Array;
    ld.empty_array = &empty;
    owner = calloc(1, sizeof *owner);
    if (!owner)
        return pricing__nomem(err);
    mpz_init(owner->unit);
    mpz_init(owner->den);
    owner->mode = PRICING__HALF_UP;
    owner->at = PRICING__AT_TOTAL;
    ld.arena = &owner->arena;
    ld.rd.doc = doc;
    ld.rd.err = err;
    pricing__path_init(&ld.rd.path);
    if (prefix)
        pricing__path_push_key(&ld.rd.path, prefix, strlen(prefix));
    h = pricing__arena_alloc(&owner->arena, sizeof *h);
    if (!h || !(owner->arena.share = pricing__share_new())) {
        rc = pricing__nomem(err);
    } else if (cJSON_GetObjectItemCaseSensitive(root, "versions")) {
        rc = load_history(&ld, owner, h, root);
    } else {
        /* A catalog with currencies or dates: a history of one version. */
        h->nversions = 1;
        h->versions = pricing__arena_alloc(&owner->arena,
                                           sizeof *h->versions);
        rc = h->versions ? load_version(&ld, owner, h, root, h->versions, 1)
                         : pricing__nomem(err);
    }
    if (rc == 0)
        rc = finish(&ld, owner, h);
    pricing__share_free(owner->arena.share);
    owner->arena.share = NULL;
    free(ld.amounts);
    free(ld.tiers);
    free(ld.tier_counts);
    pricing__share_free(ld.texts);
    if (rc != 0) {
        pricing_catalog_free(owner);
        return rc;
    }
    *out = owner;
    return 0;
}

/* ---------------------------------------------------------------- choosing */

/* The version rule: the newest V with V.effective <= date and either
 * bought >= V.effective or date >= V.existing_from. */
static const pricing__hversion *pick(const pricing__history *h, long date,
                                     long bought)
{
    size_t i;
    for (i = h->nversions; i-- > 0;) {
        const pricing__hversion *v = &h->versions[i];
        long eff = v->has_effective ? v->effective : PRICING__DAY_NONE_LOW;
        long ex = v->has_effective ? v->existing_from : PRICING__DAY_NONE_LOW;
        if (eff <= date && (bought >= eff || date >= ex))
            return v;
    }
    return NULL;
}

int pricing__when_select(const pricing_catalog **out,
                         const pricing_catalog *cat, const pricing__when *w,
                         const char *prefix, pricing_error *err)
{
    const pricing__hversion *v = NULL;
    char path[32];
    long date, bought;

    *out = NULL;
    if (cat->hist) {
        date = w->has_date ? pricing__date_ordinal(&w->date)
                           : PRICING__DAY_NONE_HIGH;
        bought = w->has_bought ? pricing__date_ordinal(&w->bought) : date;
        if (!(v = pick(cat->hist, date, bought))) {
            snprintf(path, sizeof path, "%s/date", prefix);
            return pricing__error_at(err, PRICING_NO_VERSION, path,
                                     "no version of the catalog prices this "
                                     "date%s",
                                     w->has_bought ? " for a subscription "
                                                     "bought then"
                                                   : "");
        }
    }
    return pricing__when_currency(out, v ? v->cats[0] : cat, w, prefix, err);
}

int pricing__when_currency(const pricing_catalog **out,
                           const pricing_catalog *cat, const pricing__when *w,
                           const char *prefix, pricing_error *err)
{
    const pricing__hversion *v = cat->hv;
    char path[32];
    size_t c;

    if (!w->has_currency) {
        *out = v ? v->cats[0] : cat;
        return 0;
    }
    if (!v) {
        if (memcmp(cat->currency, w->currency, 4) == 0) {
            *out = cat;
            return 0;
        }
    } else {
        for (c = 0; c < v->ncats; c++)
            if (memcmp(v->cats[c]->currency, w->currency, 4) == 0) {
                *out = v->cats[c];
                return 0;
            }
    }
    snprintf(path, sizeof path, "%s/currency", prefix);
    return pricing__error_at(err, PRICING_CURRENCY_NOT_OFFERED, path,
                             "the catalog%s%s does not sell in %s",
                             v && v->id ? " version " : "",
                             v && v->id ? v->id : "", w->currency);
}

/* ---------------------------------------------------------------- API */

size_t pricing_catalog_version_count(const pricing_catalog *cat)
{
    if (!cat)
        return 0;
    return cat->hist ? cat->hist->nversions : 1;
}

const pricing_catalog *pricing_catalog_version_at(const pricing_catalog *cat,
                                                  size_t index)
{
    if (!cat || index >= pricing_catalog_version_count(cat))
        return NULL;
    return cat->hist ? cat->hist->versions[index].cats[0] : cat;
}

const char *pricing_catalog_effective(const pricing_catalog *cat)
{
    return cat && cat->hv ? cat->hv->effective_s : NULL;
}

const char *pricing_catalog_existing_from(const pricing_catalog *cat)
{
    if (!cat || !cat->hv)
        return NULL;
    return cat->hv->existing_s ? cat->hv->existing_s : cat->hv->effective_s;
}

static int date_arg(pricing__date *d, int *has, const char *s,
                    const char *key, pricing_error *err)
{
    *has = 0;
    if (!s)
        return 0;
    if (pricing__date_parse(d, s, strlen(s)) != 0)
        return pricing__error_at(err, PRICING_INVALID_VALUE, key,
                                 "%s is a date YYYY-MM-DD from 0001-01-01 "
                                 "to 9999-12-31",
                                 key + 1);
    *has = 1;
    return 0;
}

int pricing_catalog_select(const pricing_catalog **out,
                           const pricing_catalog *cat, const char *date,
                           const char *bought, pricing_error *err)
{
    pricing__when w;
    int rc;

    if (out)
        *out = NULL;
    if (!out || !cat)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_select: NULL argument");
    memset(&w, 0, sizeof w);
    if ((rc = date_arg(&w.date, &w.has_date, date, "/date", err)) != 0 ||
        (rc = date_arg(&w.bought, &w.has_bought, bought, "/bought", err)) != 0)
        return rc;
    if (w.has_date && w.has_bought &&
        pricing__date_ordinal(&w.bought) > pricing__date_ordinal(&w.date))
        return pricing__error_at(err, PRICING_INVALID_VALUE, "/bought",
                                 "bought is after date");
    return pricing__when_select(out, cat, &w, "", err);
}

/* ---------------------------------------------------------------- summary */

static void w_currencies(pricing__w *w, const pricing__hversion *hv)
{
    size_t c;
    PRICING__W_KEY(w, "currencies");
    pricing__w_open(w, '[');
    for (c = 0; c < hv->ncats; c++) {
        pricing__w_elem(w);
        pricing__w_cstr(w, hv->cats[c]->currency);
    }
    pricing__w_close(w, ']');
}

static void w_dates(pricing__w *w, const pricing__hversion *hv)
{
    if (!hv->effective_s)
        return;
    PRICING__W_KEY(w, "effective");
    pricing__w_cstr(w, hv->effective_s);
    PRICING__W_KEY(w, "existing_from");
    pricing__w_cstr(w, hv->existing_s ? hv->existing_s : hv->effective_s);
}

void pricing__w_summary_v12(pricing__w *w, const pricing_catalog *cat)
{
    const pricing__history *h = cat->hist;
    size_t v;

    if (!cat->hv)
        return;
    if (cat->hv->ncats > 1)
        w_currencies(w, cat->hv);
    w_dates(w, cat->hv);
    if (!h->is_history)
        return;
    PRICING__W_KEY(w, "versions");
    pricing__w_open(w, '[');
    for (v = 0; v < h->nversions; v++) {
        const pricing__hversion *hv = &h->versions[v];
        pricing__w_elem(w);
        pricing__w_open(w, '{');
        PRICING__W_KEY(w, "version");
        pricing__w_cstr(w, hv->id);
        w_dates(w, hv);
        w_currencies(w, hv);
        PRICING__W_KEY(w, "specs");
        pricing__w_u64(w, hv->cats[0]->nspecs);
        PRICING__W_KEY(w, "skus");
        pricing__w_u64(w, hv->cats[0]->total_skus);
        pricing__w_close(w, '}');
    }
    pricing__w_close(w, ']');
}
