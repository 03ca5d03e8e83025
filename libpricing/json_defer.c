/* SPDX-License-Identifier: MIT */
/* json_defer.c - a catalog's SKU lists, parsed one element at a time
 * (json_defer.h). */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "json_defer.h"

static int mismatch(pricing_error *err)
{
    return pricing__error_at(err, PRICING_JSON_SYNTAX, "",
                             "internal: number table mismatch");
}

/* Where the walk of the skeleton is: the next span and number ordinal. */
typedef struct walk {
    const pricing__doc *doc;
    size_t span, num;
} walk;

/* What the members or elements of a list are, for the SKU list test of
 * the strict pass (pricing__span): plain values, the elements of a
 * "specs" array, or the members of such an element. */
enum where { PLAIN, SPECS_ELEMS, SPEC_MEMBERS };

static int is_key(const cJSON *node, const char *key)
{
    return node->string && strcmp(node->string, key) == 0;
}

/* Numbers get their ordinals as pricing__json_number_ordinals gives
 * them, and the emptied lists theirs (valueint = span index + 1), which
 * the numbers inside them skip. Depth is bounded by the strict pass. */
static int mark(walk *w, cJSON *node, enum where at)
{
    const pricing__spans *sp = &w->doc->spans;

    for (; node; node = node->next) {
        enum where inner = PLAIN;
        if (at == SPEC_MEMBERS && cJSON_IsArray(node) && is_key(node, "skus")) {
            if (w->span >= sp->n || node->child ||
                w->num != sp->v[w->span].first_num)
                return -1;
            w->num += sp->v[w->span].nnums;
            node->valueint = (int)++w->span;
            continue;
        }
        if (cJSON_IsNumber(node)) {
            if (w->num >= w->doc->nums.n)
                return -1;
            node->valueint = (int)w->num++;
            continue;
        }
        if (cJSON_IsArray(node) && is_key(node, "specs"))
            inner = SPECS_ELEMS;
        else if (at == SPECS_ELEMS && cJSON_IsObject(node))
            inner = SPEC_MEMBERS;
        if (node->child && mark(w, node->child, inner) != 0)
            return -1;
    }
    return 0;
}

int pricing__defer_worth(const pricing__doc *doc, size_t len)
{
    size_t in = 0, i;
    for (i = 0; i < doc->spans.n; i++)
        in += doc->spans.v[i].end - doc->spans.v[i].start;
    return doc->spans.n > 0 && in >= len - in;
}

int pricing__defer_parse(pricing__doc *doc, size_t len, pricing_error *err)
{
    const pricing__spans *sp = &doc->spans;
    size_t n = 0, at = 0, i;
    const char *end = NULL;
    walk w;
    char *p;

    /* The text with each list emptied: "[...]" becomes "[]". */
    for (i = 0; i < sp->n; i++) {
        n += sp->v[i].start - at + 2;
        at = sp->v[i].end;
    }
    n += len - at;
    if (!(doc->skeleton = p = malloc(n))) {
        pricing__doc_dispose(doc);
        return pricing__nomem(err);
    }
    for (at = 0, i = 0; i < sp->n; i++) {
        memcpy(p, doc->text + at, sp->v[i].start - at);
        p += sp->v[i].start - at;
        *p++ = '[';
        *p++ = ']';
        at = sp->v[i].end;
    }
    memcpy(p, doc->text + at, len - at);
    /* Text that passed the strict pass fails only for lack of memory. */
    doc->root = cJSON_ParseWithLengthOpts(doc->skeleton, n, &end, 0);
    if (!doc->root) {
        pricing__doc_dispose(doc);
        return pricing__nomem(err);
    }
    w.doc = doc;
    w.span = w.num = 0;
    if (mark(&w, doc->root, PLAIN) != 0 || w.span != sp->n ||
        w.num != doc->nums.n) {
        pricing__doc_dispose(doc);
        return mismatch(err);
    }
    return 0;
}

/* ---------------------------------------------------------------- elements */

static const pricing__span *deferred(const pricing__doc *doc,
                                     const cJSON *array)
{
    if (!cJSON_IsArray(array) || array->valueint <= 0 ||
        (size_t)array->valueint > doc->spans.n)
        return NULL;
    return &doc->spans.v[array->valueint - 1];
}

size_t pricing__elems_count(const pricing__doc *doc, const cJSON *array)
{
    const pricing__span *s = deferred(doc, array);
    const cJSON *e;
    size_t n = 0;

    if (s)
        return s->count;
    for (e = array->child; e; e = e->next)
        n++;
    return n;
}

void pricing__elems_start(pricing__elems *it, const pricing__doc *doc,
                          const cJSON *array)
{
    memset(it, 0, sizeof *it);
    it->doc = doc;
    it->span = deferred(doc, array);
    if (it->span) {
        it->pos = it->span->start + 1;
        it->num = it->span->first_num;
        it->left = it->span->count;
    } else {
        it->next = array->child;
    }
}

void pricing__elems_end(pricing__elems *it)
{
    cJSON_Delete(it->own);
    it->own = NULL;
}

static int blank(char b)
{
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
}

int pricing__elems_next(pricing__elems *it, const cJSON **out,
                        pricing_error *err)
{
    const pricing__doc *doc = it->doc;
    const char *text = doc->text, *end = NULL;
    size_t stop, j, next;

    pricing__elems_end(it);
    if (!it->span) {
        if (!(*out = it->next))
            return 0;
        it->next = it->next->next;
        return 1;
    }
    if (it->left == 0)
        return 0;
    stop = it->span->end - 1; /* the ']' */
    while (it->pos < stop && (blank(text[it->pos]) || text[it->pos] == ','))
        it->pos++;
    it->own = cJSON_ParseWithLengthOpts(text + it->pos, stop - it->pos,
                                        &end, 0);
    if (!it->own)
        return pricing__nomem(err);
    /* Its numbers are the lexemes from it->num up to its end. */
    it->pos = (size_t)(end - text);
    for (j = it->num; j < doc->nums.n && doc->nums.v[j].offset < it->pos; j++)
        ;
    next = it->num;
    /* No lexeme in its span: the strict pass saw every number, so there
     * is none to number (most SKU entries write amounts as strings). */
    if (j > it->num &&
        (pricing__json_number_ordinals(it->own, &next, j) != 0 || next != j))
        return mismatch(err);
    it->num = j;
    it->left--;
    *out = it->own;
    return 1;
}
