/* SPDX-License-Identifier: MIT */
/* unit_suggest.c - "did you mean" and the lists of valid choices in error
 * messages, through the internal helper and through both request APIs;
 * catalog warnings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing.h"
#include "suggest.h"
#include "unit.h"

static const char *const words[] = {"basic", "pro", "enterprise", NULL};

static long near(const char *word)
{
    pricing__choices c = pricing__choices_list("values", words);
    return pricing__suggest(word, strlen(word), &c);
}

START_TEST(test_nearest)
{
    static const char *const tie[] = {"v06", "v10", "v61", NULL};
    pricing__choices c = pricing__choices_list("values", tie);

    ck_assert_int_eq(near("prof"), 1);       /* one insertion */
    ck_assert_int_eq(near("PRO"), 1);        /* case only */
    ck_assert_int_eq(near("baisc"), 0);      /* a swap of neighbours */
    ck_assert_int_eq(near("enterprize"), 2); /* a substitution */
    ck_assert_int_eq(near("entreprse"), 2);  /* two edits in nine letters */
    ck_assert_int_eq(near("gold"), -1);
    ck_assert_int_eq(near("x"), -1);  /* no name is one edit from "x" */
    ck_assert_int_eq(near(""), -1);
    /* The public form, for front ends (NULL entries skipped). */
    {
        const char *cmds[] = {"quote", NULL, "validate", "batch"};
        ck_assert_int_eq(pricing_suggest("qoute", cmds, 4), 0);
        ck_assert_int_eq(pricing_suggest("valdate", cmds, 4), 2);
        ck_assert_int_eq(pricing_suggest("frobnicate", cmds, 4), -1);
        ck_assert_int_eq(pricing_suggest(NULL, cmds, 4), -1);
        ck_assert_int_eq(pricing_suggest("x", NULL, 0), -1);
    }
    /* Ties: the name sharing more letters, then the first. */
    ck_assert_int_eq(pricing__suggest("v16", 3, &c), 2);
    c.n = 2;
    ck_assert_int_eq(pricing__suggest("v16", 3, &c), 0);
}
END_TEST

static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC2 ? 2 : 0;
        int i;
        if (n == 0)
            return 0;
        for (i = 1; i < n; i++)
            if ((p[i] & 0xC0) != 0x80)
                return 0;
        p += n;
    }
    return 1;
}

START_TEST(test_message_bounds)
{
    char msg[PRICING_ERROR_MESSAGE_SIZE], name[40][64], head[64];
    const char *names[41];
    pricing__choices c;
    int i;

    for (i = 0; i < 40; i++) {
        /* 2-byte characters, so a byte cut would break one */
        snprintf(name[i], sizeof name[i],
                 "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9-value-%02d", i);
        names[i] = name[i];
    }
    names[40] = NULL;
    c = pricing__choices_list("values", names);
    pricing__hint_message(msg, "zz", &c, "'%s' is not a value of %s", "zz",
                          "edition");
    ck_assert_uint_lt(strlen(msg), sizeof msg);
    ck_assert(valid_utf8(msg));
    /* Whole items only, then how many were left out. */
    ck_assert_ptr_nonnull(strstr(msg, "; values: \xc3\xa9"));
    ck_assert_ptr_nonnull(strstr(msg, " more"));
    ck_assert_int_eq(msg[strlen(msg) - 1], 'e');
    ck_assert_ptr_null(strstr(msg, ", and"));

    /* A dozen at most. */
    for (i = 0; i < 13; i++) {
        snprintf(name[i], sizeof name[i], "n%02d", i);
        names[i] = name[i];
    }
    c.n = 13;
    pricing__hint_message(msg, "zz", &c, "x");
    ck_assert_str_eq(msg, "x; values: n00, n01, n02, n03, n04, n05, n06, "
                          "n07, n08, n09, n10, n11 and 1 more");
    /* A head that fills the buffer leaves no room for a hint. */
    memset(head, 'h', 63);
    head[63] = '\0';
    pricing__hint_message(msg, "zz", &c, "%s%s%s%s%s", head, head, head,
                          head, head);
    ck_assert_uint_eq(strlen(msg), sizeof msg - 1);
    ck_assert_ptr_null(strchr(msg, ';'));
}
END_TEST

static const char catalog_json[] =
    "{\"catalog\":\"t\",\"currency\":\"USD\",\"specs\":["
    "{\"id\":\"standard\",\"billing\":\"yearly_monthly\","
    "\"plans\":[\"month\",\"year\"],\"counts\":{\"year\":[1,2,3,5]},"
    "\"attributes\":[{\"id\":\"edition\",\"type\":\"enum\","
    "\"values\":[\"basic\",\"pro\",\"enterprise\"]},"
    "{\"id\":\"users\",\"type\":\"quantity\",\"min\":5,\"max\":100,"
    "\"step\":5}],\"template\":\"custom\",\"skus\":["
    "{\"sku\":{\"edition\":\"basic\"},\"prices\":{\"month\":\"1\",\"year\":\"9\"}},"
    "{\"sku\":{\"edition\":\"pro\"},\"prices\":{\"month\":\"2\",\"year\":\"19\"}},"
    "{\"sku\":{\"edition\":\"enterprise\"},\"prices\":{\"month\":\"3\","
    "\"year\":\"29\"}}]}]}";

static pricing_catalog *load(const char *json)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    pricing_error_init(&err);
    ck_assert_msg(pricing_catalog_load(&cat, json, strlen(json), &err) == 0,
                  "%s", err.message);
    return cat;
}

/* The JSON driver's message for request json. */
static void driver_message(const pricing_catalog *cat, const char *json,
                           pricing_error *err)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error_init(err);
    ck_assert_int_ne(pricing_quote_json(&buf, cat, json, strlen(json), NULL,
                                        0, err),
                     0);
    pricing_buffer_dispose(&buf);
}

#define TYPED(call, want)                                                      \
    do {                                                                       \
        pricing_error_init(&err);                                              \
        ck_assert_int_ne((call), 0);                                           \
        ck_assert_str_eq(err.message, (want));                                 \
    } while (0)

START_TEST(test_both_apis)
{
    pricing_catalog *cat = load(catalog_json);
    pricing_request *req = NULL;
    pricing_quote *q = NULL;
    pricing_error err, jerr;

    TYPED(pricing_request_new(&req, cat, "standrad", &err),
          "the catalog has no spec 'standrad'; did you mean 'standard'? "
          "specs: standard");
    driver_message(cat, "{\"spec\":\"standrad\"}", &jerr);
    ck_assert_str_eq(jerr.message, err.message);

    ck_assert_int_eq(pricing_request_new(&req, cat, "standard", &err), 0);
    TYPED(pricing_request_set_enum(req, "edition", "prof", &err),
          "'prof' is not a value of edition; did you mean 'pro'? values: "
          "basic, pro, enterprise");
    driver_message(cat, "{\"spec\":\"standard\",\"sku\":{\"edition\":\"prof\"}}",
                   &jerr);
    ck_assert_str_eq(jerr.message, err.message);

    TYPED(pricing_request_set_enum(req, "editon", "pro", &err),
          "the spec standard has no attribute 'editon'; did you mean "
          "'edition'? attributes: edition, users");
    TYPED(pricing_request_set_from_quantity(req, "user", 5, &err),
          "the spec standard has no attribute 'user'; did you mean 'users'? "
          "attributes: edition, users");
    TYPED(pricing_request_set_plan(req, "montly", &err),
          "the spec standard does not sell the plan 'montly'; did you mean "
          "'month'? plans: month, year");
    TYPED(pricing_request_set_plan(req, "one_time", &err),
          "the spec standard does not sell the plan 'one_time'; plans: "
          "month, year");
    TYPED(pricing_request_set_quantity(req, "users", 12, &err),
          "users = 12 is not min 5 plus a multiple of the step 5; the "
          "nearest valid quantities are 10 and 15");
    TYPED(pricing_request_set_discount(req, "percent_of", "10", 0, &err),
          "'percent_of' is not a discount; did you mean 'percent_off'? "
          "discounts: percent_off, amount_off");

    ck_assert_int_eq(pricing_request_set_enum(req, "edition", "pro", &err), 0);
    ck_assert_int_eq(pricing_request_set_quantity(req, "users", 10, &err), 0);
    ck_assert_int_eq(pricing_request_set_plan(req, "year", &err), 0);
    ck_assert_int_eq(pricing_request_set_count(req, 4, &err), 0);
    ck_assert_int_eq(pricing_quote_new(&q, &err), 0);
    TYPED(pricing_quote_compute(q, req, &err),
          "standard: 4 periods of year are not sold; counts: 1 to 3, 5");
    driver_message(cat, "{\"spec\":\"standard\",\"sku\":{\"edition\":\"pro\","
                        "\"users\":10},\"plan\":\"year\",\"count\":4}",
                   &jerr);
    ck_assert_str_eq(jerr.message, err.message);

    pricing_quote_free(q);
    pricing_request_free(req);
    pricing_catalog_free(cat);
}
END_TEST

static const char cyn_json[] =
    "{\"catalog\":\"t\",\"currency\":\"CYN\",\"minor_units\":2,\"specs\":["
    "{\"id\":\"s\",\"billing\":\"one_time\",\"template\":\"simple\","
    "\"prices\":{\"one_time\":\"1.00\"}}]}";

START_TEST(test_warnings)
{
    pricing_catalog *cat = load(cyn_json), *usd = load(catalog_json);
    pricing_warning w;
    pricing_error err;
    char far[sizeof cyn_json];
    const char *p;

    ck_assert_uint_eq(pricing_catalog_warning_count(cat), 1);
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_catalog_warning(&w, cat, 0, &err), 0);
    ck_assert_str_eq(w.code, "currency_not_iso");
    ck_assert_str_eq(w.path, "/currency");
    ck_assert_str_eq(w.message, "CYN is not an ISO 4217 code (loaded with "
                                "its minor_units); did you mean 'CNY'?");
    ck_assert_int_eq(pricing_catalog_warning(&w, cat, 1, &err),
                     -PRICING_INVALID_ARGUMENT);
    ck_assert_str_eq(err.message,
                     "pricing_catalog_warning: no warning 1 (there are 1)");
    ck_assert_uint_eq(pricing_catalog_warning_count(usd), 0);
    ck_assert_uint_eq(pricing_catalog_warning_count(NULL), 0);
    ck_assert_int_eq(pricing_catalog_warning(NULL, cat, 0, NULL),
                     -PRICING_INVALID_ARGUMENT);
    pricing_catalog_free(cat);

    /* Far from every code, or a listed code without minor units: none. */
    strcpy(far, cyn_json);
    p = strstr(far, "CYN");
    memcpy(far + (p - far), "QQQ", 3);
    cat = load(far);
    ck_assert_uint_eq(pricing_catalog_warning_count(cat), 0);
    pricing_catalog_free(cat);
    memcpy(far + (p - far), "XAU", 3);
    cat = load(far);
    ck_assert_uint_eq(pricing_catalog_warning_count(cat), 0);
    pricing_catalog_free(cat);
    pricing_catalog_free(usd);
}
END_TEST

Suite *unit_suggest_suite(void)
{
    Suite *s = suite_create("suggest");
    TCase *tc = tcase_create("suggest");
    tcase_add_test(tc, test_nearest);
    tcase_add_test(tc, test_message_bounds);
    tcase_add_test(tc, test_both_apis);
    tcase_add_test(tc, test_warnings);
    suite_add_tcase(s, tc);
    return s;
}
