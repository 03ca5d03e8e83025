/* SPDX-License-Identifier: MIT */
/* unit_lint.c - the linter's arithmetic (seller/lint.h) on exact
 * boundaries: volume inversions at every tier boundary, flat fees that
 * just do or just do not make up for the cheaper tier, graduated rules
 * with flat fees, linear and package rules, min / max / step grids that
 * skip a tier, and the largest difference of two rules. */
#include <stdio.h>
#include <string.h>

#include <gmp.h>

#include "model.h"
#include "seller/lint.h"
#include "unit.h"

/* One custom spec, one SKU, one quantity attribute "q" (min, max, step)
 * priced for month by rule (the JSON of a rule object). */
static pricing_catalog *load_rule(const char *rule, unsigned long min,
                                  unsigned long max, unsigned long step)
{
    char json[2048];
    pricing_catalog *cat = NULL;
    pricing_error err;
    snprintf(json, sizeof json,
             "{\"catalog\":\"t\",\"currency\":\"CNY\",\"specs\":[{\"id\":"
             "\"s\",\"billing\":\"yearly_monthly\",\"template\":\"custom\","
             "\"attributes\":[{\"id\":\"q\",\"type\":\"quantity\",\"min\":"
             "%lu,\"max\":%lu,\"step\":%lu}],\"skus\":[{\"sku\":{},"
             "\"prices\":{\"month\":{\"quantities\":{\"q\":%s}}}}]}]}",
             min, max, step, rule);
    pricing_error_init(&err);
    ck_assert_msg(pricing_catalog_load(&cat, json, strlen(json), &err) == 0,
                  "%s at %s", err.message, err.path);
    return cat;
}

static const pricing__attr *attr_of(const pricing_catalog *cat)
{
    return &cat->specs[0].attrs[0];
}

static const pricing__rule *rule_of(const pricing_catalog *cat)
{
    const pricing__charge *ch = cat->specs[0].skus[0].prices[PRICING__MONTH];
    return pricing__attr_rule(ch, attr_of(cat));
}

/* The rule's amount for q units as decimal text (minor units: 2). */
static void check_amount(const pricing_catalog *cat, uint64_t q,
                         const char *want)
{
    char got[64];
    mpz_t v;
    mpz_t w;
    mpz_init(v);
    mpz_init(w);
    pricing__rule_amount(v, rule_of(cat), q);
    /* v is over 10^scale: compare with want x 10^scale exactly */
    ck_assert_int_eq(mpz_set_str(w, want, 10), 0);
    mpz_mul(w, w, cat->den);
    mpz_tdiv_q_ui(w, w, 100);
    gmp_snprintf(got, sizeof got, "%Zd", v);
    ck_assert_msg(mpz_cmp(v, w) == 0, "amount(%llu) = %s over 10^%u, want %s"
                  " hundredths", (unsigned long long)q, got, cat->scale,
                  want);
    mpz_clear(v);
    mpz_clear(w);
}

/* The inversions of the month rule: exactly n, the first up to 4 given as
 * (q, next, tier_q, tier_next). */
static void check_inversions(const pricing_catalog *cat, size_t n,
                             const uint64_t want[][4])
{
    pricing__inversion inv[4];
    size_t got = pricing__rule_inversions(inv, 4, rule_of(cat), attr_of(cat)),
           i;
    ck_assert_uint_eq(got, n);
    for (i = 0; i < n && i < 4; i++) {
        ck_assert_uint_eq(inv[i].q, want[i][0]);
        ck_assert_uint_eq(inv[i].next, want[i][1]);
        ck_assert_uint_eq(inv[i].tier_q, want[i][2]);
        ck_assert_uint_eq(inv[i].tier_next, want[i][3]);
    }
    /* the same through the SKU and plan */
    ck_assert_uint_eq(pricing__lint_inversions(NULL, 0, &cat->specs[0], 0,
                                               PRICING__MONTH, attr_of(cat)),
                      n);
    ck_assert_uint_eq(pricing__lint_inversions(NULL, 0, &cat->specs[0], 0,
                                               PRICING__YEAR, attr_of(cat)),
                      0);
}

START_TEST(volume_koogallery)
{
    static const uint64_t want[][4] = {{3, 4, 0, 1}};
    pricing_catalog *cat = load_rule(
        "{\"volume\":[{\"up_to\":3,\"unit_price\":\"0.3\"},"
        "{\"up_to\":null,\"unit_price\":\"0.2\"}]}", 0, 1000, 1);
    check_inversions(cat, 1, want);
    check_amount(cat, 3, "90");
    check_amount(cat, 4, "80");
    check_amount(cat, 0, "0");
    pricing_catalog_free(cat);
}
END_TEST

/* Tiers 2 and 4 invert, tier 3 does not (4.50 x 21 > 4.00 x 20). */
START_TEST(volume_each_boundary)
{
    static const uint64_t want[][4] = {{10, 11, 0, 1}, {30, 31, 2, 3}};
    pricing_catalog *cat = load_rule(
        "{\"volume\":[{\"up_to\":10,\"unit_price\":\"5.00\"},"
        "{\"up_to\":20,\"unit_price\":\"4.00\"},"
        "{\"up_to\":30,\"unit_price\":\"4.50\"},"
        "{\"up_to\":null,\"unit_price\":\"1.00\"}]}", 0, 100, 1);
    check_inversions(cat, 2, want);
    pricing_catalog_free(cat);
}
END_TEST

/* 10 units at 1.00 cost 10.00; 11 at 0.50 + flat: 4.50 makes exactly
 * 10.00 (no inversion: equal is not less), 4.49 one hundredth less. */
START_TEST(volume_flat_exact)
{
    static const uint64_t want[][4] = {{10, 11, 0, 1}};
    pricing_catalog *cat = load_rule(
        "{\"volume\":[{\"up_to\":10,\"unit_price\":\"1.00\"},"
        "{\"up_to\":null,\"unit_price\":\"0.50\",\"flat\":\"4.50\"}]}", 0,
        100, 1);
    check_inversions(cat, 0, NULL);
    check_amount(cat, 11, "1000");
    pricing_catalog_free(cat);
    cat = load_rule("{\"volume\":[{\"up_to\":10,\"unit_price\":\"1.00\"},"
                    "{\"up_to\":null,\"unit_price\":\"0.50\",\"flat\":"
                    "\"4.49\"}]}",
                    0, 100, 1);
    check_inversions(cat, 1, want);
    check_amount(cat, 11, "999");
    pricing_catalog_free(cat);
}
END_TEST

/* Graduated never inverts; its amount counts each tier's flat fee once
 * the tier is entered (tier 1's at 0). */
START_TEST(graduated_flat)
{
    pricing_catalog *cat = load_rule(
        "{\"graduated\":[{\"up_to\":10,\"unit_price\":\"1.00\",\"flat\":"
        "\"5.00\"},{\"up_to\":null,\"unit_price\":\"0.50\",\"flat\":"
        "\"2.00\"}]}", 0, 100, 1);
    check_inversions(cat, 0, NULL);
    check_amount(cat, 0, "500");
    check_amount(cat, 10, "1500");
    check_amount(cat, 11, "1750");
    check_amount(cat, 100, "6200");
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(linear_and_package)
{
    pricing_catalog *cat = load_rule("{\"linear\":\"0.25\"}", 0, 1000, 1);
    check_inversions(cat, 0, NULL);
    check_amount(cat, 7, "175");
    pricing_catalog_free(cat);
    cat = load_rule("{\"package\":{\"size\":10,\"price\":\"3.00\"}}", 0, 1000,
                    1);
    check_inversions(cat, 0, NULL);
    check_amount(cat, 0, "0");
    check_amount(cat, 10, "300");
    check_amount(cat, 11, "600");
    pricing_catalog_free(cat);
}
END_TEST

/* min 3, step 5: 3, 8, 13, ... 48. Tier 2 (11..12) holds none, so 8 is
 * compared with 13 in tier 3: 8 x 2.00 = 16.00 against 13 x 1.20 =
 * 15.60. */
START_TEST(step_skips_a_tier)
{
    static const uint64_t want[][4] = {{8, 13, 0, 2}};
    pricing_catalog *cat = load_rule(
        "{\"volume\":[{\"up_to\":10,\"unit_price\":\"2.00\"},"
        "{\"up_to\":12,\"unit_price\":\"0.10\"},"
        "{\"up_to\":null,\"unit_price\":\"1.20\"}]}", 3, 48, 5);
    const pricing__rule *r = rule_of(cat);
    check_inversions(cat, 1, want);
    ck_assert_int_eq(pricing__tier_unreachable(r, 0, attr_of(cat)), 0);
    ck_assert_int_eq(pricing__tier_unreachable(r, 1, attr_of(cat)), 1);
    ck_assert_int_eq(pricing__tier_unreachable(r, 2, attr_of(cat)), 0);
    pricing_catalog_free(cat);
}
END_TEST

/* max 10 ends the grid in tier 1: tier 2 is out of reach and there is no
 * next quantity to compare; min 15 leaves tier 1 out of reach. */
START_TEST(min_and_max)
{
    pricing_catalog *cat = load_rule(
        "{\"volume\":[{\"up_to\":10,\"unit_price\":\"2.00\"},"
        "{\"up_to\":null,\"unit_price\":\"1.00\"}]}", 0, 10, 1);
    check_inversions(cat, 0, NULL);
    ck_assert_int_eq(pricing__tier_unreachable(rule_of(cat), 0, attr_of(cat)),
                     0);
    ck_assert_int_eq(pricing__tier_unreachable(rule_of(cat), 1, attr_of(cat)),
                     1);
    pricing_catalog_free(cat);
    cat = load_rule("{\"volume\":[{\"up_to\":10,\"unit_price\":\"2.00\"},"
                    "{\"up_to\":null,\"unit_price\":\"1.00\"}]}",
                    15, 100, 1);
    check_inversions(cat, 0, NULL);
    ck_assert_int_eq(pricing__tier_unreachable(rule_of(cat), 0, attr_of(cat)),
                     1);
    ck_assert_int_eq(pricing__tier_unreachable(rule_of(cat), 1, attr_of(cat)),
                     0);
    pricing_catalog_free(cat);
}
END_TEST

/* year 50.00 a unit against 12 x (5.00 up to 10, then 4.00): -10 x q up
 * to 10, then 2 x q - 120, largest at q = 100: 80.00. */
START_TEST(max_diff_year)
{
    pricing_catalog *y = load_rule("{\"linear\":\"50.00\"}", 1, 100, 1);
    pricing_catalog *m = load_rule(
        "{\"graduated\":[{\"up_to\":10,\"unit_price\":\"5.00\"},"
        "{\"up_to\":null,\"unit_price\":\"4.00\"}]}", 1, 100, 1);
    pricing_catalog *p = load_rule(
        "{\"package\":{\"size\":10,\"price\":\"3.00\"}}", 1, 100, 1);
    uint64_t arg = 0;
    mpz_t best, want;

    mpz_init(best);
    mpz_init(want);
    ck_assert_uint_eq(y->scale, m->scale);
    ck_assert_int_eq(pricing__rule_max_diff(best, &arg, rule_of(y), 1,
                                            rule_of(m), 12, attr_of(y)),
                     0);
    mpz_mul_ui(want, y->den, 80);
    ck_assert(mpz_cmp(best, want) == 0);
    ck_assert_uint_eq(arg, 100);
    /* the other way round: 12 x month - year is 10 x q up to 10, then
     * falls: largest at q = 10, 100.00 */
    ck_assert_int_eq(pricing__rule_max_diff(best, &arg, rule_of(m), 12,
                                            rule_of(y), 1, attr_of(y)),
                     0);
    mpz_mul_ui(want, y->den, 100);
    ck_assert(mpz_cmp(best, want) == 0);
    ck_assert_uint_eq(arg, 10);
    ck_assert_int_eq(pricing__rule_max_diff(best, &arg, rule_of(p), 1,
                                            rule_of(m), 1, attr_of(y)),
                     -1);
    mpz_clear(best);
    mpz_clear(want);
    pricing_catalog_free(y);
    pricing_catalog_free(m);
    pricing_catalog_free(p);
}
END_TEST

/* Through the public API: the KooGallery table's one warning. */
START_TEST(api_koogallery)
{
    pricing_catalog *cat = load_rule(
        "{\"volume\":[{\"up_to\":3,\"unit_price\":\"0.3\"},"
        "{\"up_to\":null,\"unit_price\":\"0.2\"}]}", 0, 1000, 1);
    pricing_lint *lint = NULL;
    pricing_warning w;
    pricing_error err;

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_catalog_lint(&lint, cat, NULL, &err), 0);
    ck_assert_uint_eq(pricing_lint_count(lint), 1);
    ck_assert_int_eq(pricing_lint_warning(&w, lint, 0, &err), 0);
    ck_assert_str_eq(w.code, "price_inversion");
    ck_assert_str_eq(w.path,
                     "/specs/0/skus/0/prices/month/quantities/q/volume/1");
    ck_assert_str_eq(w.message, "s month: q=4 costs 0.80, less than q=3 at "
                                "0.90 (volume tier 1 to 2)");
    ck_assert_int_eq(pricing_lint_warning(&w, lint, 1, &err),
                     -PRICING_INVALID_ARGUMENT);
    pricing_lint_free(lint);
    pricing_lint_free(NULL);
    ck_assert_uint_eq(pricing_lint_count(NULL), 0);
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_catalog_lint(&lint, NULL, NULL, &err),
                     -PRICING_INVALID_ARGUMENT);
    ck_assert_ptr_null(lint);
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_catalog_lint(&lint, cat, "nope", &err),
                     -PRICING_INVALID_ARGUMENT);
    pricing_catalog_free(cat);
}
END_TEST

Suite *unit_lint_suite(void)
{
    Suite *s = suite_create("lint");
    TCase *tc = tcase_create("arithmetic");
    tcase_add_test(tc, volume_koogallery);
    tcase_add_test(tc, volume_each_boundary);
    tcase_add_test(tc, volume_flat_exact);
    tcase_add_test(tc, graduated_flat);
    tcase_add_test(tc, linear_and_package);
    tcase_add_test(tc, step_skips_a_tier);
    tcase_add_test(tc, min_and_max);
    tcase_add_test(tc, max_diff_year);
    tcase_add_test(tc, api_koogallery);
    suite_add_tcase(s, tc);
    return s;
}
