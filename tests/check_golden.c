/* SPDX-License-Identifier: MIT */
/* check_golden.c - runs every golden case (the directories of tests/cases;
 * see tests/cases/README.md) through the public C API only, the way the
 * pricing command does, and compares the bytes with the case's `expected`
 * and the result (0 or not) with its `status`.
 *
 *   quote     pricing_catalog_load_file + pricing_quote_json, once with a
 *             pricing_quote shared by every case and once with NULL
 *   envelope  pricing_envelope_quote_json
 *   validate  pricing_catalog_load_file [+ pricing_catalog_check_rules]
 *             + pricing_catalog_write_summary
 *   batch     pricing_catalog_load_file + pricing_quote_json per line,
 *             then pricing_quote_jsonl (all lines at once, one line a
 *             call, two lines a call)
 *   sheet     pricing_catalog_load_file + pricing_catalog_sheet
 *   chart     pricing_catalog_load_file + pricing_catalog_chart
 *   import    pricing_catalog_load_file + pricing_catalog_import_sheet
 *   diff      pricing_catalog_load_file (twice) + pricing_catalog_diff or
 *             pricing_catalog_diff_requests
 *   lint      pricing_catalog_load_file + pricing_catalog_lint +
 *             pricing_lint_write (strict: a warning is a failure)
 *
 * A failure to load the catalog is written with pricing_error_write_json.
 * The cases directory is $top_srcdir/tests/cases, or SRCDIR/tests/cases.
 * GOLDEN_CASE=name runs one case only. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <check.h>

#include <pricing.h>

#ifndef SRCDIR
#define SRCDIR "."
#endif

static char cases_dir[4096];
static char **case_names;
static size_t ncases;
/* Shared by every case (in one process with CK_FORK=no; each forked test
 * gets its own copy of the warm object otherwise). */
static pricing_quote *shared_quote;
/* The first mismatch of the running case: recorded rather than asserted
 * at once, so the case cleans up before it fails (no leaks in CK_FORK=no
 * runs under valgrind). */
static char failure[2048];

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void note(const char *fmt, ...);

static void note(const char *fmt, ...)
{
    va_list ap;
    if (failure[0])
        return;
    va_start(ap, fmt);
    vsnprintf(failure, sizeof failure, fmt, ap);
    va_end(ap);
}

/* ---------------------------------------------------------------- files */

typedef struct bytes {
    char *data;
    size_t len;
} bytes;

/* Reads a whole file (relative to the current directory); 0 or -1. */
static int read_file(bytes *out, const char *name)
{
    FILE *f = fopen(name, "rb");
    size_t cap = 4096, n = 0, got;
    char *buf, *p;

    out->data = NULL;
    out->len = 0;
    if (!f)
        return -1;
    buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return -1;
    }
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            if (!(p = realloc(buf, cap))) {
                free(buf);
                fclose(f);
                return -1;
            }
            buf = p;
        }
    }
    if (ferror(f)) {
        free(buf);
        fclose(f);
        return -1;
    }
    fclose(f);
    buf[n] = '\0';
    out->data = buf;
    out->len = n;
    return 0;
}

/* ---------------------------------------------------------------- output */

/* What a front end printed: the concatenation of documents, each followed
 * by a newline, as the CLI writes them. */
typedef struct output {
    char *data;
    size_t len, cap;
} output;

static void out_append(output *o, const char *data, size_t len)
{
    if (o->len + len + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        char *p;
        while (cap < o->len + len + 1)
            cap *= 2;
        p = realloc(o->data, cap);
        ck_assert_msg(p != NULL, "out of memory");
        o->data = p;
        o->cap = cap;
    }
    memcpy(o->data + o->len, data, len);
    o->len += len;
    o->data[o->len] = '\0';
}

static void out_document(output *o, const pricing_buffer *buf)
{
    out_append(o, buf->data ? buf->data : "", buf->size);
    out_append(o, "\n", 1);
}

/* Writes err as the contract's error object plus newline. */
static void out_error(output *o, const pricing_error *err)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    ck_assert_int_eq(pricing_error_write_json(&buf, err, 0), 0);
    out_document(o, &buf);
    pricing_buffer_dispose(&buf);
}

/* A failed call returns the negated code of the error it filled in. */
static void check_rc(const char *name, const char *what, int rc,
                     const pricing_error *err)
{
    if (rc != 0 && rc != -(int)err->code)
        note("%s: %s returned %d but the error says %s (%d)", name, what, rc,
             pricing_code_name(err->code), (int)err->code);
}

/* ------------------------------------------------------------ front ends */

/* Loads file; on failure writes the error and returns non-zero. */
static int load_named(const char *name, const char *file,
                      pricing_catalog **cat, output *o)
{
    pricing_error err;
    int rc;
    pricing_error_init(&err);
    rc = pricing_catalog_load_file(cat, file, &err);
    check_rc(name, "pricing_catalog_load_file", rc, &err);
    if (rc != 0) {
        if (*cat != NULL)
            note("%s: a failed load left a catalog", name);
        out_error(o, &err);
    }
    return rc;
}

static int load_catalog(const char *name, pricing_catalog **cat, output *o)
{
    return load_named(name, "catalog.json", cat, o);
}

/* pricing_quote_json of one request; the buffer holds the quote or the
 * error object either way. */
/* input_line: the line of a batch input (its error objects end with
 * "input_line": N, as `pricing batch` writes them), 0 for a quote. */
static int quote_one(const char *name, const pricing_catalog *cat,
                     const char *req, size_t len, pricing_quote *quote,
                     unsigned long input_line, output *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;
    char tail[64];
    int rc;
    pricing_error_init(&err);
    rc = pricing_quote_json(&buf, cat, req, len, quote, 0, &err);
    check_rc(name, "pricing_quote_json", rc, &err);
    if (rc != 0 && input_line) {
        ck_assert(buf.size >= 2);
        out_append(o, buf.data, buf.size - 2);
        snprintf(tail, sizeof tail, ",\"input_line\":%lu}}\n", input_line);
        out_append(o, tail, strlen(tail));
    } else {
        out_document(o, &buf);
    }
    pricing_buffer_dispose(&buf);
    return rc;
}

static int run_quote(const char *name, pricing_quote *quote, output *o)
{
    pricing_catalog *cat = NULL;
    bytes req;
    int rc;

    if (load_catalog(name, &cat, o) != 0)
        return -1;
    ck_assert_msg(read_file(&req, "request.json") == 0,
                  "%s: cannot read request.json", name);
    rc = quote_one(name, cat, req.data, req.len, quote, 0, o);
    free(req.data);
    pricing_catalog_free(cat);
    return rc;
}

static int run_envelope(const char *name, output *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;
    bytes in;
    int rc;

    ck_assert_msg(read_file(&in, "input.json") == 0,
                  "%s: cannot read input.json", name);
    pricing_error_init(&err);
    rc = pricing_envelope_quote_json(&buf, in.data, in.len, 0, &err);
    check_rc(name, "pricing_envelope_quote_json", rc, &err);
    out_document(o, &buf);
    pricing_buffer_dispose(&buf);
    free(in.data);
    return rc;
}

static int run_validate(const char *name, const char *rules, output *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    int rc;

    if (load_catalog(name, &cat, o) != 0)
        return -1;
    pricing_error_init(&err);
    rc = rules ? pricing_catalog_check_rules(cat, rules, &err) : 0;
    check_rc(name, "pricing_catalog_check_rules", rc, &err);
    if (rc == 0) {
        rc = pricing_catalog_write_summary(&buf, cat, 0, &err);
        check_rc(name, "pricing_catalog_write_summary", rc, &err);
    }
    if (rc == 0)
        out_document(o, &buf);
    else
        out_error(o, &err);
    pricing_buffer_dispose(&buf);
    pricing_catalog_free(cat);
    return rc;
}

/* Lines end at '\n'; a last line without one counts, an empty remainder
 * after the last '\n' does not (as `pricing batch` reads them). */
static int run_batch(const char *name, pricing_quote *quote, output *o)
{
    pricing_catalog *cat = NULL;
    bytes in;
    size_t start = 0, i;
    unsigned long line = 0;
    int rejected = 0;

    if (load_catalog(name, &cat, o) != 0)
        return -1;
    ck_assert_msg(read_file(&in, "requests.jsonl") == 0,
                  "%s: cannot read requests.jsonl", name);
    for (i = 0; i <= in.len; i++) {
        if (i < in.len && in.data[i] != '\n')
            continue;
        if (i == in.len && i == start)
            break;
        if (quote_one(name, cat, in.data + start, i - start, quote, ++line,
                      o) != 0)
            rejected = 1;
        start = i + 1;
    }
    free(in.data);
    pricing_catalog_free(cat);
    return rejected ? -1 : 0;
}

/* The same through pricing_quote_jsonl: the whole input in one call when
 * per_call is 0, else per_call lines a call, each call numbering its lines
 * from where the last one stopped (a stream priced in chunks). */
static int run_batch_jsonl(const char *name, pricing_quote *quote,
                           size_t per_call, output *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    bytes in;
    size_t start = 0, end, n, done, rejected, total_rejected = 0;
    unsigned long long line = 1;
    int rc;

    if (load_catalog(name, &cat, o) != 0)
        return -1;
    ck_assert_msg(read_file(&in, "requests.jsonl") == 0,
                  "%s: cannot read requests.jsonl", name);
    do {
        for (end = start, n = 0; end < in.len && (!per_call || n < per_call);
             end++)
            n += in.data[end] == '\n';
        pricing_error_init(&err);
        rc = pricing_quote_jsonl(&buf, &done, &rejected, cat,
                                 in.data + start, end - start, line, quote,
                                 0, &err);
        check_rc(name, "pricing_quote_jsonl", rc, &err);
        if (rc != 0)
            note("%s: pricing_quote_jsonl failed: %s", name, err.message);
        if (done != n + (end > start && in.data[end - 1] != '\n'))
            note("%s: pricing_quote_jsonl answered %zu lines of %zu", name,
                 done, n);
        line += done;
        total_rejected += rejected;
        start = end;
    } while (rc == 0 && start < in.len);
    out_append(o, buf.data ? buf.data : "", buf.size);
    pricing_buffer_dispose(&buf);
    free(in.data);
    pricing_catalog_free(cat);
    return total_rejected ? -1 : 0;
}

/* sheet FORMAT [SPEC]: a CSV sheet is printed as it is. */
static int run_sheet(const char *name, const char *format, const char *spec,
                     output *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    unsigned flags;
    int rc, json = strstr(format, "json") != NULL;

    flags = (json ? PRICING_SHEET_JSON : PRICING_SHEET_CSV) |
            (strncmp(format, "template", 8) == 0 ? PRICING_SHEET_TEMPLATE : 0);
    if (strcmp(format, "html") == 0)
        flags = PRICING_SHEET_HTML;
    if (load_catalog(name, &cat, o) != 0)
        return -1;
    pricing_error_init(&err);
    rc = pricing_catalog_sheet(&buf, cat, *spec ? spec : NULL, flags, &err);
    check_rc(name, "pricing_catalog_sheet", rc, &err);
    if (rc != 0)
        out_error(o, &err);
    else if (json)
        out_document(o, &buf);
    else
        out_append(o, buf.data ? buf.data : "", buf.size);
    pricing_buffer_dispose(&buf);
    pricing_catalog_free(cat);
    return rc;
}

/* chart SPEC [ATTRIBUTE [PLAN]]: the SVG is printed as it is. */
static int run_chart(const char *name, const char *spec, const char *attr,
                     const char *plan, output *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    int rc;

    if (load_catalog(name, &cat, o) != 0)
        return -1;
    pricing_error_init(&err);
    rc = pricing_catalog_chart(&buf, cat, spec, *attr ? attr : NULL,
                               *plan ? plan : NULL, NULL, 0, &err);
    check_rc(name, "pricing_catalog_chart", rc, &err);
    if (rc != 0)
        out_error(o, &err);
    else
        out_append(o, buf.data, buf.size);
    pricing_buffer_dispose(&buf);
    pricing_catalog_free(cat);
    return rc;
}

/* A rejected sheet leaves every bad cell in the buffer. */
static int run_import(const char *name, output *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    bytes csv;
    int rc;

    if (load_catalog(name, &cat, o) != 0)
        return -1;
    if (read_file(&csv, "sheet.csv") != 0) { /* the command's io_error */
        pricing_catalog_free(cat);
        return -2;
    }
    pricing_error_init(&err);
    rc = pricing_catalog_import_sheet(&buf, cat, csv.data, csv.len, 0, &err);
    check_rc(name, "pricing_catalog_import_sheet", rc, &err);
    if (rc == 0 || buf.size > 0)
        out_document(o, &buf);
    else
        out_error(o, &err);
    pricing_buffer_dispose(&buf);
    free(csv.data);
    pricing_catalog_free(cat);
    return rc;
}

static int run_diff(const char *name, output *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *a = NULL, *b = NULL;
    pricing_error err;
    bytes req;
    int rc;

    if (load_named(name, "old.json", &a, o) != 0)
        return -1;
    if (load_named(name, "new.json", &b, o) != 0) {
        pricing_catalog_free(a);
        return -1;
    }
    pricing_error_init(&err);
    if (read_file(&req, "requests.jsonl") == 0) {
        rc = pricing_catalog_diff_requests(&buf, a, b, req.data, req.len, 0,
                                           &err);
        free(req.data);
    } else {
        rc = pricing_catalog_diff(&buf, a, b, 0, &err);
    }
    check_rc(name, "pricing_catalog_diff", rc, &err);
    if (rc == 0)
        out_document(o, &buf);
    else
        out_error(o, &err);
    pricing_buffer_dispose(&buf);
    pricing_catalog_free(a);
    pricing_catalog_free(b);
    return rc;
}

/* lint [strict|text|koogallery]: the warnings as the command prints them;
 * with strict, any warning is the failure the command's exit 1 is. */
static int run_lint(const char *name, const char *opt, output *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_lint *lint = NULL;
    pricing_error err;
    unsigned flags = strcmp(opt, "text") == 0 ? PRICING_LINT_TEXT : 0u;
    int rc;

    if (load_catalog(name, &cat, o) != 0)
        return -1;
    pricing_error_init(&err);
    rc = pricing_catalog_lint(&lint, cat,
                              strcmp(opt, "koogallery") == 0 ? opt : NULL,
                              &err);
    check_rc(name, "pricing_catalog_lint", rc, &err);
    if (rc == 0) {
        rc = pricing_lint_write(&buf, lint, flags, &err);
        check_rc(name, "pricing_lint_write", rc, &err);
    }
    if (rc == 0)
        out_append(o, buf.data ? buf.data : "", buf.size);
    else
        out_error(o, &err);
    if (rc == 0 && strcmp(opt, "strict") == 0 && pricing_lint_count(lint))
        rc = 1;
    pricing_lint_free(lint);
    pricing_buffer_dispose(&buf);
    pricing_catalog_free(cat);
    return rc;
}

/* ---------------------------------------------------------------- compare */

static void compare(const char *name, const char *how, const bytes *want,
                    const output *got, int want_ok, int rc)
{
    size_t i = 0, from;
    const char *g = got->data ? got->data : "";

    while (i < want->len && i < got->len && want->data[i] == g[i])
        i++;
    from = i > 60 ? i - 60 : 0;
    if (i != want->len || i != got->len)
        note("%s (%s): output differs at byte %zu\n"
             "  expected ...%.160s\n  actual   ...%.160s",
             name, how, i, want->data + from, g + from);
    if ((rc == 0) != want_ok)
        note("%s (%s): returned %d, expected %s", name, how, rc,
             want_ok ? "success" : "a failure");
}

static void run_case(const char *name)
{
    char dir[8192], args[256], cmd[64], opt[64], extra[64] = "", extra2[64];
    bytes want, status, argtext;
    output got = {NULL, 0, 0};
    int cwd, rc, want_ok, words;

    failure[0] = '\0';
    snprintf(dir, sizeof dir, "%s/%s", cases_dir, name);
    cwd = open(".", O_RDONLY);
    ck_assert_msg(cwd >= 0, "cannot open the current directory");
    ck_assert_msg(chdir(dir) == 0, "%s: cannot enter %s", name, dir);

    ck_assert_msg(read_file(&argtext, "args") == 0, "%s: no args", name);
    ck_assert_msg(read_file(&want, "expected") == 0, "%s: no expected", name);
    ck_assert_msg(read_file(&status, "status") == 0, "%s: no status", name);
    snprintf(args, sizeof args, "%s", argtext.data);
    cmd[0] = opt[0] = '\0';
    extra2[0] = '\0';
    words = sscanf(args, "%63s %63s %63s %63s", cmd, opt, extra, extra2);
    ck_assert_msg(words == 1 || words == 2 ||
                      (words == 3 && strcmp(cmd, "sheet") == 0) ||
                      (words >= 3 && strcmp(cmd, "chart") == 0),
                  "%s: bad args \"%s\"", name, args);
    want_ok = atoi(status.data) == 0;

    if (strcmp(cmd, "quote") == 0) {
        ck_assert_msg(words == 1, "%s: quote takes no option", name);
        rc = run_quote(name, shared_quote, &got);
        compare(name, "quote, shared pricing_quote", &want, &got, want_ok,
                rc);
        got.len = 0;
        rc = run_quote(name, NULL, &got);
        compare(name, "quote, NULL pricing_quote", &want, &got, want_ok, rc);
    } else if (strcmp(cmd, "envelope") == 0) {
        ck_assert_msg(words == 1, "%s: envelope takes no option", name);
        rc = run_envelope(name, &got);
        compare(name, "envelope", &want, &got, want_ok, rc);
    } else if (strcmp(cmd, "validate") == 0) {
        ck_assert_msg(words == 1 || strcmp(opt, "koogallery") == 0,
                      "%s: unknown validate option %s", name, opt);
        rc = run_validate(name, words == 2 ? opt : NULL, &got);
        compare(name, words == 2 ? "validate --rules" : "validate", &want,
                &got, want_ok, rc);
    } else if (strcmp(cmd, "batch") == 0) {
        ck_assert_msg(words == 1, "%s: batch takes no option", name);
        rc = run_batch(name, shared_quote, &got);
        compare(name, "batch, shared pricing_quote", &want, &got, want_ok,
                rc);
        got.len = 0;
        rc = run_batch(name, NULL, &got);
        compare(name, "batch, NULL pricing_quote", &want, &got, want_ok, rc);
        got.len = 0;
        rc = run_batch_jsonl(name, shared_quote, 0, &got);
        compare(name, "pricing_quote_jsonl, one call", &want, &got, want_ok,
                rc);
        got.len = 0;
        rc = run_batch_jsonl(name, NULL, 1, &got);
        compare(name, "pricing_quote_jsonl, a call a line", &want, &got,
                want_ok, rc);
        got.len = 0;
        rc = run_batch_jsonl(name, shared_quote, 2, &got);
        compare(name, "pricing_quote_jsonl, two lines a call", &want, &got,
                want_ok, rc);
    } else if (strcmp(cmd, "sheet") == 0) {
        ck_assert_msg(words >= 2, "%s: sheet takes a format", name);
        rc = run_sheet(name, opt, words == 3 ? extra : "", &got);
        compare(name, "sheet", &want, &got, want_ok, rc);
    } else if (strcmp(cmd, "chart") == 0) {
        ck_assert_msg(words >= 2, "%s: chart takes a spec", name);
        rc = run_chart(name, opt, words >= 3 ? extra : "",
                       words == 4 ? extra2 : "", &got);
        compare(name, "chart", &want, &got, want_ok, rc);
    } else if (strcmp(cmd, "import") == 0) {
        ck_assert_msg(words == 1, "%s: import takes no option", name);
        rc = run_import(name, &got);
        if (rc != -2) /* no sheet.csv: the io_error is the command's */
            compare(name, "import", &want, &got, want_ok, rc);
    } else if (strcmp(cmd, "diff") == 0) {
        ck_assert_msg(words == 1, "%s: diff takes no option", name);
        rc = run_diff(name, &got);
        compare(name, "diff", &want, &got, want_ok, rc);
    } else if (strcmp(cmd, "lint") == 0) {
        rc = run_lint(name, words == 2 ? opt : "", &got);
        compare(name, "lint", &want, &got, want_ok, rc);
    } else {
        note("%s: unknown command \"%s\"", name, cmd);
    }

    free(got.data);
    free(want.data);
    free(status.data);
    free(argtext.data);
    ck_assert_msg(fchdir(cwd) == 0, "cannot return to the first directory");
    close(cwd);
    ck_assert_msg(failure[0] == '\0', "%s", failure);
}

START_TEST(test_golden_case)
{
    run_case(case_names[_i]);
}
END_TEST

/* ---------------------------------------------------------------- setup */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int find_cases(void)
{
    const char *top = getenv("top_srcdir");
    const char *only = getenv("GOLDEN_CASE");
    size_t cap = 0;
    struct dirent *e;
    DIR *d;

    snprintf(cases_dir, sizeof cases_dir, "%s/tests/cases",
             top && *top ? top : SRCDIR);
    if (!(d = opendir(cases_dir))) {
        fprintf(stderr, "check_golden: cannot open %s: %s\n", cases_dir,
                strerror(errno));
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        char path[8192];
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        if (only && *only && strcmp(only, e->d_name) != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s/args", cases_dir, e->d_name);
        if (stat(path, &st) != 0)
            continue;
        if (ncases == cap) {
            char **p;
            cap = cap ? cap * 2 : 256;
            if (!(p = realloc(case_names, cap * sizeof *p))) {
                closedir(d);
                return -1;
            }
            case_names = p;
        }
        if (!(case_names[ncases] = strdup(e->d_name))) {
            closedir(d);
            return -1;
        }
        ncases++;
    }
    closedir(d);
    if (ncases)
        qsort(case_names, ncases, sizeof *case_names, by_name);
    return 0;
}

int main(void)
{
    Suite *s;
    TCase *tc;
    SRunner *sr;
    pricing_error err;
    int failed;
    size_t i;

    if (find_cases() != 0)
        return 99;
    if (ncases == 0) {
        fprintf(stderr, "check_golden: no cases in %s\n", cases_dir);
        return 99;
    }
    pricing_error_init(&err);
    if (pricing_quote_new(&shared_quote, &err) != 0) {
        fprintf(stderr, "check_golden: pricing_quote_new: %s\n", err.message);
        return 99;
    }
    s = suite_create("golden");
    tc = tcase_create("cases");
    tcase_set_timeout(tc, 30);
    tcase_add_loop_test(tc, test_golden_case, 0, (int)ncases);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    printf("check_golden: %zu cases in %s\n", ncases, cases_dir);

    pricing_quote_free(shared_quote);
    for (i = 0; i < ncases; i++)
        free(case_names[i]);
    free(case_names);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
