/* SPDX-License-Identifier: MIT */
/* rule_seller.h - the seller tools' per-kind rule code (private).
 *
 * What the catalog writer, the price sheet and the diff do differently
 * per rule kind, each a switch over pricing__rule_kind without a default
 * (the core's part is rule.c). A rule is seen as a list of parts a
 * seller prices one by one: the price of a linear or package rule, or
 * each tier. A sheet has one row per part, the diff compares part by
 * part. */
#ifndef PRICING_RULE_SELLER_H
#define PRICING_RULE_SELLER_H

#include "catalog_write.h"
#include "rule.h"
#include "sheet.h"

/* {"linear": P}, {"graduated": [...]}, {"volume": [...]}, {"package":
 * {...}}. */
void pricing__cw_rule(pricing__cw *cw, const pricing__rule *rule);

/* The number of parts of rule. */
size_t pricing__rule_parts(const pricing__rule *rule);

/* The sheet row kind of a kind's parts: PRICING__ROW_QUANTITY or
 * PRICING__ROW_TIER (its name is also the diff entry's kind). */
pricing__row_kind pricing__rule_row_kind(pricing__rule_kind kind);

/* Points row (its rule set) at part i: price, and tier and flat. */
void pricing__rule_part_row(pricing__row *row, size_t i);

/* 1 when part i of a and b (same kind, both with part i) is the same
 * price: amounts by value. */
int pricing__rule_part_equal(const pricing__rule *a, const pricing__rule *b,
                             size_t i);

/* Part i as the catalog writes it. */
void pricing__rule_part_write(pricing__cw *cw, const pricing__rule *rule,
                              size_t i);

/* The sheet's key columns only some kinds fill (size, round) of a row of
 * rule parts; "" where they do not apply. tmp holds numbers (24 bytes). */
const char *pricing__rule_row_key(const pricing__row *row, int col,
                                  char *tmp);

#endif
