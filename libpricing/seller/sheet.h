/* SPDX-License-Identifier: MIT */
/* sheet.h - the rows of a price sheet (private).
 *
 * A sheet lists every price of a catalog, one row per amount a seller
 * sets: the fixed price of a plan, its base, each linear or package rule,
 * each tier (unit price and flat fee), plus one row per unavailable SKU.
 * Export, template and import all walk the rows in this one order. */
#ifndef PRICING_SHEET_H
#define PRICING_SHEET_H

#include "model.h"
#include "peers.h"

typedef enum pricing__row_kind {
    PRICING__ROW_FIXED,
    PRICING__ROW_BASE,
    PRICING__ROW_QUANTITY, /* linear and package rules */
    PRICING__ROW_TIER,
    PRICING__ROW_UNAVAILABLE,
    PRICING__ROW_KIND_COUNT
} pricing__row_kind;

typedef struct pricing__row {
    const pricing__spec *spec;
    size_t pos;               /* the SKU's table position */
    const pricing__sku *sku;
    int plan;                 /* a pricing__plan; -1 on unavailable rows */
    pricing__row_kind kind;
    const pricing__attr *attr; /* quantity and tier rows */
    const pricing__rule *rule;
    size_t tier;                  /* tier rows: 0-based */
    const pricing__amount *price; /* unit_price; NULL when unavailable */
    const pricing__amount *flat;  /* tier rows */
} pricing__row;

/* The columns, in their stable order. */
enum {
    PRICING__COL_SPEC,
    PRICING__COL_SKU,
    PRICING__COL_PLAN,
    PRICING__COL_KIND,
    PRICING__COL_ATTRIBUTE,
    PRICING__COL_RULE,
    PRICING__COL_TIER,
    PRICING__COL_UP_TO,
    PRICING__COL_SIZE,
    PRICING__COL_ROUND,
    PRICING__COL_UNIT_PRICE,
    PRICING__COL_FLAT,
    PRICING__COL_COUNT
};
extern const char *const pricing__sheet_columns[PRICING__COL_COUNT];
extern const char *const pricing__row_kinds[PRICING__ROW_KIND_COUNT];

/* Calls fn for each row of spec in sheet order; a non-zero return stops
 * the walk and is returned. */
typedef int (*pricing__row_fn)(void *ctx, const pricing__row *row);
int pricing__spec_rows(const pricing__spec *spec, pricing__row_fn fn,
                       void *ctx);

/* The text of a key column of row (plan .. round; not spec, sku or the
 * prices): "" where it does not apply. tmp holds numbers (24 bytes). */
const char *pricing__row_key(const pricing__row *row, int col, char *tmp);

/* The name of a price column: "unit_price" and "flat", or with several
 * currencies "unit_price_USD" and "flat_USD" for currency c. */
void pricing__sheet_price_column(char name[32], const pricing__peers *p,
                                 size_t c, int flat);

/* The sheet as an HTML page (sheet_html.c): spec index only, or every
 * spec when only is -1. */
int pricing__sheet_html(pricing_buffer *buf, const pricing_catalog *cat,
                        long only, pricing_error *err);

#endif
