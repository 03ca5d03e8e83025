/* SPDX-License-Identifier: MIT */
/* error.h - filling pricing_error (private). */
#ifndef PRICING_ERROR_PRIV_H
#define PRICING_ERROR_PRIV_H

#include "pricing.h"

#if defined(__GNUC__)
#define PRICING_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PRICING_PRINTF(f, a)
#endif

/*
 * A JSON Pointer under construction: a stack of segments kept as one
 * string, so a path costs nothing until an error needs it.
 */
typedef struct pricing__path {
    char buf[PRICING_ERROR_PATH_SIZE];
    size_t len;
    int truncated;
} pricing__path;

void pricing__path_init(pricing__path *p);
/* Appends "/" + the escaped key (RFC 6901: ~ -> ~0, / -> ~1); returns the
 * previous length for pricing__path_pop. */
size_t pricing__path_push_key(pricing__path *p, const char *key, size_t len);
size_t pricing__path_push_index(pricing__path *p, size_t index);
void pricing__path_pop(pricing__path *p, size_t old_len);

/*
 * Sets err (if not NULL and not already set) and returns -code.
 * The message is formatted with the locale-independent subset of
 * printf that the library uses (%s %d %u %zu %llu, no floating point).
 */
int pricing__error(pricing_error *err, pricing_code code,
                   const pricing__path *path, const char *fmt, ...)
    PRICING_PRINTF(4, 5);
/* The same with a plain path string. */
int pricing__error_at(pricing_error *err, pricing_code code, const char *path,
                      const char *fmt, ...) PRICING_PRINTF(4, 5);
int pricing__nomem(pricing_error *err);

#endif
