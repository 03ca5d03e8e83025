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
    pricing__arena *arena; /* the catalog's */
    unsigned max_frac; /* the most fraction digits of any amount */
    pricing__amount **amounts; /* every amount, rescaled once at the end */
    size_t namounts, amounts_cap;
    pricing__tier **tiers; /* every tier list head, prefixed at the end */
    size_t *tier_counts;
    size_t ntiers, tiers_cap, tier_counts_cap;
    const cJSON *empty_array; /* stands in for absent lists */
    /* A plain catalog's amount texts, one copy of each (a history interns
     * every string through its arena's share). */
    struct pricing__share *texts;
    /* Contract 1.2 (currencies.c, history.c). */
    size_t cur;     /* the currency this pass loads: 0 is the default */
    size_t ncodes;  /* 0: no "currencies"; else the default + the list */
    char codes[PRICING__MAX_CURRENCIES][4];
    int has_effective, has_existing;
    pricing__date effective, existing;
    const char *effective_s, *existing_s;
    const char *sig; /* the currency list as one interned string */
} pricing__load;

/* Pushes key onto the error path; returns the mark to pop back to. */
size_t pricing__ld_push(pricing__load *ld, const char *key);
void pricing__ld_pop(pricing__load *ld, size_t mark);
/* missing_field at the path plus key: "\"key\" is required". */
int pricing__ld_missing(pricing__load *ld, const char *key);
/* invalid_value at the path, with what as the message. */
int pricing__ld_invalid(pricing__load *ld, const char *what);
/* An array member: wrong_type ("expected <type>") unless an array,
 * invalid_value with message empty (unless NULL) when empty,
 * limit_exceeded ("more than <max> <what>") above max entries; *n its
 * length. */
int pricing__ld_array(pricing__load *ld, const cJSON *node, const char *type,
                      const char *empty, int max, const char *what, size_t *n);
/* An id member copied into the catalog (path pushed by the caller). */
int pricing__ld_id(pricing__load *ld, const cJSON *node, const char **out);
/* The plan called name for spec: invalid_value unless its billing has
 * it. */
int pricing__ld_plan(pricing__load *ld, const pricing__spec *spec,
                     const char *name, int *plan);

/* The specs array (catalog_spec.c). */
int pricing__ld_specs(pricing__load *ld, const cJSON *node);
/* A prices object: plan -> charge, into out[plan] (catalog_sku.c). */
int pricing__ld_prices(pricing__load *ld, pricing__spec *spec,
                       const cJSON *node, pricing__charge **out);
/* Every offered plan priced (missing_field at prices/plan). */
int pricing__ld_check_priced(pricing__load *ld, const pricing__spec *spec,
                             pricing__charge *const *prices);
/* The plans prices names, a bit per plan. */
unsigned pricing__priced_plans(pricing__charge *const *prices);
/* The skus array of a custom spec. */
int pricing__ld_skus(pricing__load *ld, pricing__spec *spec,
                     const cJSON *node);

/* Builds ix over names[0..n) in a; *dup is the index of the first
 * repeated name, -1 when all differ. Returns 0 or -out_of_memory (the
 * caller fills the error: it has the path). */
int pricing__index_build(pricing__arena *a, pricing__index *ix,
                         const char *const *names, size_t n, long *dup);
/* The same one name at a time: room for n names of names, then name i
 * added (1 when an equal name is there already). */
int pricing__index_init(pricing__arena *a, pricing__index *ix,
                        const char *const *names, size_t n);
int pricing__index_add(pricing__index *ix, size_t i);

/* Reads an amount member into a (registered for rescaling). */
int pricing__load_amount(pricing__load *ld, const cJSON *node,
                         pricing__amount *a);
/* The same for member key of the current object: the path has key while
 * it is read (and keeps it on failure). */
int pricing__load_amount_at(pricing__load *ld, const cJSON *node,
                            const char *key, pricing__amount *a);


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


#endif
