/* SPDX-License-Identifier: MIT */
/* progress.h - a one-line progress display on standard error, shown only
 * when standard error is a terminal, for the long commands. */
#ifndef PRICING_CLI_PROGRESS_H
#define PRICING_CLI_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

typedef struct progress {
    int on;             /* standard error is a terminal and not --quiet */
    const char *what;   /* "batch", "import", ... */
    uint64_t total;     /* input bytes when known, else 0 */
    uint64_t start, last; /* milliseconds, monotonic */
    int shown;          /* a line is on the terminal */
} progress;

/* total: the input's size when known, else 0. */
void progress_init(progress *p, const char *what, uint64_t total, int quiet);
/* Redraws at most a few times a second: lines done, rate, share done. */
void progress_update(progress *p, uint64_t lines, uint64_t bytes);
/* For work the library does in one call: "N UNIT, working", drawn at once
 * when the input is large enough to take a while (size >= 1 MiB). */
void progress_note(progress *p, const char *data, size_t size,
                   const char *unit);
/* Erases the line. */
void progress_end(progress *p);

#endif
