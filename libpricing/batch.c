/* SPDX-License-Identifier: MIT */
/* batch.c - pricing_quote_jsonl: many JSON Lines requests in one call.
 *
 * Each line goes through pricing_quote_json, the driver `pricing batch`
 * calls per line, so the answers are the command's bytes by construction;
 * the answer is then appended to the caller's buffer. The copy costs a few
 * hundred bytes a line, next to thousands of instructions of parsing and
 * pricing, and keeps this file independent of the writer's internals.
 * What is saved is the crossing: a binding calls once per chunk of
 * thousands of lines instead of once per line. */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "memory.h"
#include "pricing.h"

/* The state of one call. */
typedef struct jsonl {
    pricing_buffer *out;
    pricing_buffer line; /* one answer, before it is appended */
    const pricing_catalog *cat;
    pricing_quote *quote;
    uint64_t number; /* the input_line of the line being answered */
    size_t done, rejected;
    /* The lines' error, cleared only after a rejected line (a success
     * writes nothing into it). */
    pricing_error e;
} jsonl;

/* Appends n bytes to out; -1 when out of memory. */
static int append(pricing_buffer *out, const char *s, size_t n)
{
    if (pricing__buffer_reserve(out, n) != 0)
        return -1;
    memcpy(out->data + out->size, s, n);
    out->size += n;
    return 0;
}

/* Appends the error object in j->line with "input_line": N as its last
 * member, as `pricing batch` writes it: the object is compact, so it ends
 * with "}}" and the member goes just before. */
static int append_error(jsonl *j)
{
    char tail[48];
    int n;

    if (j->line.size < 2)
        return -1;
    n = snprintf(tail, sizeof tail, ",\"input_line\":%llu}}\n",
                 (unsigned long long)j->number);
    if (n < 0 || (size_t)n >= sizeof tail)
        return -1;
    if (append(j->out, j->line.data, j->line.size - 2) != 0 ||
        append(j->out, tail, (size_t)n) != 0)
        return -1;
    return 0;
}

/* Answers one line (without its '\n'): 0, or -1 when memory ran out. A
 * rejected request is an answer, not a failure. A line that fails leaves
 * nothing of itself in out. */
static int answer(jsonl *j, const char *p, size_t len)
{
    size_t size0 = j->out->size;
    pricing_error *e = &j->e;
    int rc;

    if (len > PRICING_MAX_REQUEST_BYTES) {
        /* The command's words for a line it stopped reading at the limit;
         * the driver would say the same of the text in other words. */
        e->code = PRICING_LIMIT_EXCEEDED;
        snprintf(e->message, sizeof e->message,
                 "request line longer than %u bytes",
                 PRICING_MAX_REQUEST_BYTES);
        rc = pricing_error_write_json(&j->line, e, 0) != 0
                 ? -PRICING_OUT_OF_MEMORY
                 : -PRICING_LIMIT_EXCEEDED;
    } else {
        rc = pricing_quote_json(&j->line, j->cat, p, len, j->quote, 0, e);
    }
    if (rc != 0)
        pricing_error_init(e);
    if (rc == -PRICING_OUT_OF_MEMORY)
        return -1;
    if (rc == 0 ? append(j->out, j->line.data, j->line.size) != 0 ||
                      append(j->out, "\n", 1) != 0
                : append_error(j) != 0) {
        j->out->size = size0;
        return -1;
    }
    j->rejected += rc != 0;
    j->done++;
    j->number++;
    return 0;
}

/* Answers every line of text; stops at the first line memory fails. */
static int answer_all(jsonl *j, const char *text, size_t len)
{
    const char *p = text, *end = text + len, *nl;

    while (p < end) {
        nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end; /* a last line without '\n' counts */
        if (answer(j, p, (size_t)(nl - p)) != 0)
            return -1;
        p = nl + (nl < end);
    }
    return 0;
}

int pricing_quote_jsonl(pricing_buffer *out, size_t *lines_done,
                        size_t *rejected, const pricing_catalog *catalog,
                        const char *jsonl_text, size_t len,
                        uint64_t first_line, pricing_quote *quote,
                        unsigned flags, pricing_error *err)
{
    pricing_quote *own = NULL;
    jsonl j;
    int rc;

    if (lines_done)
        *lines_done = 0;
    if (rejected)
        *rejected = 0;
    if (!out || !catalog || (!jsonl_text && len > 0))
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_jsonl: NULL argument");
    if (first_line == 0)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_jsonl: lines are numbered "
                                 "from 1");
    if (flags != 0)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_jsonl: unknown flags (JSON "
                                 "Lines are compact)");
    if (!quote && (rc = pricing_quote_new(&own, err)) != 0)
        return rc;
    memset(&j, 0, sizeof j);
    pricing_error_init(&j.e);
    j.out = out;
    j.cat = catalog;
    j.quote = quote ? quote : own;
    j.number = first_line;
    rc = (len && answer_all(&j, jsonl_text, len) != 0) ||
                 pricing__buffer_reserve(out, 0) != 0
             ? pricing__nomem(err)
             : 0;
    if (out->data)
        out->data[out->size] = '\0';
    if (lines_done)
        *lines_done = j.done;
    if (rejected)
        *rejected = j.rejected;
    pricing_buffer_dispose(&j.line);
    pricing_quote_free(own);
    return rc;
}
