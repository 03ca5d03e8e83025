/* SPDX-License-Identifier: MIT */
/* writer.h - the library's own JSON writer (private).
 *
 * Quotes and errors are written straight into a caller's reused buffer
 * with a fixed key order; nothing goes through cJSON's printer, which
 * formats numbers through doubles. A failed allocation latches: later
 * writes are no-ops and pricing__w_done reports it once. */
#ifndef PRICING_WRITER_H
#define PRICING_WRITER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <gmp.h>

#include "pricing.h"

typedef struct pricing__w {
    pricing_buffer *buf;
    int failed;
} pricing__w;

void pricing__w_start(pricing__w *w, pricing_buffer *buf);
/* 0, or -1 when an allocation failed. NUL-terminates. */
int pricing__w_done(pricing__w *w);

/* Raw bytes. Inline: a quote is written in dozens of small pieces, and
 * once the reused buffer is warm each is a bounds check and a copy. */
void pricing__w_raw_slow(pricing__w *w, const char *s, size_t n);
static inline void pricing__w_raw(pricing__w *w, const char *s, size_t n)
{
    pricing_buffer *b = w->buf;
    if (!w->failed && b->capacity - b->size > n) {
        memcpy(b->data + b->size, s, n);
        b->size += n;
    } else {
        pricing__w_raw_slow(w, s, n);
    }
}
void pricing__w_lit(pricing__w *w, const char *s); /* NUL-terminated raw */
/* A JSON string; invalid UTF-8 becomes U+FFFD so the output is valid. */
void pricing__w_str(pricing__w *w, const char *s, size_t n);
void pricing__w_cstr(pricing__w *w, const char *s);
void pricing__w_u64(pricing__w *w, uint64_t v);
/* v / 10^scale as a JSON string (see pricing__decimal_format). */
void pricing__w_dec(pricing__w *w, const mpz_t v, unsigned scale, int strip);

/* Structure: "{", "}", "[", "]" and a member key with the comma before it
 * when it is not the first. */
void pricing__w_open(pricing__w *w, char c);
void pricing__w_close(pricing__w *w, char c);
void pricing__w_key(pricing__w *w, const char *key);
/* The same for a key known to need no escaping, n bytes long. */
void pricing__w_keyn(pricing__w *w, const char *key, size_t n);
/* A string literal key: its length is known when compiling. */
#define PRICING__W_KEY(w, lit) pricing__w_keyn((w), (lit), sizeof(lit) - 1)
/* The comma before an array element when it is not the first. */
void pricing__w_elem(pricing__w *w);

/*
 * The one writer of an error object, for every output that holds one:
 * {"code":...,"path":...,"message":...} with "line" and "column" when
 * line > 0, then extra_key (when not NULL) with extra_value, e.g. a
 * batch's "input_line".
 */
void pricing__w_error(pricing__w *w, const pricing_error *e,
                      const char *extra_key, uint64_t extra_value);

/* Re-indents the compact JSON in buf with two spaces, for people. */
int pricing__w_pretty(pricing_buffer *buf);

#endif
