/* SPDX-License-Identifier: MIT */
/* model.h - the loaded catalog (private).
 *
 * Everything a quote needs is prepared at load: amounts as integers over
 * one common power of ten (no gcd on the hot path), full-tier amounts and
 * prefix sums, hash indexes for names, and SKUs stored at their
 * mixed-radix position over the enum value indexes, so a quote finds its
 * SKU by arithmetic and never scans. After load nothing is written:
 * the catalog is shared read-only between threads. */
#ifndef PRICING_MODEL_H
#define PRICING_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

#include "arena.h"
#include "pricing.h"
#include "round.h"
#include "writer.h"

typedef enum pricing__plan {
    PRICING__MONTH,
    PRICING__YEAR,
    PRICING__ONE_TIME,
    PRICING__PLAN_COUNT
} pricing__plan;

typedef enum pricing__rule_kind {
    PRICING__LINEAR,
    PRICING__GRADUATED,
    PRICING__VOLUME,
    PRICING__PACKAGE
} pricing__rule_kind;
/* The number of kinds: the last one plus one (rule.c, rule.h). */
#define PRICING__RULE_KINDS (PRICING__PACKAGE + 1)

/* An amount as written ("19.90") and as an integer over 10^scale.
 *
 * Every exact value of a loaded catalog (amounts, a tier's full and
 * before) is a read-only view (mpz_roinit_n) of limbs the catalog holds:
 * an amount's one limb inline (amounts are below 10^36, two limbs at most,
 * and nearly all fit one), any longer value's limbs in the arena. Set when
 * the load finishes (pricing__load_finish_amounts), read as mpz_srcptr,
 * never written, never mpz_clear'ed: a quote reads an amount's value in
 * the cache line of the amount itself. */
typedef struct pricing__amount {
    mpz_t v;
    mp_limb_t limb; /* v's limb when it has at most one */
    const char *text; /* last: a quote reads v and limb only */
} pricing__amount;

typedef struct pricing__tier {
    uint64_t from;  /* exclusive lower bound (0 for tier 1) */
    uint64_t up_to; /* inclusive upper bound; UINT64_MAX when unbounded */
    int bounded;
    pricing__amount unit;
    pricing__amount flat; /* text "0" when absent */
    mpz_t full;   /* (up_to - from) x unit + flat: the tier passed through */
    mpz_t before; /* sum of full of the tiers below (prefix sum) */
} pricing__tier;

/* A charge's rules follow it in the arena (one allocation), so a quote
 * reads a charge and its rules from adjacent cache lines: with the
 * fields in this order, what a quote reads of a charge and its first
 * rule (fixed, has_base, the amount's v and limb, rules, kind, the
 * linear amount's v and limb) is its first 80 bytes, two lines
 * whatever the 16-byte alignment. */
typedef struct pricing__rule {
    pricing__rule_kind kind;
    int package_down;       /* package: floor instead of ceiling */
    pricing__amount linear; /* linear: the unit price; package: its price */
    pricing__tier *tiers;
    size_t ntiers;
    uint64_t package_size; /* package: units per package (>= 1) */
} pricing__rule;

/* A percentage as written ("12.5") and as num / den exactly. */
typedef struct pricing__percent {
    const char *text;
    mpz_t num; /* the digits, e.g. 125 */
    mpz_t den; /* 100 x 10^fraction digits, e.g. 1000 */
} pricing__percent;

/* A catalog multi-period discount: from min_count periods of plan. */
typedef struct pricing__discount {
    pricing__plan plan;
    uint64_t min_count;
    pricing__percent percent;
} pricing__discount;

/* A charge for one period: a fixed amount, or base + one rule per
 * quantity attribute (indexed by the attribute's quantity ordinal). */
typedef struct pricing__charge {
    int fixed;
    int has_base;
    pricing__amount amount; /* the fixed price or the base */
    pricing__rule *rules;
} pricing__charge;

typedef struct pricing__sku {
    int listed;
    int available;
    pricing__charge *prices[PRICING__PLAN_COUNT];
} pricing__sku;

/* A slot of a name index: the name itself (NULL: empty), so a lookup
 * reads the slot and the name, and the upper half of the name's hash,
 * so a probe past another name rarely reads that name at all. */
typedef struct pricing__islot {
    const char *name;
    uint32_t index;
    uint32_t tag;
} pricing__islot;

/* A name -> index map (open addressing), built at load. */
typedef struct pricing__index {
    pricing__islot *slots;
    size_t mask;
    const char *const *names;
} pricing__index;

typedef struct pricing__attr {
    const char *id;
    int is_enum;
    /* enum */
    const char **values;
    size_t nvalues;
    pricing__index value_index;
    size_t radix; /* multiplier of this attribute's position in a SKU */
    /* quantity */
    uint64_t min, max, step;
    const char *unit;
    size_t qord; /* ordinal among the quantity attributes */
    /* JSON forms (catalog_json.c): the member key ,"id": and the enum
     * values as strings */
    pricing__jstr key_json;
    pricing__jstr *values_json;
} pricing__attr;

typedef struct pricing__spec {
    const char *id;
    const char *name;
    int one_time;
    int custom;
    unsigned plans;             /* bit per pricing__plan offered */
    const uint8_t *counts[PRICING__PLAN_COUNT]; /* [0..120] allowed, or NULL: 1..120 */
    uint64_t trial_days;        /* 0: none */
    pricing__attr *attrs;
    size_t nattrs;
    pricing__index attr_index;
    size_t nquant;
    pricing__sku *skus; /* nskus, at mixed-radix positions */
    size_t nskus;
    pricing__discount *discounts; /* sorted by plan, then min_count */
    size_t ndiscounts;
    pricing__jstr id_json;  /* JSON form (catalog_json.c) */
    size_t sku_json_max;    /* the most bytes of an SKU object's JSON */
} pricing__spec;

struct pricing_catalog {
    const char *id;
    const char *version;
    char currency[4];
    unsigned minor_units;
    pricing__mode mode;
    pricing__at at;
    unsigned scale;   /* every exact value is an integer over 10^scale */
    mpz_t unit;       /* 10^(scale - minor_units): one minor unit */
    mpz_t den;        /* 10^scale: the denominator of every amount */
    pricing__jstr id_json, version_json; /* JSON forms (catalog_json.c) */
    pricing__spec *specs;
    size_t nspecs;
    pricing__index spec_index;
    size_t total_skus;
    /* Contract 1.2 (history.h): a history, or a catalog with currencies
     * or dates, is loaded as one catalog per version and currency, all in
     * the arena of the handle the caller holds (owner). */
    struct pricing_catalog *owner;       /* NULL: this one owns its arena */
    const struct pricing__history *hist; /* NULL: a plain 1.0/1.1 catalog */
    const struct pricing__hversion *hv;  /* this catalog's version */
    /* Everything above lives in the arena (arena.h). */
    pricing__arena arena;
};

/* The loop over each quantity attribute of a spec (with its index i):
 *     PRICING__EACH_QUANTITY(spec, i, at)
 *         rule = pricing__attr_rule(charge, at);
 * where at walks the quantity attributes in the spec's order. */
#define PRICING__EACH_QUANTITY(spec, i, at)                                  \
    for ((i) = 0; ((at) = pricing__next_quantity((spec), &(i))) != NULL;     \
         (i)++)

/* The quantity attribute at or after index *i (*i moved to it), or NULL. */
static inline const pricing__attr *
pricing__next_quantity(const pricing__spec *spec, size_t *i)
{
    for (; *i < spec->nattrs; ++*i)
        if (!spec->attrs[*i].is_enum)
            return &spec->attrs[*i];
    return NULL;
}

/* The rule of quantity attribute at in charge ch. */
static inline const pricing__rule *
pricing__attr_rule(const pricing__charge *ch, const pricing__attr *at)
{
    return &ch->rules[at->qord];
}

/* Looks name (len bytes) up; returns its index or -1. */
long pricing__index_find(const pricing__index *ix, const char *name,
                         size_t len);

/* The catalog discount for count periods of plan: the entry with the
 * largest min_count not above count, or NULL. */
const pricing__discount *pricing__spec_discount(const pricing__spec *spec,
                                                pricing__plan plan,
                                                uint64_t count);

/* 1 when a and b have the same attributes (ids, types, min, max, step) in
 * the same order: what loading a charge reads of its spec (share.c). */
int pricing__spec_same_shape(const pricing__spec *a, const pricing__spec *b);

const char *pricing__plan_name(pricing__plan plan);
int pricing__plan_lookup(const char *name);

#endif
