/* SPDX-License-Identifier: MIT */
/* unit_defer.c - catalogs whose SKU lists are parsed one entry at a time
 * (json_defer.c), and the loaded catalog's compact layout (model.h):
 * amounts as read-only views, a charge's rules behind it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "pricing.h"
#include "json_defer.h"
#include "model.h"
#include "unit.h"

/* Single quotes stand for double quotes. */
static char *dq(const char *sq)
{
    size_t n = strlen(sq), i;
    char *s = malloc(n + 1);
    ck_assert(s != NULL);
    for (i = 0; i <= n; i++)
        s[i] = sq[i] == '\'' ? '"' : sq[i];
    return s;
}

/* Blanks inside a SKU list, so that the lists are most of each text (a
 * catalog is parsed so only then, see test_defer_small). */
#define PAD64 "                                                                "
#define PAD PAD64 PAD64 PAD64 PAD64 PAD64 PAD64 PAD64 PAD64

/* A custom spec of one enum attribute (a, b, c) and a users quantity;
 * its three SKUs each write a base as a JSON integer, and b's entry holds
 * an object with a "specs" member (not a SKU list: inside one). */
#define SKU_SPEC(id)                                                          \
    "{'id':'" id "','billing':'yearly_monthly','template':'custom',"          \
    "'attributes':[{'id':'e','type':'enum','values':['a','b','c']},"          \
    "{'id':'users','type':'quantity','min':1,'max':100}],'skus':[" PAD      \
    "{'sku':{'e':'a'},'prices':{'month':{'base':100,'quantities':{'users':"   \
    "{'graduated':[{'up_to':10,'unit_price':'1.5'},{'up_to':null,"           \
    "'unit_price':2}]}}}}},"                                                   \
    " {'sku':{'e':'b'},'prices':{'month':{'base':200,'quantities':{'users':"  \
    "{'linear':'0.25'}}}}} ,\n"                                                \
    "{'sku':{'e':'c'},'available':false}]}"

/* The strict pass records each SKU list; cJSON sees them empty; the
 * entries come back one at a time with their numbers' ordinals. */
START_TEST(test_defer_doc)
{
    char *text = dq("{'catalog':'c','currency':'USD','minor_units':2,"
                    "'specs':[" SKU_SPEC("s") "," SKU_SPEC("t") "],"
                    "'x':{'specs':[{'skus':[1]}]}}");
    size_t len = strlen(text);
    const pricing__numbers *nums;
    const cJSON *specs, *skus, *e;
    pricing__elems it;
    pricing__doc doc;
    pricing_error err;
    pricing__rd rd;
    size_t k = 0;
    int rc;

    pricing_error_init(&err);
    ck_assert_int_eq(pricing__doc_parse_catalog(&doc, text, len, &err), 0);
    /* two lists: the one under "x" counts too (the strict pass does not
     * know the catalog's members), nested ones do not */
    ck_assert_uint_eq(doc.spans.n, 3);
    ck_assert_ptr_nonnull(doc.skeleton);
    nums = &doc.nums;
    ck_assert_uint_eq(nums->n, 1 + 2 * (2 + 4) + 1);
    ck_assert_int_eq(text[doc.spans.v[0].start], '[');
    ck_assert_int_eq(text[doc.spans.v[0].end - 1], ']');
    ck_assert_uint_eq(doc.spans.v[0].count, 3);
    /* after minor_units, min, max */
    ck_assert_uint_eq(doc.spans.v[0].first_num, 3);
    ck_assert_uint_eq(doc.spans.v[0].nnums, 4);
    ck_assert_uint_eq(doc.spans.v[1].first_num, 9);
    specs = cJSON_GetObjectItemCaseSensitive(doc.root, "specs");
    skus = cJSON_GetObjectItemCaseSensitive(specs->child->next, "skus");
    ck_assert_ptr_null(skus->child); /* emptied in the skeleton */
    ck_assert_uint_eq(pricing__elems_count(&doc, skus), 3);
    rd.doc = &doc;
    rd.err = &err;
    pricing__elems_start(&it, &doc, skus);
    while ((rc = pricing__elems_next(&it, &e, &err)) > 0) {
        const cJSON *base = cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(
                cJSON_GetObjectItemCaseSensitive(e, "prices"), "month"),
            "base");
        if (k < 2) {
            const pricing__numlex *lx = pricing__rd_num(&rd, base);
            ck_assert_int_eq(memcmp(text + lx->offset, k ? "200" : "100", 3),
                             0);
        } else {
            ck_assert_ptr_null(base);
        }
        k++;
    }
    pricing__elems_end(&it);
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(k, 3);
    pricing__doc_dispose(&doc);
    pricing__doc_dispose(&doc); /* twice is harmless */
    free(text);
}
END_TEST

/* SKU lists under half the text: no skeleton, the whole tree, and the
 * same walk over the tree's children. */
START_TEST(test_defer_small)
{
    char *text = dq("{'catalog':'c','currency':'USD','specs':[" SKU_SPEC("s")
                    "],'pad':'" PAD PAD PAD "'}");
    const cJSON *skus;
    pricing__doc doc;
    pricing_error err;

    pricing_error_init(&err);
    ck_assert_int_eq(pricing__doc_parse_catalog(&doc, text, strlen(text),
                                                &err),
                     0);
    ck_assert_uint_eq(doc.spans.n, 0);
    ck_assert_ptr_null(doc.skeleton);
    skus = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(doc.root, "specs")->child, "skus");
    ck_assert_ptr_nonnull(skus->child);
    ck_assert_uint_eq(pricing__elems_count(&doc, skus), 3);
    pricing__doc_dispose(&doc);
    free(text);
}
END_TEST

static void expect_load_err(const char *sq, pricing_code code,
                            const char *path, const char *message)
{
    char *text = dq(sq);
    pricing_catalog *cat = NULL;
    pricing_error err;
    int rc;

    pricing_error_init(&err);
    rc = pricing_catalog_load(&cat, text, strlen(text), &err);
    ck_assert_msg(rc == -(int)code && strcmp(err.path, path) == 0 &&
                      strcmp(err.message, message) == 0,
                  "got %s at \"%s\": %s", pricing_code_name(err.code),
                  err.path, err.message);
    ck_assert_ptr_null(cat);
    free(text);
}

/* Errors inside a deferred entry keep their paths, and numbers after the
 * lists keep their lexemes (a wrong ordinal would read 100 or 200). */
START_TEST(test_defer_errors)
{
    expect_load_err("{'catalog':'c','currency':'USD','specs':["
                    SKU_SPEC("s") ",{'id':'u','billing':'yearly_monthly',"
                    "'template':'simple','trial_days':1.5,'prices':{"
                    "'month':'1'}}]}",
                    PRICING_WRONG_TYPE, "/specs/1/trial_days",
                    "expected an integer without fraction or exponent");
    expect_load_err("{'catalog':'c','currency':'USD','specs':[{'id':'s',"
                    "'billing':'yearly_monthly','template':'custom',"
                    "'attributes':[{'id':'e','type':'enum','values':['a',"
                    "'b']}],'skus':[" PAD "{'sku':{'e':'a'},'prices':{"
                    "'month':1}},"
                    "{'sku':{'e':'b'},'prices':{'month':-2}}]}]}",
                    PRICING_INVALID_AMOUNT, "/specs/0/skus/1/prices/month",
                    "amounts are never negative");
    expect_load_err("{'catalog':'c','versions':[{'catalog':'c','version':"
                    "'1','effective':'2026-01-01','currency':'USD','specs':["
                    SKU_SPEC("s") "]},{'catalog':'c','version':'2',"
                    "'effective':'2027-01-01','currency':'USD','specs':["
                    "{'id':'s','billing':'yearly_monthly','template':"
                    "'custom','attributes':[{'id':'e','type':'enum',"
                    "'values':['a','b']}],'skus':[" PAD "{'sku':{'e':'a'},"
                    "'prices':{'month':'1'}},{'sku':{'e':'b'},'prices':{"
                    "'year':'1'},'x':0}]}]}]}",
                    PRICING_UNKNOWN_FIELD, "/versions/1/specs/0/skus/1/x",
                    "unknown field 'x'; fields: sku, prices, available");
}
END_TEST

/* The loaded model: amounts are views of limbs the catalog holds, one
 * limb inline; a charge's rules follow it. */
START_TEST(test_defer_model)
{
    char *text = dq("{'catalog':'c','currency':'USD','specs':["
                    SKU_SPEC("s") ",{'id':'big','billing':'one_time',"
                    "'template':'simple','prices':{'one_time':"
                    "'123456789012345678.123456789012345678'}}]}");
    pricing_catalog *cat = NULL;
    const pricing__charge *ch, *big;
    const pricing__tier *t;
    pricing_error err;
    mpz_t want;

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_catalog_load(&cat, text, strlen(text), &err),
                     0);
    ck_assert_uint_eq(cat->scale, 18);
    ch = cat->specs[0].skus[0].prices[PRICING__MONTH];
    ck_assert_str_eq(ch->amount.text, "100");
    ck_assert_int_eq(ch->amount.v->_mp_alloc, 0); /* read-only */
    mpz_init(want);
    mpz_ui_pow_ui(want, 10, 20); /* 100 x 10^18: two limbs */
    ck_assert_int_eq(mpz_cmp(ch->amount.v, want), 0);
    ck_assert_ptr_ne(ch->amount.v->_mp_d, &ch->amount.limb);
    ck_assert_ptr_eq((const void *)ch->rules, (const void *)(ch + 1));
    t = ch->rules[0].tiers;
    mpz_ui_pow_ui(want, 10, 17);
    mpz_mul_ui(want, want, 150); /* 10 x 1.5 */
    ck_assert_int_eq(mpz_cmp(t[0].full, want), 0);
    ck_assert_int_eq(mpz_cmp(t[1].before, want), 0);
    ck_assert_int_eq(mpz_sgn(t[0].before), 0);
    ck_assert_int_eq(mpz_sgn(t[0].flat.v), 0);
    ck_assert_str_eq(t[0].flat.text, "0");
    big = cat->specs[1].skus[0].prices[PRICING__ONE_TIME];
    ck_assert_int_eq(mpz_set_str(want,
                                 "123456789012345678123456789012345678", 10),
                     0);
    ck_assert_int_eq(mpz_cmp(big->amount.v, want), 0);
    /* the same text, one copy */
    ck_assert_ptr_eq(cat->specs[0].skus[0].prices[PRICING__MONTH]
                         ->rules[0].tiers[0].unit.text,
                     cat->specs[0].skus[0].prices[PRICING__MONTH]
                         ->rules[0].tiers[0].unit.text);
    mpz_clear(want);
    pricing_catalog_free(cat);
    free(text);
}
END_TEST

/* With minor units as the scale, one-limb amounts keep their limb inline. */
START_TEST(test_defer_inline_limb)
{
    char *text = dq("{'catalog':'c','currency':'USD','specs':["
                    SKU_SPEC("s") "]}");
    pricing_catalog *cat = NULL;
    const pricing__charge *ch;
    pricing_error err;

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_catalog_load(&cat, text, strlen(text), &err),
                     0);
    ch = cat->specs[0].skus[1].prices[PRICING__MONTH];
    ck_assert_int_eq(mpz_cmp_ui(ch->amount.v, 20000), 0);
    ck_assert_ptr_eq(ch->amount.v->_mp_d, &ch->amount.limb);
    ck_assert_int_eq(mpz_cmp_ui(ch->rules[0].linear.v, 25), 0);
    ck_assert_ptr_eq(ch->rules[0].linear.v->_mp_d, &ch->rules[0].linear.limb);
    pricing_catalog_free(cat);
    free(text);
}
END_TEST

Suite *unit_defer_suite(void)
{
    Suite *s = suite_create("defer");
    TCase *tc = tcase_create("defer");
    tcase_add_test(tc, test_defer_doc);
    tcase_add_test(tc, test_defer_small);
    tcase_add_test(tc, test_defer_errors);
    tcase_add_test(tc, test_defer_model);
    tcase_add_test(tc, test_defer_inline_limb);
    suite_add_tcase(s, tc);
    return s;
}
