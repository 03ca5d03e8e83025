/* SPDX-License-Identifier: MIT */
/* json_check_string.c - a string token in the strict pass: escapes,
 * UTF-16 surrogate pairs, UTF-8 validity, and the decoded bytes of keys
 * and (building a view) values. */
#include <stdint.h>
#include <string.h>

#include "json_checker.h"
#include "utf8.h"

typedef pricing__checker checker;

static int hex_value(unsigned b)
{
    if (b >= '0' && b <= '9')
        return (int)(b - '0');
    if (b >= 'a' && b <= 'f')
        return (int)(b - 'a' + 10);
    if (b >= 'A' && b <= 'F')
        return (int)(b - 'A' + 10);
    return -1;
}

/* Four hex digits at j. */
static int read_hex4(checker *c, size_t j, uint32_t *out)
{
    uint32_t u = 0;
    size_t k;

    for (k = 0; k < 4; k++) {
        int h;
        if (j + k >= c->len)
            return pricing__jc_syntax(c, c->len, "unterminated string");
        h = hex_value(c->s[j + k]);
        if (h < 0)
            return pricing__jc_syntax(c, j + k, "invalid escape");
        u = u << 4 | (uint32_t)h;
    }
    *out = u;
    return 0;
}

/* The escape whose backslash is at i: its code point and byte length.
 * A \u surrogate must be a high one followed at once by a low one. */
static int scan_escape(checker *c, size_t i, uint32_t *cp, size_t *step)
{
    const unsigned char *s = c->s;
    uint32_t hi = 0, lo = 0;
    int rc;

    if (i + 1 >= c->len)
        return pricing__jc_syntax(c, c->len, "unterminated string");
    *step = 2;
    switch (s[i + 1]) {
    case '"': *cp = '"'; return 0;
    case '\\': *cp = '\\'; return 0;
    case '/': *cp = '/'; return 0;
    case 'b': *cp = 0x08; return 0;
    case 'f': *cp = 0x0C; return 0;
    case 'n': *cp = 0x0A; return 0;
    case 'r': *cp = 0x0D; return 0;
    case 't': *cp = 0x09; return 0;
    case 'u': break;
    default: return pricing__jc_syntax(c, i + 1, "invalid escape");
    }
    if ((rc = read_hex4(c, i + 2, &hi)) != 0)
        return rc;
    *step = 6;
    *cp = hi;
    if (hi < 0xD800 || hi > 0xDFFF)
        return 0;
    if (hi >= 0xDC00)
        return pricing__jc_syntax(c, i, "lone surrogate");
    if (i + 6 >= c->len || (s[i + 6] == '\\' && i + 7 >= c->len))
        return pricing__jc_syntax(c, c->len, "unterminated string");
    if (s[i + 6] != '\\' || s[i + 7] != 'u')
        return pricing__jc_syntax(c, i, "lone surrogate");
    if ((rc = read_hex4(c, i + 8, &lo)) != 0)
        return rc;
    if (lo < 0xDC00 || lo > 0xDFFF)
        return pricing__jc_syntax(c, i, "lone surrogate");
    *cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
    *step = 12;
    return 0;
}

/* A byte that stands for itself in a string: printable ASCII other than
 * the quote and the backslash. */
static int plain(unsigned b)
{
    return b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)
#define LOW7 UINT64_C(0x7F7F7F7F7F7F7F7F)

/* The high bit of each byte of w that is zero (exact: no carries). */
static uint64_t zero_bytes(uint64_t w)
{
    return ~(((w & LOW7) + LOW7) | w | LOW7);
}

/* The high bit of each byte of w that is not plain: >= 0x80, < 0x20,
 * '"' or '\\'. Each sum stays inside its byte, so no false hits. */
static uint64_t not_plain(uint64_t w)
{
    uint64_t low = ~((w & LOW7) + ONES * 0x60) & HIGH; /* (b & 0x7F) < 0x20 */
    return (w & HIGH) | low | zero_bytes(w ^ (ONES * '"')) |
           zero_bytes(w ^ (ONES * '\\'));
}

/* The end of the run of plain bytes from i: eight bytes a test (one
 * branch a word rather than a byte), the last len % 8 bytewise so that
 * nothing past len is read. */
static size_t plain_run(const unsigned char *s, size_t i, size_t len)
{
    while (len - i >= 8) {
        uint64_t w, m;
        memcpy(&w, s + i, 8);
        if ((m = not_plain(w)) != 0)
            return i + ((unsigned)__builtin_ctzll(m) >> 3);
        i += 8;
    }
    while (i < len && plain(s[i]))
        i++;
    return i;
}
#else
static size_t plain_run(const unsigned char *s, size_t i, size_t len)
{
    while (i < len && plain(s[i]))
        i++;
    return i;
}
#endif

/* See json_checker.h. */
int pricing__jc_scan_string(checker *c, unsigned char *out, size_t *n,
                           size_t *stored, int *has_nul)
{
    const unsigned char *s = c->s;
    size_t i = c->pos + 1, len = c->len, dn = 0, kept = 0;
    int rc;

    *has_nul = 0;
    for (;;) {
        unsigned char buf[4];
        const unsigned char *bytes = s + i;
        size_t k;
        unsigned b;

        size_t end = plain_run(s, i, len);

        if (end > i) {
            /* A run of plain ASCII: one copy, the prefix kept as byte by
             * byte (one byte a character). */
            k = end - i;
            if (out && kept == dn && dn < PRICING_MAX_STRING_BYTES) {
                size_t m = PRICING_MAX_STRING_BYTES - dn < k
                               ? PRICING_MAX_STRING_BYTES - dn : k;
                memcpy(out + kept, s + i, m);
                kept += m;
            }
            dn += k;
            i = end;
            bytes = s + i;
        }
        if (i >= len)
            return pricing__jc_syntax(c, len, "unterminated string");
        b = s[i];
        if (b == '"')
            break;
        if (b < 0x20)
            return pricing__jc_syntax(c, i, "control character in string");
        if (b == '\\') {
            uint32_t cp = 0;
            size_t step = 0;
            if ((rc = scan_escape(c, i, &cp, &step)) != 0)
                return rc;
            if (cp == 0)
                *has_nul = 1;
            k = pricing__utf8_encode(buf, cp);
            bytes = buf;
            i += step;
        } else {
            k = pricing__utf8_length(s + i, len - i);
            if (k == 0)
                return pricing__jc_syntax(c, i, "invalid UTF-8");
            i += k;
        }
        /* Keep a prefix only: past the limit the key is an error anyway. */
        if (out && kept == dn && dn + k <= PRICING_MAX_STRING_BYTES) {
            memcpy(out + kept, bytes, k);
            kept += k;
        }
        dn += k;
    }
    c->tree_bytes += PRICING__TREE_STRING_BYTES + (i + 1 - c->pos);
    c->pos = i + 1;
    *n = dn;
    if (stored)
        *stored = kept;
    return 0;
}
