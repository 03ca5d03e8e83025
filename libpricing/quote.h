/* quote.h - a computed quote (private). */
#ifndef PRICING_QUOTE_H
#define PRICING_QUOTE_H

#include "date.h"
#include "model.h"
#include "request.h"

typedef enum pricing__line_kind {
    PRICING__LINE_FIXED,
    PRICING__LINE_BASE,
    PRICING__LINE_QUANTITY,
    PRICING__LINE_TIER
} pricing__line_kind;

typedef struct pricing__qline {
    pricing__line_kind kind;
    pricing__rule_kind rule;
    const pricing__attr *attr;
    uint32_t tier; /* 1-based */
    uint64_t from, to;
    int has_to;
    uint64_t quantity;
    const char *unit_price;
    const char *flat;
    mpz_t period;  /* one period, exact (catalog scale) */
    mpz_t exact;   /* the whole order, exact (catalog scale) */
    mpz_t amount;  /* the whole order, rounded (minor units) */
    mpz_t scratch;
    const char *exact_s, *amount_s; /* text, formatted on demand */
} pricing__qline;

struct pricing_quote {
    const pricing_catalog *cat;
    const pricing__spec *spec;
    uint32_t value[PRICING_MAX_ATTRIBUTES];
    uint64_t quantity[PRICING_MAX_ATTRIBUTES];
    pricing__plan plan;
    uint64_t count;
    int trial;
    int has_start, has_end;
    pricing__date start, end;
    int valid;
    pricing__qline *lines;
    size_t nlines, lines_cap; /* lines_cap entries are mpz_init'ed */
    size_t *order;            /* scratch for the remainder ranking */
    size_t order_cap;
    mpz_t period_exact, period_total, exact_total, total, tmp;
    /* Text for the accessors, formatted on first use (ensure_text). */
    char *text;
    size_t text_cap;
    int text_ready;
    const char *total_s, *exact_s, *period_s, *zero_s;
    /* The JSON driver parses requests into this, so a reused quote makes
     * a request cost no allocation of its own. */
    pricing_request scratch;
};

#endif
