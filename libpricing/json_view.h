/* SPDX-License-Identifier: MIT */
/* json_view.h - a request-sized document read without cJSON (private).
 *
 * The strict pass (json_check.h) can record the text it checks as a view:
 * a flat array of cJSON structs linked exactly as cJSON_Parse links its
 * tree (next, prev, child; a container's first child's prev is its last
 * child), with type, string (a member's key) and valuestring (decoded,
 * NUL-terminated, in one string arena), a number's valueint the ordinal
 * of its lexeme (as json_read.c gives a parsed tree) and valuedouble 0
 * (never read: amounts and integers come from the lexemes). So the
 * readers of json_read.h, request.c and the drivers walk either.
 *
 * A view is NOT a cJSON tree: its nodes and strings are not cJSON's
 * allocations. It must never reach cJSON_Delete or any cJSON function
 * that allocates, frees or relinks (cJSON_Add*, cJSON_Delete*,
 * cJSON_Detach*, cJSON_Replace*, cJSON_Insert*, cJSON_Duplicate,
 * cJSON_Print*, cJSON_Set*); only the read-only ones (cJSON_Is*,
 * cJSON_GetObjectItem*, cJSON_GetArrayItem, cJSON_GetArraySize) may see
 * it. pricing__doc_dispose knows which kind of root a document holds.
 *
 * The storage is reusable: a quote keeps one between requests, so a
 * request of the steady state allocates nothing; a one-shot reader
 * starts it on its stack (pricing__view_stack) and it grows on the heap.
 * Catalogs keep cJSON as their tree builder.
 */
#ifndef PRICING_JSON_VIEW_H
#define PRICING_JSON_VIEW_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "json_check.h"

typedef struct pricing__view {
    cJSON *nodes;    /* nodes[0] is the root */
    size_t n, cap;   /* nodes used, allocated */
    size_t max;      /* the most nodes this document may take */
    char *str;       /* decoded strings: >= the text's length + 1 bytes */
    size_t str_cap;
    pricing__numbers nums; /* the lexemes valueint indexes */
    /* The first storage (the caller's stack, or none): never freed. */
    cJSON *nodes0;
    size_t cap0;
    char *str0;
    size_t str_cap0;
    /* Heap bytes kept after a document (a reused quote's), else 0. */
    size_t keep;
} pricing__view;

/* What a reused quote keeps between requests (docs/limits.md): a larger
 * request's storage is given back when it is done. */
#define PRICING__VIEW_KEEP_BYTES (256u * 1024u)

/* A zeroed view is valid (no first storage, keeps nothing); this sets
 * one up with first storage (any of it may be NULL/0) and what it keeps. */
void pricing__view_init(pricing__view *v, cJSON *nodes0, size_t cap0,
                        char *str0, size_t str_cap0,
                        pricing__numlex *nums0, size_t nums_cap0,
                        size_t keep);

/* A view started on the stack: one-shot readers of small documents
 * (requests, SKU cells) then allocate nothing. */
#define PRICING__VIEW_STACK_NODES 32
#define PRICING__VIEW_STACK_NUMS 16
#define PRICING__VIEW_STACK_STR 1024
typedef struct pricing__view_stack {
    pricing__view v;
    cJSON nodes[PRICING__VIEW_STACK_NODES];
    pricing__numlex nums[PRICING__VIEW_STACK_NUMS];
    char str[PRICING__VIEW_STACK_STR];
} pricing__view_stack;

/* Sets s up; returns &s->v. pricing__view_dispose(&s->v) when done. */
pricing__view *pricing__view_stack_init(pricing__view_stack *s);

/* Starts a document of len bytes whose values the strict pass may count
 * up to max_nodes (json_check.c: more is rejected anyway): empties the
 * view and makes room for the decoded strings, which never take more
 * than the text (each string loses at least its quotes to its NUL).
 * Returns 0 or -1 (out of memory). */
int pricing__view_start(pricing__view *v, size_t len, size_t max_nodes);

/* Room for one more node (v->n < v->cap on 0); -1 out of memory, 1 when
 * v->max nodes are taken (the text is rejected for its size anyway).
 * Growing moves the nodes: indices stay, pointers do not. */
int pricing__view_grow(pricing__view *v);

/* The document is done with: empties the view, giving back its heap
 * storage beyond v->keep bytes. */
void pricing__view_done(pricing__view *v);

/* Gives back all heap storage (the first storage stays the caller's). */
void pricing__view_dispose(pricing__view *v);

/*
 * Appends a node of type (cJSON_*) under the container node at index
 * parent (SIZE_MAX: the root), a member named key (NUL-terminated, in
 * v->str) or an element (key NULL). Returns its index, or SIZE_MAX with
 * *rc set by pricing__view_grow.
 */
static inline size_t pricing__view_add(pricing__view *v, size_t parent,
                                       int type, char *key, int *rc)
{
    cJSON *node;

    if (v->n == v->cap && (*rc = pricing__view_grow(v)) != 0)
        return SIZE_MAX;
    node = &v->nodes[v->n];
    node->next = NULL;
    node->child = NULL;
    node->type = type;
    node->valuestring = NULL;
    node->valueint = type == cJSON_True; /* cJSON's 1 for true */
    node->valuedouble = 0;
    node->string = key;
    node->prev = NULL;
    if (parent != SIZE_MAX) {
        /* cJSON's invariant: the first child's prev is the last one. */
        cJSON *up = &v->nodes[parent];
        if (!up->child) {
            up->child = node;
        } else {
            up->child->prev->next = node;
            node->prev = up->child->prev;
        }
        up->child->prev = node;
    }
    return v->n++;
}

#endif
