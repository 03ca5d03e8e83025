/* SPDX-License-Identifier: MIT */
/* arena.c - the memory a loaded catalog lives in (arena.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "share.h"
#include "memory.h"

/* C99 has no max_align_t. */
typedef union pricing__align {
    long double ld;
    void *p;
    long long ll;
} pricing__align;

struct pricing__block {
    struct pricing__block *next;
    size_t used, size;
    pricing__align data[];
};

#define BLOCK_SIZE (64u * 1024u)

void *pricing__arena_alloc(pricing__arena *a, size_t size)
{
    struct pricing__block *b = a->blocks;
    size_t align = sizeof(pricing__align), need;
    void *p;

    if (size > SIZE_MAX - align)
        return NULL;
    need = (size + align - 1) / align * align;
    if (!b || b->size - b->used < need) {
        size_t bsize = need > BLOCK_SIZE ? need : BLOCK_SIZE;
        b = malloc(sizeof *b + bsize);
        if (!b)
            return NULL;
        b->used = 0;
        b->size = bsize;
        /* A large block goes behind the current one so the current one
         * keeps serving small allocations. */
        if (a->blocks && need > BLOCK_SIZE) {
            b->next = a->blocks->next;
            a->blocks->next = b;
        } else {
            b->next = a->blocks;
            a->blocks = b;
        }
    }
    p = (char *)b->data + b->used;
    b->used += need;
    memset(p, 0, size);
    return p;
}

#define TEXT_BLOCK_SIZE (16u * 1024u)

char *pricing__arena_text(pricing__arena *a, size_t n)
{
    struct pricing__block *b = a->texts;
    char *p;

    if (!b || b->size - b->used < n) {
        size_t bsize = n > TEXT_BLOCK_SIZE ? n : TEXT_BLOCK_SIZE;
        if (n > SIZE_MAX - sizeof *b || !(b = malloc(sizeof *b + bsize)))
            return NULL;
        b->used = 0;
        b->size = bsize;
        b->next = a->texts;
        a->texts = b;
    }
    p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

int pricing__arena_view(pricing__arena *a, mpz_ptr view, mpz_srcptr value,
                        mp_limb_t *limb)
{
    mp_size_t n = mpz_size(value);
    mp_limb_t *d = limb;

    if (n > 1 || !limb) {
        d = pricing__arena_alloc(a, (n ? (size_t)n : 1) * sizeof *d);
        if (!d)
            return -1;
    }
    if (n > 0)
        memcpy(d, mpz_limbs_read(value), (size_t)n * sizeof *d);
    mpz_roinit_n(view, d, mpz_sgn(value) < 0 ? -n : n);
    return 0;
}

char *pricing__arena_strndup(void *a, const char *s, size_t n)
{
    pricing__arena *arena = a;
    char *p;
    if (arena->share) /* a history loading: one copy of each text */
        return pricing__share_strndup(arena->share, arena, s, n);
    p = pricing__arena_text(arena, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

int pricing__arena_mpz(pricing__arena *a, mpz_ptr z)
{
    if (pricing__grow((void **)&a->mpzs, &a->mpzs_cap, a->nmpzs + 1,
                      sizeof *a->mpzs) != 0)
        return -1;
    mpz_init(z);
    a->mpzs[a->nmpzs++] = z;
    return 0;
}

void pricing__arena_free(pricing__arena *a)
{
    struct pricing__block *b, *next;
    size_t i;

    for (i = 0; i < a->nmpzs; i++)
        mpz_clear(a->mpzs[i]);
    free(a->mpzs);
    for (b = a->blocks; b; b = next) {
        next = b->next;
        free(b);
    }
    for (b = a->texts; b; b = next) {
        next = b->next;
        free(b);
    }
    memset(a, 0, sizeof *a);
}
