/* SPDX-License-Identifier: MIT */
/* request_when.c - a request's "currency", "date" and "bought" (contract
 * 1.2): read from JSON, set through the typed API, checked at compute. */
#include <string.h>

#include "request.h"

static int is_code(const char *s)
{
    int i;
    for (i = 0; i < 3; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return s[3] == '\0';
}

static int read_day(pricing__rd *rd, const cJSON *node, const char *key,
                    pricing__date *d)
{
    const char *s;
    int rc = pricing__rd_string(rd, node, PRICING_MAX_STRING_BYTES, &s);
    if (rc != 0)
        return rc;
    if (pricing__date_parse(d, s, strlen(s)) != 0)
        return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                              "%s is a date YYYY-MM-DD from 0001-01-01 to "
                              "9999-12-31", key);
    return 0;
}

static int is_new(const cJSON *type)
{
    return !type || (cJSON_IsString(type) &&
                     strcmp(type->valuestring, "new") == 0);
}

int pricing__when_read(pricing__rd *rd, const cJSON *currency,
                       const cJSON *date, const cJSON *bought,
                       const cJSON *type, pricing__when *w)
{
    size_t mark;
    int rc;

    memset(w, 0, sizeof *w);
    if (date) {
        mark = pricing__path_push_key(&rd->path, "date", 4);
        if ((rc = read_day(rd, date, "date", &w->date)) != 0)
            return rc;
        w->has_date = 1;
        pricing__path_pop(&rd->path, mark);
    }
    if (bought) {
        mark = pricing__path_push_key(&rd->path, "bought", 6);
        if (is_new(type))
            return pricing__error(rd->err, PRICING_UNKNOWN_FIELD, &rd->path,
                                  "bought belongs to renew, upgrade and "
                                  "scale_out requests");
        if ((rc = read_day(rd, bought, "bought", &w->bought)) != 0)
            return rc;
        if (w->has_date && pricing__date_ordinal(&w->bought) >
                               pricing__date_ordinal(&w->date))
            return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                                  "bought is after date");
        w->has_bought = 1;
        pricing__path_pop(&rd->path, mark);
    }
    if (currency) {
        mark = pricing__path_push_key(&rd->path, "currency", 8);
        if (!cJSON_IsString(currency))
            return pricing__rd_wrong_type(rd, currency, "a currency code");
        if (!is_code(currency->valuestring))
            return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                                  "currency is an ISO 4217 code of three "
                                  "capital letters, e.g. \"USD\"");
        memcpy(w->currency, currency->valuestring, 4);
        w->has_currency = 1;
        pricing__path_pop(&rd->path, mark);
    }
    return 0;
}

int pricing__when_check(const pricing_request *req, pricing_error *err)
{
    const pricing__when *w = &req->when;
    pricing__path p;

    if (!w->has_bought)
        return 0;
    pricing__path_init(&p);
    if (req->prefix[0])
        pricing__path_push_key(&p, req->prefix + 1, strlen(req->prefix + 1));
    pricing__path_push_key(&p, "bought", 6);
    if (req->type == PRICING__NEW)
        return pricing__error(err, PRICING_UNKNOWN_FIELD, &p,
                              "bought belongs to renew, upgrade and "
                              "scale_out requests");
    if (w->has_date &&
        pricing__date_ordinal(&w->bought) > pricing__date_ordinal(&w->date))
        return pricing__error(err, PRICING_INVALID_VALUE, &p,
                              "bought is after date");
    return 0;
}

/* ---------------------------------------------------------------- typed */

/* Whether values set for spec a mean the same for spec b. */
static int same_attrs(const pricing__spec *a, const pricing__spec *b)
{
    size_t i, k;
    if (!pricing__spec_same_shape(a, b))
        return 0;
    for (i = 0; i < a->nattrs; i++) {
        const pricing__attr *x = &a->attrs[i], *y = &b->attrs[i];
        if (x->nvalues != y->nvalues)
            return 0;
        for (k = 0; k < x->nvalues; k++)
            if (strcmp(x->values[k], y->values[k]) != 0)
                return 0;
    }
    return 1;
}

/* Points req at the variant w selects, keeping what still applies. */
static int reselect(pricing_request *req, const pricing__when *w,
                    pricing_error *err)
{
    const pricing_catalog *cat;
    const pricing__spec *spec;
    long s;
    int rc;

    if ((rc = pricing__when_select(&cat, req->cat, w, "", err)) != 0)
        return rc;
    s = pricing__index_find(&cat->spec_index, req->spec->id,
                            strlen(req->spec->id));
    if (s < 0)
        return pricing__error_at(err, PRICING_UNKNOWN_SPEC, "/spec",
                                 "this version of the catalog has no spec "
                                 "\"%.64s\"", req->spec->id);
    spec = &cat->specs[s];
    if (!same_attrs(req->spec, spec)) {
        memset(req->sku.set, 0, sizeof req->sku.set);
        memset(req->from.set, 0, sizeof req->from.set);
        req->has_from = 0;
    }
    if (req->plan >= 0 && !(spec->plans & (1u << req->plan)))
        req->plan = -1;
    req->cat = cat;
    req->spec = spec;
    req->when = *w;
    return 0;
}

static int bad_arg(pricing_error *err, const char *fn)
{
    return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                             "%s: NULL argument", fn);
}

int pricing_request_set_currency(pricing_request *req, const char *code,
                                 pricing_error *err)
{
    pricing__when w;
    if (!req)
        return bad_arg(err, "pricing_request_set_currency");
    w = req->when;
    w.has_currency = code != NULL;
    if (code) {
        if (strlen(code) != 3 || !is_code(code))
            return pricing__error_at(err, PRICING_INVALID_VALUE, "/currency",
                                     "currency is an ISO 4217 code of three "
                                     "capital letters, e.g. \"USD\"");
        memcpy(w.currency, code, 4);
    }
    return reselect(req, &w, err);
}

static int set_day(pricing_request *req, const char *date, int bought,
                   pricing_error *err)
{
    pricing__when w = req->when;
    pricing__date d;
    int *has = bought ? &w.has_bought : &w.has_date;
    const char *path = bought ? "/bought" : "/date";

    *has = date != NULL;
    if (date) {
        if (pricing__date_parse(&d, date, strlen(date)) != 0)
            return pricing__error_at(err, PRICING_INVALID_VALUE, path,
                                     "%s is a date YYYY-MM-DD from "
                                     "0001-01-01 to 9999-12-31",
                                     path + 1);
        if (bought)
            w.bought = d;
        else
            w.date = d;
    }
    return reselect(req, &w, err);
}

int pricing_request_set_date(pricing_request *req, const char *date,
                             pricing_error *err)
{
    if (!req)
        return bad_arg(err, "pricing_request_set_date");
    return set_day(req, date, 0, err);
}

int pricing_request_set_bought(pricing_request *req, const char *date,
                               pricing_error *err)
{
    if (!req)
        return bad_arg(err, "pricing_request_set_bought");
    return set_day(req, date, 1, err);
}
