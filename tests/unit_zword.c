/* SPDX-License-Identifier: MIT */
/* unit_zword.c - zword.h's one-word fast path against GMP: exact values
 * just below and above 2^63 and 2^64, both signs, destinations with and
 * without a limb, aliased operands; pricing__round_div in words against
 * the same division done on two-limb values (every mode); and quotes
 * whose lines and totals cross 2^63, against the bytes the GMP-only
 * engine wrote. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "pricing.h"
#include "round.h"
#include "unit.h"
#include "zword.h"

/* Values around the word boundaries, as text: both signs of each. */
static const char *const edges[] = {
    "0",
    "1",
    "2",
    "4294967295",
    "4294967296",
    "4611686018427387904",  /* 2^62 */
    "9223372036854775806",  /* 2^63 - 2 */
    "9223372036854775807",  /* 2^63 - 1: the largest word operand */
    "9223372036854775808",  /* 2^63 */
    "9223372036854775809",
    "18446744073709551615", /* 2^64 - 1: one limb, not a word operand */
    "18446744073709551616", /* 2^64: two limbs */
    "18446744073709551617",
    "340282366920938463463374607431768211455", /* 2^128 - 1 */
};
#define NEDGES (sizeof edges / sizeof *edges)

static const uint64_t small_u[] = {0,
                                   1,
                                   2,
                                   3,
                                   4294967296u,
                                   UINT64_C(4611686018427387904),
                                   UINT64_C(9223372036854775807),
                                   UINT64_C(9223372036854775808),
                                   UINT64_MAX};
#define NU (sizeof small_u / sizeof *small_u)

/* edges[k / 2], negated when k is odd. */
static void edge(mpz_t z, size_t k)
{
    ck_assert_int_eq(mpz_set_str(z, edges[k / 2], 10), 0);
    if (k & 1)
        mpz_neg(z, z);
}

static void set_u64(mpz_t z, uint64_t u)
{
    mpz_set_ui(z, (unsigned long)(u >> 32));
    mpz_mul_2exp(z, z, 32);
    mpz_add_ui(z, z, (unsigned long)(u & 0xffffffffu));
}

/* Asserts z == want (decimal text). */
static void z_is(const mpz_t z, const char *want)
{
    char *got = mpz_get_str(NULL, 10, z);
    ck_assert_str_eq(got, want);
    free(got);
}

/* r in two forms: a fresh mpz (no limb yet) and one with limbs. */
static void both(mpz_t fresh, mpz_t held)
{
    mpz_init(fresh);
    mpz_init_set_str(held, "123456789012345678901234567890", 10);
}

START_TEST(test_get_put)
{
    mpz_t z, r;
    int64_t w;
    size_t k;

    mpz_init(z);
    mpz_init_set_ui(r, 7);
    for (k = 0; k < 2 * NEDGES; k++) {
        int fits;
        edge(z, k);
        fits = PRICING__ZWORD && mpz_sizeinbase(z, 2) <= 63;
        ck_assert_int_eq(pricing__z_get(z, &w), fits);
        if (fits) {
            ck_assert(pricing__z_put(r, w));
            ck_assert_int_eq(mpz_cmp(r, z), 0);
        }
    }
    /* INT64_MIN is a result the word path can make (its magnitude is
     * not a word operand) */
    if (pricing__z_put(r, INT64_MIN)) {
        z_is(r, "-9223372036854775808");
        ck_assert_int_eq(pricing__z_get(r, &w), 0);
    }
    mpz_clear(z);
    mpz_init(z); /* GMP 6.2 allocates no limb here: put must decline */
    if (pricing__z_put(z, 5))
        z_is(z, "5");
    else
        ck_assert_int_lt(z->_mp_alloc, 1);
    pricing__z_zero(z);
    ck_assert_int_eq(mpz_sgn(z), 0);
    pricing__z_zero(r);
    ck_assert_int_eq(mpz_sgn(r), 0);
    mpz_clear(z);
    mpz_clear(r);
}
END_TEST

/* The exact sums on both sides of 2^63 and 2^64, written out. */
START_TEST(test_add_boundaries)
{
    static const char *const cases[][3] = {
        {"9223372036854775806", "1", "9223372036854775807"},
        {"9223372036854775807", "1", "9223372036854775808"},
        {"9223372036854775807", "9223372036854775807", "18446744073709551614"},
        {"18446744073709551615", "1", "18446744073709551616"},
        {"18446744073709551615", "-1", "18446744073709551614"},
        {"-9223372036854775807", "-1", "-9223372036854775808"},
        {"-9223372036854775807", "-2", "-9223372036854775809"},
        {"-9223372036854775807", "9223372036854775807", "0"},
        {"-18446744073709551616", "1", "-18446744073709551615"},
        {"-5", "3", "-2"},
    };
    mpz_t a, b, r, h;
    size_t i;

    mpz_init(a);
    mpz_init(b);
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        mpz_set_str(a, cases[i][0], 10);
        mpz_set_str(b, cases[i][1], 10);
        both(r, h);
        pricing__z_add(r, a, b);
        pricing__z_add(h, a, b);
        z_is(r, cases[i][2]);
        z_is(h, cases[i][2]);
        pricing__z_add(h, h, b); /* aliased */
        pricing__z_add(r, a, b);
        mpz_add(r, r, b);
        ck_assert_int_eq(mpz_cmp(h, r), 0);
        mpz_clear(r);
        mpz_clear(h);
    }
    mpz_clear(a);
    mpz_clear(b);
}
END_TEST

/* Every pair of edges against mpz_add; every edge times every u64 against
 * mpz_mul; u x a + b against mpz_mul + mpz_add; copies. */
START_TEST(test_against_gmp)
{
    mpz_t a, b, want, r, h, t;
    size_t i, j, k;

    mpz_init(a);
    mpz_init(b);
    mpz_init(want);
    mpz_init(t);
    for (i = 0; i < 2 * NEDGES; i++) {
        edge(a, i);
        both(r, h);
        pricing__z_set(r, a);
        pricing__z_set(h, a);
        ck_assert_int_eq(mpz_cmp(r, a), 0);
        ck_assert_int_eq(mpz_cmp(h, a), 0);
        mpz_clear(r);
        mpz_clear(h);
        for (j = 0; j < 2 * NEDGES; j++) {
            edge(b, j);
            mpz_add(want, a, b);
            both(r, h);
            pricing__z_add(r, a, b);
            pricing__z_add(h, a, b);
            ck_assert_int_eq(mpz_cmp(r, want), 0);
            ck_assert_int_eq(mpz_cmp(h, want), 0);
            for (k = 0; k < NU; k++) {
                set_u64(t, small_u[k]);
                mpz_mul(want, a, t);
                pricing__z_mul_u64(r, a, small_u[k]);
                ck_assert_int_eq(mpz_cmp(r, want), 0);
                mpz_add(want, want, b);
                pricing__z_addmul_u64(h, small_u[k], a, b);
                ck_assert_int_eq(mpz_cmp(h, want), 0);
            }
            mpz_clear(r);
            mpz_clear(h);
        }
        both(r, h);
        for (k = 0; k < NU; k++) {
            set_u64(want, small_u[k]);
            pricing__z_set_u64(r, small_u[k]);
            ck_assert_int_eq(mpz_cmp(r, want), 0);
            mpz_set(h, a);
            mpz_mul(want, a, want);
            pricing__z_mul_u64(h, h, small_u[k]); /* aliased */
            ck_assert_int_eq(mpz_cmp(h, want), 0);
        }
        mpz_clear(r);
        mpz_clear(h);
    }
    mpz_clear(a);
    mpz_clear(b);
    mpz_clear(want);
    mpz_clear(t);
}
END_TEST

START_TEST(test_products)
{
    mpz_t a, b, r;

    mpz_init(a);
    mpz_init(b);
    mpz_init_set_ui(r, 1);
    mpz_set_str(a, "4611686018427387903", 10); /* 2^62 - 1 */
    pricing__z_mul_u64(r, a, 2);
    z_is(r, "9223372036854775806");
    mpz_set_str(a, "4611686018427387904", 10); /* 2^62 */
    pricing__z_mul_u64(r, a, 2);
    z_is(r, "9223372036854775808");
    pricing__z_mul_u64(r, a, 4);
    z_is(r, "18446744073709551616");
    mpz_neg(a, a);
    pricing__z_mul_u64(r, a, 2); /* -2^63: a word, from the word path */
    z_is(r, "-9223372036854775808");
    pricing__z_mul_u64(r, a, 3);
    z_is(r, "-13835058055282163712");
    /* 10^15 units at 10^18 - 1: far past a word */
    mpz_set_str(a, "999999999999999999", 10);
    mpz_set_str(b, "7", 10);
    pricing__z_addmul_u64(r, UINT64_C(1000000000000000), a, b);
    z_is(r, "999999999999999999000000000000007");
    mpz_set_str(b, "-9223372036854775807", 10);
    mpz_set_str(a, "9223372036854775807", 10);
    pricing__z_addmul_u64(r, 2, a, b); /* 2^64 - 2 - (2^63 - 1) */
    z_is(r, "9223372036854775807");
    mpz_clear(a);
    mpz_clear(b);
    mpz_clear(r);
}
END_TEST

/* pricing__round_div on one-word values (the word path) against the same
 * quotient of n x 2^70 / d x 2^70 (two limbs each: GMP's path). */
START_TEST(test_round_div)
{
    static const char *const ns[] = {
        "0", "1", "4", "5", "6", "7", "15", "25", "35", "99", "100", "101",
        "9223372036854775807", "9223372036854775806",
        "4611686018427387905", "18446744073709551615",
        "18446744073709551616"};
    static const char *const ds[] = {"1", "2", "3", "10", "100", "12",
                                     "9223372036854775807",
                                     "4611686018427387904",
                                     "18446744073709551615"};
    mpz_t n, d, n2, d2, got, want, r;
    size_t i, j;
    int m, s;

    mpz_init(n);
    mpz_init(d);
    mpz_init(n2);
    mpz_init(d2);
    mpz_init_set_ui(got, 1);
    mpz_init(want);
    mpz_init(r);
    for (i = 0; i < sizeof ns / sizeof *ns; i++)
        for (s = 0; s < 2; s++)
            for (j = 0; j < sizeof ds / sizeof *ds; j++)
                for (m = 0; m < PRICING__MODE_COUNT; m++) {
                    mpz_set_str(n, ns[i], 10);
                    if (s)
                        mpz_neg(n, n);
                    mpz_set_str(d, ds[j], 10);
                    mpz_mul_2exp(n2, n, 70);
                    mpz_mul_2exp(d2, d, 70);
                    pricing__round_div(got, r, n, d, (pricing__mode)m);
                    pricing__round_div(want, r, n2, d2, (pricing__mode)m);
                    ck_assert_msg(mpz_cmp(got, want) == 0,
                                  "%s%s / %s, %s", s ? "-" : "", ns[i], ds[j],
                                  pricing__mode_name((pricing__mode)m));
                }
    /* a few written out: -2.5 and 2.5 in each half mode */
    mpz_set_si(n, -25);
    mpz_set_si(d, 10);
    pricing__round_div(got, r, n, d, PRICING__HALF_UP);
    z_is(got, "-3");
    pricing__round_div(got, r, n, d, PRICING__HALF_EVEN);
    z_is(got, "-2");
    pricing__round_div(got, r, n, d, PRICING__HALF_DOWN);
    z_is(got, "-2");
    pricing__round_div(got, r, n, d, PRICING__FLOOR);
    z_is(got, "-3");
    pricing__round_div(got, r, n, d, PRICING__UP);
    z_is(got, "-3");
    mpz_set_str(n, "-9223372036854775807", 10);
    mpz_set_si(d, 2);
    pricing__round_div(got, r, n, d, PRICING__FLOOR);
    z_is(got, "-4611686018427387904");
    pricing__round_div(n, r, n, d, PRICING__CEILING); /* aliased */
    z_is(n, "-4611686018427387903");
    mpz_clear(n);
    mpz_clear(d);
    mpz_clear(n2);
    mpz_clear(d2);
    mpz_clear(got);
    mpz_clear(want);
    mpz_clear(r);
}
END_TEST

/* Three specs over one quantity n (0 to 10^15), single quotes for double:
 * v = base 10^-18 + n x (2^63 - 1) x 10^-18, w = the same without the
 * base, x = n x 5 x 10^-18; the catalog's scale is 18 (USD: one minor
 * unit is 10^16 of it). AT is "line" or "total". */
static const char words_catalog[] =
    "{'catalog':'words','currency':'USD','rounding':{'mode':'half_even',"
    "'at':'AT'},'specs':["
    "{'id':'v','billing':'yearly_monthly','plans':['month'],"
    "'template':'custom','attributes':[{'id':'n','type':'quantity',"
    "'min':0,'max':1000000000000000}],'skus':[{'sku':{},'prices':{'month':"
    "{'base':'0.000000000000000001','quantities':{'n':{'linear':"
    "'9.223372036854775807'}}}}}]},"
    "{'id':'w','billing':'yearly_monthly','plans':['month'],"
    "'template':'custom','attributes':[{'id':'n','type':'quantity',"
    "'min':0,'max':1000000000000000}],'skus':[{'sku':{},'prices':{'month':"
    "{'quantities':{'n':{'linear':'9.223372036854775807'}}}}}]},"
    "{'id':'x','billing':'yearly_monthly','plans':['month'],"
    "'template':'custom','attributes':[{'id':'n','type':'quantity',"
    "'min':0,'max':1000000000000000}],'skus':[{'sku':{},'prices':{'month':"
    "{'quantities':{'n':{'linear':'0.000000000000000005'}}}}}]}]}";

/* Each request and the bytes the engine wrote for it before zword.h (GMP
 * on every value): lines, sums and roundings on both sides of 2^63 and
 * 2^64, negative discount lines, and a percentage that takes the
 * denominator past a word. */
static const struct {
    int at_line;
    const char *request, *quote;
} words_cases[] = {
    {1, "{'spec':'v','sku':{'n':1}}",
        "{'catalog':'words','spec':'v','sku':{'n':1},'plan':'month','count'"
        ":1,'currency':'USD','lines':[{'kind':'base','quantity':1,'unit_pri"
        "ce':'0.000000000000000001','exact_amount':'0.000000000000000001','"
        "amount':'0.00'},{'kind':'quantity','attribute':'n','rule':'linear'"
        ",'quantity':1,'unit_price':'9.223372036854775807','exact_amount':'"
        "9.223372036854775807','amount':'9.22'}],'period_total':'9.22','exa"
        "ct_total':'9.223372036854775808','total':'9.22','rounding':{'mode'"
        ":'half_even','at':'line'}}"},
    {1, "{'spec':'v','sku':{'n':2}}",
        "{'catalog':'words','spec':'v','sku':{'n':2},'plan':'month','count'"
        ":1,'currency':'USD','lines':[{'kind':'base','quantity':1,'unit_pri"
        "ce':'0.000000000000000001','exact_amount':'0.000000000000000001','"
        "amount':'0.00'},{'kind':'quantity','attribute':'n','rule':'linear'"
        ",'quantity':2,'unit_price':'9.223372036854775807','exact_amount':'"
        "18.446744073709551614','amount':'18.45'}],'period_total':'18.45','"
        "exact_total':'18.446744073709551615','total':'18.45','rounding':{'"
        "mode':'half_even','at':'line'}}"},
    {1, "{'spec':'v','sku':{'n':1},'count':2}",
        "{'catalog':'words','spec':'v','sku':{'n':1},'plan':'month','count'"
        ":2,'currency':'USD','lines':[{'kind':'base','quantity':1,'unit_pri"
        "ce':'0.000000000000000001','exact_amount':'0.000000000000000002','"
        "amount':'0.00'},{'kind':'quantity','attribute':'n','rule':'linear'"
        ",'quantity':1,'unit_price':'9.223372036854775807','exact_amount':'"
        "18.446744073709551614','amount':'18.45'}],'period_total':'9.22','e"
        "xact_total':'18.446744073709551616','total':'18.45','rounding':{'m"
        "ode':'half_even','at':'line'}}"},
    {1, "{'spec':'w','sku':{'n':1},'discount':{'amount_off':'9.22'}}",
        "{'catalog':'words','spec':'w','sku':{'n':1},'plan':'month','count'"
        ":1,'currency':'USD','lines':[{'kind':'quantity','attribute':'n','r"
        "ule':'linear','quantity':1,'unit_price':'9.223372036854775807','ex"
        "act_amount':'9.223372036854775807','amount':'9.22'},{'kind':'disco"
        "unt','source':'request','amount_off':'9.22','exact_amount':'-9.22'"
        ",'amount':'-9.22'}],'period_total':'0.00','exact_total':'0.0033720"
        "36854775807','total':'0.00','rounding':{'mode':'half_even','at':'l"
        "ine'}}"},
    {1, "{'spec':'w','sku':{'n':1},'discount':{'percent_off':'50'}}",
        "{'catalog':'words','spec':'w','sku':{'n':1},'plan':'month','count'"
        ":1,'currency':'USD','lines':[{'kind':'quantity','attribute':'n','r"
        "ule':'linear','quantity':1,'unit_price':'9.223372036854775807','ex"
        "act_amount':'9.223372036854775807','amount':'9.22'},{'kind':'disco"
        "unt','source':'request','percent_off':'50','exact_amount':'-4.6116"
        "860184273879035','amount':'-4.61'}],'period_total':'4.61','exact_t"
        "otal':'4.6116860184273879035','total':'4.61','rounding':{'mode':'h"
        "alf_even','at':'line'}}"},
    {1,
     "{'spec':'x','sku':{'n':1000000000000000},'count':3,"
     "'discount':{'amount_off':'0.005'}}",
        "{'catalog':'words','spec':'x','sku':{'n':1000000000000000},'plan':"
        "'month','count':3,'currency':'USD','lines':[{'kind':'quantity','at"
        "tribute':'n','rule':'linear','quantity':1000000000000000,'unit_pri"
        "ce':'0.000000000000000005','exact_amount':'0.015','amount':'0.02'}"
        ",{'kind':'discount','source':'request','amount_off':'0.005','exact"
        "_amount':'-0.005','amount':'0.00'}],'period_total':'0.00','exact_t"
        "otal':'0.01','total':'0.02','rounding':{'mode':'half_even','at':'l"
        "ine'}}"},
    {0, "{'spec':'v','sku':{'n':1}}",
        "{'catalog':'words','spec':'v','sku':{'n':1},'plan':'month','count'"
        ":1,'currency':'USD','lines':[{'kind':'base','quantity':1,'unit_pri"
        "ce':'0.000000000000000001','exact_amount':'0.000000000000000001','"
        "amount':'0.00'},{'kind':'quantity','attribute':'n','rule':'linear'"
        ",'quantity':1,'unit_price':'9.223372036854775807','exact_amount':'"
        "9.223372036854775807','amount':'9.22'}],'period_total':'9.22','exa"
        "ct_total':'9.223372036854775808','total':'9.22','rounding':{'mode'"
        ":'half_even','at':'total'}}"},
    {0, "{'spec':'w','sku':{'n':1},'discount':{'amount_off':'9.22'}}",
        "{'catalog':'words','spec':'w','sku':{'n':1},'plan':'month','count'"
        ":1,'currency':'USD','lines':[{'kind':'quantity','attribute':'n','r"
        "ule':'linear','quantity':1,'unit_price':'9.223372036854775807','ex"
        "act_amount':'9.223372036854775807','amount':'9.22'},{'kind':'disco"
        "unt','source':'request','amount_off':'9.22','exact_amount':'-9.22'"
        ",'amount':'-9.22'}],'period_total':'0.00','exact_total':'0.0033720"
        "36854775807','total':'0.00','rounding':{'mode':'half_even','at':'t"
        "otal'}}"},
    {0, "{'spec':'w','sku':{'n':1},'discount':{'percent_off':'50'}}",
        "{'catalog':'words','spec':'w','sku':{'n':1},'plan':'month','count'"
        ":1,'currency':'USD','lines':[{'kind':'quantity','attribute':'n','r"
        "ule':'linear','quantity':1,'unit_price':'9.223372036854775807','ex"
        "act_amount':'9.223372036854775807','amount':'9.22'},{'kind':'disco"
        "unt','source':'request','percent_off':'50','exact_amount':'-4.6116"
        "860184273879035','amount':'-4.61'}],'period_total':'4.61','exact_t"
        "otal':'4.6116860184273879035','total':'4.61','rounding':{'mode':'h"
        "alf_even','at':'total'}}"},
};

/* Single quotes to double, AT to at (in place of the two letters). */
static char *words_text(const char *sq, const char *at)
{
    size_t n = strlen(sq), i, o = 0;
    char *s = malloc(n + 8);
    ck_assert_ptr_nonnull(s);
    for (i = 0; i < n; i++) {
        if (sq[i] == 'A' && sq[i + 1] == 'T') {
            memcpy(s + o, at, strlen(at));
            o += strlen(at);
            i++;
            continue;
        }
        s[o++] = sq[i] == '\'' ? '"' : sq[i];
    }
    s[o] = '\0';
    return s;
}

START_TEST(test_quotes)
{
    pricing_catalog *cat[2];
    pricing_quote *q;
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;
    size_t i;
    int k;

    pricing_error_init(&err);
    for (k = 0; k < 2; k++) {
        char *text = words_text(words_catalog, k ? "line" : "total");
        ck_assert_msg(pricing_catalog_load(&cat[k], text, strlen(text),
                                           &err) == 0,
                      "%s", err.message);
        free(text);
    }
    ck_assert_int_eq(pricing_quote_new(&q, &err), 0);
    for (i = 0; i < sizeof words_cases / sizeof *words_cases; i++) {
        char *req = words_text(words_cases[i].request, "");
        char *want = words_text(words_cases[i].quote, "");
        ck_assert_msg(pricing_quote_json(&buf, cat[words_cases[i].at_line],
                                         req, strlen(req), q, 0, &err) == 0,
                      "%s: %s", req, err.message);
        ck_assert_uint_eq(buf.size, strlen(want));
        ck_assert_msg(memcmp(buf.data, want, buf.size) == 0, "%s:\n%.*s", req,
                      (int)buf.size, buf.data);
        free(req);
        free(want);
    }
    pricing_buffer_dispose(&buf);
    pricing_quote_free(q);
    pricing_catalog_free(cat[0]);
    pricing_catalog_free(cat[1]);
}
END_TEST

/* Differences, products, exact quotients and floor divisions of every
 * pair of edges against GMP, into fresh and held destinations. */
START_TEST(test_sub_mul_div)
{
    mpz_t a, b, want, want2, r, h, r2;
    size_t i, j;

    mpz_init(a);
    mpz_init(b);
    mpz_init(want);
    mpz_init(want2);
    for (i = 0; i < 2 * NEDGES; i++) {
        edge(a, i);
        for (j = 0; j < 2 * NEDGES; j++) {
            edge(b, j);
            both(r, h);
            mpz_sub(want, a, b);
            pricing__z_sub(r, a, b);
            pricing__z_sub(h, a, b);
            ck_assert_int_eq(mpz_cmp(r, want), 0);
            ck_assert_int_eq(mpz_cmp(h, want), 0);
            mpz_mul(want, a, b);
            pricing__z_mul(r, a, b);
            pricing__z_mul(h, a, b);
            ck_assert_int_eq(mpz_cmp(r, want), 0);
            ck_assert_int_eq(mpz_cmp(h, want), 0);
            if (mpz_sgn(b) > 0) {
                /* a x b / b, and floor(a / b) with its remainder */
                mpz_mul(want, a, b);
                pricing__z_divexact(r, want, b);
                pricing__z_divexact(h, want, b);
                ck_assert_int_eq(mpz_cmp(r, a), 0);
                ck_assert_int_eq(mpz_cmp(h, a), 0);
                mpz_init(r2);
                mpz_fdiv_qr(want, want2, a, b);
                pricing__z_fdiv_qr(h, r2, a, b);
                ck_assert_int_eq(mpz_cmp(h, want), 0);
                ck_assert_int_eq(mpz_cmp(r2, want2), 0);
                mpz_set(r2, a); /* the remainder into the dividend */
                pricing__z_fdiv_qr(h, r2, r2, b);
                ck_assert_int_eq(mpz_cmp(h, want), 0);
                ck_assert_int_eq(mpz_cmp(r2, want2), 0);
                mpz_clear(r2);
            }
            mpz_clear(r);
            mpz_clear(h);
        }
    }
    /* written out: -7 / 2 floors to -4 remainder 1; 2^63 - 1 - (-1)
     * leaves the word */
    mpz_set_si(a, -7);
    mpz_set_si(b, 2);
    mpz_init_set_ui(r, 9);
    mpz_init_set_ui(h, 9);
    pricing__z_fdiv_qr(r, h, a, b);
    z_is(r, "-4");
    z_is(h, "1");
    mpz_set_str(a, "9223372036854775807", 10);
    mpz_set_si(b, -1);
    pricing__z_sub(r, a, b);
    z_is(r, "9223372036854775808");
    mpz_set_str(a, "-3037000500", 10); /* (-3037000500)^2 > 2^63 */
    pricing__z_mul(r, a, a);
    z_is(r, "9223372037000250000");
    mpz_set_str(a, "3037000499", 10);
    mpz_set_si(b, -3037000499);
    pricing__z_mul(r, a, b);
    z_is(r, "-9223372030926249001");
    mpz_clear(r);
    mpz_clear(h);
    mpz_clear(a);
    mpz_clear(b);
    mpz_clear(want);
    mpz_clear(want2);
}
END_TEST

Suite *unit_zword_suite(void)
{
    Suite *s = suite_create("zword");
    TCase *tc = tcase_create("zword");
    tcase_add_test(tc, test_get_put);
    tcase_add_test(tc, test_add_boundaries);
    tcase_add_test(tc, test_against_gmp);
    tcase_add_test(tc, test_products);
    tcase_add_test(tc, test_sub_mul_div);
    tcase_add_test(tc, test_round_div);
    tcase_add_test(tc, test_quotes);
    suite_add_tcase(s, tc);
    return s;
}
