/* SPDX-License-Identifier: MIT */
/* catalog_write.h - a loaded catalog back to JSON (private).
 *
 * The canonical form: every member the model holds, amounts as the
 * catalog wrote them (or as an override gives them), keys and list items
 * in a fixed order. Loading this output and writing it again gives the
 * same bytes, which is what makes a sheet export -> import -> export
 * round trip exact. The diff writes its old and new values with the same
 * functions, so they read like the catalog itself. */
#ifndef PRICING_CATALOG_WRITE_H
#define PRICING_CATALOG_WRITE_H

#include "catalog_head.h"
#include "model.h"
#include "peers.h"
#include "writer.h"

/* Replaces amount texts while writing (a filled-in sheet); text() returns
 * NULL to keep the catalog's own. */
typedef struct pricing__override {
    const char *(*text)(void *ctx, const pricing__amount *a);
    void *ctx;
} pricing__override;

typedef struct pricing__cw {
    pricing__w *w;
    const pricing__override *ov; /* NULL: none */
    /* Contract 1.2: with more than one currency, amounts are written as
     * amount objects of their peers (set by pricing__cw_catalog). */
    const pricing__peers *peers; /* NULL: plain amounts */
} pricing__cw;

/* The catalog; a version of a history writes the whole history, the
 * override (if any) replacing that version's amounts only. */
void pricing__cw_catalog(pricing__cw *cw, const pricing_catalog *cat);

void pricing__cw_spec(pricing__cw *cw, const pricing__spec *spec);

/* The spec's settings, by name, for the diff: "name", "billing",
 * "template", "plans", "counts", "trial_days", "attributes",
 * "discounts" (NULL-terminated). A member the spec lacks is "null". */
extern const char *const pricing__cw_spec_members[];
void pricing__cw_spec_member(pricing__cw *cw, const pricing__spec *spec,
                             size_t member);

/* An SKU's enum values at table position pos: {"edition":"pro"}. */
void pricing__cw_sku_key(pricing__w *w, const pricing__spec *spec,
                         size_t pos);
/* The rest of its entry: {"prices":{...}} or {"available":false}. */
void pricing__cw_sku_value(pricing__cw *cw, const pricing__spec *spec,
                           const pricing__sku *sku);
void pricing__cw_charge(pricing__cw *cw, const pricing__spec *spec,
                        const pricing__charge *ch);
void pricing__cw_amount(pricing__cw *cw, const pricing__amount *a);

/* The text an amount is written with (override or as loaded). */
const char *pricing__cw_text(const pricing__cw *cw, const pricing__amount *a);
/* 1 when a (and each of its peers) is written "0": a flat fee not
 * written. */
int pricing__cw_zero_everywhere(const pricing__cw *cw,
                                const pricing__amount *a);

/* 1 when two amount texts name the same value ("19.9" and "019.90"). */
int pricing__amount_text_equal(const char *a, const char *b);

#endif
