/* SPDX-License-Identifier: MIT */
/* unit_info.c - introspection: the example catalog and a tiered one,
 * enumerated through the public API with exact values. */
#include <stdlib.h>
#include <string.h>

#include "pricing.h"
#include "unit.h"

static pricing_catalog *load_file(const char *name)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    char path[1024];
    strcpy(path, SRCDIR "/");
    strcat(path, name);
    pricing_error_init(&err);
    ck_assert_msg(pricing_catalog_load_file(&cat, path, &err) == 0, "%s: %s",
                  path, err.message);
    return cat;
}

static pricing_catalog *load(const char *json)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    pricing_error_init(&err);
    ck_assert_msg(pricing_catalog_load(&cat, json, strlen(json), &err) == 0,
                  "%s at %s", err.message, err.path);
    return cat;
}

/* Price index of sku / plan, which must exist. */
static pricing_price price(const pricing_spec *spec, size_t sku,
                           const char *plan, size_t index)
{
    pricing_price p;
    pricing_error err;
    pricing_error_init(&err);
    ck_assert_msg(pricing_spec_price(&p, spec, sku, plan, index, &err) == 0,
                  "%s", err.message);
    return p;
}

START_TEST(test_example_specs)
{
    pricing_catalog *cat = load_file("examples/catalog.json");
    const pricing_spec *st = pricing_catalog_spec(cat, 0);
    const pricing_spec *sd = pricing_catalog_spec(cat, 1);
    const pricing_spec *op = pricing_catalog_spec(cat, 2);
    uint32_t counts[200];

    ck_assert_ptr_null(pricing_catalog_spec(cat, 3));
    ck_assert_ptr_eq(pricing_catalog_find_spec(cat, "standard"), sd);
    ck_assert_ptr_null(pricing_catalog_find_spec(cat, "Standard"));

    ck_assert_str_eq(pricing_spec_id(st), "starter");
    ck_assert_str_eq(pricing_spec_name(st), "Starter (single workspace)");
    ck_assert_str_eq(pricing_spec_billing(st), "yearly_monthly");
    ck_assert_str_eq(pricing_spec_template(st), "simple");
    ck_assert_uint_eq(pricing_spec_plan_count(st), 2);
    ck_assert_str_eq(pricing_spec_plan(st, 0), "month");
    ck_assert_str_eq(pricing_spec_plan(st, 1), "year");
    ck_assert_ptr_null(pricing_spec_plan(st, 2));
    ck_assert_uint_eq(pricing_spec_allowed_counts(counts, 200, st, "month"), 3);
    ck_assert_uint_eq(counts[0], 1);
    ck_assert_uint_eq(counts[1], 3);
    ck_assert_uint_eq(counts[2], 6);
    ck_assert_uint_eq(pricing_spec_allowed_counts(counts, 2, st, "year"), 3);
    ck_assert_uint_eq(counts[0], 1);
    ck_assert_uint_eq(counts[1], 2);
    ck_assert_uint_eq(pricing_spec_allowed_counts(NULL, 0, st, "one_time"), 0);
    ck_assert_uint_eq(pricing_spec_allowed_counts(NULL, 0, st, "week"), 0);
    ck_assert_uint_eq(pricing_spec_trial_days(st), 0);
    ck_assert_uint_eq(pricing_spec_attribute_count(st), 0);
    ck_assert_uint_eq(pricing_spec_sku_count(st), 1);
    ck_assert(pricing_spec_sku_available(st, 0));

    ck_assert_str_eq(pricing_spec_name(sd), "Standard edition");
    ck_assert_str_eq(pricing_spec_template(sd), "custom");
    ck_assert_uint_eq(pricing_spec_trial_days(sd), 14);
    /* No counts member: every count from 1 to 120. */
    ck_assert_uint_eq(pricing_spec_allowed_counts(counts, 200, sd, "month"), 120);
    ck_assert_uint_eq(counts[0], 1);
    ck_assert_uint_eq(counts[119], 120);

    ck_assert_str_eq(pricing_spec_billing(op), "one_time");
    ck_assert_uint_eq(pricing_spec_plan_count(op), 1);
    ck_assert_str_eq(pricing_spec_plan(op, 0), "one_time");
    ck_assert_uint_eq(pricing_spec_allowed_counts(counts, 200, op, "one_time"), 1);
    ck_assert_uint_eq(counts[0], 1);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_example_attributes)
{
    pricing_catalog *cat = load_file("examples/catalog.json");
    const pricing_spec *sd = pricing_catalog_find_spec(cat, "standard");
    const pricing_attribute *ed = pricing_spec_attribute(sd, 0);
    const pricing_attribute *us = pricing_spec_attribute(sd, 1);

    ck_assert_uint_eq(pricing_spec_attribute_count(sd), 2);
    ck_assert_ptr_null(pricing_spec_attribute(sd, 2));
    ck_assert_ptr_eq(pricing_spec_find_attribute(sd, "users"), us);
    ck_assert_ptr_null(pricing_spec_find_attribute(sd, "seats"));

    ck_assert_str_eq(pricing_attribute_id(ed), "edition");
    ck_assert_str_eq(pricing_attribute_type(ed), "enum");
    ck_assert_uint_eq(pricing_attribute_value_count(ed), 3);
    ck_assert_str_eq(pricing_attribute_value(ed, 0), "basic");
    ck_assert_str_eq(pricing_attribute_value(ed, 1), "pro");
    ck_assert_str_eq(pricing_attribute_value(ed, 2), "enterprise");
    ck_assert_ptr_null(pricing_attribute_value(ed, 3));
    ck_assert_uint_eq(pricing_attribute_max(ed), 0);
    ck_assert_ptr_null(pricing_attribute_unit(ed));

    ck_assert_str_eq(pricing_attribute_id(us), "users");
    ck_assert_str_eq(pricing_attribute_type(us), "quantity");
    ck_assert_uint_eq(pricing_attribute_value_count(us), 0);
    ck_assert_ptr_null(pricing_attribute_value(us, 0));
    ck_assert_uint_eq(pricing_attribute_min(us), 1);
    ck_assert_uint_eq(pricing_attribute_max(us), 1000);
    ck_assert_uint_eq(pricing_attribute_step(us), 1);
    ck_assert_str_eq(pricing_attribute_unit(us), "user");

    ck_assert_uint_eq(pricing_spec_sku_count(sd), 3);
    ck_assert_str_eq(pricing_spec_sku_value(sd, 0, 0), "basic");
    ck_assert_str_eq(pricing_spec_sku_value(sd, 2, 0), "enterprise");
    ck_assert_ptr_null(pricing_spec_sku_value(sd, 1, 1));
    ck_assert_ptr_null(pricing_spec_sku_value(sd, 3, 0));
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_example_prices)
{
    pricing_catalog *cat = load_file("examples/catalog.json");
    const pricing_spec *st = pricing_catalog_spec(cat, 0);
    const pricing_spec *sd = pricing_catalog_spec(cat, 1);
    const char *names[] = {"users", "edition"}, *values[] = {"7", "pro"};
    pricing_price p;
    pricing_error err;
    size_t sku = 99;

    p = price(st, 0, "year", 0);
    ck_assert_str_eq(p.kind, "fixed");
    ck_assert_str_eq(p.unit_price, "990.00");
    ck_assert_ptr_null(p.attribute);
    ck_assert_ptr_null(p.rule);
    ck_assert_uint_eq(pricing_spec_price_count(st, 0, "year"), 1);

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_spec_find_sku(&sku, sd, names, values, 2, &err),
                     0);
    ck_assert_uint_eq(sku, 1);
    ck_assert_uint_eq(pricing_spec_price_count(sd, sku, "month"), 4);
    p = price(sd, sku, "month", 0);
    ck_assert_str_eq(p.kind, "base");
    ck_assert_str_eq(p.unit_price, "100.00");
    p = price(sd, sku, "month", 1);
    ck_assert_str_eq(p.kind, "tier");
    ck_assert_str_eq(p.attribute, "users");
    ck_assert_str_eq(p.rule, "graduated");
    ck_assert_uint_eq(p.tier, 1);
    ck_assert_int_eq(p.has_up_to, 1);
    ck_assert_uint_eq(p.up_to, 10);
    ck_assert_str_eq(p.unit_price, "50.00");
    ck_assert_str_eq(p.flat, "0");
    p = price(sd, sku, "month", 3);
    ck_assert_uint_eq(p.tier, 3);
    ck_assert_int_eq(p.has_up_to, 0);
    ck_assert_str_eq(p.unit_price, "32.50");
    ck_assert_uint_eq(pricing_spec_price_count(sd, sku, "year"), 3);

    p = price(sd, 2, "month", 1); /* enterprise: volume with flat fees */
    ck_assert_str_eq(p.rule, "volume");
    ck_assert_str_eq(p.unit_price, "45.00");
    ck_assert_str_eq(p.flat, "200.00");
    p = price(sd, 0, "year", 0); /* basic: linear, no base */
    ck_assert_str_eq(p.kind, "quantity");
    ck_assert_str_eq(p.rule, "linear");
    ck_assert_str_eq(p.unit_price, "300.00");
    ck_assert_ptr_null(p.flat);
    ck_assert_uint_eq(pricing_spec_price_count(sd, 0, "year"), 1);

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_spec_price(&p, sd, 0, "year", 1, &err),
                     -PRICING_INVALID_ARGUMENT);
    ck_assert_str_eq(err.message,
                     "pricing_spec_price: no price 1 (there are 1)");
    ck_assert_ptr_null(p.kind);
    ck_assert_uint_eq(pricing_spec_price_count(sd, 0, "one_time"), 0);
    ck_assert_uint_eq(pricing_spec_price_count(sd, 0, "week"), 0);
    ck_assert_uint_eq(pricing_spec_price_count(sd, 3, "month"), 0);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_find_sku_errors)
{
    pricing_catalog *cat = load_file("examples/catalog.json");
    const pricing_spec *sd = pricing_catalog_spec(cat, 1);
    const char *names[] = {"edition"}, *bad[] = {"prof"}, *who[] = {"editon"};
    pricing_error err;
    size_t sku = 7;

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_spec_find_sku(&sku, sd, names, bad, 1, &err),
                     -PRICING_UNKNOWN_VALUE);
    ck_assert_str_eq(err.path, "/sku/edition");
    ck_assert_str_eq(err.message, "'prof' is not a value of edition; did you "
                                  "mean 'pro'? values: basic, pro, enterprise");
    ck_assert_uint_eq(sku, 0);
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_spec_find_sku(&sku, sd, who, bad, 1, &err),
                     -PRICING_UNKNOWN_ATTRIBUTE);
    ck_assert_str_eq(err.path, "/sku/editon");
    ck_assert_str_eq(err.message, "the spec standard has no attribute "
                                  "'editon'; did you mean 'edition'? "
                                  "attributes: edition, users");
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_spec_find_sku(&sku, sd, NULL, NULL, 0, &err),
                     -PRICING_MISSING_ATTRIBUTE);
    ck_assert_str_eq(err.path, "/sku/edition");
    ck_assert_int_eq(pricing_spec_find_sku(&sku, NULL, NULL, NULL, 0, NULL),
                     -PRICING_INVALID_ARGUMENT);
    /* A spec without enum attributes has the one SKU 0. */
    ck_assert_int_eq(pricing_spec_find_sku(&sku, pricing_catalog_spec(cat, 0),
                                           NULL, NULL, 0, NULL),
                     0);
    ck_assert_uint_eq(sku, 0);
    pricing_catalog_free(cat);
}
END_TEST

/* Two enum attributes (the last varies fastest), an unavailable SKU, a
 * package rule and a stairstep-like volume table. */
static const char tiered_json[] =
    "{\"catalog\":\"t\",\"currency\":\"EUR\",\"specs\":[{\"id\":\"storage\","
    "\"billing\":\"yearly_monthly\",\"plans\":[\"year\"],"
    "\"counts\":{\"year\":[1,2,3]},"
    "\"attributes\":[{\"id\":\"region\",\"type\":\"enum\","
    "\"values\":[\"eu\",\"us\"]},{\"id\":\"tier\",\"type\":\"enum\","
    "\"values\":[\"hot\",\"cold\"]},{\"id\":\"gb\",\"type\":\"quantity\","
    "\"min\":100,\"max\":10000,\"step\":100,\"unit\":\"GB\"},"
    "{\"id\":\"ops\",\"type\":\"quantity\",\"min\":0,\"max\":5}],"
    "\"template\":\"custom\",\"skus\":["
    "{\"sku\":{\"region\":\"eu\",\"tier\":\"hot\"},\"prices\":{\"year\":{"
    "\"base\":\"12\",\"quantities\":{"
    "\"gb\":{\"package\":{\"size\":1000,\"price\":\"4.5\",\"round\":\"down\"}},"
    "\"ops\":{\"volume\":[{\"up_to\":2,\"unit_price\":\"0\",\"flat\":\"10\"},"
    "{\"up_to\":null,\"unit_price\":\"0\",\"flat\":\"15.125\"}]}}}}},"
    "{\"sku\":{\"region\":\"eu\",\"tier\":\"cold\"},\"prices\":{\"year\":\"7\"}},"
    "{\"sku\":{\"region\":\"us\",\"tier\":\"hot\"},\"available\":false},"
    "{\"sku\":{\"region\":\"us\",\"tier\":\"cold\"},\"prices\":{\"year\":\"8\"}}"
    "]}]}";

START_TEST(test_tiered)
{
    pricing_catalog *cat = load(tiered_json);
    const pricing_spec *sp = pricing_catalog_spec(cat, 0);
    const char *names[] = {"tier", "region"}, *values[] = {"hot", "us"};
    uint32_t counts[4];
    pricing_price p;
    size_t sku;

    ck_assert_ptr_null(pricing_spec_name(sp));
    ck_assert_uint_eq(pricing_spec_allowed_counts(counts, 4, sp, "year"), 3);
    ck_assert_uint_eq(counts[2], 3);
    ck_assert_uint_eq(pricing_spec_allowed_counts(counts, 4, sp, "month"), 0);
    ck_assert_uint_eq(pricing_spec_sku_count(sp), 4);
    ck_assert_str_eq(pricing_spec_sku_value(sp, 1, 0), "eu");
    ck_assert_str_eq(pricing_spec_sku_value(sp, 1, 1), "cold");
    ck_assert_str_eq(pricing_spec_sku_value(sp, 2, 0), "us");
    ck_assert_str_eq(pricing_spec_sku_value(sp, 2, 1), "hot");
    ck_assert_int_eq(pricing_spec_find_sku(&sku, sp, names, values, 2, NULL),
                     0);
    ck_assert_uint_eq(sku, 2);
    ck_assert(!pricing_spec_sku_available(sp, 2));
    ck_assert(pricing_spec_sku_available(sp, 3));
    ck_assert_uint_eq(pricing_spec_price_count(sp, 2, "year"), 0);
    ck_assert_str_eq(pricing_attribute_unit(pricing_spec_attribute(sp, 2)),
                     "GB");
    ck_assert_ptr_null(pricing_attribute_unit(pricing_spec_attribute(sp, 3)));
    ck_assert_uint_eq(pricing_attribute_step(pricing_spec_attribute(sp, 3)),
                      1);

    ck_assert_uint_eq(pricing_spec_price_count(sp, 0, "year"), 4);
    p = price(sp, 0, "year", 0);
    ck_assert_str_eq(p.kind, "base");
    ck_assert_str_eq(p.unit_price, "12");
    p = price(sp, 0, "year", 1);
    ck_assert_str_eq(p.kind, "quantity");
    ck_assert_str_eq(p.attribute, "gb");
    ck_assert_str_eq(p.rule, "package");
    ck_assert_uint_eq(p.package_size, 1000);
    ck_assert_str_eq(p.package_round, "down");
    ck_assert_str_eq(p.unit_price, "4.5");
    ck_assert_uint_eq(p.tier, 0);
    p = price(sp, 0, "year", 3);
    ck_assert_str_eq(p.kind, "tier");
    ck_assert_str_eq(p.attribute, "ops");
    ck_assert_str_eq(p.rule, "volume");
    ck_assert_uint_eq(p.tier, 2);
    ck_assert_int_eq(p.has_up_to, 0);
    ck_assert_str_eq(p.unit_price, "0");
    ck_assert_str_eq(p.flat, "15.125");
    p = price(sp, 3, "year", 0);
    ck_assert_str_eq(p.kind, "fixed");
    ck_assert_str_eq(p.unit_price, "8");
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_null_safe)
{
    pricing_price p;
    ck_assert_ptr_null(pricing_catalog_spec(NULL, 0));
    ck_assert_ptr_null(pricing_catalog_find_spec(NULL, "x"));
    ck_assert_ptr_null(pricing_spec_id(NULL));
    ck_assert_ptr_null(pricing_spec_billing(NULL));
    ck_assert_ptr_null(pricing_spec_template(NULL));
    ck_assert_uint_eq(pricing_spec_plan_count(NULL), 0);
    ck_assert_ptr_null(pricing_spec_plan(NULL, 0));
    ck_assert_uint_eq(pricing_spec_allowed_counts(NULL, 0, NULL, "month"), 0);
    ck_assert_uint_eq(pricing_spec_attribute_count(NULL), 0);
    ck_assert_ptr_null(pricing_spec_find_attribute(NULL, "x"));
    ck_assert_ptr_null(pricing_attribute_id(NULL));
    ck_assert_ptr_null(pricing_attribute_type(NULL));
    ck_assert_uint_eq(pricing_attribute_min(NULL), 0);
    ck_assert_uint_eq(pricing_spec_sku_count(NULL), 0);
    ck_assert_int_eq(pricing_spec_sku_available(NULL, 0), 0);
    ck_assert_uint_eq(pricing_spec_price_count(NULL, 0, "month"), 0);
    ck_assert_int_eq(pricing_spec_price(&p, NULL, 0, "month", 0, NULL),
                     -PRICING_INVALID_ARGUMENT);
    ck_assert_int_eq(pricing_spec_price(NULL, NULL, 0, NULL, 0, NULL),
                     -PRICING_INVALID_ARGUMENT);
}
END_TEST

Suite *unit_info_suite(void)
{
    Suite *s = suite_create("info");
    TCase *tc = tcase_create("introspection");
    tcase_add_test(tc, test_example_specs);
    tcase_add_test(tc, test_example_attributes);
    tcase_add_test(tc, test_example_prices);
    tcase_add_test(tc, test_find_sku_errors);
    tcase_add_test(tc, test_tiered);
    tcase_add_test(tc, test_null_safe);
    suite_add_tcase(s, tc);
    return s;
}
