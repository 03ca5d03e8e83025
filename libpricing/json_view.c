/* SPDX-License-Identifier: MIT */
/* json_view.c - the storage of a view (json_view.h): nodes, decoded
 * strings and lexemes, started on the caller's storage, grown on the
 * heap, kept between documents up to a bound. */
#include <stdlib.h>
#include <string.h>

#include "json_view.h"

void pricing__view_init(pricing__view *v, cJSON *nodes0, size_t cap0,
                        char *str0, size_t str_cap0,
                        pricing__numlex *nums0, size_t nums_cap0,
                        size_t keep)
{
    memset(v, 0, sizeof *v);
    v->nodes = v->nodes0 = nodes0;
    v->cap = v->cap0 = nodes0 ? cap0 : 0;
    v->str = v->str0 = str0;
    v->str_cap = v->str_cap0 = str0 ? str_cap0 : 0;
    v->nums.v = v->nums.first = nums0;
    v->nums.cap = v->nums.first_cap = nums0 ? nums_cap0 : 0;
    v->keep = keep;
}

pricing__view *pricing__view_stack_init(pricing__view_stack *s)
{
    pricing__view_init(&s->v, s->nodes, PRICING__VIEW_STACK_NODES, s->str,
                       sizeof s->str, s->nums, PRICING__VIEW_STACK_NUMS, 0);
    return &s->v;
}

int pricing__view_start(pricing__view *v, size_t len, size_t max_nodes)
{
    v->n = 0;
    v->max = max_nodes;
    v->nums.n = 0;
    if (len >= v->str_cap) {
        /* Nothing in it is kept: a new block, not a copy. Geometric, so
         * a quote seeing longer and longer requests rarely allocates. */
        size_t cap = v->str_cap * 2 > len + 1 ? v->str_cap * 2 : len + 1;
        char *p;
        if (cap < 256)
            cap = 256;
        if (!(p = malloc(cap)))
            return -1;
        if (v->str != v->str0)
            free(v->str);
        v->str = p;
        v->str_cap = cap;
    }
    return 0;
}

/* Points a link of a node copied from old to the same node in new. */
static cJSON *moved(cJSON *p, const cJSON *old, cJSON *new_nodes)
{
    return p ? new_nodes + (p - old) : NULL;
}

int pricing__view_grow(pricing__view *v)
{
    size_t cap = v->cap ? v->cap * 2 : 8, i;
    cJSON *p;

    if (v->cap >= v->max)
        return 1;
    if (cap > v->max)
        cap = v->max;
    if (cap > SIZE_MAX / sizeof *p || !(p = malloc(cap * sizeof *p)))
        return -1;
    /* The links are pointers: moved to the new block while the old one
     * is still there to measure them against. */
    if (v->n)
        memcpy(p, v->nodes, v->n * sizeof *p);
    for (i = 0; i < v->n; i++) {
        p[i].next = moved(p[i].next, v->nodes, p);
        p[i].prev = moved(p[i].prev, v->nodes, p);
        p[i].child = moved(p[i].child, v->nodes, p);
    }
    if (v->nodes != v->nodes0)
        free(v->nodes);
    v->nodes = p;
    v->cap = cap;
    return 0;
}

/* Heap bytes the view holds. */
static size_t held(const pricing__view *v)
{
    return (v->nodes != v->nodes0 ? v->cap * sizeof *v->nodes : 0) +
           (v->str != v->str0 ? v->str_cap : 0) +
           (v->nums.v != v->nums.first ? v->nums.cap * sizeof *v->nums.v
                                       : 0);
}

void pricing__view_dispose(pricing__view *v)
{
    if (v->nodes != v->nodes0)
        free(v->nodes);
    if (v->str != v->str0)
        free(v->str);
    pricing__numbers_dispose(&v->nums);
    v->nodes = v->nodes0;
    v->cap = v->cap0;
    v->str = v->str0;
    v->str_cap = v->str_cap0;
    v->n = 0;
}

void pricing__view_done(pricing__view *v)
{
    v->n = 0;
    v->nums.n = 0;
    if (held(v) > v->keep)
        pricing__view_dispose(v);
}
