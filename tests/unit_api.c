/* SPDX-License-Identifier: MIT */
/* unit_api.c - the public C API (pricing.h) end to end.
 *
 * NULL arguments, the error struct, code names, typed requests and their
 * errors, quote accessors, quote reuse, the JSON driver against the typed
 * API, locale independence, host allocators (cJSON and GMP hooks) and
 * threads sharing one catalog.
 */
#define _POSIX_C_SOURCE 200809L

#include <locale.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <gmp.h>

#include "pricing.h"
#include "unit.h"

/* ---------------------------------------------------------------- helpers */

/* JSON written with single quotes, turned into a malloc'ed exact-size
 * copy without terminator (*len set). */
static char *unquote(const char *sq, size_t *len)
{
    size_t n = strlen(sq), i;
    char *buf = malloc(n ? n : 1);
    ck_assert(buf != NULL);
    for (i = 0; i < n; i++)
        buf[i] = sq[i] == '\'' ? '"' : sq[i];
    *len = n;
    return buf;
}

/* The same, NUL-terminated. */
static char *unquote_z(const char *sq)
{
    size_t n = strlen(sq), i;
    char *buf = malloc(n + 1);
    ck_assert(buf != NULL);
    for (i = 0; i <= n; i++)
        buf[i] = sq[i] == '\'' ? '"' : sq[i];
    return buf;
}

static const char api_catalog[] =
    "{'catalog':'acme-crm','version':'2026-11','currency':'CNY','specs':["
    "{'id':'standard','name':'Standard edition','billing':'yearly_monthly',"
    " 'plans':['month','year'],"
    " 'counts':{'month':[1,2,3,6,9],'year':[1,2,3]},'trial_days':14,"
    " 'attributes':["
    "  {'id':'edition','type':'enum','values':['basic','pro','legacy']},"
    "  {'id':'users','type':'quantity','min':1,'max':1000,'step':1,"
    "   'unit':'user'}],"
    " 'template':'custom',"
    " 'skus':["
    "  {'sku':{'edition':'basic'},"
    "   'prices':{'month':{'quantities':{'users':{'linear':'30.00'}}},"
    "             'year':{'quantities':{'users':{'linear':'300.00'}}}}},"
    "  {'sku':{'edition':'pro'},"
    "   'prices':{'month':{'base':'100.00','quantities':{'users':"
    "              {'graduated':[{'up_to':10,'unit_price':'50.00'},"
    "                            {'up_to':null,'unit_price':'40.00'}]}}},"
    "             'year':'9999.00'}},"
    "  {'sku':{'edition':'legacy'},'available':false}]},"
    "{'id':'onprem-license','billing':'one_time','template':'simple',"
    " 'prices':{'one_time':'19999.00'}},"
    "{'id':'storage','billing':'yearly_monthly','template':'custom',"
    " 'attributes':[{'id':'gb','type':'quantity','min':10,'max':1000,"
    "  'step':10}],"
    " 'skus':[{'sku':{},'prices':{'month':{'quantities':{'gb':{'volume':["
    "  {'up_to':100,'unit_price':'0.1234'},"
    "  {'up_to':null,'unit_price':'0.1','flat':'2.5'}]}}}}}]}"
    "]}";

static pricing_catalog *load_catalog_sq(const char *sq)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    size_t len;
    char *json = unquote(sq, &len);
    int rc;
    pricing_error_init(&err);
    rc = pricing_catalog_load(&cat, json, len, &err);
    free(json);
    ck_assert_msg(rc == 0 && cat != NULL, "catalog: %s at \"%s\": %s",
                  pricing_code_name(err.code), err.path, err.message);
    return cat;
}

static pricing_catalog *api_cat(void)
{
    return load_catalog_sq(api_catalog);
}

#define EXPECT_ERROR(rc, err, ecode, epath)                                    \
    do {                                                                       \
        ck_assert_msg((rc) == -(int)(ecode) && (err).code == (ecode) &&        \
                          strcmp((err).path, (epath)) == 0,                    \
                      "rc %d, %s at \"%s\" (%s); expected %s at \"%s\"",       \
                      (rc), pricing_code_name((err).code), (err).path,         \
                      (err).message, pricing_code_name(ecode), (epath));      \
    } while (0)

/* ---------------------------------------------------------------- requests */

/* One request, as JSON and as typed calls. */
typedef struct attr_val {
    const char *name;
    const char *value; /* enum value, or NULL for a quantity */
    uint64_t qty;
} attr_val;

typedef struct req_case {
    const char *json; /* single quotes */
    const char *spec;
    attr_val attrs[4];
    const char *plan;
    int has_count;
    uint64_t count;
    int trial;
    const char *start;
} req_case;

#define A_ENUM(n, v) {(n), (v), 0}
#define A_QTY(n, q) {(n), NULL, (q)}

static const req_case cases[] = {
    /* 0: the contract's example */
    {"{'spec':'standard','sku':{'edition':'pro','users':25},'plan':'month',"
     "'count':3,'start':'2026-01-31'}",
     "standard", {A_ENUM("edition", "pro"), A_QTY("users", 25)}, "month", 1,
     3, 0, "2026-01-31"},
    /* 1 */
    {"{'spec':'standard','sku':{'edition':'basic','users':7},'plan':'year',"
     "'count':2}",
     "standard", {A_ENUM("edition", "basic"), A_QTY("users", 7)}, "year", 1,
     2, 0, NULL},
    /* 2 */
    {"{'spec':'standard','sku':{'edition':'pro','users':1000},'plan':'year'}",
     "standard", {A_ENUM("edition", "pro"), A_QTY("users", 1000)}, "year", 0,
     0, 0, NULL},
    /* 3: a trial */
    {"{'spec':'standard','sku':{'edition':'pro','users':10},'plan':'month',"
     "'trial':true,'start':'2024-02-29'}",
     "standard", {A_ENUM("edition", "pro"), A_QTY("users", 10)}, "month", 0,
     0, 1, "2024-02-29"},
    /* 4 */
    {"{'spec':'onprem-license'}", "onprem-license", {{NULL, NULL, 0}}, NULL,
     0, 0, 0, NULL},
    /* 5 */
    {"{'spec':'onprem-license','start':'2026-03-01','count':1}",
     "onprem-license", {{NULL, NULL, 0}}, NULL, 1, 1, 0, "2026-03-01"},
    /* 6 */
    {"{'spec':'storage','sku':{'gb':30}}", "storage", {A_QTY("gb", 30)},
     NULL, 0, 0, 0, NULL},
    /* 7 */
    {"{'spec':'storage','sku':{'gb':200},'count':120,'start':'2026-01-31'}",
     "storage", {A_QTY("gb", 200)}, NULL, 1, 120, 0, "2026-01-31"},
    /* 8 */
    {"{'spec':'storage','sku':{'gb':100},'plan':'month','count':7}",
     "storage", {A_QTY("gb", 100)}, "month", 1, 7, 0, NULL},
    /* 9 */
    {"{'spec':'standard','sku':{'users':1,'edition':'pro'},'plan':'month',"
     "'count':9,'trial':false}",
     "standard", {A_QTY("users", 1), A_ENUM("edition", "pro")}, "month", 1, 9,
     0, NULL},
    /* 10: errors from here on */
    {"{'spec':'nope'}", "nope", {{NULL, NULL, 0}}, NULL, 0, 0, 0, NULL},
    /* 11 */
    {"{'spec':'standard','sku':{'edition':'pro','x':1}}", "standard",
     {A_ENUM("edition", "pro"), A_QTY("x", 1)}, NULL, 0, 0, 0, NULL},
    /* 12 */
    {"{'spec':'standard','sku':{'edition':'gold','users':5},'plan':'month'}",
     "standard", {A_ENUM("edition", "gold"), A_QTY("users", 5)}, "month", 0,
     0, 0, NULL},
    /* 13 */
    {"{'spec':'standard','sku':{'edition':'pro','users':1001},'plan':'month'}",
     "standard", {A_ENUM("edition", "pro"), A_QTY("users", 1001)}, "month", 0,
     0, 0, NULL},
    /* 14 */
    {"{'spec':'standard','sku':{'edition':'pro','users':0},'plan':'month'}",
     "standard", {A_ENUM("edition", "pro"), A_QTY("users", 0)}, "month", 0,
     0, 0, NULL},
    /* 15 */
    {"{'spec':'storage','sku':{'gb':35}}", "storage", {A_QTY("gb", 35)},
     NULL, 0, 0, 0, NULL},
    /* 16 */
    {"{'spec':'standard','sku':{'edition':'pro','users':5},'plan':'week'}",
     "standard", {A_ENUM("edition", "pro"), A_QTY("users", 5)}, "week", 0, 0,
     0, NULL},
    /* 17 */
    {"{'spec':'onprem-license','plan':'month'}", "onprem-license",
     {{NULL, NULL, 0}}, "month", 0, 0, 0, NULL},
    /* 18 */
    {"{'spec':'standard','sku':{'edition':'pro'},'plan':'month'}",
     "standard", {A_ENUM("edition", "pro")}, "month", 0, 0, 0, NULL},
    /* 19 */
    {"{'spec':'standard','sku':{'edition':'pro','users':5},'plan':'month',"
     "'count':4}",
     "standard", {A_ENUM("edition", "pro"), A_QTY("users", 5)}, "month", 1, 4,
     0, NULL},
    /* 20 */
    {"{'spec':'onprem-license','count':2}", "onprem-license",
     {{NULL, NULL, 0}}, NULL, 1, 2, 0, NULL},
    /* 21 */
    {"{'spec':'storage','sku':{'gb':10},'count':121}", "storage",
     {A_QTY("gb", 10)}, NULL, 1, 121, 0, NULL},
    /* 22 */
    {"{'spec':'storage','sku':{'gb':10},'count':0}", "storage",
     {A_QTY("gb", 10)}, NULL, 1, 0, 0, NULL},
    /* 23 */
    {"{'spec':'onprem-license','trial':true}", "onprem-license",
     {{NULL, NULL, 0}}, NULL, 0, 0, 1, NULL},
    /* 24 */
    {"{'spec':'storage','sku':{'gb':10},'trial':true}", "storage",
     {A_QTY("gb", 10)}, NULL, 0, 0, 1, NULL},
    /* 25 */
    {"{'spec':'standard','sku':{'edition':'legacy','users':5},"
     "'plan':'month'}",
     "standard", {A_ENUM("edition", "legacy"), A_QTY("users", 5)}, "month", 0,
     0, 0, NULL},
    /* 26 */
    {"{'spec':'standard','sku':{'edition':'pro','users':5}}", "standard",
     {A_ENUM("edition", "pro"), A_QTY("users", 5)}, NULL, 0, 0, 0, NULL},
    /* 27 */
    {"{'spec':'standard','sku':{'edition':'pro','users':5},'plan':'month',"
     "'start':'2026-02-30'}",
     "standard", {A_ENUM("edition", "pro"), A_QTY("users", 5)}, "month", 0, 0,
     0, "2026-02-30"},
    /* 28 */
    {"{'spec':'standard','sku':{'users':5,'edition':'basic'},'plan':'month',"
     "'count':9,'start':'9999-06-30'}",
     "standard", {A_QTY("users", 5), A_ENUM("edition", "basic")}, "month", 1,
     9, 0, "9999-06-30"},
    /* 29: valid again (a wrong type's message differs between the front
     * ends: "expected an integer" from JSON, "give an integer" typed) */
    {"{'spec':'standard','sku':{'edition':'basic','users':1000},"
     "'plan':'month','count':6}",
     "standard", {A_ENUM("edition", "basic"), A_QTY("users", 1000)}, "month",
     1, 6, 0, NULL},
    /* 30 */
    {"{'spec':'storage','sku':{'gb':1000},'plan':'month','count':120}",
     "storage", {A_QTY("gb", 1000)}, "month", 1, 120, 0, NULL},
};
#define NCASES (sizeof cases / sizeof cases[0])
/* The cases that quote; the others are errors. */
#define VALID(c) ((c) < 10 || (c) == 29 || (c) == 30)

/* Builds case c with typed calls, computes it into quote and writes the
 * quote or the error object into buf; returns the first rc. Thread-safe:
 * everything it touches is its own or read-only. */
static int typed_quote(pricing_buffer *buf, const pricing_catalog *cat,
                       const req_case *c, pricing_quote *quote,
                       unsigned flags, pricing_error *err)
{
    pricing_request *req = NULL;
    size_t i;
    int rc;

    pricing_error_init(err);
    rc = pricing_request_new(&req, cat, c->spec, err);
    for (i = 0; rc == 0 && i < 4 && c->attrs[i].name; i++)
        rc = c->attrs[i].value
                 ? pricing_request_set_enum(req, c->attrs[i].name,
                                            c->attrs[i].value, err)
                 : pricing_request_set_quantity(req, c->attrs[i].name,
                                                c->attrs[i].qty, err);
    if (rc == 0 && c->plan)
        rc = pricing_request_set_plan(req, c->plan, err);
    if (rc == 0 && c->has_count)
        rc = pricing_request_set_count(req, c->count, err);
    if (rc == 0 && c->trial)
        rc = pricing_request_set_trial(req, c->trial, err);
    if (rc == 0 && c->start)
        rc = pricing_request_set_start(req, c->start, err);
    if (rc == 0)
        rc = pricing_quote_compute(quote, req, err);
    if (rc == 0)
        rc = pricing_quote_write_json(buf, quote, flags, err);
    else if (pricing_error_write_json(buf, err, flags) != 0)
        rc = -1000;
    pricing_request_free(req);
    return rc;
}

/* The same through the JSON driver. */
static int json_quote(pricing_buffer *buf, const pricing_catalog *cat,
                      const req_case *c, pricing_quote *quote, unsigned flags,
                      pricing_error *err)
{
    size_t len;
    char *json = unquote(c->json, &len);
    int rc;
    pricing_error_init(err);
    rc = pricing_quote_json(buf, cat, json, len, quote, flags, err);
    free(json);
    return rc;
}

/* Every case (both flags) through both front ends into out[2 * NCASES]
 * (malloc'ed strings); asserts the front ends agree. */
static void all_cases(char **out, const pricing_catalog *cat)
{
    pricing_buffer a = PRICING_BUFFER_INIT, b = PRICING_BUFFER_INIT;
    pricing_quote *q = NULL;
    pricing_error err;
    size_t i;
    int f;

    ck_assert_int_eq(pricing_quote_new(&q, NULL), 0);
    for (f = 0; f < 2; f++) {
        unsigned flags = f ? PRICING_JSON_PRETTY : 0;
        for (i = 0; i < NCASES; i++) {
            int rc1 = typed_quote(&a, cat, &cases[i], q, flags, &err);
            int rc2 = json_quote(&b, cat, &cases[i], NULL, flags, &err);
            ck_assert_msg(rc1 == rc2, "case %zu: typed rc %d, JSON rc %d", i,
                          rc1, rc2);
            ck_assert_msg(a.size == strlen(a.data) && b.size == strlen(b.data),
                          "case %zu: size", i);
            ck_assert_msg(strcmp(a.data, b.data) == 0,
                          "case %zu flags %u:\n typed %s\n JSON  %s", i, flags,
                          a.data, b.data);
            out[f * NCASES + i] = strdup(a.data);
        }
    }
    pricing_quote_free(q);
    pricing_buffer_dispose(&a);
    pricing_buffer_dispose(&b);
}

static void free_cases(char **out)
{
    size_t i;
    for (i = 0; i < 2 * NCASES; i++)
        free(out[i]);
}

/* ---------------------------------------------------------------- NULL */

/* Hostile 41: NULL for every pointer argument. */
START_TEST(test_null_arguments)
{
    pricing_catalog *cat = api_cat(), *c2 = (pricing_catalog *)1;
    pricing_request *req = NULL, *r2 = (pricing_request *)1;
    pricing_quote *q = NULL, *q2;
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_line line;
    pricing_error err;
    mpq_t v;
    int rc;

#define NULL_CASE(call)                                                        \
    do {                                                                       \
        pricing_error_init(&err);                                              \
        rc = (call);                                                           \
        EXPECT_ERROR(rc, err, PRICING_INVALID_ARGUMENT, "");                   \
        ck_assert_msg(err.message[0] != '\0', "no message: %s", #call);       \
    } while (0)

    ck_assert_int_eq(pricing_request_new(&req, cat, "standard", NULL), 0);
    ck_assert_int_eq(pricing_quote_new(&q, NULL), 0);

    pricing_error_init(NULL);
    pricing_free(NULL);

    NULL_CASE(pricing_catalog_load(NULL, "{}", 2, &err));
    NULL_CASE(pricing_catalog_load(&c2, NULL, 5, &err));
    ck_assert_ptr_null(c2);
    ck_assert_int_eq(pricing_catalog_load(NULL, "{}", 2, NULL),
                     -PRICING_INVALID_ARGUMENT);
    ck_assert_int_eq(pricing_catalog_load(NULL, NULL, 0, NULL),
                     -PRICING_INVALID_ARGUMENT);
    NULL_CASE(pricing_catalog_load_file(NULL, "x.json", &err));
    c2 = (pricing_catalog *)1;
    NULL_CASE(pricing_catalog_load_file(&c2, NULL, &err));
    ck_assert_ptr_null(c2);
    pricing_catalog_free(NULL);
    NULL_CASE(pricing_catalog_check_rules(NULL, "koogallery", &err));
    NULL_CASE(pricing_catalog_check_rules(cat, NULL, &err));
    NULL_CASE(pricing_catalog_check_rules(cat, "nope", &err));
    ck_assert_ptr_null(pricing_catalog_id(NULL));
    ck_assert_ptr_null(pricing_catalog_version(NULL));
    ck_assert_ptr_null(pricing_catalog_currency(NULL));
    ck_assert_int_lt(pricing_catalog_minor_units(NULL), 0);
    ck_assert_uint_eq(pricing_catalog_spec_count(NULL), 0);
    ck_assert_uint_eq(pricing_catalog_sku_count(NULL), 0);

    NULL_CASE(pricing_request_new(NULL, cat, "standard", &err));
    NULL_CASE(pricing_request_new(&r2, NULL, "standard", &err));
    ck_assert_ptr_null(r2);
    r2 = (pricing_request *)1;
    NULL_CASE(pricing_request_new(&r2, cat, NULL, &err));
    ck_assert_ptr_null(r2);
    pricing_request_free(NULL);
    pricing_request_reset(NULL);
    NULL_CASE(pricing_request_set_enum(NULL, "edition", "pro", &err));
    NULL_CASE(pricing_request_set_enum(req, NULL, "pro", &err));
    NULL_CASE(pricing_request_set_enum(req, "edition", NULL, &err));
    NULL_CASE(pricing_request_set_quantity(NULL, "users", 5, &err));
    NULL_CASE(pricing_request_set_quantity(req, NULL, 5, &err));
    NULL_CASE(pricing_request_set_plan(NULL, "month", &err));
    NULL_CASE(pricing_request_set_plan(req, NULL, &err));
    NULL_CASE(pricing_request_set_count(NULL, 1, &err));
    NULL_CASE(pricing_request_set_trial(NULL, 1, &err));
    NULL_CASE(pricing_request_set_start(NULL, "2026-01-01", &err));
    /* NULL clears the start: documented, not an error. */
    ck_assert_int_eq(pricing_request_set_start(req, NULL, NULL), 0);
    NULL_CASE(pricing_request_parse(NULL, cat, "{}", 2, &err));
    r2 = (pricing_request *)1;
    NULL_CASE(pricing_request_parse(&r2, NULL, "{}", 2, &err));
    ck_assert_ptr_null(r2);
    r2 = (pricing_request *)1;
    NULL_CASE(pricing_request_parse(&r2, cat, NULL, 2, &err));
    ck_assert_ptr_null(r2);

    NULL_CASE(pricing_quote_new(NULL, &err));
    pricing_quote_free(NULL);
    NULL_CASE(pricing_quote_compute(NULL, req, &err));
    NULL_CASE(pricing_quote_compute(q, NULL, &err));
    ck_assert_ptr_null(pricing_quote_total(NULL));
    ck_assert_ptr_null(pricing_quote_exact_total(NULL));
    ck_assert_ptr_null(pricing_quote_period_total(NULL));
    ck_assert_ptr_null(pricing_quote_after_trial_total(NULL));
    ck_assert_int_eq(pricing_quote_is_trial(NULL), 0);
    ck_assert_uint_eq(pricing_quote_line_count(NULL), 0);
    NULL_CASE(pricing_quote_line(NULL, q, 0, &err));
    NULL_CASE(pricing_quote_line(&line, NULL, 0, &err));
    mpq_init(v);
    mpq_set_ui(v, 7, 3);
    pricing_quote_total_mpq(NULL, q);
    pricing_quote_exact_total_mpq(NULL, q);
    pricing_quote_total_mpq(v, NULL);
    ck_assert_int_eq(mpq_sgn(v), 0);
    mpq_set_ui(v, 7, 3);
    pricing_quote_exact_total_mpq(v, NULL);
    ck_assert_int_eq(mpq_sgn(v), 0);
    mpq_clear(v);

    /* A quote that holds no result. */
    ck_assert_ptr_null(pricing_quote_total(q));
    ck_assert_ptr_null(pricing_quote_exact_total(q));
    ck_assert_ptr_null(pricing_quote_period_total(q));
    ck_assert_ptr_null(pricing_quote_after_trial_total(q));
    ck_assert_uint_eq(pricing_quote_line_count(q), 0);
    NULL_CASE(pricing_quote_line(&line, q, 0, &err));
    NULL_CASE(pricing_quote_write_json(&buf, q, 0, &err));

    pricing_buffer_dispose(NULL);
    NULL_CASE(pricing_quote_write_json(NULL, q, 0, &err));
    NULL_CASE(pricing_quote_write_json(&buf, NULL, 0, &err));
    ck_assert_int_eq(pricing_error_write_json(NULL, &err, 0),
                     -PRICING_INVALID_ARGUMENT);
    ck_assert_int_eq(pricing_error_write_json(&buf, NULL, 0),
                     -PRICING_INVALID_ARGUMENT);
    NULL_CASE(pricing_catalog_write_summary(NULL, cat, 0, &err));
    NULL_CASE(pricing_catalog_write_summary(&buf, NULL, 0, &err));

    /* The drivers leave the error object in the buffer. */
    NULL_CASE(pricing_quote_json(NULL, cat, "{}", 2, NULL, 0, &err));
    NULL_CASE(pricing_quote_json(&buf, NULL, "{}", 2, NULL, 0, &err));
    ck_assert_str_eq(buf.data,
                     "{\"error\":{\"code\":\"invalid_argument\",\"path\":\"\","
                     "\"message\":\"pricing_quote_json: NULL argument\"}}");
    NULL_CASE(pricing_quote_json(&buf, cat, NULL, 2, NULL, 0, &err));
    ck_assert_int_eq(pricing_quote_json(&buf, cat, NULL, 2, NULL, 0, NULL),
                     -PRICING_INVALID_ARGUMENT);
    ck_assert_ptr_nonnull(strstr(buf.data, "\"invalid_argument\""));
    NULL_CASE(pricing_envelope_quote_json(NULL, "{}", 2, 0, &err));
    NULL_CASE(pricing_envelope_quote_json(&buf, NULL, 2, 0, &err));
    ck_assert_ptr_nonnull(strstr(buf.data, "\"invalid_argument\""));

    /* len 0: empty input, a syntax error at offset 0 (hostile 1), with or
     * without a buffer; nothing is read. */
    c2 = (pricing_catalog *)1;
    pricing_error_init(&err);
    rc = pricing_catalog_load(&c2, NULL, 0, &err);
    EXPECT_ERROR(rc, err, PRICING_JSON_SYNTAX, "");
    ck_assert_ptr_null(c2);
    ck_assert_uint_eq(err.position, 0);
    pricing_error_init(&err);
    rc = pricing_catalog_load(&c2, "{}", 0, &err);
    EXPECT_ERROR(rc, err, PRICING_JSON_SYNTAX, "");
    pricing_error_init(&err);
    rc = pricing_request_parse(&r2, cat, "{}", 0, &err);
    EXPECT_ERROR(rc, err, PRICING_JSON_SYNTAX, "");
    ck_assert_ptr_null(r2);
    pricing_error_init(&err);
    rc = pricing_quote_json(&buf, cat, NULL, 0, NULL, 0, &err);
    EXPECT_ERROR(rc, err, PRICING_JSON_SYNTAX, "");
    pricing_error_init(&err);
    rc = pricing_envelope_quote_json(&buf, "{}", 0, 0, &err);
    EXPECT_ERROR(rc, err, PRICING_JSON_SYNTAX, "");

    /* Out-of-range line index. */
    ck_assert_int_eq(pricing_request_set_enum(req, "edition", "basic", NULL),
                     0);
    ck_assert_int_eq(pricing_request_set_quantity(req, "users", 3, NULL), 0);
    ck_assert_int_eq(pricing_request_set_plan(req, "month", NULL), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, NULL), 0);
    ck_assert_uint_eq(pricing_quote_line_count(q), 1);
    ck_assert_int_eq(pricing_quote_line(&line, q, 0, NULL), 0);
    NULL_CASE(pricing_quote_line(&line, q, 1, &err));
    NULL_CASE(pricing_quote_line(&line, q, (size_t)-1, &err));

    /* A second quote object, freed unused. */
    ck_assert_int_eq(pricing_quote_new(&q2, &err), 0);
    pricing_quote_free(q2);

    pricing_buffer_dispose(&buf);
    pricing_quote_free(q);
    pricing_request_free(req);
    pricing_catalog_free(cat);
#undef NULL_CASE
}
END_TEST

START_TEST(test_buffer_dispose)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_buffer zero;
    pricing_catalog *cat;

    pricing_buffer_dispose(&buf); /* empty */
    ck_assert_ptr_null(buf.data);
    ck_assert_uint_eq(buf.size, 0);
    ck_assert_uint_eq(buf.capacity, 0);
    pricing_buffer_dispose(&buf); /* twice */
    memset(&zero, 0, sizeof zero);
    pricing_buffer_dispose(&zero);

    cat = api_cat();
    ck_assert_int_eq(pricing_catalog_write_summary(&buf, cat, 0, NULL), 0);
    ck_assert_str_eq(buf.data,
                     "{\"valid\":true,\"catalog\":\"acme-crm\",\"version\":"
                     "\"2026-11\",\"currency\":\"CNY\",\"minor_units\":2,"
                     "\"specs\":3,\"skus\":5}");
    ck_assert_uint_eq(buf.size, strlen(buf.data));
    ck_assert_uint_ge(buf.capacity, buf.size + 1);
    pricing_buffer_dispose(&buf);
    ck_assert_ptr_null(buf.data);
    ck_assert_uint_eq(buf.size, 0);
    ck_assert_uint_eq(buf.capacity, 0);
    /* A disposed buffer is reusable. */
    ck_assert_int_eq(pricing_catalog_write_summary(&buf, cat,
                                                   PRICING_JSON_PRETTY, NULL),
                     0);
    ck_assert_str_eq(buf.data, "{\n"
                               "  \"valid\": true,\n"
                               "  \"catalog\": \"acme-crm\",\n"
                               "  \"version\": \"2026-11\",\n"
                               "  \"currency\": \"CNY\",\n"
                               "  \"minor_units\": 2,\n"
                               "  \"specs\": 3,\n"
                               "  \"skus\": 5\n"
                               "}");
    pricing_buffer_dispose(&buf);
    pricing_catalog_free(cat);
}
END_TEST

/* ---------------------------------------------------------------- errors */

START_TEST(test_first_error_wins)
{
    pricing_catalog *cat = api_cat(), *c2 = NULL;
    pricing_request *req = NULL;
    pricing_error err, copy;
    size_t len;
    char *bad;
    int rc;

    ck_assert_int_eq(pricing_request_new(&req, cat, "standard", NULL), 0);
    pricing_error_init(&err);
    ck_assert_int_eq(err.code, PRICING_OK);
    ck_assert_str_eq(err.path, "");
    ck_assert_str_eq(err.message, "");
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.column, 0);
    ck_assert_uint_eq(err.position, 0);

    rc = pricing_request_set_enum(req, "x", "a", &err);
    EXPECT_ERROR(rc, err, PRICING_UNKNOWN_ATTRIBUTE, "/sku/x");
    copy = err;
    /* Later failures return their own code but leave err alone. */
    rc = pricing_request_set_plan(req, "week", &err);
    ck_assert_int_eq(rc, -PRICING_PLAN_NOT_OFFERED);
    ck_assert_int_eq(err.code, PRICING_UNKNOWN_ATTRIBUTE);
    ck_assert_str_eq(err.path, "/sku/x");
    ck_assert_str_eq(err.message, copy.message);
    rc = pricing_request_set_quantity(req, "users", 5000, &err);
    ck_assert_int_eq(rc, -PRICING_QUANTITY_OUT_OF_RANGE);
    ck_assert_int_eq(memcmp(&err, &copy, sizeof err), 0);
    bad = unquote("{'catalog':'c'", &len);
    rc = pricing_catalog_load(&c2, bad, len, &err);
    ck_assert_int_eq(rc, -PRICING_JSON_SYNTAX);
    ck_assert_ptr_null(c2);
    ck_assert_int_eq(memcmp(&err, &copy, sizeof err), 0);
    /* The JSON driver's buffer describes its own failure even when err
     * holds an older one (the CLI's output cannot depend on it). */
    {
        pricing_buffer buf = PRICING_BUFFER_INIT;
        const char *head;
        rc = pricing_quote_json(&buf, cat, "{\"spec\":\"nope\"}", 15, NULL,
                                0, &err);
        ck_assert_int_eq(rc, -PRICING_UNKNOWN_SPEC);
        ck_assert_int_eq(memcmp(&err, &copy, sizeof err), 0);
        head =
            "{\"error\":{\"code\":\"unknown_spec\",\"path\":\"/spec\",";
        ck_assert_msg(strncmp(buf.data, head, strlen(head)) == 0, "%s",
                      buf.data);
        pricing_buffer_dispose(&buf);
    }
    /* Successes leave it alone too. */
    ck_assert_int_eq(pricing_request_set_plan(req, "month", &err), 0);
    ck_assert_int_eq(memcmp(&err, &copy, sizeof err), 0);

    /* After a reset the next error is recorded, syntax position included. */
    pricing_error_init(&err);
    rc = pricing_request_set_plan(req, "week", &err);
    EXPECT_ERROR(rc, err, PRICING_PLAN_NOT_OFFERED, "/plan");
    memset(&err, 0, sizeof err); /* zeroing works as well */
    rc = pricing_catalog_load(&c2, bad, len, &err);
    EXPECT_ERROR(rc, err, PRICING_JSON_SYNTAX, "");
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.column, 15);
    ck_assert_uint_eq(err.position, 14);
    free(bad);

    /* A syntax error on a later line. */
    bad = unquote("{\n  'a' 1}", &len);
    pricing_error_init(&err);
    rc = pricing_catalog_load(&c2, bad, len, &err);
    EXPECT_ERROR(rc, err, PRICING_JSON_SYNTAX, "");
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 7);
    ck_assert_uint_eq(err.position, 8);
    free(bad);
    {
        pricing_buffer buf = PRICING_BUFFER_INIT;
        const char *tail = "\",\"line\":2,\"column\":7}}";
        const char *head = "{\"error\":{\"code\":\"json_syntax\",\"path\":"
                           "\"\",\"message\":\"";
        ck_assert_int_eq(pricing_error_write_json(&buf, &err, 0), 0);
        ck_assert_msg(strncmp(buf.data, head, strlen(head)) == 0, "%s",
                      buf.data);
        ck_assert_msg(buf.size > strlen(tail) &&
                          strcmp(buf.data + buf.size - strlen(tail), tail) == 0,
                      "%s", buf.data);
        pricing_buffer_dispose(&buf);
    }

    pricing_request_free(req);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_code_names)
{
    static const char *const names[] = {
        "ok", "json_syntax", "limit_exceeded", "duplicate_key",
        "unknown_field", "missing_field", "wrong_type", "invalid_amount",
        "inexact_number", "invalid_value", "duplicate_id", "sku_missing",
        "sku_duplicate", "tier_order", "tier_coverage", "unpriced_attribute",
        "unknown_spec", "unknown_attribute", "unknown_value",
        "missing_attribute", "quantity_out_of_range", "quantity_step",
        "plan_not_offered", "count_not_allowed", "trial_not_offered",
        "sku_unavailable", "invalid_argument", "out_of_memory", "io_error",
        "not_an_upgrade", "not_a_scale_out", "currency_not_offered",
        "no_version"};
    int i;
    ck_assert_int_eq((int)(sizeof names / sizeof names[0]),
                     PRICING_CODE_COUNT_);
    for (i = 0; i < PRICING_CODE_COUNT_; i++)
        ck_assert_str_eq(pricing_code_name((pricing_code)i), names[i]);
    /* The enum values the contract's codes map to. */
    ck_assert_str_eq(pricing_code_name(PRICING_SKU_UNAVAILABLE),
                     "sku_unavailable");
    ck_assert_str_eq(pricing_code_name(PRICING_TIER_COVERAGE),
                     "tier_coverage");
    ck_assert_str_eq(pricing_code_name(PRICING_INEXACT_NUMBER),
                     "inexact_number");
    ck_assert_str_eq(pricing_code_name(PRICING_CODE_COUNT_), "unknown");
    ck_assert_str_eq(pricing_code_name((pricing_code)-1), "unknown");
    ck_assert_str_eq(pricing_code_name((pricing_code)1000), "unknown");
    ck_assert_str_eq(pricing_code_name((pricing_code)INT32_MIN), "unknown");
}
END_TEST

START_TEST(test_version)
{
    ck_assert_str_eq(pricing_version_string(), PRICING_VERSION_STRING);
    ck_assert_uint_eq(pricing_version_hex(), PRICING_VERSION_HEX);
    ck_assert_str_eq(pricing_format_version(), "1.2");
    ck_assert_uint_eq(pricing_error_size(), sizeof(pricing_error));
}
END_TEST

/* ---------------------------------------------------------------- typed */

START_TEST(test_typed_errors)
{
    pricing_catalog *cat = api_cat();
    pricing_request *req = NULL, *one = NULL, *st = NULL;
    pricing_quote *q = NULL;
    pricing_error err;
    int rc;

#define EXPECT(call, ecode, epath)                                             \
    do {                                                                       \
        pricing_error_init(&err);                                              \
        rc = (call);                                                           \
        EXPECT_ERROR(rc, err, ecode, epath);                                   \
    } while (0)

    EXPECT(pricing_request_new(&req, cat, "nope", &err), PRICING_UNKNOWN_SPEC,
           "/spec");
    ck_assert_ptr_null(req);
    EXPECT(pricing_request_new(&req, cat, "", &err), PRICING_UNKNOWN_SPEC,
           "/spec");
    EXPECT(pricing_request_new(&req, cat, "Standard", &err),
           PRICING_UNKNOWN_SPEC, "/spec");
    ck_assert_int_eq(pricing_request_new(&req, cat, "standard", &err), 0);
    ck_assert_int_eq(pricing_request_new(&one, cat, "onprem-license", &err),
                     0);
    ck_assert_int_eq(pricing_request_new(&st, cat, "storage", &err), 0);
    ck_assert_int_eq(pricing_quote_new(&q, &err), 0);

    EXPECT(pricing_request_set_enum(req, "x", "basic", &err),
           PRICING_UNKNOWN_ATTRIBUTE, "/sku/x");
    EXPECT(pricing_request_set_quantity(req, "x", 1, &err),
           PRICING_UNKNOWN_ATTRIBUTE, "/sku/x");
    EXPECT(pricing_request_set_enum(req, "a/b~c", "basic", &err),
           PRICING_UNKNOWN_ATTRIBUTE, "/sku/a~1b~0c");
    EXPECT(pricing_request_set_enum(req, "Edition", "basic", &err),
           PRICING_UNKNOWN_ATTRIBUTE, "/sku/Edition");
    EXPECT(pricing_request_set_enum(req, "edition", "gold", &err),
           PRICING_UNKNOWN_VALUE, "/sku/edition");
    EXPECT(pricing_request_set_enum(req, "edition", "Basic", &err),
           PRICING_UNKNOWN_VALUE, "/sku/edition");
    EXPECT(pricing_request_set_enum(req, "users", "5", &err),
           PRICING_WRONG_TYPE, "/sku/users");
    EXPECT(pricing_request_set_quantity(req, "edition", 1, &err),
           PRICING_WRONG_TYPE, "/sku/edition");
    EXPECT(pricing_request_set_quantity(req, "users", 0, &err),
           PRICING_QUANTITY_OUT_OF_RANGE, "/sku/users");
    EXPECT(pricing_request_set_quantity(req, "users", 1001, &err),
           PRICING_QUANTITY_OUT_OF_RANGE, "/sku/users");
    ck_assert_str_eq(err.message, "users = 1001 is above the maximum 1000");
    EXPECT(pricing_request_set_quantity(req, "users", UINT64_MAX, &err),
           PRICING_QUANTITY_OUT_OF_RANGE, "/sku/users");
    EXPECT(pricing_request_set_quantity(st, "gb", 35, &err),
           PRICING_QUANTITY_STEP, "/sku/gb");
    EXPECT(pricing_request_set_quantity(st, "gb", 5, &err),
           PRICING_QUANTITY_OUT_OF_RANGE, "/sku/gb");
    EXPECT(pricing_request_set_quantity(st, "gb", 1010, &err),
           PRICING_QUANTITY_OUT_OF_RANGE, "/sku/gb");
    ck_assert_int_eq(pricing_request_set_quantity(st, "gb", 10, &err), 0);
    ck_assert_int_eq(pricing_request_set_quantity(st, "gb", 1000, &err), 0);
    EXPECT(pricing_request_set_plan(req, "week", &err),
           PRICING_PLAN_NOT_OFFERED, "/plan");
    EXPECT(pricing_request_set_plan(req, "one_time", &err),
           PRICING_PLAN_NOT_OFFERED, "/plan");
    EXPECT(pricing_request_set_plan(req, "", &err), PRICING_PLAN_NOT_OFFERED,
           "/plan");
    EXPECT(pricing_request_set_plan(one, "month", &err),
           PRICING_PLAN_NOT_OFFERED, "/plan");
    EXPECT(pricing_request_set_plan(st, "year", &err),
           PRICING_PLAN_NOT_OFFERED, "/plan");
    EXPECT(pricing_request_set_start(req, "2026-02-30", &err),
           PRICING_INVALID_VALUE, "/start");
    EXPECT(pricing_request_set_start(req, "2026-1-1", &err),
           PRICING_INVALID_VALUE, "/start");
    EXPECT(pricing_request_set_start(req, "0000-01-01", &err),
           PRICING_INVALID_VALUE, "/start");
    EXPECT(pricing_request_set_start(req, "2026-01-01T00:00:00Z", &err),
           PRICING_INVALID_VALUE, "/start");

    /* Errors found when quoting. */
    ck_assert_int_eq(pricing_request_set_enum(req, "edition", "pro", &err),
                     0);
    EXPECT(pricing_quote_compute(q, req, &err), PRICING_MISSING_ATTRIBUTE,
           "/sku/users");
    ck_assert_ptr_null(pricing_quote_total(q));
    ck_assert_int_eq(pricing_request_set_quantity(req, "users", 5, &err), 0);
    EXPECT(pricing_quote_compute(q, req, &err), PRICING_MISSING_FIELD,
           "/plan");
    ck_assert_int_eq(pricing_request_set_plan(req, "month", &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);
    ck_assert_str_eq(pricing_quote_total(q), "350.00");
    ck_assert_int_eq(pricing_request_set_count(req, 4, &err), 0);
    EXPECT(pricing_quote_compute(q, req, &err), PRICING_COUNT_NOT_ALLOWED,
           "/count");
    /* The failed compute left the quote empty. */
    ck_assert_ptr_null(pricing_quote_total(q));
    ck_assert_ptr_null(pricing_quote_exact_total(q));
    ck_assert_uint_eq(pricing_quote_line_count(q), 0);
    ck_assert_int_eq(pricing_request_set_count(req, 0, &err), 0);
    EXPECT(pricing_quote_compute(q, req, &err), PRICING_COUNT_NOT_ALLOWED,
           "/count");
    ck_assert_int_eq(pricing_request_set_count(req, 9, &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);
    ck_assert_str_eq(pricing_quote_total(q), "3150.00");
    ck_assert_int_eq(pricing_request_set_plan(req, "year", &err), 0);
    EXPECT(pricing_quote_compute(q, req, &err), PRICING_COUNT_NOT_ALLOWED,
           "/count");
    ck_assert_int_eq(pricing_request_set_count(req, 3, &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);
    ck_assert_str_eq(pricing_quote_total(q), "29997.00");
    ck_assert_int_eq(pricing_request_set_enum(req, "edition", "legacy", &err),
                     0);
    EXPECT(pricing_quote_compute(q, req, &err), PRICING_SKU_UNAVAILABLE,
           "/sku");
    ck_assert_int_eq(pricing_request_set_enum(req, "edition", "basic", &err),
                     0);
    ck_assert_int_eq(pricing_request_set_trial(req, 1, &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);
    ck_assert_int_eq(pricing_quote_is_trial(q), 1);
    ck_assert_int_eq(pricing_request_set_trial(req, 0, &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);
    ck_assert_int_eq(pricing_quote_is_trial(q), 0);
    ck_assert_str_eq(pricing_quote_total(q), "4500.00");

    /* One-time: count 1 only, no trial. */
    ck_assert_int_eq(pricing_quote_compute(q, one, &err), 0);
    ck_assert_str_eq(pricing_quote_total(q), "19999.00");
    ck_assert_int_eq(pricing_request_set_plan(one, "one_time", &err), 0);
    ck_assert_int_eq(pricing_request_set_count(one, 2, &err), 0);
    EXPECT(pricing_quote_compute(q, one, &err), PRICING_COUNT_NOT_ALLOWED,
           "/count");
    ck_assert_int_eq(pricing_request_set_count(one, 1, &err), 0);
    ck_assert_int_eq(pricing_request_set_trial(one, 1, &err), 0);
    EXPECT(pricing_quote_compute(q, one, &err), PRICING_TRIAL_NOT_OFFERED,
           "/trial");
    ck_assert_int_eq(pricing_request_set_trial(st, 1, &err), 0);
    EXPECT(pricing_quote_compute(q, st, &err), PRICING_TRIAL_NOT_OFFERED,
           "/trial");
    ck_assert_int_eq(pricing_request_set_trial(st, 0, &err), 0);
    ck_assert_int_eq(pricing_request_set_count(st, 120, &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, st, &err), 0);
    ck_assert_int_eq(pricing_request_set_count(st, 121, &err), 0);
    EXPECT(pricing_quote_compute(q, st, &err), PRICING_COUNT_NOT_ALLOWED,
           "/count");
    ck_assert_int_eq(pricing_request_set_count(st, UINT64_MAX, &err), 0);
    EXPECT(pricing_quote_compute(q, st, &err), PRICING_COUNT_NOT_ALLOWED,
           "/count");

    /* The service would end after 9999-12-31. */
    ck_assert_int_eq(pricing_request_set_count(req, 3, &err), 0);
    ck_assert_int_eq(pricing_request_set_start(req, "9996-12-31", &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);
    ck_assert_int_eq(pricing_request_set_start(req, "9997-01-01", &err), 0);
    EXPECT(pricing_quote_compute(q, req, &err), PRICING_INVALID_VALUE,
           "/start");
    ck_assert_int_eq(pricing_request_set_start(req, NULL, &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);

    /* Reset forgets everything. */
    pricing_request_reset(req);
    EXPECT(pricing_quote_compute(q, req, &err), PRICING_MISSING_ATTRIBUTE,
           "/sku/edition");
    ck_assert_int_eq(pricing_request_set_enum(req, "edition", "basic", &err),
                     0);
    EXPECT(pricing_quote_compute(q, req, &err), PRICING_MISSING_ATTRIBUTE,
           "/sku/users");

    pricing_quote_free(q);
    pricing_request_free(req);
    pricing_request_free(one);
    pricing_request_free(st);
    pricing_catalog_free(cat);
#undef EXPECT
}
END_TEST

/* The contract's example quote, byte for byte. */
static const char contract_example[] =
    "{\"catalog\":\"acme-crm\",\"version\":\"2026-11\",\"spec\":\"standard\","
    "\"sku\":{\"edition\":\"pro\",\"users\":25},\"plan\":\"month\",\"count\":3,"
    "\"currency\":\"CNY\",\"lines\":["
    "{\"kind\":\"base\",\"quantity\":1,\"unit_price\":\"100.00\","
    "\"exact_amount\":\"300\",\"amount\":\"300.00\"},"
    "{\"kind\":\"tier\",\"attribute\":\"users\",\"rule\":\"graduated\","
    "\"tier\":1,\"from\":0,\"to\":10,\"quantity\":10,\"unit_price\":\"50.00\","
    "\"flat\":\"0\",\"exact_amount\":\"1500\",\"amount\":\"1500.00\"},"
    "{\"kind\":\"tier\",\"attribute\":\"users\",\"rule\":\"graduated\","
    "\"tier\":2,\"from\":10,\"to\":null,\"quantity\":15,\"unit_price\":"
    "\"40.00\",\"flat\":\"0\",\"exact_amount\":\"1800\",\"amount\":"
    "\"1800.00\"}],"
    "\"period_total\":\"1200.00\",\"exact_total\":\"3600\",\"total\":"
    "\"3600.00\",\"rounding\":{\"mode\":\"half_up\",\"at\":\"total\"},"
    "\"service\":{\"start\":\"2026-01-31\",\"end\":\"2026-04-30\"}}";

static void expect_line(pricing_quote *q, size_t i, const char *kind,
                        const char *attribute, const char *rule, uint32_t tier,
                        uint64_t from, uint64_t to, int has_to,
                        uint64_t quantity, const char *unit_price,
                        const char *flat, const char *exact,
                        const char *amount)
{
    pricing_line l;
    pricing_error err;
    pricing_error_init(&err);
    memset(&l, 0xA5, sizeof l);
    ck_assert_int_eq(pricing_quote_line(&l, q, i, &err), 0);
    ck_assert_str_eq(l.kind, kind);
    if (attribute)
        ck_assert_str_eq(l.attribute, attribute);
    else
        ck_assert_ptr_null(l.attribute);
    if (rule)
        ck_assert_str_eq(l.rule, rule);
    else
        ck_assert_ptr_null(l.rule);
    ck_assert_uint_eq(l.tier, tier);
    ck_assert_uint_eq(l.from, from);
    ck_assert_uint_eq(l.to, to);
    ck_assert_int_eq(l.has_to, has_to);
    ck_assert_uint_eq(l.quantity, quantity);
    ck_assert_str_eq(l.unit_price, unit_price);
    if (flat)
        ck_assert_str_eq(l.flat, flat);
    else
        ck_assert_ptr_null(l.flat);
    ck_assert_str_eq(l.exact_amount, exact);
    ck_assert_str_eq(l.amount, amount);
}

static void expect_mpq(void (*get)(void *, const pricing_quote *),
                       const pricing_quote *q, const char *want)
{
    mpq_t got, w;
    mpq_init(got);
    mpq_init(w);
    ck_assert_int_eq(mpq_set_str(w, want, 10), 0);
    mpq_canonicalize(w);
    mpq_set_ui(got, 12345, 7);
    get(got, q);
    ck_assert_msg(mpq_equal(got, w), "mpq: expected %s", want);
    mpq_clear(got);
    mpq_clear(w);
}

START_TEST(test_typed_quotes)
{
    pricing_catalog *cat = api_cat();
    pricing_quote *q = NULL;
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;

    ck_assert_int_eq(pricing_quote_new(&q, NULL), 0);

    /* The contract's example: graduated lines. */
    ck_assert_int_eq(typed_quote(&buf, cat, &cases[0], q, 0, &err), 0);
    ck_assert_str_eq(buf.data, contract_example);
    ck_assert_uint_eq(buf.size, strlen(contract_example));
    ck_assert_int_eq(pricing_quote_is_trial(q), 0);
    ck_assert_str_eq(pricing_quote_total(q), "3600.00");
    ck_assert_str_eq(pricing_quote_exact_total(q), "3600");
    ck_assert_str_eq(pricing_quote_period_total(q), "1200.00");
    ck_assert_str_eq(pricing_quote_after_trial_total(q), "3600.00");
    expect_mpq(pricing_quote_total_mpq, q, "3600");
    expect_mpq(pricing_quote_exact_total_mpq, q, "3600");
    ck_assert_uint_eq(pricing_quote_line_count(q), 3);
    expect_line(q, 0, "base", NULL, NULL, 0, 0, 0, 0, 1, "100.00", NULL,
                "300", "300.00");
    expect_line(q, 1, "tier", "users", "graduated", 1, 0, 10, 1, 10, "50.00",
                "0", "1500", "1500.00");
    expect_line(q, 2, "tier", "users", "graduated", 2, 10, 0, 0, 15, "40.00",
                "0", "1800", "1800.00");

    /* Linear, year. */
    ck_assert_int_eq(typed_quote(&buf, cat, &cases[1], q, 0, &err), 0);
    ck_assert_str_eq(
        buf.data,
        "{\"catalog\":\"acme-crm\",\"version\":\"2026-11\",\"spec\":"
        "\"standard\",\"sku\":{\"edition\":\"basic\",\"users\":7},\"plan\":"
        "\"year\",\"count\":2,\"currency\":\"CNY\",\"lines\":[{\"kind\":"
        "\"quantity\",\"attribute\":\"users\",\"rule\":\"linear\","
        "\"quantity\":7,\"unit_price\":\"300.00\",\"exact_amount\":\"4200\","
        "\"amount\":\"4200.00\"}],\"period_total\":\"2100.00\","
        "\"exact_total\":\"4200\",\"total\":\"4200.00\",\"rounding\":{"
        "\"mode\":\"half_up\",\"at\":\"total\"}}");
    ck_assert_str_eq(pricing_quote_total(q), "4200.00");
    ck_assert_str_eq(pricing_quote_exact_total(q), "4200");
    ck_assert_str_eq(pricing_quote_period_total(q), "2100.00");
    ck_assert_uint_eq(pricing_quote_line_count(q), 1);
    expect_line(q, 0, "quantity", "users", "linear", 0, 0, 0, 0, 7, "300.00",
                NULL, "4200", "4200.00");

    /* A fixed price for a spec with quantities. */
    ck_assert_int_eq(typed_quote(&buf, cat, &cases[2], q, 0, &err), 0);
    ck_assert_uint_eq(pricing_quote_line_count(q), 1);
    expect_line(q, 0, "fixed", NULL, NULL, 0, 0, 0, 0, 1, "9999.00", NULL,
                "9999", "9999.00");

    /* One-time with a start: no end. */
    ck_assert_int_eq(typed_quote(&buf, cat, &cases[5], q, 0, &err), 0);
    ck_assert_str_eq(
        buf.data,
        "{\"catalog\":\"acme-crm\",\"version\":\"2026-11\",\"spec\":"
        "\"onprem-license\",\"sku\":{},\"plan\":\"one_time\",\"count\":1,"
        "\"currency\":\"CNY\",\"lines\":[{\"kind\":\"fixed\",\"quantity\":1,"
        "\"unit_price\":\"19999.00\",\"exact_amount\":\"19999\",\"amount\":"
        "\"19999.00\"}],\"period_total\":\"19999.00\",\"exact_total\":"
        "\"19999\",\"total\":\"19999.00\",\"rounding\":{\"mode\":\"half_up\","
        "\"at\":\"total\"},\"service\":{\"start\":\"2026-03-01\"}}");

    /* Volume, sub-cent unit price: the exact total keeps every digit. */
    ck_assert_int_eq(typed_quote(&buf, cat, &cases[6], q, 0, &err), 0);
    ck_assert_str_eq(
        buf.data,
        "{\"catalog\":\"acme-crm\",\"version\":\"2026-11\",\"spec\":"
        "\"storage\",\"sku\":{\"gb\":30},\"plan\":\"month\",\"count\":1,"
        "\"currency\":\"CNY\",\"lines\":[{\"kind\":\"tier\",\"attribute\":"
        "\"gb\",\"rule\":\"volume\",\"tier\":1,\"from\":0,\"to\":100,"
        "\"quantity\":30,\"unit_price\":\"0.1234\",\"flat\":\"0\","
        "\"exact_amount\":\"3.702\",\"amount\":\"3.70\"}],\"period_total\":"
        "\"3.70\",\"exact_total\":\"3.702\",\"total\":\"3.70\",\"rounding\":{"
        "\"mode\":\"half_up\",\"at\":\"total\"}}");
    ck_assert_str_eq(pricing_quote_total(q), "3.70");
    ck_assert_str_eq(pricing_quote_exact_total(q), "3.702");
    ck_assert_str_eq(pricing_quote_period_total(q), "3.70");
    expect_mpq(pricing_quote_total_mpq, q, "37/10");
    expect_mpq(pricing_quote_exact_total_mpq, q, "1851/500");

    /* Volume, second tier with a flat fee, 120 months. */
    ck_assert_int_eq(typed_quote(&buf, cat, &cases[7], q, 0, &err), 0);
    ck_assert_str_eq(pricing_quote_total(q), "2700.00");
    ck_assert_str_eq(pricing_quote_exact_total(q), "2700");
    ck_assert_str_eq(pricing_quote_period_total(q), "22.50");
    expect_mpq(pricing_quote_total_mpq, q, "2700");
    expect_line(q, 0, "tier", "gb", "volume", 2, 100, 0, 0, 200, "0.1", "2.5",
                "2700", "2700.00");
    ck_assert_ptr_nonnull(
        strstr(buf.data, "\"service\":{\"start\":\"2026-01-31\",\"end\":"
                         "\"2036-01-31\"}"));

    /* At a tier boundary, 7 months: 100 x 0.1234 x 7. */
    ck_assert_int_eq(typed_quote(&buf, cat, &cases[8], q, 0, &err), 0);
    ck_assert_str_eq(pricing_quote_exact_total(q), "86.38");
    ck_assert_str_eq(pricing_quote_total(q), "86.38");
    ck_assert_str_eq(pricing_quote_period_total(q), "12.34");
    expect_mpq(pricing_quote_exact_total_mpq, q, "4319/50");
    expect_line(q, 0, "tier", "gb", "volume", 1, 0, 100, 1, 100, "0.1234",
                "0", "86.38", "86.38");

    /* Graduated in the first tier only. */
    ck_assert_int_eq(typed_quote(&buf, cat, &cases[9], q, 0, &err), 0);
    ck_assert_uint_eq(pricing_quote_line_count(q), 2);
    expect_line(q, 1, "tier", "users", "graduated", 1, 0, 10, 1, 1, "50.00",
                "0", "450", "450.00");
    ck_assert_str_eq(pricing_quote_total(q), "1350.00");

    pricing_buffer_dispose(&buf);
    pricing_quote_free(q);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_trial_quote)
{
    static const char expected[] =
        "{\"catalog\":\"acme-crm\",\"version\":\"2026-11\",\"spec\":"
        "\"standard\",\"sku\":{\"edition\":\"pro\",\"users\":10},\"plan\":"
        "\"month\",\"count\":1,\"currency\":\"CNY\",\"lines\":[],"
        "\"period_total\":\"0.00\",\"exact_total\":\"0\",\"total\":\"0.00\","
        "\"rounding\":{\"mode\":\"half_up\",\"at\":\"total\"},\"trial\":true,"
        "\"trial_days\":14,\"after_trial\":{\"lines\":["
        "{\"kind\":\"base\",\"quantity\":1,\"unit_price\":\"100.00\","
        "\"exact_amount\":\"100\",\"amount\":\"100.00\"},"
        "{\"kind\":\"tier\",\"attribute\":\"users\",\"rule\":\"graduated\","
        "\"tier\":1,\"from\":0,\"to\":10,\"quantity\":10,\"unit_price\":"
        "\"50.00\",\"flat\":\"0\",\"exact_amount\":\"500\",\"amount\":"
        "\"500.00\"}],\"period_total\":\"600.00\",\"exact_total\":\"600\","
        "\"total\":\"600.00\"},"
        "\"service\":{\"start\":\"2024-02-29\",\"end\":\"2024-03-14\"}}";
    pricing_catalog *cat = api_cat();
    pricing_quote *q = NULL;
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;

    ck_assert_int_eq(pricing_quote_new(&q, NULL), 0);
    ck_assert_int_eq(typed_quote(&buf, cat, &cases[3], q, 0, &err), 0);
    ck_assert_str_eq(buf.data, expected);
    ck_assert_int_eq(pricing_quote_is_trial(q), 1);
    ck_assert_str_eq(pricing_quote_total(q), "0.00");
    ck_assert_str_eq(pricing_quote_exact_total(q), "0");
    ck_assert_str_eq(pricing_quote_period_total(q), "0.00");
    ck_assert_str_eq(pricing_quote_after_trial_total(q), "600.00");
    expect_mpq(pricing_quote_total_mpq, q, "0");
    expect_mpq(pricing_quote_exact_total_mpq, q, "0");
    /* Lines are those of after_trial. */
    ck_assert_uint_eq(pricing_quote_line_count(q), 2);
    expect_line(q, 0, "base", NULL, NULL, 0, 0, 0, 0, 1, "100.00", NULL,
                "100", "100.00");
    expect_line(q, 1, "tier", "users", "graduated", 1, 0, 10, 1, 10, "50.00",
                "0", "500", "500.00");
    /* The same quote object, now without the trial. */
    ck_assert_int_eq(typed_quote(&buf, cat, &cases[0], q, 0, &err), 0);
    ck_assert_int_eq(pricing_quote_is_trial(q), 0);
    ck_assert_str_eq(buf.data, contract_example);
    pricing_buffer_dispose(&buf);
    pricing_quote_free(q);
    pricing_catalog_free(cat);
}
END_TEST

/* ---------------------------------------------------------------- rounding */

/* Seven lines of 0.145 (hostile 36) under each rounding policy. */
START_TEST(test_rounding_policies)
{
    static const struct {
        const char *mode, *at;
        uint64_t count;
        const char *total, *period, *exact;
        const char *amounts[7];
    } rc[] = {
        {"half_up", "total", 1, "1.02", "1.02", "1.015",
         {"0.15", "0.15", "0.15", "0.15", "0.14", "0.14", "0.14"}},
        {"half_up", "total", 3, "3.05", "1.02", "3.045",
         {"0.44", "0.44", "0.44", "0.44", "0.43", "0.43", "0.43"}},
        {"half_up", "period", 3, "3.06", "1.02", "3.045",
         {"0.45", "0.45", "0.45", "0.45", "0.42", "0.42", "0.42"}},
        {"half_up", "line", 1, "1.05", "1.05", "1.015",
         {"0.15", "0.15", "0.15", "0.15", "0.15", "0.15", "0.15"}},
        {"half_even", "line", 1, "0.98", "0.98", "1.015",
         {"0.14", "0.14", "0.14", "0.14", "0.14", "0.14", "0.14"}},
        {"half_even", "total", 1, "1.02", "1.02", "1.015",
         {"0.15", "0.15", "0.15", "0.15", "0.14", "0.14", "0.14"}},
        {"down", "total", 1, "1.01", "1.01", "1.015",
         {"0.15", "0.15", "0.15", "0.14", "0.14", "0.14", "0.14"}},
        {"floor", "period", 2, "2.02", "1.01", "2.03",
         {"0.30", "0.30", "0.30", "0.28", "0.28", "0.28", "0.28"}},
        {"up", "line", 2, "2.03", "1.05", "2.03",
         {"0.29", "0.29", "0.29", "0.29", "0.29", "0.29", "0.29"}},
        {"ceiling", "total", 2, "2.03", "1.02", "2.03",
         {"0.29", "0.29", "0.29", "0.29", "0.29", "0.29", "0.29"}},
    };
    size_t i, k;
    for (i = 0; i < sizeof rc / sizeof rc[0]; i++) {
        char sq[2048], json[2048];
        pricing_catalog *cat;
        pricing_request *req = NULL;
        pricing_quote *q = NULL;
        size_t n = 0;
        n += (size_t)snprintf(sq + n, sizeof sq - n,
                              "{'catalog':'r','currency':'USD','rounding':"
                              "{'mode':'%s','at':'%s'},'specs':[{'id':'s',"
                              "'billing':'yearly_monthly','template':'custom',"
                              "'attributes':[",
                              rc[i].mode, rc[i].at);
        for (k = 0; k < 7; k++)
            n += (size_t)snprintf(sq + n, sizeof sq - n,
                                  "%s{'id':'q%zu','type':'quantity','min':0,"
                                  "'max':9}",
                                  k ? "," : "", k);
        n += (size_t)snprintf(sq + n, sizeof sq - n,
                              "],'skus':[{'sku':{},'prices':{'month':{"
                              "'quantities':{");
        for (k = 0; k < 7; k++)
            n += (size_t)snprintf(sq + n, sizeof sq - n,
                                  "%s'q%zu':{'linear':'0.145'}", k ? "," : "",
                                  k);
        snprintf(sq + n, sizeof sq - n, "}}}}]}]}");
        (void)json;
        cat = load_catalog_sq(sq);
        ck_assert_int_eq(pricing_request_new(&req, cat, "s", NULL), 0);
        for (k = 0; k < 7; k++) {
            char name[8];
            snprintf(name, sizeof name, "q%zu", k);
            ck_assert_int_eq(pricing_request_set_quantity(req, name, 1, NULL),
                             0);
        }
        ck_assert_int_eq(pricing_request_set_count(req, rc[i].count, NULL), 0);
        ck_assert_int_eq(pricing_quote_new(&q, NULL), 0);
        ck_assert_int_eq(pricing_quote_compute(q, req, NULL), 0);
        ck_assert_msg(strcmp(pricing_quote_total(q), rc[i].total) == 0,
                      "%s/%s x%llu: total %s, expected %s", rc[i].mode,
                      rc[i].at, (unsigned long long)rc[i].count,
                      pricing_quote_total(q), rc[i].total);
        ck_assert_msg(strcmp(pricing_quote_period_total(q), rc[i].period) == 0,
                      "%s/%s: period %s, expected %s", rc[i].mode, rc[i].at,
                      pricing_quote_period_total(q), rc[i].period);
        ck_assert_str_eq(pricing_quote_exact_total(q), rc[i].exact);
        ck_assert_uint_eq(pricing_quote_line_count(q), 7);
        for (k = 0; k < 7; k++) {
            pricing_line l;
            ck_assert_int_eq(pricing_quote_line(&l, q, k, NULL), 0);
            ck_assert_msg(strcmp(l.amount, rc[i].amounts[k]) == 0,
                          "%s/%s x%llu line %zu: %s, expected %s", rc[i].mode,
                          rc[i].at, (unsigned long long)rc[i].count, k,
                          l.amount, rc[i].amounts[k]);
        }
        pricing_quote_free(q);
        pricing_request_free(req);
        pricing_catalog_free(cat);
    }
}
END_TEST

/* ---------------------------------------------------------------- reuse */

START_TEST(test_quote_reuse)
{
    pricing_catalog *cat = api_cat();
    char *expected[2 * NCASES];
    pricing_quote *q = NULL;
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;
    size_t i;

    all_cases(expected, cat);
    ck_assert_int_eq(pricing_quote_new(&q, NULL), 0);
    /* One quote, the same case 1000 times. */
    for (i = 0; i < 1000; i++) {
        ck_assert_int_eq(typed_quote(&buf, cat, &cases[0], q, 0, &err), 0);
        ck_assert_msg(strcmp(buf.data, expected[0]) == 0, "round %zu", i);
        ck_assert_msg(strcmp(buf.data, contract_example) == 0, "round %zu",
                      i);
    }
    /* One quote, every case in turn (failures in between) 1000 times;
     * JSON driver with the quote passed in, too. */
    for (i = 0; i < 1000; i++) {
        size_t c = (i * 7) % NCASES;
        unsigned f = (unsigned)(i / NCASES) % 2;
        int rc = i % 2 ? typed_quote(&buf, cat, &cases[c], q,
                                     f ? PRICING_JSON_PRETTY : 0, &err)
                       : json_quote(&buf, cat, &cases[c], q,
                                    f ? PRICING_JSON_PRETTY : 0, &err);
        ck_assert_msg(strcmp(buf.data, expected[f * NCASES + c]) == 0,
                      "round %zu, case %zu:\n %s\n %s", i, c, buf.data,
                      expected[f * NCASES + c]);
        ck_assert_int_eq(rc == 0, VALID(c));
    }
    pricing_buffer_dispose(&buf);
    pricing_quote_free(q);
    free_cases(expected);
    pricing_catalog_free(cat);
}
END_TEST

/* ---------------------------------------------------------------- drivers */

START_TEST(test_driver_matches_typed)
{
    pricing_catalog *cat = api_cat();
    char *out[2 * NCASES];
    size_t i;

    all_cases(out, cat); /* asserts typed == JSON for every case */
    ck_assert_str_eq(out[0], contract_example);
    /* The error cases give their code at their path. */
    {
        static const struct {
            size_t c;
            const char *code, *path;
        } errs[] = {
            {10, "unknown_spec", "/spec"},
            {11, "unknown_attribute", "/sku/x"},
            {12, "unknown_value", "/sku/edition"},
            {13, "quantity_out_of_range", "/sku/users"},
            {14, "quantity_out_of_range", "/sku/users"},
            {15, "quantity_step", "/sku/gb"},
            {16, "plan_not_offered", "/plan"},
            {17, "plan_not_offered", "/plan"},
            {18, "missing_attribute", "/sku/users"},
            {19, "count_not_allowed", "/count"},
            {20, "count_not_allowed", "/count"},
            {21, "count_not_allowed", "/count"},
            {22, "count_not_allowed", "/count"},
            {23, "trial_not_offered", "/trial"},
            {24, "trial_not_offered", "/trial"},
            {25, "sku_unavailable", "/sku"},
            {26, "missing_field", "/plan"},
            {27, "invalid_value", "/start"},
            {28, "invalid_value", "/start"},
        };
        for (i = 0; i < sizeof errs / sizeof errs[0]; i++) {
            char head[256];
            snprintf(head, sizeof head,
                     "{\"error\":{\"code\":\"%s\",\"path\":\"%s\","
                     "\"message\":\"",
                     errs[i].code, errs[i].path);
            ck_assert_msg(strncmp(out[errs[i].c], head, strlen(head)) == 0,
                          "case %zu: %s", errs[i].c, out[errs[i].c]);
            ck_assert_msg(strcmp(out[errs[i].c] + strlen(out[errs[i].c]) - 3,
                                 "\"}}") == 0,
                          "case %zu: %s", errs[i].c, out[errs[i].c]);
        }
        for (i = 0; i < NCASES; i++)
            ck_assert_msg((strncmp(out[i], "{\"catalog\":", 11) == 0) ==
                              VALID(i),
                          "case %zu: %s", i, out[i]);
    }
    /* The pretty form is the compact form re-indented. */
    ck_assert_ptr_nonnull(strstr(out[NCASES], "\n  \"lines\": [\n    {\n"));
    free_cases(out);

    /* pricing_request_parse gives the same request as the typed calls. */
    for (i = 0; i < NCASES; i++) {
        pricing_request *req = NULL;
        pricing_quote *q = NULL;
        pricing_buffer a = PRICING_BUFFER_INIT, b = PRICING_BUFFER_INIT;
        pricing_error err;
        size_t len;
        char *json;
        if (!VALID(i))
            continue;
        json = unquote(cases[i].json, &len);
        pricing_error_init(&err);
        ck_assert_int_eq(pricing_request_parse(&req, cat, json, len, &err), 0);
        ck_assert_int_eq(pricing_quote_new(&q, NULL), 0);
        ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);
        ck_assert_int_eq(pricing_quote_write_json(&a, q, 0, &err), 0);
        ck_assert_int_eq(typed_quote(&b, cat, &cases[i], q, 0, &err), 0);
        ck_assert_str_eq(a.data, b.data);
        free(json);
        pricing_buffer_dispose(&a);
        pricing_buffer_dispose(&b);
        pricing_quote_free(q);
        pricing_request_free(req);
    }
    pricing_catalog_free(cat);
}
END_TEST

/* Request errors only JSON can make, each with its code and path. */
START_TEST(test_driver_errors)
{
    static const struct {
        const char *json;
        pricing_code code;
        const char *path;
    } bad[] = {
        {"{'sku':{'gb':10}}", PRICING_MISSING_FIELD, "/spec"},
        {"{'spec':null}", PRICING_WRONG_TYPE, "/spec"},
        {"{'spec':'storage'}", PRICING_MISSING_FIELD, "/sku"},
        {"{'spec':'storage','sku':null}", PRICING_WRONG_TYPE, "/sku"},
        {"{'spec':'storage','sku':[]}", PRICING_WRONG_TYPE, "/sku"},
        {"{'spec':'storage','sku':{'gb':-10}}", PRICING_QUANTITY_OUT_OF_RANGE,
         "/sku/gb"},
        {"{'spec':'storage','sku':{'gb':10000000000000000}}",
         PRICING_QUANTITY_OUT_OF_RANGE, "/sku/gb"},
        {"{'spec':'storage','sku':{'gb':100000000000000000000000}}",
         PRICING_QUANTITY_OUT_OF_RANGE, "/sku/gb"},
        {"{'spec':'storage','sku':{'gb':10.0}}", PRICING_WRONG_TYPE,
         "/sku/gb"},
        {"{'spec':'storage','sku':{'gb':1e2}}", PRICING_WRONG_TYPE,
         "/sku/gb"},
        {"{'spec':'storage','sku':{'gb':'10'}}", PRICING_WRONG_TYPE,
         "/sku/gb"},
        {"{'spec':'storage','sku':{'gb':null}}", PRICING_WRONG_TYPE,
         "/sku/gb"},
        {"{'spec':'standard','sku':{'edition':1,'users':5},'plan':'month'}",
         PRICING_WRONG_TYPE, "/sku/edition"},
        {"{'spec':'onprem-license','sku':{'x':1}}", PRICING_UNKNOWN_ATTRIBUTE,
         "/sku/x"},
        {"{'spec':'storage','sku':{'gb':10},'plan':null}", PRICING_WRONG_TYPE,
         "/plan"},
        {"{'spec':'storage','sku':{'gb':10},'plan':'Month'}",
         PRICING_PLAN_NOT_OFFERED, "/plan"},
        {"{'spec':'storage','sku':{'gb':10},'count':-1}",
         PRICING_COUNT_NOT_ALLOWED, "/count"},
        {"{'spec':'storage','sku':{'gb':10},'count':1.5}", PRICING_WRONG_TYPE,
         "/count"},
        {"{'spec':'storage','sku':{'gb':10},'count':'2'}", PRICING_WRONG_TYPE,
         "/count"},
        {"{'spec':'storage','sku':{'gb':10},'count':null}", PRICING_WRONG_TYPE,
         "/count"},
        {"{'spec':'storage','sku':{'gb':10},'trial':'yes'}",
         PRICING_WRONG_TYPE, "/trial"},
        {"{'spec':'storage','sku':{'gb':10},'trial':null}", PRICING_WRONG_TYPE,
         "/trial"},
        {"{'spec':'storage','sku':{'gb':10},'start':20260101}",
         PRICING_WRONG_TYPE, "/start"},
        {"{'spec':'storage','sku':{'gb':10},'start':'2026-13-01'}",
         PRICING_INVALID_VALUE, "/start"},
        {"{'spec':'storage','sku':{'gb':10},'start':'2026-01-01 '}",
         PRICING_INVALID_VALUE, "/start"},
        {"{'spec':'storage','sku':{'gb':10},'trail':true}",
         PRICING_UNKNOWN_FIELD, "/trail"},
        {"{'spec':'storage','sku':{'gb':10,'gb':20}}", PRICING_DUPLICATE_KEY,
         "/sku/gb"},
        {"{'spec':'storage','Spec':'storage','sku':{'gb':10}}",
         PRICING_UNKNOWN_FIELD, "/Spec"},
        {"[]", PRICING_WRONG_TYPE, ""},
        {"{'spec':'storage','sku':{'gb':10}} x", PRICING_JSON_SYNTAX, ""},
        {"{'spec':'storage','sku':{'gb':010}}", PRICING_JSON_SYNTAX, ""},
    };
    pricing_catalog *cat = api_cat();
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t len;
        char *json = unquote(bad[i].json, &len);
        char head[256];
        int rc;
        pricing_error_init(&err);
        rc = pricing_quote_json(&buf, cat, json, len, NULL, 0, &err);
        ck_assert_msg(rc == -(int)bad[i].code && err.code == bad[i].code &&
                          strcmp(err.path, bad[i].path) == 0,
                      "%s: rc %d, %s at \"%s\" (%s); expected %s at \"%s\"",
                      bad[i].json, rc, pricing_code_name(err.code), err.path,
                      err.message, pricing_code_name(bad[i].code),
                      bad[i].path);
        snprintf(head, sizeof head,
                 "{\"error\":{\"code\":\"%s\",\"path\":\"%s\",\"message\":",
                 pricing_code_name(bad[i].code), bad[i].path);
        ck_assert_msg(strncmp(buf.data, head, strlen(head)) == 0, "%s: %s",
                      bad[i].json, buf.data);
        free(json);
    }
    pricing_buffer_dispose(&buf);
    pricing_catalog_free(cat);
}
END_TEST

/* The envelope: the same quote; error paths under /catalog and /request. */
START_TEST(test_envelope)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;
    char *env;
    size_t len;
    int rc;
    char sq[4096];

    snprintf(sq, sizeof sq, "{'catalog':%s,'request':%s}", api_catalog,
             cases[0].json);
    env = unquote(sq, &len);
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_envelope_quote_json(&buf, env, len, 0, &err), 0);
    ck_assert_str_eq(buf.data, contract_example);
    free(env);

    snprintf(sq, sizeof sq, "{'request':%s,'catalog':%s}", cases[13].json,
             api_catalog);
    env = unquote(sq, &len);
    pricing_error_init(&err);
    rc = pricing_envelope_quote_json(&buf, env, len, 0, &err);
    EXPECT_ERROR(rc, err, PRICING_QUANTITY_OUT_OF_RANGE, "/request/sku/users");
    ck_assert_str_eq(buf.data,
                     "{\"error\":{\"code\":\"quantity_out_of_range\",\"path\":"
                     "\"/request/sku/users\",\"message\":\"users = 1001 is "
                     "above the maximum 1000\"}}");
    free(env);

    snprintf(sq, sizeof sq, "{'catalog':%s,'request':%s}", api_catalog,
             cases[19].json);
    env = unquote(sq, &len);
    pricing_error_init(&err);
    rc = pricing_envelope_quote_json(&buf, env, len, 0, &err);
    EXPECT_ERROR(rc, err, PRICING_COUNT_NOT_ALLOWED, "/request/count");
    free(env);

    snprintf(sq, sizeof sq, "{'catalog':%s,'request':%s}", api_catalog,
             cases[10].json);
    env = unquote(sq, &len);
    pricing_error_init(&err);
    rc = pricing_envelope_quote_json(&buf, env, len, 0, &err);
    EXPECT_ERROR(rc, err, PRICING_UNKNOWN_SPEC, "/request/spec");
    free(env);

    env = unquote("{'catalog':{'catalog':'c','currency':'usd','specs':[]},"
                  "'request':{'spec':'s'}}",
                  &len);
    pricing_error_init(&err);
    rc = pricing_envelope_quote_json(&buf, env, len, 0, &err);
    EXPECT_ERROR(rc, err, PRICING_INVALID_VALUE, "/catalog/currency");
    free(env);

    env = unquote("{'catalog':{}}", &len);
    pricing_error_init(&err);
    rc = pricing_envelope_quote_json(&buf, env, len, 0, &err);
    EXPECT_ERROR(rc, err, PRICING_MISSING_FIELD, "/request");
    free(env);
    pricing_buffer_dispose(&buf);
}
END_TEST

START_TEST(test_load_file)
{
    char path[] = "/tmp/unit_api_XXXXXX";
    pricing_catalog *cat = (pricing_catalog *)1;
    pricing_buffer a = PRICING_BUFFER_INIT, b = PRICING_BUFFER_INIT;
    pricing_error err;
    char *json = unquote_z(api_catalog);
    int fd = mkstemp(path), rc;
    FILE *f;

    ck_assert_int_ge(fd, 0);
    f = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(json, 1, strlen(json), f), strlen(json));
    ck_assert_int_eq(fclose(f), 0);
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_catalog_load_file(&cat, path, &err), 0);
    ck_assert_int_eq(pricing_catalog_write_summary(&a, cat, 0, NULL), 0);
    pricing_catalog_free(cat);
    cat = api_cat();
    ck_assert_int_eq(pricing_catalog_write_summary(&b, cat, 0, NULL), 0);
    ck_assert_str_eq(a.data, b.data);
    pricing_catalog_free(cat);
    unlink(path);

    cat = (pricing_catalog *)1;
    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, path, &err); /* gone now */
    EXPECT_ERROR(rc, err, PRICING_IO_ERROR, "");
    ck_assert_ptr_null(cat);
    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, "/", &err); /* a directory */
    EXPECT_ERROR(rc, err, PRICING_IO_ERROR, "");
    ck_assert_ptr_null(cat);
    free(json);
    pricing_buffer_dispose(&a);
    pricing_buffer_dispose(&b);
}
END_TEST

START_TEST(test_check_rules)
{
    pricing_catalog *cat = api_cat();
    pricing_error err;
    int rc;
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_catalog_check_rules(cat, "koogallery", &err), 0);
    ck_assert_int_eq(err.code, PRICING_OK);
    pricing_catalog_free(cat);

    cat = load_catalog_sq(
        "{'catalog':'c','currency':'USD','specs':[{'id':'s','billing':"
        "'yearly_monthly','template':'simple','trial_days':2,'prices':{"
        "'month':'1'}}]}");
    pricing_error_init(&err);
    rc = pricing_catalog_check_rules(cat, "koogallery", &err);
    EXPECT_ERROR(rc, err, PRICING_INVALID_VALUE, "/specs/0/trial_days");
    pricing_catalog_free(cat);

    cat = load_catalog_sq(
        "{'catalog':'c','currency':'USD','specs':[" 
        "{'id':'t','billing':'one_time','template':'simple','prices':{"
        "'one_time':'1'}},"
        "{'id':'s','billing':'one_time','template':'custom','attributes':["
        "{'id':'n','type':'quantity','min':0,'max':1},"
        "{'id':'os','type':'enum','values':['linux']}],'skus':[{'sku':{'os':"
        "'linux'},'prices':{'one_time':'1'}}]}]}");
    pricing_error_init(&err);
    rc = pricing_catalog_check_rules(cat, "koogallery", &err);
    EXPECT_ERROR(rc, err, PRICING_INVALID_VALUE, "/specs/1/attributes/1/id");
    pricing_catalog_free(cat);
}
END_TEST

/* ---------------------------------------------------------------- locale */

static char locale_dir[64];

/* Makes a comma-decimal locale "comma_TEST" with localedef into a
 * temporary LOCPATH (about 10 ms); returns its name or NULL. */
static const char *make_comma_locale(void)
{
    static const char src[] =
        "LC_CTYPE\ncopy \"POSIX\"\nEND LC_CTYPE\n"
        "LC_COLLATE\ncopy \"POSIX\"\nEND LC_COLLATE\n"
        "LC_MONETARY\ncopy \"POSIX\"\nEND LC_MONETARY\n"
        "LC_NUMERIC\ndecimal_point \"<U002C>\"\nthousands_sep \"<U002E>\"\n"
        "grouping 3;3\nEND LC_NUMERIC\n"
        "LC_TIME\ncopy \"POSIX\"\nEND LC_TIME\n"
        "LC_MESSAGES\ncopy \"POSIX\"\nEND LC_MESSAGES\n";
    char cmd[512], file[128];
    FILE *f;

    if (access("/usr/bin/localedef", X_OK) != 0)
        return NULL;
    snprintf(locale_dir, sizeof locale_dir, "/tmp/unit_locale_XXXXXX");
    if (!mkdtemp(locale_dir))
        return NULL;
    snprintf(file, sizeof file, "%s/comma.src", locale_dir);
    f = fopen(file, "w");
    if (!f)
        return NULL;
    fputs(src, f);
    fclose(f);
    /* Warnings about absent categories give a non-zero status: ignore it
     * and try the locale. */
    snprintf(cmd, sizeof cmd,
             "localedef -c -i %s -f ANSI_X3.4-1968 %s/comma_TEST "
             ">/dev/null 2>&1",
             file, locale_dir);
    if (system(cmd) == -1)
        return NULL;
    setenv("LOCPATH", locale_dir, 1);
    if (!setlocale(LC_ALL, "comma_TEST")) {
        unsetenv("LOCPATH");
        return NULL;
    }
    return "comma_TEST";
}

static void remove_comma_locale(void)
{
    char cmd[128];
    unsetenv("LOCPATH");
    if (locale_dir[0]) {
        snprintf(cmd, sizeof cmd, "rm -rf %s", locale_dir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", locale_dir);
        locale_dir[0] = '\0';
    }
}

/* Hostile 44: output bytes do not depend on the locale. */
START_TEST(test_locale)
{
    char *before[2 * NCASES], *after[2 * NCASES];
    pricing_buffer s1 = PRICING_BUFFER_INIT, s2 = PRICING_BUFFER_INIT;
    pricing_catalog *cat = api_cat();
    const char *name = NULL;
    size_t i;

    all_cases(before, cat);
    ck_assert_int_eq(pricing_catalog_write_summary(&s1, cat, 0, NULL), 0);
    pricing_catalog_free(cat);

    if (setlocale(LC_ALL, "de_DE.UTF-8"))
        name = "de_DE.UTF-8";
    else
        name = make_comma_locale();
    if (!name) {
        fprintf(stderr, "unit_api: no locale with a decimal comma "
                        "(de_DE.UTF-8 absent, localedef failed); testing "
                        "C.UTF-8 only\n");
        name = setlocale(LC_ALL, "C.UTF-8") ? "C.UTF-8" : "C";
    } else {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%.1f", 1.5);
        ck_assert_msg(strcmp(localeconv()->decimal_point, ",") == 0 &&
                          strcmp(tmp, "1,5") == 0,
                      "%s: decimal point \"%s\"", name,
                      localeconv()->decimal_point);
    }

    cat = api_cat(); /* loaded under the locale */
    all_cases(after, cat);
    ck_assert_int_eq(pricing_catalog_write_summary(&s2, cat, 0, NULL), 0);
    pricing_catalog_free(cat);
    setlocale(LC_ALL, "C");
    remove_comma_locale();

    ck_assert_str_eq(s1.data, s2.data);
    for (i = 0; i < 2 * NCASES; i++)
        ck_assert_msg(strcmp(before[i], after[i]) == 0,
                      "%s: case %zu differs:\n C  %s\n %s", name, i % NCASES,
                      before[i], after[i]);
    free_cases(before);
    free_cases(after);
    pricing_buffer_dispose(&s1);
    pricing_buffer_dispose(&s2);
}
END_TEST

/* ---------------------------------------------------------------- hooks */

/* Counting allocators with a header, so a block freed by the wrong
 * allocator is noticed (and valgrind reports the mismatch). */
#define HOOK_MAGIC 0x5a17c0deu

typedef union hook_head {
    struct {
        unsigned magic;
        size_t size;
    } h;
    long double align;
} hook_head;

static struct hook_count {
    size_t allocs, frees, reallocs, bad_frees, bad_sizes;
    long live;
} cj, gm;

static void *hook_alloc(struct hook_count *c, size_t n)
{
    hook_head *p = malloc(sizeof *p + n);
    if (!p)
        return NULL;
    p->h.magic = HOOK_MAGIC;
    p->h.size = n;
    c->allocs++;
    c->live++;
    return p + 1;
}

static void hook_free(struct hook_count *c, void *ptr, size_t n, int check_n)
{
    hook_head *p;
    if (!ptr)
        return;
    p = (hook_head *)ptr - 1;
    if (p->h.magic != HOOK_MAGIC) {
        c->bad_frees++;
        return; /* not ours: leave it */
    }
    if (check_n && n != 0 && n != p->h.size)
        c->bad_sizes++;
    p->h.magic = 0;
    c->frees++;
    c->live--;
    free(p);
}

static void *cj_malloc(size_t n)
{
    return hook_alloc(&cj, n);
}

static void cj_free(void *ptr)
{
    hook_free(&cj, ptr, 0, 0);
}

static void *gm_alloc(size_t n)
{
    return hook_alloc(&gm, n);
}

static void *gm_realloc(void *ptr, size_t old, size_t n)
{
    hook_head *p = (hook_head *)ptr - 1, *np;
    if (p->h.magic != HOOK_MAGIC) {
        gm.bad_frees++;
        return NULL; /* GMP aborts: the test fails loudly */
    }
    if (old != 0 && old != p->h.size)
        gm.bad_sizes++;
    np = realloc(p, sizeof *np + n);
    if (!np)
        return NULL;
    np->h.size = n;
    gm.reallocs++;
    return np + 1;
}

static void gm_free(void *ptr, size_t n)
{
    hook_free(&gm, ptr, n, 1);
}

/* Hostile 43: the host's allocators for cJSON and GMP. */
START_TEST(test_host_allocators)
{
    char *before[2 * NCASES], *after[2 * NCASES];
    pricing_buffer buf = PRICING_BUFFER_INIT, env = PRICING_BUFFER_INIT;
    pricing_catalog *cat;
    pricing_quote *q = NULL;
    pricing_error err;
    cJSON_Hooks hooks;
    size_t i, gm_allocs, gm_reallocs, cj_allocs, len;
    char sq[4096], *envjson;
    int rc;

    /* Reference bytes with the default allocators, everything freed. */
    cat = api_cat();
    all_cases(before, cat);
    pricing_catalog_free(cat);
    snprintf(sq, sizeof sq, "{'catalog':%s,'request':%s}", api_catalog,
             cases[0].json);
    envjson = unquote(sq, &len);

    memset(&cj, 0, sizeof cj);
    memset(&gm, 0, sizeof gm);
    hooks.malloc_fn = cj_malloc;
    hooks.free_fn = cj_free;
    cJSON_InitHooks(&hooks);
    mp_set_memory_functions(gm_alloc, gm_realloc, gm_free);

    cat = api_cat();
    all_cases(after, cat);
    /* A warm quote computes with no GMP or cJSON allocation at all. */
    ck_assert_int_eq(pricing_quote_new(&q, NULL), 0);
    for (i = 0; i < NCASES; i++)
        (void)typed_quote(&buf, cat, &cases[i], q, 0, &err);
    gm_allocs = gm.allocs;
    gm_reallocs = gm.reallocs;
    cj_allocs = cj.allocs;
    for (i = 0; i < NCASES; i++) {
        int r1 = typed_quote(&buf, cat, &cases[i], q, 0, &err);
        ck_assert_int_eq(r1 == 0, VALID(i));
        ck_assert_str_eq(buf.data, before[i]);
    }
    ck_assert_msg(gm.allocs == gm_allocs && gm.reallocs == gm_reallocs,
                  "warm quotes made %zu GMP allocations and %zu reallocations",
                  gm.allocs - gm_allocs, gm.reallocs - gm_reallocs);
    ck_assert_uint_eq(cj.allocs, cj_allocs); /* typed: no JSON */
    pricing_quote_free(q);
    pricing_catalog_free(cat);
    pricing_error_init(&err);
    rc = pricing_envelope_quote_json(&env, envjson, len, 0, &err);

    /* Restore the defaults before any check can fail. */
    cJSON_InitHooks(NULL);
    mp_set_memory_functions(NULL, NULL, NULL);

    ck_assert_int_eq(rc, 0);
    ck_assert_str_eq(env.data, before[0]);
    for (i = 0; i < 2 * NCASES; i++)
        ck_assert_msg(strcmp(before[i], after[i]) == 0,
                      "case %zu differs with the host's allocators", i);
    ck_assert_msg(cj.allocs > 0 && gm.allocs > 0,
                  "hooks unused: cJSON %zu, GMP %zu allocations", cj.allocs,
                  gm.allocs);
    ck_assert_msg(cj.live == 0 && cj.allocs == cj.frees,
                  "cJSON: %zu allocations, %zu frees", cj.allocs, cj.frees);
    ck_assert_msg(gm.live == 0 && gm.allocs == gm.frees,
                  "GMP: %zu allocations, %zu frees", gm.allocs, gm.frees);
    ck_assert_uint_eq(cj.bad_frees, 0);
    ck_assert_uint_eq(gm.bad_frees, 0);
    ck_assert_uint_eq(gm.bad_sizes, 0);
    free_cases(before);
    free_cases(after);
    free(envjson);
    pricing_buffer_dispose(&buf);
    pricing_buffer_dispose(&env);
}
END_TEST

/* ---------------------------------------------------------------- threads */

#define NTHREADS 8
#define NQUOTES 2000

typedef struct worker {
    const pricing_catalog *cat;
    char *const *expected; /* NCASES compact outputs */
    unsigned id;
    size_t mismatches, errors, quotes;
    int setup_failed;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    pricing_quote *q = NULL;
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;
    size_t i;

    if (pricing_quote_new(&q, NULL) != 0) {
        w->setup_failed = 1;
        return NULL;
    }
    for (i = 0; i < NQUOTES; i++) {
        size_t c = (i * 7 + w->id * 5) % NCASES, len;
        int rc;
        if ((i + w->id) % 2) {
            rc = typed_quote(&buf, w->cat, &cases[c], q, 0, &err);
        } else {
            char *json = unquote(cases[c].json, &len);
            pricing_error_init(&err);
            rc = pricing_quote_json(&buf, w->cat, json, len,
                                    i % 3 ? q : NULL, 0, &err);
            free(json);
        }
        if (rc == 0)
            w->quotes++;
        else
            w->errors++;
        if (!buf.data || strcmp(buf.data, w->expected[c]) != 0 ||
            (rc == 0) != VALID(c))
            w->mismatches++;
    }
    pricing_buffer_dispose(&buf);
    pricing_quote_free(q);
    return NULL;
}

/* Hostile 45: threads share one catalog, each with its own quote. */
START_TEST(test_threads)
{
    pricing_catalog *cat = api_cat();
    char *expected[2 * NCASES];
    pthread_t th[NTHREADS];
    worker w[NTHREADS];
    size_t total_quotes = 0, total_errors = 0;
    unsigned t;

    all_cases(expected, cat); /* the serial run */
    for (t = 0; t < NTHREADS; t++) {
        memset(&w[t], 0, sizeof w[t]);
        w[t].cat = cat;
        w[t].expected = expected;
        w[t].id = t;
        ck_assert_int_eq(pthread_create(&th[t], NULL, work, &w[t]), 0);
    }
    for (t = 0; t < NTHREADS; t++)
        ck_assert_int_eq(pthread_join(th[t], NULL), 0);
    for (t = 0; t < NTHREADS; t++) {
        ck_assert_int_eq(w[t].setup_failed, 0);
        ck_assert_msg(w[t].mismatches == 0,
                      "thread %u: %zu results differ from the serial run", t,
                      w[t].mismatches);
        total_quotes += w[t].quotes;
        total_errors += w[t].errors;
    }
    ck_assert_uint_eq(total_quotes + total_errors, NTHREADS * NQUOTES);
    ck_assert_uint_gt(total_quotes, 0);
    ck_assert_uint_gt(total_errors, 0);
    free_cases(expected);
    pricing_catalog_free(cat);
}
END_TEST

/* Puts the process back as it was even when a test of the environment
 * case failed half-way (with CK_FORK=no the next tests share it). */
static void restore_environment(void)
{
    cJSON_InitHooks(NULL);
    mp_set_memory_functions(NULL, NULL, NULL);
    setlocale(LC_ALL, "C");
    remove_comma_locale();
}

/* ---------------------------------------------------------------- 1.1 */

static const char lifecycle_catalog[] =
    "{'catalog':'lc','currency':'CNY','specs':[{'id':'crm',"
    " 'billing':'yearly_monthly','plans':['month'],'template':'custom',"
    " 'attributes':[{'id':'edition','type':'enum','values':['basic','pro']},"
    "  {'id':'users','type':'quantity','min':1,'max':100}],"
    " 'skus':[{'sku':{'edition':'basic'},'prices':{'month':{'quantities':"
    "  {'users':{'linear':'30.00'}}}}},"
    "  {'sku':{'edition':'pro'},'prices':{'month':{'base':'100.00',"
    "  'quantities':{'users':{'linear':'50.00'}}}}}]}]}";

/* The typed API and the JSON driver agree on a change quote: an upgrade
 * from basic to pro for 5 users, 21 of 31 days left, fee 200 x 21/31. */
START_TEST(test_typed_upgrade)
{
    pricing_catalog *cat = load_catalog_sq(lifecycle_catalog);
    pricing_request *req = NULL;
    pricing_quote *q = NULL;
    pricing_buffer typed = PRICING_BUFFER_INIT, json = PRICING_BUFFER_INIT;
    pricing_error err;
    mpq_t exact, want;
    static const char doc[] =
        "{\"spec\":\"crm\",\"type\":\"upgrade\",\"from\":{\"edition\":\"basic\","
        "\"users\":5},\"sku\":{\"edition\":\"pro\",\"users\":5},\"plan\":"
        "\"month\",\"start\":\"2026-01-01\",\"change_date\":\"2026-01-11\"}";

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_request_new(&req, cat, "crm", &err), 0);
    ck_assert_int_eq(pricing_request_set_type(req, "upgrade", &err), 0);
    ck_assert_int_eq(pricing_request_set_from_enum(req, "edition", "basic", &err), 0);
    ck_assert_int_eq(pricing_request_set_from_quantity(req, "users", 5, &err), 0);
    ck_assert_int_eq(pricing_request_set_enum(req, "edition", "pro", &err), 0);
    ck_assert_int_eq(pricing_request_set_quantity(req, "users", 5, &err), 0);
    ck_assert_int_eq(pricing_request_set_plan(req, "month", &err), 0);
    ck_assert_int_eq(pricing_request_set_start(req, "2026-01-01", &err), 0);
    ck_assert_int_eq(pricing_request_set_change_date(req, "2026-01-11", &err), 0);
    ck_assert_int_eq(pricing_quote_new(&q, &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);
    ck_assert_str_eq(pricing_quote_total(q), "135.48");
    ck_assert_str_eq(pricing_quote_exact_total(q), "4200/31");
    mpq_init(exact);
    mpq_init(want);
    pricing_quote_exact_total_mpq(exact, q);
    mpq_set_ui(want, 4200, 31);
    ck_assert(mpq_equal(exact, want));
    ck_assert_int_eq(pricing_quote_write_json(&typed, q, 0, &err), 0);
    ck_assert_int_eq(pricing_quote_json(&json, cat, doc, strlen(doc), NULL, 0,
                                        &err), 0);
    ck_assert_str_eq(typed.data, json.data);

    /* a downgrade is refused at /sku; a missing change_date at its path */
    ck_assert_int_eq(pricing_request_set_enum(req, "edition", "basic", &err), 0);
    ck_assert_int_eq(pricing_request_set_from_enum(req, "edition", "pro", &err), 0);
    EXPECT_ERROR(pricing_quote_compute(q, req, &err), err,
                 PRICING_NOT_AN_UPGRADE, "/sku");
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_request_set_change_date(req, NULL, &err), 0);
    EXPECT_ERROR(pricing_quote_compute(q, req, &err), err,
                 PRICING_MISSING_FIELD, "/change_date");
    pricing_error_init(&err);
    EXPECT_ERROR(pricing_request_set_discount(req, "percent_off", "101", 0, &err),
                 err, PRICING_INVALID_VALUE, "/discount/percent_off");
    pricing_error_init(&err);
    EXPECT_ERROR(pricing_request_set_type(req, "downgrade", &err), err,
                 PRICING_INVALID_VALUE, "/type");

    /* A renewal and a change with an explicit term end, through the typed
     * setters and through JSON: the same bytes. */
    {
        static const char renew[] =
            "{\"spec\":\"crm\",\"type\":\"renew\",\"sku\":{\"edition\":"
            "\"pro\",\"users\":5},\"plan\":\"month\",\"count\":2,"
            "\"current_end\":\"2026-01-31\",\"discount\":{\"amount_off\":"
            "\"10.005\",\"periods\":2}}";
        static const char change[] =
            "{\"spec\":\"crm\",\"type\":\"upgrade\",\"from\":{\"edition\":"
            "\"basic\",\"users\":5},\"sku\":{\"edition\":\"pro\",\"users\":5},"
            "\"plan\":\"month\",\"start\":\"2026-01-01\",\"end\":"
            "\"2026-03-01\",\"change_date\":\"2026-02-01\"}";
        pricing_request *r2 = NULL;
        pricing_error_init(&err);
        ck_assert_int_eq(pricing_request_new(&r2, cat, "crm", &err), 0);
        ck_assert_int_eq(pricing_request_set_type(r2, "renew", &err), 0);
        ck_assert_int_eq(pricing_request_set_enum(r2, "edition", "pro", &err), 0);
        ck_assert_int_eq(pricing_request_set_quantity(r2, "users", 5, &err), 0);
        ck_assert_int_eq(pricing_request_set_plan(r2, "month", &err), 0);
        ck_assert_int_eq(pricing_request_set_count(r2, 2, &err), 0);
        ck_assert_int_eq(pricing_request_set_current_end(r2, "2026-01-31", &err), 0);
        ck_assert_int_eq(pricing_request_set_discount(r2, "amount_off", "10.005",
                                                      2, &err), 0);
        ck_assert_int_eq(pricing_quote_compute(q, r2, &err), 0);
        /* (100 + 5 x 50) x 2 - 10.005 x 2 = 679.99 */
        ck_assert_str_eq(pricing_quote_exact_total(q), "679.99");
        ck_assert_int_eq(pricing_quote_write_json(&typed, q, 0, &err), 0);
        ck_assert_int_eq(pricing_quote_json(&json, cat, renew, strlen(renew),
                                            NULL, 0, &err), 0);
        ck_assert_str_eq(typed.data, json.data);

        pricing_request_reset(r2);
        ck_assert_int_eq(pricing_request_set_type(r2, "upgrade", &err), 0);
        ck_assert_int_eq(pricing_request_set_from_enum(r2, "edition", "basic", &err), 0);
        ck_assert_int_eq(pricing_request_set_from_quantity(r2, "users", 5, &err), 0);
        ck_assert_int_eq(pricing_request_set_enum(r2, "edition", "pro", &err), 0);
        ck_assert_int_eq(pricing_request_set_quantity(r2, "users", 5, &err), 0);
        ck_assert_int_eq(pricing_request_set_plan(r2, "month", &err), 0);
        ck_assert_int_eq(pricing_request_set_start(r2, "2026-01-01", &err), 0);
        ck_assert_int_eq(pricing_request_set_end(r2, "2026-03-01", &err), 0);
        ck_assert_int_eq(pricing_request_set_change_date(r2, "2026-02-01", &err), 0);
        ck_assert_int_eq(pricing_quote_compute(q, r2, &err), 0);
        /* (350 - 150) x 28 / 59 */
        ck_assert_str_eq(pricing_quote_exact_total(q), "5600/59");
        ck_assert_int_eq(pricing_quote_write_json(&typed, q, 0, &err), 0);
        ck_assert_int_eq(pricing_quote_json(&json, cat, change, strlen(change),
                                            NULL, 0, &err), 0);
        ck_assert_str_eq(typed.data, json.data);
        pricing_request_free(r2);
    }

    mpq_clear(exact);
    mpq_clear(want);
    pricing_buffer_dispose(&typed);
    pricing_buffer_dispose(&json);
    pricing_quote_free(q);
    pricing_request_free(req);
    pricing_catalog_free(cat);
}
END_TEST

/* Totals only: the same totals as a full quote, for every rounding point
 * and mode, with graduated tiers priced from prefix sums; no lines. */
START_TEST(test_totals_only)
{
    static const char *const modes[] = {"half_up", "half_even", "floor",
                                        "ceiling"};
    static const char *const ats[] = {"total", "period", "line"};
    char cat_text[1024];
    size_t m, a, users;
    for (m = 0; m < 4; m++)
        for (a = 0; a < 3; a++) {
            pricing_catalog *cat;
            pricing_request *req = NULL;
            pricing_quote *full = NULL, *fast = NULL;
            pricing_buffer buf = PRICING_BUFFER_INIT;
            pricing_error err;
            snprintf(cat_text, sizeof cat_text,
                     "{'catalog':'t','currency':'USD','rounding':{'mode':'%s',"
                     "'at':'%s'},'specs':[{'id':'s','billing':'yearly_monthly',"
                     "'template':'custom','attributes':[{'id':'u','type':"
                     "'quantity','min':0,'max':1000}],'skus':[{'sku':{},"
                     "'prices':{'month':{'base':'9.99','quantities':{'u':{"
                     "'graduated':[{'up_to':3,'unit_price':'0.125'},"
                     "{'up_to':10,'unit_price':'0.333','flat':'1'},"
                     "{'up_to':100,'unit_price':'0.2'},"
                     "{'up_to':null,'unit_price':'0.0051'}]}}}}}]}]}",
                     modes[m], ats[a]);
            cat = load_catalog_sq(cat_text);
            pricing_error_init(&err);
            ck_assert_int_eq(pricing_request_new(&req, cat, "s", &err), 0);
            ck_assert_int_eq(pricing_quote_new(&full, &err), 0);
            ck_assert_int_eq(pricing_quote_new(&fast, &err), 0);
            ck_assert_int_eq(pricing_quote_set_flags(fast,
                                                     PRICING_QUOTE_TOTALS_ONLY,
                                                     &err), 0);
            for (users = 0; users <= 1000; users += 37) {
                ck_assert_int_eq(pricing_request_set_quantity(req, "u", users,
                                                              &err), 0);
                ck_assert_int_eq(pricing_request_set_count(req, 3, &err), 0);
                ck_assert_int_eq(pricing_quote_compute(full, req, &err), 0);
                ck_assert_int_eq(pricing_quote_compute(fast, req, &err), 0);
                ck_assert_str_eq(pricing_quote_total(fast),
                                 pricing_quote_total(full));
                ck_assert_str_eq(pricing_quote_exact_total(fast),
                                 pricing_quote_exact_total(full));
                ck_assert_str_eq(pricing_quote_period_total(fast),
                                 pricing_quote_period_total(full));
            }
            if (a != 2) { /* line rounding keeps its lines */
                ck_assert_uint_eq(pricing_quote_line_count(fast), 0);
                EXPECT_ERROR(pricing_quote_write_json(&buf, fast, 0, &err),
                             err, PRICING_INVALID_ARGUMENT, "");
            }
            pricing_buffer_dispose(&buf);
            pricing_quote_free(full);
            pricing_quote_free(fast);
            pricing_request_free(req);
            pricing_catalog_free(cat);
        }
}
END_TEST

Suite *unit_api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("arguments");
    tcase_add_test(tc, test_null_arguments);
    tcase_add_test(tc, test_buffer_dispose);
    tcase_add_test(tc, test_first_error_wins);
    tcase_add_test(tc, test_code_names);
    tcase_add_test(tc, test_version);
    suite_add_tcase(s, tc);

    tc = tcase_create("typed");
    tcase_add_test(tc, test_typed_errors);
    tcase_add_test(tc, test_typed_quotes);
    tcase_add_test(tc, test_trial_quote);
    tcase_add_test(tc, test_rounding_policies);
    tcase_add_test(tc, test_check_rules);
    tcase_add_test(tc, test_typed_upgrade);
    tcase_add_test(tc, test_totals_only);
    suite_add_tcase(s, tc);

    tc = tcase_create("drivers");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_quote_reuse);
    tcase_add_test(tc, test_driver_matches_typed);
    tcase_add_test(tc, test_driver_errors);
    tcase_add_test(tc, test_envelope);
    tcase_add_test(tc, test_load_file);
    suite_add_tcase(s, tc);

    tc = tcase_create("environment");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, NULL, restore_environment);
    tcase_add_test(tc, test_locale);
    tcase_add_test(tc, test_host_allocators);
    tcase_add_test(tc, test_threads);
    suite_add_tcase(s, tc);
    return s;
}
