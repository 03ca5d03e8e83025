/* SPDX-License-Identifier: MIT */
/* lint.c - pricing_catalog_lint: the warning list, the walk over versions
 * and currencies, and its JSON Lines and text forms.
 *
 * Warnings are kept as code + offsets into one text buffer, so a catalog
 * with many costs a few dozen bytes a warning beyond its text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "history.h"
#include "lint.h"
#include "memory.h"
#include "utf8.h"
#include "writer.h"

typedef struct lint_entry {
    const char *code;
    size_t path, message; /* offsets into text */
} lint_entry;

struct pricing_lint {
    lint_entry *e;
    size_t n, cap;
    char *text;
    size_t len, text_cap;
};

static int keep(pricing_lint *l, const char *s, size_t *at)
{
    size_t n = strlen(s) + 1;
    if (pricing__grow((void **)&l->text, &l->text_cap, l->len + n, 1) != 0)
        return -1;
    memcpy(l->text + l->len, s, n);
    *at = l->len;
    l->len += n;
    return 0;
}

void pricing__lint_add(pricing__lint_ctx *lx, const char *code,
                       const char *path, const char *fmt, ...)
{
    pricing_lint *l = lx->list;
    pricing_error e;
    char raw[PRICING_ERROR_MESSAGE_SIZE];
    va_list ap;
    lint_entry *x;

    if (lx->failed)
        return;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    /* The error writer's cleaning: one line, whole UTF-8 characters. */
    pricing_error_init(&e);
    (void)pricing__error_at(&e, PRICING_INVALID_VALUE, path, "%s", raw);
    if (pricing__grow((void **)&l->e, &l->cap, l->n + 1, sizeof *l->e) != 0) {
        lx->failed = 1;
        return;
    }
    x = &l->e[l->n];
    x->code = code;
    if (keep(l, e.path, &x->path) != 0 ||
        keep(l, e.message, &x->message) != 0) {
        lx->failed = 1;
        return;
    }
    l->n++;
}

void pricing__lint_amount(char *out, size_t size, const pricing__lint_ctx *lx,
                          const mpz_t v)
{
    const pricing_catalog *cat = lx->cat;
    char tmp[160], *dot;
    size_t n, frac;

    if (pricing__decimal_format_size(v, cat->scale) > sizeof tmp) {
        snprintf(out, size, "(a %zu-digit amount)",
                 mpz_sizeinbase(v, 10));
        return;
    }
    n = pricing__decimal_format(tmp, v, cat->scale, 1);
    dot = strchr(tmp, '.');
    frac = dot ? n - (size_t)(dot - tmp) - 1 : 0;
    if (cat->minor_units > 0 && !dot && n + 1 < sizeof tmp)
        tmp[n++] = '.';
    for (; frac < cat->minor_units && n + 1 < sizeof tmp; frac++)
        tmp[n++] = '0';
    tmp[n] = '\0';
    if (lx->ncur > 1)
        snprintf(out, size, "%s %s", tmp, cat->currency);
    else
        snprintf(out, size, "%s", tmp);
}

void pricing__lint_charge_path(pricing__path *p, const pricing__lint_ctx *lx,
                               size_t s, size_t pos, pricing__plan plan)
{
    const char *name = pricing__plan_name(plan);
    pricing__path_init(p);
    if (lx->prefix[0]) {
        const char *slash = strrchr(lx->prefix, '/');
        pricing__path_push_key(p, "versions", 8);
        pricing__path_push_key(p, slash + 1, strlen(slash + 1));
    }
    pricing__path_push_key(p, "specs", 5);
    pricing__path_push_index(p, s);
    if (lx->cat->specs[s].custom) {
        pricing__path_push_key(p, "skus", 4);
        pricing__path_push_index(p, pos);
    }
    pricing__path_push_key(p, "prices", 6);
    pricing__path_push_key(p, name, strlen(name));
}

void pricing__lint_sku_name(char *out, size_t size, const pricing__spec *spec,
                            size_t pos)
{
    size_t a, n = 0;
    out[0] = '\0';
    for (a = 0; a < spec->nattrs && n + 1 < size; a++) {
        const pricing__attr *at = &spec->attrs[a];
        if (!at->is_enum)
            continue;
        n += (size_t)snprintf(out + n, size - n, "%s%.40s=%.40s",
                              n ? ", " : "", at->id,
                              at->values[pos / at->radix % at->nvalues]);
    }
    if (n >= size)
        out[size - 1] = '\0';
}

/* One variant: each spec's checks in turn, so a spec's warnings are
 * together; the checks that do not depend on prices once per version. */
static void lint_variant(pricing__lint_ctx *lx, int koogallery)
{
    size_t s;
    for (s = 0; s < lx->cat->nspecs; s++) {
        if (lx->cur == 0) {
            if (koogallery)
                pricing__lint_koogallery(lx, s);
            pricing__lint_tiers(lx, s);
        }
        pricing__lint_prices(lx, s);
        pricing__lint_editions(lx, s);
    }
}

static void lint_version(pricing__lint_ctx *lx, const pricing__hversion *hv,
                         int koogallery)
{
    for (lx->cur = 0; lx->cur < hv->ncats; lx->cur++) {
        lx->cat = hv->cats[lx->cur];
        lx->ncur = hv->ncats;
        lint_variant(lx, koogallery);
    }
}

int pricing_catalog_lint(pricing_lint **out, const pricing_catalog *cat,
                         const char *rules, pricing_error *err)
{
    pricing__lint_ctx lx;
    const pricing__history *h;
    char prefix[40];
    size_t v;
    int rc;

    if (out)
        *out = NULL;
    if (!out || !cat)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_lint: NULL argument");
    if (rules && (rc = pricing_catalog_check_rules(cat, rules, err)) != 0)
        return rc;
    memset(&lx, 0, sizeof lx);
    if (!(lx.list = calloc(1, sizeof *lx.list)))
        return pricing__nomem(err);
    lx.prefix = "";
    h = cat->hist;
    if (!h) {
        lx.cat = cat;
        lx.ncur = 1;
        lint_variant(&lx, !rules);
    } else {
        /* A version handle lints its version; the handle loaded, all. */
        for (v = 0; v < h->nversions; v++) {
            if (cat->owner && &h->versions[v] != cat->hv)
                continue;
            snprintf(prefix, sizeof prefix, "/versions/%zu", v);
            lx.prefix = h->is_history ? prefix : "";
            lint_version(&lx, &h->versions[v], !rules);
        }
    }
    if (lx.failed) {
        pricing_lint_free(lx.list);
        return pricing__nomem(err);
    }
    *out = lx.list;
    return 0;
}

void pricing_lint_free(pricing_lint *lint)
{
    if (!lint)
        return;
    free(lint->e);
    free(lint->text);
    free(lint);
}

size_t pricing_lint_count(const pricing_lint *lint)
{
    return lint ? lint->n : 0;
}

int pricing_lint_warning(pricing_warning *out, const pricing_lint *lint,
                         size_t index, pricing_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!out || !lint)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_lint_warning: NULL argument");
    if (index >= lint->n)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_lint_warning: no warning %zu "
                                 "(there are %zu)",
                                 index, lint->n);
    out->code = lint->e[index].code;
    snprintf(out->path, sizeof out->path, "%s",
             lint->text + lint->e[index].path);
    snprintf(out->message, sizeof out->message, "%s",
             lint->text + lint->e[index].message);
    return 0;
}

/* Appends s as one line of printable text: what a message shows escaped
 * (controls, line and bidi marks) as \uXXXX. Messages are clean already;
 * paths hold catalog ids as they were written. */
static void text_clean(pricing__w *w, const char *s)
{
    const unsigned char *r = (const unsigned char *)s;
    size_t avail = strlen(s);
    while (avail > 0) {
        size_t n = pricing__utf8_length(r, avail);
        uint32_t cp;
        char esc[8];
        if (n == 0) { /* not UTF-8: the replacement character */
            pricing__w_raw(w, "\xEF\xBF\xBD", 3);
            r++;
            avail--;
            continue;
        }
        cp = pricing__utf8_decode(r, n);
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
            cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069)) {
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
            pricing__w_raw(w, esc, 6);
        } else {
            pricing__w_raw(w, (const char *)r, n);
        }
        r += n;
        avail -= n;
    }
}

int pricing_lint_write(pricing_buffer *buf, const pricing_lint *lint,
                       unsigned flags, pricing_error *err)
{
    pricing__w w;
    size_t i;

    if (!buf || !lint)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_lint_write: NULL argument");
    if (flags & ~(unsigned)PRICING_LINT_TEXT)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_lint_write: unknown flags");
    pricing__w_start(&w, buf);
    for (i = 0; i < lint->n; i++) {
        const lint_entry *x = &lint->e[i];
        const char *path = lint->text + x->path;
        const char *msg = lint->text + x->message;
        if (flags & PRICING_LINT_TEXT) {
            pricing__w_lit(&w, x->code);
            pricing__w_lit(&w, " at ");
            text_clean(&w, path);
            pricing__w_lit(&w, ": ");
            pricing__w_lit(&w, msg);
        } else {
            pricing__w_open(&w, '{');
            PRICING__W_KEY(&w, "code");
            pricing__w_cstr(&w, x->code);
            PRICING__W_KEY(&w, "path");
            pricing__w_cstr(&w, path);
            PRICING__W_KEY(&w, "message");
            pricing__w_cstr(&w, msg);
            pricing__w_close(&w, '}');
        }
        pricing__w_raw(&w, "\n", 1);
    }
    if (pricing__w_done(&w) != 0)
        return pricing__nomem(err);
    return 0;
}
