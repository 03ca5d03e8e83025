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

/* An exact value of q (over its den) as a JSON string. */
static void write_exact(pricing__w *w, const pricing_quote *q, const mpz_t v)
{
    size_t need = pricing__quote_exact_size(q, v);
    char small[128], *p = need <= sizeof small ? small : malloc(need);
    if (!p) {
        w->failed = 1;
        return;
    }
    pricing__w_str(w, p, pricing__quote_exact_format(p, q, v));
    if (p != small)
        free(p);
}

/* An SKU's values in the spec's attribute order. */
static void write_sku(pricing__w *w, const pricing__spec *spec,
                      const pricing__skuval *sv)
{
    size_t i;
    pricing__w_open(w, '{');
    for (i = 0; i < spec->nattrs; i++) {
        const pricing__attr *at = &spec->attrs[i];
        pricing__w_key(w, at->id);
        if (at->is_enum)
            pricing__w_cstr(w, at->values[sv->value[i]]);
        else
            pricing__w_u64(w, sv->quantity[i]);
    }
    pricing__w_close(w, '}');
}

static void write_days(pricing__w *w, const pricing_quote *q)
{
    PRICING__W_KEY(w, "days");
    pricing__w_u64(w, q->days);
    PRICING__W_KEY(w, "term_days");
    pricing__w_u64(w, q->term_days);
}

static void write_line(pricing__w *w, const pricing_quote *q,
                       const pricing__qline *l)
{
    PRICING__W_KEY(w, "kind");
    pricing__w_cstr(w, kind_names[l->kind]);
    if (l->kind == PRICING__LINE_DISCOUNT) {
        PRICING__W_KEY(w, "source");
        pricing__w_lit(w, l->from_catalog ? "\"catalog\"" : "\"request\"");
        pricing__w_key(w, l->percent ? "percent_off" : "amount_off");
        pricing__w_cstr(w, l->value);
        if (l->periods) {
            PRICING__W_KEY(w, "periods");
            pricing__w_u64(w, l->periods);
        }
    } else if (l->sku) { /* credit, charge */
        PRICING__W_KEY(w, "sku");
        write_sku(w, q->spec, l->sku);
        PRICING__W_KEY(w, "term_price");
        write_exact(w, q, l->term);
        write_days(w, q);
    } else {
        if (l->attr) {
            PRICING__W_KEY(w, "attribute");
            pricing__w_cstr(w, l->attr->id);
            PRICING__W_KEY(w, "rule");
            pricing__w_cstr(w, pricing__rule_name(l->rule));
        }
        if (l->kind == PRICING__LINE_TIER || l->kind == PRICING__LINE_CHARGE) {
            PRICING__W_KEY(w, "tier");
            pricing__w_u64(w, l->tier);
            PRICING__W_KEY(w, "from");
            pricing__w_u64(w, l->from);
            PRICING__W_KEY(w, "to");
            if (l->has_to)
                pricing__w_u64(w, l->to);
            else
                pricing__w_lit(w, "null");
        }
        pricing__w_key(w, l->kind == PRICING__LINE_CHARGE ? "added"
                                                            : "quantity");
        pricing__w_u64(w, l->quantity);
        if (l->attr)
            pricing__rule_write_members(w, l);
        PRICING__W_KEY(w, "unit_price");
        pricing__w_cstr(w, l->unit_price);
        if (l->kind == PRICING__LINE_TIER || l->kind == PRICING__LINE_CHARGE) {
            PRICING__W_KEY(w, "flat");
            pricing__w_cstr(w, l->flat);
        }
        if (l->kind == PRICING__LINE_CHARGE)
            write_days(w, q);
    }
    PRICING__W_KEY(w, "exact_amount");
    write_exact(w, q, l->exact);
    PRICING__W_KEY(w, "amount");
    pricing__w_dec(w, l->amount, q->minor_units, 0);
}

static void write_lines(pricing__w *w, const pricing_quote *q)
{
    size_t i;
    PRICING__W_KEY(w, "lines");
    pricing__w_open(w, '[');
    for (i = 0; i < q->nlines; i++) {
        pricing__w_elem(w);
        pricing__w_open(w, '{');
        write_line(w, q, &q->lines[i]);
        pricing__w_close(w, '}');
    }
    pricing__w_close(w, ']');
}

static void write_totals(pricing__w *w, const pricing_quote *q)
{
    if (!q->has_term) { /* a change quote's fee has no periods */
        PRICING__W_KEY(w, "period_total");
        pricing__w_dec(w, q->period_total, q->minor_units, 0);
    }
    PRICING__W_KEY(w, "exact_total");
    write_exact(w, q, q->exact_total);
    PRICING__W_KEY(w, "total");
    pricing__w_dec(w, q->total, q->minor_units, 0);
}

static void write_date(pricing__w *w, const char *key, const pricing__date *d)
{
    char date[11];
    pricing__w_key(w, key);
    pricing__date_format(date, d);
    pricing__w_cstr(w, date);
}

static void write_quote(pricing__w *w, const pricing_quote *q)
{
    const pricing_catalog *cat = q->cat;
    const pricing__spec *spec = q->spec;

    pricing__w_open(w, '{');
    pricing__w_catalog_ids(w, cat);
    if (q->type != PRICING__NEW) { /* 1.0 quotes keep their exact bytes */
        PRICING__W_KEY(w, "type");
        pricing__w_cstr(w, pricing__type_name(q->type));
    }
    PRICING__W_KEY(w, "spec");
    pricing__w_cstr(w, spec->id);
    PRICING__W_KEY(w, "sku");
    write_sku(w, spec, &q->sku);
    if (q->has_term) {
        PRICING__W_KEY(w, "from");
        write_sku(w, spec, &q->from);
    }
    PRICING__W_KEY(w, "plan");
    pricing__w_cstr(w, pricing__plan_name(q->plan));
    PRICING__W_KEY(w, "count");
    pricing__w_u64(w, q->count);
    PRICING__W_KEY(w, "currency");
    pricing__w_cstr(w, q->currency);
    if (q->trial) {
        mpz_t zero;
        mpz_init(zero); /* no allocation for zero */
        PRICING__W_KEY(w, "lines");
        pricing__w_lit(w, "[]");
        PRICING__W_KEY(w, "period_total");
        pricing__w_dec(w, zero, q->minor_units, 0);
        PRICING__W_KEY(w, "exact_total");
        pricing__w_lit(w, "\"0\"");
        PRICING__W_KEY(w, "total");
        pricing__w_dec(w, zero, q->minor_units, 0);
        mpz_clear(zero);
    } else {
        write_lines(w, q);
        write_totals(w, q);
    }
    pricing__w_rounding(w, cat);
    if (q->trial) {
        PRICING__W_KEY(w, "trial");
        pricing__w_lit(w, "true");
        PRICING__W_KEY(w, "trial_days");
        pricing__w_u64(w, spec->trial_days);
        PRICING__W_KEY(w, "after_trial");
        pricing__w_open(w, '{');
        write_lines(w, q);
        write_totals(w, q);
        pricing__w_close(w, '}');
    }
    if (q->has_term) {
        PRICING__W_KEY(w, "term");
        pricing__w_open(w, '{');
        write_date(w, "start", &q->term_start);
        write_date(w, "end", &q->term_end);
        PRICING__W_KEY(w, "days");
        pricing__w_u64(w, q->term_days);
        pricing__w_close(w, '}');
    }
    if (q->has_start) {
        PRICING__W_KEY(w, "service");
        pricing__w_open(w, '{');
        write_date(w, "start", &q->start);
        if (q->has_end)
            write_date(w, "end", &q->end);
        pricing__w_close(w, '}');
    }
    pricing__w_close(w, '}');
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
    if (!buf || !q || !q->valid)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_write_json: no quote");
    if (q->totals_only)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_write_json: the quote was "
                                 "computed with totals only");
    pricing__w_start(&w, buf);
    write_quote(&w, q);
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

int pricing_quote_json(pricing_buffer *buf, const pricing_catalog *cat,
                       const char *json, size_t len, pricing_quote *quote,
                       unsigned flags, pricing_error *err)
{
    pricing_error mine;
    pricing_quote *own = NULL;
    pricing__doc doc;
    unsigned flags_saved;
    int rc;

    pricing_error_init(&mine);
    if (!buf || !cat || (!json && len > 0))
        return finish_driver(buf, &mine, err,
                             pricing__error_at(&mine, PRICING_INVALID_ARGUMENT,
                                               "", "pricing_quote_json: NULL "
                                               "argument"),
                             flags);
    if (!quote && (rc = pricing_quote_new(&own, &mine)) != 0)
        return finish_driver(buf, &mine, err, rc, flags);
    if (!quote)
        quote = own;
    rc = pricing__doc_parse(&doc, json ? json : "", len,
                            PRICING_MAX_REQUEST_BYTES, &mine);
    flags_saved = quote->flags; /* the driver writes the lines */
    quote->flags = 0;
    if (rc == 0) {
        rc = pricing__request_read(&quote->scratch, cat, &doc, doc.root, "",
                                   &mine);
        pricing__doc_dispose(&doc);
    }
    if (rc == 0)
        rc = pricing_quote_compute(quote, &quote->scratch, &mine);
    if (rc == 0)
        rc = pricing_quote_write_json(buf, quote, flags, &mine);
    quote->flags = flags_saved;
    pricing_quote_free(own);
    return finish_driver(buf, &mine, err, rc, flags);
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
