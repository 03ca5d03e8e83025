/* SPDX-License-Identifier: MIT */
/* unit_view.c - the strict pass's view of a request (json_view.h) against
 * cJSON's tree of the same text: the same shape, links, keys, decoded
 * strings and lexeme ordinals, the same errors, and its storage (first on
 * the stack, grown on the heap, kept by a reused view up to a bound).
 *
 * Every text is copied into an exact-size heap buffer with no terminator,
 * so ASan and valgrind catch any read past its length.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_read.h"
#include "unit.h"

#define REQ PRICING_MAX_REQUEST_BYTES

/* ---------------------------------------------------------------- helpers */

/* The position of node in the sibling list starting at first; -1 when it
 * is not there (NULL included). */
static long position(const cJSON *first, const cJSON *node)
{
    long i = 0;
    for (; first; first = first->next, i++)
        if (first == node)
            return i;
    return -1;
}

/* a (cJSON's) and b (the view) hold the same values, linked alike. */
static void same_tree(const cJSON *a, const cJSON *b, const char *what)
{
    const cJSON *fa = a, *fb = b;

    for (; a && b; a = a->next, b = b->next) {
        ck_assert_msg(a->type == b->type, "%s: type %d, view %d", what,
                      a->type, b->type);
        ck_assert_msg((a->string == NULL) == (b->string == NULL) &&
                          (!a->string || strcmp(a->string, b->string) == 0),
                      "%s: key \"%s\", view \"%s\"", what,
                      a->string ? a->string : "(none)",
                      b->string ? b->string : "(none)");
        ck_assert_msg((a->valuestring == NULL) == (b->valuestring == NULL) &&
                          (!a->valuestring ||
                           strcmp(a->valuestring, b->valuestring) == 0),
                      "%s: string \"%s\", view \"%s\"", what,
                      a->valuestring ? a->valuestring : "(none)",
                      b->valuestring ? b->valuestring : "(none)");
        if (cJSON_IsNumber(a) || cJSON_IsBool(a))
            ck_assert_msg(a->valueint == b->valueint,
                          "%s: valueint %d, view %d", what, a->valueint,
                          b->valueint);
        /* prev: cJSON's first child points at the last one. */
        ck_assert_msg(position(fa, a->prev) == position(fb, b->prev),
                      "%s: prev at %ld, view %ld", what,
                      position(fa, a->prev), position(fb, b->prev));
        ck_assert_msg((a->child == NULL) == (b->child == NULL),
                      "%s: child", what);
        if (a->child)
            same_tree(a->child, b->child, what);
    }
    ck_assert_msg(a == NULL && b == NULL, "%s: sibling counts differ", what);
}

/* pricing__doc_parse and pricing__doc_view agree on text: the same result
 * and error (code, path, message, line, column, position) or the same
 * tree. Returns 1 when the text was accepted. */
static int compare(const char *text, size_t len, const char *what)
{
    char *buf = malloc(len); /* malloc(0): any read of it is caught too */
    pricing_error ea, eb;
    pricing__view_stack vs;
    pricing__view *view = pricing__view_stack_init(&vs);
    pricing__doc a, b;
    int ra, rb;

    ck_assert(buf != NULL || len == 0);
    if (len > 0)
        memcpy(buf, text, len);
    pricing_error_init(&ea);
    pricing_error_init(&eb);
    ra = pricing__doc_parse(&a, buf, len, REQ, &ea);
    rb = pricing__doc_view(&b, view, buf, len, REQ, &eb);
    ck_assert_msg(ra == rb, "%s: rc %d, view %d (%s)", what, ra, rb,
                  eb.message);
    ck_assert_msg(memcmp(&ea, &eb, sizeof ea) == 0,
                  "%s: error %s at \"%s\": %s, view %s at \"%s\": %s", what,
                  pricing_code_name(ea.code), ea.path, ea.message,
                  pricing_code_name(eb.code), eb.path, eb.message);
    if (ra == 0) {
        ck_assert(b.root == view->nodes && b.view == view);
        ck_assert(a.root->prev == NULL && b.root->prev == NULL);
        same_tree(a.root, b.root, what);
        ck_assert_uint_eq(a.nums.n, view->nums.n);
        ck_assert(a.nums.n == 0 ||
                  memcmp(a.lex, b.lex, a.nums.n * sizeof *a.lex) == 0);
        pricing__doc_dispose(&a);
        pricing__doc_dispose(&b);
    } else {
        ck_assert_uint_eq(view->n, 0);
    }
    /* A one-shot view gives its heap storage back when done. */
    ck_assert(view->nodes == vs.nodes && view->str == vs.str &&
              view->nums.v == vs.nums);
    free(buf);
    return ra == 0;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (!f)
        return NULL;
    ck_assert(fseek(f, 0, SEEK_END) == 0);
    n = ftell(f);
    ck_assert(n >= 0);
    ck_assert(fseek(f, 0, SEEK_SET) == 0);
    buf = malloc((size_t)n + 1);
    ck_assert(buf != NULL);
    ck_assert((size_t)n == 0 || fread(buf, 1, (size_t)n, f) == (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Compares every file of dir/sub (whole, and line by line when lines is
 * set); returns how many were accepted. */
static size_t compare_dir(const char *dir, const char *sub, const char *file,
                          int lines, size_t *seen)
{
    char path[8192];
    struct dirent *de;
    size_t ok = 0;
    DIR *d;

    snprintf(path, sizeof path, "%s/%s", dir, sub);
    d = opendir(path);
    ck_assert_msg(d != NULL, "cannot open %s", path);
    while ((de = readdir(d)) != NULL) {
        size_t len;
        char *text, *p, *nl;
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s/%s%s%s", dir, sub, de->d_name,
                 file ? "/" : "", file ? file : "");
        if (!(text = read_file(path, &len)))
            continue; /* a case without that file */
        (*seen)++;
        ok += (size_t)compare(text, len, path);
        for (p = text; lines && p < text + len; p = nl + 1) {
            nl = memchr(p, '\n', (size_t)(text + len - p));
            if (!nl)
                nl = text + len;
            ok += (size_t)compare(p, (size_t)(nl - p), path);
        }
        free(text);
    }
    closedir(d);
    return ok;
}

/* ---------------------------------------------------------------- tests */

START_TEST(test_shapes)
{
    static const char *const docs[] = {
        "{}",
        "{\"a\":1}",
        "{\"a\":[]}",
        "{\"a\":[1]}",
        "{\"a\":[1,2,3],\"b\":{},\"c\":{\"d\":null}}",
        " {\"spec\":\"standard\",\"sku\":{\"edition\":\"pro\",\"users\":250},"
        "\"plan\":\"month\",\"count\":3,\"trial\":true,\"start\":"
        "\"2026-01-31\"} ",
        "{\"t\":true,\"f\":false,\"n\":null,\"x\":-0,\"y\":1.5e+3,\"z\":"
        "[[],[[]],{},[{}],{\"\":\"\"}]}",
        "{\"\":{\"\":{\"\":[0,[1,[2,[3]]]]}}}",
        "{\"esc\\\"aped\\\\\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"\\u00e9\":"
        "\"\\u20ac\\ud83d\\ude00 caf\xc3\xa9 \xf0\x9f\x98\x80\"}",
        "{\"a\":[1,\"2\",[3],{\"4\":4}],\"b\":\"\\u0041\\u00410\"}",
    };
    size_t i;

    for (i = 0; i < sizeof docs / sizeof *docs; i++)
        ck_assert_msg(compare(docs[i], strlen(docs[i]), docs[i]),
                      "not accepted: %s", docs[i]);
}
END_TEST

/* The strict pass's errors through the view are those of the tree path,
 * in the same order (syntax before duplicate keys and U+0000, limits). */
START_TEST(test_errors)
{
    static const char *const docs[] = {
        "", " ", "[1]", "\"s\"", "3", "null", "{", "{\"a\"}", "{\"a\":}",
        "{\"a\":1,}", "{\"a\":1}x", "{\"a\":1,\"a\":2}",
        "{\"a\":{\"b\":1,\"b\":1}}", "{\"a\":\"\\u0000\"}",
        "{\"\\u0000\":1}", "{\"a\":\"\\u0000\",\"b\":tru}",
        "{\"a\":\"\\ud800\"}", "{\"a\":01}", "{\"a\":\"\xc0\xaf\"}",
        "{\"a\":\"\x01\"}", "\xef\xbb\xbf{}", "{\"a\":[1,2,}",
    };
    size_t i;

    for (i = 0; i < sizeof docs / sizeof *docs; i++)
        ck_assert_msg(!compare(docs[i], strlen(docs[i]), docs[i]),
                      "accepted: %s", docs[i]);
}
END_TEST

/* Texts past the view's first storage: the nodes move (links rebased),
 * the strings and lexemes go to the heap, and all is given back. */
static void big_doc(size_t n, int deep)
{
    size_t cap = 64 + n * 48, len = 0, i;
    char *p = malloc(cap);

    ck_assert(p != NULL);
    len += (size_t)sprintf(p + len, "{\"list\":[");
    for (i = 0; i < n; i++)
        len += (size_t)sprintf(p + len, "%s{\"k%zu\":[%zu,\"v%zu\",%s]}",
                               i ? "," : "", i, i, i,
                               deep ? "[[true]]" : "null");
    len += (size_t)sprintf(p + len, "],\"end\":\"x\"}");
    ck_assert(len < cap);
    ck_assert_msg(compare(p, len, "big"), "big %zu not accepted", n);
    free(p);
}

START_TEST(test_growth)
{
    big_doc(5, 0);
    big_doc(7, 1);
    big_doc(100, 0);
    big_doc(3000, 1);
}
END_TEST

/* The size bound of a tree applies to a view as well: the same
 * limit_exceeded at "" for a text dense in tiny values. */
START_TEST(test_size_bound)
{
    size_t n = REQ - 16, len = 0, i;
    char *p = malloc(n + 16);

    ck_assert(p != NULL);
    len += (size_t)sprintf(p, "{\"a\":[0");
    for (i = len; i + 3 < n; i += 2)
        len += (size_t)sprintf(p + len, ",0");
    len += (size_t)sprintf(p + len, "]}");
    ck_assert(!compare(p, len, "zeros"));
    free(p);
}
END_TEST

/* A reused view (a quote's) keeps its storage between small documents,
 * so they allocate nothing, and gives back a large document's. */
START_TEST(test_reuse)
{
    static const char small[] = "{\"spec\":\"s\",\"sku\":{\"u\":1,\"e\":\"a\"}}";
    pricing__view v;
    pricing__doc doc;
    pricing_error err;
    cJSON *nodes;
    char *str, *big;
    size_t i, len = 0;

    pricing__view_init(&v, NULL, 0, NULL, 0, NULL, 0,
                       PRICING__VIEW_KEEP_BYTES);
    pricing_error_init(&err);
    ck_assert_int_eq(pricing__doc_view(&doc, &v, small, strlen(small), REQ,
                                       &err), 0);
    ck_assert_str_eq(doc.root->child->next->child->next->valuestring, "a");
    pricing__doc_dispose(&doc);
    nodes = v.nodes;
    str = v.str;
    ck_assert(nodes != NULL && str != NULL && v.n == 0);
    for (i = 0; i < 3; i++) {
        ck_assert_int_eq(pricing__doc_view(&doc, &v, small, strlen(small),
                                           REQ, &err), 0);
        ck_assert(v.nodes == nodes && v.str == str);
        pricing__doc_dispose(&doc);
    }
    /* A failure leaves nothing to read, and the storage kept. */
    ck_assert_int_eq(pricing__doc_view(&doc, &v, "{\"a\":", 5, REQ, &err),
                     -PRICING_JSON_SYNTAX);
    ck_assert(v.n == 0 && v.nodes == nodes);
    /* 80 strings of 4,000 bytes: more than the view keeps. */
    big = malloc(81 * 4004 + 64);
    ck_assert(big != NULL);
    len += (size_t)sprintf(big, "{\"s\":[");
    for (i = 0; i < 80; i++) {
        len += (size_t)sprintf(big + len, "%s\"", i ? "," : "");
        memset(big + len, 'x', 4000);
        len += 4000;
        big[len++] = '"';
    }
    len += (size_t)sprintf(big + len, "]}");
    pricing_error_init(&err);
    ck_assert_int_eq(pricing__doc_view(&doc, &v, big, len, REQ, &err), 0);
    ck_assert_uint_eq(strlen(doc.root->child->child->prev->valuestring),
                      4000);
    pricing__doc_dispose(&doc);
    ck_assert(v.nodes == NULL && v.str == NULL && v.nums.v == NULL);
    free(big);
    pricing__view_dispose(&v);
}
END_TEST

/* Every request the project has: golden cases, the fuzz corpora, and the
 * JSONTestSuite when ../shared is there. */
START_TEST(test_corpora)
{
    const char *shared = unit_shared_dir();
    size_t seen = 0, ok = 0;
    char dir[4096];

    ok += compare_dir(SRCDIR "/tests", "cases", "request.json", 0, &seen);
    ok += compare_dir(SRCDIR "/tests", "cases", "requests.jsonl", 1, &seen);
    ok += compare_dir(SRCDIR "/fuzz", "corpus/request", NULL, 0, &seen);
    ok += compare_dir(SRCDIR "/fuzz", "corpus/batch", NULL, 1, &seen);
    ck_assert_msg(seen > 400 && ok > 400, "%zu files, %zu accepted", seen,
                  ok);
    if (shared) {
        snprintf(dir, sizeof dir, "%s/data/jsontestsuite", shared);
        compare_dir(dir, "test_parsing", NULL, 0, &seen);
    }
}
END_TEST

Suite *unit_view_suite(void)
{
    Suite *s = suite_create("json_view");
    TCase *tc = tcase_create("view");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_shapes);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_growth);
    tcase_add_test(tc, test_size_bound);
    tcase_add_test(tc, test_reuse);
    tcase_add_test(tc, test_corpora);
    suite_add_tcase(s, tc);
    return s;
}
