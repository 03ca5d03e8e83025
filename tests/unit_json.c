/* SPDX-License-Identifier: MIT */
/* unit_json.c - the strict JSON pass (json_check.c).
 *
 * Every input is copied into an exact-size heap buffer with no
 * terminator, so ASan and valgrind catch any read past len.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_check.h"
#include "unit.h"

#define CAT PRICING_MAX_CATALOG_BYTES

/* ---------------------------------------------------------------- helpers */

/* Checks len bytes copied into a buffer of exactly len bytes. */
static int check_n(const char *text, size_t len, size_t max_bytes,
                   pricing__numbers *nums, pricing_error *err)
{
    char *buf = malloc(len); /* malloc(0): any read of it is caught too */
    int rc;

    ck_assert(buf != NULL || len == 0);
    if (len > 0)
        memcpy(buf, text, len);
    rc = pricing__json_check(buf, len, max_bytes, nums, err);
    free(buf);
    return rc;
}

static void expect_syntax(const char *text, size_t len, size_t pos,
                          int line, int column, const char *msg, int where)
{
    pricing_error err;
    pricing__numbers nums = {NULL, 0, 0, NULL, 0};
    int rc;

    pricing_error_init(&err);
    rc = check_n(text, len, CAT, &nums, &err);
    ck_assert_msg(rc == -PRICING_JSON_SYNTAX && err.code == PRICING_JSON_SYNTAX,
                  "line %d: rc %d code %d (%s at \"%s\")", where, rc,
                  (int)err.code, err.message, err.path);
    ck_assert_msg(err.position == pos,
                  "line %d: position %zu, expected %zu (%s)", where,
                  err.position, pos, err.message);
    ck_assert_msg(err.line == line && err.column == column,
                  "line %d: at %d:%d, expected %d:%d (%s)", where, err.line,
                  err.column, line, column, err.message);
    ck_assert_msg(err.path[0] == '\0', "line %d: path \"%s\"", where,
                  err.path);
    ck_assert_msg(msg == NULL || strstr(err.message, msg) != NULL,
                  "line %d: message \"%s\" lacks \"%s\"", where, err.message,
                  msg);
    ck_assert_msg(nums.v == NULL && nums.n == 0 && nums.cap == 0,
                  "line %d: numbers left after a failure", where);
}

static void expect_code(const char *text, size_t len, size_t max_bytes,
                        pricing_code code, const char *path, int where)
{
    pricing_error err;
    pricing__numbers nums = {NULL, 0, 0, NULL, 0};
    int rc;

    pricing_error_init(&err);
    rc = check_n(text, len, max_bytes, &nums, &err);
    ck_assert_msg(rc == -(int)code && err.code == code,
                  "line %d: rc %d code %s, expected %s (%s at \"%s\" %zu)",
                  where, rc, pricing_code_name(err.code),
                  pricing_code_name(code), err.message, err.path,
                  err.position);
    if (code != PRICING_OK) {
        ck_assert_msg(path == NULL || strcmp(err.path, path) == 0,
                      "line %d: path \"%s\", expected \"%s\"", where,
                      err.path, path);
        ck_assert_msg(nums.v == NULL && nums.n == 0,
                      "line %d: numbers left after a failure", where);
    }
    if (code != PRICING_JSON_SYNTAX)
        ck_assert_msg(err.line == 0 && err.column == 0 && err.position == 0,
                      "line %d: line/column set for %s", where,
                      pricing_code_name(code));
    pricing__numbers_dispose(&nums);
}

/* String literals may hold NUL bytes: sizeof gives their length. */
#define SYNTAX(lit, pos, line, col) \
    expect_syntax(lit, sizeof(lit) - 1, pos, line, col, NULL, __LINE__)
#define SYNTAX_MSG(lit, pos, line, col, msg) \
    expect_syntax(lit, sizeof(lit) - 1, pos, line, col, msg, __LINE__)
#define CODE(lit, code, path) \
    expect_code(lit, sizeof(lit) - 1, CAT, code, path, __LINE__)
#define OK(lit) expect_code(lit, sizeof(lit) - 1, CAT, PRICING_OK, NULL, __LINE__)

/* A growable text for generated documents. */
typedef struct gen {
    char *p;
    size_t n;
    size_t cap;
} gen;

static void gen_put(gen *g, const char *s, size_t n)
{
    if (g->n + n > g->cap) {
        size_t cap = g->cap ? g->cap : 256;
        while (cap < g->n + n)
            cap *= 2;
        g->p = realloc(g->p, cap);
        ck_assert(g->p != NULL);
        g->cap = cap;
    }
    memcpy(g->p + g->n, s, n);
    g->n += n;
}

static void gen_puts(gen *g, const char *s)
{
    gen_put(g, s, strlen(s));
}

static void gen_repeat(gen *g, const char *s, size_t times)
{
    size_t i, n = strlen(s);
    for (i = 0; i < times; i++)
        gen_put(g, s, n);
}

static void gen_uint(gen *g, size_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    gen_put(g, tmp + i, sizeof tmp - i);
}

static void gen_free(gen *g)
{
    free(g->p);
    g->p = NULL;
    g->n = g->cap = 0;
}

/* A pointer of n copies of seg. */
static char *repeat_str(const char *seg, size_t n)
{
    gen g = {NULL, 0, 0};
    gen_repeat(&g, seg, n);
    gen_put(&g, "", 1);
    return g.p;
}

/* ---------------------------------------------------------------- A.1-3 */

START_TEST(test_empty)
{
    pricing_error err;

    SYNTAX_MSG("", 0, 1, 1, "empty");
    SYNTAX_MSG(" ", 0, 1, 1, "empty");
    SYNTAX_MSG(" \t\r\n \n", 0, 1, 1, "empty");
    pricing_error_init(&err);
    ck_assert_int_eq(pricing__json_check(NULL, 0, CAT, NULL, &err),
                     -PRICING_JSON_SYNTAX);
    ck_assert_uint_eq(err.position, 0);
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.column, 1);
}
END_TEST

START_TEST(test_trailing_data)
{
    SYNTAX_MSG("{\"a\":1} xyz", 8, 1, 9, "trailing data");
    SYNTAX_MSG("[][]", 2, 1, 3, "trailing data");
    SYNTAX_MSG("{}}", 2, 1, 3, "trailing data");
    SYNTAX_MSG("{\"a\":1}{\"b\":2}", 7, 1, 8, "trailing data");
    SYNTAX_MSG("{\"a\":1}\n\n{\"b\":2}", 9, 3, 1, "trailing data");
    SYNTAX_MSG("1 2", 2, 1, 3, "trailing data");
    SYNTAX_MSG("\"a\" \"b\"", 4, 1, 5, "trailing data");
    SYNTAX_MSG("null,", 4, 1, 5, "trailing data");
    SYNTAX_MSG("[1]]", 3, 1, 4, "trailing data");
    /* A valid quote request followed by a second one. */
    SYNTAX_MSG("{\"spec\":\"vm\",\"plan\":\"month\",\"attributes\":"
               "{\"cpu\":2}}\r\n{\"spec\":\"vm\"}",
               53, 2, 1, "trailing data");
}
END_TEST

START_TEST(test_bad_tokens)
{
    SYNTAX_MSG("0x10", 1, 1, 2, "invalid number");
    SYNTAX_MSG("1e", 2, 1, 3, "end of input");
    SYNTAX_MSG("nulll", 4, 1, 5, "invalid literal");
    SYNTAX_MSG("-", 1, 1, 2, "end of input");
    SYNTAX("nul", 3, 1, 4);
    SYNTAX("tru", 3, 1, 4);
    SYNTAX("fals", 4, 1, 5);
    SYNTAX_MSG("True", 0, 1, 1, "expected a value");
    SYNTAX_MSG("nuLl", 2, 1, 3, "invalid literal");
    SYNTAX_MSG("truex", 4, 1, 5, "invalid literal");
    SYNTAX_MSG("[true1]", 5, 1, 6, "invalid literal");
    SYNTAX("[1,]", 3, 1, 4);
    SYNTAX("[,1]", 1, 1, 2);
    SYNTAX("[1 2]", 3, 1, 4);
    SYNTAX("[1;2]", 2, 1, 3);
    SYNTAX_MSG("{\"a\" 1}", 5, 1, 6, "':'");
    SYNTAX_MSG("{\"a\":}", 5, 1, 6, "expected a value");
    SYNTAX_MSG("{,}", 1, 1, 2, "key");
    SYNTAX_MSG("{\"a\":1,}", 7, 1, 8, "key");
    SYNTAX("{'a':1}", 1, 1, 2);
    SYNTAX("{a:1}", 1, 1, 2);
    SYNTAX("{1:1}", 1, 1, 2);
    SYNTAX_MSG("{\"a\":1]", 6, 1, 7, "'}'");
    SYNTAX_MSG("[1}", 2, 1, 3, "']'");
    SYNTAX("]", 0, 1, 1);
    SYNTAX("}", 0, 1, 1);
    SYNTAX(":", 0, 1, 1);
    SYNTAX("/* */{}", 0, 1, 1);
    SYNTAX("{}//", 2, 1, 3);
    SYNTAX_MSG("[1]x", 3, 1, 4, "trailing data");
    SYNTAX_MSG("123abc", 3, 1, 4, "invalid number");
    SYNTAX_MSG("[1e5x]", 4, 1, 5, "invalid number");
    SYNTAX("'a'", 0, 1, 1);
    SYNTAX("undefined", 0, 1, 1);
    /* Unfinished documents: the end of input is the position. */
    SYNTAX_MSG("[", 1, 1, 2, "end of input");
    SYNTAX_MSG("{", 1, 1, 2, "end of input");
    SYNTAX_MSG("[1", 2, 1, 3, "end of input");
    SYNTAX_MSG("[1,", 3, 1, 4, "end of input");
    SYNTAX_MSG("{\"a\"", 4, 1, 5, "end of input");
    SYNTAX_MSG("{\"a\":", 5, 1, 6, "end of input");
    SYNTAX_MSG("{\"a\":1", 6, 1, 7, "end of input");
    SYNTAX_MSG("{\"1\":1,", 7, 1, 8, "end of input"); /* CVE-2023-53154 */
    SYNTAX_MSG("[\"a\"", 4, 1, 5, "end of input");
    SYNTAX_MSG("[[[]]\n", 6, 2, 1, "end of input");
}
END_TEST

/* ---------------------------------------------------------------- C.21-22 */

START_TEST(test_number_grammar)
{
    SYNTAX_MSG("01", 1, 1, 2, "invalid number");
    SYNTAX_MSG("-01", 2, 1, 3, "invalid number");
    SYNTAX_MSG("00", 1, 1, 2, "invalid number");
    SYNTAX_MSG("[-012]", 3, 1, 4, "invalid number");
    SYNTAX_MSG("1.", 2, 1, 3, "end of input");
    SYNTAX_MSG("[1.]", 3, 1, 4, "invalid number");
    SYNTAX_MSG("-2.", 3, 1, 4, "end of input");
    SYNTAX_MSG(".5", 0, 1, 1, "expected a value");
    SYNTAX_MSG("[-.5]", 2, 1, 3, "invalid number");
    SYNTAX_MSG("2.e3", 2, 1, 3, "invalid number");
    SYNTAX_MSG("+1", 0, 1, 1, "expected a value");
    SYNTAX_MSG("NaN", 0, 1, 1, "expected a value");
    SYNTAX_MSG("Infinity", 0, 1, 1, "expected a value");
    SYNTAX_MSG("-Infinity", 1, 1, 2, "invalid number");
    SYNTAX_MSG("[-NaN]", 2, 1, 3, "invalid number");
    SYNTAX_MSG("1e+", 3, 1, 4, "end of input");
    SYNTAX_MSG("[1E-]", 4, 1, 5, "invalid number");
    SYNTAX_MSG("1ee2", 2, 1, 3, "invalid number");
    SYNTAX_MSG("1.5.3", 3, 1, 4, "invalid number");
    SYNTAX_MSG("1e5.0", 3, 1, 4, "invalid number");
    SYNTAX_MSG("1-2", 1, 1, 2, "invalid number");
    SYNTAX_MSG("--1", 1, 1, 2, "invalid number");
    SYNTAX_MSG("[- 1]", 2, 1, 3, "invalid number");
    SYNTAX_MSG("1_000", 1, 1, 2, "trailing data");
    /* In the grammar; range is the format layer's business. */
    OK("[0,-0,0.0,-0.0,1E+2,1e-2,1E2,123456789012345678901234567890]");
    OK("[1e999,-1e999,1e-999,9007199254740993,2147483648]");
}
END_TEST

/* ---------------------------------------------------------------- A.4-6 */

START_TEST(test_nul_bytes)
{
    SYNTAX_MSG("{\"a\":1}\0{\"b\":2}", 7, 1, 8, "trailing data");
    SYNTAX_MSG("{\"a\":\"x\0y\"}", 7, 1, 8, "control character in string");
    SYNTAX_MSG("[1,\0 2]", 3, 1, 4, "NUL");
    SYNTAX_MSG("[1\0]", 2, 1, 3, "NUL");
    SYNTAX_MSG("{\"a\"\0:1}", 4, 1, 5, "NUL");
    SYNTAX_MSG("\0", 0, 1, 1, "NUL");
    SYNTAX_MSG("[1]\0", 3, 1, 4, "trailing data");
    /* UTF-16 without a BOM: the first NUL byte. */
    SYNTAX_MSG("[\0\"\0a\0\"\0]\0", 1, 1, 2, "NUL");
    SYNTAX_MSG("\0[\0\"\0a\0\"\0]", 0, 1, 1, "NUL");
}
END_TEST

START_TEST(test_control_bytes)
{
    SYNTAX_MSG("\x01[1]", 0, 1, 1, "control character");
    SYNTAX_MSG("[\x0b" "1]", 1, 1, 2, "control character");
    SYNTAX_MSG("[1\x0c]", 2, 1, 3, "control character");
    SYNTAX_MSG("{\"a\":\x0c" "1}", 5, 1, 6, "control character");
    SYNTAX_MSG("[1]\x0c", 3, 1, 4, "trailing data");
    SYNTAX_MSG("[\x7f]", 1, 1, 2, "control character");
    SYNTAX_MSG("[\"a\tb\"]", 3, 1, 4, "control character in string");
    SYNTAX_MSG("[\"a\nb\"]", 3, 1, 4, "control character in string");
    SYNTAX_MSG("[\"a\rb\"]", 3, 1, 4, "control character in string");
    SYNTAX_MSG("{\"a\tb\":1}", 3, 1, 4, "control character in string");
    SYNTAX_MSG("[\"\x1f\"]", 2, 1, 3, "control character in string");
    OK("[\"\x7f\"]"); /* DEL is not a control character to RFC 8259 */
    OK(" \t\r\n[ \t\r\n1 \t\r\n, \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\n2 \t\r\n}"
       " \t\r\n] \t\r\n");
}
END_TEST

/* A string's plain run is classified a word at a time
 * (json_check_string.c): put the byte that ends it at every offset of
 * the first three words and in the bytewise tail, and end the text
 * inside the run, so a missed byte or a read past len shows. */
START_TEST(test_string_runs)
{
    static const char *const ok_ends[] = {"\x7f", " ", "~", "\xc3\xa9",
                                          "\\n", "\\u00e9"};
    char doc[128], doc2[128];
    size_t n, i;

    for (n = 0; n <= 26; n++) {
        char run[32];
        memset(run, 'a', n);
        run[n] = '\0';
        snprintf(doc, sizeof doc, "[\"%s\x1f\"]", run);
        expect_syntax(doc, strlen(doc), 2 + n, 1, (int)(3 + n),
                      "control character in string", __LINE__);
        snprintf(doc, sizeof doc, "[\"%s\x80\"]", run);
        expect_syntax(doc, strlen(doc), 2 + n, 1, (int)(3 + n),
                      "invalid UTF-8", __LINE__);
        snprintf(doc, sizeof doc, "[\"%s\\q\"]", run);
        expect_syntax(doc, strlen(doc), 3 + n, 1, (int)(4 + n),
                      "invalid escape", __LINE__);
        /* The text ends inside the run: exact-size buffer, no quote. */
        snprintf(doc, sizeof doc, "[\"%s", run);
        expect_syntax(doc, strlen(doc), strlen(doc), 1,
                      (int)strlen(doc) + 1, "unterminated string", __LINE__);
        for (i = 0; i < sizeof ok_ends / sizeof *ok_ends; i++) {
            snprintf(doc, sizeof doc, "[\"%s%s\",\"%s\"]", run,
                     ok_ends[i], run);
            expect_code(doc, strlen(doc), CAT, PRICING_OK, NULL, __LINE__);
        }
        /* Keys decoded in full: equal ones are duplicates, ones that
         * differ only in their last byte are not. */
        snprintf(doc, sizeof doc, "{\"%sb\":1,\"%sb\":2}", run, run);
        snprintf(doc2, sizeof doc2, "/%sb", run);
        expect_code(doc, strlen(doc), CAT, PRICING_DUPLICATE_KEY, doc2,
                    __LINE__);
        snprintf(doc, sizeof doc, "{\"%sb\":1,\"%sc\":2}", run, run);
        expect_code(doc, strlen(doc), CAT, PRICING_OK, NULL, __LINE__);
    }
}
END_TEST

START_TEST(test_bom)
{
    SYNTAX_MSG("\xef\xbb\xbf{}", 0, 1, 1, "byte order mark");
    SYNTAX_MSG("\xef\xbb\xbf", 0, 1, 1, "byte order mark");
    SYNTAX_MSG("\xef\xbb{}", 0, 1, 1, "non-ASCII");
    SYNTAX_MSG(" \xef\xbb\xbf{}", 1, 1, 2, "non-ASCII");
    SYNTAX_MSG("{}\xef\xbb\xbf", 2, 1, 3, "trailing data");
    SYNTAX_MSG("[\xc3\xa9]", 1, 1, 2, "non-ASCII");
    OK("[\"\xef\xbb\xbf\"]"); /* U+FEFF inside a string is a character */
}
END_TEST

/* ---------------------------------------------------------------- A.7 */

/* Each ill-formed form, followed in the test by '"'. */
static const char *const bad_utf8[] = {
    "\xff",                 /* never in UTF-8 */
    "\xfe",                 /* never in UTF-8 */
    "\xc0\xaf",             /* overlong '/' */
    "\xc1\xbf",             /* overlong */
    "\xe0\x80\xaf",         /* overlong 3 bytes */
    "\xe0\x9f\xbf",         /* overlong 3 bytes, top */
    "\xf0\x80\x80\xaf",     /* overlong 4 bytes */
    "\xf0\x8f\xbf\xbf",     /* overlong 4 bytes, top */
    "\xed\xa0\x80",         /* encoded surrogate U+D800 */
    "\xed\xbf\xbf",         /* encoded surrogate U+DFFF */
    "\xf4\x90\x80\x80",     /* U+110000 */
    "\xf5\x80\x80\x80",     /* above U+10FFFF */
    "\xf8\x88\x80\x80\x80", /* 5-byte form */
    "\xfc\x84\x80\x80\x80\x80", /* 6-byte form */
    "\x80",                 /* lone continuation */
    "\xbf",                 /* lone continuation */
    "\xc3",                 /* truncated 2-byte */
    "\xe2\x82",             /* truncated 3-byte */
    "\xf0\x9f\x98",         /* truncated 4-byte */
    "\xe2\x28\xa1",         /* second byte not a continuation */
    "\xc3\xa9\x80",         /* a valid character, then a stray byte */
};

START_TEST(test_invalid_utf8)
{
    size_t i;

    for (i = 0; i < sizeof bad_utf8 / sizeof *bad_utf8; i++) {
        const char *bad = bad_utf8[i];
        size_t at = strcmp(bad, "\xc3\xa9\x80") == 0 ? 2 : 0;
        gen v = {NULL, 0, 0}, k = {NULL, 0, 0}, t = {NULL, 0, 0};

        /* In a value, {"k":"a<bad>"}: the bad form starts at offset 7. */
        gen_puts(&v, "{\"k\":\"a");
        gen_puts(&v, bad);
        gen_puts(&v, "\"}");
        expect_syntax(v.p, v.n, 7 + at, 1, 8 + (int)at, "invalid UTF-8",
                      __LINE__);
        /* In a key, {"a<bad>":1}: offset 3. */
        gen_puts(&k, "{\"a");
        gen_puts(&k, bad);
        gen_puts(&k, "\":1}");
        expect_syntax(k.p, k.n, 3 + at, 1, 4 + (int)at, "invalid UTF-8",
                      __LINE__);
        /* At the very end of the buffer, unterminated. */
        gen_puts(&t, "[\"");
        gen_puts(&t, bad);
        expect_syntax(t.p, t.n, 2 + at, 1, 3 + (int)at, "invalid UTF-8",
                      __LINE__);
        gen_free(&v);
        gen_free(&k);
        gen_free(&t);
    }
    /* The boundaries of every well-formed range. */
    OK("[\"\xc2\x80\xdf\xbf\xe0\xa0\x80\xe0\xbf\xbf\xe1\x80\x80\xec\xbf\xbf"
       "\xed\x80\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf\xf0\x90\x80\x80"
       "\xf0\xbf\xbf\xbf\xf1\x80\x80\x80\xf3\xbf\xbf\xbf\xf4\x80\x80\x80"
       "\xf4\x8f\xbf\xbf\"]");
    OK("{\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\":\"\xe6\x97\xa5\"}");
}
END_TEST

/* ---------------------------------------------------------------- A.8 */

START_TEST(test_u0000)
{
    pricing_error err;
    pricing__numbers nums = {NULL, 0, 0, NULL, 0};

    pricing_error_init(&err);
    ck_assert_int_eq(check_n("{\"currency\":\"USD\\u0000EUR\"}", 27, CAT,
                             &nums, &err),
                     -PRICING_INVALID_VALUE);
    ck_assert_int_eq(err.code, PRICING_INVALID_VALUE);
    ck_assert_str_eq(err.path, "/currency");
    ck_assert_str_eq(err.message, "strings may not contain U+0000");
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.column, 0);
    ck_assert_uint_eq(err.position, 0);

    CODE("\"\\u0000\"", PRICING_INVALID_VALUE, "");
    CODE("{\"a\":[1,{\"b\":\"\\u0000\"}]}", PRICING_INVALID_VALUE, "/a/1/b");
    CODE("[\"ok\",\"x\\u0000\",\"\\u0000\",{\"\\u0000\":1}]",
         PRICING_INVALID_VALUE, "/1"); /* the first one */
    CODE("{\"a/b\":{\"c~\":[\"\\u0000\"]}}", PRICING_INVALID_VALUE,
         "/a~1b/c~0/0");
    /* In a key: the object's path (a C string cannot hold the key). */
    CODE("{\"x\":{\"a\\u0000\":1}}", PRICING_INVALID_VALUE, "/x");
    CODE("{\"a\\u0000b\":1}", PRICING_INVALID_VALUE, "");
    /* Numbers are not left behind on this failure either. */
    CODE("[1,2,\"\\u0000\"]", PRICING_INVALID_VALUE, "/2");
    /* Every other error wins over it. */
    SYNTAX_MSG("[\"\\u0000\",]", 10, 1, 11, "expected a value");
    SYNTAX_MSG("[\"\\u0000\"", 9, 1, 10, "end of input");
    SYNTAX_MSG("[\"\\u0000\"] x", 11, 1, 12, "trailing data");
    CODE("{\"a\":\"\\u0000\",\"a\":1}", PRICING_DUPLICATE_KEY, "/a");
    CODE("[\"\\u0000\",1234567890123456789012345678901234567890"
         "1234567890123456789012345]", /* 65 digits */
         PRICING_LIMIT_EXCEEDED, "/1");
    /* Not U+0000: an escaped backslash followed by "u0000". */
    OK("[\"\\\\u0000\"]");
    OK("[\"\\u0001\\u001f\"]");
}
END_TEST

/* ---------------------------------------------------------------- A.9 */

START_TEST(test_bad_escapes)
{
    SYNTAX_MSG("[\"\\ud800\"]", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"\\udc00\"]", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"\\uDFFF\"]", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"\\ud800\\u0041\"]", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"\\udc00\\ud800\"]", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"\\ud800\\ud800\"]", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"\\udc00\\udc00\"]", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"\\uDFFF\\uDFFF\"]", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"\\ud800x\"]", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"\\ud800\\n\"]", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"a\\uDBFF\\uE000\"]", 3, 1, 4, "lone surrogate");
    SYNTAX_MSG("{\"\\udc00\":1}", 2, 1, 3, "lone surrogate");
    SYNTAX_MSG("[\"\\x41\"]", 3, 1, 4, "invalid escape");
    SYNTAX_MSG("[\"\\'\"]", 3, 1, 4, "invalid escape");
    SYNTAX_MSG("[\"\\a\"]", 3, 1, 4, "invalid escape");
    SYNTAX_MSG("[\"\\U0041\"]", 3, 1, 4, "invalid escape");
    SYNTAX_MSG("[\"\\0\"]", 3, 1, 4, "invalid escape");
    SYNTAX_MSG("[\"\\\xc3\xa9\"]", 3, 1, 4, "invalid escape");
    SYNTAX_MSG("[\"\\u12\"]", 6, 1, 7, "invalid escape");
    SYNTAX_MSG("[\"\\u12G4\"]", 6, 1, 7, "invalid escape");
    SYNTAX_MSG("[\"\\ud800\\u12\"]", 12, 1, 13, "invalid escape");
    SYNTAX_MSG("[\"\\ud800\\uZ\"]", 10, 1, 11, "invalid escape");
    /* Cut short at the end of the buffer: no read past it. */
    SYNTAX_MSG("[\"\\", 3, 1, 4, "unterminated string");
    SYNTAX_MSG("\"\\", 2, 1, 3, "unterminated string");
    SYNTAX_MSG("[\"\\u00", 6, 1, 7, "unterminated string");
    SYNTAX_MSG("[\"\\ud800", 8, 1, 9, "unterminated string");
    SYNTAX_MSG("[\"\\ud800\\", 9, 1, 10, "unterminated string");
    SYNTAX_MSG("[\"\\ud800\\u", 10, 1, 11, "unterminated string");
    SYNTAX_MSG("[\"\\ud800\\udc0", 13, 1, 14, "unterminated string");
    SYNTAX_MSG("[\"abc", 5, 1, 6, "unterminated string");
    SYNTAX_MSG("\"", 1, 1, 2, "unterminated string");
    OK("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20AC\\ud834\\udd1e"
       "\\uD834\\uDD1E\\uDBFF\\uDFFF\\uffff\\uFFFE\"]");
}
END_TEST

/* ---------------------------------------------------------------- A.10 */

static const char doc_catalog[] =
    "{\"format\":\"1.0\",\"id\":\"cat-1\",\"currency\":\"EUR\",\r\n"
    " \"name\":\"Caf\\u00e9 \\\"Z\xc3\xbcrich\\\" \\ud83d\\ude00 "
    "\xf0\x9f\x98\x80 \xe2\x82\xac\\n\",\n"
    " \"specs\":[{\"id\":\"vm\",\"prices\":{\"month\":\"9.99\","
    "\"year\":\"99.00\"},\n"
    "  \"tiers\":[{\"up_to\":100,\"unit_price\":\"0.10\"},"
    "{\"up_to\":null,\"flat\":-1.5e+3}],\n"
    "  \"flags\":[true,false,null],\"empty\":{},\"none\":[ ]}],\n"
    " \"n\":[0,-0,1E10,2.5e-3,-0.0]}";

static const char doc_request[] =
    "{\"spec\":\"vm\",\"plan\":\"year\",\"count\":12,\"trial\":false,"
    "\"start\":\"2026-01-31\",\"attributes\":{\"region\":\"eu/west~1\","
    "\"cpu\":8,\"ram\":32}}";

static void check_prefixes(const char *doc, size_t len)
{
    size_t k;

    expect_code(doc, len, CAT, PRICING_OK, NULL, __LINE__);
    for (k = 0; k < len; k++) {
        pricing_error err;
        pricing__numbers nums = {NULL, 0, 0, NULL, 0};
        int rc;

        pricing_error_init(&err);
        rc = check_n(doc, k, CAT, &nums, &err);
        ck_assert_msg(rc == -PRICING_JSON_SYNTAX,
                      "prefix of %zu bytes: rc %d (%s)", k, rc, err.message);
        /* The end, or the start of a multibyte character cut by it. */
        ck_assert_msg(err.position <= k && err.position + 3 >= k,
                      "prefix of %zu bytes: position %zu (%s)", k,
                      err.position, err.message);
        ck_assert(nums.v == NULL && nums.n == 0);
    }
}

START_TEST(test_prefixes)
{
    check_prefixes(doc_catalog, sizeof doc_catalog - 1);
    check_prefixes(doc_request, sizeof doc_request - 1);
}
END_TEST

/* ---------------------------------------------------------------- A.11 */

/* n nested arrays, closed if closed is set. */
static void nested_arrays(gen *g, size_t n, int closed)
{
    gen_repeat(g, "[", n);
    if (closed)
        gen_repeat(g, "]", n);
}

static void expect_depth(const char *open, const char *mid,
                         const char *close, size_t n, pricing_code code,
                         const char *path, int where)
{
    gen g = {NULL, 0, 0};
    gen_repeat(&g, open, n);
    gen_puts(&g, mid);
    gen_repeat(&g, close, n);
    expect_code(g.p, g.n, CAT, code, path, where);
    gen_free(&g);
}

START_TEST(test_depth)
{
    char *p64 = repeat_str("/0", 64), *a64 = repeat_str("/a", 64);
    size_t sizes[] = {65, 1000, 1001, 100000};
    size_t i;

    expect_depth("[", "", "]", 1, PRICING_OK, NULL, __LINE__);
    expect_depth("[", "", "]", 33, PRICING_OK, NULL, __LINE__);
    expect_depth("[", "", "]", 64, PRICING_OK, NULL, __LINE__);
    expect_depth("[", "1", "]", 64, PRICING_OK, NULL, __LINE__);
    expect_depth("{\"a\":", "1", "}", 64, PRICING_OK, NULL, __LINE__);
    expect_depth("{\"a\":", "{}", "}", 63, PRICING_OK, NULL, __LINE__);
    expect_depth("[", "{}", "]", 63, PRICING_OK, NULL, __LINE__);
    for (i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        gen g = {NULL, 0, 0};
        expect_depth("[", "", "]", sizes[i], PRICING_LIMIT_EXCEEDED, p64,
                     __LINE__);
        expect_depth("{\"a\":", "1", "}", sizes[i], PRICING_LIMIT_EXCEEDED,
                     a64, __LINE__);
        nested_arrays(&g, sizes[i], 0); /* never closed */
        expect_code(g.p, g.n, CAT, PRICING_LIMIT_EXCEEDED, p64, __LINE__);
        gen_free(&g);
    }
    /* The 65th level is an object in an array: /0/.../0 again. */
    expect_depth("[", "{}", "]", 64, PRICING_LIMIT_EXCEEDED, p64, __LINE__);
    {
        pricing_error err;
        gen g = {NULL, 0, 0};
        gen_repeat(&g, "[", 100000);
        pricing_error_init(&err);
        ck_assert_int_eq(check_n(g.p, g.n, CAT, NULL, &err),
                         -PRICING_LIMIT_EXCEEDED);
        ck_assert_msg(strstr(err.message, "nesting") != NULL, "%s",
                      err.message);
        gen_free(&g);
    }
    /* Siblings do not add up: 64 levels, twice, in one array. */
    {
        gen g = {NULL, 0, 0};
        gen_puts(&g, "[");
        nested_arrays(&g, 63, 1);
        gen_puts(&g, ",");
        nested_arrays(&g, 63, 1);
        gen_puts(&g, "]");
        expect_code(g.p, g.n, CAT, PRICING_OK, NULL, __LINE__);
        gen_free(&g);
    }
    free(p64);
    free(a64);
}
END_TEST

/* A.11: the pass must also fit a small thread stack. */
static void *small_stack_run(void *arg)
{
    gen g = {NULL, 0, 0};
    pricing_error err;
    int *rc = arg;

    nested_arrays(&g, 100000, 0);
    pricing_error_init(&err);
    rc[0] = pricing__json_check(g.p, g.n, CAT, NULL, &err);
    gen_free(&g);
    nested_arrays(&g, 64, 1);
    pricing_error_init(&err);
    rc[1] = pricing__json_check(g.p, g.n, CAT, NULL, &err);
    gen_free(&g);
    return NULL;
}

START_TEST(test_depth_small_stack)
{
    pthread_attr_t attr;
    pthread_t t;
    int rc[2] = {1, 1};

    ck_assert_int_eq(pthread_attr_init(&attr), 0);
    ck_assert_int_eq(pthread_attr_setstacksize(&attr, 64 * 1024), 0);
    ck_assert_int_eq(pthread_create(&t, &attr, small_stack_run, rc), 0);
    ck_assert_int_eq(pthread_join(t, NULL), 0);
    pthread_attr_destroy(&attr);
    ck_assert_int_eq(rc[0], -PRICING_LIMIT_EXCEEDED);
    ck_assert_int_eq(rc[1], 0);
}
END_TEST

/* ---------------------------------------------------------------- A.12 */

START_TEST(test_size_limit)
{
    pricing_error err;
    const char *doc = "[1,2,3]"; /* 7 bytes */

    pricing_error_init(&err);
    ck_assert_int_eq(check_n(doc, 7, 6, NULL, &err), -PRICING_LIMIT_EXCEEDED);
    ck_assert_str_eq(err.path, "");
    ck_assert_str_eq(err.message, "input too large: 7 bytes, the limit is 6");
    ck_assert_int_eq(err.line, 0);
    expect_code(doc, 7, 7, PRICING_OK, NULL, __LINE__);
    expect_code(doc, 7, 8, PRICING_OK, NULL, __LINE__);
    /* Checked before anything else: garbage over the limit is a limit. */
    expect_code("\0\xff{{{{", 6, 5, PRICING_LIMIT_EXCEEDED, "", __LINE__);
    expect_code("", 0, 0, PRICING_JSON_SYNTAX, "", __LINE__);
    expect_code("1", 1, 0, PRICING_LIMIT_EXCEEDED, "", __LINE__);
}
END_TEST

/* ---------------------------------------------------------------- A.13 */

/* ["<n copies of unit>"] or {"<n copies>":1}. */
static void string_doc(gen *g, const char *unit, size_t n, int as_key)
{
    gen_puts(g, as_key ? "{\"x\":{\"" : "{\"x\":[\"");
    gen_repeat(g, unit, n);
    gen_puts(g, as_key ? "\":1}}" : "\"]}");
}

START_TEST(test_string_limit)
{
    const struct {
        const char *unit;
        size_t n;
        pricing_code code;
    } cases[] = {
        {"a", 4096, PRICING_OK},
        {"a", 4097, PRICING_LIMIT_EXCEEDED},
        {"\\u00e9", 2048, PRICING_OK}, /* 2 bytes each, decoded */
        {"\\u00e9", 2049, PRICING_LIMIT_EXCEEDED},
        {"\xc3\xa9", 2048, PRICING_OK},
        {"\xc3\xa9", 2049, PRICING_LIMIT_EXCEEDED},
        {"\\ud83d\\ude00", 1024, PRICING_OK}, /* 4 bytes each */
        {"\\ud83d\\ude00", 1025, PRICING_LIMIT_EXCEEDED},
        {"\\n", 4096, PRICING_OK},
        {"\\n", 4097, PRICING_LIMIT_EXCEEDED},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        gen v = {NULL, 0, 0}, k = {NULL, 0, 0};
        pricing_error err;

        string_doc(&v, cases[i].unit, cases[i].n, 0);
        expect_code(v.p, v.n, CAT, cases[i].code, "/x/0", __LINE__);
        string_doc(&k, cases[i].unit, cases[i].n, 1);
        pricing_error_init(&err);
        ck_assert_int_eq(check_n(k.p, k.n, CAT, NULL, &err),
                         -(int)cases[i].code);
        if (cases[i].code != PRICING_OK) {
            /* The member's path: its long key does not fit, so the
             * path is cut before it and marked with the token "...". */
            ck_assert_str_eq(err.path, "/x/...");
            ck_assert_msg(strstr(err.message, "string too long") != NULL,
                          "%s", err.message);
        }
        gen_free(&v);
        gen_free(&k);
    }
    /* A 1 MiB key and a 10 MiB string. */
    {
        gen g = {NULL, 0, 0};
        pricing_error err;
        gen_puts(&g, "{\"");
        gen_repeat(&g, "k", 1024 * 1024);
        gen_puts(&g, "\":1}");
        expect_code(g.p, g.n, CAT, PRICING_LIMIT_EXCEEDED, NULL, __LINE__);
        gen_free(&g);
        gen_puts(&g, "[\"");
        gen_repeat(&g, "0123456789", 1024 * 1024);
        gen_puts(&g, "\"]");
        pricing_error_init(&err);
        ck_assert_int_eq(check_n(g.p, g.n, CAT, NULL, &err),
                         -PRICING_LIMIT_EXCEEDED);
        ck_assert_str_eq(err.path, "/0");
        ck_assert_str_eq(err.message,
                         "string too long: 10485760 bytes, the limit is 4096");
        /* Unterminated: the syntax error found at its end wins. */
        expect_syntax(g.p, g.n - 2, g.n - 2, 1, (int)(g.n - 1),
                      "unterminated string", __LINE__);
        gen_free(&g);
    }
}
END_TEST

START_TEST(test_number_limit)
{
    char *digits = repeat_str("1", 70);
    gen g = {NULL, 0, 0};
    pricing_error err;
    size_t n;

    for (n = 63; n <= 66; n++) {
        gen_puts(&g, "{\"n\":");
        gen_put(&g, digits, n);
        gen_puts(&g, "}");
        expect_code(g.p, g.n, CAT,
                    n <= 64 ? PRICING_OK : PRICING_LIMIT_EXCEEDED, "/n",
                    __LINE__);
        gen_free(&g);
        /* The sign, point and exponent count too. */
        gen_puts(&g, "[-0.");
        gen_put(&g, digits, n - 6);
        gen_puts(&g, "e-1]");
        expect_code(g.p, g.n, CAT,
                    n <= 64 ? PRICING_OK : PRICING_LIMIT_EXCEEDED, "/0",
                    __LINE__);
        gen_free(&g);
    }
    /* A 10^6-digit number token. */
    gen_puts(&g, "[1,");
    gen_repeat(&g, "1234567890", 100000);
    gen_puts(&g, "]");
    pricing_error_init(&err);
    ck_assert_int_eq(check_n(g.p, g.n, CAT, NULL, &err),
                     -PRICING_LIMIT_EXCEEDED);
    ck_assert_str_eq(err.path, "/1");
    ck_assert_str_eq(err.message,
                     "number too long: 1000000 characters, the limit is 64");
    gen_free(&g);
    free(digits);
}
END_TEST

/* ---------------------------------------------------------------- A.14 */

/* {"k0":0,...,"k<n-1>":0} plus, if dup, a repeat of "k0". */
static void members_doc(gen *g, size_t n, int dup)
{
    size_t i;
    gen_puts(g, "{");
    for (i = 0; i < n; i++) {
        gen_puts(g, i ? ",\"k" : "\"k");
        gen_uint(g, i);
        gen_puts(g, "\":0");
    }
    if (dup)
        gen_puts(g, ",\"k0\":1");
    gen_puts(g, "}");
}

START_TEST(test_items_limit)
{
    const size_t max = PRICING_MAX_CONTAINER_ITEMS;
    gen g = {NULL, 0, 0};
    pricing__numbers nums = {NULL, 0, 0, NULL, 0};
    pricing_error err;

    /* Arrays: n and n + 1 elements, long enough numbers for the tree
     * to stay inside the memory bound. */
#define N40 "1234567890123456789012345678901234567890"
    gen_puts(&g, "[" N40);
    gen_repeat(&g, "," N40, max - 1);
    gen_puts(&g, "]");
    pricing_error_init(&err);
    ck_assert_int_eq(check_n(g.p, g.n, CAT, &nums, &err), 0);
    ck_assert_uint_eq(nums.n, max);
    ck_assert_uint_eq(nums.v[max - 1].offset, g.n - 41);
    pricing__numbers_dispose(&nums);
    g.n--;
    gen_puts(&g, "," N40 "]");
    expect_code(g.p, g.n, CAT, PRICING_LIMIT_EXCEEDED, "", __LINE__);
    gen_free(&g);
#undef N40
    /* n zeros: within every document limit, but their tree would take
     * 48 bytes per byte of text: rejected when a tree is to be built. */
    gen_puts(&g, "[0");
    gen_repeat(&g, ",0", max - 1);
    gen_puts(&g, "]");
    ck_assert_int_eq(check_n(g.p, g.n, CAT, NULL, NULL), 0);
    pricing_error_init(&err);
    ck_assert_int_eq(check_n(g.p, g.n, CAT, &nums, &err),
                     -PRICING_LIMIT_EXCEEDED);
    ck_assert_str_eq(err.path, "");
    ck_assert_msg(strstr(err.message, "too many values for the size") != NULL,
                  "%s", err.message);
    ck_assert_ptr_null(nums.v);
    gen_free(&g);
    gen_puts(&g, "{\"a\":[0");
    gen_repeat(&g, ",0", max);
    gen_puts(&g, "]}");
    expect_code(g.p, g.n, CAT, PRICING_LIMIT_EXCEEDED, "/a", __LINE__);
    gen_free(&g);

    /* Objects: n distinct members, n + 1, and a duplicate at the end. */
    members_doc(&g, max, 0);
    expect_code(g.p, g.n, CAT, PRICING_OK, NULL, __LINE__);
    gen_free(&g);
    members_doc(&g, max + 1, 0);
    pricing_error_init(&err);
    ck_assert_int_eq(check_n(g.p, g.n, CAT, NULL, &err),
                     -PRICING_LIMIT_EXCEEDED);
    ck_assert_str_eq(err.path, "");
    ck_assert_msg(strstr(err.message, "too many items") != NULL, "%s",
                  err.message);
    gen_free(&g);
    members_doc(&g, max - 1, 1);
    expect_code(g.p, g.n, CAT, PRICING_DUPLICATE_KEY, "/k0", __LINE__);
    gen_free(&g);
}
END_TEST

/* ---------------------------------------------------------------- B.15, 17 */

START_TEST(test_duplicate_keys)
{
    pricing_error err;

    pricing_error_init(&err);
    ck_assert_int_eq(check_n("{\"amount\":\"1\",\"amount\":\"1000\"}", 30, CAT,
                             NULL, &err),
                     -PRICING_DUPLICATE_KEY);
    ck_assert_str_eq(err.path, "/amount");
    ck_assert_int_eq(err.line, 0);
    ck_assert_uint_eq(err.position, 0);

    CODE("{\"a\":{\"b\":1,\"b\":2}}", PRICING_DUPLICATE_KEY, "/a/b");
    CODE("[{\"x\":1},{\"x\":1,\"y\":{\"x\":2},\"x\":3}]", PRICING_DUPLICATE_KEY,
         "/1/x");
    CODE("{\"a\":1,\"\\u0061\":2}", PRICING_DUPLICATE_KEY, "/a");
    CODE("{\"\\u00e9\":1,\"\xc3\xa9\":2}", PRICING_DUPLICATE_KEY,
         "/\xc3\xa9");
    CODE("{\"\\ud83d\\ude00\":1,\"\xf0\x9f\x98\x80\":2}",
         PRICING_DUPLICATE_KEY, "/\xf0\x9f\x98\x80");
    CODE("{\"\":1,\"\":2}", PRICING_DUPLICATE_KEY, "/");
    CODE("{\"a/b\":1,\"a\\/b\":2}", PRICING_DUPLICATE_KEY, "/a~1b");
    CODE("{\"m~n\":{\"x\":1,\"x\":1}}", PRICING_DUPLICATE_KEY, "/m~0n/x");
    CODE("{\"~1\":[{\"/\":0,\"/\":0}]}", PRICING_DUPLICATE_KEY, "/~01/0/~1");
    /* Keys of closed objects are forgotten, the outer ones are not. */
    CODE("{\"a\":{\"p\":1,\"q\":2},\"b\":{\"p\":1},\"p\":1,\"q\":2,\"a\":3}",
         PRICING_DUPLICATE_KEY, "/a");
    CODE("{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1}],\"a\":0}",
         PRICING_DUPLICATE_KEY, "/a");
    /* A key with NUL: the path stops there (then invalid_value loses). */
    CODE("{\"k\":{\"a\\u0000b\":1,\"a\\u0000b\":2}}", PRICING_DUPLICATE_KEY,
         "/k/a");
    /* Not duplicates. */
    OK("[{\"a\":1},{\"a\":1}]");
    OK("{\"a\":{\"a\":{\"a\":1}}}");
    OK("{\"a\":1,\"A\":2,\"a \":3,\" a\":4,\"\\u00e9\":5,\"e\\u0301\":6}");
    OK("{\"a\":{\"x\":1},\"x\":2,\"b\":{\"x\":3,\"y\":{\"x\":4}},\"y\":5}");
    OK("{\"ab\":1,\"a\":2,\"b\":3,\"ba\":4}");
    /* Many sibling objects with the same keys, and many keys. */
    {
        gen g = {NULL, 0, 0};
        size_t i;
        gen_puts(&g, "[");
        for (i = 0; i < 100000; i++)
            gen_puts(&g, i ? ",{\"id\":1,\"name\":{\"id\":2}}"
                           : "{\"id\":1,\"name\":{\"id\":2}}");
        gen_puts(&g, "]");
        expect_code(g.p, g.n, CAT, PRICING_OK, NULL, __LINE__);
        g.n--;
        gen_puts(&g, ",{\"id\":1,\"name\":{\"id\":2,\"id\":3}}]");
        expect_code(g.p, g.n, CAT, PRICING_DUPLICATE_KEY, "/100000/name/id",
                    __LINE__);
        gen_free(&g);
    }
}
END_TEST

/* An object of n keys "k0".."k(n-1)" (inner: each value an object of
 * inner keys), then, when dup >= 0, the key "k<dup>" again. */
static void keys_object(gen *g, size_t n, long dup, size_t inner)
{
    char buf[32];
    size_t i, j;

    gen_puts(g, "{");
    for (i = 0; i < n + (dup >= 0); i++) {
        snprintf(buf, sizeof buf, "%s\"k%zu\":", i ? "," : "",
                 i < n ? i : (size_t)dup);
        gen_puts(g, buf);
        if (!inner) {
            gen_puts(g, "0");
            continue;
        }
        gen_puts(g, "{");
        for (j = 0; j < inner; j++) {
            snprintf(buf, sizeof buf, "%s\"k%zu\":1", j ? "," : "", j);
            gen_puts(g, buf);
        }
        gen_puts(g, "}");
    }
    gen_puts(g, "}");
}

/* Objects of up to PRICING__JC_SMALL keys compare their keys directly,
 * larger ones through the table: a duplicate is found on either side of
 * the switch, whichever key it repeats, and nested objects of either
 * kind keep their keys apart. */
START_TEST(test_duplicate_keys_small)
{
    size_t n, inner;
    long dup;
    char path[32];

    for (inner = 0; inner <= 12; inner += 6) {
        for (n = 1; n <= 20; n++) {
            for (dup = -1; dup < (long)n; dup++) {
                gen g = {NULL, 0, 0};
                keys_object(&g, n, dup, inner);
                snprintf(path, sizeof path, "/k%ld", dup);
                expect_code(g.p, g.n, CAT,
                            dup < 0 ? PRICING_OK : PRICING_DUPLICATE_KEY,
                            dup < 0 ? NULL : path, __LINE__);
                gen_free(&g);
            }
        }
    }
    /* A duplicate inside an inner object after an outer switch. */
    CODE("{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1,\"g\":1,\"h\":1,"
         "\"i\":{\"a\":1,\"i\":2,\"a\":3},\"j\":1}",
         PRICING_DUPLICATE_KEY, "/i/a");
    CODE("{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1,\"g\":1,\"h\":1,"
         "\"i\":{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1,\"g\":1,"
         "\"h\":1,\"i\":1,\"j\":1},\"j\":1,\"i\":0}",
         PRICING_DUPLICATE_KEY, "/i");
    OK("[{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1,\"g\":1,\"h\":1,"
       "\"i\":1},{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1,\"g\":1,"
       "\"h\":1,\"i\":1}]");
}
END_TEST

/* ---------------------------------------------------------------- lexemes */

START_TEST(test_number_lexemes)
{
    static const char doc[] = "[0,-1,1.5,-2e10,3E-2,0.0e+0,"
                              "{\"a\":12,\"1\":\"34\"}]";
    static const struct {
        size_t offset;
        uint32_t length;
        uint32_t flags;
    } want[] = {
        {1, 1, 0},
        {3, 2, PRICING__NUM_MINUS},
        {6, 3, PRICING__NUM_FRAC},
        {10, 5, PRICING__NUM_MINUS | PRICING__NUM_EXP},
        {16, 4, PRICING__NUM_EXP},
        {21, 6, PRICING__NUM_FRAC | PRICING__NUM_EXP},
        {33, 2, 0},
    };
    pricing__numbers nums = {NULL, 0, 0, NULL, 0};
    pricing_error err;
    size_t i;

    pricing_error_init(&err);
    ck_assert_int_eq(check_n(doc, sizeof doc - 1, CAT, &nums, &err), 0);
    ck_assert_int_eq(err.code, PRICING_OK);
    ck_assert_uint_eq(nums.n, sizeof want / sizeof *want);
    for (i = 0; i < nums.n; i++) {
        ck_assert_uint_eq(nums.v[i].offset, want[i].offset);
        ck_assert_uint_eq(nums.v[i].length, want[i].length);
        ck_assert_uint_eq(nums.v[i].flags, want[i].flags);
    }
    pricing__numbers_dispose(&nums);
    ck_assert(nums.v == NULL && nums.n == 0 && nums.cap == 0);
    pricing__numbers_dispose(&nums); /* twice is fine */
    pricing__numbers_dispose(NULL);

    ck_assert_int_eq(check_n("  -42  ", 7, CAT, &nums, &err), 0);
    ck_assert_uint_eq(nums.n, 1);
    ck_assert_uint_eq(nums.v[0].offset, 2);
    ck_assert_uint_eq(nums.v[0].length, 3);
    ck_assert_uint_eq(nums.v[0].flags, PRICING__NUM_MINUS);
    pricing__numbers_dispose(&nums);
    /* Nothing recorded in strings; no numbers at all is an empty table. */
    ck_assert_int_eq(check_n("{\"1\":\"2\"}", 9, CAT, &nums, &err), 0);
    ck_assert_uint_eq(nums.n, 0);
    pricing__numbers_dispose(&nums);
    /* A failure after numbers leaves none behind. */
    ck_assert_int_eq(check_n("[1,2,x]", 7, CAT, &nums, &err),
                     -PRICING_JSON_SYNTAX);
    ck_assert(nums.v == NULL && nums.n == 0 && nums.cap == 0);
    /* nums may be NULL. */
    pricing_error_init(&err);
    ck_assert_int_eq(check_n("[1,2]", 5, CAT, NULL, &err), 0);
}
END_TEST

/* ---------------------------------------------------------------- misc */

START_TEST(test_valid_documents)
{
    OK("true");
    OK("false");
    OK("null");
    OK("0");
    OK("-0");
    OK("\"\"");
    OK(" \"x\" ");
    OK("[]");
    OK("{}");
    OK(" [ ] ");
    OK("[[],{},[{}],{\"\":[]}]");
    OK("{\"a\":[1,{\"b\":null}],\"c\":\"d\",\"e\":true,\"f\":false}");
    OK("\n\r\t {\"a\"\n:\r1\t,\n\"b\" : [ 1 , 2 ] }\n");
}
END_TEST

START_TEST(test_line_column)
{
    SYNTAX("{\n  \"a\": 1,\n  \"b\": x\n}", 19, 3, 8);
    SYNTAX("[1,\r\n2,\r\n]", 9, 3, 1);
    SYNTAX("[\n\n\n", 4, 4, 1);
    SYNTAX("[1,\r2,\rx]", 7, 1, 8); /* CR alone does not end a line */
    SYNTAX("[\"\xc3\xa9\xc3\xa9\", x]", 9, 1, 10); /* columns count bytes */
}
END_TEST

START_TEST(test_error_struct)
{
    pricing_error err;

    /* err may be NULL. */
    ck_assert_int_eq(pricing__json_check("[1,", 3, CAT, NULL, NULL),
                     -PRICING_JSON_SYNTAX);
    ck_assert_int_eq(pricing__json_check("[1]", 3, 2, NULL, NULL),
                     -PRICING_LIMIT_EXCEEDED);
    ck_assert_int_eq(pricing__json_check("\"\\u0000\"", 8, CAT, NULL, NULL),
                     -PRICING_INVALID_VALUE);
    /* The first error wins: an error already set is left alone. */
    pricing_error_init(&err);
    err.code = PRICING_WRONG_TYPE;
    strcpy(err.path, "/earlier");
    strcpy(err.message, "earlier");
    ck_assert_int_eq(check_n("[1,x]", 5, CAT, NULL, &err),
                     -PRICING_JSON_SYNTAX);
    ck_assert_int_eq(err.code, PRICING_WRONG_TYPE);
    ck_assert_str_eq(err.path, "/earlier");
    ck_assert_str_eq(err.message, "earlier");
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.column, 0);
    ck_assert_uint_eq(err.position, 0);
    /* NULL text with a length is a caller error. */
    pricing_error_init(&err);
    ck_assert_int_eq(pricing__json_check(NULL, 1, CAT, NULL, &err),
                     -PRICING_INVALID_ARGUMENT);
}
END_TEST

/* ---------------------------------------------------------------- A.49 */

/*
 * The implementation-defined files and libpricing's choice for each
 * (docs/jsontestsuite.md has the same table with the reasons).
 * PRICING_OK: valid JSON; the format contract then judges the document.
 */
static const struct {
    const char *name;
    pricing_code code;
} i_files[] = {
    {"i_number_double_huge_neg_exp.json", PRICING_OK},
    {"i_number_huge_exp.json", PRICING_LIMIT_EXCEEDED},
    {"i_number_neg_int_huge_exp.json", PRICING_OK},
    {"i_number_pos_double_huge_exp.json", PRICING_OK},
    {"i_number_real_neg_overflow.json", PRICING_OK},
    {"i_number_real_pos_overflow.json", PRICING_OK},
    {"i_number_real_underflow.json", PRICING_OK},
    {"i_number_too_big_neg_int.json", PRICING_OK},
    {"i_number_too_big_pos_int.json", PRICING_OK},
    {"i_number_very_big_negative_int.json", PRICING_OK},
    {"i_object_key_lone_2nd_surrogate.json", PRICING_JSON_SYNTAX},
    {"i_string_1st_surrogate_but_2nd_missing.json", PRICING_JSON_SYNTAX},
    {"i_string_1st_valid_surrogate_2nd_invalid.json", PRICING_JSON_SYNTAX},
    {"i_string_UTF-16LE_with_BOM.json", PRICING_JSON_SYNTAX},
    {"i_string_UTF-8_invalid_sequence.json", PRICING_JSON_SYNTAX},
    {"i_string_UTF8_surrogate_U+D800.json", PRICING_JSON_SYNTAX},
    {"i_string_incomplete_surrogate_and_escape_valid.json",
     PRICING_JSON_SYNTAX},
    {"i_string_incomplete_surrogate_pair.json", PRICING_JSON_SYNTAX},
    {"i_string_incomplete_surrogates_escape_valid.json", PRICING_JSON_SYNTAX},
    {"i_string_invalid_lonely_surrogate.json", PRICING_JSON_SYNTAX},
    {"i_string_invalid_surrogate.json", PRICING_JSON_SYNTAX},
    {"i_string_invalid_utf-8.json", PRICING_JSON_SYNTAX},
    {"i_string_inverted_surrogates_U+1D11E.json", PRICING_JSON_SYNTAX},
    {"i_string_iso_latin_1.json", PRICING_JSON_SYNTAX},
    {"i_string_lone_second_surrogate.json", PRICING_JSON_SYNTAX},
    {"i_string_lone_utf8_continuation_byte.json", PRICING_JSON_SYNTAX},
    {"i_string_not_in_unicode_range.json", PRICING_JSON_SYNTAX},
    {"i_string_overlong_sequence_2_bytes.json", PRICING_JSON_SYNTAX},
    {"i_string_overlong_sequence_6_bytes.json", PRICING_JSON_SYNTAX},
    {"i_string_overlong_sequence_6_bytes_null.json", PRICING_JSON_SYNTAX},
    {"i_string_truncated-utf-8.json", PRICING_JSON_SYNTAX},
    {"i_string_utf16BE_no_BOM.json", PRICING_JSON_SYNTAX},
    {"i_string_utf16LE_no_BOM.json", PRICING_JSON_SYNTAX},
    {"i_structure_500_nested_arrays.json", PRICING_LIMIT_EXCEEDED},
    {"i_structure_UTF-8_BOM_empty_object.json", PRICING_JSON_SYNTAX},
};

/* Valid JSON that the strict pass still refuses, and why. */
static const struct {
    const char *name;
    pricing_code code;
} y_refused[] = {
    /* An 81-character number token: above PRICING_MAX_NUMBER_CHARS. */
    {"y_number_double_close_to_zero.json", PRICING_LIMIT_EXCEEDED},
    /* Duplicate keys are refused by the format contract. */
    {"y_object_duplicated_key.json", PRICING_DUPLICATE_KEY},
    {"y_object_duplicated_key_and_value.json", PRICING_DUPLICATE_KEY},
    /* \u0000 cannot pass through cJSON intact. */
    {"y_object_escaped_null_in_key.json", PRICING_INVALID_VALUE},
    {"y_string_null_escape.json", PRICING_INVALID_VALUE},
};

/* n_ files rejected by a limit rather than the grammar (they nest deeper
 * than PRICING_MAX_DEPTH before their first grammar error, if any). */
static const char *const n_limit_files[] = {
    "n_structure_100000_opening_arrays.json",
    "n_structure_open_array_object.json",
};

/* The whole file in an exact-size buffer; *len its size. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    ck_assert_msg(f != NULL, "cannot open %s", path);
    ck_assert(fseek(f, 0, SEEK_END) == 0);
    n = ftell(f);
    ck_assert(n >= 0);
    ck_assert(fseek(f, 0, SEEK_SET) == 0);
    buf = malloc((size_t)n);
    ck_assert(buf != NULL || n == 0);
    ck_assert((size_t)n == 0 || fread(buf, 1, (size_t)n, f) == (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static int in_list(const char *name, const char *const *list, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strcmp(name, list[i]) == 0)
            return 1;
    return 0;
}

START_TEST(test_jsontestsuite)
{
    const char *shared = unit_shared_dir();
    char dir[4096], path[8192];
    size_t counts[3] = {0, 0, 0}, i_seen = 0;
    struct dirent *de;
    DIR *d;

    if (!shared) {
        fprintf(stderr, "skipped: ../shared absent\n");
        return;
    }
    snprintf(dir, sizeof dir, "%s/data/jsontestsuite/test_parsing", shared);
    d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    while ((de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        pricing__numbers nums = {NULL, 0, 0, NULL, 0};
        pricing_error err;
        size_t len, i;
        char *text;
        int rc;

        if (name[0] == '.' || name[1] != '_')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, name);
        text = read_file(path, &len);
        pricing_error_init(&err);
        rc = pricing__json_check(text, len, CAT, &nums, &err);
        if (name[0] == 'y') {
            /* Valid JSON: never json_syntax, and only the exceptions
             * below are refused (by a limit or the format's rules). */
            pricing_code want = PRICING_OK;
            for (i = 0; i < sizeof y_refused / sizeof *y_refused; i++)
                if (strcmp(name, y_refused[i].name) == 0)
                    want = y_refused[i].code;
            ck_assert_msg(rc == -(int)want, "%s: rc %d (%s)", name, rc,
                          err.message);
            counts[0]++;
        } else if (name[0] == 'n') {
            pricing_code want =
                in_list(name, n_limit_files,
                        sizeof n_limit_files / sizeof *n_limit_files)
                    ? PRICING_LIMIT_EXCEEDED
                    : PRICING_JSON_SYNTAX;
            ck_assert_msg(rc == -(int)want, "%s: rc %d (%s)", name, rc,
                          err.message);
            counts[1]++;
        } else if (name[0] == 'i') {
            for (i = 0; i < sizeof i_files / sizeof *i_files; i++)
                if (strcmp(name, i_files[i].name) == 0)
                    break;
            ck_assert_msg(i < sizeof i_files / sizeof *i_files,
                          "%s: not in the table", name);
            ck_assert_msg(rc == -(int)i_files[i].code, "%s: rc %d (%s)",
                          name, rc, err.message);
            i_seen++;
            counts[2]++;
        }
        if (rc == -PRICING_JSON_SYNTAX)
            ck_assert_msg(err.line >= 1 && err.column >= 1 &&
                              err.position <= len,
                          "%s: %d:%d %zu", name, err.line, err.column,
                          err.position);
        pricing__numbers_dispose(&nums);
        free(text);
    }
    closedir(d);
    ck_assert_uint_eq(i_seen, sizeof i_files / sizeof *i_files);
    ck_assert_uint_eq(counts[0], 95);
    ck_assert_uint_eq(counts[1], 188);
}
END_TEST

Suite *unit_json_suite(void)
{
    Suite *s = suite_create("json_check");
    TCase *tc = tcase_create("strict");
    TCase *big = tcase_create("big");

    tcase_add_test(tc, test_empty);
    tcase_add_test(tc, test_trailing_data);
    tcase_add_test(tc, test_bad_tokens);
    tcase_add_test(tc, test_number_grammar);
    tcase_add_test(tc, test_nul_bytes);
    tcase_add_test(tc, test_control_bytes);
    tcase_add_test(tc, test_string_runs);
    tcase_add_test(tc, test_bom);
    tcase_add_test(tc, test_invalid_utf8);
    tcase_add_test(tc, test_u0000);
    tcase_add_test(tc, test_bad_escapes);
    tcase_add_test(tc, test_prefixes);
    tcase_add_test(tc, test_depth);
    tcase_add_test(tc, test_depth_small_stack);
    tcase_add_test(tc, test_size_limit);
    tcase_add_test(tc, test_number_lexemes);
    tcase_add_test(tc, test_valid_documents);
    tcase_add_test(tc, test_line_column);
    tcase_add_test(tc, test_error_struct);
    tcase_add_test(tc, test_jsontestsuite);
    suite_add_tcase(s, tc);

    /* Generated documents of up to 12 MB: slower under valgrind. */
    tcase_set_timeout(big, 60);
    tcase_add_test(big, test_string_limit);
    tcase_add_test(big, test_number_limit);
    tcase_add_test(big, test_items_limit);
    tcase_add_test(big, test_duplicate_keys);
    tcase_add_test(big, test_duplicate_keys_small);
    suite_add_tcase(s, big);
    return s;
}
