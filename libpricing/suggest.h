/* SPDX-License-Identifier: MIT */
/* suggest.h - "did you mean" and the valid choices, for error messages
 * (private). */
#ifndef PRICING_SUGGEST_H
#define PRICING_SUGGEST_H

#include <stddef.h>

#include "error.h"

/*
 * The valid names at an error site, in the catalog's (or the format's)
 * order: names[0..n), or name(ctx, i) for i in [0, n) when name is set,
 * where NULL means "not a choice" (so a getter also filters: the quantity
 * attributes among all attributes). label names them in the message
 * ("values", "attributes", ...).
 */
typedef struct pricing__choices {
    const char *label;
    const char *const *names;
    size_t n;
    const char *(*name)(const void *ctx, size_t i);
    const void *ctx;
} pricing__choices;

/* The choices of a NULL-terminated array of names. */
pricing__choices pricing__choices_list(const char *label,
                                       const char *const *names);

/* The choices the catalog model gives (model.h). */
struct pricing__spec;
struct pricing__attr;
enum { PRICING__ATTRS_ALL, PRICING__ATTRS_ENUM, PRICING__ATTRS_QUANTITY };
pricing__choices pricing__choices_specs(const pricing_catalog *cat);
pricing__choices pricing__choices_attrs(const struct pricing__spec *spec,
                                        int which);
pricing__choices pricing__choices_values(const struct pricing__attr *at);
/* The plans of mask (a bit per pricing__plan). */
pricing__choices pricing__choices_plans(const unsigned *mask);

/*
 * The index of the choice nearest word (len bytes) when one is close, or
 * -1. Close: an edit distance (insertions, deletions, substitutions and
 * swaps of neighbours, ASCII letters compared without case) of at most a
 * third of the word's length (at least 1), less than the longer length.
 * Ties go to the first choice in order, so the answer is deterministic.
 */
long pricing__suggest(const char *word, size_t len, const pricing__choices *c);

/* The counts spec sells of plan, in buf (size bytes): "1, 3, 6", runs of
 * three or more as "1 to 12", at most a dozen items then "and N more". */
const char *pricing__counts_text(char *buf, size_t size,
                                 const struct pricing__spec *spec, int plan);

/*
 * An error message with a hint, in msg (PRICING_ERROR_MESSAGE_SIZE bytes):
 * the head formatted from fmt, then "; did you mean 'x'?" when a choice is
 * close to word, then "; LABEL: a, b, c" (at most a dozen, then "and N
 * more"). The hint is cut between items so that the message fits; an item
 * is never cut. Returns msg, for pricing__error(..., "%s", msg).
 */
const char *pricing__hint_message(char *msg, const char *word,
                                  const pricing__choices *c,
                                  const char *fmt, ...) PRICING_PRINTF(4, 5);

/*
 * pricing__error with a hint message (as pricing__hint_message), built
 * only when err will take it. Returns -code.
 */
int pricing__error_hint(pricing_error *err, pricing_code code,
                        const pricing__path *path, const char *word,
                        const pricing__choices *c, const char *fmt, ...)
    PRICING_PRINTF(6, 7);

#endif
