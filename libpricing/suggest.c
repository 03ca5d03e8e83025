/* SPDX-License-Identifier: MIT */
/* suggest.c - the nearest valid name and the list of valid names, so an
 * error says what to type instead. Only error paths come here. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "suggest.h"

/* Longer names are never suggested: the distance table stays on the
 * stack and its cost bounded. */
#define NAME_MAX_BYTES 256
/* A farther name is no longer a likely typo, whatever the length. */
#define DISTANCE_MAX 3
#define LIST_MAX 12

pricing__choices pricing__choices_list(const char *label,
                                       const char *const *names)
{
    pricing__choices c;
    memset(&c, 0, sizeof c);
    c.label = label;
    c.names = names;
    while (names[c.n])
        c.n++;
    return c;
}

pricing__choices pricing__choices_specs(const pricing_catalog *cat)
{
    pricing__choices c;
    memset(&c, 0, sizeof c);
    c.label = "specs";
    c.names = cat->spec_index.names;
    c.n = cat->nspecs;
    return c;
}

static const char *enum_attr(const void *ctx, size_t i)
{
    const pricing__attr *at = &((const pricing__spec *)ctx)->attrs[i];
    return at->is_enum ? at->id : NULL;
}

static const char *quantity_attr(const void *ctx, size_t i)
{
    const pricing__attr *at = &((const pricing__spec *)ctx)->attrs[i];
    return at->is_enum ? NULL : at->id;
}

pricing__choices pricing__choices_attrs(const pricing__spec *spec, int which)
{
    pricing__choices c;
    memset(&c, 0, sizeof c);
    c.label = which == PRICING__ATTRS_ENUM       ? "enum attributes"
              : which == PRICING__ATTRS_QUANTITY ? "quantity attributes"
                                                 : "attributes";
    c.names = spec->attr_index.names;
    c.n = spec->nattrs;
    c.name = which == PRICING__ATTRS_ENUM       ? enum_attr
             : which == PRICING__ATTRS_QUANTITY ? quantity_attr
                                                : NULL;
    c.ctx = spec;
    return c;
}

pricing__choices pricing__choices_values(const pricing__attr *at)
{
    pricing__choices c;
    memset(&c, 0, sizeof c);
    c.label = "values";
    c.names = at->values;
    c.n = at->nvalues;
    return c;
}

static const char *plan(const void *ctx, size_t i)
{
    return (*(const unsigned *)ctx >> i) & 1u
               ? pricing__plan_name((pricing__plan)i)
               : NULL;
}

pricing__choices pricing__choices_plans(const unsigned *mask)
{
    pricing__choices c;
    memset(&c, 0, sizeof c);
    c.label = "plans";
    c.n = PRICING__PLAN_COUNT;
    c.name = plan;
    c.ctx = mask;
    return c;
}

static const char *name_at(const pricing__choices *c, size_t i)
{
    return c->name ? c->name(c->ctx, i) : c->names[i];
}

static unsigned char fold(char ch)
{
    unsigned char u = (unsigned char)ch;
    return u >= 'A' && u <= 'Z' ? (unsigned char)(u + 32) : u;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* The optimal string alignment distance of a and b, or bound + 1 as soon
 * as it must exceed bound. Both are at most NAME_MAX_BYTES long. */
static size_t distance(const char *a, size_t an, const char *b, size_t bn,
                       size_t bound)
{
    size_t rows[3][NAME_MAX_BYTES + 1];
    size_t *back = rows[0], *prev = rows[1], *cur = rows[2], *t;
    size_t i, j;

    if ((an > bn ? an - bn : bn - an) > bound)
        return bound + 1;
    for (j = 0; j <= bn; j++)
        prev[j] = j;
    for (i = 1; i <= an; i++) {
        size_t low = cur[0] = i;
        for (j = 1; j <= bn; j++) {
            size_t v = min3(prev[j] + 1, cur[j - 1] + 1,
                            prev[j - 1] + (fold(a[i - 1]) != fold(b[j - 1])));
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
                fold(a[i - 2]) == fold(b[j - 1]) && back[j - 2] + 1 < v)
                v = back[j - 2] + 1;
            cur[j] = v;
            if (v < low)
                low = v;
        }
        if (low > bound)
            return bound + 1;
        t = back;
        back = prev;
        prev = cur;
        cur = t;
    }
    return prev[bn];
}

/* The letters a and b share, counted with repeats (case folded). */
static size_t common(const char *a, size_t an, const char *b, size_t bn)
{
    size_t count[256] = {0}, i, n = 0;
    for (i = 0; i < an; i++)
        count[fold(a[i])]++;
    for (i = 0; i < bn; i++)
        if (count[fold(b[i])]) {
            count[fold(b[i])]--;
            n++;
        }
    return n;
}

long pricing__suggest(const char *word, size_t len, const pricing__choices *c)
{
    size_t bound = len / 3, i, best_d = 0, best_common = 0;
    long best = -1;

    if (bound < 1)
        bound = 1;
    if (bound > DISTANCE_MAX)
        bound = DISTANCE_MAX;
    if (len > NAME_MAX_BYTES)
        return -1;
    for (i = 0; i < c->n; i++) {
        const char *name = name_at(c, i);
        size_t n, d;
        if (!name || (n = strlen(name)) > NAME_MAX_BYTES)
            continue;
        d = distance(word, len, name, n, bound);
        /* A full rewrite of a short word is no typo ("x" for "n"). */
        if (d > bound || d >= (len > n ? len : n))
            continue;
        /* At equal distance the name with more of the word's letters
         * wins (CYN: CNY, a swap, before BYN); then the first. */
        if (best < 0 || d < best_d ||
            common(word, len, name, n) > best_common) {
            best = (long)i;
            best_d = d;
            best_common = common(word, len, name, n);
            if (d == 0)
                break;
            bound = d; /* keep only names as near */
        }
    }
    return best;
}

long pricing_suggest(const char *word, const char *const *names, size_t n)
{
    pricing__choices c;
    if (!word || !names)
        return -1;
    memset(&c, 0, sizeof c);
    c.names = names;
    c.n = n;
    return pricing__suggest(word, strlen(word), &c);
}

/* Appends s (n bytes) when it fits whole in msg; 0 when it did. Every
 * name a message quotes goes through here. */
static int put(char *msg, size_t *len, const char *s, size_t n)
{
    if (n >= PRICING_ERROR_MESSAGE_SIZE - *len)
        return -1;
    memcpy(msg + *len, s, n);
    *len += n;
    msg[*len] = '\0';
    return 0;
}

static int puts0(char *msg, size_t *len, const char *s)
{
    return put(msg, len, s, strlen(s));
}

/* The bytes of " and N more". */
static size_t more_size(size_t n)
{
    char tmp[48];
    return (size_t)snprintf(tmp, sizeof tmp, " and %zu more", n);
}

/* "; LABEL: a, b, c and N more", cut between items to fit. */
static void put_list(char *msg, size_t *len, const pricing__choices *c)
{
    size_t total = 0, shown = 0, start = *len, i;
    char tmp[48];

    for (i = 0; i < c->n; i++)
        total += name_at(c, i) != NULL;
    /* After "did you mean 'x'?" the list follows with a space. */
    if (puts0(msg, len, *len && msg[*len - 1] == '?' ? " " : "; "))
        goto none;
    if (total == 0) {
        if (puts0(msg, len, "it has no ") || puts0(msg, len, c->label))
            goto none;
        return;
    }
    if (puts0(msg, len, c->label) || puts0(msg, len, ": "))
        goto none;
    for (i = 0; i < c->n && shown < LIST_MAX; i++) {
        const char *name = name_at(c, i);
        size_t mark = *len, n, reserve;
        if (!name)
            continue;
        n = strlen(name);
        reserve = shown + 1 < total ? more_size(total - shown - 1) : 0;
        if ((shown && puts0(msg, len, ", ")) ||
            n + reserve >= PRICING_ERROR_MESSAGE_SIZE - *len ||
            put(msg, len, name, n)) {
            *len = mark;
            msg[mark] = '\0';
            break;
        }
        shown++;
    }
    if (shown == 0)
        goto none;
    if (shown < total) {
        snprintf(tmp, sizeof tmp, " and %zu more", total - shown);
        puts0(msg, len, tmp); /* room was reserved */
    }
    return;
none:
    *len = start;
    msg[start] = '\0';
}

const char *pricing__counts_text(char *buf, size_t size,
                                 const pricing__spec *spec, int plan)
{
    const uint8_t *allowed = spec->counts[plan];
    size_t len = 0, items = 0, rest = 0;
    unsigned c, end;

    buf[0] = '\0';
    if (spec->one_time || !allowed) {
        snprintf(buf, size, spec->one_time ? "1" : "1 to %d",
                 PRICING_MAX_COUNT);
        return buf;
    }
    for (c = 1; c <= PRICING_MAX_COUNT; c = end + 1) {
        int n;
        end = c;
        if (!allowed[c])
            continue;
        while (end < PRICING_MAX_COUNT && allowed[end + 1])
            end++;
        if (items == LIST_MAX) {
            rest += end - c + 1;
            continue;
        }
        n = end - c >= 2 ? snprintf(buf + len, size - len, "%s%u to %u",
                                    items ? ", " : "", c, end)
            : end > c    ? snprintf(buf + len, size - len, "%s%u, %u",
                                    items ? ", " : "", c, end)
                         : snprintf(buf + len, size - len, "%s%u",
                                    items ? ", " : "", c);
        len += (size_t)n < size - len ? (size_t)n : size - len - 1;
        items++;
    }
    if (rest)
        snprintf(buf + len, size - len, " and %zu more", rest);
    return buf;
}

static const char *vhint(char *msg, const char *word,
                         const pricing__choices *c, const char *fmt,
                         va_list ap)
{
    size_t len, mark;
    long near;

    vsnprintf(msg, PRICING_ERROR_MESSAGE_SIZE, fmt, ap);
    len = strlen(msg);
    if (len + 1 >= PRICING_ERROR_MESSAGE_SIZE)
        return msg; /* the head filled it: no hint */
    near = word ? pricing__suggest(word, strlen(word), c) : -1;
    if (near >= 0) {
        mark = len;
        if (puts0(msg, &len, "; did you mean '") ||
            puts0(msg, &len, name_at(c, (size_t)near)) ||
            puts0(msg, &len, "'?")) {
            len = mark;
            msg[len] = '\0';
        }
    }
    put_list(msg, &len, c);
    return msg;
}

const char *pricing__hint_message(char *msg, const char *word,
                                  const pricing__choices *c,
                                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vhint(msg, word, c, fmt, ap);
    va_end(ap);
    return msg;
}

int pricing__error_hint(pricing_error *err, pricing_code code,
                        const pricing__path *path, const char *word,
                        const pricing__choices *c, const char *fmt, ...)
{
    char msg[PRICING_ERROR_MESSAGE_SIZE];
    va_list ap;
    if (!err || err->code != PRICING_OK)
        return -(int)code; /* the first error wins: no message to build */
    va_start(ap, fmt);
    vhint(msg, word, c, fmt, ap);
    va_end(ap);
    return pricing__error(err, code, path, "%s", msg);
}
