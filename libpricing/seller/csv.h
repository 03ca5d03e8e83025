/* SPDX-License-Identifier: MIT */
/* csv.h - reading RFC 4180 CSV, one record at a time (private).
 *
 * Fields are separated by commas; a record ends at CRLF, LF or CR. A
 * field may be quoted ("..."), and then holds commas, line breaks and
 * doubled quotes. A quote inside an unquoted field, text after a closing
 * quote, an unclosed quote and a NUL byte are errors. A UTF-8 byte order
 * mark at the start is skipped (spreadsheets write one). */
#ifndef PRICING_CSV_H
#define PRICING_CSV_H

#include <stdarg.h>
#include <stddef.h>

#include "error.h"

typedef struct pricing__csv {
    const char *p, *end;
    size_t record;        /* the number of the last record read, from 1 */
    pricing_buffer text;  /* the fields' text, each NUL-terminated */
    size_t *offs;         /* where each field starts in text */
    size_t *lens;         /* after a read: each field's length */
    const char **fields;  /* after a read: nfields pointers into text */
    size_t nfields, offs_cap, lens_cap, fields_cap;
    /* Column names for error paths (the header), or NULL: numbers. */
    const char *const *names;
    size_t nnames;
} pricing__csv;

void pricing__csv_init(pricing__csv *c, const char *data, size_t len);
void pricing__csv_dispose(pricing__csv *c);

/* Reads the next record: 1, 0 at the end of the text, or -code. */
int pricing__csv_next(pricing__csv *c, pricing_error *err);

/* 1 for a record of one empty field (a blank line). */
int pricing__csv_blank(const pricing__csv *c);

/*
 * An error at field (0-based) of the current record: path
 * "/row/N/column/NAME" (NAME from names, else the 1-based number), line
 * N and column field + 1. field (size_t)-1 means the whole row: path
 * "/row/N", line and column left 0. Returns -code.
 */
int pricing__csv_error(const pricing__csv *c, pricing_error *err,
                       pricing_code code, size_t field, const char *fmt,
                       ...) PRICING_PRINTF(5, 6);
int pricing__csv_verror(const pricing__csv *c, pricing_error *err,
                        pricing_code code, size_t field, const char *fmt,
                        va_list ap) PRICING_PRINTF(5, 0);

#endif
