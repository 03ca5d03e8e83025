/* SPDX-License-Identifier: MIT */
/* date.h - calendar dates without libc time functions (private).
 * mktime/localtime depend on TZ and the C library; service dates are pure
 * proleptic Gregorian arithmetic. */
#ifndef PRICING_DATE_H
#define PRICING_DATE_H

#include <stddef.h>

typedef struct pricing__date {
    int year;  /* 1..9999 */
    int month; /* 1..12 */
    int day;   /* 1..days in month */
} pricing__date;

/* Parses exactly "YYYY-MM-DD" (len bytes, 10 digits and dashes, a real
 * date, year 1..9999). Returns 0, or -1 when it is not such a date. */
int pricing__date_parse(pricing__date *out, const char *s, size_t len);

/* Writes "YYYY-MM-DD" and a NUL into buf (11 bytes). */
void pricing__date_format(char buf[11], const pricing__date *d);

/* d + months, counted from d, the day clamped to the end of a shorter
 * month (2026-01-31 + 1 = 2026-02-28). Returns -1 past year 9999. */
int pricing__date_add_months(pricing__date *out, const pricing__date *d,
                             unsigned long long months);

/* d + days. Returns -1 past year 9999. */
int pricing__date_add_days(pricing__date *out, const pricing__date *d,
                           unsigned long long days);

/* Days from 0001-01-01 (day 0) to d. */
long pricing__date_ordinal(const pricing__date *d);

#endif
