/* SPDX-License-Identifier: MIT */
/* json_checker.h - the strict pass's state, shared by its files (private
 * to json_check.c, json_check_keys.c and json_check_errors.c). */
#ifndef PRICING_JSON_CHECKER_H
#define PRICING_JSON_CHECKER_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "json_check.h"
#include "json_view.h"

/* Keys an object may have before they go into the hash table. */
#define PRICING__JC_SMALL 8

/* An open array or object. */
typedef struct pricing__jc_frame {
    size_t count;      /* items so far; the current one is count - 1 */
    size_t ordinal;    /* objects: unique, from 1; arrays: 0 */
    size_t arena_mark; /* arena length when the object opened */
    size_t key_off;    /* the current member's key in the arena */
    size_t key_len;
    size_t node;       /* building a view: the container's node */
    int is_object;
    int hashed;        /* its keys are in the table (more than SMALL) */
    /* Its first keys in the arena. */
    size_t small_off[PRICING__JC_SMALL];
    uint16_t small_len[PRICING__JC_SMALL];
} pricing__jc_frame;

/* A key of an open object (or a dead slot: see json_check_keys.c). */
typedef struct pricing__jc_slot {
    size_t ordinal; /* 0: never used */
    size_t off;     /* key bytes in the arena */
    uint32_t hash;
    uint16_t len;  /* <= PRICING_MAX_STRING_BYTES */
    uint8_t depth; /* stack index of the object */
} pricing__jc_slot;

#define PRICING__JC_SLOTS0 64 /* a power of two */

typedef struct pricing__checker {
    const unsigned char *s;
    size_t len;
    size_t pos;
    pricing_error *err;
    pricing__numbers *nums;
    pricing__spans *spans; /* NULL: SKU lists are not recorded */
    size_t span_depth;     /* depth inside the open SKU list; 0: none */
    pricing__jc_frame stack[PRICING_MAX_DEPTH];
    size_t depth;
    size_t ordinals;
    /* The decoded keys. Building a view, every string (keys and values)
     * goes into the view's string arena instead, which never moves and
     * never drops anything (json_view.h). */
    unsigned char *arena;
    size_t arena_len;
    size_t arena_cap;
    pricing__view *view; /* set: recording the text as a view */
    int building;        /* still adding nodes (the size bound stops it) */
    size_t node;         /* the node of the value being scanned */
    pricing__jc_slot *slots;
    size_t nslots; /* 0 or a power of two */
    size_t live;   /* keys of open objects */
    uint64_t seed;
    int nul_seen;
    pricing__path nul_path; /* where the first U+0000 was */
    uint64_t tree_bytes; /* what the parsed tree would take (see .h) */
    /* The first arena and slot table, on the stack: a request (a few
     * keys) then costs no allocation at all. */
    unsigned char arena0[2 * PRICING_MAX_STRING_BYTES];
    pricing__jc_slot slots0[PRICING__JC_SLOTS0];
} pricing__checker;

/* json_check_errors.c: the errors, their messages and paths. */
int pricing__jc_syntax(pricing__checker *c, size_t pos, const char *msg);
/* A byte the grammar does not allow at pos; expected says what would do. */
int pricing__jc_unexpected(pricing__checker *c, size_t pos,
                           const char *expected);
/* A key as a path segment (cut at a U+0000). */
void pricing__jc_push_key(pricing__path *p, const unsigned char *key,
                          size_t len);
/* The JSON Pointer of the current element of the first levels frames. */
void pricing__jc_path(const pricing__checker *c, pricing__path *p,
                      size_t levels);
/* The open container (the top frame) has no room for another item. */
int pricing__jc_items(pricing__checker *c);
int pricing__jc_string_limit(pricing__checker *c, const pricing__path *p,
                             size_t n);

/*
 * json_check_string.c: the string whose opening quote is at c->pos;
 * leaves c->pos after the closing quote. *n is the decoded length
 * (counted to the end even past the limit, for the message). When out is
 * set (keys; values of a view), the decoded bytes are written there up to
 * PRICING_MAX_STRING_BYTES, *stored of them (stored may be NULL).
 */
int pricing__jc_scan_string(pricing__checker *c, unsigned char *out,
                            size_t *n, size_t *stored, int *has_nul);

/* json_check_keys.c: duplicate keys. */
/* The hash seed of a scan of text (never the same two runs). */
uint64_t pricing__jc_seed(const pricing__checker *c, const char *text,
                          size_t len);
/* Adds the key of n bytes at the arena's end to the top object: 0, 1
 * when the object already has it, or -code. */
int pricing__jc_key_add(pricing__checker *c, size_t n);

/* json_check_spans.c: a catalog's SKU lists (json_check.h). An array
 * opens at c->pos: records it when it is a SKU list outside any other. */
int pricing__jc_span_open(pricing__checker *c);
/* The open SKU list closes at c->pos (its frame f just popped). */
void pricing__jc_span_close(pricing__checker *c, const pricing__jc_frame *f);

#endif
