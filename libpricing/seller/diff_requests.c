/* SPDX-License-Identifier: MIT */
/* diff_requests.c - requests priced under two catalogs.
 *
 * Each line of a JSON Lines text is priced with the public request and
 * quote functions under the old and the new catalog; the rounded totals
 * are compared exactly (as GMP rationals, so catalogs with different
 * minor units compare too). */
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "error.h"
#include "memory.h"
#include "quote.h"
#include "request.h"
#include "writer.h"

#define TOP 5 /* the largest increases and decreases kept */

enum { MORE, LESS, SAME, STOPS_VALID, BECOMES_VALID, INVALID, NSTATUS };
static const char *const status_names[NSTATUS] = {
    "more", "less", "same", "stops_valid", "becomes_valid", "invalid"};

/* One request under one catalog. */
typedef struct priced {
    int ok;
    pricing_error err;
    char *total; /* the rounded total, a copy */
    mpq_t value;
    const char *from; /* new side: the day its price applies, or NULL */
    unsigned minor;   /* the decimals of the quote's currency */
} priced;

typedef struct top_row {
    size_t line;
    mpz_t diff; /* over 10^scale */
    char *old_total, *new_total;
    unsigned scale; /* the decimals the difference is written with */
} top_row;

typedef struct comparer {
    const pricing_catalog *cat[2];
    pricing_quote *quote[2];
    pricing__w *w;
    unsigned scale; /* the larger minor units */
    mpz_t pow;      /* 10^scale */
    size_t count[NSTATUS], lines;
    top_row inc[TOP], dec[TOP];
    size_t ninc, ndec;
    size_t *stops;
    size_t nstops, stops_cap;
    int nomem;
} comparer;

/* ---------------------------------------------------------------- pricing */

/* Contract 1.2: the first day the new version prices this request. A
 * subscription bought before the version's effective date keeps its old
 * price until existing_from; new orders and later subscriptions pay the
 * new price from effective. NULL when the version has no dates. */
static const char *new_price_from(const pricing_catalog *v,
                                  const pricing_request *req)
{
    const pricing__when *w = &req->when;
    const pricing__date *bought = w->has_bought ? &w->bought
                                  : w->has_date ? &w->date : NULL;
    const char *eff = pricing_catalog_effective(v);
    char day[11];

    if (!eff)
        return NULL;
    if (req->type == PRICING__NEW || !bought)
        return eff;
    pricing__date_format(day, bought);
    return strcmp(day, eff) < 0 ? pricing_catalog_existing_from(v) : eff;
}

static void price(comparer *c, int which, const char *line, size_t len,
                  priced *out)
{
    pricing_request *req = NULL;
    const char *total;
    int rc;

    out->ok = 0;
    out->total = NULL;
    out->from = NULL;
    pricing_error_init(&out->err);
    if (len > PRICING_MAX_REQUEST_BYTES) {
        pricing__error_at(&out->err, PRICING_LIMIT_EXCEEDED, "",
                          "request line longer than %u bytes",
                          PRICING_MAX_REQUEST_BYTES);
        return;
    }
    /* Each side is priced by its own version, whatever the request's date
     * would choose in the history. */
    rc = pricing__request_parse_pinned(&req, c->cat[which], line, len,
                                       &out->err);
    if (rc == 0 && which == 1)
        out->from = new_price_from(c->cat[1], req);
    if (rc == 0)
        rc = pricing_quote_compute(c->quote[which], req, &out->err);
    pricing_request_free(req);
    if (rc != 0) {
        if (out->err.code == PRICING_OUT_OF_MEMORY)
            c->nomem = 1;
        return;
    }
    total = pricing_quote_total(c->quote[which]);
    if (!total || !(out->total = pricing__strndup(total, strlen(total)))) {
        c->nomem = 1;
        return;
    }
    pricing_quote_total_mpq(out->value, c->quote[which]);
    out->minor = c->quote[which]->minor_units;
    out->ok = 1;
}

/* ---------------------------------------------------------------- output */

static void write_error(pricing__w *w, const char *key,
                        const pricing_error *e)
{
    pricing__w_key(w, key);
    pricing__w_error(w, e, NULL, 0);
}

/* diff, over 10^from, written with to <= from decimals: the decimals of
 * the request's currency (exact: both totals have at most that many). */
static void write_difference(pricing__w *w, const mpz_t diff, unsigned from,
                             unsigned to)
{
    mpz_t v, p;
    mpz_init(v);
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, from - to);
    mpz_divexact(v, diff, p);
    pricing__w_dec(w, v, to, 0);
    mpz_clear(v);
    mpz_clear(p);
}

static void write_totals(pricing__w *w, size_t line, const char *old_total,
                         const char *new_total, const mpz_t diff,
                         unsigned scale, unsigned row_scale)
{
    pricing__w_key(w, "line");
    pricing__w_u64(w, line);
    pricing__w_key(w, "old_total");
    pricing__w_cstr(w, old_total);
    pricing__w_key(w, "new_total");
    pricing__w_cstr(w, new_total);
    pricing__w_key(w, "difference");
    write_difference(w, diff, scale, row_scale);
}

/* ---------------------------------------------------------------- summary */

/* Keeps the TOP largest |diff| (ties: the earlier line) in rows. */
static int top_add(top_row *rows, size_t *n, size_t line, const mpz_t diff,
                   const priced *a, const priced *b)
{
    size_t i = *n < TOP ? *n : TOP, k;
    char *o, *nw;
    while (i > 0 && mpz_cmpabs(diff, rows[i - 1].diff) > 0)
        i--;
    if (i >= TOP)
        return 0;
    o = pricing__strndup(a->total, strlen(a->total));
    nw = pricing__strndup(b->total, strlen(b->total));
    if (!o || !nw) {
        free(o);
        free(nw);
        return -1;
    }
    if (*n == TOP) { /* the last one drops out */
        free(rows[TOP - 1].old_total);
        free(rows[TOP - 1].new_total);
        mpz_clear(rows[TOP - 1].diff);
        (*n)--;
    }
    for (k = *n; k > i; k--)
        rows[k] = rows[k - 1];
    rows[i].line = line;
    mpz_init_set(rows[i].diff, diff);
    rows[i].old_total = o;
    rows[i].new_total = nw;
    rows[i].scale = a->minor > b->minor ? a->minor : b->minor;
    (*n)++;
    return 0;
}

static void top_free(top_row *rows, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        mpz_clear(rows[i].diff);
        free(rows[i].old_total);
        free(rows[i].new_total);
    }
}

static void write_top(comparer *c, const char *key, const top_row *rows,
                      size_t n)
{
    size_t i;
    pricing__w_key(c->w, key);
    pricing__w_open(c->w, '[');
    for (i = 0; i < n; i++) {
        pricing__w_elem(c->w);
        pricing__w_open(c->w, '{');
        write_totals(c->w, rows[i].line, rows[i].old_total, rows[i].new_total,
                     rows[i].diff, c->scale, rows[i].scale);
        pricing__w_close(c->w, '}');
    }
    pricing__w_close(c->w, ']');
}

static void write_summary(comparer *c)
{
    pricing__w *w = c->w;
    size_t i;
    pricing__w_key(w, "requests_summary");
    pricing__w_open(w, '{');
    pricing__w_key(w, "requests");
    pricing__w_u64(w, c->lines);
    for (i = 0; i < NSTATUS; i++) {
        pricing__w_key(w, status_names[i]);
        pricing__w_u64(w, c->count[i]);
    }
    write_top(c, "largest_increases", c->inc, c->ninc);
    write_top(c, "largest_decreases", c->dec, c->ndec);
    pricing__w_key(w, "stops_valid_lines");
    pricing__w_open(w, '[');
    for (i = 0; i < c->nstops; i++) {
        pricing__w_elem(w);
        pricing__w_u64(w, c->stops[i]);
    }
    pricing__w_close(w, ']');
    pricing__w_close(w, '}');
}

/* ---------------------------------------------------------------- lines */

/* The difference new - old over 10^scale (both totals terminate). */
static void difference(comparer *c, mpz_t out, const priced *a,
                       const priced *b)
{
    mpq_t d;
    mpq_init(d);
    mpq_sub(d, b->value, a->value);
    mpz_mul(out, mpq_numref(d), c->pow);
    mpz_divexact(out, out, mpq_denref(d));
    mpq_clear(d);
}

static int status_of(const priced *a, const priced *b, const mpz_t diff)
{
    if (a->ok && b->ok)
        return mpz_sgn(diff) > 0 ? MORE : mpz_sgn(diff) < 0 ? LESS : SAME;
    return a->ok ? STOPS_VALID : b->ok ? BECOMES_VALID : INVALID;
}

static unsigned row_scale(const priced *a, const priced *b)
{
    return a->minor > b->minor ? a->minor : b->minor;
}

static void compare_line(comparer *c, const char *line, size_t len)
{
    pricing__w *w = c->w;
    priced p[2];
    mpz_t diff;
    int st, i;

    mpz_init(diff);
    for (i = 0; i < 2; i++) {
        mpq_init(p[i].value);
        price(c, i, line, len, &p[i]);
    }
    c->lines++;
    if (p[0].ok && p[1].ok)
        difference(c, diff, &p[0], &p[1]);
    st = status_of(&p[0], &p[1], diff);
    c->count[st]++;
    if ((st == MORE && top_add(c->inc, &c->ninc, c->lines, diff, &p[0],
                               &p[1]) != 0) ||
        (st == LESS && top_add(c->dec, &c->ndec, c->lines, diff, &p[0],
                               &p[1]) != 0))
        c->nomem = 1;
    if (st == STOPS_VALID &&
        pricing__grow((void **)&c->stops, &c->stops_cap, c->nstops + 1,
                      sizeof *c->stops) == 0)
        c->stops[c->nstops++] = c->lines;
    else if (st == STOPS_VALID)
        c->nomem = 1;
    pricing__w_elem(w);
    pricing__w_open(w, '{');
    pricing__w_key(w, "line");
    pricing__w_u64(w, c->lines);
    pricing__w_key(w, "status");
    pricing__w_cstr(w, status_names[st]);
    for (i = 0; i < 2; i++) {
        if (p[i].ok) {
            pricing__w_key(w, i ? "new_total" : "old_total");
            pricing__w_cstr(w, p[i].total);
        } else {
            write_error(w, i ? "new_error" : "old_error", &p[i].err);
        }
    }
    if (p[0].ok && p[1].ok) {
        pricing__w_key(w, "difference");
        write_difference(w, diff, c->scale, row_scale(&p[0], &p[1]));
    }
    if (p[1].from) {
        pricing__w_key(w, "new_price_from");
        pricing__w_cstr(w, p[1].from);
    }
    pricing__w_close(w, '}');
    for (i = 0; i < 2; i++) {
        free(p[i].total);
        mpq_clear(p[i].value);
    }
    mpz_clear(diff);
}

/* Lines end at '\n'; a last line without one counts, an empty remainder
 * after the last '\n' does not (as `pricing batch` reads them). */
static void compare_all(comparer *c, const char *text, size_t len)
{
    size_t start = 0, i;
    pricing__w_key(c->w, "requests");
    pricing__w_open(c->w, '[');
    for (i = 0; i <= len && !c->nomem && !c->w->failed; i++) {
        if (i < len && text[i] != '\n')
            continue;
        if (i == len && i == start)
            break;
        compare_line(c, text + start, i - start);
        start = i + 1;
    }
    pricing__w_close(c->w, ']');
}

/* The most decimals of any currency a version sells (a request may ask
 * for any of them). */
static unsigned max_minor_units(const pricing_catalog *v)
{
    unsigned m = v->minor_units;
    size_t i;
    for (i = 0; v->hv && i < v->hv->ncats; i++)
        if (v->hv->cats[i]->minor_units > m)
            m = v->hv->cats[i]->minor_units;
    return m;
}

static int start(comparer *c, const pricing_catalog *a,
                 const pricing_catalog *b, pricing_error *err)
{
    memset(c, 0, sizeof *c);
    c->cat[0] = a;
    c->cat[1] = b;
    c->scale = max_minor_units(a) > max_minor_units(b) ? max_minor_units(a)
                                                       : max_minor_units(b);
    mpz_init(c->pow);
    mpz_ui_pow_ui(c->pow, 10, c->scale);
    if (pricing_quote_new(&c->quote[0], err) != 0 ||
        pricing_quote_new(&c->quote[1], err) != 0)
        return -1;
    return 0;
}

static void finish(comparer *c)
{
    pricing_quote_free(c->quote[0]);
    pricing_quote_free(c->quote[1]);
    top_free(c->inc, c->ninc);
    top_free(c->dec, c->ndec);
    free(c->stops);
    mpz_clear(c->pow);
}

int pricing_catalog_diff_requests(pricing_buffer *buf,
                                  const pricing_catalog *old_cat,
                                  const pricing_catalog *new_cat,
                                  const char *jsonl, size_t len,
                                  unsigned flags, pricing_error *err)
{
    comparer c;
    pricing__w w;
    int rc = 0;

    if (!buf || !old_cat || !new_cat || (!jsonl && len > 0))
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_diff_requests: NULL "
                                 "argument");
    if (strcmp(pricing_catalog_currency(old_cat),
               pricing_catalog_currency(new_cat)) != 0)
        return pricing__error_at(err, PRICING_INVALID_VALUE, "/currency",
                                 "the catalogs price in %s and %s: their "
                                 "totals cannot be compared",
                                 pricing_catalog_currency(old_cat),
                                 pricing_catalog_currency(new_cat));
    if (start(&c, old_cat, new_cat, err) != 0) {
        finish(&c);
        return pricing__nomem(err);
    }
    c.w = &w;
    pricing__w_start(&w, buf);
    pricing__w_open(&w, '{');
    if (pricing__diff_members(&w, old_cat, new_cat) != 0)
        c.nomem = 1;
    compare_all(&c, jsonl ? jsonl : "", len);
    write_summary(&c);
    pricing__w_close(&w, '}');
    if (c.nomem)
        w.failed = 1;
    if (pricing__w_done(&w) != 0 ||
        ((flags & PRICING_JSON_PRETTY) && pricing__w_pretty(buf) != 0))
        rc = pricing__nomem(err);
    finish(&c);
    return rc;
}
