/* SPDX-License-Identifier: MIT */
/* work.c - the measured workloads (typed API, JSON driver, their parts)
 * and the floors: (a) the I/O filter `bench floor-a`, (b) cJSON parse +
 * print, (c) the bare GMP arithmetic of a graduated amount. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "bench.h"

static volatile unsigned long sink; /* keeps results alive */

/* ---------------------------------------------------------------- drivers */

void ctx_init(ctx *c, const scen *s, size_t start)
{
    int k;
    memset(c, 0, sizeof *c);
    c->s = s;
    c->i = start % s->n;
    pricing_error_init(&c->err);
    for (k = 0; k < s->nspecs; k++)
        if (pricing_request_new(&c->req[k], s->cat, s->specs[k], &c->err) != 0)
            die("request_new %s: %s", s->specs[k], c->err.message);
    if (pricing_quote_new(&c->quote, &c->err) != 0)
        die("quote_new");
}

void ctx_dispose(ctx *c)
{
    int k;
    size_t i;
    for (k = 0; k < 4; k++)
        pricing_request_free(c->req[k]);
    if (c->pre) {
        for (i = 0; i < c->s->n; i++)
            pricing_request_free(c->pre[i]);
        free(c->pre);
    }
    pricing_quote_free(c->quote);
    pricing_buffer_dispose(&c->buf);
}

static const breq *next_req(ctx *c)
{
    const breq *q = &c->s->reqs[c->i];
    if (++c->i == c->s->n)
        c->i = 0;
    return q;
}

/* An error leaves err set; it is reset only then (a success writes
 * nothing into it), as a caller reusing one pricing_error would. */
static void failed(ctx *c)
{
    c->failed++;
    pricing_error_init(&c->err);
}

/* Fills r from q (the typed setters); 0 or the failing code. */
int fill(pricing_request *r, const breq *q, pricing_error *err)
{
    int rc = 0;
    pricing_request_reset(r);
    if (q->v1 && ((rc = pricing_request_set_enum(r, "edition", q->v1, err)) ||
                  (rc = pricing_request_set_enum(r, "region", q->v2, err))))
        return rc;
    if (q->has_users &&
        (rc = pricing_request_set_quantity(r, "users", q->users, err)))
        return rc;
    if (q->plan >= 0 &&
        (rc = pricing_request_set_plan(r, plan_names[q->plan], err)))
        return rc;
    if ((rc = pricing_request_set_count(r, q->count, err)))
        return rc;
    if (q->trial && (rc = pricing_request_set_trial(r, 1, err)))
        return rc;
    if (q->start && (rc = pricing_request_set_start(r, q->start, err)))
        return rc;
    return 0;
}

static int typed_one(ctx *c, const breq *q)
{
    pricing_request *r = c->req[q->spec];
    int rc = fill(r, q, &c->err);
    if (rc == 0)
        rc = pricing_quote_compute(c->quote, r, &c->err);
    if (rc != 0)
        failed(c);
    return rc;
}

/* The workloads. Each spells out its own loop on purpose: one shared loop
 * calling a body through a pointer would add an indirect call to every
 * measured operation. */

/* Typed API: setters on one reused request per spec, then compute. */
size_t w_typed(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++)
        (void)typed_one(c, next_req(c));
    return iters;
}

/* Typed API, request prepared once: pricing_quote_compute alone. */
size_t w_compute(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        size_t i = c->i;
        (void)next_req(c);
        if (pricing_quote_compute(c->quote, c->pre[i], &c->err) != 0)
            failed(c);
    }
    return iters;
}

/* Typed API plus the total as text (formats every amount). */
size_t w_typed_total(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        if (typed_one(c, next_req(c)) == 0) {
            const char *t = pricing_quote_total(c->quote);
            sink += (unsigned char)t[0];
        }
    }
    return iters;
}

/* Typed API plus pricing_quote_write_json. */
size_t w_typed_write(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++)
        if (typed_one(c, next_req(c)) == 0 &&
            pricing_quote_write_json(&c->buf, c->quote, 0, &c->err) != 0)
            failed(c);
    return iters;
}

/* The JSON driver, one reused quote and buffer. */
size_t w_json(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        const breq *q = next_req(c);
        if (pricing_quote_json(&c->buf, c->s->cat, q->json, q->len, c->quote,
                               0, &c->err) != 0)
            failed(c);
    }
    return iters;
}

/* pricing_request_parse alone (strict pass + cJSON + typed request). */
size_t w_parse(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        const breq *q = next_req(c);
        pricing_request *r = NULL;
        if (pricing_request_parse(&r, c->s->cat, q->json, q->len, &c->err) != 0)
            failed(c);
        pricing_request_free(r);
    }
    return iters;
}

/* cJSON parse alone. */
size_t w_cjson_parse(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        const breq *q = next_req(c);
        cJSON *j = cJSON_ParseWithLength(q->json, q->len);
        sink += j != NULL;
        cJSON_Delete(j);
    }
    return iters;
}

/* Floor (b): cJSON parse + print of the same lines. */
size_t w_floor_b(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        const breq *q = next_req(c);
        cJSON *j = cJSON_ParseWithLength(q->json, q->len);
        char *s = cJSON_PrintUnformatted(j);
        sink += s ? (unsigned char)s[0] : 0;
        cJSON_free(s);
        cJSON_Delete(j);
    }
    return iters;
}

void gmp_init(gmp_ctx *g, ctx *c)
{
    unsigned k;
    g->c = c;
    mpz_init(g->r);
    for (k = 0; k < 5; k++) {
        uint64_t width;
        g->from[k] = k ? tiers5[k - 1] : 0;
        g->up_to[k] = k < 4 ? tiers5[k] : UINT64_MAX;
        mpz_init_set_ui(g->unit[k], 5000 - k * 3900 / 5);
        mpz_init(g->before[k]);
        if (k) {
            width = g->up_to[k - 1] - g->from[k - 1];
            mpz_set(g->before[k], g->before[k - 1]);
            mpz_addmul_ui(g->before[k], g->unit[k - 1], width);
        }
    }
}

void gmp_clear(gmp_ctx *g)
{
    unsigned k;
    for (k = 0; k < 5; k++) {
        mpz_clear(g->unit[k]);
        mpz_clear(g->before[k]);
    }
    mpz_clear(g->r);
}

size_t w_floor_c(void *arg, size_t iters)
{
    gmp_ctx *g = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        uint64_t q = next_req(g->c)->users;
        unsigned t = 0;
        while (t < 4 && q > g->up_to[t])
            t++;
        mpz_set(g->r, g->before[t]);
        mpz_addmul_ui(g->r, g->unit[t], (unsigned long)(q - g->from[t]));
        sink += mpz_getlimbn(g->r, 0);
    }
    return iters;
}

/* ---------------------------------------------------------------- modes */

typedef struct qline {
    const char *p;
    size_t len;
} qline;

int floor_a_main(const char *quotes_path)
{
    static char obuf[1 << 20];
    size_t qlen, nq = 0, qi = 0, cap = 1 << 20, have = 0, bad = 0;
    char *qs = read_all(quotes_path, &qlen), *buf, *p;
    qline *q = NULL;

    for (p = qs; p < qs + qlen;) {
        char *nl = memchr(p, '\n', (size_t)(qs + qlen - p));
        size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(qs + qlen - p);
        q = xrealloc(q, (nq + 1) * sizeof *q);
        q[nq].p = p;
        q[nq++].len = len;
        p += len;
    }
    if (nq == 0)
        die("floor-a: no quotes in %s", quotes_path);
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    buf = xrealloc(NULL, cap);
    for (;;) {
        ssize_t got = read(0, buf + have, cap - have);
        char *end, *nl;
        int eof;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            die("floor-a: read: %s", strerror(errno));
        }
        eof = got == 0;
        have += (size_t)got;
        end = buf + have;
        for (p = buf;; p = nl + 1) {
            size_t len;
            cJSON *j;
            nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl) {
                if (!eof || p == end)
                    break;
                nl = end; /* a last line without newline */
            }
            len = (size_t)(nl - p);
            j = cJSON_ParseWithLength(p, len);
            bad += j == NULL;
            cJSON_Delete(j);
            fwrite(q[qi].p, 1, q[qi].len, stdout);
            if (++qi == nq)
                qi = 0;
            if (nl == end)
                break;
        }
        if (eof)
            break;
        have = (size_t)(end - p);
        memmove(buf, p, have);
        if (have == cap) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
    }
    if (fflush(stdout) != 0)
        return 3;
    free(buf);
    free(q);
    free(qs);
    return bad ? 1 : 0;
}
