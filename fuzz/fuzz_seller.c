/* SPDX-License-Identifier: MIT */
/* fuzz_seller.c - the seller tools: sheet import, diff, diff --requests
 * and the sheet round trip.
 *
 * The data is a mode byte, then up to three parts separated by the line
 * "--8<--" (FUZZ_SEP): an empty catalog part stands for
 * examples/catalog.json.
 *
 *   i CATALOG SEP SHEET       pricing_catalog_import_sheet
 *   d OLD SEP NEW             pricing_catalog_diff
 *   r OLD SEP NEW SEP LINES   pricing_catalog_diff_requests
 *   s CATALOG                 the round trip alone (any other mode byte)
 *
 * Every catalog that loads, and every catalog an import writes, must pass
 * the round trip: its CSV sheet imports into the same canonical JSON
 * (pricing_catalog_write_json), the catalog read back exports the same
 * sheet byte for byte, and one spec's sheet is a part of the whole one
 * that imports to the same catalog too. A rejected sheet gives a
 * well-formed error at "", "/row/N" or "/row/N/column/NAME" (line N), and
 * the same bytes twice. Every catalog that loads is charted and written
 * as an HTML page (charts()). A diff is strict JSON whose summary counts its
 * changes, and a catalog against itself has none. diff --requests prices
 * each line as pricing_quote_json does under each catalog, and the status
 * and difference follow from the two totals, computed exactly. Every
 * catalog of the round trip lints, into well-formed warnings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "fuzz_common.h"
#include "fuzz_exact.h"

#define FUZZ_SEP "\n--8<--\n"

typedef struct parts {
    char *p[3]; /* NUL-terminated copies, each of exactly its size + 1 */
    size_t n[3];
    int count;
} parts;

static void split(parts *out, const uint8_t *data, size_t size)
{
    size_t sep = strlen(FUZZ_SEP), i = 0, start = 0;
    memset(out, 0, sizeof *out);
    while (out->count < 2 && i + sep <= size) {
        if (memcmp(data + i, FUZZ_SEP, sep) == 0) {
            out->n[out->count] = i - start;
            out->p[out->count] = fuzz_strndup(data + start, i - start);
            out->count++;
            start = i += sep;
        } else {
            i++;
        }
    }
    out->n[out->count] = size - start;
    out->p[out->count] = fuzz_strndup(data + start, size - start);
    out->count++;
}

static void parts_free(parts *p)
{
    int i;
    for (i = 0; i < p->count; i++)
        free(p->p[i]);
}

/* The catalog of doc (the example when empty), or NULL when it does not
 * load (a well-formed error: the catalog target checks the rest). */
static pricing_catalog *load(const char *doc, size_t n)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    int rc;
    pricing_error_init(&err);
    if (n == 0) {
        doc = fuzz_example_catalog;
        n = fuzz_example_catalog_len;
    }
    rc = pricing_catalog_load(&cat, doc, n, &err);
    if (rc != 0) {
        fuzz_check_error(rc, &err, doc, n, FUZZ_DOC_CATALOG);
        return NULL;
    }
    return cat;
}

#define CALL_OK(call, what)                                                    \
    do {                                                                       \
        pricing_error e_;                                                      \
        int rc_;                                                               \
        pricing_error_init(&e_);                                               \
        rc_ = call(&e_);                                                       \
        FUZZ_ASSERT(rc_ == 0, "%s failed: %s at \"%s\": %s", what,             \
                    pricing_code_name(e_.code), e_.path, e_.message);          \
    } while (0)

static int bytes_equal(const pricing_buffer *a, const pricing_buffer *b)
{
    return a->size == b->size && memcmp(a->data, b->data, a->size) == 0;
}

/* The compact and pretty forms of one document are both strict JSON and
 * the same document; returns the parsed compact form. */
static cJSON *same_document(const pricing_buffer *c, const pricing_buffer *p,
                            const char *what)
{
    cJSON *a, *b;
    fuzz_check_output_json(c->data, c->size, 0, what);
    fuzz_check_output_json(p->data, p->size, 1, what);
    a = cJSON_ParseWithLength(c->data, c->size);
    b = cJSON_ParseWithLength(p->data, p->size);
    FUZZ_ASSERT(a && b && cJSON_Compare(a, b, 1),
                "%s: compact and pretty differ", what);
    cJSON_Delete(b);
    return a;
}

/* ---------------------------------------------------------------- round trip */

static const pricing_catalog *rt_cat;
static pricing_buffer rt_csv, rt_canon, rt_imp, rt_again, rt_pretty,
    rt_spec;
static const char *rt_spec_id;
static unsigned rt_flags;

static int rt_sheet(pricing_error *e)
{
    return pricing_catalog_sheet(&rt_csv, rt_cat, NULL, PRICING_SHEET_CSV, e);
}
static int rt_write(pricing_error *e)
{
    return pricing_catalog_write_json(&rt_canon, rt_cat, 0, e);
}
static int rt_import(pricing_error *e)
{
    return pricing_catalog_import_sheet(&rt_imp, rt_cat, rt_csv.data,
                                        rt_csv.size, 0, e);
}
static int rt_other(pricing_error *e)
{
    return pricing_catalog_sheet(&rt_again, rt_cat, NULL, rt_flags, e);
}
static int rt_other_pretty(pricing_error *e)
{
    return pricing_catalog_sheet(&rt_pretty, rt_cat, NULL,
                                 rt_flags | PRICING_JSON_PRETTY, e);
}
static int rt_one_spec(pricing_error *e)
{
    return pricing_catalog_sheet(&rt_spec, rt_cat, rt_spec_id,
                                 PRICING_SHEET_CSV, e);
}
static int rt_import_spec(pricing_error *e)
{
    return pricing_catalog_import_sheet(&rt_again, rt_cat, rt_spec.data,
                                        rt_spec.size, 0, e);
}

static int contains(const char *hay, size_t n, const char *needle, size_t m)
{
    size_t i;
    for (i = 0; m <= n && i <= n - m; i++)
        if (memcmp(hay + i, needle, m) == 0)
            return 1;
    return 0;
}

/* The JSON sheets (with and without prices) are strict JSON. */
static void json_sheets(const pricing_catalog *cat)
{
    static const unsigned flags[2] = {
        PRICING_SHEET_JSON, PRICING_SHEET_JSON | PRICING_SHEET_TEMPLATE};
    int k;
    rt_cat = cat;
    for (k = 0; k < 2; k++) {
        rt_flags = flags[k];
        CALL_OK(rt_other, "JSON sheet");
        CALL_OK(rt_other_pretty, "pretty JSON sheet");
        cJSON_Delete(same_document(&rt_again, &rt_pretty, "JSON sheet"));
    }
    rt_flags = PRICING_SHEET_CSV | PRICING_SHEET_TEMPLATE;
    CALL_OK(rt_other, "CSV template");
}

/* One spec's sheet: the header and a block of the whole sheet's rows, and
 * imported alone it leaves the catalog as it is. */
static void one_spec_sheet(const pricing_catalog *cat, const cJSON *canon)
{
    const cJSON *specs = cJSON_GetObjectItemCaseSensitive(canon, "specs");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(
        specs ? specs->child : NULL, "id");
    const char *nl;
    size_t head;
    FUZZ_ASSERT(cJSON_IsString(id), "canonical catalog without specs[0].id");
    rt_cat = cat;
    rt_spec_id = id->valuestring;
    CALL_OK(rt_one_spec, "one spec's sheet");
    nl = memchr(rt_csv.data, '\n', rt_csv.size);
    FUZZ_ASSERT(nl != NULL, "a CSV sheet without a header line");
    head = (size_t)(nl + 1 - rt_csv.data);
    FUZZ_ASSERT(rt_spec.size >= head && !memcmp(rt_spec.data, rt_csv.data, head),
                "spec %s: the sheet's header differs", rt_spec_id);
    FUZZ_ASSERT(contains(rt_csv.data + head, rt_csv.size - head,
                         rt_spec.data + head, rt_spec.size - head),
                "spec %s: its rows are not a block of the whole sheet",
                rt_spec_id);
    CALL_OK(rt_import_spec, "importing one spec's own sheet");
    FUZZ_ASSERT(bytes_equal(&rt_again, &rt_canon),
                "spec %s: importing its own sheet changed the catalog",
                rt_spec_id);
}

/* The linter on every catalog that loads: it succeeds, writes one line of
 * strict JSON per warning with a known code and a path into the catalog,
 * and the text form has as many lines. */
static void lint_check(const pricing_catalog *cat)
{
    static const char *const codes[] = {
        "price_inversion", "year_above_months", "edition_order",
        "unreachable_tier", "koogallery_trial_days",
        "koogallery_reserved_id", NULL};
    pricing_buffer json = PRICING_BUFFER_INIT, text = PRICING_BUFFER_INIT;
    pricing_lint *lint = NULL;
    pricing_warning w;
    pricing_error err;
    size_t i, n, lines = 0, k;
    const char *p;

    pricing_error_init(&err);
    FUZZ_ASSERT(pricing_catalog_lint(&lint, cat, NULL, &err) == 0,
                "lint failed: %s", err.message);
    FUZZ_ASSERT(pricing_lint_write(&json, lint, 0, &err) == 0 &&
                    pricing_lint_write(&text, lint, PRICING_LINT_TEXT, &err) ==
                        0,
                "writing the lint failed: %s", err.message);
    n = pricing_lint_count(lint);
    for (i = 0; i < n; i++) {
        FUZZ_ASSERT(pricing_lint_warning(&w, lint, i, &err) == 0,
                    "warning %zu of %zu", i, n);
        for (k = 0; codes[k] && strcmp(codes[k], w.code) != 0; k++)
            ;
        FUZZ_ASSERT(codes[k] != NULL, "unknown lint code %s", w.code);
        FUZZ_ASSERT(w.path[0] == '/' && w.message[0] && fuzz_utf8_ok(w.path) &&
                        fuzz_utf8_ok(w.message),
                    "lint warning %s: path \"%s\"", w.code, w.path);
    }
    for (p = json.data; n && p < json.data + json.size; lines++) {
        const char *end = memchr(p, '\n', (size_t)(json.data + json.size - p));
        char *line;
        FUZZ_ASSERT(end != NULL, "a lint line without its newline");
        line = fuzz_strndup((const uint8_t *)p, (size_t)(end - p));
        fuzz_check_output_json(line, (size_t)(end - p), 0, "lint line");
        free(line);
        p = end + 1;
    }
    FUZZ_ASSERT(lines == n, "%zu lint lines for %zu warnings", lines, n);
    for (p = text.data, lines = 0; n && (p = memchr(p, '\n', (size_t)(
                                           text.data + text.size - p)));
         p++)
        lines++;
    FUZZ_ASSERT(lines == n, "%zu lint text lines for %zu warnings", lines, n);
    pricing_lint_free(lint);
    pricing_buffer_dispose(&json);
    pricing_buffer_dispose(&text);
}

static size_t occurrences(const char *hay, const char *needle)
{
    size_t n = 0;
    for (; (hay = strstr(hay, needle)) != NULL; hay++)
        n++;
    return n;
}

/* Charts and the HTML page: the first 4 specs charted (or refused with
 * invalid_value: no quantity attribute; plan_not_offered: no plan;
 * limit_exceeded: too many SKUs), each one SVG document in valid UTF-8;
 * the page valid UTF-8, as many <svg as </svg>, no <script at all (every
 * catalog string is escaped). */
static void charts(const pricing_catalog *cat)
{
    pricing_buffer b = PRICING_BUFFER_INIT;
    pricing_error err;
    size_t i, n = pricing_catalog_spec_count(cat);
    int rc;

    for (i = 0; i < n && i < 4; i++) {
        const char *id = pricing_spec_id(pricing_catalog_spec(cat, i));
        pricing_error_init(&err);
        rc = pricing_catalog_chart(&b, cat, id, NULL, NULL, NULL, 0, &err);
        if (rc != 0) {
            fuzz_check_error_shape(rc, &err);
            FUZZ_ASSERT(err.code == PRICING_INVALID_VALUE ||
                            err.code == PRICING_PLAN_NOT_OFFERED ||
                            err.code == PRICING_LIMIT_EXCEEDED,
                        "chart of spec %s: %s", id, err.message);
            continue;
        }
        FUZZ_ASSERT(strlen(b.data) == b.size && fuzz_utf8_ok(b.data) &&
                        strncmp(b.data, "<svg ", 5) == 0 &&
                        occurrences(b.data, "<svg") == 1 &&
                        b.size > 7 &&
                        strcmp(b.data + b.size - 7, "</svg>\n") == 0,
                    "chart of spec %s is not one SVG document", id);
    }
    pricing_error_init(&err);
    rc = pricing_catalog_sheet(&b, cat, NULL, PRICING_SHEET_HTML, &err);
    FUZZ_ASSERT(rc == 0, "HTML page: %s", err.message);
    FUZZ_ASSERT(strlen(b.data) == b.size && fuzz_utf8_ok(b.data) &&
                    occurrences(b.data, "<svg") ==
                        occurrences(b.data, "</svg>") &&
                    strstr(b.data, "<script") == NULL,
                "HTML page: not one escaped page");
    pricing_buffer_dispose(&b);
}

/* export -> import -> export gives the same bytes. */
static void round_trip(const pricing_catalog *cat)
{
    pricing_catalog *back;
    pricing_buffer first = PRICING_BUFFER_INIT;
    cJSON *canon;

    rt_cat = cat;
    CALL_OK(rt_sheet, "CSV sheet");
    CALL_OK(rt_write, "catalog JSON");
    CALL_OK(rt_import, "importing the catalog's own sheet");
    fuzz_check_output_json(rt_imp.data, rt_imp.size, 0, "imported catalog");
    FUZZ_ASSERT(bytes_equal(&rt_imp, &rt_canon),
                "importing the catalog's own sheet changed it:\n%s\n%s",
                rt_canon.data, rt_imp.data);
    back = load(rt_imp.data, rt_imp.size);
    FUZZ_ASSERT(back != NULL, "the imported catalog does not load");
    first = rt_csv; /* keep the first export, write the second afresh */
    memset(&rt_csv, 0, sizeof rt_csv);
    rt_cat = back;
    CALL_OK(rt_sheet, "CSV sheet of the imported catalog");
    FUZZ_ASSERT(bytes_equal(&first, &rt_csv),
                "export -> import -> export is not byte-identical");
    pricing_catalog_free(back);
    pricing_buffer_dispose(&first);

    canon = cJSON_ParseWithLength(rt_canon.data, rt_canon.size);
    FUZZ_ASSERT(canon != NULL, "cJSON cannot read the canonical catalog");
    one_spec_sheet(cat, canon);
    cJSON_Delete(canon);
    json_sheets(cat);
    lint_check(cat);
    charts(cat);
}

/* ---------------------------------------------------------------- import */

/* A rejected sheet: a well-formed error at "", "/row/N" or
 * "/row/N/column/NAME" with line N and a column, and a buffer that is
 * empty or {"error":<that error>,"errors":[...]}. */
static void check_import_error(int rc, const pricing_error *err,
                               const pricing_buffer *out)
{
    pricing_buffer one = PRICING_BUFFER_INIT;
    const char *p = err->path;
    char *end;
    unsigned long row = 0;

    fuzz_check_error_shape(rc, err);
    if (p[0] != '\0') {
        FUZZ_ASSERT(!strncmp(p, "/row/", 5), "import error at \"%s\"", p);
        row = strtoul(p + 5, &end, 10);
        FUZZ_ASSERT(end != p + 5 && (*end == '\0' ||
                                     !strncmp(end, "/column/", 8)),
                    "import error at \"%s\"", p);
        /* a missing header column has no field number: line 0 */
        if (*end != '\0')
            FUZZ_ASSERT((err->line == (int)row && err->column >= 1) ||
                            (row == 1 && err->line == 0 && err->column == 0),
                        "import error at \"%s\" says line %d column %d", p,
                        err->line, err->column);
    }
    if (out->size == 0)
        return;
    fuzz_check_output_json(out->data, out->size, 0, "import errors");
    FUZZ_ASSERT(pricing_error_write_json(&one, err, 0) == 0,
                "pricing_error_write_json failed");
    FUZZ_ASSERT(out->size > one.size &&
                    !memcmp(out->data, one.data, one.size - 1) &&
                    !strncmp(out->data + one.size - 1, ",\"errors\":[", 11),
                "import errors do not begin with the error: %s", out->data);
    pricing_buffer_dispose(&one);
}

static void fuzz_import(const parts *in)
{
    pricing_buffer out = PRICING_BUFFER_INIT, again = PRICING_BUFFER_INIT,
                   pretty = PRICING_BUFFER_INIT;
    pricing_error err, err2;
    pricing_catalog *cat = load(in->p[0], in->n[0]), *got;
    const char *csv = in->count > 1 ? in->p[1] : "";
    size_t len = in->count > 1 ? in->n[1] : 0;
    int rc, rc2;

    if (!cat)
        return;
    pricing_error_init(&err);
    pricing_error_init(&err2);
    rc = pricing_catalog_import_sheet(&out, cat, csv, len, 0, &err);
    rc2 = pricing_catalog_import_sheet(&again, cat, csv, len, 0, &err2);
    FUZZ_ASSERT(rc == rc2 && bytes_equal(&out, &again) &&
                    !strcmp(err.path, err2.path),
                "importing the same sheet twice differs");
    if (rc != 0) {
        check_import_error(rc, &err, &out);
    } else {
        FUZZ_ASSERT(pricing_catalog_import_sheet(&pretty, cat, csv, len,
                                                 PRICING_JSON_PRETTY,
                                                 &err2) == 0,
                    "the pretty import fails");
        cJSON_Delete(same_document(&out, &pretty, "imported catalog"));
        got = load(out.data, out.size);
        FUZZ_ASSERT(got != NULL, "an imported catalog does not load");
        round_trip(got);
        pricing_catalog_free(got);
    }
    pricing_buffer_dispose(&out);
    pricing_buffer_dispose(&again);
    pricing_buffer_dispose(&pretty);
    pricing_catalog_free(cat);
}

/* ---------------------------------------------------------------- diff */

/* The diff of a and b: strict JSON, compact and pretty the same, its
 * summary counting its changes; returns it parsed. */
static cJSON *diff(const pricing_catalog *a, const pricing_catalog *b)
{
    static const char *const kinds[3] = {"added", "removed", "changed"};
    pricing_buffer c = PRICING_BUFFER_INIT, p = PRICING_BUFFER_INIT;
    pricing_error err;
    const cJSON *ch, *sum, *n;
    double count[3] = {0, 0, 0};
    cJSON *doc;
    int k;

    pricing_error_init(&err);
    FUZZ_ASSERT(pricing_catalog_diff(&c, a, b, 0, &err) == 0,
                "diff failed: %s at \"%s\": %s", pricing_code_name(err.code),
                err.path, err.message);
    FUZZ_ASSERT(pricing_catalog_diff(&p, a, b, PRICING_JSON_PRETTY, &err) == 0,
                "pretty diff failed");
    doc = same_document(&c, &p, "diff");
    ch = cJSON_GetObjectItemCaseSensitive(doc, "changes");
    sum = cJSON_GetObjectItemCaseSensitive(doc, "summary");
    FUZZ_ASSERT(cJSON_IsArray(ch) && cJSON_IsObject(sum),
                "diff without changes or summary: %s", c.data);
    for (n = ch->child; n; n = n->next) {
        const cJSON *what = cJSON_GetObjectItemCaseSensitive(n, "change");
        for (k = 0; k < 3; k++)
            if (cJSON_IsString(what) && !strcmp(what->valuestring, kinds[k]))
                break;
        FUZZ_ASSERT(k < 3, "a change of no kind in %s", c.data);
        count[k]++;
    }
    for (k = 0; k < 3; k++) {
        n = cJSON_GetObjectItemCaseSensitive(sum, kinds[k]);
        FUZZ_ASSERT(cJSON_IsNumber(n) && n->valuedouble == count[k],
                    "the summary miscounts %s: %s", kinds[k], c.data);
    }
    pricing_buffer_dispose(&c);
    pricing_buffer_dispose(&p);
    return doc;
}

static void no_changes(const pricing_catalog *a)
{
    cJSON *d = diff(a, a);
    FUZZ_ASSERT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
                    d, "changes")) == 0,
                "a catalog differs from itself");
    cJSON_Delete(d);
}

static void fuzz_diff(const parts *in)
{
    pricing_catalog *a = load(in->p[0], in->n[0]);
    pricing_catalog *b = in->count > 1 ? load(in->p[1], in->n[1]) : NULL;
    if (a && b) {
        cJSON_Delete(diff(a, b));
        no_changes(a);
        no_changes(b);
        round_trip(a);
        round_trip(b);
    }
    pricing_catalog_free(a);
    pricing_catalog_free(b);
}

/* ---------------------------------------------------------------- requests */

static const char *const statuses[6] = {"more",        "less",
                                        "same",        "stops_valid",
                                        "becomes_valid", "invalid"};

/* A signed decimal text ("-50.00") into q. */
static void signed_amount(mpq_t q, const char *s, const char *what)
{
    int frac, neg = s[0] == '-';
    FUZZ_ASSERT(dec_grammar(s + neg, &frac), "%s \"%s\" is not an amount",
                what, s);
    dec_to_q(q, s + neg);
    if (neg)
        mpq_neg(q, q);
}

/* Under one catalog, the entry's side (old_total or old_error, ...) is
 * what pricing_quote_json says of the line alone. Returns 1 when priced;
 * the total into q. */
static int side(const cJSON *entry, const char *which,
                const pricing_catalog *cat, const char *line, size_t len,
                mpq_t q)
{
    pricing_buffer out = PRICING_BUFFER_INIT;
    pricing_error err;
    char key[16];
    const cJSON *mine, *theirs;
    cJSON *doc;
    int rc;

    pricing_error_init(&err);
    rc = pricing_quote_json(&out, cat, line, len, NULL, 0, &err);
    doc = cJSON_ParseWithLength(out.data, out.size);
    FUZZ_ASSERT(doc != NULL, "cJSON cannot read a quote");
    snprintf(key, sizeof key, "%s_%s", which, rc == 0 ? "total" : "error");
    theirs = cJSON_GetObjectItemCaseSensitive(entry, key);
    mine = cJSON_GetObjectItemCaseSensitive(doc, rc == 0 ? "total" : "error");
    FUZZ_ASSERT(theirs && mine && cJSON_Compare(mine, theirs, 1),
                "diff --requests: %s differs from pricing_quote_json: %s", key,
                out.data);
    if (rc == 0)
        signed_amount(q, mine->valuestring, key);
    cJSON_Delete(doc);
    pricing_buffer_dispose(&out);
    return rc == 0;
}

/* One request entry: both sides, the status and the exact difference;
 * returns the index of its status. */
static int check_entry(const cJSON *entry, size_t lineno,
                       const pricing_catalog *a, const pricing_catalog *b,
                       const char *line, size_t len)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(entry, "line");
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(entry, "status");
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(entry, "difference");
    mpq_t qa, qb, qd;
    int oka, okb, want, k;

    FUZZ_ASSERT(cJSON_IsNumber(n) && n->valuedouble == (double)lineno,
                "request %zu is numbered otherwise", lineno);
    mpq_init(qa);
    mpq_init(qb);
    mpq_init(qd);
    oka = side(entry, "old", a, line, len, qa);
    okb = side(entry, "new", b, line, len, qb);
    if (oka && okb) {
        mpq_sub(qd, qb, qa);
        want = mpq_sgn(qd) > 0 ? 0 : mpq_sgn(qd) < 0 ? 1 : 2;
        FUZZ_ASSERT(cJSON_IsString(d), "request %zu without difference",
                    lineno);
        signed_amount(qa, d->valuestring, "difference");
        FUZZ_ASSERT(mpq_equal(qa, qd), "request %zu: difference %s is wrong",
                    lineno, d->valuestring);
    } else {
        want = oka ? 3 : okb ? 4 : 5;
        FUZZ_ASSERT(d == NULL, "request %zu: a difference without totals",
                    lineno);
    }
    mpq_clear(qa);
    mpq_clear(qb);
    mpq_clear(qd);
    for (k = 0; k < 6; k++)
        if (cJSON_IsString(st) && !strcmp(st->valuestring, statuses[k]))
            break;
    FUZZ_ASSERT(k == want, "request %zu: status %s, not %s", lineno,
                cJSON_IsString(st) ? st->valuestring : "(none)",
                statuses[want]);
    return k;
}

/* Every entry against its line (as `pricing batch` splits them), and the
 * summary's counts. */
static void check_requests(const cJSON *doc, const pricing_catalog *a,
                           const pricing_catalog *b, const char *text,
                           size_t len)
{
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(doc, "requests")->child;
    const cJSON *sum = cJSON_GetObjectItemCaseSensitive(doc, "requests_summary");
    const cJSON *n;
    double count[6] = {0, 0, 0, 0, 0, 0};
    size_t start = 0, i, lineno = 0;
    int k;

    for (i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n')
            continue;
        if (i == len && i == start)
            break;
        FUZZ_ASSERT(e != NULL, "diff --requests misses line %zu", lineno + 1);
        count[check_entry(e, ++lineno, a, b, text + start, i - start)]++;
        e = e->next;
        start = i + 1;
    }
    FUZZ_ASSERT(e == NULL, "diff --requests has more entries than lines");
    n = cJSON_GetObjectItemCaseSensitive(sum, "requests");
    FUZZ_ASSERT(cJSON_IsNumber(n) && n->valuedouble == (double)lineno,
                "requests_summary miscounts the requests");
    for (k = 0; k < 6; k++) {
        n = cJSON_GetObjectItemCaseSensitive(sum, statuses[k]);
        FUZZ_ASSERT(cJSON_IsNumber(n) && n->valuedouble == count[k],
                    "requests_summary miscounts %s", statuses[k]);
    }
}

static void fuzz_requests(const parts *in)
{
    pricing_catalog *a = load(in->p[0], in->n[0]);
    pricing_catalog *b = in->count > 1 ? load(in->p[1], in->n[1]) : NULL;
    const char *text = in->count > 2 ? in->p[2] : "";
    size_t len = in->count > 2 ? in->n[2] : 0;
    pricing_buffer c = PRICING_BUFFER_INIT, p = PRICING_BUFFER_INIT;
    pricing_error err;
    int rc;

    pricing_error_init(&err);
    if (a && b) {
        rc = pricing_catalog_diff_requests(&c, a, b, text, len, 0, &err);
        if (strcmp(pricing_catalog_currency(a), pricing_catalog_currency(b))) {
            fuzz_check_error_shape(rc, &err);
            FUZZ_ASSERT(err.code == PRICING_INVALID_VALUE &&
                            !strcmp(err.path, "/currency"),
                        "two currencies: %s at \"%s\"",
                        pricing_code_name(err.code), err.path);
        } else {
            cJSON *doc, *plain;
            FUZZ_ASSERT(rc == 0, "diff --requests failed: %s at \"%s\": %s",
                        pricing_code_name(err.code), err.path, err.message);
            FUZZ_ASSERT(pricing_catalog_diff_requests(&p, a, b, text, len,
                                                      PRICING_JSON_PRETTY,
                                                      &err) == 0,
                        "pretty diff --requests failed");
            doc = same_document(&c, &p, "diff --requests");
            plain = diff(a, b);
            FUZZ_ASSERT(cJSON_Compare(
                            cJSON_GetObjectItemCaseSensitive(doc, "changes"),
                            cJSON_GetObjectItemCaseSensitive(plain, "changes"),
                            1),
                        "diff --requests changes differ from diff's");
            check_requests(doc, a, b, text, len);
            cJSON_Delete(plain);
            cJSON_Delete(doc);
        }
    }
    pricing_buffer_dispose(&c);
    pricing_buffer_dispose(&p);
    pricing_catalog_free(a);
    pricing_catalog_free(b);
}

/* ---------------------------------------------------------------- entry */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    parts in;
    if (size == 0)
        return 0;
    split(&in, data + 1, size - 1);
    if (data[0] == 'i') {
        fuzz_import(&in);
    } else if (data[0] == 'd') {
        fuzz_diff(&in);
    } else if (data[0] == 'r') {
        fuzz_requests(&in);
    } else {
        pricing_catalog *cat = load(in.p[0], in.n[0]);
        if (cat)
            round_trip(cat);
        pricing_catalog_free(cat);
    }
    parts_free(&in);
    /* the round trip's buffers are kept between inputs (as a caller
     * reusing them would); dispose them so LSan sees no growth */
    pricing_buffer_dispose(&rt_csv);
    pricing_buffer_dispose(&rt_canon);
    pricing_buffer_dispose(&rt_imp);
    pricing_buffer_dispose(&rt_again);
    pricing_buffer_dispose(&rt_pretty);
    pricing_buffer_dispose(&rt_spec);
    return 0;
}
