/* SPDX-License-Identifier: MIT */
/* lint.h - the price linter's arithmetic and warning list (private).
 *
 * Everything here is exact (GMP integers over the catalog's 10^scale) and
 * computed from the rules, never by pricing every quantity: a rule is a
 * function of the quantity that is affine on each tier, so what can go
 * wrong happens at tier boundaries, and a check visits each tier once.
 *
 * Stable for the other seller tools (the chart marks inversions with
 * pricing__lint_inversions). */
#ifndef PRICING_LINT_H
#define PRICING_LINT_H

#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

#include "error.h"
#include "model.h"

/* An inversion: the allowed quantity next = q + step costs less than q
 * under one rule (the base and the other attributes add the same to
 * both, so the whole price inverts exactly when the rule does). */
typedef struct pricing__inversion {
    uint64_t q;          /* the allowed quantity that costs more */
    uint64_t next;       /* q + step, which costs less */
    size_t tier_q;       /* 0-based tier of q */
    size_t tier_next;    /* 0-based tier of next (> tier_q) */
} pricing__inversion;

/* The inversions of rule r over the allowed quantities of attribute at
 * (min, min + step, ... up to max), ascending by q: writes the first
 * min(n, cap) into out (which may be NULL when cap is 0) and returns n.
 * Time linear in the tiers; no allocation. Linear and package rules, and
 * graduated ones (amounts are never negative), have none; volume rules
 * have one at each tier boundary where the next quantity costs less. */
size_t pricing__rule_inversions(pricing__inversion *out, size_t cap,
                                const pricing__rule *r,
                                const pricing__attr *at);

/* The same for the SKU at table position pos of spec, priced for plan,
 * quantity attribute at of that spec: 0 when the SKU is unavailable, the
 * plan is not priced or its charge is a fixed price. */
size_t pricing__lint_inversions(pricing__inversion *out, size_t cap,
                                const pricing__spec *spec, size_t pos,
                                pricing__plan plan, const pricing__attr *at);

/* out = the amount of rule r for q units, one period (exact, over the
 * catalog's 10^scale): what a quote's lines of that rule add up to. */
void pricing__rule_amount(mpz_t out, const pricing__rule *r, uint64_t q);

/* 1 when tier k of rule r holds no allowed quantity of at. */
int pricing__tier_unreachable(const pricing__rule *r, size_t k,
                              const pricing__attr *at);

/*
 * The largest value over the allowed quantities q of at of
 *     ca x a(q) - cb x b(q)
 * for rules a and b of at (ca, cb >= 1): into *best, with *arg the
 * smallest q reaching it. Both rules are affine on each piece where
 * neither changes tier, so only the first and last allowed quantity of
 * each piece are candidates: time linear in the tiers of both. Returns
 * 0, or -1 when a rule is a package (piecewise constant on every package:
 * not handled, the caller skips the comparison).
 */
int pricing__rule_max_diff(mpz_t best, uint64_t *arg, const pricing__rule *a,
                           unsigned long ca, const pricing__rule *b,
                           unsigned long cb, const pricing__attr *at);

/* ------------------------------------------------------------ the list */

/* What the checks see of the variant being linted (one version in one
 * currency) and where they add warnings (lint.c). */
typedef struct pricing__lint_ctx {
    struct pricing_lint *list;
    const pricing_catalog *cat; /* the variant */
    const char *prefix;         /* "" or "/versions/N" */
    size_t cur, ncur;           /* its currency among the version's */
    int failed;                 /* out of memory: later adds do nothing */
} pricing__lint_ctx;

/* Adds a warning: code (static), a JSON Pointer path, a one-line message
 * (printf, the library's subset; cut to a pricing_warning's size). */
void pricing__lint_add(pricing__lint_ctx *lx, const char *code,
                       const char *path, const char *fmt, ...)
    PRICING_PRINTF(4, 5);

/* Writes v (over the variant's 10^scale) exactly, with at least its
 * currency's minor units of decimals and the currency code after it
 * when the version sells several ("0.90", "12.50 USD"), into out. */
void pricing__lint_amount(char *out, size_t size, const pricing__lint_ctx *lx,
                          const mpz_t v);

/* The checks of spec s of the variant (lint_checks.c, lint_editions.c):
 * unreachable tiers; price inversions and years above twelve months;
 * editions cheaper than the one before. */
void pricing__lint_tiers(pricing__lint_ctx *lx, size_t s);
void pricing__lint_prices(pricing__lint_ctx *lx, size_t s);
void pricing__lint_editions(pricing__lint_ctx *lx, size_t s);

/* The koogallery release rules of spec s as warnings (catalog_rules.c). */
void pricing__lint_koogallery(pricing__lint_ctx *lx, size_t s);

/* The path of the charge of SKU pos of spec s for plan, with the
 * variant's prefix: ".../specs/S/prices/PLAN" for a simple spec,
 * ".../specs/S/skus/POS/prices/PLAN" for a custom one (POS: the SKU's
 * position in the order of its enum values). */
void pricing__lint_charge_path(pricing__path *p, const pricing__lint_ctx *lx,
                               size_t s, size_t pos, pricing__plan plan);

/* "edition=pro, region=eu" (the SKU's enum values), cut to size. */
void pricing__lint_sku_name(char *out, size_t size, const pricing__spec *spec,
                            size_t pos);

/* ------------------------------------------------ charges (lint_checks.c) */

/* out = the amount of charge ch for one period with quantities qv (by
 * quantity ordinal). */
void pricing__lint_charge_total(mpz_t out, const pricing__charge *ch,
                                const pricing__spec *spec,
                                const uint64_t *qv);

/* The largest ca x a(q) - cb x b(q) over every allowed quantity vector q
 * of spec (charges are additive over the attributes, so each attribute's
 * largest difference is found on its own): into best, the quantities
 * reaching it into qv. Returns 0, or -1 when a package rule is involved
 * (the comparison is skipped). */
int pricing__lint_charge_max_diff(mpz_t best, uint64_t *qv,
                                  const pricing__charge *a, unsigned long ca,
                                  const pricing__charge *b, unsigned long cb,
                                  const pricing__spec *spec);

/* "users=10, disk=100" for quantities qv, cut to size; "" without
 * quantity attributes. */
void pricing__lint_qv_text(char *out, size_t size, const pricing__spec *spec,
                           const uint64_t *qv);

#endif
