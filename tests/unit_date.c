/* SPDX-License-Identifier: MIT */
/* unit_date.c - calendar dates: parsing, formatting, month and day
 * arithmetic. Expected ordinals come from Python's date.toordinal() - 1. */
#include <limits.h>
#include <string.h>

#include "unit.h"
#include "date.h"

static pricing__date mkdate(int y, int m, int d)
{
    pricing__date r;
    r.year = y;
    r.month = m;
    r.day = d;
    return r;
}

static int parse_str(pricing__date *out, const char *s)
{
    return pricing__date_parse(out, s, strlen(s));
}

#define ck_assert_date(d, y, m, dd)                                        \
    do {                                                                   \
        ck_assert_int_eq((d).year, (y));                                   \
        ck_assert_int_eq((d).month, (m));                                  \
        ck_assert_int_eq((d).day, (dd));                                   \
    } while (0)

/* ---------------------------------------------------------------- parse */

START_TEST(test_parse_valid)
{
    pricing__date d;
    ck_assert_int_eq(parse_str(&d, "2026-01-31"), 0);
    ck_assert_date(d, 2026, 1, 31);
    ck_assert_int_eq(parse_str(&d, "0001-01-01"), 0);
    ck_assert_date(d, 1, 1, 1);
    ck_assert_int_eq(parse_str(&d, "9999-12-31"), 0);
    ck_assert_date(d, 9999, 12, 31);
    ck_assert_int_eq(parse_str(&d, "2024-04-30"), 0);
    ck_assert_date(d, 2024, 4, 30);
}
END_TEST

/* Hostile input 39, and neighbours of it. */
static const char *const malformed[] = {
    "2024-02-30", "2024-13-01", "2024-1-1", "24:00", "23:59:60",
    "2024-12-31T23:59:60", "2024-01-01T24:00", "+14:00", "-12:00",
    "2024-01-01+14:00", "2024-01-01-12:00", "0000-01-01", "10000-01-01",
    "2024-01-01Z", "2024-01-01T00:00:00Z", "2100-02-29", "1900-02-29",
    "2023-02-29", "2024-00-10", "2024-01-00", "2024-04-31", "2024-06-31",
    "2024-09-31", "2024-11-31", "2024-01-32", "2024-99-99", "", "2024",
    "2024-01", "2024-01-1", "2024-01-001", " 2024-01-01", "2024-01-01 ",
    "2024/01/01", "2024.01.01", "20240101", "-024-01-01", "+024-01-01",
    "2024-+1-01", "2024--1-01", "2024-01--1", "2024-0a-01", "x024-01-01",
    "9999-12-32", "2024-1-01", "24-01-01", "0000-00-00",
    "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94-01-01", /* fullwidth */
    "\262024-01-01", /* Latin-1 superscript two, then "024" */
};

START_TEST(test_parse_malformed)
{
    pricing__date d = mkdate(7, 7, 7);
    ck_assert_msg(parse_str(&d, malformed[_i]) == -1, "accepted \"%s\"",
                  malformed[_i]);
    /* A failed parse leaves the output alone. */
    ck_assert_date(d, 7, 7, 7);
}
END_TEST

START_TEST(test_parse_length)
{
    pricing__date d;
    /* The length, not a NUL, bounds the text. */
    ck_assert_int_eq(pricing__date_parse(&d, "2024-01-01Z", 10), 0);
    ck_assert_date(d, 2024, 1, 1);
    ck_assert_int_eq(pricing__date_parse(&d, "2024-01-01", 9), -1);
    ck_assert_int_eq(pricing__date_parse(&d, "2024-01-01", 11), -1);
    ck_assert_int_eq(pricing__date_parse(&d, "2024-01-01", 0), -1);
    ck_assert_int_eq(pricing__date_parse(&d, "2024-01-\0" "1", 10), -1);
    ck_assert_int_eq(pricing__date_parse(&d, NULL, 10), -1);
    ck_assert_int_eq(pricing__date_parse(NULL, "2024-01-01", 10), -1);
}
END_TEST

START_TEST(test_leap_years)
{
    pricing__date d;
    ck_assert_int_eq(parse_str(&d, "2024-02-29"), 0);
    ck_assert_date(d, 2024, 2, 29);
    ck_assert_int_eq(parse_str(&d, "2000-02-29"), 0);
    ck_assert_int_eq(parse_str(&d, "0004-02-29"), 0);
    ck_assert_int_eq(parse_str(&d, "0400-02-29"), 0);
    ck_assert_int_eq(parse_str(&d, "9996-02-29"), 0);
    ck_assert_int_eq(parse_str(&d, "2100-02-29"), -1);
    ck_assert_int_eq(parse_str(&d, "1900-02-29"), -1);
    ck_assert_int_eq(parse_str(&d, "0001-02-29"), -1);
    ck_assert_int_eq(parse_str(&d, "2023-02-29"), -1);
    ck_assert_int_eq(parse_str(&d, "2100-02-28"), 0);
}
END_TEST

/* --------------------------------------------------------------- format */

START_TEST(test_format)
{
    static const char *const dates[] = {"0001-01-01", "0042-07-04",
                                        "2024-02-29", "9999-12-31",
                                        "2026-11-09"};
    char buf[11];
    size_t i;
    pricing__date d = mkdate(42, 7, 4);
    pricing__date_format(buf, &d);
    ck_assert_str_eq(buf, "0042-07-04");
    for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        ck_assert_int_eq(parse_str(&d, dates[i]), 0);
        memset(buf, 'x', sizeof buf);
        pricing__date_format(buf, &d);
        ck_assert_str_eq(buf, dates[i]);
    }
}
END_TEST

/* ----------------------------------------------------------- add_months */

static void check_add_months(int y, int m, int d, unsigned long long n,
                             int ey, int em, int ed)
{
    pricing__date from = mkdate(y, m, d), to = mkdate(0, 0, 0);
    ck_assert_msg(pricing__date_add_months(&to, &from, n) == 0,
                  "%04d-%02d-%02d + %llu months failed", y, m, d, n);
    ck_assert_msg(to.year == ey && to.month == em && to.day == ed,
                  "%04d-%02d-%02d + %llu months = %04d-%02d-%02d, "
                  "expected %04d-%02d-%02d",
                  y, m, d, n, to.year, to.month, to.day, ey, em, ed);
}

START_TEST(test_add_months_clamp)
{
    check_add_months(2026, 1, 31, 1, 2026, 2, 28);
    check_add_months(2026, 1, 31, 2, 2026, 3, 31); /* from the start */
    check_add_months(2026, 1, 31, 3, 2026, 4, 30);
    check_add_months(2026, 1, 31, 13, 2027, 2, 28);
    check_add_months(2024, 1, 31, 1, 2024, 2, 29);
    check_add_months(2024, 2, 29, 12, 2025, 2, 28);
    check_add_months(2024, 2, 29, 48, 2028, 2, 29);
    check_add_months(2024, 2, 29, 1, 2024, 3, 29);
    check_add_months(2024, 3, 31, 1, 2024, 4, 30);
    check_add_months(2023, 12, 31, 2, 2024, 2, 29);
    check_add_months(2000, 1, 31, 1, 2000, 2, 29);
    check_add_months(1900, 1, 31, 1, 1900, 2, 28);
    check_add_months(2100, 1, 31, 1, 2100, 2, 28);
    check_add_months(2024, 8, 31, 1, 2024, 9, 30);
    check_add_months(2024, 1, 15, 0, 2024, 1, 15);
    check_add_months(2024, 12, 15, 1, 2025, 1, 15);
    check_add_months(2024, 11, 30, 3, 2025, 2, 28);
}
END_TEST

START_TEST(test_add_months_limits)
{
    pricing__date from = mkdate(9999, 12, 1), to = mkdate(5, 5, 5);
    ck_assert_int_eq(pricing__date_add_months(&to, &from, 1), -1);
    ck_assert_int_eq(pricing__date_add_months(&to, &from, ULLONG_MAX), -1);
    ck_assert_date(to, 5, 5, 5);
    check_add_months(9999, 12, 31, 0, 9999, 12, 31);
    check_add_months(9999, 11, 30, 1, 9999, 12, 30);
    check_add_months(9999, 1, 31, 11, 9999, 12, 31);
    /* 0001-01 + 119987 months is 9999-12, the last month. */
    check_add_months(1, 1, 1, 119987ULL, 9999, 12, 1);
    from = mkdate(1, 1, 1);
    ck_assert_int_eq(pricing__date_add_months(&to, &from, 119988ULL), -1);
    ck_assert_int_eq(pricing__date_add_months(&to, &from, ULLONG_MAX), -1);
    ck_assert_int_eq(
        pricing__date_add_months(&to, &from, ULLONG_MAX - 119986ULL), -1);
    ck_assert_int_eq(
        pricing__date_add_months(&to, &from, (unsigned long long)ULONG_MAX),
        -1);
    ck_assert_int_eq(pricing__date_add_months(&to, &from, 1ULL << 32), -1);
    /* A 10 000-year span (hostile input 38). */
    check_add_months(1, 1, 31, 12ULL * 9998, 9999, 1, 31);
    ck_assert_int_eq(pricing__date_add_months(&to, &from, 12ULL * 10000), -1);
    /* Invalid input dates are refused, not normalised. */
    from = mkdate(2024, 2, 30);
    ck_assert_int_eq(pricing__date_add_months(&to, &from, 1), -1);
    from = mkdate(0, 1, 1);
    ck_assert_int_eq(pricing__date_add_months(&to, &from, 1), -1);
}
END_TEST

START_TEST(test_add_months_in_place)
{
    pricing__date d = mkdate(2026, 1, 31);
    ck_assert_int_eq(pricing__date_add_months(&d, &d, 1), 0);
    ck_assert_date(d, 2026, 2, 28);
}
END_TEST

/* ------------------------------------------------------------- add_days */

static void check_add_days(int y, int m, int d, unsigned long long n, int ey,
                           int em, int ed)
{
    pricing__date from = mkdate(y, m, d), to = mkdate(0, 0, 0);
    ck_assert_msg(pricing__date_add_days(&to, &from, n) == 0,
                  "%04d-%02d-%02d + %llu days failed", y, m, d, n);
    ck_assert_msg(to.year == ey && to.month == em && to.day == ed,
                  "%04d-%02d-%02d + %llu days = %04d-%02d-%02d, "
                  "expected %04d-%02d-%02d",
                  y, m, d, n, to.year, to.month, to.day, ey, em, ed);
}

START_TEST(test_add_days)
{
    check_add_days(2024, 2, 28, 1, 2024, 2, 29);
    check_add_days(2024, 2, 28, 2, 2024, 3, 1);
    check_add_days(2023, 2, 28, 1, 2023, 3, 1);
    check_add_days(2100, 2, 28, 1, 2100, 3, 1);
    check_add_days(2000, 2, 28, 1, 2000, 2, 29);
    check_add_days(1900, 2, 28, 1, 1900, 3, 1);
    check_add_days(2024, 1, 31, 1, 2024, 2, 1);
    check_add_days(2024, 1, 31, 29, 2024, 2, 29);
    check_add_days(2024, 4, 30, 1, 2024, 5, 1);
    check_add_days(2024, 12, 31, 1, 2025, 1, 1);
    check_add_days(2024, 1, 1, 366, 2025, 1, 1);
    check_add_days(2023, 1, 1, 365, 2024, 1, 1);
    check_add_days(2026, 1, 31, 14, 2026, 2, 14); /* a 14-day trial */
    check_add_days(2024, 3, 15, 0, 2024, 3, 15);
    check_add_days(1, 1, 1, 146097, 401, 1, 1);
    check_add_days(1, 1, 1, 719162, 1970, 1, 1);
    check_add_days(1, 1, 1, 3652058, 9999, 12, 31);
    check_add_days(1970, 1, 1, 2932896, 9999, 12, 31);
}
END_TEST

START_TEST(test_add_days_limits)
{
    pricing__date from = mkdate(9999, 12, 31), to = mkdate(5, 5, 5);
    ck_assert_int_eq(pricing__date_add_days(&to, &from, 1), -1);
    ck_assert_int_eq(pricing__date_add_days(&to, &from, ULLONG_MAX), -1);
    ck_assert_date(to, 5, 5, 5);
    from = mkdate(1, 1, 1);
    ck_assert_int_eq(pricing__date_add_days(&to, &from, 3652059), -1);
    ck_assert_int_eq(pricing__date_add_days(&to, &from, ULLONG_MAX), -1);
    ck_assert_int_eq(
        pricing__date_add_days(&to, &from, (unsigned long long)LONG_MAX), -1);
    ck_assert_int_eq(pricing__date_add_days(&to, &from, 1ULL << 32), -1);
    ck_assert_int_eq(pricing__date_add_days(&to, &from, 1ULL << 63), -1);
    from = mkdate(2023, 2, 29);
    ck_assert_int_eq(pricing__date_add_days(&to, &from, 1), -1);
    from = mkdate(2024, 2, 29);
    ck_assert_int_eq(pricing__date_add_days(&from, &from, 1), 0);
    ck_assert_date(from, 2024, 3, 1);
}
END_TEST

/* -------------------------------------------------------------- ordinal */

START_TEST(test_ordinal)
{
    pricing__date a = mkdate(1, 1, 1), b;
    ck_assert_int_eq(pricing__date_ordinal(&a), 0);
    a = mkdate(1, 1, 2);
    ck_assert_int_eq(pricing__date_ordinal(&a), 1);
    a = mkdate(1, 3, 1);
    ck_assert_int_eq(pricing__date_ordinal(&a), 59);
    a = mkdate(1970, 1, 1);
    ck_assert_int_eq(pricing__date_ordinal(&a), 719162);
    a = mkdate(2024, 2, 29);
    ck_assert_int_eq(pricing__date_ordinal(&a), 738944);
    a = mkdate(9999, 12, 31);
    ck_assert_int_eq(pricing__date_ordinal(&a), 3652058);

    a = mkdate(2024, 1, 1);
    b = mkdate(2025, 1, 1);
    ck_assert_int_eq(pricing__date_ordinal(&b) - pricing__date_ordinal(&a),
                     366);
    a = mkdate(2023, 1, 1);
    b = mkdate(2024, 1, 1);
    ck_assert_int_eq(pricing__date_ordinal(&b) - pricing__date_ordinal(&a),
                     365);
    a = mkdate(2000, 1, 1);
    b = mkdate(2100, 1, 1);
    ck_assert_int_eq(pricing__date_ordinal(&b) - pricing__date_ordinal(&a),
                     36525);
    a = mkdate(1900, 1, 1);
    b = mkdate(2000, 1, 1);
    ck_assert_int_eq(pricing__date_ordinal(&b) - pricing__date_ordinal(&a),
                     36524);
    a = mkdate(2100, 2, 28);
    b = mkdate(2100, 3, 1);
    ck_assert_int_eq(pricing__date_ordinal(&b) - pricing__date_ordinal(&a),
                     1);
}
END_TEST

/* Every day of years 1..9999, walked one by one with a plain calendar:
 * the ordinal counts up by one and add_days from 0001-01-01 agrees. */
START_TEST(test_every_day)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
    pricing__date origin = mkdate(1, 1, 1), d = origin, got;
    char buf[11];
    long n = 0;
    for (;;) {
        int y = d.year, leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        int dim = d.month == 2 && leap ? 29 : mdays[d.month - 1];
        if (pricing__date_ordinal(&d) != n)
            ck_abort_msg("ordinal of %04d-%02d-%02d is %ld, expected %ld",
                         d.year, d.month, d.day, pricing__date_ordinal(&d),
                         n);
        if (pricing__date_add_days(&got, &origin, (unsigned long long)n) != 0 ||
            got.year != d.year || got.month != d.month || got.day != d.day)
            ck_abort_msg("0001-01-01 + %ld days is not %04d-%02d-%02d", n,
                         d.year, d.month, d.day);
        if (d.day == 1) { /* the month's last day parses, one more does not */
            pricing__date last = d;
            last.day = dim;
            pricing__date_format(buf, &last);
            if (pricing__date_parse(&got, buf, 10) != 0 || got.day != dim)
                ck_abort_msg("rejected %s", buf);
            last.day = dim + 1;
            pricing__date_format(buf, &last);
            if (pricing__date_parse(&got, buf, 10) != -1)
                ck_abort_msg("accepted %s", buf);
        }
        if (d.day < dim) {
            d.day++;
        } else if (d.month < 12) {
            d.month++;
            d.day = 1;
        } else if (d.year < 9999) {
            d.year++;
            d.month = 1;
            d.day = 1;
        } else {
            break;
        }
        n++;
    }
    ck_assert_int_eq(n, 3652058);
}
END_TEST

Suite *unit_date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc = tcase_create("date");
    tcase_add_test(tc, test_parse_valid);
    tcase_add_loop_test(tc, test_parse_malformed, 0,
                        (int)(sizeof malformed / sizeof malformed[0]));
    tcase_add_test(tc, test_parse_length);
    tcase_add_test(tc, test_leap_years);
    tcase_add_test(tc, test_format);
    tcase_add_test(tc, test_add_months_clamp);
    tcase_add_test(tc, test_add_months_limits);
    tcase_add_test(tc, test_add_months_in_place);
    tcase_add_test(tc, test_add_days);
    tcase_add_test(tc, test_add_days_limits);
    tcase_add_test(tc, test_ordinal);
    suite_add_tcase(s, tc);
    /* Its own case: the walk over 3.6 million days takes seconds under
     * valgrind, longer than the default per-case timeout allows. */
    tc = tcase_create("every_day");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_every_day);
    suite_add_tcase(s, tc);
    return s;
}
