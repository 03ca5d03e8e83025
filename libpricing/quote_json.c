/* SPDX-License-Identifier: MIT */
/* quote_json.c - quotes and errors as JSON, the JSON driver, and typed
 * access to a quote's values. */
#include <stdlib.h>
#include <string.h>

#include "catalog_head.h"
#include "catalog_parse.h"
#include "decimal.h"
#include "history.h"
#include "memory.h"
#include "quote.h"
#include "request.h"
#include "rule.h"
#include "writer.h"

static const char *const kind_names[] = {"fixed",    "base",   "quantity",
                                         "tier",     "discount", "credit",
                                         "charge"};

/* ---------------------------------------------------------------- writing */

/* A line's opening with its kind, a literal each (constant-length copies
 * compile to a few moves, where a table's lengths would call memcpy). */
static char *write_kind(char *p, pricing__line_kind kind)
{
    switch (kind) {
    case PRICING__LINE_FIXED:
        return PRICING__P_LIT(p, "{\"kind\":\"fixed\"");
    case PRICING__LINE_BASE:
        return PRICING__P_LIT(p, "{\"kind\":\"base\"");
    case PRICING__LINE_QUANTITY:
        return PRICING__P_LIT(p, "{\"kind\":\"quantity\"");
    case PRICING__LINE_TIER:
        return PRICING__P_LIT(p, "{\"kind\":\"tier\"");
    case PRICING__LINE_DISCOUNT:
        return PRICING__P_LIT(p, "{\"kind\":\"discount\"");
    case PRICING__LINE_CREDIT:
        return PRICING__P_LIT(p, "{\"kind\":\"credit\"");
    case PRICING__LINE_CHARGE:
        return PRICING__P_LIT(p, "{\"kind\":\"charge\"");
    }
    return PRICING__P_LIT(p, "{\"kind\":\"unknown\""); /* not reached */
}

/* A rule line's "rule" member, written in one copy. */
static char *write_rule(char *p, pricing__rule_kind rule)
{
    switch (rule) {
    case PRICING__LINEAR:
        return PRICING__P_LIT(p, ",\"rule\":\"linear\"");
    case PRICING__GRADUATED:
        return PRICING__P_LIT(p, ",\"rule\":\"graduated\"");
    case PRICING__VOLUME:
        return PRICING__P_LIT(p, ",\"rule\":\"volume\"");
    case PRICING__PACKAGE:
        return PRICING__P_LIT(p, ",\"rule\":\"package\"");
    }
    p = PRICING__P_LIT(p, ",\"rule\":");
    return pricing__p_safe(p, pricing__rule_name(rule));
}

/*
 * A quote is written through the cursor (writer.h): its bound is reserved
 * its worst case once, then every piece is a copy or a digit loop with no
 * room check. The bounds below sit beside what they bound; what they
 * leave out is counted from the quote's own data (catalog strings in
 * their JSON forms, escaped at load, and the exact values' sizes).
 */

/* The longest amount text as written (18 + 1 + 18), quoted: unit_price,
 * flat and discount values follow the amount grammar, so they are copied
 * without escaping. */
#define TEXT_CHARS (PRICING_MAX_AMOUNT_INT_DIGITS + PRICING_MAX_AMOUNT_FRAC_DIGITS + 3)
/* The format's own names ("scale_out", ...), quoted, and a date. */
#define NAME_CHARS 16
#define DATE_CHARS 12
#define INT_CHARS PRICING__U64_CHARS
/* A line's keys, names, integers and amount texts: a tier line, the
 * longest, has kind, attribute's key, rule, tier, from, to, quantity,
 * a package's size and packages, unit_price, flat, days, term_days,
 * exact_amount and amount (< 200 bytes of keys). */
#define LINE_FIXED (256 + 2 * NAME_CHARS + 8 * INT_CHARS + 2 * TEXT_CHARS)
/* A quote's keys, names, integers and dates beside its strings, SKUs,
 * lines and totals (< 400 bytes of keys). */
#define QUOTE_FIXED (512 + 5 * NAME_CHARS + 3 * INT_CHARS + 4 * DATE_CHARS)

/* The most bytes of an exact value of q as a JSON string. */
static size_t exact_size(const pricing_quote *q, const mpz_t v)
{
    if (q->den_pow10 >= 0)
        return pricing__p_dec_size(v, (unsigned)q->den_pow10);
    return pricing__exact_format_size(v, q->den) + 2;
}

static size_t line_bound(const pricing_quote *q, const pricing__qline *l)
{
    size_t n = LINE_FIXED + exact_size(q, l->exact) +
               pricing__p_dec_size(l->amount, q->minor_units);
    if (l->attr)
        n += l->attr->key_json.n;
    if (l->sku)
        n += q->spec->sku_json_max + exact_size(q, l->term);
    return n;
}

size_t pricing__quote_json_bound(const pricing_quote *q)
{
    const pricing_catalog *cat = q->cat;
    size_t n = QUOTE_FIXED + cat->id_json.n + cat->version_json.n +
               q->spec->id_json.n + 2 * q->spec->sku_json_max, i;
    /* the totals, twice for a trial (zero, then after the trial) */
    n += 2 * (pricing__p_dec_size(q->period_total, q->minor_units) +
              exact_size(q, q->exact_total) +
              pricing__p_dec_size(q->total, q->minor_units));
    for (i = 0; i < q->nlines; i++)
        n += line_bound(q, &q->lines[i]);
    return n;
}

/* An exact value of q (over its den) as a JSON string: a decimal, or
 * "a/b" (digits, sign, point and slash need no escaping). */
static char *write_exact(char *p, const pricing_quote *q, const mpz_t v)
{
    if (q->den_pow10 >= 0)
        return pricing__p_dec(p, v, (unsigned)q->den_pow10, 1);
    *p = '"';
    p += 1 + pricing__exact_format(p + 1, v, q->den);
    *p++ = '"';
    return p;
}

/* An SKU's values in the spec's attribute order. */
static char *write_sku(char *p, const pricing__spec *spec,
                       const pricing__skuval *sv)
{
    size_t i;
    *p++ = '{';
    for (i = 0; i < spec->nattrs; i++) {
        const pricing__attr *at = &spec->attrs[i];
        size_t first = i == 0; /* the key without its comma */
        p = pricing__p_copy(p, at->key_json.s + first, at->key_json.n - first);
        if (at->is_enum)
            p = pricing__p_jstr(p, &at->values_json[sv->value[i]]);
        else
            p = pricing__p_u64(p, sv->quantity[i]);
    }
    *p++ = '}';
    return p;
}

static char *write_days(char *p, const pricing_quote *q)
{
    p = PRICING__P_LIT(p, ",\"days\":");
    p = pricing__p_u64(p, q->days);
    p = PRICING__P_LIT(p, ",\"term_days\":");
    return pricing__p_u64(p, q->term_days);
}

/* The members of a discount line after its kind. */
static char *write_discount(char *p, const pricing__qline *l)
{
    p = l->from_catalog ? PRICING__P_LIT(p, ",\"source\":\"catalog\"")
                        : PRICING__P_LIT(p, ",\"source\":\"request\"");
    p = l->percent ? PRICING__P_LIT(p, ",\"percent_off\":")
                   : PRICING__P_LIT(p, ",\"amount_off\":");
    p = pricing__p_safe(p, l->value);
    if (l->periods) {
        p = PRICING__P_LIT(p, ",\"periods\":");
        p = pricing__p_u64(p, l->periods);
    }
    return p;
}

/* The members of a rule, base or fixed line after its kind. */
static char *write_priced(pricing__w *w, char *p, const pricing_quote *q,
                          const pricing__qline *l)
{
    int tiered = l->kind == PRICING__LINE_TIER ||
                 l->kind == PRICING__LINE_CHARGE;
    if (l->attr) {
        const pricing__jstr *k = &l->attr->key_json; /* ,"id": */
        p = PRICING__P_LIT(p, ",\"attribute\":");
        p = pricing__p_copy(p, k->s + 1, k->n - 2);
        p = write_rule(p, l->rule);
    }
    if (tiered) {
        p = PRICING__P_LIT(p, ",\"tier\":");
        p = pricing__p_u64(p, l->tier);
        p = PRICING__P_LIT(p, ",\"from\":");
        p = pricing__p_u64(p, l->from);
        p = PRICING__P_LIT(p, ",\"to\":");
        p = l->has_to ? pricing__p_u64(p, l->to) : PRICING__P_LIT(p, "null");
    }
    p = l->kind == PRICING__LINE_CHARGE ? PRICING__P_LIT(p, ",\"added\":")
                                        : PRICING__P_LIT(p, ",\"quantity\":");
    p = pricing__p_u64(p, l->quantity);
    if (l->attr) { /* rule.c writes its kind's own members (in LINE_FIXED) */
        pricing__w_commit(w, p);
        pricing__rule_write_members(w, l);
        p = w->buf->data + w->buf->size;
    }
    p = PRICING__P_LIT(p, ",\"unit_price\":");
    p = pricing__p_safe(p, l->unit_price);
    if (tiered) {
        p = PRICING__P_LIT(p, ",\"flat\":");
        p = pricing__p_safe(p, l->flat);
    }
    if (l->kind == PRICING__LINE_CHARGE)
        p = write_days(p, q);
    return p;
}

static char *write_line(pricing__w *w, char *p, const pricing_quote *q,
                        const pricing__qline *l)
{
    p = write_kind(p, l->kind);
    if (l->kind == PRICING__LINE_DISCOUNT) {
        p = write_discount(p, l);
    } else if (l->sku) { /* credit, charge */
        p = PRICING__P_LIT(p, ",\"sku\":");
        p = write_sku(p, q->spec, l->sku);
        p = PRICING__P_LIT(p, ",\"term_price\":");
        p = write_exact(p, q, l->term);
        p = write_days(p, q);
    } else {
        p = write_priced(w, p, q, l);
    }
    p = PRICING__P_LIT(p, ",\"exact_amount\":");
    p = write_exact(p, q, l->exact);
    p = PRICING__P_LIT(p, ",\"amount\":");
    p = pricing__p_dec(p, l->amount, q->minor_units, 0);
    *p++ = '}';
    return p;
}

static char *write_lines(pricing__w *w, char *p, const pricing_quote *q)
{
    size_t i;
    p = PRICING__P_LIT(p, "\"lines\":[");
    for (i = 0; i < q->nlines; i++) {
        if (i)
            *p++ = ',';
        p = write_line(w, p, q, &q->lines[i]);
    }
    *p++ = ']';
    return p;
}

/* The totals, after the lines. */
static char *write_totals(char *p, const pricing_quote *q)
{
    if (!q->has_term) { /* a change quote's fee has no periods */
        p = PRICING__P_LIT(p, ",\"period_total\":");
        p = pricing__p_dec(p, q->period_total, q->minor_units, 0);
    }
    p = PRICING__P_LIT(p, ",\"exact_total\":");
    p = write_exact(p, q, q->exact_total);
    p = PRICING__P_LIT(p, ",\"total\":");
    return pricing__p_dec(p, q->total, q->minor_units, 0);
}

static char *write_date(char *p, const pricing__date *d)
{
    *p++ = '"';
    pricing__date_format(p, d); /* 10 characters and a NUL */
    p += 10;
    *p++ = '"';
    return p;
}

static char *write_rounding(char *p, const pricing_catalog *cat)
{
    p = PRICING__P_LIT(p, ",\"rounding\":{\"mode\":");
    p = pricing__p_safe(p, pricing__mode_name(cat->mode));
    p = PRICING__P_LIT(p, ",\"at\":");
    p = pricing__p_safe(p, pricing__at_name(cat->at));
    *p++ = '}';
    return p;
}

/* A trial: no lines and zero totals, then what follows the trial. */
static char *write_trial(pricing__w *w, char *p, const pricing_quote *q)
{
    mpz_t zero;
    mpz_init(zero); /* no allocation for zero */
    p = PRICING__P_LIT(p, ",\"lines\":[],\"period_total\":");
    p = pricing__p_dec(p, zero, q->minor_units, 0);
    p = PRICING__P_LIT(p, ",\"exact_total\":\"0\",\"total\":");
    p = pricing__p_dec(p, zero, q->minor_units, 0);
    mpz_clear(zero);
    p = write_rounding(p, q->cat);
    p = PRICING__P_LIT(p, ",\"trial\":true,\"trial_days\":");
    p = pricing__p_u64(p, q->spec->trial_days);
    p = PRICING__P_LIT(p, ",\"after_trial\":{");
    p = write_lines(w, p, q);
    p = write_totals(p, q);
    *p++ = '}';
    return p;
}

static char *write_quote(pricing__w *w, char *p, const pricing_quote *q)
{
    const pricing_catalog *cat = q->cat;
    const pricing__spec *spec = q->spec;

    p = PRICING__P_LIT(p, "{\"catalog\":");
    p = pricing__p_jstr(p, &cat->id_json);
    if (cat->version) {
        p = PRICING__P_LIT(p, ",\"version\":");
        p = pricing__p_jstr(p, &cat->version_json);
    }
    if (q->type != PRICING__NEW) { /* 1.0 quotes keep their exact bytes */
        p = PRICING__P_LIT(p, ",\"type\":");
        p = pricing__p_safe(p, pricing__type_name(q->type));
    }
    p = PRICING__P_LIT(p, ",\"spec\":");
    p = pricing__p_jstr(p, &spec->id_json);
    p = PRICING__P_LIT(p, ",\"sku\":");
    p = write_sku(p, spec, &q->sku);
    if (q->has_term) {
        p = PRICING__P_LIT(p, ",\"from\":");
        p = write_sku(p, spec, &q->from);
    }
    p = PRICING__P_LIT(p, ",\"plan\":");
    p = pricing__p_safe(p, pricing__plan_name(q->plan));
    p = PRICING__P_LIT(p, ",\"count\":");
    p = pricing__p_u64(p, q->count);
    p = PRICING__P_LIT(p, ",\"currency\":");
    p = pricing__p_safe(p, q->currency);
    if (q->trial) {
        p = write_trial(w, p, q);
    } else {
        *p++ = ',';
        p = write_lines(w, p, q);
        p = write_totals(p, q);
        p = write_rounding(p, cat);
    }
    if (q->has_term) {
        p = PRICING__P_LIT(p, ",\"term\":{\"start\":");
        p = write_date(p, &q->term_start);
        p = PRICING__P_LIT(p, ",\"end\":");
        p = write_date(p, &q->term_end);
        p = PRICING__P_LIT(p, ",\"days\":");
        p = pricing__p_u64(p, q->term_days);
        *p++ = '}';
    }
    if (q->has_start) {
        p = PRICING__P_LIT(p, ",\"service\":{\"start\":");
        p = write_date(p, &q->start);
        if (q->has_end) {
            p = PRICING__P_LIT(p, ",\"end\":");
            p = write_date(p, &q->end);
        }
        *p++ = '}';
    }
    *p++ = '}';
    return p;
}

static int finish(pricing__w *w, unsigned flags, pricing_error *err)
{
    if (pricing__w_done(w) != 0 ||
        ((flags & PRICING_JSON_PRETTY) && pricing__w_pretty(w->buf) != 0))
        return pricing__nomem(err);
    return 0;
}

int pricing_quote_write_json(pricing_buffer *buf, const pricing_quote *q,
                             unsigned flags, pricing_error *err)
{
    pricing__w w;
    char *p;
    if (!buf || !q || !q->valid)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_write_json: no quote");
    if (q->totals_only)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_write_json: the quote was "
                                 "computed with totals only");
    pricing__w_start(&w, buf);
    if ((p = pricing__w_reserve(&w, pricing__quote_json_bound(q))) != NULL)
        pricing__w_commit(&w, write_quote(&w, p, q));
    return finish(&w, flags, err);
}

int pricing_error_write_json(pricing_buffer *buf, const pricing_error *e,
                             unsigned flags)
{
    pricing__w w;
    if (!buf || !e)
        return -PRICING_INVALID_ARGUMENT;
    pricing__w_start(&w, buf);
    pricing__w_lit(&w, "{\"error\":");
    pricing__w_error(&w, e, NULL, 0);
    pricing__w_close(&w, '}');
    return finish(&w, flags, NULL);
}

int pricing_catalog_write_summary(pricing_buffer *buf,
                                  const pricing_catalog *cat, unsigned flags,
                                  pricing_error *err)
{
    pricing__w w;
    if (!buf || !cat)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_write_summary: NULL");
    pricing__w_start(&w, buf);
    pricing__w_lit(&w, "{\"valid\":true");
    pricing__w_catalog_ids(&w, cat);
    PRICING__W_KEY(&w, "currency");
    pricing__w_cstr(&w, cat->currency);
    PRICING__W_KEY(&w, "minor_units");
    pricing__w_u64(&w, cat->minor_units);
    PRICING__W_KEY(&w, "specs");
    pricing__w_u64(&w, cat->nspecs);
    PRICING__W_KEY(&w, "skus");
    pricing__w_u64(&w, cat->total_skus);
    pricing__w_summary_v12(&w, cat);
    pricing__w_close(&w, '}');
    return finish(&w, flags, err);
}

/* ---------------------------------------------------------------- drivers */

/*
 * The drivers work on a fresh error of their own, so the buffer always
 * describes this call's failure even when the caller's err still holds an
 * older one (first error wins there). On failure the buffer holds the
 * error object: what the CLI prints.
 */
static int finish_driver(pricing_buffer *buf, const pricing_error *mine,
                         pricing_error *err, int rc, unsigned flags)
{
    if (rc == 0)
        return 0;
    if (buf && pricing_error_write_json(buf, mine, flags) != 0)
        buf->size = 0;
    if (err && err->code == PRICING_OK)
        *err = *mine;
    return rc;
}

/* The driver of one request. Its error is the quote's, kept clear
 * between calls (a success writes nothing into it), so the hot path
 * clears no 1.3 KiB pricing_error. */
int pricing_quote_json(pricing_buffer *buf, const pricing_catalog *cat,
                       const char *json, size_t len, pricing_quote *quote,
                       unsigned flags, pricing_error *err)
{
    pricing_error local, *mine = &local;
    pricing_quote *own = NULL;
    pricing__doc doc;
    unsigned flags_saved;
    int rc;

    if (!buf || !cat || (!json && len > 0) || !quote) {
        pricing_error_init(&local);
        if (!buf || !cat || (!json && len > 0))
            return finish_driver(buf, &local, err,
                                 pricing__error_at(&local,
                                                   PRICING_INVALID_ARGUMENT,
                                                   "", "pricing_quote_json: "
                                                   "NULL argument"),
                                 flags);
        if ((rc = pricing_quote_new(&own, &local)) != 0)
            return finish_driver(buf, &local, err, rc, flags);
        quote = own;
    } else {
        mine = &quote->err;
    }
    rc = pricing__doc_view(&doc, &quote->view, json ? json : "", len,
                           PRICING_MAX_REQUEST_BYTES, mine);
    flags_saved = quote->flags; /* the driver writes the lines */
    quote->flags = 0;
    if (rc == 0) {
        rc = pricing__request_read(&quote->scratch, cat, &doc, doc.root, "",
                                   mine);
        pricing__doc_dispose(&doc);
    }
    if (rc == 0)
        rc = pricing_quote_compute(quote, &quote->scratch, mine);
    if (rc == 0)
        rc = pricing_quote_write_json(buf, quote, flags, mine);
    quote->flags = flags_saved;
    rc = finish_driver(buf, mine, err, rc, flags);
    if (mine->code != PRICING_OK)
        pricing_error_init(mine); /* clear for the next call */
    pricing_quote_free(own);
    return rc;
}

int pricing_envelope_quote_json(pricing_buffer *buf, const char *json,
                                size_t len, unsigned flags,
                                pricing_error *err)
{
    static const char *const keys[] = {"catalog", "request", NULL};
    const cJSON *m[2];
    pricing_error mine;
    pricing__doc doc;
    pricing__rd rd;
    pricing_catalog *cat = NULL;
    pricing_quote *quote = NULL;
    int rc;

    pricing_error_init(&mine);
    if (!buf || (!json && len > 0))
        return finish_driver(buf, &mine, err,
                             pricing__error_at(&mine, PRICING_INVALID_ARGUMENT,
                                               "", "pricing_envelope_quote_json"
                                               ": NULL argument"),
                             flags);
    if ((rc = pricing__doc_parse(&doc, json ? json : "", len,
                                 PRICING_MAX_CATALOG_BYTES, &mine)) != 0)
        return finish_driver(buf, &mine, err, rc, flags);
    rd.doc = &doc;
    rd.err = &mine;
    pricing__path_init(&rd.path);
    rc = pricing__rd_members(&rd, doc.root, keys, m);
    if (rc == 0 && (!m[0] || !m[1]))
        rc = pricing__error_at(&mine, PRICING_MISSING_FIELD,
                               m[0] ? "/request" : "/catalog",
                               "the envelope needs \"catalog\" and "
                               "\"request\"");
    if (rc == 0)
        rc = pricing__catalog_from_doc(&cat, &doc, m[0], "catalog", &mine);
    if (rc == 0)
        rc = pricing_quote_new(&quote, &mine);
    if (rc == 0)
        rc = pricing__request_read(&quote->scratch, cat, &doc, m[1],
                                   "/request", &mine);
    if (rc == 0)
        rc = pricing_quote_compute(quote, &quote->scratch, &mine);
    if (rc == 0)
        rc = pricing_quote_write_json(buf, quote, flags, &mine);
    pricing_quote_free(quote);
    pricing_catalog_free(cat);
    pricing__doc_dispose(&doc);
    return finish_driver(buf, &mine, err, rc, flags);
}

/* ---------------------------------------------------------------- access */

/* Every string a quote hands out, formatted together on first use into
 * one block (reused by later quotes), so the pointers stay valid until
 * the next compute and the hot path formats nothing it is not asked for. */
static int ensure_text(pricing_quote *q, int lines)
{
    size_t need = 0, i;
    char *p;
    mpz_t zero;

    if (!q->text_ready) {
        mpz_init(zero);
        need += pricing__decimal_format_size(q->total, q->minor_units);
        need += pricing__quote_exact_size(q, q->exact_total);
        need += pricing__decimal_format_size(q->period_total,
                                             q->minor_units);
        need += pricing__decimal_format_size(zero, q->minor_units);
        if (pricing__grow((void **)&q->text, &q->text_cap, need, 1) != 0) {
            mpz_clear(zero);
            return -1;
        }
        p = q->text;
        q->total_s = p;
        p += pricing__decimal_format(p, q->total, q->minor_units, 0) + 1;
        q->exact_s = p;
        p += pricing__quote_exact_format(p, q, q->exact_total) + 1;
        q->period_s = p;
        p += pricing__decimal_format(p, q->period_total, q->minor_units, 0) + 1;
        q->zero_s = p;
        pricing__decimal_format(p, zero, q->minor_units, 0);
        mpz_clear(zero);
        q->text_ready = 1;
    }
    /* The lines' text only when a line is asked for: reading a total
     * should not format every line. */
    if (lines && q->text_ready < 2) {
        need = 0;
        for (i = 0; i < q->nlines; i++) {
            need += pricing__quote_exact_size(q, q->lines[i].exact);
            need += pricing__decimal_format_size(q->lines[i].amount,
                                                 q->minor_units);
        }
        if (pricing__grow((void **)&q->ltext, &q->ltext_cap, need + 1, 1) != 0)
            return -1;
        p = q->ltext;
        for (i = 0; i < q->nlines; i++) {
            q->lines[i].exact_s = p;
            p += pricing__quote_exact_format(p, q, q->lines[i].exact) + 1;
            q->lines[i].amount_s = p;
            p += pricing__decimal_format(p, q->lines[i].amount,
                                         q->minor_units, 0) + 1;
        }
        q->text_ready = 2;
    }
    return 0;
}

const char *pricing_quote_total(pricing_quote *q)
{
    if (!q || !q->valid || ensure_text(q, 0) != 0)
        return NULL;
    return q->trial ? q->zero_s : q->total_s;
}

const char *pricing_quote_exact_total(pricing_quote *q)
{
    if (!q || !q->valid || ensure_text(q, 0) != 0)
        return NULL;
    return q->trial ? "0" : q->exact_s;
}

const char *pricing_quote_period_total(pricing_quote *q)
{
    if (!q || !q->valid || ensure_text(q, 0) != 0)
        return NULL;
    return q->trial ? q->zero_s : q->period_s;
}

const char *pricing_quote_after_trial_total(pricing_quote *q)
{
    if (!q || !q->valid || ensure_text(q, 0) != 0)
        return NULL;
    return q->total_s;
}

int pricing_quote_is_trial(const pricing_quote *q)
{
    return q && q->valid && q->trial;
}

void pricing_quote_total_mpq(void *rop, const pricing_quote *q)
{
    mpq_ptr r = rop;
    if (!r)
        return;
    mpq_set_ui(r, 0, 1);
    if (!q || !q->valid || q->trial)
        return;
    mpq_set_z(r, q->total);
    mpz_ui_pow_ui(mpq_denref(r), 10, q->minor_units);
    mpq_canonicalize(r);
}

void pricing_quote_exact_total_mpq(void *rop, const pricing_quote *q)
{
    mpq_ptr r = rop;
    if (!r)
        return;
    mpq_set_ui(r, 0, 1);
    if (!q || !q->valid || q->trial)
        return;
    mpq_set_z(r, q->exact_total);
    mpz_set(mpq_denref(r), q->den);
    mpq_canonicalize(r);
}

size_t pricing_quote_line_count(const pricing_quote *q)
{
    return q && q->valid && !q->totals_only ? q->nlines : 0;
}

int pricing_quote_line(pricing_line *out, pricing_quote *q, size_t index,
                       pricing_error *err)
{
    const pricing__qline *l;
    if (out)
        memset(out, 0, sizeof *out); /* failure leaves no stale pointer */
    if (!out || !q || !q->valid || q->totals_only || index >= q->nlines)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_line: no such line");
    if (ensure_text(q, 1) != 0)
        return pricing__nomem(err);
    l = &q->lines[index];
    out->kind = kind_names[l->kind];
    out->attribute = l->attr ? l->attr->id : NULL;
    /* Rule lines (quantity, tier, a volume scale-out's charge) are the
     * lines of an attribute; base, fixed, discount, credit and the other
     * charge lines have no rule. */
    out->rule = l->attr ? pricing__rule_name(l->rule) : NULL;
    out->tier = l->tier;
    out->from = l->from;
    out->to = l->has_to ? l->to : 0;
    out->has_to = l->has_to;
    out->quantity = l->quantity;
    out->unit_price = l->unit_price;
    out->flat = l->tier ? l->flat : NULL; /* lines with a tier */
    out->exact_amount = l->exact_s;
    out->amount = l->amount_s;
    return 0;
}
