/* SPDX-License-Identifier: MIT */
/* json_check_keys.c - duplicate keys in the strict pass, in linear time.
 *
 * A small object's keys are compared directly (pricing__jc_key_add); a
 * larger one's go into one open-addressing hash table for the whole
 * document, keyed by (object ordinal, decoded key). An entry is live only while its object is open
 * (the stack frame at its depth still has its ordinal); dead entries
 * count as empty slots, so closing an object costs nothing and the table
 * holds only the keys of open objects. The hash is seeded per scan from
 * addresses (ASLR), so colliding keys cannot be prepared in advance;
 * results never depend on the seed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json_checker.h"

typedef pricing__checker checker;
typedef pricing__jc_slot slot;

static uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}

/* Eight bytes at a time, assembled bytewise (no alignment or endianness
 * assumptions). */
static uint32_t key_hash(const checker *c, size_t ordinal,
                         const unsigned char *k, size_t n)
{
    uint64_t h = c->seed ^ mix64((uint64_t)ordinal);
    size_t i = 0, j;

    for (;;) {
        uint64_t w = 0;
        size_t take = n - i < 8 ? n - i : 8;
        for (j = 0; j < take; j++)
            w |= (uint64_t)k[i + j] << (8 * j);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        i += take;
        if (take < 8)
            break;
    }
    return (uint32_t)mix64(h ^ (uint64_t)n);
}

/* Live: its object is still open at its depth. Dead slots are free. */
static int slot_live(const checker *c, const slot *s)
{
    return s->ordinal != 0 && s->depth < c->depth &&
           c->stack[s->depth].ordinal == s->ordinal;
}

/* Doubles the table, keeping only live keys (at most half the slots, so
 * this costs O(live) and happens O(log) times). */
static int slots_grow(checker *c)
{
    size_t cap = c->nslots ? c->nslots * 2 : PRICING__JC_SLOTS0, i, j;
    slot *t;

    if (c->nslots > SIZE_MAX / 2 / sizeof *t)
        return pricing__nomem(c->err);
    t = cap == PRICING__JC_SLOTS0 ? c->slots0 : malloc(cap * sizeof *t);
    if (!t)
        return pricing__nomem(c->err);
    for (i = 0; i < cap; i++)
        t[i].ordinal = 0;
    for (i = 0; i < c->nslots; i++) {
        if (!slot_live(c, &c->slots[i]))
            continue;
        for (j = c->slots[i].hash & (cap - 1); t[j].ordinal != 0;
             j = (j + 1) & (cap - 1))
            ;
        t[j] = c->slots[i];
    }
    if (c->slots != c->slots0)
        free(c->slots);
    c->slots = t;
    c->nslots = cap;
    return 0;
}

/*
 * Adds the key of n bytes at arena offset off to the top object's entries
 * in the table. Returns 1 when the object already has it. Probing stops
 * at the first dead slot: every slot on a live key's probe path was live
 * when it was inserted and belongs to its object or an ancestor, all
 * still open, so no live key hides behind a dead slot.
 */
static int table_add(checker *c, size_t off, size_t n)
{
    const pricing__jc_frame *f = &c->stack[c->depth - 1];
    const unsigned char *key = c->arena + off;
    uint32_t h;
    size_t i;
    int rc;

    if ((c->live + 1) * 2 > c->nslots && (rc = slots_grow(c)) != 0)
        return rc;
    h = key_hash(c, f->ordinal, key, n);
    for (i = h & (c->nslots - 1);; i = (i + 1) & (c->nslots - 1)) {
        slot *s = &c->slots[i];
        if (!slot_live(c, s)) {
            s->ordinal = f->ordinal;
            s->off = off;
            s->hash = h;
            s->len = (uint16_t)n;
            s->depth = (uint8_t)(c->depth - 1);
            c->live++;
            return 0;
        }
        if (s->hash == h && s->ordinal == f->ordinal && s->len == n &&
            memcmp(c->arena + s->off, key, n) == 0)
            return 1;
    }
}

/*
 * An object's first PRICING__JC_SMALL keys are compared with each other
 * directly (a request's objects never have more): no hashing, and no
 * table to clear. The key after them moves the object into the table,
 * so a large object still costs linear time.
 */
int pricing__jc_key_add(checker *c, size_t n)
{
    pricing__jc_frame *f = &c->stack[c->depth - 1];
    const unsigned char *key = c->arena + c->arena_len;
    size_t i, k = f->count - 1; /* this key's index in the object */
    int rc;

    if (!f->hashed && k < PRICING__JC_SMALL) {
        for (i = 0; i < k; i++)
            if (f->small_len[i] == n &&
                memcmp(c->arena + f->small_off[i], key, n) == 0)
                return 1;
        f->small_off[k] = c->arena_len;
        f->small_len[k] = (uint16_t)n;
        return 0;
    }
    if (!f->hashed) {
        /* Distinct already: added without looking for each other. */
        for (i = 0; i < PRICING__JC_SMALL; i++)
            if ((rc = table_add(c, f->small_off[i], f->small_len[i])) < 0)
                return rc;
        f->hashed = 1;
    }
    return table_add(c, c->arena_len, n);
}

uint64_t pricing__jc_seed(const checker *c, const char *text, size_t len)
{
    return mix64((uint64_t)(uintptr_t)c ^
                 ((uint64_t)(uintptr_t)text << 16) ^ (uint64_t)len);
}
