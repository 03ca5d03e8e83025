/* SPDX-License-Identifier: MIT */
/* json_check_errors.c - the strict pass's errors: their messages, the
 * line and column of a syntax error, and the JSON Pointer of the value at
 * fault, built from the scanner's stack only when an error needs it. */
#include <limits.h>
#include <string.h>

#include "json_checker.h"

/* Line and column of pos, computed only for the one error reported. */
static void line_column(const unsigned char *s, size_t pos, int *line,
                        int *column)
{
    size_t i, lines = 1, start = 0;

    for (i = 0; i < pos; i++) {
        if (s[i] == '\n') {
            lines++;
            start = i + 1;
        }
    }
    /* Saturated: an int cannot count every line of a huge text. */
    *line = lines > (size_t)INT_MAX ? INT_MAX : (int)lines;
    *column = pos - start >= (size_t)INT_MAX ? INT_MAX : (int)(pos - start + 1);
}

int pricing__jc_syntax(pricing__checker *c, size_t pos, const char *msg)
{
    pricing_error *err = c->err;
    int mine = err != NULL && err->code == PRICING_OK;
    int rc = pricing__error_at(err, PRICING_JSON_SYNTAX, "", "%s", msg);

    if (mine) {
        line_column(c->s, pos, &err->line, &err->column);
        err->position = pos;
    }
    return rc;
}

int pricing__jc_unexpected(pricing__checker *c, size_t pos,
                           const char *expected)
{
    const unsigned char *s = c->s;
    unsigned b;

    if (pos >= c->len)
        return pricing__jc_syntax(c, c->len, "unexpected end of input");
    b = s[pos];
    if (pos == 0 && c->len >= 3 && s[0] == 0xEF && s[1] == 0xBB &&
        s[2] == 0xBF)
        return pricing__jc_syntax(c, pos,
                                  "byte order mark (BOM) not allowed");
    if (b == 0)
        return pricing__jc_syntax(c, pos, "unexpected NUL byte");
    if (b < 0x20 || b == 0x7F)
        return pricing__jc_syntax(c, pos, "unexpected control character");
    if (b >= 0x80)
        return pricing__jc_syntax(c, pos, "unexpected non-ASCII byte");
    return pricing__jc_syntax(c, pos, expected);
}

/* U+0000 cannot appear in a C string path, so such a key is cut there. */
void pricing__jc_push_key(pricing__path *p, const unsigned char *key,
                          size_t len)
{
    const unsigned char *nul = memchr(key, 0, len);
    if (nul)
        len = (size_t)(nul - key);
    pricing__path_push_key(p, (const char *)key, len);
}

void pricing__jc_path(const pricing__checker *c, pricing__path *p,
                      size_t levels)
{
    size_t i;

    pricing__path_init(p);
    for (i = 0; i < levels; i++) {
        const pricing__jc_frame *f = &c->stack[i];
        if (f->is_object)
            pricing__jc_push_key(p, c->arena + f->key_off, f->key_len);
        else
            pricing__path_push_index(p, f->count - 1);
    }
}

int pricing__jc_items(pricing__checker *c)
{
    pricing__path p;
    pricing__jc_path(c, &p, c->depth - 1);
    return pricing__error(c->err, PRICING_LIMIT_EXCEEDED, &p,
                          "too many items: more than %d in one %s",
                          PRICING_MAX_CONTAINER_ITEMS,
                          c->stack[c->depth - 1].is_object ? "object"
                                                           : "array");
}

int pricing__jc_string_limit(pricing__checker *c, const pricing__path *p,
                             size_t n)
{
    return pricing__error(c->err, PRICING_LIMIT_EXCEEDED, p,
                          "string too long: %zu bytes, the limit is %d", n,
                          PRICING_MAX_STRING_BYTES);
}
