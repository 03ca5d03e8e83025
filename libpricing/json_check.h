/* SPDX-License-Identifier: MIT */
/* json_check.h - the strict pass over JSON text (private).
 *
 * cJSON accepts much that RFC 8259 does not (trailing data, NUL and
 * control bytes as whitespace, invalid UTF-8, 01, 1., duplicate keys) and
 * loses number lexemes to doubles. So every document goes through this
 * pass first; only text it accepts is handed to cJSON, and the number
 * lexemes it records replace cJSON's doubles. A request-sized document
 * is not handed to cJSON at all: this pass records it as a view
 * (json_view.h) that the same readers walk.
 */
#ifndef PRICING_JSON_CHECK_H
#define PRICING_JSON_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "pricing.h"

/*
 * The memory bound of a parsed document. The strict pass adds up what
 * the tree would take: TREE_NODE_BYTES per value (a cJSON node and its
 * allocator overhead), TREE_STRING_BYTES plus the token's length per
 * string, key or value (its copy, rounded up by the allocator), and a
 * lexeme per number. When a tree is to be built (nums set) and that sum
 * passes TREE_BYTES_PER_BYTE x the text's length + TREE_EXTRA_BYTES, the
 * text is limit_exceeded at "": documents dense in tiny values (a long
 * array of 0s costs 48 bytes of tree per byte) never reach cJSON, while
 * a real catalog costs about 14 (docs/limits.md, "Memory").
 */
#define PRICING__TREE_NODE_BYTES 80
#define PRICING__TREE_STRING_BYTES 32
#define PRICING__TREE_BYTES_PER_BYTE 24
#define PRICING__TREE_EXTRA_BYTES (1024 * 1024)

/* Flags of a number lexeme. */
#define PRICING__NUM_MINUS 0x1u /* starts with '-' */
#define PRICING__NUM_FRAC 0x2u  /* has a fraction part */
#define PRICING__NUM_EXP 0x4u   /* has an exponent part */

/* One number token of the text, in document order. */
typedef struct pricing__numlex {
    size_t offset;   /* byte offset of the token in the text */
    uint32_t length; /* bytes of the token (<= PRICING_MAX_NUMBER_CHARS) */
    uint32_t flags;
} pricing__numlex;

typedef struct pricing__numbers {
    pricing__numlex *v;
    size_t n;
    size_t cap;
    /* The caller's first storage (a view's on the stack), never freed;
     * NULL when the table starts empty. */
    pricing__numlex *first;
    size_t first_cap;
} pricing__numbers;

/* Frees what the table allocated; it is then empty (its first storage). */
void pricing__numbers_dispose(pricing__numbers *nums);

/* A catalog's SKU list: an array that is the value of a member "skus" of
 * an object in an array that is the value of a member "specs" (so
 * /specs/i/skus, /versions/j/specs/i/skus), not inside another such
 * list. Its elements can be parsed one at a time (json_defer.h). */
typedef struct pricing__span {
    size_t start;     /* offset of the '[' */
    size_t end;       /* offset just past the ']' */
    size_t count;     /* elements */
    size_t first_num; /* ordinal of its first number lexeme */
    size_t nnums;     /* number lexemes inside */
} pricing__span;

typedef struct pricing__spans {
    pricing__span *v;
    size_t n;
    size_t cap;
} pricing__spans;

void pricing__spans_dispose(pricing__spans *spans);

/*
 * Checks len bytes of text (no terminator needed; never reads past len).
 * max_bytes is the size limit of this kind of document.
 *
 * Rejects, as PRICING_JSON_SYNTAX with line/column/position and path "":
 * anything outside RFC 8259's grammar (including trailing data after the
 * document, empty input, a UTF-8 BOM, NUL and control bytes outside
 * strings, raw control bytes inside strings, bad escapes, lone or
 * inverted UTF-16 surrogate escapes, invalid UTF-8: overlong forms,
 * encoded surrogates, code points above U+10FFFF, truncated sequences).
 *
 * Rejects as PRICING_LIMIT_EXCEEDED (path: the container or member at
 * fault, or "" for the size): len > max_bytes; nesting deeper than
 * PRICING_MAX_DEPTH (checked before descending, so never recursion);
 * a string token whose decoded length exceeds PRICING_MAX_STRING_BYTES;
 * a number token longer than PRICING_MAX_NUMBER_CHARS; an array or object
 * with more than PRICING_MAX_CONTAINER_ITEMS items.
 *
 * Rejects as PRICING_DUPLICATE_KEY (path: the second occurrence) an
 * object with two members whose decoded keys are equal, in linear time.
 *
 * A string (key or value) containing U+0000 (written \u0000) is valid
 * JSON but cannot pass through cJSON intact: it is reported as
 * PRICING_INVALID_VALUE at its path, but only if the whole text is
 * otherwise valid (so syntax errors take precedence).
 *
 * On success records every number token in document order in nums
 * (which the caller initialises to zeros and disposes).
 * Returns 0 or -code.
 */
int pricing__json_check(const char *text, size_t len, size_t max_bytes,
                        pricing__numbers *nums, pricing_error *err);

/* The same, also recording every SKU list (see pricing__span) in spans,
 * in document order, when spans is set (with nums; the caller
 * initialises it to zeros and disposes it). */
int pricing__json_check_spans(const char *text, size_t len, size_t max_bytes,
                              pricing__numbers *nums, pricing__spans *spans,
                              pricing_error *err);

/*
 * The same check, recording the text as a view (json_view.h) in view's
 * storage, which it first empties: its lexemes in view->nums, its nodes
 * and decoded strings. Errors, their order and the size bound are those
 * of pricing__json_check with a number table. On failure the view holds
 * nothing to read; either way pricing__view_done gives it back.
 */
struct pricing__view;
int pricing__json_check_view(const char *text, size_t len, size_t max_bytes,
                             struct pricing__view *view, pricing_error *err);

#endif
