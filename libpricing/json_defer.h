/* SPDX-License-Identifier: MIT */
/* json_defer.h - a catalog's SKU lists, parsed one element at a time
 * (private).
 *
 * The cJSON tree of a catalog is about ten times its text, and nearly all
 * of it is the SKU lists. pricing__doc_parse_catalog (json_read.h) has
 * the strict pass record each list's span (json_check.h, pricing__span),
 * parses with cJSON a skeleton of the text in which every list is empty,
 * and marks those empty arrays as deferred. The loader walks a list's
 * elements with pricing__elems: each is parsed from its span with
 * cJSON_ParseWithLengthOpts, its numbers given their ordinals in the
 * document's lexeme table, read, and deleted before the next. A list of
 * a fully parsed document (pricing__doc_parse) walks the tree's children
 * through the same calls. */
#ifndef PRICING_JSON_DEFER_H
#define PRICING_JSON_DEFER_H

#include "json_read.h"

/* 1 when the SKU lists recorded in doc->spans are at least half of the
 * len bytes of doc->text: then the skeleton, a copy of the rest, costs at
 * most half the text, against the trees of all the lists. Otherwise the
 * text is parsed whole (docs/limits.md, "Memory"). */
int pricing__defer_worth(const pricing__doc *doc, size_t len);

/* After the strict pass recorded doc->spans (at least one) for the len
 * bytes of doc->text: builds the skeleton, parses it into doc->root and
 * gives its numbers their ordinals. On failure disposes doc. Returns 0
 * or -code. */
int pricing__defer_parse(pricing__doc *doc, size_t len, pricing_error *err);

/* The elements of an array node, one at a time. */
typedef struct pricing__elems {
    const pricing__doc *doc;
    const cJSON *next;        /* a parsed array: the next child */
    const pricing__span *span; /* a deferred list, or NULL */
    size_t pos, num, left;    /* where the next element starts, its
                                 first number's ordinal, elements left */
    cJSON *own;               /* the deferred element handed out last */
} pricing__elems;

/* Starts on array (a deferred list or a parsed array). */
void pricing__elems_start(pricing__elems *it, const pricing__doc *doc,
                          const cJSON *array);

/* How many elements array has. */
size_t pricing__elems_count(const pricing__doc *doc, const cJSON *array);

/* The next element in *out (valid until the next call or
 * pricing__elems_end): returns 1, 0 at the end, or -code (out of memory,
 * an internal number table mismatch). */
int pricing__elems_next(pricing__elems *it, const cJSON **out,
                        pricing_error *err);

/* Frees what the walk holds; safe to call twice. */
void pricing__elems_end(pricing__elems *it);

#endif
