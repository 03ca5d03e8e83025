/* SPDX-License-Identifier: MIT */
/* error.c - error codes, JSON Pointer paths, filling pricing_error. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

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

/* Appends bytes, cutting at a UTF-8 boundary and marking the cut. */
static void path_append(pricing__path *p, const char *s, size_t n)
{
    size_t room = sizeof p->buf - 4 - p->len; /* keep room for "..." */
    if (p->truncated)
        return;
    if (n > room) {
        while (room > 0 && ((unsigned char)s[room] & 0xC0) == 0x80)
            room--;
        memcpy(p->buf + p->len, s, room);
        p->len += room;
        memcpy(p->buf + p->len, "...", 4);
        p->len += 3;
        p->truncated = 1;
        return;
    }
    memcpy(p->buf + p->len, s, n);
    p->len += n;
    p->buf[p->len] = '\0';
}

size_t pricing__path_push_key(pricing__path *p, const char *key, size_t len)
{
    size_t old = p->len;
    size_t i, start = 0;

    path_append(p, "/", 1);
    for (i = 0; i < len; i++) {
        if (key[i] == '~' || key[i] == '/') {
            path_append(p, key + start, i - start);
            path_append(p, key[i] == '~' ? "~0" : "~1", 2);
            start = i + 1;
        }
    }
    path_append(p, key + start, len - start);
    return old;
}

size_t pricing__path_push_index(pricing__path *p, size_t index)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "/%zu", index);
    size_t old = p->len;
    path_append(p, tmp, (size_t)n);
    return old;
}

/* Pushes after a truncation are no-ops that return the current length,
 * so only popping the push that truncated shortens the path again. */
void pricing__path_pop(pricing__path *p, size_t old_len)
{
    if (old_len < p->len) {
        p->len = old_len;
        p->buf[old_len] = '\0';
        p->truncated = 0;
    }
}

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t utf8_seq(const unsigned char *s)
{
    size_t len, i;
    unsigned cp;
    if (s[0] < 0x80)
        return 1;
    if (s[0] < 0xC2 || s[0] > 0xF4)
        return 0;
    len = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    cp = s[0] & (0xFFu >> (len + 1));
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0; /* also stops at the NUL */
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

/* Messages quote input cut to a byte count ("%.64s") and are cut to the
 * buffer: drop the pieces of characters that leaves, so a message is
 * always valid UTF-8. */
static void utf8_clean(char *s)
{
    unsigned char *r = (unsigned char *)s, *w = r;
    while (*r) {
        size_t n = utf8_seq(r);
        if (n == 0) {
            r++;
            continue;
        }
        while (n--)
            *w++ = *r++;
    }
    *w = '\0';
}

static int verror(pricing_error *err, pricing_code code, const char *path,
                  const char *fmt, va_list ap)
{
    if (err && err->code == PRICING_OK) {
        size_t n = strlen(path);
        err->code = code;
        err->line = 0;
        err->column = 0;
        err->position = 0;
        if (n >= sizeof err->path)
            n = sizeof err->path - 1;
        memcpy(err->path, path, n);
        err->path[n] = '\0';
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        utf8_clean(err->message);
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
