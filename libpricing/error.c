/* SPDX-License-Identifier: MIT */
/* error.c - error codes, JSON Pointer paths, filling pricing_error. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "memory.h"
#include "utf8.h"

static const char *const code_names[PRICING_CODE_COUNT_] = {
    "ok",
    "json_syntax",
    "limit_exceeded",
    "duplicate_key",
    "unknown_field",
    "missing_field",
    "wrong_type",
    "invalid_amount",
    "inexact_number",
    "invalid_value",
    "duplicate_id",
    "sku_missing",
    "sku_duplicate",
    "tier_order",
    "tier_coverage",
    "unpriced_attribute",
    "unknown_spec",
    "unknown_attribute",
    "unknown_value",
    "missing_attribute",
    "quantity_out_of_range",
    "quantity_step",
    "plan_not_offered",
    "count_not_allowed",
    "trial_not_offered",
    "sku_unavailable",
    "invalid_argument",
    "out_of_memory",
    "io_error",
    "not_an_upgrade",
    "not_a_scale_out",
    "currency_not_offered",
    "no_version",
};

const char *pricing_code_name(pricing_code code)
{
    if ((int)code < 0 || code >= PRICING_CODE_COUNT_)
        return "unknown";
    return code_names[code];
}

size_t pricing_error_size(void)
{
    return sizeof(pricing_error);
}

void pricing_error_init(pricing_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

void pricing__path_init(pricing__path *p)
{
    p->buf[0] = '\0';
    p->len = 0;
    p->truncated = 0;
}

/*
 * Appends one whole reference token ("/" + escaped key, or "/index").
 * A path that would not fit is cut after its last whole token and ends
 * in the token "/...", so the cut never splits a ~0/~1 escape or a
 * character and the result is still a valid JSON Pointer (RFC 6901).
 */
static void path_token(pricing__path *p, const char *key, size_t len,
                       size_t escaped)
{
    char *out;
    size_t i;

    if (p->truncated)
        return;
    /* Room for the token, a later "/..." mark and the NUL. */
    if (1 + escaped > sizeof p->buf - sizeof "/..." - p->len) {
        memcpy(p->buf + p->len, "/...", sizeof "/...");
        p->len += sizeof "/..." - 1;
        p->truncated = 1;
        return;
    }
    out = p->buf + p->len;
    *out++ = '/';
    if (escaped == len) { /* nothing to escape: one copy */
        memcpy(out, key, len);
        out += len;
    } else {
        for (i = 0; i < len; i++) {
            if (key[i] == '~' || key[i] == '/') {
                *out++ = '~';
                *out++ = key[i] == '~' ? '0' : '1';
            } else {
                *out++ = key[i];
            }
        }
    }
    *out = '\0';
    p->len = (size_t)(out - p->buf);
}

size_t pricing__path_push_key(pricing__path *p, const char *key, size_t len)
{
    size_t old = p->len, escaped = len, i;

    for (i = 0; i < len; i++)
        if (key[i] == '~' || key[i] == '/')
            escaped++;
    path_token(p, key, len, escaped);
    return old;
}

size_t pricing__path_push_index(pricing__path *p, size_t index)
{
    char tmp[32];
    size_t n = sizeof tmp, old = p->len;

    /* Digits from the end: no snprintf for each element a loader walks. */
    do {
        tmp[--n] = (char)('0' + index % 10);
        index /= 10;
    } while (index > 0);
    path_token(p, tmp + n, sizeof tmp - n, sizeof tmp - n);
    return old;
}

/* Characters a message shows escaped: C0 controls, DEL, C1 controls, and
 * those that break or reorder a line (U+2028/2029, the bidi marks,
 * embeddings, overrides and isolates). */
static int shown_escaped(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
           cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * Copies the formatted message into out (size bytes) as one line of
 * printable text: the characters above become \n, \r, \t or \uXXXX;
 * the pieces of characters left by cutting input to a byte count
 * ("%.64s") or to the buffer are dropped, so the message is valid UTF-8;
 * a character or escape that does not fit ends it.
 */
static void message_clean(char *out, size_t size, const char *in)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *r = (const unsigned char *)in;
    size_t w = 0, avail = strlen(in);

    while (avail > 0) {
        size_t n = pricing__utf8_length(r, avail), k;
        char esc[8];
        const char *piece = (const char *)r;
        uint32_t cp;

        if (n == 0) {
            r++;
            avail--;
            continue;
        }
        cp = pricing__utf8_decode(r, n);
        k = n;
        if (shown_escaped(cp)) {
            piece = esc;
            k = cp == '\n' || cp == '\r' || cp == '\t' ? 2 : 6;
            esc[0] = '\\';
            esc[1] = cp == '\n' ? 'n' : cp == '\r' ? 'r' : cp == '\t' ? 't' : 'u';
            esc[2] = hex[cp >> 12 & 15];
            esc[3] = hex[cp >> 8 & 15];
            esc[4] = hex[cp >> 4 & 15];
            esc[5] = hex[cp & 15];
        }
        if (k >= size - w)
            break;
        memcpy(out + w, piece, k);
        w += k;
        r += n;
        avail -= n;
    }
    out[w] = '\0';
}

/* Copies n bytes of path, keeping only whole UTF-8 characters: paths into
 * JSON are UTF-8 already (the strict pass sees to it), but a CSV sheet's
 * header names a column with whatever bytes the cell held. */
static void path_copy(char *out, const char *path, size_t n)
{
    const unsigned char *r = (const unsigned char *)path;
    size_t w = 0;
    while (n > 0) {
        size_t k = pricing__utf8_length(r, n);
        if (k == 0) {
            r++;
            n--;
            continue;
        }
        memcpy(out + w, r, k);
        w += k;
        r += k;
        n -= k;
    }
    out[w] = '\0';
}

static int verror(pricing_error *err, pricing_code code, const char *path,
                  const char *fmt, va_list ap)
{
    if (err && err->code == PRICING_OK) {
        char raw[PRICING_ERROR_MESSAGE_SIZE];
        size_t n = strlen(path);
        err->code = code;
        err->line = 0;
        err->column = 0;
        err->position = 0;
        if (n >= sizeof err->path)
            n = sizeof err->path - 1;
        path_copy(err->path, path, n);
        vsnprintf(raw, sizeof raw, fmt, ap);
        message_clean(err->message, sizeof err->message, raw);
    }
    return -(int)code;
}

int pricing__error(pricing_error *err, pricing_code code,
                   const pricing__path *path, const char *fmt, ...)
{
    va_list ap;
    int rc;
    va_start(ap, fmt);
    rc = verror(err, code, path ? path->buf : "", fmt, ap);
    va_end(ap);
    return rc;
}

int pricing__error_at(pricing_error *err, pricing_code code, const char *path,
                      const char *fmt, ...)
{
    va_list ap;
    int rc;
    va_start(ap, fmt);
    rc = verror(err, code, path ? path : "", fmt, ap);
    va_end(ap);
    return rc;
}

int pricing__nomem(pricing_error *err)
{
    return pricing__error_at(err, PRICING_OUT_OF_MEMORY, "", "out of memory");
}

/* Appends in, cleaned as a message is, at buf->size. Every input byte
 * becomes at most 6 bytes, so 6 x its length always fits and nothing is
 * cut. */
static int append_clean(pricing_buffer *buf, const char *in)
{
    size_t room = 6 * strlen(in) + 1;
    if (pricing__buffer_reserve(buf, room) != 0)
        return -1;
    message_clean(buf->data + buf->size, room, in);
    buf->size += strlen(buf->data + buf->size);
    return 0;
}

int pricing_error_write_text(pricing_buffer *buf, const pricing_error *e,
                             const char *source)
{
    char pos[48];
    const char *parts[7];
    size_t n = 0, i, old;

    if (!buf || !e)
        return -PRICING_INVALID_ARGUMENT;
    if (source) {
        parts[n++] = source;
        if (e->line > 0) {
            snprintf(pos, sizeof pos, ":%d:%d", e->line, e->column);
            parts[n++] = pos;
        }
        parts[n++] = ": ";
    }
    parts[n++] = pricing_code_name(e->code);
    if (e->path[0]) {
        parts[n++] = " at ";
        parts[n++] = e->path;
    }
    parts[n++] = ": ";
    old = buf->size;
    buf->size = 0;
    for (i = 0; i < n; i++)
        if (append_clean(buf, parts[i]) != 0) {
            buf->size = old;
            return -PRICING_OUT_OF_MEMORY;
        }
    /* The message is clean already; it is appended as it is. */
    if (pricing__buffer_reserve(buf, strlen(e->message)) != 0) {
        buf->size = old;
        return -PRICING_OUT_OF_MEMORY;
    }
    memcpy(buf->data + buf->size, e->message, strlen(e->message) + 1);
    buf->size += strlen(e->message);
    return 0;
}
