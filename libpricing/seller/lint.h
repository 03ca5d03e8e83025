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

#endif
