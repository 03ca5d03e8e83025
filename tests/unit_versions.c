/* SPDX-License-Identifier: MIT */
/* unit_versions.c - contract 1.2 through the C API: version and currency
 * getters, pricing_catalog_select, the typed currency/date/bought setters,
 * and what the versions of a history share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "../libpricing/model.h"
#include "pricing.h"
#include "unit.h"

/* Three versions of one spec; the second also sells EUR and keeps its
 * old customers on the first until 2026-10-01. */
static const char history_json[] =
    "{\"catalog\":\"acme\",\"versions\":["
    "{\"catalog\":\"acme\",\"version\":\"v1\",\"currency\":\"USD\","
    "\"effective\":\"2026-01-01\",\"specs\":[{\"id\":\"team\","
    "\"billing\":\"yearly_monthly\",\"template\":\"custom\","
    "\"attributes\":[{\"id\":\"users\",\"type\":\"quantity\",\"min\":1,"
    "\"max\":100}],\"skus\":[{\"sku\":{},\"prices\":{"
    "\"month\":{\"quantities\":{\"users\":{\"linear\":\"10.00\"}}},"
    "\"year\":{\"quantities\":{\"users\":{\"linear\":\"100.00\"}}}}}]}]},"
    "{\"catalog\":\"acme\",\"version\":\"v2\",\"currency\":\"USD\","
    "\"currencies\":[\"EUR\"],\"effective\":\"2026-07-01\","
    "\"existing_from\":\"2026-10-01\",\"specs\":[{\"id\":\"team\","
    "\"billing\":\"yearly_monthly\",\"template\":\"custom\","
    "\"attributes\":[{\"id\":\"users\",\"type\":\"quantity\",\"min\":1,"
    "\"max\":100}],\"skus\":[{\"sku\":{},\"prices\":{"
    "\"month\":{\"quantities\":{\"users\":{\"linear\":"
    "{\"USD\":\"12.00\",\"EUR\":\"11.00\"}}}},"
    "\"year\":{\"quantities\":{\"users\":{\"linear\":"
    "{\"USD\":\"120.00\",\"EUR\":\"110.00\"}}}}}}]}]},"
    "{\"catalog\":\"acme\",\"version\":\"v3\",\"currency\":\"USD\","
    "\"effective\":\"2027-01-01\",\"specs\":[{\"id\":\"team\","
    "\"billing\":\"yearly_monthly\",\"template\":\"custom\","
    "\"attributes\":[{\"id\":\"users\",\"type\":\"quantity\",\"min\":1,"
    "\"max\":10}],\"skus\":[{\"sku\":{},\"prices\":{"
    "\"month\":{\"quantities\":{\"users\":{\"linear\":\"13.00\"}}},"
    "\"year\":{\"quantities\":{\"users\":{\"linear\":\"100.00\"}}}}}]}]}"
    "]}";

static pricing_catalog *load(const char *json)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    pricing_error_init(&err);
    if (pricing_catalog_load(&cat, json, strlen(json), &err) != 0)
        ck_abort_msg("load: %s at %s: %s", pricing_code_name(err.code),
                     err.path, err.message);
    return cat;
}

START_TEST(test_getters)
{
    pricing_catalog *cat = load(history_json);
    const pricing_catalog *v;

    ck_assert_uint_eq(pricing_catalog_version_count(cat), 3);
    ck_assert_str_eq(pricing_catalog_version(cat), "v3");
    ck_assert_str_eq(pricing_catalog_effective(cat), "2027-01-01");
    ck_assert_str_eq(pricing_catalog_existing_from(cat), "2027-01-01");
    v = pricing_catalog_version_at(cat, 1);
    ck_assert_str_eq(pricing_catalog_version(v), "v2");
    ck_assert_str_eq(pricing_catalog_effective(v), "2026-07-01");
    ck_assert_str_eq(pricing_catalog_existing_from(v), "2026-10-01");
    ck_assert_uint_eq(pricing_catalog_currency_count(v), 2);
    ck_assert_str_eq(pricing_catalog_currency_at(v, 0), "USD");
    ck_assert_str_eq(pricing_catalog_currency_at(v, 1), "EUR");
    ck_assert_ptr_null(pricing_catalog_currency_at(v, 2));
    ck_assert_ptr_eq(pricing_catalog_version_at(cat, 2), cat);
    ck_assert_ptr_null(pricing_catalog_version_at(cat, 3));
    ck_assert_uint_eq(pricing_catalog_currency_count(cat), 1);
    ck_assert_uint_eq(pricing_catalog_version_count(NULL), 0);
    ck_assert_ptr_null(pricing_catalog_effective(NULL));
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_plain_catalog_is_one_version)
{
    static const char plain[] =
        "{\"catalog\":\"p\",\"currency\":\"JPY\",\"specs\":[{\"id\":\"s\","
        "\"billing\":\"one_time\",\"template\":\"simple\","
        "\"prices\":{\"one_time\":\"500\"}}]}";
    pricing_catalog *cat = load(plain);
    const pricing_catalog *v = NULL;
    pricing_error err;

    ck_assert_uint_eq(pricing_catalog_version_count(cat), 1);
    ck_assert_ptr_eq(pricing_catalog_version_at(cat, 0), cat);
    ck_assert_ptr_null(pricing_catalog_effective(cat));
    ck_assert_uint_eq(pricing_catalog_currency_count(cat), 1);
    ck_assert_str_eq(pricing_catalog_currency_at(cat, 0), "JPY");
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_catalog_select(&v, cat, "1900-01-01", NULL, &err),
                     0);
    ck_assert_ptr_eq(v, cat);
    pricing_catalog_free(cat);
}
END_TEST

static const char *select_version(const pricing_catalog *cat,
                                  const char *date, const char *bought,
                                  pricing_error *err)
{
    const pricing_catalog *v = NULL;
    pricing_error_init(err);
    if (pricing_catalog_select(&v, cat, date, bought, err) != 0)
        return NULL;
    return pricing_catalog_version(v);
}

START_TEST(test_select)
{
    pricing_catalog *cat = load(history_json);
    pricing_error err;

    ck_assert_str_eq(select_version(cat, NULL, NULL, &err), "v3");
    ck_assert_str_eq(select_version(cat, "2026-01-01", NULL, &err), "v1");
    ck_assert_str_eq(select_version(cat, "2026-06-30", NULL, &err), "v1");
    ck_assert_str_eq(select_version(cat, "2026-07-01", NULL, &err), "v2");
    /* Grandfathered until existing_from, then the new prices. */
    ck_assert_str_eq(select_version(cat, "2026-09-30", "2026-02-01", &err),
                     "v1");
    ck_assert_str_eq(select_version(cat, "2026-10-01", "2026-02-01", &err),
                     "v2");
    ck_assert_str_eq(select_version(cat, "2026-08-01", "2026-07-01", &err),
                     "v2");
    ck_assert_ptr_null(select_version(cat, "2025-12-31", NULL, &err));
    ck_assert_int_eq(err.code, PRICING_NO_VERSION);
    ck_assert_str_eq(err.path, "/date");
    ck_assert_ptr_null(select_version(cat, "2026-02-30", NULL, &err));
    ck_assert_int_eq(err.code, PRICING_INVALID_VALUE);
    ck_assert_str_eq(err.path, "/date");
    ck_assert_ptr_null(select_version(cat, "2026-03-01", "2026-03-02", &err));
    ck_assert_int_eq(err.code, PRICING_INVALID_VALUE);
    ck_assert_str_eq(err.path, "/bought");
    pricing_catalog_free(cat);
}
END_TEST

/* Total of a typed request, or the error's "code path". */
static void compute(char *out, size_t n, const pricing_request *req)
{
    pricing_quote *q = NULL;
    pricing_error err;
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_quote_new(&q, &err), 0);
    if (pricing_quote_compute(q, req, &err) == 0)
        snprintf(out, n, "%s", pricing_quote_total(q));
    else
        snprintf(out, n, "%s %.64s", pricing_code_name(err.code), err.path);
    pricing_quote_free(q);
}

START_TEST(test_typed_setters)
{
    pricing_catalog *cat = load(history_json);
    pricing_request *req = NULL;
    pricing_error err;
    char got[128];

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_request_new(&req, cat, "team", &err), 0);
    ck_assert_int_eq(pricing_request_set_quantity(req, "users", 5, &err), 0);
    ck_assert_int_eq(pricing_request_set_plan(req, "month", &err), 0);
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "65.00");
    /* v2's users go to 100, v3's to 10: the value set for v3 is cleared. */
    ck_assert_int_eq(pricing_request_set_date(req, "2026-08-01", &err), 0);
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "missing_attribute /sku/users");
    ck_assert_int_eq(pricing_request_set_quantity(req, "users", 5, &err), 0);
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "60.00");
    ck_assert_int_eq(pricing_request_set_currency(req, "EUR", &err), 0);
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "55.00");
    /* A renewal bought before v2, priced before its existing_from: v1,
     * which does not sell EUR. */
    ck_assert_int_eq(pricing_request_set_type(req, "renew", &err), 0);
    ck_assert_int_eq(pricing_request_set_current_end(req, "2026-08-01", &err),
                     0);
    ck_assert_int_eq(pricing_request_set_bought(req, "2026-02-01", &err),
                     -PRICING_CURRENCY_NOT_OFFERED);
    ck_assert_str_eq(err.path, "/currency");
    ck_assert_int_eq(pricing_request_set_currency(req, NULL, &err), 0);
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_request_set_bought(req, "2026-02-01", &err), 0);
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "50.00");
    /* Checked when computing: bought on a new order, bought after date. */
    ck_assert_int_eq(pricing_request_set_type(req, "new", &err), 0);
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "unknown_field /bought");
    ck_assert_int_eq(pricing_request_set_type(req, "renew", &err), 0);
    ck_assert_int_eq(pricing_request_set_bought(req, "2026-08-02", &err), 0);
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "invalid_value /bought");
    /* A failed setter leaves the request as it was. */
    ck_assert_int_eq(pricing_request_set_bought(req, NULL, &err), 0);
    ck_assert_int_eq(pricing_request_set_date(req, "2025-01-01", &err),
                     -PRICING_NO_VERSION);
    ck_assert_str_eq(err.path, "/date");
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_request_set_currency(req, "eur", &err),
                     -PRICING_INVALID_VALUE);
    ck_assert_str_eq(err.path, "/currency");
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "60.00");
    pricing_request_free(req);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_typed_reselect_keeps_or_clears)
{
    pricing_catalog *cat = load(history_json);
    pricing_request *req = NULL;
    pricing_error err;
    char got[128];

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_request_new(&req, cat, "team", &err), 0);
    ck_assert_int_eq(pricing_request_set_date(req, "2026-08-01", &err), 0);
    ck_assert_int_eq(pricing_request_set_quantity(req, "users", 50, &err), 0);
    ck_assert_int_eq(pricing_request_set_plan(req, "year", &err), 0);
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "6000.00");
    /* v1 has the same attributes: the values stay. */
    ck_assert_int_eq(pricing_request_set_date(req, "2026-02-01", &err), 0);
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "5000.00");
    /* v3's users stop at 10: values set for another shape are cleared. */
    ck_assert_int_eq(pricing_request_set_date(req, NULL, &err), 0);
    compute(got, sizeof got, req);
    ck_assert_str_eq(got, "missing_attribute /sku/users");
    pricing_request_free(req);
    pricing_catalog_free(cat);
}
END_TEST

/* The JSON driver and the typed setters agree byte for byte. */
START_TEST(test_typed_equals_json)
{
    static const char req_json[] =
        "{\"spec\":\"team\",\"sku\":{\"users\":7},\"plan\":\"year\","
        "\"currency\":\"EUR\",\"date\":\"2026-11-01\",\"type\":\"renew\","
        "\"current_end\":\"2026-11-01\",\"bought\":\"2026-03-01\"}";
    pricing_catalog *cat = load(history_json);
    pricing_request *req = NULL;
    pricing_quote *q = NULL;
    pricing_buffer a = PRICING_BUFFER_INIT, b = PRICING_BUFFER_INIT;
    pricing_error err;

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_quote_json(&a, cat, req_json, strlen(req_json),
                                        NULL, 0, &err), 0);
    ck_assert_int_eq(pricing_request_new(&req, cat, "team", &err), 0);
    ck_assert_int_eq(pricing_request_set_date(req, "2026-11-01", &err), 0);
    ck_assert_int_eq(pricing_request_set_currency(req, "EUR", &err), 0);
    ck_assert_int_eq(pricing_request_set_type(req, "renew", &err), 0);
    ck_assert_int_eq(pricing_request_set_bought(req, "2026-03-01", &err), 0);
    ck_assert_int_eq(pricing_request_set_quantity(req, "users", 7, &err), 0);
    ck_assert_int_eq(pricing_request_set_plan(req, "year", &err), 0);
    ck_assert_int_eq(pricing_request_set_current_end(req, "2026-11-01", &err),
                     0);
    ck_assert_int_eq(pricing_quote_new(&q, &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);
    ck_assert_int_eq(pricing_quote_write_json(&b, q, 0, &err), 0);
    ck_assert_str_eq(a.data, b.data);
    ck_assert_ptr_nonnull(strstr(a.data, "\"version\":\"v2\""));
    ck_assert_ptr_nonnull(strstr(a.data, "\"total\":\"770.00\""));
    pricing_buffer_dispose(&a);
    pricing_buffer_dispose(&b);
    pricing_quote_free(q);
    pricing_request_free(req);
    pricing_catalog_free(cat);
}
END_TEST

/* Versions written alike share their charges and strings: what loading
 * twenty versions costs over one is their tables, not their prices. */
START_TEST(test_versions_share)
{
    const pricing_catalog *v1, *v2, *v3;
    const pricing__charge *m1, *m2, *m3, *y1, *y2, *y3;
    pricing_catalog *cat = load(history_json);

    v1 = pricing_catalog_version_at(cat, 0);
    v2 = pricing_catalog_version_at(cat, 1);
    v3 = pricing_catalog_version_at(cat, 2);
    m1 = v1->specs[0].skus[0].prices[0];
    y1 = v1->specs[0].skus[0].prices[1];
    m2 = v2->specs[0].skus[0].prices[0];
    y2 = v2->specs[0].skus[0].prices[1];
    m3 = v3->specs[0].skus[0].prices[0];
    y3 = v3->specs[0].skus[0].prices[1];
    /* v1 and v3 write the year alike but users' max differs: no share. */
    ck_assert_ptr_ne(y1, y3);
    ck_assert_ptr_ne(m1, m3);
    ck_assert_ptr_ne(m1, m2);
    ck_assert_ptr_ne(y1, y2);
    /* Strings are interned across versions. */
    ck_assert_ptr_eq(v1->specs[0].id, v3->specs[0].id);
    ck_assert_ptr_eq(v1->id, cat->id);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_versions_share_charges)
{
    /* Two versions, one price changed: the other charge is shared. */
    static const char two[] =
        "{\"catalog\":\"a\",\"versions\":["
        "{\"catalog\":\"a\",\"version\":\"1\",\"currency\":\"USD\","
        "\"effective\":\"2026-01-01\",\"specs\":[{\"id\":\"s\","
        "\"billing\":\"yearly_monthly\",\"template\":\"simple\","
        "\"prices\":{\"month\":\"10.00\",\"year\":\"100.00\"}}]},"
        "{\"catalog\":\"a\",\"version\":\"2\",\"currency\":\"USD\","
        "\"effective\":\"2026-02-01\",\"specs\":[{\"id\":\"s\","
        "\"billing\":\"yearly_monthly\",\"template\":\"simple\","
        "\"prices\":{\"month\":\"11.00\",\"year\":\"100.00\"}}]}]}";
    pricing_catalog *cat = load(two);
    const pricing_catalog *v1 = pricing_catalog_version_at(cat, 0);
    ck_assert_ptr_eq(v1->specs[0].skus[0].prices[1],
                     cat->specs[0].skus[0].prices[1]);
    ck_assert_ptr_ne(v1->specs[0].skus[0].prices[0],
                     cat->specs[0].skus[0].prices[0]);
    pricing_catalog_free(cat);
}
END_TEST

Suite *unit_versions_suite(void)
{
    Suite *s = suite_create("versions");
    TCase *tc = tcase_create("versions");
    tcase_add_test(tc, test_getters);
    tcase_add_test(tc, test_plain_catalog_is_one_version);
    tcase_add_test(tc, test_select);
    tcase_add_test(tc, test_typed_setters);
    tcase_add_test(tc, test_typed_reselect_keeps_or_clears);
    tcase_add_test(tc, test_typed_equals_json);
    tcase_add_test(tc, test_versions_share);
    tcase_add_test(tc, test_versions_share_charges);
    suite_add_tcase(s, tc);
    return s;
}
