/* SPDX-License-Identifier: MIT */
/* rule_seller.c - the seller tools' per-kind rule code (rule_seller.h). */
#include <stdio.h>
#include <string.h>

#include "rule_seller.h"

/* {"up_to": N|null, "unit_price": P[, "flat": F]}. */
static void write_tier(pricing__cw *cw, const pricing__tier *t)
{
    pricing__w *w = cw->w;
    pricing__w_open(w, '{');
    pricing__w_key(w, "up_to");
    if (t->bounded)
        pricing__w_u64(w, t->up_to);
    else
        pricing__w_lit(w, "null");
    pricing__w_key(w, "unit_price");
    pricing__cw_amount(cw, &t->unit);
    /* An absent flat fee loads as "0": writing it back would only add
     * noise to every tier. */
    if (!pricing__cw_zero_everywhere(cw, &t->flat)) {
        pricing__w_key(w, "flat");
        pricing__cw_amount(cw, &t->flat);
    }
    pricing__w_close(w, '}');
}

/* {"size": S, "price": P, "round": "up"|"down"}. */
static void write_package(pricing__cw *cw, const pricing__rule *rule)
{
    pricing__w *w = cw->w;
    pricing__w_open(w, '{');
    pricing__w_key(w, "size");
    pricing__w_u64(w, rule->package_size);
    pricing__w_key(w, "price");
    pricing__cw_amount(cw, &rule->linear);
    pricing__w_key(w, "round");
    pricing__w_lit(w, rule->package_down ? "\"down\"" : "\"up\"");
    pricing__w_close(w, '}');
}

void pricing__cw_rule(pricing__cw *cw, const pricing__rule *rule)
{
    pricing__w *w = cw->w;
    size_t i;
    pricing__w_open(w, '{');
    pricing__w_key(w, pricing__rule_name(rule->kind));
    switch (rule->kind) {
    case PRICING__LINEAR:
        pricing__cw_amount(cw, &rule->linear);
        break;
    case PRICING__PACKAGE:
        write_package(cw, rule);
        break;
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        pricing__w_open(w, '[');
        for (i = 0; i < rule->ntiers; i++) {
            pricing__w_elem(w);
            write_tier(cw, &rule->tiers[i]);
        }
        pricing__w_close(w, ']');
        break;
    }
    pricing__w_close(w, '}');
}

size_t pricing__rule_parts(const pricing__rule *rule)
{
    switch (rule->kind) {
    case PRICING__LINEAR:
    case PRICING__PACKAGE:
        return 1;
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        return rule->ntiers;
    }
    return 0;
}

pricing__row_kind pricing__rule_row_kind(pricing__rule_kind kind)
{
    switch (kind) {
    case PRICING__LINEAR:
    case PRICING__PACKAGE:
        return PRICING__ROW_QUANTITY;
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        return PRICING__ROW_TIER;
    }
    return PRICING__ROW_QUANTITY;
}

void pricing__rule_part_row(pricing__row *row, size_t i)
{
    const pricing__rule *rule = row->rule;
    switch (rule->kind) {
    case PRICING__LINEAR:
    case PRICING__PACKAGE:
        row->price = &rule->linear; /* the unit's or a package's price */
        return;
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        row->tier = i;
        row->price = &rule->tiers[i].unit;
        row->flat = &rule->tiers[i].flat;
        return;
    }
}

static int tier_equal(const pricing__tier *a, const pricing__tier *b)
{
    return a->bounded == b->bounded && (!a->bounded || a->up_to == b->up_to) &&
           pricing__amount_text_equal(a->unit.text, b->unit.text) &&
           pricing__amount_text_equal(a->flat.text, b->flat.text);
}

int pricing__rule_part_equal(const pricing__rule *a, const pricing__rule *b,
                             size_t i)
{
    switch (a->kind) {
    case PRICING__LINEAR:
        return pricing__amount_text_equal(a->linear.text, b->linear.text);
    case PRICING__PACKAGE:
        return a->package_size == b->package_size &&
               a->package_down == b->package_down &&
               pricing__amount_text_equal(a->linear.text, b->linear.text);
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        return tier_equal(&a->tiers[i], &b->tiers[i]);
    }
    return 0;
}

void pricing__rule_part_write(pricing__cw *cw, const pricing__rule *rule,
                              size_t i)
{
    switch (rule->kind) {
    case PRICING__LINEAR:
        pricing__cw_amount(cw, &rule->linear);
        return;
    case PRICING__PACKAGE:
        write_package(cw, rule);
        return;
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        write_tier(cw, &rule->tiers[i]);
        return;
    }
}

const char *pricing__rule_row_key(const pricing__row *row, int col, char *tmp)
{
    const pricing__rule *rule = row->rule;
    switch (rule->kind) {
    case PRICING__PACKAGE:
        if (col == PRICING__COL_SIZE) {
            snprintf(tmp, 24, "%llu",
                     (unsigned long long)rule->package_size);
            return tmp;
        }
        return col == PRICING__COL_ROUND
                   ? (rule->package_down ? "down" : "up")
                   : "";
    case PRICING__LINEAR:
    case PRICING__GRADUATED:
    case PRICING__VOLUME:
        return "";
    }
    return "";
}
