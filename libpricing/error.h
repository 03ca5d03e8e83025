/* SPDX-License-Identifier: MIT */
/* error.h - filling pricing_error (private). */
#ifndef PRICING_ERROR_PRIV_H
#define PRICING_ERROR_PRIV_H

#include <string.h>

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

/* Pushes after a truncation are no-ops that return the current length,
 * so only popping the push that truncated shortens the path again. */
static inline void pricing__path_pop(pricing__path *p, size_t old_len)
{
    if (old_len < p->len) {
        p->len = old_len;
        p->buf[old_len] = '\0';
        p->truncated = 0;
    }
}

/* pricing__path_push_key for a key with nothing to escape (no '~' or
 * '/'), such as a member name of the format: one copy, inline (a reader
 * pushes every member it reads). */
static inline size_t pricing__path_push_plain(pricing__path *p,
                                              const char *key, size_t len)
{
    size_t old = p->len;

    /* Room for it, a later "/..." mark and the NUL (see error.c). */
    if (p->truncated || 1 + len > sizeof p->buf - sizeof "/..." - old)
        return pricing__path_push_key(p, key, len);
    p->buf[old] = '/';
    memcpy(p->buf + old + 1, key, len);
    p->len = old + 1 + len;
    p->buf[p->len] = '\0';
    return old;
}

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
