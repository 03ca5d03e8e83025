/* SPDX-License-Identifier: MIT */
/* memory.h - growable buffers and arrays (private). */
#ifndef PRICING_MEMORY_H
#define PRICING_MEMORY_H

#include <stddef.h>

#include "pricing.h"

/* Makes room for extra more bytes after buf->size (plus a NUL).
 * Returns 0 or -1 on overflow or out of memory; buf is unchanged then. */
int pricing__buffer_reserve(pricing_buffer *buf, size_t extra);

/* Grows *array (of *cap elements of size elem) to hold at least need
 * elements, geometrically. Returns 0 or -1. */
int pricing__grow(void **array, size_t *cap, size_t need, size_t elem);

/* A copy of n bytes plus a NUL, or NULL. */
char *pricing__strndup(const char *s, size_t n);

#endif
