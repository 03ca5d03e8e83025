/* SPDX-License-Identifier: MIT */
/* quote.h - a computed quote (private). */
#ifndef PRICING_QUOTE_H
#define PRICING_QUOTE_H

#include "date.h"
#include "model.h"
#include "request.h"
#include "zword.h"

typedef enum pricing__line_kind {
    PRICING__LINE_FIXED,
    PRICING__LINE_BASE,
    PRICING__LINE_QUANTITY, /* linear and package rules */
    PRICING__LINE_TIER,
    PRICING__LINE_DISCOUNT,
    PRICING__LINE_CREDIT,
    PRICING__LINE_CHARGE
} pricing__line_kind;

typedef struct pricing__qline {
    /* The numbers first: they stay initialised across computes; every
     * field after them is set by pricing__qline_clear. */
    mpz_t term;    /* the term's price (over the quote's den) */
    mpz_t period;  /* one period, exact (over the catalog's den) */
    mpz_t exact;   /* the whole order, exact (over the quote's den) */
    mpz_t amount;  /* the whole order, rounded (minor units) */
    mpz_t scratch;
    pricing__line_kind kind;
    pricing__rule_kind rule; /* rule lines only: those with an attr */
    const pricing__attr *attr;
    uint32_t tier; /* 1-based */
    uint64_t from, to;
    int has_to;
    uint64_t quantity;  /* units; for a volume scale-out, the added units */
    uint64_t packages;  /* package rule: packages sold */
    uint64_t size;      /* package rule: units per package */
    const char *unit_price;
    const char *flat;
    /* discount lines */
    int from_catalog;   /* the spec's discount, else the request's */
    int percent;        /* percent_off, else amount_off */
    const char *value;  /* the percentage or amount as written */
    uint64_t periods;   /* 0: once on the whole order */
    /* credit and charge lines */
    const pricing__skuval *sku;
    const char *exact_s, *amount_s; /* text, formatted on demand */
    uint32_t passed; /* totals only: the graduated tiers this line sums */
} pricing__qline;

/* Every field of l after the numbers: kind, quantity 1, the others zero,
 * so a line kind that leaves one unset still hands out a defined value
 * (unit_lines.c reads every field of every kind; valgrind would flag one
 * left out). A field added above must be added here. Field by field, not
 * a memset: gcc makes a memset of these 136 bytes a `rep stos`, and the
 * stores a caller overwrites at once (tier_line) are dropped when
 * inlined. */
static inline void pricing__qline_clear(pricing__qline *l,
                                        pricing__line_kind kind)
{
    l->kind = kind;
    l->rule = PRICING__LINEAR;
    l->attr = NULL;
    l->tier = 0;
    l->from = 0;
    l->to = 0;
    l->has_to = 0;
    l->quantity = 1;
    l->packages = 0;
    l->size = 0;
    l->unit_price = NULL;
    l->flat = NULL;
    l->from_catalog = 0;
    l->percent = 0;
    l->value = NULL;
    l->periods = 0;
    l->sku = NULL;
    l->exact_s = NULL;
    l->amount_s = NULL;
    l->passed = 0;
}

struct pricing_quote {
    const pricing_catalog *cat;
    const pricing__spec *spec;
    /* The currency the quote is in, set when computed (quote_currency in
     * quote.c): every writer and accessor reads these, never the
     * catalog's, so prices in several currencies change only the loader
     * and the price lookup. */
    char currency[4];
    unsigned minor_units; /* decimals of the rounded amounts */
    pricing__type type;
    pricing__skuval sku, from;
    pricing__plan plan;
    uint64_t count;
    int trial;
    int uniform;      /* every period costs the same: at period applies */
    int has_start, has_end, has_term;
    pricing__date start, end, term_start, term_end;
    uint64_t days, term_days; /* change quotes: R and D */
    int valid;
    unsigned flags;   /* PRICING_QUOTE_* */
    int totals_only;  /* this result keeps no lines (flags, not at: line) */
    pricing__qline *lines;
    size_t nlines, lines_cap; /* lines_cap entries are mpz_init'ed */
    size_t *order;            /* scratch for the remainder ranking */
    size_t order_cap;
    /* Exact values are integers over den: the catalog's 10^scale, times
     * what discounts and proration bring in (den_pow10 >= 0 while it is
     * still a power of ten, the common and fast case). */
    mpz_t den, unit;
    int den_pow10;
    mpz_t period_total, exact_total, total, tmp, tmp2, tmp3;
    /* Text for the accessors, formatted on first use (ensure_text). */
    char *text, *ltext;      /* totals' text; lines' text */
    size_t text_cap, ltext_cap;
    int text_ready;          /* 1: totals formatted, 2: lines too */
    const char *total_s, *exact_s, *period_s, *zero_s;
    /* The JSON driver parses requests into these (the request's view,
     * then the typed request), so a reused quote makes a request cost no
     * allocation of its own. */
    pricing_request scratch;
    pricing__view view;
    /* The JSON driver's own error (see pricing_quote_json): clear between
     * calls, so a request that succeeds costs no clearing. */
    pricing_error err;
};

/* Room for one more line in q (mpz_init'ed): 0, or -1 out of memory. */
int pricing__quote_grow_lines(pricing_quote *q);

/* A new line at the end of q: every field zero but quantity 1; NULL when
 * out of memory. Inline: a quote adds a line per tier entered. */
static inline pricing__qline *pricing__quote_add_line(pricing_quote *q,
                                                      pricing__line_kind kind)
{
    pricing__qline *l;
    if (q->nlines == q->lines_cap && pricing__quote_grow_lines(q) != 0)
        return NULL;
    l = &q->lines[q->nlines++];
    pricing__qline_clear(l, kind);
    pricing__z_zero(l->period);
    pricing__z_zero(l->exact);
    return l;
}

/* The totals and the rounded line amounts, from the lines' exact values
 * (quote_round.c). period_total is the rounded price of one period:
 * round(exact / count) (with line rounding, the sum of each line's
 * rounded share). Returns 0, or -1 out of memory. */
int pricing__quote_round(pricing_quote *q);

/* The most bytes pricing_quote_write_json writes for q (compact): it
 * reserves that once, then writes without checking room. */
size_t pricing__quote_json_bound(const pricing_quote *q);

/* Formats an exact value of q into dst (see pricing__exact_format). */
size_t pricing__quote_exact_size(const pricing_quote *q, const mpz_t num);
size_t pricing__quote_exact_format(char *dst, const pricing_quote *q,
                                   const mpz_t num);

#endif
