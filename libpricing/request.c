/* SPDX-License-Identifier: MIT */
/* request.c - typed requests, and requests read from JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "names.h"
#include "request.h"
#include "suggest.h"

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
    if (s < 0) {
        pricing__choices c = pricing__choices_specs(cat);
        return pricing__error_hint(err, PRICING_UNKNOWN_SPEC, path, spec_id,
                                   &c, "the catalog has no spec '%.64s'",
                                   spec_id);
    }
    req->cat = cat;
    req->spec = &cat->specs[s];
    req->prefix = "";
    memset(&req->when, 0, sizeof req->when);
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
    PRICING__PUSH_LIT(&p, "spec");
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
    memset(req->sku.set, 0, sizeof req->sku.set);
    memset(req->from.set, 0, sizeof req->from.set);
    req->plan = -1;
    req->count = 1;
    req->has_count = 0;
    req->trial = 0;
    req->has_start = 0;
    req->type = PRICING__NEW;
    req->has_from = 0;
    req->has_end = req->has_change = req->has_current_end = 0;
    req->discount.kind = PRICING__NO_DISCOUNT;
    req->discount.text[0] = '\0';
    req->discount.periods = 0;
}

/* The attribute named attr, or an error at path. */
static long find_attr(const pricing_request *req, const char *attr,
                      size_t len, const pricing__path *path,
                      pricing_error *err)
{
    long a = pricing__index_find(&req->spec->attr_index, attr, len);
    if (a < 0) {
        pricing__choices c =
            pricing__choices_attrs(req->spec, PRICING__ATTRS_ALL);
        pricing__error_hint(err, PRICING_UNKNOWN_ATTRIBUTE, path, attr, &c,
                            "the spec %s has no attribute '%.64s'",
                            req->spec->id, attr);
    }
    return a;
}

static int set_enum(const pricing_request *req, pricing__skuval *sv, long a,
                    const char *value, const pricing__path *path,
                    pricing_error *err)
{
    const pricing__attr *at = &req->spec->attrs[a];
    long v;
    if (!at->is_enum)
        return pricing__error(err, PRICING_WRONG_TYPE, path,
                              "%s is a quantity: give an integer", at->id);
    v = pricing__index_find(&at->value_index, value, strlen(value));
    if (v < 0) {
        pricing__choices c = pricing__choices_values(at);
        return pricing__error_hint(err, PRICING_UNKNOWN_VALUE, path, value,
                                   &c, "'%.64s' is not a value of %s", value,
                                   at->id);
    }
    sv->value[a] = (uint32_t)v;
    sv->set[a] = 1;
    return 0;
}

/* quantity_step, naming the valid quantities on either side of q (or
 * the one below when the next would pass max). */
static int step_error(const pricing__attr *at, uint64_t q,
                      const pricing__path *path, pricing_error *err)
{
    uint64_t below = q - (q - at->min) % at->step;
    char near[80];
    if (at->max - below >= at->step)
        snprintf(near, sizeof near, "the nearest valid quantities are %llu "
                 "and %llu",
                 (unsigned long long)below,
                 (unsigned long long)(below + at->step));
    else
        snprintf(near, sizeof near, "the largest valid quantity is %llu",
                 (unsigned long long)below);
    return pricing__error(err, PRICING_QUANTITY_STEP, path,
                          "%s = %llu is not min %llu plus a multiple of "
                          "the step %llu; %s",
                          at->id, (unsigned long long)q,
                          (unsigned long long)at->min,
                          (unsigned long long)at->step, near);
}

static int set_quantity(const pricing_request *req, pricing__skuval *sv,
                        long a, uint64_t q, const pricing__path *path,
                        pricing_error *err)
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
        return step_error(at, q, path, err);
    sv->quantity[a] = q;
    sv->set[a] = 1;
    return 0;
}

/* The pointer of a member: "/key" or "/key/attr". */
static void member_path(pricing__path *p, const char *key, const char *attr)
{
    pricing__path_init(p);
    pricing__path_push_key(p, key, strlen(key));
    if (attr)
        pricing__path_push_key(p, attr, strlen(attr));
}

/* The typed setters build their error path only when there is an error:
 * the first try reports to no one, a failure is redone with the path. */
static int typed_enum(pricing_request *req, pricing__skuval *sv,
                      const char *key, const char *attr, const char *value,
                      pricing_error *err)
{
    pricing__path p;
    long a = pricing__index_find(&req->spec->attr_index, attr, strlen(attr));
    if (a >= 0 && set_enum(req, sv, a, value, NULL, NULL) == 0)
        return 0;
    member_path(&p, key, attr);
    if (a < 0)
        return find_attr(req, attr, strlen(attr), &p, err) < 0
                   ? -PRICING_UNKNOWN_ATTRIBUTE
                   : 0;
    return set_enum(req, sv, a, value, &p, err);
}

static int typed_quantity(pricing_request *req, pricing__skuval *sv,
                          const char *key, const char *attr, uint64_t q,
                          pricing_error *err)
{
    pricing__path p;
    long a = pricing__index_find(&req->spec->attr_index, attr, strlen(attr));
    if (a >= 0 && set_quantity(req, sv, a, q, NULL, NULL) == 0)
        return 0;
    member_path(&p, key, attr);
    if (a < 0)
        return find_attr(req, attr, strlen(attr), &p, err) < 0
                   ? -PRICING_UNKNOWN_ATTRIBUTE
                   : 0;
    return set_quantity(req, sv, a, q, &p, err);
}

int pricing_request_set_enum(pricing_request *req, const char *attr,
                             const char *value, pricing_error *err)
{
    if (!req || !attr || !value)
        return bad_arg(err, "pricing_request_set_enum");
    return typed_enum(req, &req->sku, "sku", attr, value, err);
}

int pricing_request_set_quantity(pricing_request *req, const char *attr,
                                 uint64_t q, pricing_error *err)
{
    if (!req || !attr)
        return bad_arg(err, "pricing_request_set_quantity");
    return typed_quantity(req, &req->sku, "sku", attr, q, err);
}

int pricing_request_set_from_enum(pricing_request *req, const char *attr,
                                  const char *value, pricing_error *err)
{
    if (!req || !attr || !value)
        return bad_arg(err, "pricing_request_set_from_enum");
    req->has_from = 1;
    return typed_enum(req, &req->from, "from", attr, value, err);
}

int pricing_request_set_from_quantity(pricing_request *req, const char *attr,
                                      uint64_t q, pricing_error *err)
{
    if (!req || !attr)
        return bad_arg(err, "pricing_request_set_from_quantity");
    req->has_from = 1;
    return typed_quantity(req, &req->from, "from", attr, q, err);
}

static int set_plan(pricing_request *req, const char *plan,
                    const pricing__path *path, pricing_error *err)
{
    int p = pricing__plan_lookup(plan);
    if (p < 0 || !(req->spec->plans & (1u << p))) {
        pricing__choices c = pricing__choices_plans(&req->spec->plans);
        return pricing__error_hint(err, PRICING_PLAN_NOT_OFFERED, path, plan,
                                   &c, "the spec %s does not sell the plan "
                                   "'%.64s'", req->spec->id, plan);
    }
    req->plan = p;
    return 0;
}

int pricing_request_set_plan(pricing_request *req, const char *plan,
                             pricing_error *err)
{
    pricing__path p;
    if (!req || !plan)
        return bad_arg(err, "pricing_request_set_plan");
    if (set_plan(req, plan, NULL, NULL) == 0)
        return 0; /* the path only for the error */
    member_path(&p, "plan", NULL);
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

static const char *const type_names[PRICING__TYPE_COUNT] = {
    "new", "renew", "upgrade", "scale_out"};

const char *pricing__type_name(pricing__type type)
{
    return type_names[type];
}

/* The discount kinds by name (index 0, none, has no name). */
static const char *const discount_names[PRICING__DISCOUNT_KIND_COUNT] = {
    "", "percent_off", "amount_off"};

static int set_type(pricing_request *req, const char *type,
                    const pricing__path *path, pricing_error *err)
{
    int t = pricing__lookup(type_names, PRICING__TYPE_COUNT, type);
    if (t >= 0) {
        req->type = (pricing__type)t;
        return 0;
    }
    return pricing__error(err, PRICING_INVALID_VALUE, path,
                          "type is new, renew, upgrade or scale_out");
}

int pricing_request_set_type(pricing_request *req, const char *type,
                             pricing_error *err)
{
    pricing__path p;
    if (!req || !type)
        return bad_arg(err, "pricing_request_set_type");
    if (set_type(req, type, NULL, NULL) == 0)
        return 0; /* the path only for the error */
    member_path(&p, "type", NULL);
    return set_type(req, type, &p, err);
}

/* A date member into *d; invalid_value at path. */
static int set_date(pricing__date *d, int *has, const char *key,
                    const char *date, size_t len, const pricing__path *path,
                    pricing_error *err)
{
    if (pricing__date_parse(d, date, len) != 0)
        return pricing__error(err, PRICING_INVALID_VALUE, path,
                              "%s is a date YYYY-MM-DD from 0001-01-01 to "
                              "9999-12-31", key);
    *has = 1;
    return 0;
}

static int typed_date(pricing__date *d, int *has, const char *key,
                      const char *date, pricing_error *err)
{
    pricing__path p;
    if (!date) {
        *has = 0;
        return 0;
    }
    member_path(&p, key, NULL);
    return set_date(d, has, key, date, strlen(date), &p, err);
}

int pricing_request_set_start(pricing_request *req, const char *date,
                              pricing_error *err)
{
    if (!req)
        return bad_arg(err, "pricing_request_set_start");
    return typed_date(&req->start, &req->has_start, "start", date, err);
}

int pricing_request_set_end(pricing_request *req, const char *date,
                            pricing_error *err)
{
    if (!req)
        return bad_arg(err, "pricing_request_set_end");
    return typed_date(&req->end, &req->has_end, "end", date, err);
}

int pricing_request_set_change_date(pricing_request *req, const char *date,
                                    pricing_error *err)
{
    if (!req)
        return bad_arg(err, "pricing_request_set_change_date");
    return typed_date(&req->change_date, &req->has_change, "change_date",
                      date, err);
}

int pricing_request_set_current_end(pricing_request *req, const char *date,
                                    pricing_error *err)
{
    if (!req)
        return bad_arg(err, "pricing_request_set_current_end");
    return typed_date(&req->current_end, &req->has_current_end,
                      "current_end", date, err);
}

/* A discount value: a percentage (0..100) or an amount. */
static int set_discount(pricing_request *req, pricing__discount_kind kind,
                        const char *value, size_t len,
                        const pricing__path *path, pricing_error *err)
{
    unsigned frac;
    int rc = kind == PRICING__PERCENT_OFF
                 ? pricing__percent_check(value, len, &frac)
                 : pricing__decimal_check(value, len, &frac);
    if (len > 0 && value[0] == '-')
        rc = PRICING__DEC_SYNTAX;
    if (rc == PRICING__DEC_SYNTAX)
        return pricing__error(err, PRICING_INVALID_AMOUNT, path,
                              "not a plain decimal such as \"15\" or "
                              "\"19.99\"");
    if (rc == PRICING__DEC_DIGITS)
        return pricing__error(err, PRICING_LIMIT_EXCEEDED, path,
                              "too many digits");
    if (rc == PRICING__DEC_RANGE)
        return pricing__error(err, PRICING_INVALID_VALUE, path,
                              "percent_off is at most 100");
    req->discount.kind = kind;
    memcpy(req->discount.text, value, len);
    req->discount.text[len] = '\0';
    return 0;
}

int pricing_request_set_discount(pricing_request *req, const char *kind,
                                 const char *value, uint64_t periods,
                                 pricing_error *err)
{
    pricing__path p;
    int k;
    if (!req || !kind)
        return bad_arg(err, "pricing_request_set_discount");
    if (!value) {
        req->discount.kind = PRICING__NO_DISCOUNT;
        return 0;
    }
    k = pricing__lookup(discount_names, PRICING__DISCOUNT_KIND_COUNT, kind);
    member_path(&p, "discount", kind);
    if (k <= 0) {
        pricing__choices c;
        memset(&c, 0, sizeof c);
        c.label = "discounts";
        c.names = discount_names + 1; /* not the "" of no discount */
        c.n = PRICING__DISCOUNT_KIND_COUNT - 1;
        return pricing__error_hint(err, PRICING_UNKNOWN_FIELD, &p, kind, &c,
                                   "'%.64s' is not a discount", kind);
    }
    if (periods > PRICING_MAX_COUNT) {
        member_path(&p, "discount", "periods");
        return pricing__error(err, PRICING_INVALID_VALUE, &p,
                              "periods is from 1 to 120");
    }
    if ((k = set_discount(req, (pricing__discount_kind)k, value,
                          strlen(value), &p, err)) != 0)
        return k;
    req->discount.periods = periods;
    return 0;
}

/* ---------------------------------------------------------------- JSON */

static int read_sku(pricing_request *req, pricing__skuval *sv,
                    pricing__rd *rd, const cJSON *node)
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
            rc = set_enum(req, sv, a, m->valuestring, &rd->path, rd->err);
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
            rc = set_quantity(req, sv, a, q, &rd->path, rd->err);
        }
        if (rc != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    return 0;
}

/* A date member at key. */
static int read_date(pricing__rd *rd, const cJSON *node, const char *key,
                     pricing__date *d, int *has)
{
    const char *s;
    size_t mark = pricing__path_push_key(&rd->path, key, strlen(key));
    int rc;
    if ((rc = pricing__rd_string(rd, node, PRICING_MAX_STRING_BYTES, &s)) != 0 ||
        (rc = set_date(d, has, key, s, strlen(s), &rd->path, rd->err)) != 0)
        return rc;
    pricing__path_pop(&rd->path, mark);
    return 0;
}

/* {"percent_off": "15"} or {"amount_off": "100.00"}, with "periods". */
static int read_discount(pricing_request *req, pricing__rd *rd,
                         const cJSON *node)
{
    static const char *const keys[] = {"percent_off", "amount_off", "periods",
                                       NULL}; /* discount_names' order */
    const cJSON *m[3];
    const char *s;
    size_t mark, len;
    pricing__discount_kind kind;
    int rc, k;

    if ((rc = pricing__rd_members(rd, node, keys, m)) != 0)
        return rc;
    if (m[0] && m[1])
        return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                              "a discount is percent_off or amount_off, not "
                              "both");
    if (!m[0] && !m[1])
        return pricing__error(rd->err, PRICING_MISSING_FIELD, &rd->path,
                              "a discount needs percent_off or amount_off");
    k = m[0] ? 0 : 1;
    mark = pricing__path_push_key(&rd->path, keys[k], strlen(keys[k]));
    kind = m[0] ? PRICING__PERCENT_OFF : PRICING__AMOUNT_OFF;
    if (cJSON_IsNumber(m[k])) {
        const pricing__numlex *lx = pricing__rd_num(rd, m[k]);
        if (lx->flags & (PRICING__NUM_FRAC | PRICING__NUM_EXP))
            return pricing__error(rd->err, PRICING_INEXACT_NUMBER, &rd->path,
                                  "write fractional amounts as strings, "
                                  "e.g. \"19.99\"");
        s = rd->doc->text + lx->offset;
        len = lx->length;
        if (len > 15 && !(lx->flags & PRICING__NUM_MINUS))
            return pricing__error(rd->err, PRICING_LIMIT_EXCEEDED, &rd->path,
                                  "an amount written as a JSON number has "
                                  "at most 15 digits");
    } else if (cJSON_IsString(m[k])) {
        s = m[k]->valuestring;
        len = strlen(s);
    } else {
        return pricing__rd_wrong_type(rd, m[k], "an amount string");
    }
    if (len >= sizeof req->discount.text)
        return pricing__error(rd->err, PRICING_LIMIT_EXCEEDED, &rd->path,
                              "too many digits");
    if ((rc = set_discount(req, kind, s, len, &rd->path, rd->err)) != 0)
        return rc;
    pricing__path_pop(&rd->path, mark);
    if (m[2]) {
        uint64_t periods;
        mark = PRICING__PUSH_LIT(&rd->path, "periods");
        rc = pricing__rd_integer(rd, m[2], &periods);
        if (rc < 0)
            return rc;
        if (rc > 0 || periods < 1 || periods > PRICING_MAX_COUNT)
            return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                                  "periods is from 1 to 120");
        req->discount.periods = periods;
        pricing__path_pop(&rd->path, mark);
    }
    return 0;
}

/* pinned: cat's own version prices the request whatever its date
 * (the seller tools compare two given versions). */
static int read_request(pricing_request *req, const pricing_catalog *cat,
                        pricing__rd *rd, const cJSON *node,
                        const char *prefix, int pinned)
{
    static const char *const keys[] = {
        "spec",  "sku",  "plan",        "count",       "trial", "start",
        "type",  "from", "end",         "change_date", "current_end",
        "discount", "currency", "date", "bought", NULL};
    enum { SPEC, SKU, PLAN, COUNT, TRIAL, START, TYPE, FROM, END, CHANGE,
           CURRENT_END, DISCOUNT, CURRENCY, DATE, BOUGHT };
    const cJSON *m[15];
    pricing__when when;
    const char *s;
    size_t mark;
    int rc;

    if ((rc = pricing__rd_members(rd, node, keys, m)) != 0)
        return rc;
    /* Contract 1.2: the version and currency first; the rest is checked
     * against them. */
    if ((m[CURRENCY] || m[DATE] || m[BOUGHT] || cat->hist) &&
        ((rc = pricing__when_read(rd, m[CURRENCY], m[DATE], m[BOUGHT],
                                  m[TYPE], &when)) != 0 ||
         (rc = pinned ? pricing__when_currency(&cat, cat, &when, prefix,
                                               rd->err)
                      : pricing__when_select(&cat, cat, &when, prefix,
                                             rd->err)) != 0))
        return rc;
    mark = PRICING__PUSH_LIT(&rd->path, "spec");
    if (!m[SPEC])
        return pricing__error(rd->err, PRICING_MISSING_FIELD, &rd->path,
                              "\"spec\" is required");
    if ((rc = pricing__rd_string(rd, m[SPEC], PRICING_MAX_ID_BYTES, &s)) != 0 ||
        (rc = request_init(req, cat, s, &rd->path, rd->err)) != 0)
        return rc;
    req->prefix = prefix;
    if (m[CURRENCY] || m[DATE] || m[BOUGHT])
        req->when = when;
    pricing__path_pop(&rd->path, mark);
    if (m[TYPE]) {
        mark = PRICING__PUSH_LIT(&rd->path, "type");
        if ((rc = pricing__rd_string(rd, m[TYPE], PRICING_MAX_ID_BYTES, &s)) != 0 ||
            (rc = set_type(req, s, &rd->path, rd->err)) != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    mark = PRICING__PUSH_LIT(&rd->path, "sku");
    if (m[SKU]) {
        if ((rc = read_sku(req, &req->sku, rd, m[SKU])) != 0)
            return rc;
    } else if (req->spec->nattrs > 0) {
        return pricing__error(rd->err, PRICING_MISSING_FIELD, &rd->path,
                              "\"sku\" is required: the spec has attributes");
    }
    pricing__path_pop(&rd->path, mark);
    if (m[FROM]) {
        mark = PRICING__PUSH_LIT(&rd->path, "from");
        if ((rc = read_sku(req, &req->from, rd, m[FROM])) != 0)
            return rc;
        req->has_from = 1;
        pricing__path_pop(&rd->path, mark);
    }
    if (m[PLAN]) {
        mark = PRICING__PUSH_LIT(&rd->path, "plan");
        if ((rc = pricing__rd_string(rd, m[PLAN], PRICING_MAX_ID_BYTES, &s)) != 0 ||
            (rc = set_plan(req, s, &rd->path, rd->err)) != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    if (m[COUNT]) {
        mark = PRICING__PUSH_LIT(&rd->path, "count");
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
        mark = PRICING__PUSH_LIT(&rd->path, "trial");
        if ((rc = pricing__rd_bool(rd, m[TRIAL], &req->trial)) != 0)
            return rc;
        pricing__path_pop(&rd->path, mark);
    }
    if ((m[START] &&
         (rc = read_date(rd, m[START], "start", &req->start, &req->has_start))) ||
        (m[END] && (rc = read_date(rd, m[END], "end", &req->end, &req->has_end))) ||
        (m[CHANGE] && (rc = read_date(rd, m[CHANGE], "change_date",
                                      &req->change_date, &req->has_change))) ||
        (m[CURRENT_END] &&
         (rc = read_date(rd, m[CURRENT_END], "current_end", &req->current_end,
                         &req->has_current_end))))
        return rc;
    if (m[DISCOUNT]) {
        mark = PRICING__PUSH_LIT(&rd->path, "discount");
        if ((rc = read_discount(req, rd, m[DISCOUNT])) != 0)
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
    return read_request(req, cat, &rd, node, prefix, 0);
}

static int request_from_doc(pricing_request **out,
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

int pricing__request_parse_pinned(pricing_request **out,
                                  const pricing_catalog *version,
                                  const char *json, size_t len,
                                  pricing_error *err)
{
    pricing__view_stack vs;
    pricing__view *view = pricing__view_stack_init(&vs);
    pricing__doc doc;
    pricing_request tmp;
    pricing__rd rd;
    int rc;

    *out = NULL;
    if ((rc = pricing__doc_view(&doc, view, json, len,
                                PRICING_MAX_REQUEST_BYTES, err)) != 0)
        return rc;
    rd.doc = &doc;
    rd.err = err;
    pricing__path_init(&rd.path);
    rc = read_request(&tmp, version, &rd, doc.root, "", 1);
    pricing__doc_dispose(&doc); /* a one-shot view keeps nothing */
    if (rc != 0)
        return rc;
    if (!(*out = malloc(sizeof **out)))
        return pricing__nomem(err);
    **out = tmp;
    return 0;
}

int pricing_request_parse(pricing_request **out, const pricing_catalog *cat,
                          const char *json, size_t len, pricing_error *err)
{
    pricing__view_stack vs;
    pricing__view *view = pricing__view_stack_init(&vs);
    pricing__doc doc;
    int rc;

    if (out)
        *out = NULL;
    if (!out || !cat || (!json && len > 0))
        return bad_arg(err, "pricing_request_parse");
    if ((rc = pricing__doc_view(&doc, view, json ? json : "", len,
                                PRICING_MAX_REQUEST_BYTES, err)) != 0)
        return rc;
    rc = request_from_doc(out, cat, &doc, doc.root, "", err);
    pricing__doc_dispose(&doc);
    return rc;
}
