/* SPDX-License-Identifier: MIT */
/* writer.h - the library's own JSON writer (private).
 *
 * Quotes and errors are written straight into a caller's reused buffer
 * with a fixed key order; nothing goes through cJSON's printer, which
 * formats numbers through doubles. A failed allocation latches: later
 * writes are no-ops and pricing__w_done reports it once. */
#ifndef PRICING_WRITER_H
#define PRICING_WRITER_H

#include <limits.h>
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

/*
 * The cursor: a writer of a document whose worst-case size it can bound
 * (a quote) reserves that once and then writes through a plain pointer,
 * with no room check per piece:
 *
 *     char *p = pricing__w_reserve(w, bound);
 *     if (p) { p = PRICING__P_LIT(p, "{\"a\":"); ...; pricing__w_commit(w, p); }
 *
 * Between the two, at most bound bytes may be written. NULL means an
 * allocation failed (latched like every other write).
 */
char *pricing__w_reserve_slow(pricing__w *w, size_t n);
static inline char *pricing__w_reserve(pricing__w *w, size_t n)
{
    pricing_buffer *b = w->buf;
    if (!w->failed && b->capacity - b->size > n)
        return b->data + b->size;
    return pricing__w_reserve_slow(w, n);
}
static inline void pricing__w_commit(pricing__w *w, char *end)
{
    w->buf->size = (size_t)(end - w->buf->data);
}

/* A string in its JSON form (quoted and escaped), n bytes: catalog
 * strings are stored so at load (catalog_json.c) and copied by quotes. */
typedef struct pricing__jstr {
    const char *s;
    size_t n;
} pricing__jstr;

/* Bytes through the cursor. A literal's length is known when compiling,
 * so its copy is a few moves: keys go with their separators in one, e.g.
 * PRICING__P_LIT(p, ",\"kind\":"). */
static inline char *pricing__p_copy(char *p, const char *s, size_t n)
{
    memcpy(p, s, n);
    return p + n;
}
#define PRICING__P_LIT(p, lit) pricing__p_copy((p), (lit), sizeof(lit) - 1)
static inline char *pricing__p_jstr(char *p, const pricing__jstr *j)
{
    return pricing__p_copy(p, j->s, j->n);
}
/* A NUL-terminated string that needs no escaping (amount texts, the
 * format's own names), quoted. */
static inline char *pricing__p_safe(char *p, const char *s)
{
    *p++ = '"';
    while (*s)
        *p++ = *s++;
    *p++ = '"';
    return p;
}

/* The most bytes pricing__p_u64 writes. */
#define PRICING__U64_CHARS 20

/* "00" to "99": digits are written two a step, halving the divisions. */
extern const char pricing__digit_pairs[201];

/* The decimal digits of v: four values compared a division. */
static inline unsigned pricing__u64_digits(uint64_t v)
{
    unsigned d = 1;
    for (;;) {
        if (v < 10)
            return d;
        if (v < 100)
            return d + 1;
        if (v < 1000)
            return d + 2;
        if (v < 10000)
            return d + 3;
        v /= 10000;
        d += 4;
    }
}

/* v's digits ending just before end, written from the last one: four a
 * division of v, their two pairs split in 32 bits. */
static inline void pricing__p_digits_back(char *end, uint64_t v)
{
    uint32_t r;
    while (v >= 10000) {
        r = (uint32_t)(v % 10000);
        v /= 10000;
        end -= 4;
        memcpy(end, pricing__digit_pairs + 2 * (r / 100), 2);
        memcpy(end + 2, pricing__digit_pairs + 2 * (r % 100), 2);
    }
    r = (uint32_t)v; /* below 10000 */
    if (r >= 100) {
        end -= 2;
        memcpy(end, pricing__digit_pairs + 2 * (r % 100), 2);
        r /= 100;
    }
    if (r >= 10)
        memcpy(end - 2, pricing__digit_pairs + 2 * r, 2);
    else
        end[-1] = (char)('0' + r);
}

/* v in decimal, its digits counted first and then written in place from
 * the last one. */
static inline char *pricing__p_u64(char *p, uint64_t v)
{
    p += pricing__u64_digits(v);
    pricing__p_digits_back(p, v);
    return p;
}

/* v / 10^scale as a quoted JSON string (see pricing__decimal_format), at
 * most pricing__p_dec_size bytes. A value of one limb (every amount below
 * 1.8 x 10^19 in its smallest unit) is formatted by a digit loop straight
 * into place; larger ones go through GMP. */
char *pricing__p_dec_big(char *p, const mpz_t v, unsigned scale, int strip);
static inline size_t pricing__p_dec_size(const mpz_t v, unsigned scale)
{
    /* digits (a limb holds at most GMP_NUMB_BITS / 3 + 1 of them), sign,
     * "0.", quotes */
    return mpz_size(v) * (GMP_NUMB_BITS / 3 + 1) + scale + 6;
}
static inline char *pricing__p_dec(char *p, const mpz_t v, unsigned scale,
                                   int strip)
{
    unsigned long u;
    unsigned digits, width, i;
    char *q;

    if (mpz_size(v) > 1 || GMP_NUMB_BITS > sizeof u * CHAR_BIT)
        return pricing__p_dec_big(p, v, scale, strip);
    u = mpz_get_ui(v); /* |v| */
    *p++ = '"';
    if (mpz_sgn(v) < 0)
        *p++ = '-';
    if (strip) { /* trailing zeros of the fraction, two a step */
        for (; scale >= 2 && u % 100 == 0; scale -= 2)
            u /= 100;
        if (scale > 0 && u % 10 == 0) {
            u /= 10;
            scale--;
        }
    }
    digits = pricing__u64_digits(u);
    width = digits > scale ? digits : scale + 1; /* "0.05": the 0 */
    q = p + width + (scale > 0); /* just after the last digit */
    p = q;
    *p++ = '"';
    for (i = scale; i >= 2; i -= 2, u /= 100) { /* the fraction */
        q -= 2;
        memcpy(q, pricing__digit_pairs + 2 * (u % 100), 2);
    }
    if (i) {
        *--q = (char)('0' + u % 10);
        u /= 10;
    }
    if (scale > 0)
        *--q = '.';
    pricing__p_digits_back(q, u); /* the integer part, "0" for none */
    return p;
}
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
