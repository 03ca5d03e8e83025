/* SPDX-License-Identifier: MIT */
/* writer.c - JSON text into a reused buffer. */
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "memory.h"
#include "utf8.h"
#include "writer.h"

const char pricing__digit_pairs[201] =
    "0001020304050607080910111213141516171819"
    "2021222324252627282930313233343536373839"
    "4041424344454647484950515253545556575859"
    "6061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

void pricing__w_start(pricing__w *w, pricing_buffer *buf)
{
    w->buf = buf;
    w->failed = 0;
    buf->size = 0;
}

int pricing__w_done(pricing__w *w)
{
    if (!w->failed && pricing__buffer_reserve(w->buf, 0) != 0)
        w->failed = 1;
    if (w->failed) {
        w->buf->size = 0;
        if (w->buf->data)
            w->buf->data[0] = '\0';
        return -1;
    }
    w->buf->data[w->buf->size] = '\0';
    return 0;
}

char *pricing__w_reserve_slow(pricing__w *w, size_t n)
{
    if (w->failed)
        return NULL;
    if (w->buf->capacity - w->buf->size < n + 1 &&
        pricing__buffer_reserve(w->buf, n) != 0) {
        w->failed = 1;
        return NULL;
    }
    return w->buf->data + w->buf->size;
}

void pricing__w_raw_slow(pricing__w *w, const char *s, size_t n)
{
    char *p = pricing__w_reserve_slow(w, n);
    if (p) {
        memcpy(p, s, n);
        w->buf->size += n;
    }
}

void pricing__w_lit(pricing__w *w, const char *s)
{
    pricing__w_raw(w, s, strlen(s));
}

void pricing__w_str(pricing__w *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run;

    pricing__w_raw(w, "\"", 1);
    while (i < n) {
        /* Copy plain runs in one go. */
        for (run = i; run < n && u[run] >= 0x20 && u[run] < 0x80 &&
                      u[run] != '"' && u[run] != '\\';
             run++)
            ;
        pricing__w_raw(w, s + i, run - i);
        i = run;
        if (i >= n)
            break;
        if (u[i] >= 0x80) {
            size_t len = pricing__utf8_length(u + i, n - i);
            if (len) {
                pricing__w_raw(w, s + i, len);
                i += len;
            } else {
                pricing__w_raw(w, "\\ufffd", 6);
                i++;
            }
            continue;
        }
        switch (u[i]) {
        case '"': pricing__w_raw(w, "\\\"", 2); break;
        case '\\': pricing__w_raw(w, "\\\\", 2); break;
        case '\n': pricing__w_raw(w, "\\n", 2); break;
        case '\r': pricing__w_raw(w, "\\r", 2); break;
        case '\t': pricing__w_raw(w, "\\t", 2); break;
        case '\b': pricing__w_raw(w, "\\b", 2); break;
        case '\f': pricing__w_raw(w, "\\f", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[u[i] >> 4], hex[u[i] & 15]};
            pricing__w_raw(w, e, 6);
        }
        }
        i++;
    }
    pricing__w_raw(w, "\"", 1);
}

void pricing__w_cstr(pricing__w *w, const char *s)
{
    pricing__w_str(w, s, strlen(s));
}

void pricing__w_u64(pricing__w *w, uint64_t v)
{
    char *p = pricing__w_reserve(w, PRICING__U64_CHARS);
    if (p)
        pricing__w_commit(w, pricing__p_u64(p, v));
}

char *pricing__p_dec_big(char *p, const mpz_t v, unsigned scale, int strip)
{
    *p = '"';
    p += 1 + pricing__decimal_format(p + 1, v, scale, strip);
    *p++ = '"';
    return p;
}

void pricing__w_dec(pricing__w *w, const mpz_t v, unsigned scale, int strip)
{
    char *p = pricing__w_reserve(w, pricing__p_dec_size(v, scale));
    if (p)
        pricing__w_commit(w, pricing__p_dec(p, v, scale, strip));
}

static char last(const pricing__w *w)
{
    return w->buf->size ? w->buf->data[w->buf->size - 1] : '\0';
}

void pricing__w_open(pricing__w *w, char c)
{
    pricing__w_raw(w, &c, 1);
}

void pricing__w_close(pricing__w *w, char c)
{
    pricing__w_raw(w, &c, 1);
}

void pricing__w_keyn(pricing__w *w, const char *key, size_t n)
{
    char *p = pricing__w_reserve(w, n + 4);
    if (!p)
        return;
    if (last(w) != '{')
        *p++ = ',';
    *p++ = '"';
    memcpy(p, key, n);
    p[n] = '"';
    p[n + 1] = ':';
    w->buf->size = (size_t)(p + n + 2 - w->buf->data);
}

void pricing__w_key(pricing__w *w, const char *key)
{
    size_t n;

    /* Attribute ids are the seller's: escape them when they need it. */
    for (n = 0; key[n]; n++)
        if ((unsigned char)key[n] < 0x20 || (unsigned char)key[n] >= 0x80 ||
            key[n] == '"' || key[n] == '\\')
            break;
    if (!key[n]) {
        pricing__w_keyn(w, key, n);
        return;
    }
    if (!w->failed && last(w) != '{')
        pricing__w_raw(w, ",", 1);
    pricing__w_cstr(w, key);
    pricing__w_raw(w, ":", 1);
}

void pricing__w_elem(pricing__w *w)
{
    if (!w->failed && last(w) != '[')
        pricing__w_raw(w, ",", 1);
}

void pricing__w_error(pricing__w *w, const pricing_error *e,
                      const char *extra_key, uint64_t extra_value)
{
    pricing__w_lit(w, "{\"code\":");
    pricing__w_cstr(w, pricing_code_name(e->code));
    PRICING__W_KEY(w, "path");
    pricing__w_cstr(w, e->path);
    PRICING__W_KEY(w, "message");
    pricing__w_cstr(w, e->message);
    if (e->line > 0) {
        PRICING__W_KEY(w, "line");
        pricing__w_u64(w, (uint64_t)e->line);
        PRICING__W_KEY(w, "column");
        pricing__w_u64(w, (uint64_t)e->column);
    }
    if (extra_key) {
        pricing__w_key(w, extra_key);
        pricing__w_u64(w, extra_value);
    }
    pricing__w_close(w, '}');
}

static void indent(pricing__w *w, int depth)
{
    int i;
    pricing__w_raw(w, "\n", 1);
    for (i = 0; i < depth; i++)
        pricing__w_raw(w, "  ", 2);
}

int pricing__w_pretty(pricing_buffer *buf)
{
    pricing_buffer out = PRICING_BUFFER_INIT;
    pricing__w w;
    size_t i, n = buf->size;
    const char *s = buf->data;
    int depth = 0, in_str = 0;

    pricing__w_start(&w, &out);
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (in_str) {
            pricing__w_raw(&w, &c, 1);
            if (c == '\\') {
                pricing__w_raw(&w, s + i + 1, 1);
                i++;
            } else if (c == '"') {
                in_str = 0;
            }
            continue;
        }
        switch (c) {
        case '"':
            in_str = 1;
            pricing__w_raw(&w, &c, 1);
            break;
        case '{':
        case '[':
            pricing__w_raw(&w, &c, 1);
            if (i + 1 < n && (s[i + 1] == '}' || s[i + 1] == ']')) {
                pricing__w_raw(&w, s + i + 1, 1);
                i++;
            } else {
                indent(&w, ++depth);
            }
            break;
        case '}':
        case ']':
            indent(&w, --depth);
            pricing__w_raw(&w, &c, 1);
            break;
        case ',':
            pricing__w_raw(&w, ",", 1);
            indent(&w, depth);
            break;
        case ':':
            pricing__w_raw(&w, ": ", 2);
            break;
        default:
            pricing__w_raw(&w, &c, 1);
        }
    }
    if (pricing__w_done(&w) != 0) {
        pricing_buffer_dispose(&out);
        return -1;
    }
    free(buf->data);
    *buf = out;
    return 0;
}
