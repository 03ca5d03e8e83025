/* SPDX-License-Identifier: MIT */
/* sheet.c - a catalog's price sheet: its rows, as CSV or JSON. */
#include <stdio.h>
#include <string.h>

#include "catalog_write.h"
#include "rule_seller.h"
#include "error.h"
#include "sheet.h"
#include "suggest.h"
#include "writer.h"

const char *const pricing__sheet_columns[PRICING__COL_COUNT] = {
    "spec", "sku",  "plan", "kind",  "attribute",  "rule",
    "tier", "up_to", "size", "round", "unit_price", "flat"};

const char *const pricing__row_kinds[PRICING__ROW_KIND_COUNT] = {
    "fixed", "base", "quantity", "tier", "unavailable"};

/* ---------------------------------------------------------------- rows */

static int charge_rows(pricing__row *row, const pricing__charge *ch,
                       pricing__row_fn fn, void *ctx)
{
    const pricing__spec *spec = row->spec;
    const pricing__attr *at;
    size_t i, t;
    int rc;

    if (ch->fixed || ch->has_base) {
        row->kind = ch->fixed ? PRICING__ROW_FIXED : PRICING__ROW_BASE;
        row->price = &ch->amount;
        if ((rc = fn(ctx, row)) != 0)
            return rc;
    }
    if (ch->fixed)
        return 0;
    PRICING__EACH_QUANTITY(spec, i, at) {
        const pricing__rule *rule = pricing__attr_rule(ch, at);
        row->attr = at;
        row->rule = rule;
        row->kind = pricing__rule_row_kind(rule->kind);
        for (t = 0; t < pricing__rule_parts(rule); t++) {
            pricing__rule_part_row(row, t);
            if ((rc = fn(ctx, row)) != 0)
                return rc;
        }
        row->flat = NULL;
    }
    return 0;
}

int pricing__spec_rows(const pricing__spec *spec, pricing__row_fn fn,
                       void *ctx)
{
    pricing__row row;
    size_t pos;
    int p, rc;

    for (pos = 0; pos < spec->nskus; pos++) {
        const pricing__sku *sku = &spec->skus[pos];
        memset(&row, 0, sizeof row);
        row.spec = spec;
        row.pos = pos;
        row.sku = sku;
        row.plan = -1;
        if (!sku->available) {
            row.kind = PRICING__ROW_UNAVAILABLE;
            if ((rc = fn(ctx, &row)) != 0)
                return rc;
            continue;
        }
        for (p = 0; p < PRICING__PLAN_COUNT; p++) {
            if (!sku->prices[p])
                continue;
            row.plan = p;
            row.attr = NULL;
            row.rule = NULL;
            if ((rc = charge_rows(&row, sku->prices[p], fn, ctx)) != 0)
                return rc;
        }
    }
    return 0;
}

static const char *u64_text(uint64_t v, char *tmp)
{
    char digits[24];
    size_t n = sizeof digits;
    digits[--n] = '\0';
    do {
        digits[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(tmp, digits + n, sizeof digits - n);
    return tmp;
}

const char *pricing__row_key(const pricing__row *row, int col, char *tmp)
{
    int tier = row->kind == PRICING__ROW_TIER;
    switch (col) {
    case PRICING__COL_PLAN:
        return row->plan < 0 ? "" : pricing__plan_name((pricing__plan)row->plan);
    case PRICING__COL_KIND:
        return pricing__row_kinds[row->kind];
    case PRICING__COL_ATTRIBUTE:
        return row->attr ? row->attr->id : "";
    case PRICING__COL_RULE:
        return row->rule ? pricing__rule_name(row->rule->kind) : "";
    case PRICING__COL_TIER:
        return tier ? u64_text(row->tier + 1, tmp) : "";
    case PRICING__COL_UP_TO:
        return tier && row->rule->tiers[row->tier].bounded
                   ? u64_text(row->rule->tiers[row->tier].up_to, tmp)
                   : "";
    case PRICING__COL_SIZE:
    case PRICING__COL_ROUND:
        return row->rule && row->kind == PRICING__ROW_QUANTITY
                   ? pricing__rule_row_key(row, col, tmp)
                   : "";
    default:
        return "";
    }
}

void pricing__sheet_price_column(char name[32], const pricing__peers *p,
                                 size_t c, int flat)
{
    const char *base = pricing__sheet_columns[flat ? PRICING__COL_FLAT
                                                   : PRICING__COL_UNIT_PRICE];
    if (p->ncur < 2)
        snprintf(name, 32, "%s", base);
    else
        snprintf(name, 32, "%s_%s", base, p->cats[c]->currency);
}

/* ---------------------------------------------------------------- CSV */

/* A spreadsheet evaluates a cell that starts with one of these (OWASP,
 * "CSV injection"); a leading ' makes it text, and is not shown. A cell
 * that starts with ' gets one more, so import can drop exactly one. */
static int neutralised(const char *s, size_t n)
{
    return n > 0 && memchr("=+-@\t\r'", s[0], 7) != NULL;
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, its
 * quotes doubled. */
static void csv_field(pricing__w *w, const char *s, size_t n, int first)
{
    size_t i, start = 0;
    int quote = strcspn(s, ",\"\r\n") < n;

    if (!first)
        pricing__w_raw(w, ",", 1);
    if (quote)
        pricing__w_raw(w, "\"", 1);
    if (neutralised(s, n))
        pricing__w_raw(w, "'", 1);
    if (!quote) {
        pricing__w_raw(w, s, n);
        return;
    }
    for (i = 0; i < n; i++)
        if (s[i] == '"') {
            pricing__w_raw(w, s + start, i + 1 - start);
            pricing__w_raw(w, "\"", 1);
            start = i + 1;
        }
    pricing__w_raw(w, s + start, n - start);
    pricing__w_raw(w, "\"", 1);
}

static void csv_cstr(pricing__w *w, const char *s)
{
    csv_field(w, s, strlen(s), 0);
}

typedef struct sheet_out {
    pricing__w *w;
    pricing__cw cw;
    pricing__peers peers; /* contract 1.2: the other currencies' amounts */
    int json;
    int template_;
    pricing_buffer sku;    /* the current SKU's JSON text */
    const pricing__spec *sku_spec;
    size_t sku_pos;
} sheet_out;

/* The SKU's JSON object text, made once per SKU for its many rows. */
static int sku_text(sheet_out *o, const pricing__row *row)
{
    pricing__w w;
    if (o->sku_spec == row->spec && o->sku_pos == row->pos && o->sku.data)
        return 0;
    pricing__w_start(&w, &o->sku);
    pricing__cw_sku_key(&w, row->spec, row->pos);
    if (pricing__w_done(&w) != 0)
        return -1;
    o->sku_spec = row->spec;
    o->sku_pos = row->pos;
    return 0;
}

static void csv_row(sheet_out *o, const pricing__row *row)
{
    char tmp[24];
    size_t c;
    int col;
    csv_field(o->w, row->spec->id, strlen(row->spec->id), 1);
    csv_field(o->w, o->sku.data, o->sku.size, 0);
    for (col = PRICING__COL_PLAN; col <= PRICING__COL_ROUND; col++)
        csv_cstr(o->w, pricing__row_key(row, col, tmp));
    /* A price and a flat column per currency, in the catalog's order. */
    for (c = 0; c < o->peers.ncur; c++) {
        const pricing__amount *price = row->price
            ? pricing__peer(&o->peers, row->price, c) : NULL;
        const pricing__amount *flat = row->flat
            ? pricing__peer(&o->peers, row->flat, c) : NULL;
        csv_cstr(o->w, price && !o->template_
                           ? pricing__cw_text(&o->cw, price) : "");
        csv_cstr(o->w, flat && !o->template_
                           ? pricing__cw_text(&o->cw, flat) : "");
    }
    pricing__w_raw(o->w, "\r\n", 2);
}

/* ---------------------------------------------------------------- JSON */

static void json_key_text(pricing__w *w, const char *key, const char *s)
{
    if (!*s)
        return;
    pricing__w_key(w, key);
    pricing__w_cstr(w, s);
}

static void json_key_number(pricing__w *w, const char *key, const char *s)
{
    if (!*s)
        return;
    pricing__w_key(w, key);
    pricing__w_lit(w, s);
}

/* A price member: the text, or null in a template. */
static void json_price(sheet_out *o, const char *key,
                       const pricing__amount *a)
{
    if (!a)
        return;
    pricing__w_key(o->w, key);
    if (o->template_)
        pricing__w_lit(o->w, "null");
    else
        pricing__cw_amount(&o->cw, a);
}

static void json_row(sheet_out *o, const pricing__row *row)
{
    pricing__w *w = o->w;
    char tmp[24];
    pricing__w_elem(w);
    pricing__w_open(w, '{');
    pricing__w_key(w, "spec");
    pricing__w_cstr(w, row->spec->id);
    pricing__w_key(w, "sku");
    pricing__w_raw(w, o->sku.data, o->sku.size);
    json_key_text(w, "plan", pricing__row_key(row, PRICING__COL_PLAN, tmp));
    json_key_text(w, "kind", pricing__row_key(row, PRICING__COL_KIND, tmp));
    json_key_text(w, "attribute",
                  pricing__row_key(row, PRICING__COL_ATTRIBUTE, tmp));
    json_key_text(w, "rule", pricing__row_key(row, PRICING__COL_RULE, tmp));
    json_key_number(w, "tier", pricing__row_key(row, PRICING__COL_TIER, tmp));
    if (row->kind == PRICING__ROW_TIER) {
        const char *up_to = pricing__row_key(row, PRICING__COL_UP_TO, tmp);
        pricing__w_key(w, "up_to");
        pricing__w_lit(w, *up_to ? up_to : "null");
    }
    json_key_number(w, "size", pricing__row_key(row, PRICING__COL_SIZE, tmp));
    json_key_text(w, "round", pricing__row_key(row, PRICING__COL_ROUND, tmp));
    json_price(o, "unit_price", row->price);
    json_price(o, "flat", row->flat);
    pricing__w_close(w, '}');
}

static int emit_row(void *ctx, const pricing__row *row)
{
    sheet_out *o = ctx;
    if (sku_text(o, row) != 0)
        return -1;
    if (o->json)
        json_row(o, row);
    else
        csv_row(o, row);
    return o->w->failed ? -1 : 0;
}

static void sheet_head(sheet_out *o, const pricing_catalog *cat)
{
    pricing__w *w = o->w;
    int col;
    size_t c;
    if (!o->json) {
        for (col = 0; col < PRICING__COL_UNIT_PRICE; col++)
            csv_field(w, pricing__sheet_columns[col],
                      strlen(pricing__sheet_columns[col]), col == 0);
        for (c = 0; c < o->peers.ncur; c++) {
            char name[32];
            pricing__sheet_price_column(name, &o->peers, c, 0);
            csv_cstr(w, name);
            pricing__sheet_price_column(name, &o->peers, c, 1);
            csv_cstr(w, name);
        }
        pricing__w_raw(w, "\r\n", 2);
        return;
    }
    pricing__w_open(w, '{');
    pricing__w_catalog_ids(w, cat);
    pricing__w_key(w, "currency");
    pricing__w_cstr(w, cat->currency);
    if (o->peers.ncur > 1) { /* prices are amount objects */
        pricing__w_key(w, "currencies");
        pricing__w_open(w, '[');
        for (c = 0; c < o->peers.ncur; c++) {
            pricing__w_elem(w);
            pricing__w_cstr(w, o->peers.cats[c]->currency);
        }
        pricing__w_close(w, ']');
    }
    pricing__w_key(w, "template");
    pricing__w_lit(w, o->template_ ? "true" : "false");
    pricing__w_key(w, "rows");
    pricing__w_open(w, '[');
}

int pricing_catalog_sheet(pricing_buffer *buf, const pricing_catalog *cat,
                          const char *spec_id, unsigned flags,
                          pricing_error *err)
{
    pricing__w w;
    sheet_out o;
    long only = -1;
    size_t i;
    int rc = 0;

    if (!buf || !cat)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_sheet: NULL argument");
    if ((flags & PRICING_SHEET_CSV) && (flags & PRICING_SHEET_JSON))
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_sheet: CSV or JSON, not "
                                 "both");
    if (spec_id && (only = pricing__index_find(&cat->spec_index, spec_id,
                                               strlen(spec_id))) < 0) {
        char msg[PRICING_ERROR_MESSAGE_SIZE];
        pricing__choices c = pricing__choices_specs(cat);
        return pricing__error_at(err, PRICING_UNKNOWN_SPEC, "", "%s",
                                 pricing__hint_message(
                                     msg, spec_id, &c,
                                     "the catalog has no spec '%.64s'",
                                     spec_id));
    }
    if (flags & PRICING_SHEET_HTML)
        return (flags & (PRICING_SHEET_CSV | PRICING_SHEET_JSON |
                         PRICING_SHEET_TEMPLATE))
                   ? pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                       "pricing_catalog_sheet: HTML goes "
                                       "without CSV, JSON or a template")
                   : pricing__sheet_html(buf, cat, only, err);
    memset(&o, 0, sizeof o);
    if (cat->hv)
        cat = cat->hv->cats[0]; /* the version, in its default currency */
    if (pricing__peers_init(&o.peers, cat) != 0)
        return pricing__nomem(err);
    o.w = &w;
    o.cw.w = &w;
    o.cw.peers = &o.peers;
    o.json = (flags & PRICING_SHEET_JSON) != 0;
    o.template_ = (flags & PRICING_SHEET_TEMPLATE) != 0;
    pricing__w_start(&w, buf);
    sheet_head(&o, cat);
    for (i = 0; i < cat->nspecs && rc == 0; i++)
        if (only < 0 || (size_t)only == i)
            rc = pricing__spec_rows(&cat->specs[i], emit_row, &o);
    if (o.json) {
        pricing__w_close(&w, ']');
        pricing__w_close(&w, '}');
    }
    pricing_buffer_dispose(&o.sku);
    pricing__peers_dispose(&o.peers);
    if (rc != 0)
        w.failed = 1;
    if (pricing__w_done(&w) != 0 ||
        (o.json && (flags & PRICING_JSON_PRETTY) && pricing__w_pretty(buf) != 0))
        return pricing__nomem(err);
    return 0;
}
