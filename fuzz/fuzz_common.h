/* SPDX-License-Identifier: MIT */
/* fuzz_common.h - shared invariant checks of the fuzz targets.
 *
 * The targets are test code, not the library: an invariant that fails
 * prints what it saw and calls abort(), which libFuzzer (and the plain
 * replay driver) report as a crash.
 *
 * Checks of bugs already reported can be switched off for a fuzzing run
 * with FUZZ_SKIP=name[,name...] in the environment (see README.md), so a
 * long run keeps looking for new bugs; the replay under `make check` never
 * sets it and keeps failing until the library is fixed.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "pricing.h"

/* The libFuzzer entry point of every target. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Prints the failed invariant and aborts. */
void fuzz_fail(const char *file, int line, const char *cond, const char *fmt,
               ...)
#if defined(__GNUC__)
    __attribute__((noreturn, format(printf, 4, 5)))
#endif
    ;

#define FUZZ_ASSERT(cond, ...)                                                 \
    do {                                                                       \
        if (!(cond))                                                           \
            fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);                 \
    } while (0)

/* Non-zero when the check named name is listed in FUZZ_SKIP. */
int fuzz_skip(const char *name);

/* Kinds of document, for the size limit of the strict pass. */
#define FUZZ_DOC_CATALOG 0
#define FUZZ_DOC_REQUEST 1

/* text[0..n) is strict JSON per the library's own checker, holds no NUL
 * (and no raw newline unless pretty), and text[n] is the NUL terminator. */
void fuzz_check_output_json(const char *text, size_t n, int pretty,
                            const char *what);

/* Non-zero when s is NUL-terminated well-formed UTF-8. */
int fuzz_utf8_ok(const char *s);

/* A copy of n bytes with a NUL after them (the caller frees it). */
char *fuzz_strndup(const uint8_t *data, size_t n);

/*
 * The error err, filled by a call that returned rc, is well formed
 * whatever its input: rc == -code, a real code (never ok, out_of_memory,
 * invalid_argument or io_error), a non-empty message in UTF-8, a
 * well-formed JSON Pointer path, and an error object from
 * pricing_error_write_json that is strict JSON and reads back as the same
 * error. Returns non-zero when the path was cut at its size limit.
 */
int fuzz_check_error_shape(int rc, const pricing_error *err);

/* The example catalog (examples/catalog.json), for targets that need one
 * good catalog. */
extern const char fuzz_example_catalog[];
extern const size_t fuzz_example_catalog_len;

/*
 * The error err, filled by a call that returned rc on the document
 * doc[0..len), is well formed: rc == -code, a real code (never ok,
 * out_of_memory or invalid_argument for a document), a non-empty
 * message, a well-formed JSON Pointer that is "" only where allowed and
 * otherwise points into the document (at the member at fault, or at its
 * parent for a missing one), line/column exactly for syntax errors, and
 * an error object from pricing_error_write_json that is strict JSON and
 * reads back as the same code, path and message.
 */
void fuzz_check_error(int rc, const pricing_error *err, const char *doc,
                      size_t len, int kind);

/* The JSON Pointer path resolved in root: the node, or NULL. */
const cJSON *fuzz_resolve(const cJSON *root, const char *path);

/*
 * All the invariants of a quote written as JSON (key order, shapes,
 * line amounts summing to the total, the total the rounding of the exact
 * total, each exact amount quantity x unit_price + flat times count,
 * tiers contiguous and covering the quantity, rounding and allocation
 * recomputed independently, service dates). When quote is not NULL it
 * holds the same result and its typed accessors must agree with the
 * JSON. Returns the parsed quote (the caller deletes it).
 */
cJSON *fuzz_check_quote(const char *json, size_t n, pricing_quote *quote);

#endif
