/* SPDX-License-Identifier: MIT */
/* unit_writer.c - the writer's cursor: its digit loops against GMP's
 * formatting, and a quote's reserved bound against what is written for
 * the largest quotes a catalog allows. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "decimal.h"
#include "quote.h"
#include "unit.h"
#include "writer.h"

/* pricing__p_dec of v against "\"" + pricing__decimal_format + "\"". */
static void check_dec(const mpz_t v, unsigned scale, int strip)
{
    char want[256], got[256], *end;
    size_t n;

    want[0] = '"';
    n = 1 + pricing__decimal_format(want + 1, v, scale, strip);
    want[n++] = '"';
    want[n] = '\0';
    end = pricing__p_dec(got, v, scale, strip);
    *end = '\0';
    ck_assert_str_eq(got, want);
    ck_assert_uint_le((size_t)(end - got), pricing__p_dec_size(v, scale));
}

START_TEST(dec_matches_gmp)
{
    static const char *const values[] = {
        "0", "1", "5", "9", "10", "99", "100", "105", "999", "1000", "9999",
        "10000", "10001", "99990000", "1000000", "123456789",
        "9999999999999999999", "10000000000000000000",
        "18446744073709551615", "18446744073709551616",
        "99999999999999999999999999999999999999", NULL};
    mpz_t v;
    unsigned scale;
    size_t i;
    int strip, neg;

    mpz_init(v);
    for (i = 0; values[i]; i++)
        for (neg = 0; neg < 2; neg++)
            for (scale = 0; scale <= 24; scale++)
                for (strip = 0; strip < 2; strip++) {
                    mpz_set_str(v, values[i], 10);
                    if (neg)
                        mpz_neg(v, v);
                    check_dec(v, scale, strip);
                }
    mpz_clear(v);
}
END_TEST

START_TEST(u64_digits)
{
    static const uint64_t values[] = {0, 9, 10, 99, 100, 4294967296u,
                                      UINT64_MAX};
    static const char *const want[] = {"0", "9", "10", "99", "100",
                                       "4294967296", "18446744073709551615"};
    char got[PRICING__U64_CHARS + 1];
    char want_k[PRICING__U64_CHARS + 1];
    uint64_t p10 = 1, v;
    size_t i;
    int k, d;

    for (i = 0; i < sizeof values / sizeof *values; i++) {
        *pricing__p_u64(got, values[i]) = '\0';
        ck_assert_str_eq(got, want[i]);
    }
    /* each side of every power of ten: the digit count and the steps of
     * four and of two digits change there */
    for (k = 0; k < 20; k++, p10 *= 10)
        for (d = -1; d <= 1; d++) {
            v = p10 + (uint64_t)(int64_t)d;
            snprintf(want_k, sizeof want_k, "%" PRIu64, v);
            *pricing__p_u64(got, v) = '\0';
            ck_assert_str_eq(got, want_k);
        }
}
END_TEST

/* n escapes of the control byte c (each written back as 6 bytes). */
static void escapes(char *dst, int c, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        sprintf(dst + 6 * i, "\\u%04x", c);
}

#define BIG "\"999999999999999999.999999999999999999\""
#define PRICES                                                              \
    "{\"base\":" BIG ",\"quantities\":{\"%s\":{\"package\":{\"size\":7,"   \
    "\"price\":" BIG "}},\"%s\":{\"graduated\":[{\"up_to\":10,"            \
    "\"unit_price\":" BIG ",\"flat\":" BIG "},{\"up_to\":null,"            \
    "\"unit_price\":\"0.000000000000000001\"}]}}}"

/* A catalog whose every string a quote echoes is 256 control bytes, its
 * amounts 18 + 18 digits, its quantities up to 10^15. */
static pricing_catalog *widest_catalog(char ids[6][1600])
{
    static char json[32768];
    pricing_catalog *cat = NULL;
    pricing_error err;
    int k;

    for (k = 0; k < 6; k++)
        escapes(ids[k], k + 1, 256);
    snprintf(json, sizeof json,
             "{\"catalog\":\"%s\",\"version\":\"%s\",\"currency\":\"USD\","
             "\"specs\":[{\"id\":\"%s\",\"billing\":\"yearly_monthly\","
             "\"plans\":[\"month\"],\"trial_days\":30,"
             "\"attributes\":[{\"id\":\"%s\",\"type\":\"enum\","
             "\"values\":[\"%s\",\"b\"]},{\"id\":\"%s\",\"type\":"
             "\"quantity\",\"min\":0,\"max\":1000000000000000},"
             "{\"id\":\"g\",\"type\":\"quantity\",\"min\":0,"
             "\"max\":1000000000000000}],\"template\":\"custom\","
             "\"skus\":[{\"sku\":{\"%s\":\"%s\"},\"prices\":{\"month\":"
             PRICES "}},{\"sku\":{\"%s\":\"b\"},\"prices\":{\"month\":"
             PRICES "}}]}]}",
             ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[3], ids[4],
             ids[5], "g", ids[3], ids[5], "g");
    pricing_error_init(&err);
    ck_assert_msg(pricing_catalog_load(&cat, json, strlen(json), &err) == 0,
                  "%s at %s", err.message, err.path);
    return cat;
}

START_TEST(quote_within_bound)
{
    static char ids[6][1600];
    static char req[16384];
    static const char *const tails[] = {
        "\"plan\":\"month\",\"count\":120,\"trial\":true,"
        "\"start\":\"2026-01-31\"",
        "\"plan\":\"month\",\"count\":120,"
        "\"discount\":{\"percent_off\":\"12.345678901234567\",\"periods\":7}",
        "\"type\":\"upgrade\",\"from\":{\"%s\":\"b\",\"%s\":1,\"g\":1},"
        "\"plan\":\"month\",\"start\":\"2026-01-31\","
        "\"change_date\":\"2026-02-14\"",
        "\"type\":\"scale_out\",\"from\":{\"%s\":\"%s\",\"%s\":1,\"g\":1},"
        "\"plan\":\"month\",\"start\":\"2026-01-31\","
        "\"change_date\":\"2026-02-14\""};
    pricing_catalog *cat = widest_catalog(ids);
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_quote *q = NULL;
    pricing_error err;
    size_t i, n;

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_quote_new(&q, &err), 0);
    for (i = 0; i < sizeof tails / sizeof *tails; i++) {
        char tail[8192];
        if (i == 2)
            snprintf(tail, sizeof tail, tails[i], ids[3], ids[5]);
        else if (i == 3)
            snprintf(tail, sizeof tail, tails[i], ids[3], ids[4], ids[5]);
        else
            snprintf(tail, sizeof tail, "%s", tails[i]);
        n = (size_t)snprintf(req, sizeof req,
                             "{\"spec\":\"%s\",\"sku\":{\"%s\":\"%s\","
                             "\"%s\":1000000000000000,"
                             "\"g\":1000000000000000},%s}",
                             ids[2], ids[3], ids[4], ids[5], tail);
        pricing_error_init(&err);
        ck_assert_msg(pricing_quote_json(&buf, cat, req, n, q, 0, &err) == 0,
                      "request %zu: %s at %s", i, err.message, err.path);
        /* the bound holds, and is not wildly above what is written */
        ck_assert_uint_le(buf.size, pricing__quote_json_bound(q));
        ck_assert_uint_le(pricing__quote_json_bound(q), 4 * buf.size);
    }
    pricing_buffer_dispose(&buf);
    pricing_quote_free(q);
    pricing_catalog_free(cat);
}
END_TEST

Suite *unit_writer_suite(void)
{
    Suite *s = suite_create("writer");
    TCase *tc = tcase_create("writer");
    tcase_add_test(tc, dec_matches_gmp);
    tcase_add_test(tc, u64_digits);
    tcase_add_test(tc, quote_within_bound);
    suite_add_tcase(s, tc);
    return s;
}
