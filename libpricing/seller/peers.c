/* SPDX-License-Identifier: MIT */
/* peers.c - the same amount in each currency of a catalog (peers.h). */
#include <stdlib.h>
#include <string.h>

#include "peers.h"
#include "sheet.h"

typedef struct collect {
    const pricing__amount **out; /* NULL: count only */
    size_t n, stride, col;
} collect;

static int collect_row(void *ctx, const pricing__row *row)
{
    collect *c = ctx;
    if (row->price) {
        if (c->out)
            c->out[c->n * c->stride + c->col] = row->price;
        c->n++;
    }
    if (row->flat) {
        if (c->out)
            c->out[c->n * c->stride + c->col] = row->flat;
        c->n++;
    }
    return 0;
}

static size_t slot_of(const void *key, size_t mask)
{
    return (size_t)(((uintptr_t)key >> 3) * 0x9E3779B97F4A7C15ull) & mask;
}

int pricing__peers_init(pricing__peers *p, const pricing_catalog *cat)
{
    collect c;
    size_t k, s, cap = 8;

    memset(p, 0, sizeof *p);
    p->ncur = cat->hv ? cat->hv->ncats : 1;
    if (p->ncur < 2)
        return 0;
    p->cats = cat->hv->cats;
    memset(&c, 0, sizeof c);
    for (s = 0; s < cat->nspecs; s++)
        pricing__spec_rows(&cat->specs[s], collect_row, &c);
    p->n = c.n;
    while (cap < 2 * p->n)
        cap *= 2;
    p->amounts = calloc(p->n * p->ncur + 1, sizeof *p->amounts);
    p->slots = calloc(cap, sizeof *p->slots);
    if (!p->amounts || !p->slots || p->n >= UINT32_MAX) {
        pricing__peers_dispose(p);
        return -1;
    }
    p->mask = cap - 1;
    c.out = p->amounts;
    c.stride = p->ncur;
    for (k = 0; k < p->ncur; k++) {
        const pricing_catalog *v = p->cats[k];
        c.n = 0;
        c.col = k;
        for (s = 0; s < v->nspecs; s++)
            pricing__spec_rows(&v->specs[s], collect_row, &c);
    }
    for (k = 0; k < p->n; k++) {
        const void *key = p->amounts[k * p->ncur];
        size_t i = slot_of(key, p->mask);
        while (p->slots[i])
            i = (i + 1) & p->mask;
        p->slots[i] = (uint32_t)k + 1;
    }
    return 0;
}

void pricing__peers_dispose(pricing__peers *p)
{
    free(p->amounts);
    free(p->slots);
    memset(p, 0, sizeof *p);
}

const pricing__amount *pricing__peer(const pricing__peers *p,
                                     const pricing__amount *a, size_t c)
{
    size_t i;
    if (c == 0 || p->ncur < 2)
        return a;
    for (i = slot_of(a, p->mask); p->slots[i]; i = (i + 1) & p->mask) {
        size_t k = p->slots[i] - 1;
        if (p->amounts[k * p->ncur] == a)
            return p->amounts[k * p->ncur + c];
    }
    return NULL;
}
