/* SPDX-License-Identifier: MIT */
/* rule.h - the quantity rules, one table entry per kind (private).
 *
 * Everything the core does differently per rule kind is here, each a
 * switch over pricing__rule_kind without a default, so -Wswitch-enum
 * names every place a new kind must be handled: its name, how it loads,
 * the lines it prices, its totals-only path, how a scale-out prices it
 * and the prices it lists to introspection. The seller tools keep their
 * per-kind code (catalog writer, sheet rows, diff) in
 * seller/rule_seller.c under the same rule. */
#ifndef PRICING_RULE_H
#define PRICING_RULE_H

#include "catalog_parse.h"
#include "model.h"
#include "quote.h"
#include "writer.h"

/* The kind's name in catalogs and quotes ("linear", ...). */
const char *pricing__rule_name(pricing__rule_kind kind);

/* The kind named name (len bytes), or -1. */
int pricing__rule_lookup(const char *name, size_t len);

/* Reads a rule object {"<kind>": ...} of attr into rule (path: the
 * rule). Returns 0 or -code. */
int pricing__rule_load(pricing__load *ld, const pricing__attr *attr,
                       const cJSON *node, pricing__rule *rule);

/* Appends the lines of rule r for qty units of attribute at, one period
 * (totals only: graduated tiers passed through are one line). Returns 0,
 * or -1 out of memory. */
int pricing__rule_lines(pricing_quote *q, const pricing__attr *at,
                        const pricing__rule *r, uint64_t qty);

/* 1 when a scale-out prices the kind apart, by the units added (volume:
 * KooGallery's rule), rather than in the credit and charge of the term. */
int pricing__rule_scales_apart(pricing__rule_kind kind);

/* A scale-out's line for a kind priced apart, from old_q to new_q units
 * (none when they are equal). Returns 0, or -1 out of memory. */
int pricing__rule_scale_out_line(pricing_quote *q, const pricing__attr *at,
                                 const pricing__rule *r, uint64_t old_q,
                                 uint64_t new_q);

/* The members of a rule line's JSON that belong to its kind alone (a
 * package's size and packages), between quantity and unit_price. */
void pricing__rule_write_members(pricing__w *w, const pricing__qline *l);

/* How many prices rule r lists in a price list (pricing_spec_price):
 * one per tier, or one. */
size_t pricing__rule_price_count(const pricing__rule *r);

/* Fills the rule's part of out (kind, rule, unit price, then the tier's
 * number, bound and flat fee or the package's size and rounding) with
 * its price k, below pricing__rule_price_count(r). The caller zeroed out
 * and sets the attribute. */
void pricing__rule_price(const pricing__rule *r, size_t k, pricing_price *out);

#endif
