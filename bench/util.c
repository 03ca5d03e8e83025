/* SPDX-License-Identifier: MIT */
/* util.c - the benchmark's plumbing: fatal errors, allocation, a string
 * builder and whole-file I/O. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

void sb_reserve(sb *b, size_t extra)
{
    if (b->n + extra + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 4096;
        while (c < b->n + extra + 1)
            c *= 2;
        b->p = xrealloc(b->p, c);
        b->cap = c;
    }
}

void sb_put(sb *b, const char *s)
{
    size_t n = strlen(s);
    sb_reserve(b, n);
    memcpy(b->p + b->n, s, n + 1);
    b->n += n;
}

void sb_printf(sb *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        die("vsnprintf");
    sb_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    sb b = {0};
    size_t got;
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    do {
        sb_reserve(&b, 1 << 16);
        got = fread(b.p + b.n, 1, 1 << 16, f);
        b.n += got;
    } while (got > 0);
    fclose(f);
    sb_reserve(&b, 0);
    b.p[b.n] = '\0';
    *len = b.n;
    return b.p;
}

void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        die("cannot write %s", path);
}
