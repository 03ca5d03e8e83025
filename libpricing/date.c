/* SPDX-License-Identifier: MIT */
/* date.c - proleptic Gregorian dates, years 1..9999.
 *
 * Dates convert to and from a day count (the ordinal, 0001-01-01 = 0)
 * with the closed-form civil/days algorithms (H. Hinnant), counted from
 * 0000-03-01 so that a leap day falls at the end of its "year" and every
 * intermediate stays non-negative. */
#include "date.h"

#define DATE_MAX_YEAR 9999
/* Months from 0001-01 to 9999-12. */
#define DATE_MAX_MONTH_INDEX (DATE_MAX_YEAR * 12UL - 1)
/* Days from 0000-03-01 to 0001-01-01. */
#define DATE_EPOCH_SHIFT 306L
/* Ordinal of 9999-12-31. */
#define DATE_MAX_ORDINAL 3652058L

static int is_leap(int y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int days_in_month(int y, int m)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30,
                                           31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int is_valid(const pricing__date *d)
{
    return d->year >= 1 && d->year <= DATE_MAX_YEAR && d->month >= 1 &&
           d->month <= 12 && d->day >= 1 &&
           d->day <= days_in_month(d->year, d->month);
}

/* n ASCII digits as a number, or -1. Not isdigit(): it depends on the
 * locale and takes an int that a negative char would make undefined. */
static int parse_digits(const char *s, int n)
{
    int v = 0, i;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int pricing__date_parse(pricing__date *out, const char *s, size_t len)
{
    pricing__date d;
    if (out == NULL || s == NULL || len != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    d.year = parse_digits(s, 4);
    d.month = parse_digits(s + 5, 2);
    d.day = parse_digits(s + 8, 2);
    /* A failed field is -1, which is_valid() rejects like any range. */
    if (!is_valid(&d))
        return -1;
    *out = d;
    return 0;
}

static void put_digits(char *p, int v, int n)
{
    while (n-- > 0) {
        p[n] = (char)('0' + v % 10);
        v /= 10;
    }
}

void pricing__date_format(char buf[11], const pricing__date *d)
{
    put_digits(buf, d->year, 4);
    buf[4] = '-';
    put_digits(buf + 5, d->month, 2);
    buf[7] = '-';
    put_digits(buf + 8, d->day, 2);
    buf[10] = '\0';
}

long pricing__date_ordinal(const pricing__date *d)
{
    /* March-based year: January and February belong to the year before. */
    long y = d->year - (d->month <= 2);
    long m = d->month;
    long era = y / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d->day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - DATE_EPOCH_SHIFT;
}

/* The inverse of pricing__date_ordinal, for 0 <= n <= DATE_MAX_ORDINAL. */
static void date_from_ordinal(pricing__date *out, long n)
{
    long z = n + DATE_EPOCH_SHIFT;
    long era = z / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long m = mp < 10 ? mp + 3 : mp - 9;
    out->year = (int)(era * 400 + yoe + (m <= 2));
    out->month = (int)m;
    out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
}

int pricing__date_add_months(pricing__date *out, const pricing__date *d,
                             unsigned long long months)
{
    unsigned long index;
    int dim;
    if (out == NULL || d == NULL || !is_valid(d))
        return -1;
    index = (unsigned long)(d->year - 1) * 12 + (unsigned long)(d->month - 1);
    /* Compared before adding, so no count can wrap around. */
    if (months > DATE_MAX_MONTH_INDEX - index)
        return -1;
    index += (unsigned long)months;
    out->year = (int)(index / 12 + 1);
    out->month = (int)(index % 12 + 1);
    /* Always counted from d's day, never from an earlier clamped result. */
    dim = days_in_month(out->year, out->month);
    out->day = d->day < dim ? d->day : dim;
    return 0;
}

int pricing__date_add_days(pricing__date *out, const pricing__date *d,
                           unsigned long long days)
{
    long n;
    if (out == NULL || d == NULL || !is_valid(d))
        return -1;
    n = pricing__date_ordinal(d);
    if (days > (unsigned long long)(DATE_MAX_ORDINAL - n))
        return -1;
    date_from_ordinal(out, n + (long)days);
    return 0;
}
