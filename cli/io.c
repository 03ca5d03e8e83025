/* SPDX-License-Identifier: MIT */
/* io.c - whole-input reads with a size cap, for the pricing command. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io.h"

static int io_error(pricing_error *err, pricing_code code, const char *msg,
                    const char *name)
{
    if (err) {
        pricing_error_init(err);
        err->code = code;
        snprintf(err->message, sizeof err->message, "%s: %s", name, msg);
    }
    return -(int)code;
}

int cli_read_stream(char **data, size_t *len, FILE *f, size_t max,
                    const char *name, pricing_error *err)
{
    char *buf = NULL, *p;
    size_t n = 0, cap = 0, got;

    *data = NULL;
    *len = 0;
    for (;;) {
        if (n == cap) {
            /* Read at most max + 1 bytes, in a buffer never larger: a
             * /dev/zero ends here, having cost max + 1 bytes. */
            size_t want = cap ? cap * 2 : 65536;
            if (n > max) {
                free(buf);
                return io_error(err, PRICING_LIMIT_EXCEEDED,
                                "input too large", name);
            }
            if (want > max + 1)
                want = max + 1;
            if (!(p = realloc(buf, want))) {
                free(buf);
                return io_error(err, PRICING_OUT_OF_MEMORY, "out of memory",
                                name);
            }
            buf = p;
            cap = want;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        free(buf);
        return io_error(err, PRICING_IO_ERROR, e ? strerror(e) : "read error",
                        name);
    }
    if (n > max) {
        free(buf);
        return io_error(err, PRICING_LIMIT_EXCEEDED, "input too large", name);
    }
    *data = buf;
    *len = n;
    return 0;
}

int cli_read_file(char **data, size_t *len, const char *name, size_t max,
                  pricing_error *err)
{
    struct stat st;
    FILE *f;
    int rc;

    if (strcmp(name, "-") == 0)
        return cli_read_stream(data, len, stdin, max, "<stdin>", err);
    f = fopen(name, "rb");
    if (!f)
        return io_error(err, PRICING_IO_ERROR, strerror(errno), name);
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return io_error(err, PRICING_IO_ERROR, "is a directory", name);
    }
    rc = cli_read_stream(data, len, f, max, name, err);
    fclose(f);
    return rc;
}
