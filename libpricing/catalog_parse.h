/* SPDX-License-Identifier: MIT */
/* catalog_parse.h - shared by the catalog loader's files (private). */
#ifndef PRICING_CATALOG_PARSE_H
#define PRICING_CATALOG_PARSE_H

#include "date.h"
#include "json_read.h"
#include "model.h"

/* A catalog's currencies are distinct codes of the ISO 4217 table, which
 * has fewer entries than this. */
#define PRICING__MAX_CURRENCIES 200

typedef struct pricing__load {
    pricing__rd rd;
    pricing_catalog *cat;
    unsigned max_frac; /* the most fraction digits of any amount */
    pricing__amount **amounts; /* every amount, rescaled once at the end */
    size_t namounts, amounts_cap;
    pricing__tier **tiers; /* every tier list head, prefixed at the end */
    size_t *tier_counts;
    size_t ntiers, tiers_cap, tier_counts_cap;
    const cJSON *empty_array; /* stands in for absent lists */
    /* Contract 1.2 (currencies.c, history.c). */
    size_t cur;     /* the currency this pass loads: 0 is the default */
    size_t ncodes;  /* 0: no "currencies"; else the default + the list */
    char codes[PRICING__MAX_CURRENCIES][4];
    int has_effective, has_existing;
    pricing__date effective, existing;
    const char *effective_s, *existing_s;
    const char *sig; /* the currency list as one interned string */
} pricing__load;

/* Arena allocation owned by the catalog (zeroed); NULL on failure. */
void *pricing__cat_alloc(pricing_catalog *cat, size_t size);
char *pricing__cat_strndup(void *cat, const char *s, size_t n);
/* mpz_init plus registration for clearing at free; -1 on failure. */
int pricing__cat_mpz(pricing_catalog *cat, mpz_ptr z);

/* Pushes key onto the error path; returns the mark to pop back to. */
size_t pricing__load_push(pricing__load *ld, const char *key);

/* Reads an amount member into a (registered for rescaling). */
int pricing__load_amount(pricing__load *ld, const cJSON *node,
                         pricing__amount *a);
/* The same for member key of the current object: the path has key while
 * it is read (and keeps it on failure). */
int pricing__load_amount_at(pricing__load *ld, const cJSON *node,
                            const char *key, pricing__amount *a);

/* A percentage member (0..100) into pc. */
int pricing__load_percent(pricing__load *ld, const cJSON *node,
                          pricing__percent *pc);

/* Parses one plan's charge of spec (path: the charge). */
int pricing__load_charge(pricing__load *ld, const pricing__spec *spec,
                         const cJSON *node, pricing__charge **out);

/* After every amount is read: the common scale, each amount's integer,
 * tier full amounts and prefix sums. */
int pricing__load_finish_amounts(pricing__load *ld);

/* Reads the catalog object root into ld->cat (one pass: one version in
 * one currency); the amounts are finished by the caller. */
int pricing__load_catalog(pricing__load *ld, const cJSON *root);

/* Builds a catalog from node of a parsed document; prefix (or NULL) is
 * the key under which the catalog sits in an envelope, for error paths. */
int pricing__catalog_from_doc(pricing_catalog **out, const pricing__doc *doc,
                              const cJSON *node, const char *prefix,
                              pricing_error *err);

/* Reads a whole file, stopping just past max_bytes (limit_exceeded);
 * io_error when it cannot be opened or read. *data is malloc'ed. */
int pricing__read_file(char **data, size_t *len, const char *filename,
                       size_t max_bytes, pricing_error *err);

#endif
