/* SPDX-License-Identifier: MIT */
/* batch.c - pricing batch: one answer per request line, each as soon as
 * it can be given.
 *
 * Standard input is read with read(2) (fread would wait for a full block
 * from a pipe) into a 1 MiB block; whole lines are answered in place, only
 * a line that straddles two reads is copied. A line longer than the
 * request limit is answered with limit_exceeded as soon as the limit is
 * passed and its rest skipped without being kept; a line of more than the
 * catalog limit ends the run (it is no longer JSON Lines, e.g. /dev/zero).
 * Answers are buffered; when standard input is not a regular file they are
 * flushed whenever the next read would block, so a coprocess that writes
 * one line and waits gets its answer. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"

#define BLOCK (1u << 20)

/* The batch loop's state. */
typedef struct batch {
    const pricing_catalog *cat;
    pricing_quote *quote;
    pricing_buffer out;
    char *carry; /* the part of a line that straddles two reads */
    size_t carry_len, carry_cap;
    uint64_t skipped; /* bytes of an over-long line seen, 0 when none */
    uint64_t lines, rejected, bytes;
    int failed; /* standard output failed */
    int nomem;  /* memory ran out */
    int live;   /* standard input is not a regular file */
    progress progress;
    /* The lines' error: a success writes nothing into it, so it is
     * cleared only after a rejected line (a memset of 1.3 KiB). */
    pricing_error err;
} batch;

/* Writes the error object of input line n: the library's object with
 * "input_line": N as its last member. Batch output is always compact, so
 * the object ends with "}}". */
static int write_error(batch *b, const pricing_error *err)
{
    b->out.size = 0;
    if (pricing_error_write_json(&b->out, err, 0) != 0 || b->out.size < 2)
        return -1;
    if (fwrite(b->out.data, 1, b->out.size - 2, stdout) != b->out.size - 2)
        return -1;
    return printf(",\"input_line\":%llu}}\n",
                  (unsigned long long)b->lines) < 0 ? -1 : 0;
}

/* Answers one request line: a quote or an error object, and a newline. */
static void answer(batch *b, const char *line, size_t len)
{
    int rc;

    b->lines++;
    rc = pricing_quote_json(&b->out, b->cat, line, len, b->quote, 0,
                            &b->err);
    if (rc == 0) {
        rc = cli_emit(&b->out);
    } else {
        b->rejected++;
        if (b->err.code == PRICING_OUT_OF_MEMORY)
            b->nomem = 1;
        rc = write_error(b, &b->err);
        pricing_error_init(&b->err);
    }
    if (rc != 0)
        b->failed = 1;
    b->carry_len = 0;
}

/* The line passed the request limit: answered now, its rest skipped. */
static void answer_too_long(batch *b)
{
    pricing_error err;

    b->lines++;
    b->rejected++;
    pricing_error_init(&err);
    err.code = PRICING_LIMIT_EXCEEDED;
    snprintf(err.message, sizeof err.message,
             "request line longer than %u bytes", PRICING_MAX_REQUEST_BYTES);
    if (write_error(b, &err) != 0 || (b->live && fflush(stdout) != 0))
        b->failed = 1;
    b->skipped = b->carry_len;
    b->carry_len = 0;
}

/* Keeps n more bytes of an unfinished line, up to the limit. */
static void carry(batch *b, const char *p, size_t n)
{
    if (b->skipped) {
        b->skipped += n;
        return;
    }
    if (b->carry_len + n > PRICING_MAX_REQUEST_BYTES) {
        b->carry_len += n;
        answer_too_long(b);
        return;
    }
    if (b->carry_len + n > b->carry_cap) {
        size_t cap = b->carry_cap ? b->carry_cap : 65536;
        char *q;
        while (cap < b->carry_len + n)
            cap *= 2;
        if (!(q = realloc(b->carry, cap))) {
            b->nomem = 1;
            return;
        }
        b->carry = q;
        b->carry_cap = cap;
    }
    memcpy(b->carry + b->carry_len, p, n);
    b->carry_len += n;
}

/* Answers the lines of one block read. */
static void take_block(batch *b, const char *p, size_t n)
{
    const char *end = p + n, *nl;

    while (!b->failed && !b->nomem &&
           (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        size_t len = (size_t)(nl - p);
        if (b->skipped) {
            b->skipped = 0; /* answered when the limit was passed */
        } else if (b->carry_len) {
            carry(b, p, len);
            if (!b->skipped && !b->nomem)
                answer(b, b->carry, b->carry_len);
            b->skipped = 0;
        } else if (len > PRICING_MAX_REQUEST_BYTES) {
            b->carry_len = len;
            answer_too_long(b);
            b->skipped = 0;
        } else {
            answer(b, p, len);
        }
        p = nl + 1;
    }
    if (p < end && !b->failed)
        carry(b, p, (size_t)(end - p));
}

/* Whether a read of fd would block now. */
static int would_block(int fd)
{
    struct pollfd pfd;
    pfd.fd = fd;
    pfd.events = POLLIN;
    pfd.revents = 0;
    return poll(&pfd, 1, 0) == 0;
}

/* Reads and answers standard input to its end; 0, or -1 on a read error. */
static int run(batch *b, char *in)
{
    for (;;) {
        ssize_t n;
        if (b->live && would_block(STDIN_FILENO) && fflush(stdout) != 0)
            b->failed = 1;
        if (b->failed || b->nomem)
            return 0;
        n = read(STDIN_FILENO, in, BLOCK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        b->bytes += (uint64_t)n;
        take_block(b, in, (size_t)n);
        progress_update(&b->progress, b->lines, b->bytes);
        if (b->skipped > PRICING_MAX_CATALOG_BYTES) {
            fprintf(stderr, "pricing: batch: input line %llu longer than %u "
                            "bytes: not JSON Lines, stopped reading\n",
                    (unsigned long long)b->lines, PRICING_MAX_CATALOG_BYTES);
            return 0;
        }
    }
    if (b->carry_len && !b->failed && !b->nomem)
        answer(b, b->carry, b->carry_len); /* a last line without '\n' */
    return 0;
}

static int finish(batch *b, int read_failed)
{
    int status = EXIT_OK;

    progress_end(&b->progress);
    if (read_failed) {
        fprintf(stderr, "pricing: cannot read standard input\n");
        status = EXIT_IO;
    }
    if (b->nomem) {
        fprintf(stderr, "pricing: batch: out of memory at input line %llu\n",
                (unsigned long long)b->lines + 1);
        status = EXIT_NOMEM;
    }
    if (b->failed)
        status = EXIT_IO;
    status = cli_finish_output(status);
    if (b->rejected)
        fprintf(stderr, "pricing: batch: %llu of %llu requests rejected\n",
                (unsigned long long)b->rejected,
                (unsigned long long)b->lines);
    return status == EXIT_OK && b->rejected ? EXIT_REJECTED : status;
}

int cmd_batch(const options *o)
{
    static char outbuf[BLOCK];
    pricing_catalog *cat = NULL;
    pricing_error err;
    struct stat st;
    char *in;
    batch b;
    int read_failed, status;

    memset(&b, 0, sizeof b);
    pricing_error_init(&err);
    if (pricing_catalog_load_file(&cat, o->args[0], &err) != 0 ||
        pricing_quote_new(&b.quote, &err) != 0) {
        pricing_catalog_free(cat);
        return cli_report(&err, 0, o->args[0]);
    }
    if (!(in = malloc(BLOCK))) {
        pricing_quote_free(b.quote);
        pricing_catalog_free(cat);
        fprintf(stderr, "pricing: batch: out of memory\n");
        return EXIT_NOMEM;
    }
    b.cat = cat;
    pricing_error_init(&b.err);
    b.live = fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode);
    progress_init(&b.progress, "batch",
                  b.live ? 0 : (uint64_t)st.st_size, o->value[OPT_quiet] != NULL);
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    read_failed = run(&b, in) != 0;
    status = finish(&b, read_failed);
    setvbuf(stdout, NULL, _IONBF, 0);
    free(in);
    free(b.carry);
    pricing_buffer_dispose(&b.out);
    pricing_quote_free(b.quote);
    pricing_catalog_free(cat);
    return status;
}
