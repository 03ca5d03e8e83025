/* SPDX-License-Identifier: MIT */
/* share.c - interned strings and shared charges of a history (see
 * share.h). The tables live only while the history loads. */
#include <stdlib.h>
#include <string.h>

#include "memory.h"
#include "share.h"

typedef struct shared_charge {
    uint64_t hash;
    size_t off, len;  /* its JSON's canonical bytes in bytes (encode) */
    const pricing__spec *spec;
    const char *sig;  /* the version's currency list (interned) */
    char cur[4];      /* the currency of the pass that loaded it */
    pricing__charge *ch;
    const pricing_catalog *used_by; /* the last catalog pointing at ch */
} shared_charge;

struct pricing__share {
    const char **strs; /* open addressing; NULL is empty */
    size_t nstrs, strs_cap;
    uint32_t *slots;   /* charges: index + 1; 0 is empty */
    size_t slots_cap;
    shared_charge *charges;
    size_t ncharges, charges_cap;
    /* The charges' JSON as canonical bytes: a charge's tree may be gone
     * when a later version is compared with it (json_defer.h). */
    unsigned char *bytes, *scratch;
    size_t nbytes, bytes_cap, nscratch, scratch_cap;
};

#define FNV_OFFSET 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= s[i];
        h *= FNV_PRIME;
    }
    return h;
}

pricing__share *pricing__share_new(void)
{
    return calloc(1, sizeof(pricing__share));
}

void pricing__share_free(pricing__share *sh)
{
    if (!sh)
        return;
    free(sh->strs);
    free(sh->slots);
    free(sh->charges);
    free(sh->bytes);
    free(sh->scratch);
    free(sh);
}

/* ---------------------------------------------------------------- strings */

static int strs_grow(pricing__share *sh)
{
    size_t cap = sh->strs_cap ? 2 * sh->strs_cap : 1024, i;
    const char **t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (i = 0; i < sh->strs_cap; i++) {
        const char *s = sh->strs[i];
        size_t h;
        if (!s)
            continue;
        for (h = fnv(FNV_OFFSET, s, strlen(s)) & (cap - 1); t[h];
             h = (h + 1) & (cap - 1))
            ;
        t[h] = s;
    }
    free(sh->strs);
    sh->strs = t;
    sh->strs_cap = cap;
    return 0;
}

char *pricing__share_strndup(pricing__share *sh, pricing__arena *a,
                             const char *s, size_t n)
{
    size_t h;
    char *p;

    if (2 * (sh->nstrs + 1) > sh->strs_cap && strs_grow(sh) != 0)
        return NULL;
    for (h = fnv(FNV_OFFSET, s, n) & (sh->strs_cap - 1); sh->strs[h];
         h = (h + 1) & (sh->strs_cap - 1))
        if (strncmp(sh->strs[h], s, n) == 0 && sh->strs[h][n] == '\0')
            return (char *)sh->strs[h]; /* strings are never written */
    if (!(p = pricing__arena_text(a, n + 1)))
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    sh->strs[h] = p;
    sh->nstrs++;
    return p;
}

/* ---------------------------------------------------------------- charges */

/* Appends n bytes to the scratch; -1 when out of memory. */
static int put(pricing__share *sh, const void *p, size_t n)
{
    if (pricing__grow((void **)&sh->scratch, &sh->scratch_cap,
                      sh->nscratch + n, 1) != 0)
        return -1;
    memcpy(sh->scratch + sh->nscratch, p, n);
    sh->nscratch += n;
    return 0;
}

/* A JSON value as written, as bytes (keys in order, numbers by their
 * lexeme), appended to the scratch: equal texts give equal bytes, and
 * the bytes of two different values differ (each part is NUL-ended or
 * length-prefixed; the strict pass refused U+0000). Depth is bounded by
 * the strict pass. */
static int encode(pricing__share *sh, const pricing__load *ld,
                  const cJSON *n)
{
    const cJSON *c;
    unsigned char head[3];

    head[0] = (unsigned char)(n->type & 0xFF);
    head[1] = n->string ? 1 : 0;
    if (put(sh, head, 2) != 0 ||
        (n->string && put(sh, n->string, strlen(n->string) + 1) != 0))
        return -1;
    if (cJSON_IsString(n)) {
        if (put(sh, n->valuestring, strlen(n->valuestring) + 1) != 0)
            return -1;
    } else if (cJSON_IsNumber(n)) {
        const pricing__numlex *lx = pricing__rd_num(&ld->rd, n);
        head[2] = (unsigned char)lx->length; /* <= 64 */
        if (put(sh, &head[2], 1) != 0 ||
            put(sh, ld->rd.doc->text + lx->offset, lx->length) != 0)
            return -1;
    }
    for (c = n->child; c; c = c->next)
        if (encode(sh, ld, c) != 0)
            return -1;
    return put(sh, "}", 1);
}

/* What loading a charge reads of its spec: the attributes. */
int pricing__spec_same_shape(const pricing__spec *a, const pricing__spec *b)
{
    size_t i;
    if (a == b)
        return 1;
    if (a->nattrs != b->nattrs)
        return 0;
    for (i = 0; i < a->nattrs; i++) {
        const pricing__attr *x = &a->attrs[i], *y = &b->attrs[i];
        if (strcmp(x->id, y->id) != 0 || x->is_enum != y->is_enum ||
            x->min != y->min || x->max != y->max || x->step != y->step)
            return 0;
    }
    return 1;
}

/* Encodes node into the scratch and returns its hash with the currency;
 * *ok is 0 when out of memory. */
static uint64_t charge_key(pricing__share *sh, const pricing__load *ld,
                           const cJSON *node, int *ok)
{
    uint64_t h = fnv(FNV_OFFSET, ld->cat->currency, 3);
    sh->nscratch = 0;
    *ok = encode(sh, ld, node) == 0;
    return fnv(h, sh->scratch, sh->nscratch);
}

/* A charge is shared between versions, never within one catalog: each
 * price of a catalog stays an object of its own, which the seller tools
 * rely on (a sheet row sets one price, not every price written alike). */
pricing__charge *pricing__share_charge_find(pricing__share *sh,
                                            const pricing__load *ld,
                                            const pricing__spec *spec,
                                            const cJSON *node)
{
    uint64_t h;
    size_t i;
    int ok;

    if (!sh->slots_cap)
        return NULL;
    h = charge_key(sh, ld, node, &ok);
    if (!ok)
        return NULL; /* then charge_add fails too: out of memory */
    for (i = h & (sh->slots_cap - 1); sh->slots[i];
         i = (i + 1) & (sh->slots_cap - 1)) {
        shared_charge *e = &sh->charges[sh->slots[i] - 1];
        if (e->hash == h && e->used_by != ld->cat && e->sig == ld->sig &&
            memcmp(e->cur, ld->cat->currency, 4) == 0 &&
            pricing__spec_same_shape(e->spec, spec) &&
            e->len == sh->nscratch &&
            memcmp(sh->bytes + e->off, sh->scratch, e->len) == 0) {
            e->used_by = ld->cat;
            return e->ch;
        }
    }
    return NULL;
}

static int slots_grow(pricing__share *sh)
{
    size_t cap = sh->slots_cap ? 2 * sh->slots_cap : 1024, i, k;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (k = 0; k < sh->ncharges; k++) {
        for (i = sh->charges[k].hash & (cap - 1); t[i]; i = (i + 1) & (cap - 1))
            ;
        t[i] = (uint32_t)k + 1;
    }
    free(sh->slots);
    sh->slots = t;
    sh->slots_cap = cap;
    return 0;
}

int pricing__share_charge_add(pricing__share *sh, const pricing__load *ld,
                              const pricing__spec *spec, const cJSON *node,
                              pricing__charge *ch)
{
    shared_charge *e;
    uint64_t h;
    size_t i;
    int ok;

    if (sh->ncharges >= UINT32_MAX - 1)
        return 0; /* share no more; still correct */
    h = charge_key(sh, ld, node, &ok);
    if (!ok ||
        (2 * (sh->ncharges + 1) > sh->slots_cap && slots_grow(sh) != 0) ||
        pricing__grow((void **)&sh->charges, &sh->charges_cap,
                      sh->ncharges + 1, sizeof *sh->charges) != 0 ||
        pricing__grow((void **)&sh->bytes, &sh->bytes_cap,
                      sh->nbytes + sh->nscratch, 1) != 0)
        return -1;
    e = &sh->charges[sh->ncharges];
    e->hash = h;
    e->off = sh->nbytes;
    e->len = sh->nscratch;
    memcpy(sh->bytes + sh->nbytes, sh->scratch, sh->nscratch);
    sh->nbytes += sh->nscratch;
    e->spec = spec;
    e->sig = ld->sig;
    memcpy(e->cur, ld->cat->currency, 4);
    e->ch = ch;
    e->used_by = ld->cat;
    for (i = e->hash & (sh->slots_cap - 1); sh->slots[i];
         i = (i + 1) & (sh->slots_cap - 1))
        ;
    sh->slots[i] = (uint32_t)++sh->ncharges;
    return 0;
}
