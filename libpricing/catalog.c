/* SPDX-License-Identifier: MIT */
/* catalog.c - loading a catalog: the document, its currency and
 * rounding, the loader's shared helpers, name indexes; the accessors.
 * Specs are catalog_spec.c, SKUs catalog_sku.c, charges catalog_charge.c
 * and rules rule.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_json.h"
#include "catalog_parse.h"
#include "currency.h"
#include "decimal.h"
#include "history.h"
#include "memory.h"
#include "names.h"
#include "share.h"

void pricing_catalog_free(pricing_catalog *cat)
{
    if (!cat)
        return;
    pricing__arena_free(&cat->arena);
    mpz_clear(cat->unit);
    mpz_clear(cat->den);
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
    uint64_t h;
    uint32_t tag;
    size_t i;

    if (!ix->slots)
        return -1;
    h = hash_name(name, len);
    tag = (uint32_t)(h >> 32);
    for (i = h & ix->mask; ix->slots[i].name; i = (i + 1) & ix->mask) {
        const pricing__islot *sl = &ix->slots[i];
        if (sl->tag == tag && strncmp(sl->name, name, len) == 0 &&
            sl->name[len] == '\0')
            return (long)sl->index;
    }
    return -1;
}

int pricing__index_init(pricing__arena *a, pricing__index *ix,
                        const char *const *names, size_t n)
{
    size_t cap = 8;
    while (cap < 2 * n)
        cap *= 2;
    ix->slots = pricing__arena_alloc(a, cap * sizeof *ix->slots);
    if (!ix->slots)
        return -PRICING_OUT_OF_MEMORY;
    ix->mask = cap - 1;
    ix->names = names;
    return 0;
}

int pricing__index_add(pricing__index *ix, size_t i)
{
    const char *name = ix->names[i];
    size_t len = strlen(name), k;
    uint64_t h = hash_name(name, len);

    if (pricing__index_find(ix, name, len) >= 0)
        return 1;
    for (k = h & ix->mask; ix->slots[k].name; k = (k + 1) & ix->mask)
        ;
    ix->slots[k].name = name;
    ix->slots[k].index = (uint32_t)i;
    ix->slots[k].tag = (uint32_t)(h >> 32);
    return 0;
}

int pricing__index_build(pricing__arena *a, pricing__index *ix,
                         const char *const *names, size_t n, long *dup)
{
    size_t i;

    *dup = -1;
    if (pricing__index_init(a, ix, names, n) != 0)
        return -PRICING_OUT_OF_MEMORY;
    for (i = 0; i < n; i++)
        if (pricing__index_add(ix, i)) {
            *dup = (long)i;
            return 0;
        }
    return 0;
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
    return pricing__lookup(plan_names, PRICING__PLAN_COUNT, name);
}

/* ---------------------------------------------------------------- helpers */

#define RD (&ld->rd)

size_t pricing__ld_push(pricing__load *ld, const char *key)
{
    return pricing__path_push_key(&ld->rd.path, key, strlen(key));
}

void pricing__ld_pop(pricing__load *ld, size_t mark)
{
    pricing__path_pop(&ld->rd.path, mark);
}

int pricing__ld_missing(pricing__load *ld, const char *key)
{
    pricing__ld_push(ld, key);
    return pricing__error(ld->rd.err, PRICING_MISSING_FIELD, &ld->rd.path,
                          "\"%s\" is required", key);
}

int pricing__ld_invalid(pricing__load *ld, const char *what)
{
    return pricing__error(ld->rd.err, PRICING_INVALID_VALUE, &ld->rd.path,
                          "%s", what);
}

int pricing__ld_array(pricing__load *ld, const cJSON *node, const char *type,
                      const char *empty, int max, const char *what, size_t *n)
{
    const cJSON *e;

    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(&ld->rd, node, type);
    for (*n = 0, e = node->child; e; e = e->next)
        ++*n;
    if (*n == 0 && empty)
        return pricing__ld_invalid(ld, empty);
    if (*n > (size_t)max)
        return pricing__error(ld->rd.err, PRICING_LIMIT_EXCEEDED,
                              &ld->rd.path, "more than %d %s", max, what);
    return 0;
}

int pricing__ld_id(pricing__load *ld, const cJSON *node, const char **out)
{
    const char *s;
    int rc = pricing__rd_id(&ld->rd, node, &s);
    if (rc != 0)
        return rc;
    *out = pricing__arena_strndup(ld->arena, s, strlen(s));
    return *out ? 0 : pricing__nomem(ld->rd.err);
}

int pricing__ld_plan(pricing__load *ld, const pricing__spec *spec,
                     const char *name, int *plan)
{
    int p = pricing__plan_lookup(name);
    if (p < 0)
        return pricing__error(ld->rd.err, PRICING_INVALID_VALUE, &ld->rd.path,
                              "unknown plan \"%.64s\" (month, year, one_time)",
                              name);
    if ((p == PRICING__ONE_TIME) != spec->one_time)
        return pricing__error(ld->rd.err, PRICING_INVALID_VALUE, &ld->rd.path,
                              "plan %s is not sold with %s billing", name,
                              spec->one_time ? "one_time" : "yearly_monthly");
    *plan = p;
    return 0;
}

/* ---------------------------------------------------------------- catalog */

static int load_currency(pricing__load *ld, const cJSON *cur,
                         const cJSON *minor)
{
    pricing_catalog *cat = ld->cat;
    const char *code;
    size_t mark = pricing__ld_push(ld, "currency"), i;
    int rc, units;

    if ((rc = pricing__rd_string(RD, cur, PRICING_MAX_STRING_BYTES, &code)) != 0)
        return rc;
    for (i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            break;
    if (i != 3 || code[3] != '\0')
        return pricing__ld_invalid(ld, "currency is an ISO 4217 code of three capital "
                           "letters, e.g. \"USD\"");
    memcpy(cat->currency, code, 4);
    units = pricing__currency_minor_units(code);
    if (units < 0 && !minor)
        return pricing__error(RD->err, PRICING_INVALID_VALUE, &RD->path,
                              "%s has no minor units in ISO 4217: give "
                              "\"minor_units\"", code);
    pricing__ld_pop(ld, mark);
    if (minor) {
        uint64_t mu;
        mark = pricing__ld_push(ld, "minor_units");
        rc = pricing__rd_integer(RD, minor, &mu);
        if (rc < 0)
            return rc;
        if (rc > 0 || mu > 18)
            return pricing__ld_invalid(ld, "minor_units is from 0 to 18");
        units = (int)mu;
        pricing__ld_pop(ld, mark);
    }
    cat->minor_units = (unsigned)units;
    return 0;
}

static int load_rounding(pricing__load *ld, const cJSON *node)
{
    static const char *const keys[] = {"mode", "at", NULL};
    const cJSON *m[2];
    const char *s;
    size_t mark = pricing__ld_push(ld, "rounding");
    int rc, v;

    if ((rc = pricing__rd_members(RD, node, keys, m)) != 0)
        return rc;
    if (m[0]) {
        size_t mark2 = pricing__ld_push(ld, "mode");
        if ((rc = pricing__rd_string(RD, m[0], PRICING_MAX_ID_BYTES, &s)) != 0)
            return rc;
        if ((v = pricing__mode_lookup(s)) < 0)
            return pricing__ld_invalid(ld, "mode is half_up, half_even, half_down, up, "
                               "down, ceiling or floor");
        ld->cat->mode = (pricing__mode)v;
        pricing__ld_pop(ld, mark2);
    }
    if (m[1]) {
        size_t mark2 = pricing__ld_push(ld, "at");
        if ((rc = pricing__rd_string(RD, m[1], PRICING_MAX_ID_BYTES, &s)) != 0)
            return rc;
        if ((v = pricing__at_lookup(s)) < 0)
            return pricing__ld_invalid(ld, "at is total, period or line");
        ld->cat->at = (pricing__at)v;
        pricing__ld_pop(ld, mark2);
    }
    pricing__ld_pop(ld, mark);
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
        return pricing__ld_missing(ld, "catalog");
    mark = pricing__ld_push(ld, "catalog");
    if ((rc = pricing__ld_id(ld, m[ID], &ld->cat->id)) != 0)
        return rc;
    pricing__ld_pop(ld, mark);
    if (m[VERSION]) {
        mark = pricing__ld_push(ld, "version");
        if ((rc = pricing__rd_string(RD, m[VERSION], PRICING_MAX_ID_BYTES, &s)) != 0)
            return rc;
        if (!(ld->cat->version = pricing__arena_strndup(ld->arena, s, strlen(s))))
            return pricing__nomem(RD->err);
        pricing__ld_pop(ld, mark);
    }
    if (!m[CURRENCY])
        return pricing__ld_missing(ld, "currency");
    if ((rc = load_currency(ld, m[CURRENCY], m[MINOR])) != 0)
        return rc;
    if ((m[CURRENCIES] || m[EFFECTIVE] || m[EXISTING]) &&
        (rc = pricing__load_v12_head(ld, m[CURRENCIES], m[EFFECTIVE],
                                     m[EXISTING])) != 0)
        return rc;
    if (m[ROUNDING] && (rc = load_rounding(ld, m[ROUNDING])) != 0)
        return rc;
    if (!m[SPECS])
        return pricing__ld_missing(ld, "specs");
    mark = pricing__ld_push(ld, "specs");
    if ((rc = pricing__ld_specs(ld, m[SPECS])) != 0)
        return rc;
    pricing__ld_pop(ld, mark);
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
    ld.arena = &cat->arena;
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
    if (rc == 0)
        rc = pricing__catalog_json_forms(cat, &cat->arena, err);
    free(ld.amounts);
    free(ld.tiers);
    free(ld.tier_counts);
    pricing__share_free(ld.texts);
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
    if ((rc = pricing__doc_parse_catalog(&doc, json ? json : "", len,
                                         err)) != 0)
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

/* Reads a whole file, stopping just past max_bytes (limit_exceeded);
 * io_error when it cannot be opened or read. *data is malloc'ed. */
static int read_file(char **data, size_t *len, const char *filename,
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
    if ((rc = read_file(&data, &len, filename,
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
