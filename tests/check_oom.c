/* SPDX-License-Identifier: MIT */
/* check_oom.c - fails the library's Nth allocation (and cJSON's, through
 * cJSON_InitHooks, installed here in the test driver only) for every N,
 * once (transient) and from then on (persistent). Each run must end in
 * success or a clean out_of_memory, with every allocation given back.
 * GMP keeps its default allocator: its out-of-memory is fatal by design
 * and input sizes are bounded so that input cannot reach it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <cjson/cJSON.h>

#include "pricing.h"

void *oom_malloc(size_t n);
void *oom_calloc(size_t n, size_t size);
void *oom_realloc(void *p, size_t n);
void oom_free(void *p);

static long calls;   /* allocations attempted */
static long fail_at; /* 1-based call to fail; 0 never */
static int persistent;
static long live;    /* allocations not yet freed */

static int should_fail(void)
{
    calls++;
    return fail_at > 0 && (calls == fail_at || (persistent && calls > fail_at));
}

void *oom_malloc(size_t n)
{
    void *p;
    if (should_fail())
        return NULL;
    p = malloc(n);
    if (p)
        live++;
    return p;
}

void *oom_calloc(size_t n, size_t size)
{
    void *p;
    if (should_fail())
        return NULL;
    p = calloc(n, size);
    if (p)
        live++;
    return p;
}

void *oom_realloc(void *p, size_t n)
{
    void *q;
    if (should_fail())
        return NULL;
    q = realloc(p, n);
    if (q && !p)
        live++;
    return q;
}

void oom_free(void *p)
{
    if (p)
        live--;
    free(p);
}

static char *read_all(const char *name, size_t *len)
{
    char path[4096];
    FILE *f;
    char *buf;
    long n;
    snprintf(path, sizeof path, "%s/%s", SRCDIR, name);
    f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    ck_assert(fread(buf, 1, (size_t)n, f) == (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

typedef int (*op_fn)(const char *a, size_t alen, const char *b, size_t blen,
                     pricing_buffer *out);

/* Catalog load, then a quote through the JSON driver. */
static int op_quote(const char *cat_json, size_t clen, const char *req,
                    size_t rlen, pricing_buffer *out)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    int rc;
    pricing_error_init(&err);
    rc = pricing_catalog_load(&cat, cat_json, clen, &err);
    if (rc == 0)
        rc = pricing_quote_json(out, cat, req, rlen, NULL, 0, &err);
    pricing_catalog_free(cat);
    if (rc != 0)
        ck_assert_msg(err.code == PRICING_OUT_OF_MEMORY,
                      "expected out_of_memory, got %s at %s: %s",
                      pricing_code_name(err.code), err.path, err.message);
    return rc;
}

/* The envelope form: one document holding catalog and request. */
static int op_envelope(const char *env, size_t len, const char *unused,
                       size_t ulen, pricing_buffer *out)
{
    pricing_error err;
    int rc;
    (void)unused;
    (void)ulen;
    pricing_error_init(&err);
    rc = pricing_envelope_quote_json(out, env, len, 0, &err);
    if (rc != 0)
        ck_assert_msg(err.code == PRICING_OUT_OF_MEMORY,
                      "expected out_of_memory, got %s at %s: %s",
                      pricing_code_name(err.code), err.path, err.message);
    return rc;
}

/* The seller tools: a sheet, its import with a new price, the new catalog
 * loaded, and a diff with requests priced under both. */
static int op_seller(const char *cat_json, size_t clen, const char *reqs,
                     size_t rlen, pricing_buffer *out)
{
    pricing_buffer sheet = PRICING_BUFFER_INIT, json = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL, *cat2 = NULL;
    pricing_error err;
    char *p;
    int rc;
    pricing_error_init(&err);
    rc = pricing_catalog_load(&cat, cat_json, clen, &err);
    if (rc == 0)
        rc = pricing_catalog_sheet(&sheet, cat, NULL, PRICING_SHEET_CSV, &err);
    if (rc == 0 && (p = strstr(sheet.data, ",99.00,")) != NULL)
        p[1] = '8';
    if (rc == 0)
        rc = pricing_catalog_import_sheet(&json, cat, sheet.data, sheet.size,
                                          0, &err);
    if (rc == 0)
        rc = pricing_catalog_load(&cat2, json.data, json.size, &err);
    if (rc == 0)
        rc = pricing_catalog_diff_requests(out, cat, cat2, reqs, rlen, 0,
                                           &err);
    pricing_buffer_dispose(&sheet);
    pricing_buffer_dispose(&json);
    pricing_catalog_free(cat);
    pricing_catalog_free(cat2);
    if (rc != 0)
        ck_assert_msg(err.code == PRICING_OUT_OF_MEMORY,
                      "expected out_of_memory, got %s at %s: %s",
                      pricing_code_name(err.code), err.path, err.message);
    return rc;
}

/* The chart of a spec (spec id in b) and the HTML page of the catalog. */
static int op_chart(const char *cat_json, size_t clen, const char *spec,
                    size_t slen, pricing_buffer *out)
{
    pricing_buffer page = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    int rc;
    (void)slen;
    pricing_error_init(&err);
    rc = pricing_catalog_load(&cat, cat_json, clen, &err);
    if (rc == 0)
        rc = pricing_catalog_sheet(&page, cat, NULL, PRICING_SHEET_HTML, &err);
    if (rc == 0)
        rc = pricing_catalog_chart(out, cat, spec, NULL, NULL, NULL, 0, &err);
    pricing_buffer_dispose(&page);
    pricing_catalog_free(cat);
    if (rc != 0)
        ck_assert_msg(err.code == PRICING_OUT_OF_MEMORY,
                      "expected out_of_memory, got %s at %s: %s",
                      pricing_code_name(err.code), err.path, err.message);
    return rc;
}

/* Catalog load, then JSON Lines through pricing_quote_jsonl: quotes,
 * rejected lines and a last line without '\n' in one call. */
static int op_jsonl(const char *cat_json, size_t clen, const char *reqs,
                    size_t rlen, pricing_buffer *out)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    size_t done = 0, rejected = 0;
    int rc;
    pricing_error_init(&err);
    rc = pricing_catalog_load(&cat, cat_json, clen, &err);
    if (rc == 0)
        rc = pricing_quote_jsonl(out, &done, &rejected, cat, reqs, rlen, 7,
                                 NULL, 0, &err);
    pricing_catalog_free(cat);
    if (rc != 0)
        ck_assert_msg(err.code == PRICING_OUT_OF_MEMORY,
                      "expected out_of_memory, got %s at %s: %s",
                      pricing_code_name(err.code), err.path, err.message);
    else
        ck_assert_msg(done == 4 && rejected == 2, "%zu lines, %zu rejected",
                      done, rejected);
    return rc;
}

/* pricing_request_parse, its request's view started on the stack and
 * grown on the heap (b is more than the stack's strings and nodes), then
 * the quote of it. */
static int op_parse(const char *cat_json, size_t clen, const char *req,
                    size_t rlen, pricing_buffer *out)
{
    pricing_catalog *cat = NULL;
    pricing_request *r = NULL;
    pricing_quote *q = NULL;
    pricing_error err;
    int rc;
    pricing_error_init(&err);
    rc = pricing_catalog_load(&cat, cat_json, clen, &err);
    if (rc == 0)
        rc = pricing_request_parse(&r, cat, req, rlen, &err);
    if (rc == 0)
        rc = pricing_quote_new(&q, &err);
    if (rc == 0)
        rc = pricing_quote_compute(q, r, &err);
    if (rc == 0)
        rc = pricing_quote_write_json(out, q, 0, &err);
    pricing_quote_free(q);
    pricing_request_free(r);
    pricing_catalog_free(cat);
    if (rc != 0)
        ck_assert_msg(err.code == PRICING_OUT_OF_MEMORY,
                      "expected out_of_memory, got %s at %s: %s",
                      pricing_code_name(err.code), err.path, err.message);
    return rc;
}

/* Runs op with the Nth allocation failing, N = 1, 2, ... until a run
 * that fails nothing; checks the outcome and that nothing leaked. */
static void sweep(op_fn op, const char *a, size_t alen, const char *b,
                  size_t blen, int persist)
{
    pricing_buffer expected = PRICING_BUFFER_INIT;
    cJSON_Hooks hooks = {oom_malloc, oom_free};
    long n, total;

    cJSON_InitHooks(&hooks);
    fail_at = 0;
    calls = 0;
    ck_assert_int_eq(op(a, alen, b, blen, &expected), 0);
    total = calls;
    ck_assert_msg(total > 5, "only %ld allocations", total);
    fprintf(stderr, "sweep: %ld allocations\n", total);
    for (n = 1; n <= total; n++) {
        pricing_buffer out = PRICING_BUFFER_INIT;
        int rc;
        calls = 0;
        live = 0;
        fail_at = n;
        persistent = persist;
        rc = op(a, alen, b, blen, &out);
        fail_at = 0;
        if (rc == 0)
            ck_assert_msg(out.size == expected.size &&
                              memcmp(out.data, expected.data, out.size) == 0,
                          "allocation %ld failed silently: output differs", n);
        pricing_buffer_dispose(&out);
        ck_assert_msg(live == 0, "allocation %ld failed: %ld leaked", n, live);
    }
    pricing_buffer_dispose(&expected);
    cJSON_InitHooks(NULL);
}

START_TEST(test_quote_transient)
{
    size_t clen;
    char *cat = read_all("examples/catalog.json", &clen);
    static const char req[] =
        "{\"spec\":\"standard\",\"sku\":{\"edition\":\"pro\",\"users\":250},"
        "\"plan\":\"month\",\"count\":3,\"trial\":true,\"start\":\"2026-01-31\"}";
    sweep(op_quote, cat, clen, req, strlen(req), 0);
    free(cat);
}
END_TEST

START_TEST(test_quote_persistent)
{
    size_t clen;
    char *cat = read_all("examples/catalog.json", &clen);
    static const char req[] =
        "{\"spec\":\"standard\",\"sku\":{\"edition\":\"enterprise\","
        "\"users\":60},\"plan\":\"month\"}";
    sweep(op_quote, cat, clen, req, strlen(req), 1);
    free(cat);
}
END_TEST

/* A request of 1,500 bytes (a golden request of 16 values after blanks):
 * through pricing_request_parse its strings outgrow the stack's first
 * storage, and through the JSON driver (a quote of its own) its nodes
 * outgrow the first 8 and move. */
START_TEST(test_request_view)
{
    char req[2048];
    size_t clen, n;
    char *cat = read_all("tests/cases/lifecycle-scaleout-mixed-discount/"
                         "catalog.json", &clen);
    char *one = read_all("tests/cases/lifecycle-scaleout-mixed-discount/"
                         "request.json", &n);
    ck_assert(n > 2 && n < 1000 && one[0] == '{');
    memset(req, ' ', sizeof req);
    memcpy(req + 1500 - n, one, n);
    sweep(op_parse, cat, clen, req, 1500, 0);
    sweep(op_parse, cat, clen, req, 1500, 1);
    sweep(op_quote, cat, clen, req, 1500, 0);
    free(one);
    free(cat);
}
END_TEST

START_TEST(test_envelope)
{
    static const char env[] =
        "{\"catalog\":{\"catalog\":\"c\",\"currency\":\"JPY\",\"specs\":[{"
        "\"id\":\"s\",\"billing\":\"yearly_monthly\",\"template\":\"custom\","
        "\"attributes\":[{\"id\":\"e\",\"type\":\"enum\",\"values\":[\"a\","
        "\"b\"]},{\"id\":\"n\",\"type\":\"quantity\",\"min\":0,\"max\":99}],"
        "\"skus\":[{\"sku\":{\"e\":\"a\"},\"prices\":{\"month\":{\"quantities\":"
        "{\"n\":{\"volume\":[{\"up_to\":9,\"unit_price\":\"1.5\"},{\"up_to\":"
        "null,\"unit_price\":\"1.25\",\"flat\":\"3\"}]}}}}},{\"sku\":{\"e\":"
        "\"b\"},\"available\":false}]}]},\"request\":{\"spec\":\"s\",\"sku\":"
        "{\"e\":\"a\",\"n\":11}}}";
    sweep(op_envelope, env, strlen(env), NULL, 0, 0);
    sweep(op_envelope, env, strlen(env), NULL, 0, 1);
}
END_TEST

/* A history of three versions, one with two currencies (contract 1.2):
 * its load shares strings and charges through tables of its own. */
START_TEST(test_history)
{
    size_t clen;
    char *cat = read_all("tests/cases/history-validate/catalog.json", &clen);
    static const char req[] =
        "{\"spec\":\"team\",\"sku\":{\"edition\":\"pro\",\"users\":9},"
        "\"plan\":\"month\",\"type\":\"renew\",\"current_end\":"
        "\"2027-02-01\",\"date\":\"2027-02-01\",\"bought\":\"2026-08-01\","
        "\"currency\":\"EUR\"}";
    sweep(op_quote, cat, clen, req, strlen(req), 0);
    sweep(op_quote, cat, clen, req, strlen(req), 1);
    free(cat);
}
END_TEST

/* A catalog whose SKU list is most of its text: parsed one entry at a
 * time (json_defer.c), numbers inside the entries, amounts as views. */
START_TEST(test_deferred_skus)
{
    static const char cat[] =
        "{\"catalog\":\"c\",\"currency\":\"USD\",\"specs\":[{\"id\":\"s\","
        "\"billing\":\"yearly_monthly\",\"template\":\"custom\","
        "\"attributes\":[{\"id\":\"e\",\"type\":\"enum\",\"values\":[\"a\","
        "\"b\"]},{\"id\":\"n\",\"type\":\"quantity\",\"min\":0,\"max\":99}],"
        "\"skus\":[{\"sku\":{\"e\":\"a\"},\"prices\":{\"month\":{\"base\":"
        "100,\"quantities\":{\"n\":{\"graduated\":[{\"up_to\":9,"
        "\"unit_price\":\"1.5\"},{\"up_to\":null,\"unit_price\":2,"
        "\"flat\":\"123456789012345678.5\"}]}}}}},{\"sku\":{\"e\":\"b\"},"
        "\"prices\":{\"month\":{\"quantities\":{\"n\":{\"linear\":"
        "\"0.25\"}}}}}]}]}";
    static const char req[] =
        "{\"spec\":\"s\",\"sku\":{\"e\":\"a\",\"n\":11},\"plan\":\"month\"}";
    sweep(op_quote, cat, strlen(cat), req, strlen(req), 0);
    sweep(op_quote, cat, strlen(cat), req, strlen(req), 1);
}
END_TEST

/* The seller tools on a catalog in four currencies (contract 1.2): the
 * sheet's and the import's per-currency columns, amount objects written. */
START_TEST(test_seller_currencies)
{
    size_t clen;
    char *cat = read_all("tests/cases/market-validate/catalog.json", &clen);
    static const char reqs[] =
        "{\"spec\":\"lic\",\"currency\":\"KWD\"}\n"
        "{\"spec\":\"std\",\"sku\":{\"edition\":\"pro\",\"users\":20},"
        "\"plan\":\"month\",\"currency\":\"JPY\"}\n";
    sweep(op_seller, cat, clen, reqs, strlen(reqs), 0);
    free(cat);
}
END_TEST

/* Charts and the HTML page: a history in two currencies. */
START_TEST(test_chart)
{
    size_t clen;
    char *cat = read_all("tests/cases/sheet-html-currencies/catalog.json",
                         &clen);
    sweep(op_chart, cat, clen, "seats", 5, 0);
    free(cat);
}
END_TEST

/* Both sweeps of op over examples/catalog.json and the JSON Lines reqs. */
static void sweep_example(op_fn op, const char *reqs)
{
    size_t clen;
    char *cat = read_all("examples/catalog.json", &clen);
    sweep(op, cat, clen, reqs, strlen(reqs), 0);
    sweep(op, cat, clen, reqs, strlen(reqs), 1);
    free(cat);
}

START_TEST(test_seller)
{
    sweep_example(op_seller,
                  "{\"spec\":\"starter\",\"plan\":\"month\",\"count\":3}\n"
                  "{\"spec\":\"standard\",\"sku\":{\"edition\":\"pro\","
                  "\"users\":20},\"plan\":\"month\"}\n"
                  "{\"spec\":\"nope\"}\n");
}
END_TEST

/* Quotes, an unknown spec, a syntax error and a last line without '\n'. */
START_TEST(test_jsonl)
{
    sweep_example(op_jsonl,
                  "{\"spec\":\"starter\",\"plan\":\"month\",\"count\":3}\n"
                  "{\"spec\":\"nope\"}\n"
                  "{\"spec\":\n"
                  "{\"spec\":\"standard\",\"sku\":{\"edition\":\"pro\","
                  "\"users\":20},\"plan\":\"month\"}");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("oom");
    TCase *tc = tcase_create("sweep");
    SRunner *sr;
    int failed;

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_quote_transient);
    tcase_add_test(tc, test_quote_persistent);
    tcase_add_test(tc, test_envelope);
    tcase_add_test(tc, test_seller);
    tcase_add_test(tc, test_history);
    tcase_add_test(tc, test_deferred_skus);
    tcase_add_test(tc, test_seller_currencies);
    tcase_add_test(tc, test_chart);
    tcase_add_test(tc, test_jsonl);
    tcase_add_test(tc, test_request_view);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
