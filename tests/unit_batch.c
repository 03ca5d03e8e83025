/* SPDX-License-Identifier: MIT */
/* unit_batch.c - pricing_quote_jsonl (batch.c): line splitting, numbering
 * from first_line, the line limit, appending, and its argument errors.
 * The golden batch cases run through it too (tests/check_golden.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing.h"
#include "unit.h"

static const char catalog_json[] =
    "{\"catalog\":\"t\",\"currency\":\"USD\",\"specs\":[{\"id\":\"s\","
    "\"billing\":\"yearly_monthly\",\"template\":\"simple\","
    "\"prices\":{\"month\":\"20.00\",\"year\":\"200.00\"}}]}";

static pricing_catalog *load(void)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    pricing_error_init(&err);
    ck_assert_msg(pricing_catalog_load(&cat, catalog_json,
                                       strlen(catalog_json), &err) == 0,
                  "%s", err.message);
    return cat;
}

/* Appends to want what `pricing batch` writes for one line numbered n:
 * pricing_quote_json's bytes, an error object ending with "input_line". */
static void expect(pricing_buffer *want, const pricing_catalog *cat,
                   const char *line, uint64_t n)
{
    pricing_buffer one = PRICING_BUFFER_INIT;
    char tail[64];
    size_t len;
    int rc = pricing_quote_json(&one, cat, line, strlen(line), NULL, 0, NULL);

    ck_assert(one.size >= 2);
    len = rc == 0 ? one.size : one.size - 2;
    if (rc == 0)
        snprintf(tail, sizeof tail, "\n");
    else
        snprintf(tail, sizeof tail, ",\"input_line\":%llu}}\n",
                 (unsigned long long)n);
    want->data = realloc(want->data, want->size + len + strlen(tail) + 1);
    ck_assert(want->data != NULL);
    memcpy(want->data + want->size, one.data, len);
    memcpy(want->data + want->size + len, tail, strlen(tail) + 1);
    want->size += len + strlen(tail);
    pricing_buffer_dispose(&one);
}

static void assert_bytes(const pricing_buffer *got, const pricing_buffer *want)
{
    ck_assert_uint_eq(got->size, want->size);
    ck_assert_msg(memcmp(got->data, want->data, want->size) == 0,
                  "got\n%s\nwant\n%s", got->data, want->data);
    ck_assert_int_eq(got->data[got->size], '\0');
}

/* Quotes, an empty line, a CRLF line, a line past the limit and a last
 * line without '\n', numbered from 41, appended after an earlier call's
 * answer. */
START_TEST(test_jsonl_lines)
{
    static const char ok[] = "{\"spec\":\"s\",\"plan\":\"year\"}";
    static const char bad[] = "{\"spec\":\"x\"}\r";
    pricing_catalog *cat = load();
    pricing_buffer got = PRICING_BUFFER_INIT, want = {NULL, 0, 0};
    pricing_error err;
    size_t n = PRICING_MAX_REQUEST_BYTES + 1, done = 9, rejected = 9, len;
    char *text = malloc(n + 200);
    char *p = text;

    ck_assert(text != NULL);
    p += sprintf(p, "%s\n\n%s\n", ok, bad);
    memset(p, ' ', n);
    p += n;
    p += sprintf(p, "\n%s", ok);
    len = (size_t)(p - text);

    pricing_error_init(&err);
    ck_assert_int_eq(pricing_quote_jsonl(&got, NULL, NULL, cat, "{}", 2, 40,
                                         NULL, 0, &err), 0);
    expect(&want, cat, "{}", 40);
    expect(&want, cat, ok, 41);
    expect(&want, cat, "", 42);
    expect(&want, cat, bad, 43);
    want.data = realloc(want.data, want.size + 200);
    want.size += (size_t)sprintf(want.data + want.size,
                                 "{\"error\":{\"code\":\"limit_exceeded\","
                                 "\"path\":\"\",\"message\":\"request line "
                                 "longer than %u bytes\",\"input_line\":44}}"
                                 "\n", PRICING_MAX_REQUEST_BYTES);
    expect(&want, cat, ok, 45);

    ck_assert_int_eq(pricing_quote_jsonl(&got, &done, &rejected, cat, text,
                                         len, 41, NULL, 0, &err), 0);
    ck_assert_int_eq(err.code, PRICING_OK);
    ck_assert_uint_eq(done, 5);
    ck_assert_uint_eq(rejected, 3);
    assert_bytes(&got, &want);

    /* The same lines one call each, with a shared quote object: the same
     * bytes, each call numbering from where the last stopped. */
    {
        pricing_quote *quote = NULL;
        uint64_t line = 40;
        const char *s = text, *end = text + len;
        ck_assert_int_eq(pricing_quote_new(&quote, NULL), 0);
        got.size = 0;
        ck_assert_int_eq(pricing_quote_jsonl(&got, &done, NULL, cat, "{}\n",
                                             3, line, quote, 0, NULL), 0);
        line += done;
        while (s < end) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            const char *stop = nl ? nl + 1 : end;
            ck_assert_int_eq(pricing_quote_jsonl(&got, &done, NULL, cat, s,
                                                 (size_t)(stop - s), line,
                                                 quote, 0, NULL), 0);
            ck_assert_uint_eq(done, 1);
            line += done;
            s = stop;
        }
        ck_assert_uint_eq(line, 46);
        assert_bytes(&got, &want);
        pricing_quote_free(quote);
    }
    free(text);
    free(want.data);
    pricing_buffer_dispose(&got);
    pricing_catalog_free(cat);
}
END_TEST

/* Line numbers as large as uint64_t holds are written in full. */
START_TEST(test_jsonl_large_numbers)
{
    pricing_catalog *cat = load();
    pricing_buffer got = PRICING_BUFFER_INIT;
    size_t done = 0, rejected = 0;
    char want[256];

    ck_assert_int_eq(pricing_quote_jsonl(&got, &done, &rejected, cat, "\n\n",
                                         2, UINT64_MAX - 1, NULL, 0, NULL),
                     0);
    ck_assert_uint_eq(done, 2);
    ck_assert_uint_eq(rejected, 2);
#define EMPTY_LINE                                                          \
    "{\"error\":{\"code\":\"json_syntax\",\"path\":\"\",\"message\":"        \
    "\"empty document\",\"line\":1,\"column\":1,\"input_line\":"
    snprintf(want, sizeof want, "%s18446744073709551614}}\n%s"
             "18446744073709551615}}\n", EMPTY_LINE, EMPTY_LINE);
#undef EMPTY_LINE
    ck_assert_str_eq(got.data, want);
    pricing_buffer_dispose(&got);
    pricing_catalog_free(cat);
}
END_TEST

/* Bad arguments: invalid_argument, counters 0, out untouched; the first
 * error wins; an empty text has no line. */
/* A reused quote keeps the driver's error and view between calls: each
 * call still reports its own first error, whatever the calls before it
 * did, and the caller's err gets it only when still clear. */
START_TEST(test_driver_reused_quote)
{
    static const char *const lines[] = {
        "{\"spec\":\"s\",\"plan\":\"month\"}",
        "{\"spec\":\"nope\"}",
        "{\"spec\":\"s\",\"plan\":\"month\",\"count\":2}",
        "{\"spec\":",
        "{\"spec\":\"s\",\"plan\":\"week\"}",
        "{\"spec\":\"s\",\"spec\":\"s\"}",
        "{\"spec\":\"s\",\"plan\":\"year\"}",
    };
    pricing_catalog *cat = load();
    pricing_quote *q = NULL;
    size_t i;

    ck_assert_int_eq(pricing_quote_new(&q, NULL), 0);
    for (i = 0; i < 2 * sizeof lines / sizeof *lines; i++) {
        const char *line = lines[i % (sizeof lines / sizeof *lines)];
        pricing_buffer got = PRICING_BUFFER_INIT, want = PRICING_BUFFER_INIT;
        pricing_error e1, e2;
        int r1, r2;
        pricing_error_init(&e1);
        pricing_error_init(&e2);
        r1 = pricing_quote_json(&got, cat, line, strlen(line), q, 0, &e1);
        r2 = pricing_quote_json(&want, cat, line, strlen(line), NULL, 0,
                                &e2);
        ck_assert_int_eq(r1, r2);
        ck_assert_uint_eq(got.size, want.size);
        ck_assert_msg(memcmp(got.data, want.data, got.size) == 0,
                      "line %zu: %s, alone %s", i, got.data, want.data);
        ck_assert(memcmp(&e1, &e2, sizeof e1) == 0);
        /* An error already in err is kept (first error wins). */
        if (r1 != 0) {
            e1.code = PRICING_IO_ERROR;
            ck_assert_int_eq(pricing_quote_json(&got, cat, line, strlen(line),
                                                q, 0, &e1),
                             r2);
            ck_assert_int_eq(e1.code, PRICING_IO_ERROR);
        }
        pricing_buffer_dispose(&got);
        pricing_buffer_dispose(&want);
    }
    pricing_quote_free(q);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_jsonl_arguments)
{
    pricing_catalog *cat = load();
    pricing_buffer got = PRICING_BUFFER_INIT;
    pricing_error err;
    size_t done = 9, rejected = 9;

#define BAD(call)                                                           \
    do {                                                                    \
        done = rejected = 9;                                                \
        pricing_error_init(&err);                                           \
        ck_assert_int_eq((call), -PRICING_INVALID_ARGUMENT);                \
        ck_assert_int_eq(err.code, PRICING_INVALID_ARGUMENT);               \
        ck_assert_uint_eq(done, 0);                                         \
        ck_assert_uint_eq(rejected, 0);                                     \
        ck_assert_uint_eq(got.size, 0);                                     \
    } while (0)
    BAD(pricing_quote_jsonl(NULL, &done, &rejected, cat, "{}", 2, 1, NULL, 0,
                            &err));
    BAD(pricing_quote_jsonl(&got, &done, &rejected, NULL, "{}", 2, 1, NULL, 0,
                            &err));
    BAD(pricing_quote_jsonl(&got, &done, &rejected, cat, NULL, 2, 1, NULL, 0,
                            &err));
    BAD(pricing_quote_jsonl(&got, &done, &rejected, cat, "{}", 2, 0, NULL, 0,
                            &err));
    BAD(pricing_quote_jsonl(&got, &done, &rejected, cat, "{}", 2, 1, NULL,
                            PRICING_JSON_PRETTY, &err));
#undef BAD
    ck_assert_str_eq(err.message, "pricing_quote_jsonl: unknown flags (JSON "
                                  "Lines are compact)");
    /* err already holds an error: kept, the code is still returned. */
    ck_assert_int_eq(pricing_quote_jsonl(&got, NULL, NULL, cat, "{}", 2, 0,
                                         NULL, 0, &err),
                     -PRICING_INVALID_ARGUMENT);
    ck_assert_str_eq(err.message, "pricing_quote_jsonl: unknown flags (JSON "
                                  "Lines are compact)");
    ck_assert_int_eq(pricing_quote_jsonl(&got, &done, &rejected, cat, NULL, 0,
                                         1, NULL, 0, NULL), 0);
    ck_assert_uint_eq(done, 0);
    ck_assert_uint_eq(rejected, 0);
    ck_assert_int_eq(pricing_quote_jsonl(&got, &done, &rejected, cat, "", 0, 1,
                                         NULL, 0, NULL), 0);
    ck_assert_uint_eq(done, 0);
    ck_assert_str_eq(got.data, "");
    pricing_buffer_dispose(&got);
    pricing_catalog_free(cat);
}
END_TEST

Suite *unit_batch_suite(void)
{
    Suite *s = suite_create("batch");
    TCase *tc = tcase_create("jsonl");

    tcase_add_test(tc, test_jsonl_lines);
    tcase_add_test(tc, test_jsonl_large_numbers);
    tcase_add_test(tc, test_jsonl_arguments);
    tcase_add_test(tc, test_driver_reused_quote);
    suite_add_tcase(s, tc);
    return s;
}
