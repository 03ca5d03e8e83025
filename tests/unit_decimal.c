/* SPDX-License-Identifier: MIT */
/* unit_decimal.c - the amount grammar, exact decimal text, rounding
 * (decimal.c, round.c).
 *
 * Every string is copied into an exact-size heap buffer with no
 * terminator, so valgrind catches any read past len; every formatted
 * value is written into a buffer of exactly pricing__decimal_format_size
 * bytes, so valgrind catches any write past the bound.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "pricing.h"
#include "decimal.h"
#include "round.h"
#include "unit.h"

/* ---------------------------------------------------------------- helpers */

static int check_n(const char *s, size_t len, unsigned *frac)
{
    char *buf = malloc(len ? len : 1);
    int rc;
    ck_assert(buf != NULL);
    memcpy(buf, s, len);
    rc = pricing__decimal_check(buf, len, frac);
    free(buf);
    return rc;
}

static int check_s(const char *s, unsigned *frac)
{
    return check_n(s, strlen(s), frac);
}

/* The decimal text of v / 10^scale, in a buffer of exactly the bound. */
static void expect_format(const char *digits, unsigned scale, int strip,
                          const char *expected)
{
    mpz_t v;
    size_t size, n;
    char *buf;

    mpz_init(v);
    ck_assert_int_eq(mpz_set_str(v, digits, 10), 0);
    size = pricing__decimal_format_size(v, scale);
    buf = malloc(size);
    ck_assert(buf != NULL);
    n = pricing__decimal_format(buf, v, scale, strip);
    ck_assert_msg(strcmp(buf, expected) == 0,
                  "format(%s, scale %u, strip %d) = \"%s\", expected \"%s\"",
                  digits, scale, strip, buf, expected);
    ck_assert_msg(n == strlen(expected),
                  "format(%s, scale %u, strip %d) returned %zu, expected %zu",
                  digits, scale, strip, n, strlen(expected));
    ck_assert_msg(n + 1 <= size, "format size %zu too small for %zu bytes",
                  size, n + 1);
    free(buf);
    mpz_clear(v);
}

/* ---------------------------------------------------------------- grammar */

/* Hostile input 26 and other strings outside [0-9]+(\.[0-9]+)?. */
static const char *const bad_syntax[] = {
    " 12.5", "12.5 ", "1 000", "1_000", "1,50",
    "\xd9\xa1\xd9\xa2",   /* Arabic-Indic digits one, two */
    "\xef\xbc\x90",       /* full-width zero */
    "0x10", "+5", "--5", "5-", "", ".", "-.5", ".5", "5.", "1e", "1e+",
    "NaN", "Infinity",
    /* and more of the same family */
    "-5", "-0", "-0.00", "1e5", "1E5", "1.2.3", "1..2", "12.5\n", "\t1",
    "0x", "inf", "nan", "-Infinity", "1/2", "1.5e-3", "5%", "$5", "5 ",
    "1234567890123456789x", /* grammar first, then the digit limits */
};

START_TEST(test_check_syntax)
{
    const char *s = bad_syntax[_i];
    unsigned frac = 12345;
    int rc = check_s(s, &frac);
    ck_assert_msg(rc == PRICING__DEC_SYNTAX,
                  "\"%s\": decimal_check %d, expected PRICING__DEC_SYNTAX", s,
                  rc);
}
END_TEST

START_TEST(test_check_embedded_nul)
{
    unsigned frac = 0;
    /* The length counts, not a terminator. */
    ck_assert_int_eq(check_n("1\0", 2, &frac), PRICING__DEC_SYNTAX);
    ck_assert_int_eq(check_n("1.5\0" "0", 5, &frac), PRICING__DEC_SYNTAX);
    ck_assert_int_eq(check_n("\0" "1", 2, &frac), PRICING__DEC_SYNTAX);
    /* A prefix of a longer string is checked on its own. */
    ck_assert_int_eq(check_n("12.5 garbage", 4, &frac), PRICING__DEC_OK);
    ck_assert_uint_eq(frac, 1);
    ck_assert_int_eq(check_n("12.5", 3, &frac), PRICING__DEC_SYNTAX); /* "12." */
    ck_assert_int_eq(check_n("12.5", 0, &frac), PRICING__DEC_SYNTAX); /* "" */
}
END_TEST

START_TEST(test_check_valid)
{
    static const struct {
        const char *s;
        unsigned frac;
    } ok[] = {
        {"0", 0},       {"010", 0},      {"19.99", 2},   {"0.0001", 4},
        {"100", 0},     {"007.50", 2},   {"0.0", 1},     {"1.000000", 6},
        {"5", 0},       {"00", 0},       {"9.9", 1},
    };
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        unsigned frac = 12345;
        int rc = check_s(ok[i].s, &frac);
        ck_assert_msg(rc == PRICING__DEC_OK, "\"%s\": rc %d", ok[i].s, rc);
        ck_assert_msg(frac == ok[i].frac, "\"%s\": frac %u, expected %u",
                      ok[i].s, frac, ok[i].frac);
    }
}
END_TEST

START_TEST(test_check_digit_limits)
{
    unsigned frac = 0;
    /* 18 integer digits pass, 19 do not. */
    ck_assert_int_eq(check_s("123456789012345678", &frac), PRICING__DEC_OK);
    ck_assert_uint_eq(frac, 0);
    ck_assert_int_eq(check_s("1234567890123456789", &frac),
                     PRICING__DEC_DIGITS);
    ck_assert_int_eq(check_s("0000000000000000000", &frac),
                     PRICING__DEC_DIGITS); /* leading zeros are digits */
    /* 18 fraction digits pass, 19 do not. */
    ck_assert_int_eq(check_s("0.123456789012345678", &frac), PRICING__DEC_OK);
    ck_assert_uint_eq(frac, 18);
    ck_assert_int_eq(check_s("0.1234567890123456789", &frac),
                     PRICING__DEC_DIGITS);
    ck_assert_int_eq(check_s("0.0000000000000000000", &frac),
                     PRICING__DEC_DIGITS);
    /* Both at the limit together. */
    ck_assert_int_eq(check_s("123456789012345678.123456789012345678", &frac),
                     PRICING__DEC_OK);
    ck_assert_uint_eq(frac, 18);
    ck_assert_int_eq(check_s("1234567890123456789.1", &frac),
                     PRICING__DEC_DIGITS);
    ck_assert_int_eq(check_s("1.1234567890123456789", &frac),
                     PRICING__DEC_DIGITS);
}
END_TEST

START_TEST(test_check_long_input)
{
    /* Hostile 25: 10^4 and 10^6 digits are a digit-limit error, quickly. */
    size_t n = 1000000;
    char *s = malloc(n);
    unsigned frac = 0;
    ck_assert(s != NULL);
    memset(s, '9', n);
    ck_assert_int_eq(pricing__decimal_check(s, n, &frac), PRICING__DEC_DIGITS);
    ck_assert_int_eq(pricing__decimal_check(s, 10000, &frac),
                     PRICING__DEC_DIGITS);
    ck_assert_int_eq(pricing__decimal_check(s, 100, &frac),
                     PRICING__DEC_DIGITS);
    s[1] = '.';
    ck_assert_int_eq(pricing__decimal_check(s, n, &frac), PRICING__DEC_DIGITS);
    free(s);
}
END_TEST

/* ---------------------------------------------------------------- to mpz */

static void expect_mpz(const char *s, unsigned scale, const char *expected)
{
    mpz_t got, want;
    unsigned frac = 0;
    size_t len = strlen(s);
    char *buf = malloc(len);

    ck_assert(buf != NULL);
    memcpy(buf, s, len);
    ck_assert_msg(pricing__decimal_check(buf, len, &frac) == PRICING__DEC_OK,
                  "\"%s\" should be valid", s);
    ck_assert(frac <= scale);
    mpz_init(got);
    mpz_init(want);
    mpz_set_ui(got, 777); /* overwritten */
    pricing__decimal_to_mpz(got, buf, len, scale);
    ck_assert_int_eq(mpz_set_str(want, expected, 10), 0);
    ck_assert_msg(mpz_cmp(got, want) == 0,
                  "\"%s\" x 10^%u: got %s, expected %s", s, scale,
                  mpz_get_str(NULL, 10, got), expected);
    mpz_clear(got);
    mpz_clear(want);
    free(buf);
}

START_TEST(test_to_mpz)
{
    /* "010" is ten, never octal eight. */
    expect_mpz("010", 0, "10");
    expect_mpz("010", 2, "1000");
    expect_mpz("0010.50", 2, "1050");
    expect_mpz("08", 0, "8");
    expect_mpz("09.9", 1, "99");
    expect_mpz("0", 0, "0");
    expect_mpz("0", 5, "0");
    expect_mpz("0.00", 2, "0");
    expect_mpz("19.99", 2, "1999");
    expect_mpz("19.99", 5, "1999000");
    expect_mpz("0.0001", 4, "1");
    expect_mpz("0.0001", 18, "100000000000000");
    expect_mpz("1.5", 4, "15000");
    expect_mpz("100", 0, "100");
    expect_mpz("100", 3, "100000");
    /* The largest amounts at the largest scale. */
    expect_mpz("999999999999999999", 18,
               "999999999999999999000000000000000000");
    expect_mpz("123456789012345678.123456789012345678", 18,
               "123456789012345678123456789012345678");
    expect_mpz("0.000000000000000001", 18, "1");
}
END_TEST

/* ---------------------------------------------------------------- format */

START_TEST(test_format_fixed)
{
    expect_format("1999", 2, 0, "19.99");
    expect_format("1900", 2, 0, "19.00");
    expect_format("5", 2, 0, "0.05");
    expect_format("50", 2, 0, "0.50");
    expect_format("5", 3, 0, "0.005");
    expect_format("100", 2, 0, "1.00");
    expect_format("99", 2, 0, "0.99");
    expect_format("123", 0, 0, "123");
    expect_format("0", 0, 0, "0");
    expect_format("0", 2, 0, "0.00");
    expect_format("0", 4, 0, "0.0000");
    expect_format("1", 18, 0, "0.000000000000000001");
    expect_format("100000000000000000000000000000", 2, 0,
                  "1000000000000000000000000000.00");
    /* Negative values keep their sign; zero never has one. */
    expect_format("-1999", 2, 0, "-19.99");
    expect_format("-5", 2, 0, "-0.05");
    expect_format("-5", 3, 0, "-0.005");
    expect_format("-1", 18, 0, "-0.000000000000000001");
    expect_format("-123", 0, 0, "-123");
    expect_format("-1900", 2, 0, "-19.00");
    expect_format("-0", 2, 0, "0.00");
    expect_format("-0", 0, 0, "0");
}
END_TEST

START_TEST(test_format_strip)
{
    expect_format("1999", 2, 1, "19.99");
    expect_format("1900", 2, 1, "19");
    expect_format("1950", 2, 1, "19.5");
    expect_format("5", 2, 1, "0.05");
    expect_format("50", 2, 1, "0.5");
    expect_format("100", 2, 1, "1");
    expect_format("3600000", 4, 1, "360");
    expect_format("37020", 4, 1, "3.702");
    expect_format("123", 0, 1, "123");
    expect_format("1000", 0, 1, "1000"); /* integer zeros stay */
    expect_format("0", 0, 1, "0");
    expect_format("0", 2, 1, "0");
    expect_format("0", 18, 1, "0");
    expect_format("1", 18, 1, "0.000000000000000001");
    expect_format("-1900", 2, 1, "-19");
    expect_format("-1950", 2, 1, "-19.5");
    expect_format("-5", 2, 1, "-0.05");
    expect_format("-0", 2, 1, "0");
}
END_TEST

/* Hostile 27: a value rounding to zero from below prints "0.00". */
START_TEST(test_format_negative_zero)
{
    static const pricing__mode modes[] = {
        PRICING__HALF_UP, PRICING__HALF_EVEN, PRICING__HALF_DOWN,
        PRICING__DOWN, PRICING__CEILING};
    mpz_t n, d, q, r;
    size_t i;
    char buf[64];

    mpz_init_set_si(n, -4); /* -0.004 */
    mpz_init_set_ui(d, 10); /* to 2 places */
    mpz_init(q);
    mpz_init(r);
    for (i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        pricing__round_div(q, r, n, d, modes[i]);
        ck_assert_msg(mpz_sgn(q) == 0, "mode %s", pricing__mode_name(modes[i]));
        ck_assert(pricing__decimal_format_size(q, 2) <= sizeof buf);
        pricing__decimal_format(buf, q, 2, 0);
        ck_assert_str_eq(buf, "0.00");
        pricing__decimal_format(buf, q, 2, 1);
        ck_assert_str_eq(buf, "0");
    }
    mpz_clear(n);
    mpz_clear(d);
    mpz_clear(q);
    mpz_clear(r);
}
END_TEST

/* ---------------------------------------------------------------- rounding */

/* n / d in each mode, in the order half_up, half_even, half_down, up,
 * down, ceiling, floor. */
static const struct {
    const char *what;
    const char *n, *d;
    long q[PRICING__MODE_COUNT];
} rounding[] = {
    /*                               HU   HE   HD   UP   DN   CE   FL */
    {"0.125 to cents", "125", "10", {13, 12, 12, 13, 12, 13, 12}},
    {"-0.125 to cents", "-125", "10", {-13, -12, -12, -13, -12, -12, -13}},
    {"0.135 to cents", "135", "10", {14, 14, 13, 14, 13, 14, 13}},
    {"-0.135 to cents", "-135", "10", {-14, -14, -13, -14, -13, -13, -14}},
    {"2.5 JPY", "25", "10", {3, 2, 2, 3, 2, 3, 2}},
    {"-2.5 JPY", "-25", "10", {-3, -2, -2, -3, -2, -2, -3}},
    {"3.5 JPY", "35", "10", {4, 4, 3, 4, 3, 4, 3}},
    {"-3.5 JPY", "-35", "10", {-4, -4, -3, -4, -3, -3, -4}},
    {"0.004 to cents", "4", "10", {0, 0, 0, 1, 0, 1, 0}},
    {"-0.004 to cents", "-4", "10", {0, 0, 0, -1, 0, 0, -1}},
    {"0.005 to cents", "5", "10", {1, 0, 0, 1, 0, 1, 0}},
    {"-0.005 to cents", "-5", "10", {-1, 0, 0, -1, 0, 0, -1}},
    {"0.126 to cents", "126", "10", {13, 13, 13, 13, 12, 13, 12}},
    {"-0.126 to cents", "-126", "10", {-13, -13, -13, -13, -12, -12, -13}},
    {"0.124 to cents", "124", "10", {12, 12, 12, 13, 12, 13, 12}},
    {"-0.124 to cents", "-124", "10", {-12, -12, -12, -13, -12, -12, -13}},
    {"149.625 to cents", "149625", "10",
     {14963, 14962, 14962, 14963, 14962, 14963, 14962}},
    {"-149.625 to cents", "-149625", "10",
     {-14963, -14962, -14962, -14963, -14962, -14962, -14963}},
    {"0.125 over 10^16", "1250000000000000", "10000000000000000",
     {0, 0, 0, 1, 0, 1, 0}},
    {"0.5 over 10^16", "5000000000000000", "10000000000000000",
     {1, 0, 0, 1, 0, 1, 0}},
    {"-0.5 over 10^16", "-5000000000000000", "10000000000000000",
     {-1, 0, 0, -1, 0, 0, -1}},
    {"1/3", "1", "3", {0, 0, 0, 1, 0, 1, 0}},
    {"2/3", "2", "3", {1, 1, 1, 1, 0, 1, 0}},
    {"-2/3", "-2", "3", {-1, -1, -1, -1, 0, 0, -1}},
    /* Exact values are never moved. */
    {"12.00 exact", "120", "10", {12, 12, 12, 12, 12, 12, 12}},
    {"-12.00 exact", "-120", "10", {-12, -12, -12, -12, -12, -12, -12}},
    {"zero", "0", "10", {0, 0, 0, 0, 0, 0, 0}},
    {"7 / 1", "7", "1", {7, 7, 7, 7, 7, 7, 7}},
    {"-7 / 1", "-7", "1", {-7, -7, -7, -7, -7, -7, -7}},
};

START_TEST(test_round_div)
{
    mpz_t n, d, q, r;
    int m;

    mpz_init(n);
    mpz_init(d);
    mpz_init(q);
    mpz_init(r);
    ck_assert_int_eq(mpz_set_str(n, rounding[_i].n, 10), 0);
    ck_assert_int_eq(mpz_set_str(d, rounding[_i].d, 10), 0);
    for (m = 0; m < PRICING__MODE_COUNT; m++) {
        pricing__round_div(q, r, n, d, (pricing__mode)m);
        ck_assert_msg(mpz_cmp_si(q, rounding[_i].q[m]) == 0,
                      "%s in %s: got %ld, expected %ld", rounding[_i].what,
                      pricing__mode_name((pricing__mode)m), mpz_get_si(q),
                      rounding[_i].q[m]);
        /* q may alias n. */
        mpz_set(q, n);
        pricing__round_div(q, r, q, d, (pricing__mode)m);
        ck_assert_msg(mpz_cmp_si(q, rounding[_i].q[m]) == 0,
                      "%s in %s (aliased): got %ld, expected %ld",
                      rounding[_i].what, pricing__mode_name((pricing__mode)m),
                      mpz_get_si(q), rounding[_i].q[m]);
    }
    mpz_clear(n);
    mpz_clear(d);
    mpz_clear(q);
    mpz_clear(r);
}
END_TEST

/* Beyond 64 bits: 10^30 + 0.5 units. */
START_TEST(test_round_div_big)
{
    static const char *const expected[PRICING__MODE_COUNT] = {
        "1000000000000000000000000000001", /* half_up */
        "1000000000000000000000000000000", /* half_even */
        "1000000000000000000000000000000", /* half_down */
        "1000000000000000000000000000001", /* up */
        "1000000000000000000000000000000", /* down */
        "1000000000000000000000000000001", /* ceiling */
        "1000000000000000000000000000000", /* floor */
    };
    mpz_t n, d, q, r, want;
    int m;

    mpz_init(n);
    mpz_init(q);
    mpz_init(r);
    mpz_init(want);
    mpz_init_set_ui(d, 10);
    mpz_set_str(n, "10000000000000000000000000000005", 10);
    for (m = 0; m < PRICING__MODE_COUNT; m++) {
        pricing__round_div(q, r, n, d, (pricing__mode)m);
        mpz_set_str(want, expected[m], 10);
        ck_assert_msg(mpz_cmp(q, want) == 0, "%s",
                      pricing__mode_name((pricing__mode)m));
    }
    mpz_neg(n, n);
    for (m = 0; m < PRICING__MODE_COUNT; m++) {
        /* Symmetric: -x rounds to -(x rounded by the mirrored mode). */
        static const int mirror[PRICING__MODE_COUNT] = {0, 1, 2, 3, 4, 6, 5};
        pricing__round_div(q, r, n, d, (pricing__mode)m);
        mpz_set_str(want, expected[mirror[m]], 10);
        mpz_neg(want, want);
        ck_assert_msg(mpz_cmp(q, want) == 0, "-x in %s",
                      pricing__mode_name((pricing__mode)m));
    }
    mpz_clear(n);
    mpz_clear(d);
    mpz_clear(q);
    mpz_clear(r);
    mpz_clear(want);
}
END_TEST

START_TEST(test_mode_names)
{
    static const char *const names[PRICING__MODE_COUNT] = {
        "half_up", "half_even", "half_down", "up", "down", "ceiling", "floor"};
    static const char *const ats[PRICING__AT_COUNT] = {"total", "period",
                                                        "line"};
    int i;
    for (i = 0; i < PRICING__MODE_COUNT; i++) {
        ck_assert_str_eq(pricing__mode_name((pricing__mode)i), names[i]);
        ck_assert_int_eq(pricing__mode_lookup(names[i]), i);
    }
    for (i = 0; i < PRICING__AT_COUNT; i++) {
        ck_assert_str_eq(pricing__at_name((pricing__at)i), ats[i]);
        ck_assert_int_eq(pricing__at_lookup(ats[i]), i);
    }
    ck_assert_int_eq(pricing__mode_lookup("HALF_UP"), -1);
    ck_assert_int_eq(pricing__mode_lookup("bankers"), -1);
    ck_assert_int_eq(pricing__mode_lookup(""), -1);
    ck_assert_int_eq(pricing__at_lookup("Total"), -1);
    ck_assert_int_eq(pricing__at_lookup(""), -1);
}
END_TEST

/* ---------------------------------------------------------------- u64 */

START_TEST(test_set_u64)
{
    static const struct {
        uint64_t v;
        const char *s;
    } cases[] = {
        {UINT64_C(0), "0"},
        {UINT64_C(1), "1"},
        {UINT64_C(4294967295), "4294967295"},                 /* 2^32 - 1 */
        {UINT64_C(4294967296), "4294967296"},                 /* 2^32 */
        {UINT64_C(4294967297), "4294967297"},                 /* 2^32 + 1 */
        {UINT64_C(8589934591), "8589934591"},                 /* 2^33 - 1 */
        {UINT64_C(1000000000000000), "1000000000000000"},     /* 10^15 */
        {UINT64_C(9007199254740993), "9007199254740993"},     /* 2^53 + 1 */
        {UINT64_C(9223372036854775807), "9223372036854775807"}, /* 2^63 - 1 */
        {UINT64_C(9223372036854775808), "9223372036854775808"}, /* 2^63 */
        {UINT64_C(18446744069414584320), "18446744069414584320"}, /* low word 0 */
        {UINT64_C(18446744073709551614), "18446744073709551614"},
        {UINT64_MAX, "18446744073709551615"},
    };
    mpz_t got, want;
    size_t i;

    mpz_init(got);
    mpz_init(want);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mpz_set_si(got, -99); /* overwritten, sign included */
        pricing__mpz_set_u64(got, cases[i].v);
        mpz_set_str(want, cases[i].s, 10);
        ck_assert_msg(mpz_cmp(got, want) == 0, "set_u64(%s)", cases[i].s);
    }
    mpz_clear(got);
    mpz_clear(want);
}
END_TEST

Suite *unit_decimal_suite(void)
{
    Suite *s = suite_create("decimal");
    TCase *tc = tcase_create("grammar");
    tcase_add_loop_test(tc, test_check_syntax, 0,
                        (int)(sizeof bad_syntax / sizeof bad_syntax[0]));
    tcase_add_test(tc, test_check_embedded_nul);
    tcase_add_test(tc, test_check_valid);
    tcase_add_test(tc, test_check_digit_limits);
    tcase_add_test(tc, test_check_long_input);
    suite_add_tcase(s, tc);

    tc = tcase_create("text");
    tcase_add_test(tc, test_to_mpz);
    tcase_add_test(tc, test_format_fixed);
    tcase_add_test(tc, test_format_strip);
    tcase_add_test(tc, test_format_negative_zero);
    tcase_add_test(tc, test_set_u64);
    suite_add_tcase(s, tc);

    tc = tcase_create("rounding");
    tcase_add_loop_test(tc, test_round_div, 0,
                        (int)(sizeof rounding / sizeof rounding[0]));
    tcase_add_test(tc, test_round_div_big);
    tcase_add_test(tc, test_mode_names);
    suite_add_tcase(s, tc);
    return s;
}
