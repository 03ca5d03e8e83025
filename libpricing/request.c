/* request.c - typed requests, and requests read from JSON. */
#include <stdlib.h>
#include <string.h>

#include "request.h"

static int bad_arg(pricing_error *err, const char *fn)
{
    return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                             "%s: NULL argument", fn);
}

/* Points req at spec spec_id of cat, reset; unknown_spec at path. */
static int request_init(pricing_request *req, const pricing_catalog *cat,
                        const char *spec_id, const pricing__path *path,
                        pricing_error *err)
{
    long s = pricing__index_find(&cat->spec_index, spec_id, strlen(spec_id));
    if (s < 0)
        return pricing__error(err, PRICING_UNKNOWN_SPEC, path,
                              "the catalog has no spec \"%.64s\"", spec_id);
    req->cat = cat;
    req->spec = &cat->specs[s];
    req->prefix = "";
    pricing_request_reset(req);
    return 0;
}

int pricing_request_new(pricing_request **out, const pricing_catalog *cat,
                        const char *spec_id, pricing_error *err)
{
    pricing_request tmp;
    pricing__path p;
    int rc;

    if (out)
        *out = NULL;
    if (!out || !cat || !spec_id)
        return bad_arg(err, "pricing_request_new");
    pricing__path_init(&p);
    pricing__path_push_key(&p, "spec", 4);
    if ((rc = request_init(&tmp, cat, spec_id, &p, err)) != 0)
        return rc;
    if (!(*out = malloc(sizeof **out)))
        return pricing__nomem(err);
    **out = tmp;
    return 0;
}

void pricing_request_free(pricing_request *req)
{
    free(req);
}

void pricing_request_reset(pricing_request *req)
{
    if (!req)
        return;
    memset(req->set, 0, sizeof req->set);
    req->plan = -1;
    req->count = 1;
    req->has_count = 0;
    req->trial = 0;
    req->has_start = 0;
}

/* The attribute named attr, or an error at path. */
static long find_attr(const pricing_request *req, const char *attr,
                      size_t len, const pricing__path *path,
                      pricing_error *err)
{
    long a = pricing__index_find(&req->spec->attr_index, attr, len);
    if (a < 0)
        pricing__error(err, PRICING_UNKNOWN_ATTRIBUTE, path,
                       "the spec %s has no attribute \"%.64s\"",
                       req->spec->id, attr);
    return a;
}

static int set_enum(pricing_request *req, long a, const char *value,
                    const pricing__path *path, pricing_error *err)
{
    const pricing__attr *at = &req->spec->attrs[a];
    long v;
    if (!at->is_enum)
        return pricing__error(err, PRICING_WRONG_TYPE, path,
                              "%s is a quantity: give an integer", at->id);
    v = pricing__index_find(&at->value_index, value, strlen(value));
    if (v < 0)
        return pricing__error(err, PRICING_UNKNOWN_VALUE, path,
                              "\"%.64s\" is not a value of %s", value, at->id);
    req->value[a] = (uint32_t)v;
    req->set[a] = 1;
    return 0;
}

static int set_quantity(pricing_request *req, long a, uint64_t q,
                        const pricing__path *path, pricing_error *err)
{
    const pricing__attr *at = &req->spec->attrs[a];
    if (at->is_enum)
        return pricing__error(err, PRICING_WRONG_TYPE, path,
                              "%s is an enum: give one of its values", at->id);
    if (q < at->min)
        return pricing__error(err, PRICING_QUANTITY_OUT_OF_RANGE, path,
                              "%s = %llu is below the minimum %llu", at->id,
                              (unsigned long long)q,
                              (unsigned long long)at->min);
    if (q > at->max)
        return pricing__error(err, PRICING_QUANTITY_OUT_OF_RANGE, path,
                              "%s = %llu is above the maximum %llu", at->id,
                              (unsigned long long)q,
                              (unsigned long long)at->max);
    if ((q - at->min) % at->step != 0)
        return pricing__error(err, PRICING_QUANTITY_STEP, path,
                              "%s = %llu is not min %llu plus a multiple of "
                              "the step %llu",
                              at->id, (unsigned long long)q,
                              (unsigned long long)at->min,
                              (unsigned long long)at->step);
    req->quantity[a] = q;
    req->set[a] = 1;
    return 0;
}

static void sku_path(pricing__path *p, const pricing_request *req,
                     const char *attr)
{
    pricing__path_init(p);
    pricing__path_push_key(p, "sku", 3);
    pricing__path_push_key(p, attr, strlen(attr));
    (void)req;
}

int pricing_request_set_enum(pricing_request *req, const char *attr,
                             const char *value, pricing_error *err)
{
    pricing__path p;
    long a;
    if (!req || !attr || !value)
        return bad_arg(err, "pricing_request_set_enum");
    sku_path(&p, req, attr);
    if ((a = find_attr(req, attr, strlen(attr), &p, err)) < 0)
        return -PRICING_UNKNOWN_ATTRIBUTE;
    return set_enum(req, a, value, &p, err);
}

int pricing_request_set_quantity(pricing_request *req, const char *attr,
                                 uint64_t q, pricing_error *err)
{
    pricing__path p;
    long a;
    if (!req || !attr)
        return bad_arg(err, "pricing_request_set_quantity");
    sku_path(&p, req, attr);
    if ((a = find_attr(req, attr, strlen(attr), &p, err)) < 0)
        return -PRICING_UNKNOWN_ATTRIBUTE;
    return set_quantity(req, a, q, &p, err);
}

static int set_plan(pricing_request *req, const char *plan,
                    const pricing__path *path, pricing_error *err)
{
    int p = pricing__plan_lookup(plan);
    if (p < 0 || !(req->spec->plans & (1u << p)))
        return pricing__error(err, PRICING_PLAN_NOT_OFFERED, path,
                              "the spec %s does not sell the plan \"%.64s\"",
                              req->spec->id, plan);
    req->plan = p;
    return 0;
}

int pricing_request_set_plan(pricing_request *req, const char *plan,
                             pricing_error *err)
{
    pricing__path p;
    if (!req || !plan)
        return bad_arg(err, "pricing_request_set_plan");
    pricing__path_init(&p);
    pricing__path_push_key(&p, "plan", 4);
    return set_plan(req, plan, &p, err);
}

int pricing_request_set_count(pricing_request *req, uint64_t count,
                              pricing_error *err)
{
    if (!req)
        return bad_arg(err, "pricing_request_set_count");
    req->count = count;
    req->has_count = 1;
    return 0;
}

int pricing_request_set_trial(pricing_request *req, int trial,
                              pricing_error *err)
{
    if (!req)
        return bad_arg(err, "pricing_request_set_trial");
    req->trial = trial != 0;
    return 0;
}

static int set_start(pricing_request *req, const char *date, size_t len,
                     const pricing__path *path, pricing_error *err)
{
    if (pricing__date_parse(&req->start, date, len) != 0)
        return pricing__error(err, PRICING_INVALID_VALUE, path,
                              "start is a date YYYY-MM-DD from 0001-01-01 "
                              "to 9999-12-31");
    req->has_start = 1;
    return 0;
}

int pricing_request_set_start(pricing_request *req, const char *date,
                              pricing_error *err)
{
    pricing__path p;
    if (!req)
        return bad_arg(err, "pricing_request_set_start");
    if (!date) {
        req->has_start = 0;
        return 0;
    }
    pricing__path_init(&p);
    pricing__path_push_key(&p, "start", 5);
    return set_start(req, date, strlen(date), &p, err);
}

/* ---------------------------------------------------------------- JSON */

static int read_sku(pricing_request *req, pricing__rd *rd, const cJSON *node)
{
    const cJSON *m;
    size_t mark;
    int rc;

    if (!cJSON_IsObject(node))
        return pricing__rd_wrong_type(rd, node, "an object");
    for (m = node->child; m; m = m->next) {
        size_t klen = strlen(m->string);
        long a;
        mark = pricing__path_push_key(&rd->path, m->string, klen);
        if ((a = find_attr(req, m->string, klen, &rd->path, rd->err)) < 0)
            return -PRICING_UNKNOWN_ATTRIBUTE;
        if (req->spec->attrs[a].is_enum) {
            if (!cJSON_IsString(m))
                return pricing__rd_wrong_type(rd, m, "a string");
            rc = set_enum(req, a, m->valuestring, &rd->path, rd->err);
        } else {
            uint64_t q = 0;
            rc = pricing__rd_integer(rd, m, &q);
            if (rc < 0)
                return rc;
            if (rc > 0)
                return pricing__error(rd->err, PRICING_QUANTITY_OUT_OF_RANGE,
                                      &rd->path, "%s is %s",
                                      req->spec->attrs[a].id,
                                      rc == PRICING__INT_NEGATIVE
                                          ? "negative"
                                          : "above 10^15");
            rc = set_quantity(req, a, q, &rd->path, rd->err);
        }
        if (rc != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    return 0;
}

static int read_request(pricing_request *req, const pricing_catalog *cat,
                        pricing__rd *rd, const cJSON *node,
                        const char *prefix)
{
    static const char *const keys[] = {"spec", "sku",   "plan", "count",
                                       "trial", "start", NULL};
    enum { SPEC, SKU, PLAN, COUNT, TRIAL, START };
    const cJSON *m[6];
    const char *s;
    size_t mark;
    int rc;

    if ((rc = pricing__rd_members(rd, node, keys, m)) != 0)
        return rc;
    mark = pricing__path_push_key(&rd->path, "spec", 4);
    if (!m[SPEC])
        return pricing__error(rd->err, PRICING_MISSING_FIELD, &rd->path,
                              "\"spec\" is required");
    if ((rc = pricing__rd_string(rd, m[SPEC], PRICING_MAX_ID_BYTES, &s)) != 0 ||
        (rc = request_init(req, cat, s, &rd->path, rd->err)) != 0)
        return rc;
    req->prefix = prefix;
    pricing__path_pop(&rd->path, mark);

    mark = pricing__path_push_key(&rd->path, "sku", 3);
    if (m[SKU]) {
        if ((rc = read_sku(req, rd, m[SKU])) != 0)
            return rc;
    } else if (req->spec->nattrs > 0) {
        return pricing__error(rd->err, PRICING_MISSING_FIELD, &rd->path,
                              "\"sku\" is required: the spec has attributes");
    }
    pricing__path_pop(&rd->path, mark);
    if (m[PLAN]) {
        mark = pricing__path_push_key(&rd->path, "plan", 4);
        if ((rc = pricing__rd_string(rd, m[PLAN], PRICING_MAX_ID_BYTES, &s)) != 0 ||
            (rc = set_plan(req, s, &rd->path, rd->err)) != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    if (m[COUNT]) {
        mark = pricing__path_push_key(&rd->path, "count", 5);
        rc = pricing__rd_integer(rd, m[COUNT], &req->count);
        if (rc < 0)
            return rc;
        if (rc > 0)
            return pricing__error(rd->err, PRICING_COUNT_NOT_ALLOWED,
                                  &rd->path, "count is %s",
                                  rc == PRICING__INT_NEGATIVE ? "negative"
                                                              : "too large");
        req->has_count = 1;
        pricing__path_pop(&rd->path, mark);
    }
    if (m[TRIAL]) {
        mark = pricing__path_push_key(&rd->path, "trial", 5);
        if ((rc = pricing__rd_bool(rd, m[TRIAL], &req->trial)) != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    if (m[START]) {
        mark = pricing__path_push_key(&rd->path, "start", 5);
        if ((rc = pricing__rd_string(rd, m[START], PRICING_MAX_STRING_BYTES, &s)) != 0 ||
            (rc = set_start(req, s, strlen(s), &rd->path, rd->err)) != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    return 0;
}

int pricing__request_read(pricing_request *req, const pricing_catalog *cat,
                          const pricing__doc *doc, const cJSON *node,
                          const char *prefix, pricing_error *err)
{
    pricing__rd rd;

    rd.doc = doc;
    rd.err = err;
    pricing__path_init(&rd.path);
    if (prefix[0])
        pricing__path_push_key(&rd.path, prefix + 1, strlen(prefix + 1));
    return read_request(req, cat, &rd, node, prefix);
}

int pricing__request_from_doc(pricing_request **out,
                              const pricing_catalog *cat,
                              const pricing__doc *doc, const cJSON *node,
                              const char *prefix, pricing_error *err)
{
    pricing_request tmp;
    int rc;

    *out = NULL;
    if ((rc = pricing__request_read(&tmp, cat, doc, node, prefix, err)) != 0)
        return rc;
    if (!(*out = malloc(sizeof **out)))
        return pricing__nomem(err);
    **out = tmp;
    return 0;
}

int pricing_request_parse(pricing_request **out, const pricing_catalog *cat,
                          const char *json, size_t len, pricing_error *err)
{
    pricing__doc doc;
    int rc;

    if (out)
        *out = NULL;
    if (!out || !cat || (!json && len > 0))
        return bad_arg(err, "pricing_request_parse");
    if ((rc = pricing__doc_parse(&doc, json ? json : "", len,
                                 PRICING_MAX_REQUEST_BYTES, err)) != 0)
        return rc;
    rc = pricing__request_from_doc(out, cat, &doc, doc.root, "", err);
    pricing__doc_dispose(&doc);
    return rc;
}
