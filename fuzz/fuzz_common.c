/* SPDX-License-Identifier: MIT */
/* fuzz_common.c - shared checks of the fuzz targets: failing, UTF-8,
 * output JSON, JSON Pointers, and the error invariants. The quote
 * invariants are in fuzz_quote.c, the exact-arithmetic reference model
 * they use in fuzz_exact.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "json_check.h"

/* ---------------------------------------------------------------- basics */

void fuzz_fail(const char *file, int line, const char *cond, const char *fmt,
               ...)
{
    va_list ap;
    fprintf(stderr, "\n==FUZZ INVARIANT FAILED== %s:%d: %s\n  ", file, line,
            cond);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    fflush(stderr);
    abort();
}

int fuzz_skip(const char *name)
{
    const char *list = getenv("FUZZ_SKIP"), *p;
    size_t n = strlen(name);
    if (!list)
        return 0;
    for (p = list; (p = strstr(p, name)) != NULL; p += n)
        if ((p == list || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
            return 1;
    return 0;
}

char *fuzz_strndup(const uint8_t *data, size_t n)
{
    char *p = malloc(n + 1);
    FUZZ_ASSERT(p != NULL, "out of memory in the harness");
    if (n)
        memcpy(p, data, n);
    p[n] = '\0';
    return p;
}

/* Length of the well-formed UTF-8 sequence at s, or 0. */
static size_t utf8_seq(const unsigned char *s)
{
    unsigned b = s[0], lo = 0x80, hi = 0xBF;
    size_t n, i;
    if (b < 0x80)
        return 1;
    if (b < 0xC2 || b > 0xF4)
        return 0;
    n = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (b == 0xE0)
        lo = 0xA0;
    else if (b == 0xED)
        hi = 0x9F;
    else if (b == 0xF0)
        lo = 0x90;
    else if (b == 0xF4)
        hi = 0x8F;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (i = 2; i < n; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return n;
}

int fuzz_utf8_ok(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        size_t k = utf8_seq(u);
        if (!k)
            return 0;
        u += k;
    }
    return 1;
}

void fuzz_check_output_json(const char *text, size_t n, int pretty,
                            const char *what)
{
    pricing_error e;
    int rc;

    FUZZ_ASSERT(text != NULL, "%s: no output", what);
    FUZZ_ASSERT(text[n] == '\0', "%s: output not NUL-terminated at size",
                what);
    FUZZ_ASSERT(memchr(text, 0, n) == NULL, "%s: NUL inside the output: %s",
                what, text);
    FUZZ_ASSERT(pretty || memchr(text, '\n', n) == NULL,
                "%s: raw newline in compact output: %s", what, text);
    pricing_error_init(&e);
    rc = pricing__json_check(text, n, PRICING_MAX_CATALOG_BYTES, NULL, &e);
    FUZZ_ASSERT(rc == 0,
                "%s: output is not strict JSON (%s at byte %zu: %s):\n%s", what,
                pricing_code_name(e.code), e.position, e.message, text);
}

/* ---------------------------------------------------------------- pointers */

/* The next segment of a JSON Pointer, unescaped, into seg (cap bytes);
 * returns 0, or -1 on a bad escape or a segment too long. */
static int next_segment(const char **pp, char *seg, size_t cap)
{
    const char *p = *pp;
    size_t n = 0;
    for (; *p && *p != '/'; p++) {
        char c = *p;
        if (c == '~') {
            if (p[1] == '0')
                c = '~';
            else if (p[1] == '1')
                c = '/';
            else
                return -1;
            p++;
        }
        if (n + 1 >= cap)
            return -1;
        seg[n++] = c;
    }
    seg[n] = '\0';
    *pp = p;
    return 0;
}

const cJSON *fuzz_resolve(const cJSON *root, const char *path)
{
    static char seg[PRICING_ERROR_PATH_SIZE + 1];
    const cJSON *node = root;
    const char *p = path;

    while (*p) {
        if (*p != '/' || !node)
            return NULL;
        p++;
        if (next_segment(&p, seg, sizeof seg) != 0)
            return NULL;
        if (cJSON_IsObject(node)) {
            const cJSON *c;
            for (c = node->child; c; c = c->next)
                if (c->string && strcmp(c->string, seg) == 0)
                    break;
            node = c;
        } else if (cJSON_IsArray(node)) {
            size_t i, idx = 0;
            const cJSON *c;
            if (!seg[0] || (seg[0] == '0' && seg[1]))
                return NULL;
            for (i = 0; seg[i]; i++) {
                if (seg[i] < '0' || seg[i] > '9' || i > 9)
                    return NULL;
                idx = idx * 10 + (size_t)(seg[i] - '0');
            }
            for (c = node->child; c && idx > 0; c = c->next)
                idx--;
            node = c;
        } else {
            return NULL;
        }
    }
    return node;
}

/* The parent pointer of path (everything before its last '/'). */
static void parent_path(char *out, const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    memcpy(out, path, n);
    out[n] = '\0';
}

/* ---------------------------------------------------------------- errors */

static void check_error_json(const pricing_error *err)
{
    pricing_buffer b = PRICING_BUFFER_INIT, pb = PRICING_BUFFER_INIT;
    static const char *const keys[] = {"code", "path", "message", "line",
                                       "column"};
    cJSON *root, *pretty, *e, *m;
    int i;

    FUZZ_ASSERT(pricing_error_write_json(&b, err, 0) == 0,
                "pricing_error_write_json failed");
    fuzz_check_output_json(b.data, b.size, 0, "error JSON");
    FUZZ_ASSERT(pricing_error_write_json(&pb, err, PRICING_JSON_PRETTY) == 0,
                "pricing_error_write_json (pretty) failed");
    fuzz_check_output_json(pb.data, pb.size, 1, "pretty error JSON");
    root = cJSON_ParseWithLength(b.data, b.size);
    pretty = cJSON_ParseWithLength(pb.data, pb.size);
    FUZZ_ASSERT(root && pretty, "cJSON cannot read the error JSON: %s", b.data);
    FUZZ_ASSERT(cJSON_Compare(root, pretty, 1),
                "pretty and compact error JSON differ:\n%s\n%s", b.data,
                pb.data);
    e = root->child;
    FUZZ_ASSERT(e && !e->next && e->string && !strcmp(e->string, "error") &&
                    cJSON_IsObject(e),
                "error JSON is not {\"error\":{...}}: %s", b.data);
    for (m = e->child, i = 0; m; m = m->next, i++) {
        FUZZ_ASSERT(i < 5 && !strcmp(m->string, keys[i]),
                    "error JSON key %d out of order: %s", i, b.data);
    }
    FUZZ_ASSERT(i == (err->line > 0 ? 5 : 3), "error JSON has %d keys: %s", i,
                b.data);
    m = e->child;
    FUZZ_ASSERT(cJSON_IsString(m) &&
                    !strcmp(m->valuestring, pricing_code_name(err->code)),
                "error JSON code differs: %s", b.data);
    m = m->next;
    FUZZ_ASSERT(cJSON_IsString(m) && (!fuzz_utf8_ok(err->path) ||
                                      !strcmp(m->valuestring, err->path)),
                "error JSON path differs from err.path \"%s\": %s", err->path,
                b.data);
    m = m->next;
    FUZZ_ASSERT(cJSON_IsString(m) && (!fuzz_utf8_ok(err->message) ||
                                      !strcmp(m->valuestring, err->message)),
                "error JSON message differs from err.message \"%s\": %s",
                err->message, b.data);
    if (err->line > 0) {
        m = m->next;
        FUZZ_ASSERT(cJSON_IsNumber(m) && m->valuedouble == (double)err->line,
                    "error JSON line differs: %s", b.data);
        m = m->next;
        FUZZ_ASSERT(cJSON_IsNumber(m) && m->valuedouble == (double)err->column,
                    "error JSON column differs: %s", b.data);
    }
    cJSON_Delete(root);
    cJSON_Delete(pretty);
    pricing_buffer_dispose(&b);
    pricing_buffer_dispose(&pb);
}

/* A well-formed JSON Pointer (RFC 6901), or one cut with "...". */
static void check_path_syntax(const pricing_error *err, int *truncated)
{
    const char *p = err->path;
    size_t n = strlen(p), i;

    FUZZ_ASSERT(n < PRICING_ERROR_PATH_SIZE, "path not terminated");
    *truncated = n >= 3 && !strcmp(p + n - 3, "...") && n > 900;
    if (*truncated)
        n -= 4; /* a cut "~0" may leave a lone '~' before the dots */
    FUZZ_ASSERT(n == 0 || p[0] == '/', "path \"%s\" does not start with /", p);
    for (i = 0; i < n; i++)
        FUZZ_ASSERT(p[i] != '~' || p[i + 1] == '0' || p[i + 1] == '1',
                    "path \"%s\": bad escape at %zu", p, i);
    FUZZ_ASSERT(fuzz_utf8_ok(p) || fuzz_skip("path_utf8"),
                "path is not valid UTF-8: \"%s\"", p);
}

int fuzz_check_error_shape(int rc, const pricing_error *err)
{
    pricing_code code = err->code;
    int truncated;

    FUZZ_ASSERT(rc < 0 && rc == -(int)code, "rc %d but err.code %d (%s)", rc,
                (int)code, pricing_code_name(code));
    FUZZ_ASSERT(code > PRICING_OK && code < PRICING_CODE_COUNT_, "code %d",
                (int)code);
    FUZZ_ASSERT(code != PRICING_OUT_OF_MEMORY || fuzz_skip("oom"),
                "out_of_memory from a small document (path \"%s\", message "
                "\"%s\")",
                err->path, err->message);
    FUZZ_ASSERT(code != PRICING_INVALID_ARGUMENT && code != PRICING_IO_ERROR,
                "%s from a document: %s", pricing_code_name(code),
                err->message);
    FUZZ_ASSERT(memchr(err->message, 0, sizeof err->message) != NULL,
                "message not terminated");
    FUZZ_ASSERT(err->message[0] != '\0', "empty message (code %s, path %s)",
                pricing_code_name(code), err->path);
    FUZZ_ASSERT(fuzz_utf8_ok(err->message) || fuzz_skip("msg_utf8"),
                "message is not valid UTF-8: \"%s\" (code %s, path %s)",
                err->message, pricing_code_name(code), err->path);
    check_path_syntax(err, &truncated);
    check_error_json(err);
    return truncated;
}

/* A document the strict pass accepts: the error's path points into it (at
 * the member at fault, or at its parent for a missing one). */
static void check_error_place(const pricing_error *err, const char *doc,
                              size_t len, int truncated)
{
    pricing_code code = err->code;
    const cJSON *node = NULL, *parent = NULL;
    char ppath[PRICING_ERROR_PATH_SIZE];
    cJSON *root;

    FUZZ_ASSERT(code != PRICING_JSON_SYNTAX,
                "json_syntax for text the strict pass accepts: %s",
                err->message);
    root = cJSON_ParseWithLength(doc, len);
    /* cJSON may fail on text the strict pass accepts (that failure is
     * reported by the out_of_memory check above); no tree, no paths. */
    if (!root)
        return;
    if (err->path[0] == '\0')
        FUZZ_ASSERT(code == PRICING_WRONG_TYPE && !cJSON_IsObject(root),
                    "%s with the empty path: %s",
                    pricing_code_name(code), err->message);
    if (!truncated) {
        node = fuzz_resolve(root, err->path);
        parent_path(ppath, err->path);
        parent = fuzz_resolve(root, ppath);
    }
    if (truncated) {
        /* nothing to resolve */
    } else if (code == PRICING_MISSING_FIELD ||
               code == PRICING_MISSING_ATTRIBUTE) {
        FUZZ_ASSERT(!node && parent,
                    "%s at \"%s\": the member %s and its parent %s",
                    pricing_code_name(code), err->path,
                    node ? "exists" : "is absent",
                    parent ? "exists" : "is absent");
    } else if (code == PRICING_COUNT_NOT_ALLOWED ||
               code == PRICING_SKU_UNAVAILABLE) {
        /* at the member, or where the default would go */
        FUZZ_ASSERT(node || parent, "%s at \"%s\": no such place",
                    pricing_code_name(code), err->path);
    } else {
        FUZZ_ASSERT(node != NULL,
                    "%s at \"%s\": the path points at nothing (%s)",
                    pricing_code_name(code), err->path, err->message);
    }
    cJSON_Delete(root);
}

void fuzz_check_error(int rc, const pricing_error *err, const char *doc,
                      size_t len, int kind)
{
    size_t max = kind == FUZZ_DOC_CATALOG ? PRICING_MAX_CATALOG_BYTES
                                          : PRICING_MAX_REQUEST_BYTES;
    pricing_error se;
    pricing_code code = err->code;
    int src, truncated = fuzz_check_error_shape(rc, err);

    if (code == PRICING_JSON_SYNTAX) {
        size_t i, line = 1, col = 1;
        FUZZ_ASSERT(err->path[0] == '\0', "json_syntax with path \"%s\"",
                    err->path);
        FUZZ_ASSERT(err->line >= 1 && err->column >= 1 && err->position <= len,
                    "json_syntax without position: line %d column %d "
                    "position %zu (len %zu): %s",
                    err->line, err->column, err->position, len, err->message);
        for (i = 0; i < err->position; i++) {
            if (doc[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        FUZZ_ASSERT((size_t)err->line == line && (size_t)err->column == col,
                    "json_syntax at position %zu says line %d column %d, "
                    "not %zu:%zu",
                    err->position, err->line, err->column, line, col);
    } else {
        FUZZ_ASSERT(err->line == 0 && err->column == 0 && err->position == 0,
                    "%s with line %d column %d position %zu",
                    pricing_code_name(code), err->line, err->column,
                    err->position);
    }

    /* The strict pass alone: when it rejects the text, that is the error
     * every API must report, exactly. */
    pricing_error_init(&se);
    src = pricing__json_check(doc, len, max, NULL, &se);
    if (src != 0) {
        FUZZ_ASSERT(se.code == code && !strcmp(se.path, err->path) &&
                        se.line == err->line && se.column == err->column &&
                        se.position == err->position,
                    "the strict pass says %s at \"%s\" (%d:%d), the API says "
                    "%s at \"%s\" (%d:%d)",
                    pricing_code_name(se.code), se.path, se.line, se.column,
                    pricing_code_name(code), err->path, err->line,
                    err->column);
    } else {
        check_error_place(err, doc, len, truncated);
    }
}
