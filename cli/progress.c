/* SPDX-License-Identifier: MIT */
/* progress.c - the progress display: "\r" and a redrawn line, erased at
 * the end, so that nothing of it stays in a terminal's scrollback and
 * nothing at all reaches a file or a pipe. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

/* Milliseconds, monotonic. */
static uint64_t now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void progress_init(progress *p, const char *what, uint64_t total, int quiet)
{
    p->on = !quiet && isatty(STDERR_FILENO);
    p->what = what;
    p->total = total;
    p->start = p->last = p->on ? now() : 0;
    p->shown = 0;
}

void progress_update(progress *p, uint64_t lines, uint64_t bytes)
{
    uint64_t t;

    if (!p->on)
        return;
    t = now();
    if (t - p->last < 250)
        return;
    p->last = t;
    fprintf(stderr, "\rpricing: %s: %llu lines, %llu lines/s", p->what,
            (unsigned long long)lines,
            (unsigned long long)(t > p->start ? lines * 1000u / (t - p->start)
                                              : 0));
    if (p->total)
        fprintf(stderr, ", %u%%",
                (unsigned)(bytes >= p->total ? 100 : bytes * 100 / p->total));
    fputs("\033[K", stderr);
    fflush(stderr);
    p->shown = 1;
}

void progress_note(progress *p, const char *data, size_t size,
                   const char *unit)
{
    const char *q = data, *end = data + size;
    uint64_t lines = 0;

    if (!p->on || size < (1u << 20))
        return;
    while (q < end && (q = memchr(q, '\n', (size_t)(end - q))) != NULL) {
        lines++;
        q++;
    }
    fprintf(stderr, "\rpricing: %s: %llu %s, working\033[K", p->what,
            (unsigned long long)lines, unit);
    fflush(stderr);
    p->shown = 1;
}

void progress_end(progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    p->shown = 0;
}
