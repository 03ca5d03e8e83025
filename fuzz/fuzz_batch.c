/* SPDX-License-Identifier: MIT */
/* fuzz_batch.c - the data is JSON Lines, as `pricing batch` reads it.
 *
 * The same per-line logic as the CLI's batch loop (cli/main.c): the input
 * is split on '\n' (a last line without a newline still counts, an empty
 * line is a request too and gets a json_syntax error), and each line goes
 * through pricing_quote_json with one reused quote and one reused buffer
 * against examples/catalog.json. Each output line must be strict JSON
 * with no raw newline or NUL (a batch writes one line per request), a
 * quote that passes every quote invariant or a well-formed error whose
 * line/column lie within that line, and the same bytes as quoting that
 * line alone with a fresh quote (nothing leaks from one line to the next).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static pricing_catalog *cat;
static pricing_quote *quote;
static pricing_buffer out, alone;

static void batch_line(const char *line, size_t len)
{
    pricing_error err, err2;
    int rc, rc2;

    pricing_error_init(&err);
    rc = pricing_quote_json(&out, cat, line, len, quote, 0, &err);
    FUZZ_ASSERT(out.size > 0 && out.data, "a batch line with no output");
    fuzz_check_output_json(out.data, out.size, 0, "batch output line");
    if (rc != 0) {
        fuzz_check_error(rc, &err, line, len, FUZZ_DOC_REQUEST);
        FUZZ_ASSERT(!strncmp(out.data, "{\"error\":{", 10),
                    "a rejected line prints no error object: %s", out.data);
        FUZZ_ASSERT(err.code != PRICING_JSON_SYNTAX || err.line == 1,
                    "a syntax error on line %d of a one-line request",
                    err.line);
        FUZZ_ASSERT(len > 0 || err.code == PRICING_JSON_SYNTAX,
                    "an empty line gives %s", pricing_code_name(err.code));
    } else {
        cJSON_Delete(fuzz_check_quote(out.data, out.size, quote));
    }
    pricing_error_init(&err2);
    rc2 = pricing_quote_json(&alone, cat, line, len, NULL, 0, &err2);
    FUZZ_ASSERT(rc2 == rc && alone.size == out.size &&
                    !memcmp(alone.data, out.data, out.size),
                "a batch line differs from the same request alone:\n%s\n%s",
                out.data, alone.data ? alone.data : "");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t start = 0, i;

    if (!cat) {
        pricing_error err;
        pricing_error_init(&err);
        FUZZ_ASSERT(pricing_catalog_load(&cat, fuzz_example_catalog,
                                         fuzz_example_catalog_len, &err) == 0,
                    "examples/catalog.json does not load: %s", err.message);
        FUZZ_ASSERT(pricing_quote_new(&quote, &err) == 0, "quote_new");
    }
    /* As the CLI: every '\n' ends a line; bytes after the last '\n' are
     * one more line; nothing after a final '\n' is no line. */
    for (i = 0; i < size; i++) {
        if (data[i] == '\n') {
            batch_line(text + start, i - start);
            start = i + 1;
        }
    }
    if (start < size)
        batch_line(text + start, size - start);
    return 0;
}
