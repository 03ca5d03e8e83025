/* SPDX-License-Identifier: MIT */
/* replay.c - runs a fuzz target over saved inputs, without libFuzzer.
 *
 *   replay_TARGET [-q] PATH...
 *
 * Each PATH is a file (one input) or a directory (each regular file in it,
 * in name order, not recursing; names starting with '.' are skipped).
 * Every input is read into a buffer of exactly its size (no terminator,
 * so an over-read shows under ASan or valgrind) and passed to the target's
 * LLVMFuzzerTestOneInput. A failed invariant aborts, as under libFuzzer.
 * Exit status: 0 when every input ran, 1 when a path cannot be read,
 * 2 on wrong usage. Built with the target for `make check`. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"

static int quiet;
static unsigned long ran;

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0, got;

    if (!f) {
        fprintf(stderr, "replay: cannot open %s: %s\n", path, strerror(errno));
        return 1;
    }
    for (;;) {
        if (n == cap) {
            unsigned char *p;
            cap = cap ? cap * 2 : 4096;
            if (!(p = realloc(buf, cap))) {
                fprintf(stderr, "replay: out of memory\n");
                free(buf);
                fclose(f);
                return 1;
            }
            buf = p;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        free(buf);
        fclose(f);
        return 1;
    }
    fclose(f);
    {
        /* exactly n bytes, as libFuzzer passes them */
        unsigned char *exact = malloc(n ? n : 1);
        if (!exact) {
            free(buf);
            fprintf(stderr, "replay: out of memory\n");
            return 1;
        }
        if (n)
            memcpy(exact, buf, n);
        free(buf);
        if (!quiet)
            fprintf(stderr, "replay: %s (%lu bytes)\n", path,
                    (unsigned long)n);
        (void)LLVMFuzzerTestOneInput(exact, n);
        free(exact);
    }
    ran++;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int rc = 0;

    if (!d) {
        fprintf(stderr, "replay: cannot open %s: %s\n", dir, strerror(errno));
        return 1;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **p;
            cap = cap ? cap * 2 : 64;
            if (!(p = realloc(names, cap * sizeof *names))) {
                rc = 1;
                break;
            }
            names = p;
        }
        names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
        if (!names[n]) {
            rc = 1;
            break;
        }
        sprintf(names[n], "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (i = 0; i < n; i++) {
        struct stat st;
        if (rc == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
            rc = run_file(names[i]);
        free(names[i]);
    }
    free(names);
    if (rc)
        fprintf(stderr, "replay: failed in %s\n", dir);
    return rc;
}

int main(int argc, char **argv)
{
    int i, rc = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s [-q] FILE|DIR...\n", argv[0]);
        return 2;
    }
    for (i = 1; i < argc && rc == 0; i++) {
        struct stat st;
        if (strcmp(argv[i], "-q") == 0) {
            quiet = 1;
            continue;
        }
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
            rc = 1;
        } else if (S_ISDIR(st.st_mode)) {
            rc = run_dir(argv[i]);
        } else {
            rc = run_file(argv[i]);
        }
    }
    fprintf(stderr, "replay: %lu inputs ran%s\n", ran, rc ? "" : " clean");
    return rc;
}
