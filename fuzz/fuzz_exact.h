/* SPDX-License-Identifier: MIT */
/* fuzz_exact.h - the fuzz checks' reference model (fuzz_exact.c): amount
 * texts as GMP rationals, the contract's rounding, calendar dates. A
 * malformed text is an invariant failure (abort), not a return code. */
#ifndef FUZZ_EXACT_H
#define FUZZ_EXACT_H

#include <stdint.h>

#include <cjson/cJSON.h>
#include <gmp.h>

/* s is [0-9]+ or [0-9]+.[0-9]+ (no sign); *frac its decimals. */
int dec_grammar(const char *s, int *frac);
/* The value of the decimal text s (grammar checked by the caller). */
void dec_to_q(mpq_t out, const char *s);
/* An exact amount in canonical text (no leading or trailing zeros). */
void exact_text(mpq_t out, const char *s, const char *what);
/* A rounded amount with exactly m decimals, in minor units. */
void rounded_text(mpz_t out, const char *s, int m, const char *what);
/* An amount as a catalog writes it (leading zeros allowed). */
void catalog_amount(mpq_t out, const cJSON *node, const char *what);
/* A JSON integer 0..10^15. */
uint64_t json_u64(const cJSON *node, const char *what);
void q_set_u64(mpq_t q, uint64_t v);
/* v rounded to an integer by the contract's mode name. */
void round_q(mpz_t out, const mpq_t v, const char *mode);

typedef struct fdate {
    long y, m, d;
} fdate;

/* 0, or -1 when s is not a valid YYYY-MM-DD. */
int fdate_parse(fdate *d, const char *s);
/* Adds months with the day clamped; -1 past 9999-12. */
int fdate_add_months(fdate *out, const fdate *d, uint64_t months);
/* Adds days; -1 past 9999-12-31. */
int fdate_add_days(fdate *out, const fdate *d, uint64_t days);

#endif
