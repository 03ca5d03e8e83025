/* SPDX-License-Identifier: MIT */
/* fuzz_catalog.c - the data is a catalog document.
 *
 * Rejected: the error is well formed (fuzz_check_error), and the same
 * catalog inside an envelope fails with the same code at the same path
 * under /catalog. Loaded: the summary is strict JSON that agrees with the
 * accessors, the marketplace rules give 0 or a well-formed error, and for
 * the first specs requests built from the catalog's own SKUs (first and
 * last enum values, smallest and largest allowed quantities, each plan,
 * counts, trial, start) are quoted through the JSON driver and checked
 * with every quote invariant (fuzz_check_quote). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "model.h"

#define MAX_SPECS_QUOTED 4

/* ---------------------------------------------------------------- text */

typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static void sb_raw(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        b->p = realloc(b->p, cap);
        FUZZ_ASSERT(b->p != NULL, "harness out of memory");
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void sb_lit(sbuf *b, const char *s)
{
    sb_raw(b, s, strlen(s));
}

/* A JSON string of s (valid UTF-8 from the loader, copied as is). */
static void sb_str(sbuf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    sb_raw(b, "\"", 1);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            sb_raw(b, e, 2);
        } else if (c < 0x20) {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            sb_raw(b, e, 6);
        } else {
            sb_raw(b, s, 1);
        }
    }
    sb_raw(b, "\"", 1);
}

static void sb_u64(sbuf *b, uint64_t v)
{
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
    sb_lit(b, tmp);
}

/* ---------------------------------------------------------------- requests */

/* The allowed quantity of at nearest to the choice: 0 the minimum, 1 the
 * largest on the step grid, 2 the middle of the grid. */
static uint64_t pick_quantity(const pricing__attr *at, int choice)
{
    uint64_t steps = (at->max - at->min) / at->step;
    if (choice == 0)
        return at->min;
    if (choice == 1)
        return at->min + steps * at->step;
    return at->min + steps / 2 * at->step;
}

/* The allowed count: 0 the smallest, 1 the largest. */
static uint64_t pick_count(const pricing__spec *spec, int plan, int choice)
{
    uint64_t c;
    if (spec->one_time)
        return 1;
    if (!spec->counts[plan])
        return choice ? PRICING_MAX_COUNT : 1;
    if (choice) {
        for (c = PRICING_MAX_COUNT; c > 0; c--)
            if (spec->counts[plan][c])
                return c;
    } else {
        for (c = 1; c <= PRICING_MAX_COUNT; c++)
            if (spec->counts[plan][c])
                return c;
    }
    fuzz_fail(__FILE__, __LINE__, "counts", "a counts list allows nothing");
}

static int pick_plan(const pricing__spec *spec, int choice)
{
    int p, found = -1;
    for (p = 0; p < PRICING__PLAN_COUNT; p++)
        if (spec->plans & (1u << p)) {
            found = p;
            if (choice == 0)
                break;
        }
    FUZZ_ASSERT(found >= 0, "a loaded spec offers no plan");
    return found;
}

/* Checks the quote's echo of the request against what was asked. */
static void check_echo(const cJSON *q, const pricing_catalog *cat,
                       const pricing__spec *spec, const cJSON *req,
                       const char *json)
{
    const cJSON *sku = cJSON_GetObjectItemCaseSensitive(q, "sku");
    const cJSON *rsku = cJSON_GetObjectItemCaseSensitive(req, "sku");
    const cJSON *a, *b;
    const cJSON *total;
    const char *dot;
    int frac;

    FUZZ_ASSERT(!strcmp(cJSON_GetObjectItemCaseSensitive(q, "catalog")->valuestring,
                        cat->id),
                "catalog id not echoed: %s", json);
    FUZZ_ASSERT(!strcmp(cJSON_GetObjectItemCaseSensitive(q, "spec")->valuestring,
                        spec->id),
                "spec id not echoed: %s", json);
    FUZZ_ASSERT(!strcmp(cJSON_GetObjectItemCaseSensitive(q, "currency")->valuestring,
                        cat->currency),
                "currency not echoed: %s", json);
    a = cJSON_GetObjectItemCaseSensitive(q, "version");
    FUZZ_ASSERT(cat->version ? a && !strcmp(a->valuestring, cat->version) : !a,
                "version not echoed: %s", json);
    /* the SKU: the same members in the spec's attribute order */
    for (a = sku ? sku->child : NULL, b = rsku ? rsku->child : NULL; a && b;
         a = a->next, b = b->next)
        FUZZ_ASSERT(!strcmp(a->string, b->string) && cJSON_Compare(a, b, 1),
                    "sku member \"%s\" echoed as \"%s\": %s", b->string,
                    a->string, json);
    FUZZ_ASSERT(!a && !b, "sku echo has %s members: %s", a ? "more" : "fewer",
                json);
    a = cJSON_GetObjectItemCaseSensitive(q, "rounding");
    FUZZ_ASSERT(!strcmp(cJSON_GetObjectItemCaseSensitive(a, "mode")->valuestring,
                        pricing__mode_name(cat->mode)) &&
                    !strcmp(cJSON_GetObjectItemCaseSensitive(a, "at")->valuestring,
                            pricing__at_name(cat->at)),
                "rounding not the catalog's: %s", json);
    b = cJSON_GetObjectItemCaseSensitive(req, "plan");
    FUZZ_ASSERT(!strcmp(cJSON_GetObjectItemCaseSensitive(q, "plan")->valuestring,
                        b->valuestring),
                "plan not echoed: %s", json);
    b = cJSON_GetObjectItemCaseSensitive(req, "count");
    FUZZ_ASSERT(cJSON_GetObjectItemCaseSensitive(q, "count")->valuedouble ==
                    (b ? b->valuedouble : 1.0),
                "count not echoed: %s", json);
    b = cJSON_GetObjectItemCaseSensitive(req, "trial");
    FUZZ_ASSERT(!!cJSON_GetObjectItemCaseSensitive(q, "trial") == !!b,
                "trial not echoed: %s", json);
    total = cJSON_GetObjectItemCaseSensitive(q, "total");
    dot = strchr(total->valuestring, '.');
    frac = dot ? (int)strlen(dot + 1) : 0;
    FUZZ_ASSERT(frac == (int)cat->minor_units,
                "total \"%s\" in a currency of %u decimals: %s",
                total->valuestring, cat->minor_units, json);
}

static void quote_variant(const pricing_catalog *cat, size_t s, int v,
                          pricing_quote *quote, pricing_buffer *out)
{
    const pricing__spec *spec = &cat->specs[s];
    sbuf b = {NULL, 0, 0};
    size_t i, pos = 0;
    int plan, rc, want_unavailable;
    uint64_t count;
    pricing_error err;
    cJSON *req, *q;

    if (!spec->plans) {
        /* A custom spec whose SKUs are all unavailable loads with no plan
         * (reported: the simple template rejects "prices name no plan");
         * every request of it must still end in sku_unavailable. */
        for (i = 0; i < spec->nskus; i++)
            FUZZ_ASSERT(!spec->skus[i].available,
                        "a spec with an available SKU offers no plan");
        plan = -1;
        count = 1;
    } else {
        plan = pick_plan(spec, v & 1);
        count = pick_count(spec, plan, v & 1);
    }

    sb_lit(&b, "{\"spec\":");
    sb_str(&b, spec->id);
    sb_lit(&b, ",\"sku\":{");
    for (i = 0; i < spec->nattrs; i++) {
        const pricing__attr *at = &spec->attrs[i];
        if (i)
            sb_lit(&b, ",");
        sb_str(&b, at->id);
        sb_lit(&b, ":");
        if (at->is_enum) {
            size_t val = v == 2 ? at->nvalues - 1 : 0;
            pos += val * at->radix;
            sb_str(&b, at->values[val]);
        } else {
            sb_u64(&b, pick_quantity(at, v));
        }
    }
    sb_lit(&b, "}");
    if (plan >= 0) {
        sb_lit(&b, ",\"plan\":");
        sb_str(&b, pricing__plan_name((pricing__plan)plan));
    }
    if (!spec->one_time && plan >= 0) {
        sb_lit(&b, ",\"count\":");
        sb_u64(&b, count);
    }
    if (v == 1 && spec->trial_days)
        sb_lit(&b, ",\"trial\":true");
    if (v != 2)
        sb_lit(&b, v ? ",\"start\":\"2024-02-29\"}" : ",\"start\":\"2026-01-31\"}");
    else
        sb_lit(&b, "}");

    want_unavailable = !spec->skus[pos].available;
    pricing_error_init(&err);
    rc = pricing_quote_json(out, cat, b.p, b.n, quote, 0, &err);
    if (rc != 0) {
        /* The only ways a request built from the catalog may fail. */
        FUZZ_ASSERT((want_unavailable && err.code == PRICING_SKU_UNAVAILABLE &&
                     !strcmp(err.path, "/sku")) ||
                        (!want_unavailable &&
                         err.code == PRICING_INVALID_VALUE &&
                         !strcmp(err.path, "/start") && v == 1 &&
                         spec->trial_days > 2000000),
                    "a request built from the catalog fails: %s at \"%s\": "
                    "%s\nrequest: %s",
                    pricing_code_name(err.code), err.path, err.message, b.p);
        fuzz_check_error(rc, &err, b.p, b.n, FUZZ_DOC_REQUEST);
        FUZZ_ASSERT(out->data && !strncmp(out->data, "{\"error\":", 9),
                    "the driver's buffer holds no error object");
        free(b.p);
        return;
    }
    FUZZ_ASSERT(!want_unavailable, "an unavailable SKU was quoted: %s", b.p);
    FUZZ_ASSERT(err.code == PRICING_OK, "success with err.code %d", err.code);
    q = fuzz_check_quote(out->data, out->size, quote);
    req = cJSON_ParseWithLength(b.p, b.n);
    FUZZ_ASSERT(req != NULL, "harness wrote bad JSON: %s", b.p);
    check_echo(q, cat, spec, req, out->data);
    cJSON_Delete(req);
    cJSON_Delete(q);
    free(b.p);
}

/* ---------------------------------------------------------------- summary */

/* Contract 1.2: "currencies" (when more than one), "effective" and
 * "existing_from", "versions" (a history), agreeing with the getters. */
static void check_summary_v12(const pricing_catalog *cat, const cJSON *m,
                              const char *text)
{
    size_t i, n = pricing_catalog_currency_count(cat);
    const cJSON *e;

    if (n > 1) {
        FUZZ_ASSERT(m && !strcmp(m->string, "currencies") &&
                        (size_t)cJSON_GetArraySize(m) == n,
                    "summary currencies: %s", text);
        for (i = 0, e = m->child; e; e = e->next, i++)
            FUZZ_ASSERT(!strcmp(e->valuestring,
                                pricing_catalog_currency_at(cat, i)),
                        "summary currency %zu: %s", i, text);
        m = m->next;
    }
    if (pricing_catalog_effective(cat)) {
        FUZZ_ASSERT(m && !strcmp(m->string, "effective") &&
                        !strcmp(m->valuestring, pricing_catalog_effective(cat)),
                    "summary effective: %s", text);
        m = m->next;
        FUZZ_ASSERT(m && !strcmp(m->string, "existing_from") &&
                        !strcmp(m->valuestring,
                                pricing_catalog_existing_from(cat)),
                    "summary existing_from: %s", text);
        m = m->next;
    }
    if (m) {
        FUZZ_ASSERT(!strcmp(m->string, "versions") && !m->next &&
                        (size_t)cJSON_GetArraySize(m) ==
                            pricing_catalog_version_count(cat),
                    "summary versions: %s", text);
        for (i = 0, e = m->child; e; e = e->next, i++)
            FUZZ_ASSERT(!strcmp(cJSON_GetObjectItem(e, "version")->valuestring,
                                pricing_catalog_version(
                                    pricing_catalog_version_at(cat, i))),
                        "summary version %zu: %s", i, text);
    }
}

static void check_summary(const pricing_catalog *cat)
{
    pricing_buffer b = PRICING_BUFFER_INIT, pb = PRICING_BUFFER_INIT;
    pricing_error err;
    cJSON *root, *pretty, *m;

    pricing_error_init(&err);
    FUZZ_ASSERT(pricing_catalog_write_summary(&b, cat, 0, &err) == 0,
                "summary: %s", err.message);
    fuzz_check_output_json(b.data, b.size, 0, "summary");
    FUZZ_ASSERT(pricing_catalog_write_summary(&pb, cat, PRICING_JSON_PRETTY,
                                              &err) == 0,
                "pretty summary: %s", err.message);
    fuzz_check_output_json(pb.data, pb.size, 1, "pretty summary");
    root = cJSON_ParseWithLength(b.data, b.size);
    pretty = cJSON_ParseWithLength(pb.data, pb.size);
    FUZZ_ASSERT(root && pretty && cJSON_Compare(root, pretty, 1),
                "summary and pretty summary differ:\n%s\n%s", b.data, pb.data);
    m = root->child;
    FUZZ_ASSERT(m && !strcmp(m->string, "valid") && cJSON_IsTrue(m),
                "summary: %s", b.data);
    m = m->next;
    FUZZ_ASSERT(m && !strcmp(m->string, "catalog") &&
                    !strcmp(m->valuestring, pricing_catalog_id(cat)),
                "summary catalog id: %s", b.data);
    m = m->next;
    if (pricing_catalog_version(cat)) {
        FUZZ_ASSERT(m && !strcmp(m->string, "version") &&
                        !strcmp(m->valuestring, pricing_catalog_version(cat)),
                    "summary version: %s", b.data);
        m = m->next;
    }
    FUZZ_ASSERT(m && !strcmp(m->string, "currency") &&
                    !strcmp(m->valuestring, pricing_catalog_currency(cat)),
                "summary currency: %s", b.data);
    m = m->next;
    FUZZ_ASSERT(m && !strcmp(m->string, "minor_units") &&
                    m->valuedouble == pricing_catalog_minor_units(cat),
                "summary minor_units: %s", b.data);
    m = m->next;
    FUZZ_ASSERT(m && !strcmp(m->string, "specs") &&
                    m->valuedouble == (double)pricing_catalog_spec_count(cat) &&
                    pricing_catalog_spec_count(cat) >= 1,
                "summary specs: %s", b.data);
    m = m->next;
    FUZZ_ASSERT(m && !strcmp(m->string, "skus") &&
                    m->valuedouble == (double)pricing_catalog_sku_count(cat),
                "summary skus: %s", b.data);
    check_summary_v12(cat, m->next, b.data);
    cJSON_Delete(root);
    cJSON_Delete(pretty);
    pricing_buffer_dispose(&b);
    pricing_buffer_dispose(&pb);
}

/* ---------------------------------------------------------------- envelope */

/* The catalog inside an envelope: a rejected catalog fails with the same
 * code at /catalog + its path; a loaded one fails only under /request. */
static void check_envelope(const uint8_t *data, size_t size,
                           const pricing_catalog *cat,
                           const pricing_error *cat_err)
{
    static const char pre[] = "{\"catalog\":";
    char req[600];
    sbuf rq = {NULL, 0, 0};
    char *env;
    size_t n;
    pricing_buffer out = PRICING_BUFFER_INIT;
    pricing_error err;
    int rc;

    if (cat_err && (cat_err->code == PRICING_JSON_SYNTAX ||
                    cat_err->code == PRICING_LIMIT_EXCEEDED))
        return;
    sb_lit(&rq, ",\"request\":{\"spec\":");
    sb_str(&rq, cat ? cat->specs[0].id : "x");
    sb_lit(&rq, "}}");
    FUZZ_ASSERT(rq.n < sizeof req, "request too long");
    memcpy(req, rq.p, rq.n + 1);
    n = sizeof pre - 1 + size + rq.n;
    env = malloc(n);
    FUZZ_ASSERT(env != NULL, "harness out of memory");
    memcpy(env, pre, sizeof pre - 1);
    if (size)
        memcpy(env + sizeof pre - 1, data, size);
    memcpy(env + sizeof pre - 1 + size, rq.p, rq.n);
    free(rq.p);

    pricing_error_init(&err);
    rc = pricing_envelope_quote_json(&out, env, n, 0, &err);
    if (err.code == PRICING_JSON_SYNTAX || err.code == PRICING_LIMIT_EXCEEDED) {
        /* the envelope nests one level deeper: only limits may differ */
        FUZZ_ASSERT(err.code == PRICING_LIMIT_EXCEEDED,
                    "envelope json_syntax for a catalog that parses alone: %s",
                    err.message);
    } else if (cat_err) {
        char want[PRICING_ERROR_PATH_SIZE + 16];
        snprintf(want, sizeof want, "/catalog%s", cat_err->path);
        FUZZ_ASSERT(rc != 0 && err.code == cat_err->code &&
                        (strlen(want) >= PRICING_ERROR_PATH_SIZE - 4 ||
                         !strcmp(err.path, want)),
                    "catalog alone: %s at \"%s\"; in an envelope: %s at \"%s\"",
                    pricing_code_name(cat_err->code), cat_err->path,
                    pricing_code_name(err.code), err.path);
        fuzz_check_error(rc, &err, env, n, FUZZ_DOC_CATALOG);
    } else if (rc != 0) {
        FUZZ_ASSERT(!strncmp(err.path, "/request", 8),
                    "a loaded catalog fails in an envelope: %s at \"%s\": %s",
                    pricing_code_name(err.code), err.path, err.message);
        fuzz_check_error(rc, &err, env, n, FUZZ_DOC_CATALOG);
    } else {
        /* the same bytes as the JSON driver on the bare request */
        pricing_buffer direct = PRICING_BUFFER_INIT;
        const char *r = req + strlen(",\"request\":");
        pricing_error e2;
        pricing_error_init(&e2);
        FUZZ_ASSERT(pricing_quote_json(&direct, cat, r, strlen(r) - 1, NULL, 0,
                                       &e2) == 0 &&
                        direct.size == out.size &&
                        !memcmp(direct.data, out.data, out.size),
                    "envelope and driver differ:\n%s\n%s", out.data,
                    direct.data ? direct.data : "");
        pricing_buffer_dispose(&direct);
    }
    pricing_buffer_dispose(&out);
    free(env);
}

/* ---------------------------------------------------------------- entry */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pricing_quote *quote;
    static pricing_buffer out;
    pricing_catalog *cat = (pricing_catalog *)1;
    pricing_error err;
    int rc;
    size_t s;

    if (!quote) {
        pricing_error_init(&err);
        FUZZ_ASSERT(pricing_quote_new(&quote, &err) == 0, "quote_new");
    }
    pricing_error_init(&err);
    rc = pricing_catalog_load(&cat, (const char *)data, size, &err);
    if (rc != 0) {
        FUZZ_ASSERT(cat == NULL, "a failed load leaves a catalog");
        fuzz_check_error(rc, &err, (const char *)data, size, FUZZ_DOC_CATALOG);
        check_envelope(data, size, NULL, &err);
        return 0;
    }
    FUZZ_ASSERT(cat != NULL && err.code == PRICING_OK,
                "load succeeded with err.code %d", err.code);
    check_summary(cat);

    pricing_error_init(&err);
    rc = pricing_catalog_check_rules(cat, "koogallery", &err);
    if (rc != 0) {
        FUZZ_ASSERT(err.code == PRICING_INVALID_VALUE,
                    "koogallery rules: %s", pricing_code_name(err.code));
        fuzz_check_error(rc, &err, (const char *)data, size, FUZZ_DOC_CATALOG);
    }
    pricing_error_init(&err);
    rc = pricing_catalog_check_rules(cat, "nope", &err);
    FUZZ_ASSERT(rc == -PRICING_INVALID_ARGUMENT &&
                    err.code == PRICING_INVALID_ARGUMENT,
                "an unknown rule set is invalid_argument");

    for (s = 0; s < cat->nspecs && s < MAX_SPECS_QUOTED; s++) {
        int v;
        for (v = 0; v < 3; v++)
            quote_variant(cat, s, v, quote, &out);
    }
    check_envelope(data, size, cat, NULL);
    pricing_catalog_free(cat);
    return 0;
}
