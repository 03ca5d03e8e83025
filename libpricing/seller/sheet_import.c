/* SPDX-License-Identifier: MIT */
/* sheet_import.c - a filled-in price sheet into a catalog.
 *
 * The catalog gives the structure (specs, SKUs, plans, rules, tiers); the
 * sheet gives the amounts. Each data row is matched to the catalog by
 * its key cells, its price cells are checked against the amount grammar,
 * and the catalog is written again with the new texts in place. Bad
 * cells are collected (up to MAX_ERRORS, one key error per row) so a
 * seller sees them all at once. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_write.h"
#include "csv.h"
#include "decimal.h"
#include "json_read.h"
#include "memory.h"
#include "names.h"
#include "rule_seller.h"
#include "sheet.h"
#include "suggest.h"

#define MAX_ERRORS 100

/* A filled-in amount: the catalog's amount (or an unavailable SKU) and
 * the sheet's text. */
typedef struct slot {
    const void *key;
    size_t text; /* offset into the pool */
    size_t row;
} slot;

typedef struct importer {
    const pricing_catalog *cat;
    pricing__csv csv;
    int field[PRICING__COL_COUNT]; /* each column's field index */
    const char **names;            /* each field's column name */
    /* Contract 1.2: with several currencies, a price and a flat column
     * per currency ("unit_price_USD", "flat_USD"): pfield[2 c + flat]. */
    pricing__peers peers;
    int *pfield;
    char (*pnames)[32];
    size_t ncols;                  /* fields in the header */
    slot *slots;
    size_t mask, used;
    pricing_buffer pool;           /* cell texts, NUL-terminated */
    unsigned char *touched;        /* per spec: the sheet has a row of it */
    pricing_error *errors;
    size_t nerrors;
    pricing_error first;
    int fatal;                     /* stop reading: syntax, memory */
} importer;

/* ---------------------------------------------------------------- errors */

/* Records error e; reading stops after memory ran out or at MAX_ERRORS. */
static void keep(importer *im, const pricing_error *e)
{
    if (e->code == PRICING_OUT_OF_MEMORY)
        im->fatal = 1;
    if (im->nerrors == 0)
        im->first = *e;
    if (im->errors && im->nerrors < MAX_ERRORS)
        im->errors[im->nerrors] = *e;
    if (++im->nerrors >= MAX_ERRORS)
        im->fatal = 1;
}

/* A bad cell of the current row, in column col: kept; returns -1. */
static int cell_error(importer *im, pricing_code code, int col,
                      const char *fmt, ...) PRICING_PRINTF(4, 5);

static int cell_error(importer *im, pricing_code code, int col,
                      const char *fmt, ...)
{
    pricing_error e;
    va_list ap;
    pricing_error_init(&e);
    va_start(ap, fmt);
    pricing__csv_verror(&im->csv, &e, code, (size_t)im->field[col], fmt, ap);
    va_end(ap);
    keep(im, &e);
    return -1;
}

/* Out of memory in the middle of a row: kept; returns -1. */
static int nomem(importer *im)
{
    pricing_error e;
    pricing_error_init(&e);
    pricing__nomem(&e);
    keep(im, &e);
    return -1;
}

/* ---------------------------------------------------------------- slots */

static size_t slot_hash(const void *key, size_t mask)
{
    return (size_t)(((uintptr_t)key >> 3) * 0x9E3779B97F4A7C15ull) & mask;
}

static slot *slot_find(const importer *im, const void *key)
{
    size_t i;
    if (!im->slots)
        return NULL;
    for (i = slot_hash(key, im->mask); im->slots[i].key; i = (i + 1) & im->mask)
        if (im->slots[i].key == key)
            return &im->slots[i];
    return NULL;
}

static int slot_grow(importer *im)
{
    size_t cap = im->slots ? 2 * (im->mask + 1) : 64, i;
    slot *old = im->slots, *s;
    size_t old_cap = im->slots ? im->mask + 1 : 0;
    if (!(s = calloc(cap, sizeof *s)))
        return -1;
    im->slots = s;
    im->mask = cap - 1;
    for (i = 0; i < old_cap; i++)
        if (old[i].key) {
            size_t j = slot_hash(old[i].key, im->mask);
            while (s[j].key)
                j = (j + 1) & im->mask;
            s[j] = old[i];
        }
    free(old);
    return 0;
}

/* Stores text for key; -1 out of memory. */
static int slot_put(importer *im, const void *key, const char *text)
{
    size_t i, n = strlen(text) + 1;
    if ((im->used + 1) * 2 > (im->slots ? im->mask + 1 : 0) &&
        slot_grow(im) != 0)
        return -1;
    if (pricing__buffer_reserve(&im->pool, n) != 0)
        return -1;
    for (i = slot_hash(key, im->mask); im->slots[i].key; i = (i + 1) & im->mask)
        ;
    im->slots[i].key = key;
    im->slots[i].text = im->pool.size;
    im->slots[i].row = im->csv.record;
    memcpy(im->pool.data + im->pool.size, text, n);
    im->pool.size += n;
    im->used++;
    return 0;
}

static const char *override_text(void *ctx, const pricing__amount *a)
{
    const importer *im = ctx;
    const slot *s = slot_find(im, a);
    return s ? im->pool.data + s->text : NULL;
}

/* ---------------------------------------------------------------- header */

static int read_header(importer *im, pricing_error *err)
{
    pricing__csv *c = &im->csv;
    size_t i;
    int col, rc = pricing__csv_next(c, err);

    if (rc < 0)
        return rc;
    if (rc == 0 || pricing__csv_blank(c))
        return pricing__error_at(err, PRICING_MISSING_FIELD, "/row/1",
                                 "the header row is missing: %s,%s,...",
                                 pricing__sheet_columns[0],
                                 pricing__sheet_columns[1]);
    for (col = 0; col < PRICING__COL_COUNT; col++)
        im->field[col] = -1;
    c->names = c->fields; /* errors name the header's own text */
    c->nnames = c->nfields;
    if (c->nfields > PRICING__COL_COUNT + 2 * im->peers.ncur)
        return pricing__csv_error(c, err, PRICING_UNKNOWN_FIELD,
                                  PRICING__COL_COUNT + 2 * im->peers.ncur,
                                  "more columns than a sheet has");
    for (i = 0; i < c->nfields; i++) {
        for (col = 0; col < PRICING__COL_COUNT; col++)
            if (strcmp(c->fields[i], pricing__sheet_columns[col]) == 0)
                break;
        if (im->peers.ncur > 1 &&
            (col == PRICING__COL_UNIT_PRICE || col == PRICING__COL_FLAT))
            col = PRICING__COL_COUNT; /* named per currency instead */
        if (col == PRICING__COL_COUNT && im->peers.ncur > 1) {
            size_t k;
            for (k = 0; k < 2 * im->peers.ncur; k++)
                if (strcmp(c->fields[i], im->pnames[k]) == 0)
                    break;
            if (k < 2 * im->peers.ncur && im->pfield[k] >= 0)
                return pricing__csv_error(c, err, PRICING_DUPLICATE_KEY, i,
                                          "the column %s appears twice",
                                          im->pnames[k]);
            if (k < 2 * im->peers.ncur) {
                im->pfield[k] = (int)i;
                im->names[i] = im->pnames[k];
                continue;
            }
        }
        if (col == PRICING__COL_COUNT) {
            char msg[PRICING_ERROR_MESSAGE_SIZE];
            pricing__choices ch;
            memset(&ch, 0, sizeof ch);
            ch.label = "columns";
            ch.names = pricing__sheet_columns;
            ch.n = PRICING__COL_COUNT;
            return pricing__csv_error(c, err, PRICING_UNKNOWN_FIELD, i, "%s",
                                      pricing__hint_message(
                                          msg, c->fields[i], &ch,
                                          "unknown column '%.64s'",
                                          c->fields[i]));
        }
        if (im->field[col] >= 0)
            return pricing__csv_error(c, err, PRICING_DUPLICATE_KEY, i,
                                      "the column %s appears twice",
                                      pricing__sheet_columns[col]);
        im->field[col] = (int)i;
        im->names[i] = pricing__sheet_columns[col];
    }
    for (i = 0; i < 2 * im->peers.ncur && im->peers.ncur > 1; i++)
        if (im->pfield[i] < 0) {
            char path[64];
            snprintf(path, sizeof path, "/row/1/column/%s", im->pnames[i]);
            return pricing__error_at(err, PRICING_MISSING_FIELD, path,
                                     "the header has no column %s",
                                     im->pnames[i]);
        }
    for (col = 0; col < PRICING__COL_COUNT; col++)
        if (im->field[col] < 0 &&
            !(im->peers.ncur > 1 && (col == PRICING__COL_UNIT_PRICE ||
                                     col == PRICING__COL_FLAT))) {
            char path[64];
            snprintf(path, sizeof path, "/row/1/column/%s",
                     pricing__sheet_columns[col]);
            return pricing__error_at(err, PRICING_MISSING_FIELD, path,
                                     "the header has no column %s",
                                     pricing__sheet_columns[col]);
        }
    im->ncols = c->nfields;
    c->names = im->names;
    c->nnames = c->nfields;
    return 0;
}

/* ---------------------------------------------------------------- rows */

/* A cell's text, without the one leading ' that pricing sheet adds to
 * keep a spreadsheet from evaluating it (docs/seller-tools.md). */
static const char *cell(const importer *im, int col)
{
    const char *s = im->csv.fields[im->field[col]];
    return s[0] == '\'' ? s + 1 : s;
}

/* The SKU cell: a JSON object of the spec's enum values. */
static int parse_sku(importer *im, const pricing__spec *spec, size_t *pos)
{
    const char *text = cell(im, PRICING__COL_SKU);
    pricing_error perr;
    pricing__view_stack vs;
    pricing__view *view = pricing__view_stack_init(&vs);
    pricing__doc doc;
    const cJSON *m;
    char msg[PRICING_ERROR_MESSAGE_SIZE];
    pricing__choices ch;
    size_t i, nenum = 0, found = 0;
    int bad = 0;

    pricing_error_init(&perr);
    if (pricing__doc_view(&doc, view, text, strlen(text),
                          PRICING_MAX_REQUEST_BYTES, &perr) != 0) {
        if (perr.code == PRICING_OUT_OF_MEMORY)
            return nomem(im);
        return cell_error(im, PRICING_INVALID_VALUE, PRICING__COL_SKU,
                          "not a JSON object of enum values, e.g. "
                          "{\"edition\":\"pro\"}: %s", perr.message);
    }
    if (!cJSON_IsObject(doc.root)) {
        pricing__doc_dispose(&doc);
        return cell_error(im, PRICING_INVALID_VALUE, PRICING__COL_SKU,
                          "not a JSON object of enum values, e.g. "
                          "{\"edition\":\"pro\"}");
    }
    *pos = 0;
    for (i = 0; i < spec->nattrs && !bad; i++) {
        const pricing__attr *at = &spec->attrs[i];
        long v;
        if (!at->is_enum)
            continue;
        nenum++;
        m = cJSON_GetObjectItemCaseSensitive(doc.root, at->id);
        if (!m)
            bad = cell_error(im, PRICING_MISSING_ATTRIBUTE, PRICING__COL_SKU,
                             "no value for %.64s", at->id);
        else if (!cJSON_IsString(m))
            bad = cell_error(im, PRICING_UNKNOWN_VALUE, PRICING__COL_SKU,
                             "the value of %.64s is not a string", at->id);
        else if ((v = pricing__index_find(&at->value_index, m->valuestring,
                                          strlen(m->valuestring))) < 0) {
            ch = pricing__choices_values(at);
            bad = cell_error(im, PRICING_UNKNOWN_VALUE, PRICING__COL_SKU,
                             "%s",
                             pricing__hint_message(
                                 msg, m->valuestring, &ch,
                                 "'%.64s' is not a value of %.64s",
                                 m->valuestring, at->id));
        } else {
            *pos += (size_t)v * at->radix;
            found++;
        }
    }
    for (m = doc.root->child; m && !bad && found == nenum; m = m->next) {
        long a = pricing__index_find(&spec->attr_index, m->string,
                                     strlen(m->string));
        if (a < 0 || !spec->attrs[a].is_enum) {
            ch = pricing__choices_attrs(spec, PRICING__ATTRS_ENUM);
            bad = cell_error(im, PRICING_UNKNOWN_ATTRIBUTE, PRICING__COL_SKU,
                             "%s",
                             pricing__hint_message(
                                 msg, m->string, &ch,
                                 "'%.64s' is not an enum attribute of %.64s",
                                 m->string, spec->id));
        }
    }
    pricing__doc_dispose(&doc);
    return bad;
}

/* Finds the catalog row the key cells name (after spec and SKU). */
static int locate(importer *im, pricing__row *row)
{
    const pricing__spec *spec = row->spec;
    const pricing__charge *ch;
    const char *kind = cell(im, PRICING__COL_KIND), *attr, *tier;
    int k, plan = pricing__plan_lookup(cell(im, PRICING__COL_PLAN));
    long a;
    char msg[PRICING_ERROR_MESSAGE_SIZE];
    pricing__choices hint;
    unsigned priced = 0;

    k = pricing__lookup(pricing__row_kinds, PRICING__ROW_KIND_COUNT, kind);
    if (k < 0)
        return cell_error(im, PRICING_INVALID_VALUE, PRICING__COL_KIND,
                          "kind is fixed, base, quantity, tier or "
                          "unavailable");
    row->kind = (pricing__row_kind)k;
    if (!row->sku->available || k == PRICING__ROW_UNAVAILABLE) {
        if (row->sku->available || k != PRICING__ROW_UNAVAILABLE)
            return cell_error(im, PRICING_INVALID_VALUE, PRICING__COL_KIND,
                              "the SKU is %savailable in the catalog",
                              row->sku->available ? "" : "un");
        return 0;
    }
    if (plan < 0 || !row->sku->prices[plan]) {
        for (k = 0; k < PRICING__PLAN_COUNT; k++)
            priced |= row->sku->prices[k] ? 1u << k : 0u;
        hint = pricing__choices_plans(&priced);
        return cell_error(im, PRICING_PLAN_NOT_OFFERED, PRICING__COL_PLAN,
                          "%s",
                          pricing__hint_message(
                              msg, cell(im, PRICING__COL_PLAN), &hint,
                              "the SKU has no price for plan '%.64s'",
                              cell(im, PRICING__COL_PLAN)));
    }
    row->plan = plan;
    ch = row->sku->prices[plan];
    if (k == PRICING__ROW_FIXED || k == PRICING__ROW_BASE) {
        if (k == PRICING__ROW_FIXED ? !ch->fixed : (ch->fixed || !ch->has_base))
            return cell_error(im, PRICING_INVALID_VALUE, PRICING__COL_KIND,
                              "the catalog's charge has no %s price", kind);
        row->price = &ch->amount;
        return 0;
    }
    attr = cell(im, PRICING__COL_ATTRIBUTE);
    a = pricing__index_find(&spec->attr_index, attr, strlen(attr));
    if (a < 0 || spec->attrs[a].is_enum) {
        hint = pricing__choices_attrs(spec, PRICING__ATTRS_QUANTITY);
        return cell_error(im, PRICING_UNKNOWN_ATTRIBUTE,
                          PRICING__COL_ATTRIBUTE, "%s",
                          pricing__hint_message(
                              msg, attr, &hint, "%.64s has no quantity "
                              "attribute '%.64s'", spec->id, attr));
    }
    if (ch->fixed)
        return cell_error(im, PRICING_INVALID_VALUE, PRICING__COL_KIND,
                          "the catalog's charge is a fixed price");
    row->attr = &spec->attrs[a];
    row->rule = &ch->rules[row->attr->qord];
    if ((pricing__row_kind)k != pricing__rule_row_kind(row->rule->kind))
        return cell_error(im, PRICING_INVALID_VALUE, PRICING__COL_KIND,
                          "%.64s is priced by a %s rule in the catalog",
                          attr, pricing__rule_name(row->rule->kind));
    if (k == PRICING__ROW_QUANTITY) {
        pricing__rule_part_row(row, 0);
        return 0;
    }
    tier = cell(im, PRICING__COL_TIER);
    for (row->tier = 0; *tier >= '0' && *tier <= '9' && row->tier <= PRICING_MAX_TIERS; tier++)
        row->tier = row->tier * 10 + (size_t)(*tier - '0');
    if (*tier || row->tier < 1 || row->tier > pricing__rule_parts(row->rule))
        return cell_error(im, PRICING_INVALID_VALUE, PRICING__COL_TIER,
                          "tier is from 1 to %zu",
                          pricing__rule_parts(row->rule));
    pricing__rule_part_row(row, row->tier - 1);
    return 0;
}

/* Every other key cell says what the catalog says: a sheet sets prices,
 * not structure. */
static int check_keys(importer *im, const pricing__row *row)
{
    char tmp[24];
    int col;
    for (col = PRICING__COL_PLAN; col <= PRICING__COL_ROUND; col++) {
        const char *want = pricing__row_key(row, col, tmp);
        if (strcmp(cell(im, col), want) != 0)
            return cell_error(im, PRICING_INVALID_VALUE, col,
                              *want ? "the catalog has %.64s here (a sheet "
                                      "sets prices, not structure)"
                                    : "must be empty on this row%.0s",
                              want);
    }
    return 0;
}

/* An amount cell; "" is allowed (and stands for def) when def is set. */
static int check_amount(importer *im, int col, const char *def,
                        const char **text)
{
    const char *s = cell(im, col);
    unsigned frac;
    int rc;
    *text = s;
    if (!*s && def) {
        *text = def;
        return 0;
    }
    if (!*s)
        return cell_error(im, PRICING_INVALID_AMOUNT, col, "no price");
    rc = pricing__decimal_check(s, strlen(s), &frac);
    if (rc == PRICING__DEC_DIGITS)
        return cell_error(im, PRICING_LIMIT_EXCEEDED, col,
                          "more than %d digits before or after the point",
                          PRICING_MAX_AMOUNT_INT_DIGITS);
    if (rc != PRICING__DEC_OK)
        return cell_error(im, PRICING_INVALID_AMOUNT, col,
                          "\"%.64s\" is not an amount (digits, optionally "
                          "a point and more digits: \"19.90\")", s);
    return 0;
}

/* The price cells of one currency: price and flat are the amounts of
 * that currency (first: the default, whose price keys the row). */
static int store_one(importer *im, const pricing__row *row,
                     const pricing__amount *pamount,
                     const pricing__amount *famount, int first)
{
    const char *price = "", *flat = "";
    const slot *dup;
    int bad = 0;

    if (row->price)
        bad |= check_amount(im, PRICING__COL_UNIT_PRICE, NULL, &price);
    else if (*cell(im, PRICING__COL_UNIT_PRICE))
        bad |= cell_error(im, PRICING_INVALID_VALUE, PRICING__COL_UNIT_PRICE,
                          "an unavailable SKU has no price");
    if (row->flat)
        bad |= check_amount(im, PRICING__COL_FLAT, "0", &flat);
    else if (*cell(im, PRICING__COL_FLAT))
        bad |= cell_error(im, PRICING_INVALID_VALUE, PRICING__COL_FLAT,
                          "only tier rows have a flat fee");
    if (bad)
        return -1;
    /* An unavailable SKU's row is keyed by the SKU itself. */
    dup = first ? slot_find(im, row->price ? (const void *)row->price
                                           : (const void *)row->sku)
                : NULL;
    if (dup)
        return cell_error(im, PRICING_SKU_DUPLICATE,
                          row->price ? PRICING__COL_UNIT_PRICE
                                     : PRICING__COL_KIND,
                          "this row repeats row %zu", dup->row);
    if (!first && !row->price)
        return 0;
    if (slot_put(im, row->price ? (const void *)pamount
                                : (const void *)row->sku, price) != 0 ||
        (row->flat && slot_put(im, famount, flat) != 0))
        return nomem(im);
    return 0;
}

static int store_prices(importer *im, const pricing__row *row)
{
    size_t c;
    int bad = 0;
    if (im->peers.ncur < 2)
        return store_one(im, row, row->price, row->flat, 1);
    for (c = 0; c < im->peers.ncur; c++) {
        im->field[PRICING__COL_UNIT_PRICE] = im->pfield[2 * c];
        im->field[PRICING__COL_FLAT] = im->pfield[2 * c + 1];
        bad |= store_one(im, row,
                         row->price ? pricing__peer(&im->peers, row->price, c)
                                    : NULL,
                         row->flat ? pricing__peer(&im->peers, row->flat, c)
                                   : NULL,
                         c == 0);
    }
    return bad ? -1 : 0;
}

static int read_row(importer *im)
{
    const pricing_catalog *cat = im->cat;
    pricing__csv *c = &im->csv;
    pricing__row row;
    const char *spec_id;
    long s;

    if (c->nfields != im->ncols) {
        /* At the first extra field, or where the first missing one goes. */
        pricing_error e;
        size_t at = c->nfields > im->ncols ? im->ncols : c->nfields;
        pricing_error_init(&e);
        pricing__csv_error(c, &e, c->nfields > im->ncols
                                      ? PRICING_INVALID_VALUE
                                      : PRICING_MISSING_FIELD,
                           at, "the row has %zu fields, the header %zu",
                           c->nfields, im->ncols);
        keep(im, &e);
        return -1;
    }
    memset(&row, 0, sizeof row);
    row.plan = -1;
    spec_id = cell(im, PRICING__COL_SPEC);
    if ((s = pricing__index_find(&cat->spec_index, spec_id,
                                 strlen(spec_id))) < 0)
    {
        char msg[PRICING_ERROR_MESSAGE_SIZE];
        pricing__choices ch = pricing__choices_specs(cat);
        return cell_error(im, PRICING_UNKNOWN_SPEC, PRICING__COL_SPEC, "%s",
                          pricing__hint_message(
                              msg, spec_id, &ch,
                              "the catalog has no spec '%.64s'", spec_id));
    }
    row.spec = &cat->specs[s];
    im->touched[s] = 1;
    if (parse_sku(im, row.spec, &row.pos) != 0)
        return -1;
    row.sku = &row.spec->skus[row.pos];
    if (locate(im, &row) != 0 || check_keys(im, &row) != 0)
        return -1;
    return store_prices(im, &row);
}

/* ---------------------------------------------------------------- coverage */

typedef struct coverage {
    importer *im;
    pricing_error *err;
} coverage;

static int row_present(void *ctx, const pricing__row *row)
{
    coverage *cv = ctx;
    pricing_buffer sku = PRICING_BUFFER_INIT;
    pricing__w w;
    char tmp[24];
    int rc;

    if (slot_find(cv->im, row->price ? (const void *)row->price
                                     : (const void *)row->sku))
        return 0;
    pricing__w_start(&w, &sku);
    pricing__cw_sku_key(&w, row->spec, row->pos);
    if (pricing__w_done(&w) != 0)
        return pricing__nomem(cv->err);
    rc = pricing__error_at(cv->err, PRICING_MISSING_FIELD, "",
                           "no row for spec \"%.64s\", sku %.64s%s%s, kind "
                           "%s%s%.64s%s%s",
                           row->spec->id, sku.data,
                           row->plan >= 0 ? ", plan " : "",
                           pricing__row_key(row, PRICING__COL_PLAN, tmp),
                           pricing__row_kinds[row->kind],
                           row->attr ? ", attribute " : "",
                           row->attr ? row->attr->id : "",
                           row->kind == PRICING__ROW_TIER ? ", tier " : "",
                           row->kind == PRICING__ROW_TIER
                               ? pricing__row_key(row, PRICING__COL_TIER, tmp)
                               : "");
    pricing_buffer_dispose(&sku);
    return rc;
}

/* A spec the sheet covers at all is covered entirely; specs it leaves
 * out keep their prices (a sheet of one spec is a valid import). */
static int check_coverage(importer *im, pricing_error *err)
{
    coverage cv;
    size_t i;
    int rc;
    cv.im = im;
    cv.err = err;
    for (i = 0; i < im->cat->nspecs; i++)
        if (im->touched[i] &&
            (rc = pricing__spec_rows(&im->cat->specs[i], row_present, &cv)) != 0)
            return rc;
    return 0;
}

/* ---------------------------------------------------------------- output */

static int write_catalog(importer *im, pricing_buffer *buf, unsigned flags,
                         pricing_error *err)
{
    pricing__override ov;
    pricing__cw cw;
    pricing__w w;
    pricing_catalog *check = NULL;
    int rc;

    ov.text = override_text;
    ov.ctx = im;
    cw.w = &w;
    cw.ov = &ov;
    cw.peers = NULL;
    pricing__w_start(&w, buf);
    pricing__cw_catalog(&cw, im->cat);
    if (pricing__w_done(&w) != 0)
        return pricing__nomem(err);
    /* Validated as any catalog: the cells passed the amount grammar, and
     * this catches whatever else the loader would refuse. */
    rc = pricing_catalog_load(&check, buf->data, buf->size, err);
    pricing_catalog_free(check);
    if (rc == 0 && (flags & PRICING_JSON_PRETTY) && pricing__w_pretty(buf) != 0)
        rc = pricing__nomem(err);
    return rc;
}

/* Every bad cell: {"error": the first, "errors": [all of them]}. */
static int write_errors(importer *im, pricing_buffer *buf, unsigned flags)
{
    pricing__w w;
    size_t i, n = im->nerrors < MAX_ERRORS ? im->nerrors : MAX_ERRORS;

    pricing__w_start(&w, buf);
    pricing__w_lit(&w, "{\"error\":");
    pricing__w_error(&w, &im->first, NULL, 0);
    pricing__w_key(&w, "errors");
    pricing__w_open(&w, '[');
    for (i = 0; i < n && im->errors; i++) {
        pricing__w_elem(&w);
        pricing__w_error(&w, &im->errors[i], NULL, 0);
    }
    pricing__w_close(&w, ']');
    pricing__w_close(&w, '}');
    if (pricing__w_done(&w) != 0 ||
        ((flags & PRICING_JSON_PRETTY) && pricing__w_pretty(buf) != 0))
        return -1;
    return 0;
}

/* Reads the sheet; every failure goes to im's error list. */
static void import(importer *im, pricing_buffer *buf, unsigned flags)
{
    pricing_error e;
    int rc;

    pricing_error_init(&e);
    if ((rc = read_header(im, &e)) != 0) {
        keep(im, &e);
        return;
    }
    while (!im->fatal && (rc = pricing__csv_next(&im->csv, &e)) != 0) {
        if (rc < 0) { /* a syntax error: the rest cannot be read */
            keep(im, &e);
            return;
        }
        if (!pricing__csv_blank(&im->csv))
            (void)read_row(im);
    }
    if (im->nerrors == 0 && (rc = check_coverage(im, &e)) != 0)
        keep(im, &e);
    if (im->nerrors == 0 && (rc = write_catalog(im, buf, flags, &e)) != 0)
        keep(im, &e);
}

/* The names of the price columns and room for every field's name. */
static int price_columns(importer *im)
{
    size_t k;
    if (pricing__peers_init(&im->peers, im->cat) != 0)
        return -1;
    im->names = calloc(PRICING__COL_COUNT + 2 * im->peers.ncur,
                       sizeof *im->names);
    im->pfield = malloc(2 * im->peers.ncur * sizeof *im->pfield);
    im->pnames = malloc(2 * im->peers.ncur * sizeof *im->pnames);
    if (!im->names || !im->pfield || !im->pnames)
        return -1;
    for (k = 0; k < 2 * im->peers.ncur; k++) {
        im->pfield[k] = -1;
        pricing__sheet_price_column(im->pnames[k], &im->peers, k / 2,
                                    (int)(k % 2));
    }
    return 0;
}

int pricing_catalog_import_sheet(pricing_buffer *buf,
                                 const pricing_catalog *cat, const char *csv,
                                 size_t len, unsigned flags,
                                 pricing_error *err)
{
    importer im;
    int rc;

    if (!buf || !cat || (!csv && len > 0))
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_import_sheet: NULL "
                                 "argument");
    memset(&im, 0, sizeof im);
    im.cat = cat->hv ? cat->hv->cats[0] : cat;
    pricing__csv_init(&im.csv, csv ? csv : "", len);
    im.touched = calloc(cat->nspecs, 1);
    im.errors = malloc(MAX_ERRORS * sizeof *im.errors);
    pricing_error_init(&im.first);
    if (!im.touched || !im.errors || price_columns(&im) != 0) {
        rc = pricing__nomem(err);
    } else {
        import(&im, buf, flags);
        rc = im.nerrors ? -(int)im.first.code : 0;
    }
    if (im.nerrors) {
        if (err && err->code == PRICING_OK)
            *err = im.first;
        if (write_errors(&im, buf, flags) != 0) {
            buf->size = 0;
            if (buf->data)
                buf->data[0] = '\0';
        }
    }
    pricing__csv_dispose(&im.csv);
    pricing__peers_dispose(&im.peers);
    free(im.pfield);
    free(im.pnames);
    free(im.names);
    free(im.slots);
    free(im.touched);
    free(im.errors);
    pricing_buffer_dispose(&im.pool);
    return rc;
}
