/* SPDX-License-Identifier: MIT */
/* csv.c - RFC 4180 records into reused buffers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "memory.h"

void pricing__csv_init(pricing__csv *c, const char *data, size_t len)
{
    memset(c, 0, sizeof *c);
    c->p = data;
    c->end = data + len;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        c->p += 3;
}

void pricing__csv_dispose(pricing__csv *c)
{
    pricing_buffer_dispose(&c->text);
    free(c->offs);
    free(c->lens);
    free(c->fields);
    c->offs = c->lens = NULL;
    c->fields = NULL;
}

int pricing__csv_error(const pricing__csv *c, pricing_error *err,
                       pricing_code code, size_t field, const char *fmt, ...)
{
    va_list ap;
    int rc;
    va_start(ap, fmt);
    rc = pricing__csv_verror(c, err, code, field, fmt, ap);
    va_end(ap);
    return rc;
}

int pricing__csv_verror(const pricing__csv *c, pricing_error *err,
                        pricing_code code, size_t field, const char *fmt,
                        va_list ap)
{
    char msg[PRICING_ERROR_MESSAGE_SIZE];
    pricing__path path;
    int was_set = err && err->code != PRICING_OK, rc;

    vsnprintf(msg, sizeof msg, fmt, ap);
    pricing__path_init(&path);
    pricing__path_push_key(&path, "row", 3);
    pricing__path_push_index(&path, c->record);
    if (field != (size_t)-1) {
        pricing__path_push_key(&path, "column", 6);
        if (c->names && field < c->nnames)
            pricing__path_push_key(&path, c->names[field],
                                   strlen(c->names[field]));
        else
            pricing__path_push_index(&path, field + 1);
    }
    rc = pricing__error(err, code, &path, "%s", msg);
    if (err && !was_set && field != (size_t)-1) {
        err->line = (int)c->record;
        err->column = (int)field + 1;
    }
    return rc;
}

static int put(pricing__csv *c, const char *s, size_t n)
{
    if (pricing__buffer_reserve(&c->text, n) != 0)
        return -1;
    memcpy(c->text.data + c->text.size, s, n);
    c->text.size += n;
    return 0;
}

/* Starts field number nfields at the current end of text. */
static int open_field(pricing__csv *c)
{
    if (pricing__grow((void **)&c->offs, &c->offs_cap, c->nfields + 1,
                      sizeof *c->offs) != 0)
        return -1;
    c->offs[c->nfields] = c->text.size;
    return 0;
}

static int close_field(pricing__csv *c)
{
    if (pricing__grow((void **)&c->lens, &c->lens_cap, c->nfields + 1,
                      sizeof *c->lens) != 0 ||
        pricing__grow((void **)&c->fields, &c->fields_cap, c->nfields + 1,
                      sizeof *c->fields) != 0)
        return -1;
    c->lens[c->nfields] = c->text.size - c->offs[c->nfields];
    c->nfields++;
    return put(c, "", 1);
}

static int field_end(char ch)
{
    return ch == ',' || ch == '\r' || ch == '\n';
}

/* A quoted field, p just past its opening quote. */
static int quoted(pricing__csv *c, pricing_error *err)
{
    const char *p = c->p, *end = c->end, *run;
    for (;;) {
        run = p;
        while (p < end && *p != '"' && *p != '\0')
            p++;
        if (put(c, run, (size_t)(p - run)) != 0)
            return pricing__nomem(err);
        if (p >= end)
            return pricing__csv_error(c, err, PRICING_INVALID_VALUE,
                                      c->nfields, "a quoted field is not "
                                      "closed");
        if (*p == '\0')
            return pricing__csv_error(c, err, PRICING_INVALID_VALUE,
                                      c->nfields, "a NUL byte");
        if (p + 1 < end && p[1] == '"') {
            if (put(c, "\"", 1) != 0)
                return pricing__nomem(err);
            p += 2;
            continue;
        }
        p++;
        break;
    }
    c->p = p;
    if (p < end && !field_end(*p))
        return pricing__csv_error(c, err, PRICING_INVALID_VALUE, c->nfields,
                                  "text after a closing quote (a quote in "
                                  "a quoted field is written \"\")");
    return 0;
}

static int unquoted(pricing__csv *c, pricing_error *err)
{
    const char *p = c->p, *end = c->end;
    while (p < end && !field_end(*p)) {
        if (*p == '"')
            return pricing__csv_error(c, err, PRICING_INVALID_VALUE,
                                      c->nfields, "a quote in an unquoted "
                                      "field (quote the field and double "
                                      "the quote)");
        if (*p == '\0')
            return pricing__csv_error(c, err, PRICING_INVALID_VALUE,
                                      c->nfields, "a NUL byte");
        p++;
    }
    if (put(c, c->p, (size_t)(p - c->p)) != 0)
        return pricing__nomem(err);
    c->p = p;
    return 0;
}

int pricing__csv_next(pricing__csv *c, pricing_error *err)
{
    size_t i;
    int rc;

    if (c->p >= c->end)
        return 0;
    c->record++;
    c->nfields = 0;
    c->text.size = 0;
    for (;;) {
        if (open_field(c) != 0)
            return pricing__nomem(err);
        if (*c->p == '"') {
            c->p++;
            rc = quoted(c, err);
        } else {
            rc = unquoted(c, err);
        }
        if (rc != 0)
            return rc;
        if (close_field(c) != 0)
            return pricing__nomem(err);
        if (c->p >= c->end)
            break;
        if (*c->p == ',') {
            c->p++;
            if (c->p >= c->end) { /* "a," at the very end: one more field */
                if (open_field(c) != 0 || close_field(c) != 0)
                    return pricing__nomem(err);
                break;
            }
            continue;
        }
        if (*c->p++ == '\r' && c->p < c->end && *c->p == '\n')
            c->p++;
        break;
    }
    for (i = 0; i < c->nfields; i++)
        c->fields[i] = c->text.data + c->offs[i];
    return 1;
}

int pricing__csv_blank(const pricing__csv *c)
{
    return c->nfields == 1 && c->lens[0] == 0;
}
