/* SPDX-License-Identifier: MIT */
/* json_check_spans.c - the strict pass records a catalog's SKU lists, so
 * the loader can parse them one entry at a time (json_defer.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json_checker.h"

void pricing__spans_dispose(pricing__spans *spans)
{
    if (!spans)
        return;
    free(spans->v);
    spans->v = NULL;
    spans->n = 0;
    spans->cap = 0;
}

/* The key of the member that frame f (an object) is at is lit. Spans are
 * recorded on catalogs only, never on a view, so keys are in c->arena. */
static int key_is(const pricing__checker *c, const pricing__jc_frame *f,
                  const char *lit, size_t n)
{
    return f->is_object && f->key_len == n &&
           memcmp(c->arena + f->key_off, lit, n) == 0;
}

int pricing__jc_span_open(pricing__checker *c)
{
    const pricing__jc_frame *f = c->stack;
    size_t d = c->depth;
    pricing__span *sp;

    if (!c->spans || !c->nums || c->span_depth || d < 3 ||
        !key_is(c, &f[d - 1], "skus", 4) || f[d - 2].is_object ||
        !key_is(c, &f[d - 3], "specs", 5))
        return 0;
    if (c->spans->n == c->spans->cap) {
        size_t cap = c->spans->cap ? c->spans->cap * 2 : 16;
        if (c->spans->cap > SIZE_MAX / 2 / sizeof *sp ||
            !(sp = realloc(c->spans->v, cap * sizeof *sp)))
            return pricing__nomem(c->err);
        c->spans->v = sp;
        c->spans->cap = cap;
    }
    sp = &c->spans->v[c->spans->n++];
    sp->start = c->pos;
    sp->first_num = c->nums->n;
    c->span_depth = d + 1;
    return 0;
}

void pricing__jc_span_close(pricing__checker *c, const pricing__jc_frame *f)
{
    pricing__span *sp = &c->spans->v[c->spans->n - 1];

    sp->end = c->pos + 1;
    sp->count = f->count;
    sp->nnums = c->nums ? c->nums->n - sp->first_num : 0;
    c->span_depth = 0;
}
