/* SPDX-License-Identifier: MIT */
/* unit_lines.c - every field of every line kind through pricing_quote_line.
 *
 * One catalog prices each rule (linear, graduated, volume, package) next
 * to a base, with a catalog discount; a request adds its own discount; a
 * scale-out of the same spec gives credit and charge lines, one of them a
 * volume charge; a simple spec gives a fixed line. Each line is read into
 * a struct first filled with a byte pattern, and every field is compared:
 * a field the library leaves unset shows up here (and under valgrind, as
 * a use of an uninitialised value).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pricing.h"
#include "unit.h"

/* Single quotes stand for double quotes. */
static const char lines_catalog[] =
    "{'catalog':'lines','currency':'USD','specs':["
    "{'id':'all','billing':'yearly_monthly','plans':['month'],"
    " 'template':'custom','attributes':["
    "  {'id':'users','type':'quantity','min':0,'max':1000},"
    "  {'id':'storage','type':'quantity','min':0,'max':1000},"
    "  {'id':'seats','type':'quantity','min':0,'max':1000},"
    "  {'id':'messages','type':'quantity','min':0,'max':100000}],"
    " 'discounts':[{'plan':'month','min_count':2,'percent_off':'10'}],"
    " 'skus':[{'sku':{},'prices':{'month':{'base':'10.00','quantities':{"
    "  'users':{'linear':'2.00'},"
    "  'storage':{'graduated':[{'up_to':10,'unit_price':'1.00'},"
    "             {'up_to':null,'unit_price':'0.50','flat':'3.00'}]},"
    "  'seats':{'volume':[{'up_to':5,'unit_price':'4.00','flat':'1.00'},"
    "           {'up_to':null,'unit_price':'3.00','flat':'2.00'}]},"
    "  'messages':{'package':{'size':100,'price':'0.70'}}}}}}]},"
    "{'id':'flat','billing':'one_time','template':'simple',"
    " 'prices':{'one_time':'99.95'}}]}";

typedef struct want {
    const char *kind, *attribute, *rule;
    uint32_t tier;
    uint64_t from, to;
    int has_to;
    uint64_t quantity;
    const char *unit_price, *flat, *exact_amount, *amount;
} want;

static char *dq(const char *sq)
{
    size_t n = strlen(sq), i;
    char *s = malloc(n + 1);
    ck_assert_ptr_nonnull(s);
    for (i = 0; i <= n; i++)
        s[i] = sq[i] == '\'' ? '"' : sq[i];
    return s;
}

static void str_eq(const char *got, const char *want_s, size_t i,
                   const char *field)
{
    if (!want_s) {
        ck_assert_msg(got == NULL, "line %zu: %s is \"%s\", not NULL", i,
                      field, got ? got : "");
        return;
    }
    ck_assert_msg(got != NULL, "line %zu: %s is NULL", i, field);
    ck_assert_msg(strcmp(got, want_s) == 0, "line %zu: %s is \"%s\", not "
                  "\"%s\"", i, field, got, want_s);
}

/* Prices request (single-quoted JSON) and compares every line. */
static void check_lines(const pricing_catalog *cat, const char *request,
                        const want *w, size_t n)
{
    pricing_error err;
    pricing_request *req;
    pricing_quote *q;
    char *json = dq(request);
    size_t i;

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_request_parse(&req, cat, json, strlen(json),
                                           &err), 0);
    ck_assert_int_eq(pricing_quote_new(&q, &err), 0);
    ck_assert_int_eq(pricing_quote_compute(q, req, &err), 0);
    ck_assert_uint_eq(pricing_quote_line_count(q), n);
    for (i = 0; i < n; i++) {
        pricing_line l;
        memset(&l, 0xA5, sizeof l);
        ck_assert_int_eq(pricing_quote_line(&l, q, i, &err), 0);
        str_eq(l.kind, w[i].kind, i, "kind");
        str_eq(l.attribute, w[i].attribute, i, "attribute");
        str_eq(l.rule, w[i].rule, i, "rule");
        ck_assert_uint_eq(l.tier, w[i].tier);
        ck_assert_uint_eq(l.from, w[i].from);
        ck_assert_uint_eq(l.to, w[i].to);
        ck_assert_int_eq(l.has_to, w[i].has_to);
        ck_assert_uint_eq(l.quantity, w[i].quantity);
        str_eq(l.unit_price, w[i].unit_price, i, "unit_price");
        str_eq(l.flat, w[i].flat, i, "flat");
        str_eq(l.exact_amount, w[i].exact_amount, i, "exact_amount");
        str_eq(l.amount, w[i].amount, i, "amount");
    }
    /* Past the end: refused, and *out left fully zeroed. */
    {
        pricing_line l;
        pricing_line zero;
        memset(&l, 0xA5, sizeof l);
        memset(&zero, 0, sizeof zero);
        ck_assert_int_eq(pricing_quote_line(&l, q, n, &err),
                         -PRICING_INVALID_ARGUMENT);
        ck_assert_int_eq(err.code, PRICING_INVALID_ARGUMENT);
        ck_assert_str_eq(err.path, "");
        ck_assert_mem_eq(&l, &zero, sizeof l);
    }
    pricing_quote_free(q);
    pricing_request_free(req);
    free(json);
}

static pricing_catalog *load(void)
{
    pricing_error err;
    pricing_catalog *cat;
    char *json = dq(lines_catalog);
    pricing_error_init(&err);
    ck_assert_msg(pricing_catalog_load(&cat, json, strlen(json), &err) == 0,
                  "%s: %s", err.path, err.message);
    free(json);
    return cat;
}

START_TEST(test_order_lines)
{
    /* base 10; users 3 x 2; storage 10 x 1 + 5 x 0.50 + 3; seats 7 in the
     * volume tier 2: 7 x 3 + 2; messages 250 in 3 packages of 0.70: one
     * period 56.60, two 113.20; the catalog's 10 % then 1.50 off. */
    static const want w[] = {
        {"base", NULL, NULL, 0, 0, 0, 0, 1, "10.00", NULL, "20", "20.00"},
        {"quantity", "users", "linear", 0, 0, 0, 0, 3, "2.00", NULL, "12",
         "12.00"},
        {"tier", "storage", "graduated", 1, 0, 10, 1, 10, "1.00", "0", "20",
         "20.00"},
        {"tier", "storage", "graduated", 2, 10, 0, 0, 5, "0.50", "3.00", "11",
         "11.00"},
        {"tier", "seats", "volume", 2, 5, 0, 0, 7, "3.00", "2.00", "46",
         "46.00"},
        {"quantity", "messages", "package", 0, 0, 0, 0, 250, "0.70", NULL,
         "4.2", "4.20"},
        {"discount", NULL, NULL, 0, 0, 0, 0, 1, NULL, NULL, "-11.32",
         "-11.32"},
        {"discount", NULL, NULL, 0, 0, 0, 0, 1, NULL, NULL, "-1.5", "-1.50"},
    };
    pricing_catalog *cat = load();
    check_lines(cat,
                "{'spec':'all','count':2,'sku':{'users':3,'storage':15,"
                "'seats':7,'messages':250},"
                "'discount':{'amount_off':'1.50'}}",
                w, sizeof w / sizeof *w);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_change_lines)
{
    /* From users 3, seats 5 to users 4, seats 7 over 30 days, 10 left: the
     * non-volume part is credited and charged again; seats adds 2 units
     * in tier 2, whose flat is charged since the tier changed. */
    static const want w[] = {
        {"credit", NULL, NULL, 0, 0, 0, 0, 1, NULL, NULL, "-11.2", "-11.20"},
        {"charge", NULL, NULL, 0, 0, 0, 0, 1, NULL, NULL, "178/15",
         "11.87"},
        {"charge", "seats", "volume", 2, 5, 0, 0, 2, "3.00", "2.00", "8/3",
         "2.66"},
    };
    pricing_catalog *cat = load();
    check_lines(cat,
                "{'spec':'all','type':'scale_out','start':'2026-04-01',"
                "'change_date':'2026-04-21',"
                "'from':{'users':3,'storage':15,'seats':5,'messages':250},"
                "'sku':{'users':4,'storage':15,'seats':7,'messages':250}}",
                w, sizeof w / sizeof *w);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_fixed_line)
{
    static const want w[] = {
        {"fixed", NULL, NULL, 0, 0, 0, 0, 1, "99.95", NULL, "99.95", "99.95"},
    };
    pricing_catalog *cat = load();
    check_lines(cat, "{'spec':'flat'}", w, 1);
    pricing_catalog_free(cat);
}
END_TEST

Suite *unit_lines_suite(void)
{
    Suite *s = suite_create("lines");
    TCase *tc = tcase_create("kinds");
    tcase_add_test(tc, test_order_lines);
    tcase_add_test(tc, test_change_lines);
    tcase_add_test(tc, test_fixed_line);
    suite_add_tcase(s, tc);
    return s;
}
