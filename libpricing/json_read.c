/* SPDX-License-Identifier: MIT */
/* json_read.c - checked JSON as a cJSON tree or a view, and typed member
 * access. */
#include <stdlib.h>
#include <string.h>

#include "pricing.h"
#include "decimal.h"
#include "json_defer.h"
#include "json_read.h"
#include "suggest.h"

/* Numbers in document order get their lexeme ordinal. cJSON keeps
 * members and elements in text order, and the strict pass has already
 * bounded the depth, so this recursion is at most PRICING_MAX_DEPTH deep. */
int pricing__json_number_ordinals(cJSON *node, size_t *next, size_t n)
{
    for (; node; node = node->next) {
        if (cJSON_IsNumber(node)) {
            if (*next >= n)
                return -1;
            node->valueint = (int)(*next)++;
        } else if (node->child &&
                   pricing__json_number_ordinals(node->child, next, n) != 0) {
            return -1;
        }
    }
    return 0;
}

/* The JSON type of the value starting at the first non-blank byte of a
 * checked text, for the message; NULL when it is an object. */
static const char *root_type(const char *text, size_t len)
{
    size_t i = 0;

    while (i < len && (text[i] == ' ' || text[i] == '\t' ||
                       text[i] == '\n' || text[i] == '\r'))
        i++;
    switch (i < len ? text[i] : '{') {
    case '{': return NULL;
    case '[': return "an array";
    case '"': return "a string";
    case 't':
    case 'f': return "a boolean";
    case 'n': return "null";
    default: return "a number";
    }
}

/*
 * Every document libpricing reads is an object, and each reader's first
 * check is that the root is one. A text that is anything else gets that
 * same error from the strict pass alone (after its own errors, which come
 * first as always), with no number table and no tree: an array of 32
 * million zeros costs nothing but the scan. Returns 1 when the text is
 * (or may be) an object, else 0 or -code.
 */
static int not_object(const char *text, size_t len, size_t max_bytes,
                      pricing_error *err)
{
    const char *found = len <= max_bytes && text ? root_type(text, len)
                                                 : NULL;
    int rc;

    if (!found)
        return 1;
    rc = pricing__json_check(text, len, max_bytes, NULL, err);
    if (rc != 0)
        return rc;
    return pricing__error_at(err, PRICING_WRONG_TYPE, "",
                             "expected an object, found %s", found);
}

/* defer: a catalog, whose SKU lists are left out of the tree
 * (json_defer.h). */
static int doc_parse(pricing__doc *doc, const char *text, size_t len,
                     size_t max_bytes, int defer, pricing_error *err)
{
    const char *end = NULL;
    size_t next = 0;
    int rc;

    memset(doc, 0, sizeof *doc);
    if ((rc = not_object(text, len, max_bytes, err)) != 1)
        return rc;
    rc = pricing__json_check_spans(text, len, max_bytes, &doc->nums,
                                   defer ? &doc->spans : NULL, err);
    if (rc != 0) {
        pricing__numbers_dispose(&doc->nums);
        return rc;
    }
    doc->text = text;
    doc->lex = doc->nums.v;
    if (pricing__defer_worth(doc, len))
        return pricing__defer_parse(doc, len, err);
    pricing__spans_dispose(&doc->spans);
    /* Our own error position is used, never cJSON_GetErrorPtr (a
     * process-wide global). Text that passed the strict pass can only
     * fail here for lack of memory. */
    doc->root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!doc->root) {
        pricing__numbers_dispose(&doc->nums);
        doc->lex = NULL;
        return pricing__nomem(err);
    }
    if (pricing__json_number_ordinals(doc->root, &next, doc->nums.n) != 0 ||
        next != doc->nums.n) {
        pricing__doc_dispose(doc);
        return pricing__error_at(err, PRICING_JSON_SYNTAX, "",
                                 "internal: number table mismatch");
    }
    return 0;
}

int pricing__doc_parse(pricing__doc *doc, const char *text, size_t len,
                       size_t max_bytes, pricing_error *err)
{
    return doc_parse(doc, text, len, max_bytes, 0, err);
}

int pricing__doc_parse_catalog(pricing__doc *doc, const char *text,
                               size_t len, pricing_error *err)
{
    return doc_parse(doc, text, len, PRICING_MAX_CATALOG_BYTES, 1, err);
}

int pricing__doc_view(pricing__doc *doc, pricing__view *view,
                      const char *text, size_t len, size_t max_bytes,
                      pricing_error *err)
{
    int rc;

    memset(doc, 0, sizeof *doc);
    if ((rc = not_object(text, len, max_bytes, err)) != 1 ||
        (rc = pricing__json_check_view(text, len, max_bytes, view, err)) !=
            0) {
        pricing__view_done(view);
        return rc;
    }
    doc->root = view->nodes;
    doc->text = text;
    doc->lex = view->nums.v;
    doc->view = view;
    return 0;
}

void pricing__doc_dispose(pricing__doc *doc)
{
    if (doc->view) {
        pricing__view_done(doc->view);
        doc->view = NULL;
    } else {
        cJSON_Delete(doc->root);
        pricing__numbers_dispose(&doc->nums);
        pricing__spans_dispose(&doc->spans);
        free(doc->skeleton);
        doc->skeleton = NULL;
    }
    doc->root = NULL;
    doc->lex = NULL;
}

const pricing__numlex *pricing__rd_num(const pricing__rd *rd,
                                       const cJSON *node)
{
    return &rd->doc->lex[node->valueint];
}

static const char *json_type_name(const cJSON *node)
{
    if (cJSON_IsObject(node))
        return "an object";
    if (cJSON_IsArray(node))
        return "an array";
    if (cJSON_IsString(node))
        return "a string";
    if (cJSON_IsNumber(node))
        return "a number";
    if (cJSON_IsBool(node))
        return "a boolean";
    return "null";
}

int pricing__rd_wrong_type(pricing__rd *rd, const cJSON *node,
                           const char *expected)
{
    return pricing__error(rd->err, PRICING_WRONG_TYPE, &rd->path,
                          "expected %s, found %s", expected,
                          json_type_name(node));
}

int pricing__rd_members(pricing__rd *rd, const cJSON *node,
                        const char *const *keys, const cJSON **out)
{
    const cJSON *m;
    size_t i;

    if (!cJSON_IsObject(node))
        return pricing__rd_wrong_type(rd, node, "an object");
    for (i = 0; keys[i]; i++)
        out[i] = NULL;
    for (m = node->child; m; m = m->next) {
        /* The first byte before the call: most keys differ there. */
        for (i = 0; keys[i]; i++)
            if (m->string[0] == keys[i][0] && strcmp(m->string, keys[i]) == 0)
                break;
        if (!keys[i]) {
            pricing__choices c = pricing__choices_list("fields", keys);
            pricing__path_push_key(&rd->path, m->string, strlen(m->string));
            return pricing__error_hint(rd->err, PRICING_UNKNOWN_FIELD,
                                       &rd->path, m->string, &c,
                                       "unknown field '%.64s'", m->string);
        }
        out[i] = m;
    }
    return 0;
}

int pricing__rd_string(pricing__rd *rd, const cJSON *node, size_t max_bytes,
                       const char **out)
{
    if (!cJSON_IsString(node))
        return pricing__rd_wrong_type(rd, node, "a string");
    if (strlen(node->valuestring) > max_bytes)
        return pricing__error(rd->err, PRICING_LIMIT_EXCEEDED, &rd->path,
                              "string longer than %zu bytes", max_bytes);
    *out = node->valuestring;
    return 0;
}

int pricing__rd_id(pricing__rd *rd, const cJSON *node, const char **out)
{
    int rc = pricing__rd_string(rd, node, PRICING_MAX_ID_BYTES, out);
    if (rc == 0 && (*out)[0] == '\0')
        return pricing__error(rd->err, PRICING_INVALID_VALUE, &rd->path,
                              "an id may not be empty");
    return rc;
}

int pricing__rd_integer(pricing__rd *rd, const cJSON *node, uint64_t *out)
{
    const pricing__numlex *lx;
    const char *p;
    size_t i, start, n;
    uint64_t v = 0;

    if (!cJSON_IsNumber(node))
        return pricing__rd_wrong_type(rd, node, "an integer");
    lx = pricing__rd_num(rd, node);
    if (lx->flags & (PRICING__NUM_FRAC | PRICING__NUM_EXP))
        return pricing__error(rd->err, PRICING_WRONG_TYPE, &rd->path,
                              "expected an integer without fraction or "
                              "exponent");
    p = rd->doc->text + lx->offset;
    start = (lx->flags & PRICING__NUM_MINUS) ? 1 : 0;
    n = lx->length;
    if (start && !(n == 2 && p[1] == '0'))
        return PRICING__INT_NEGATIVE;
    if (n - start > 16)
        return PRICING__INT_TOO_BIG;
    for (i = start; i < n; i++)
        v = v * 10 + (uint64_t)(p[i] - '0');
    if (v > PRICING_MAX_QUANTITY)
        return PRICING__INT_TOO_BIG;
    *out = v;
    return 0;
}

int pricing__rd_bool(pricing__rd *rd, const cJSON *node, int *out)
{
    if (!cJSON_IsBool(node))
        return pricing__rd_wrong_type(rd, node, "a boolean");
    *out = cJSON_IsTrue(node) ? 1 : 0;
    return 0;
}

int pricing__rd_amount(pricing__rd *rd, const cJSON *node,
                       char *(*copy)(void *ctx, const char *s, size_t n),
                       void *ctx, const char **text, unsigned *frac)
{
    const char *s;
    size_t len;
    int rc;

    if (cJSON_IsNumber(node)) {
        const pricing__numlex *lx = pricing__rd_num(rd, node);
        s = rd->doc->text + lx->offset;
        len = lx->length;
        if (lx->flags & PRICING__NUM_MINUS)
            return pricing__error(rd->err, PRICING_INVALID_AMOUNT, &rd->path,
                                  "amounts are never negative");
        if (lx->flags & (PRICING__NUM_FRAC | PRICING__NUM_EXP))
            return pricing__error(rd->err, PRICING_INEXACT_NUMBER, &rd->path,
                                  "write fractional amounts as strings, "
                                  "e.g. \"19.99\"");
        if (len > 15)
            return pricing__error(rd->err, PRICING_LIMIT_EXCEEDED, &rd->path,
                                  "an amount written as a JSON number has "
                                  "at most 15 digits; write it as a string");
    } else if (cJSON_IsString(node)) {
        s = node->valuestring;
        len = strlen(s);
        if (len > 0 && s[0] == '-')
            return pricing__error(rd->err, PRICING_INVALID_AMOUNT, &rd->path,
                                  "amounts are never negative");
    } else {
        return pricing__rd_wrong_type(rd, node, "an amount string");
    }
    rc = pricing__decimal_check(s, len, frac);
    if (rc == PRICING__DEC_SYNTAX)
        return pricing__error(rd->err, PRICING_INVALID_AMOUNT, &rd->path,
                              "\"%.40s\" is not a plain decimal amount such "
                              "as \"19.99\"", s);
    if (rc == PRICING__DEC_DIGITS)
        return pricing__error(rd->err, PRICING_LIMIT_EXCEEDED, &rd->path,
                              "an amount has at most %d integer and %d "
                              "fraction digits",
                              PRICING_MAX_AMOUNT_INT_DIGITS,
                              PRICING_MAX_AMOUNT_FRAC_DIGITS);
    *text = copy(ctx, s, len);
    if (!*text)
        return pricing__nomem(rd->err);
    return 0;
}
