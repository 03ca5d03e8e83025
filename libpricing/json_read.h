/* SPDX-License-Identifier: MIT */
/* json_read.h - reading checked JSON as cJSON nodes (private).
 *
 * A document is first checked by the strict pass (json_check.h), then
 * either parsed by cJSON (catalogs, envelopes: pricing__doc_parse) or,
 * for request-sized documents, recorded by the strict pass itself as a
 * view of cJSON-shaped nodes (pricing__doc_view, json_view.h). The
 * readers below walk both alike. cJSON's doubles are never used: each
 * number node's valueint is the ordinal of its lexeme in the strict
 * pass's table, so integers and amounts are read from their exact text.
 */
#ifndef PRICING_JSON_READ_H
#define PRICING_JSON_READ_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "error.h"
#include "json_check.h"
#include "json_view.h"

typedef struct pricing__doc {
    /* A cJSON tree, or (view set) the first node of a view: never to be
     * given to cJSON_Delete or any cJSON function that allocates. */
    cJSON *root;
    const char *text;
    const pricing__numlex *lex; /* the lexemes valueint indexes */
    pricing__numbers nums;      /* a tree's: lex is nums.v */
    pricing__view *view;        /* a view's storage, or NULL */
    /* A catalog parsed with its SKU lists deferred (json_defer.h): the
     * lists, and the text cJSON parsed (the document with each list
     * emptied); both empty otherwise. */
    pricing__spans spans;
    char *skeleton;
} pricing__doc;

/* Checks and parses with cJSON; on failure nothing is left to dispose. */
int pricing__doc_parse(pricing__doc *doc, const char *text, size_t len,
                       size_t max_bytes, pricing_error *err);
/* Checks and records the text as a view in view's storage (emptied
 * first), no cJSON involved: the same errors as pricing__doc_parse. On
 * failure nothing is left to dispose (the view is done with). */
int pricing__doc_view(pricing__doc *doc, pricing__view *view,
                      const char *text, size_t len, size_t max_bytes,
                      pricing_error *err);
/* Frees a tree; a view is done with (pricing__view_done: its storage
 * stays the caller's). */
void pricing__doc_dispose(pricing__doc *doc);

/* The same for a catalog (at most PRICING_MAX_CATALOG_BYTES): its SKU
 * lists are parsed one element at a time as they are read
 * (json_defer.h), so their trees are never all alive. */
int pricing__doc_parse_catalog(pricing__doc *doc, const char *text,
                               size_t len, pricing_error *err);

/* Gives the number nodes of node and its siblings, in document order,
 * the lexeme ordinals *next, *next + 1, ...; -1 when that passes n. */
int pricing__json_number_ordinals(cJSON *node, size_t *next, size_t n);

/* A walk over a parsed document: the current path and the error sink. */
typedef struct pricing__rd {
    const pricing__doc *doc;
    pricing__path path;
    pricing_error *err;
} pricing__rd;

/* Pushes a string literal key (nothing in it to escape) onto path p, its
 * length counted by the compiler; returns the mark to pop back to. */
#define PRICING__PUSH_LIT(p, lit) \
    pricing__path_push_plain((p), "" lit, sizeof(lit) - 1)

/* The lexeme of a number node. */
const pricing__numlex *pricing__rd_num(const pricing__rd *rd,
                                       const cJSON *node);


/*
 * Matches the members of object node against keys (a NULL-terminated
 * list): out[i] receives the member named keys[i] or NULL. A member not
 * in keys is unknown_field at its path; a node that is not an object is
 * wrong_type at the current path. Returns 0 or -code.
 */
int pricing__rd_members(pricing__rd *rd, const cJSON *node,
                        const char *const *keys, const cJSON **out);

/* Each of these checks the node found at the current path. */
int pricing__rd_wrong_type(pricing__rd *rd, const cJSON *node,
                           const char *expected);
/* A string of at most max_bytes (limit_exceeded beyond). */
int pricing__rd_string(pricing__rd *rd, const cJSON *node, size_t max_bytes,
                       const char **out);
/* A non-empty id of at most PRICING_MAX_ID_BYTES. */
int pricing__rd_id(pricing__rd *rd, const cJSON *node, const char **out);

/* Results of pricing__rd_integer besides 0 and -code. */
#define PRICING__INT_NEGATIVE 1 /* a negative integer: caller's code */
#define PRICING__INT_TOO_BIG 2  /* above 10^15: caller's code */
/*
 * A JSON integer (no fraction, no exponent: else wrong_type) in
 * 0..10^15. Returns 0 with *out set, PRICING__INT_NEGATIVE or
 * PRICING__INT_TOO_BIG (nothing set in err), or -code.
 */
int pricing__rd_integer(pricing__rd *rd, const cJSON *node, uint64_t *out);

/* A boolean (wrong_type otherwise). */
int pricing__rd_bool(pricing__rd *rd, const cJSON *node, int *out);

/*
 * An amount: a string of the amount grammar, or a JSON integer of at most
 * 15 digits. Sets *text (the string, or the integer's lexeme, both
 * NUL-terminated copies made by copy()) and *frac. Codes: wrong_type,
 * invalid_amount (grammar, any minus sign), inexact_number (a number with
 * a fraction or exponent), limit_exceeded (digits).
 */
int pricing__rd_amount(pricing__rd *rd, const cJSON *node,
                       char *(*copy)(void *ctx, const char *s, size_t n),
                       void *ctx, const char **text, unsigned *frac);

#endif
