/* SPDX-License-Identifier: MIT */
/* json_check.c - the strict single pass over JSON text (RFC 8259).
 *
 * One forward scan with an explicit stack of open containers (at most
 * PRICING_MAX_DEPTH, checked before each push), so hostile nesting costs
 * neither recursion nor memory. Every read is bounds-checked against len:
 * the text need not be NUL-terminated.
 *
 * Paths are not maintained while scanning: each open container remembers
 * its current element (index, or key kept in the key arena), and the JSON
 * Pointer is built from the stack only when an error needs it.
 *
 * Duplicate keys (json_check_keys.c): a hash table of the open objects'
 * decoded keys, which live in an arena used as a stack: closing an object
 * drops its keys. The errors and their paths: json_check_errors.c.
 *
 * Asked to (pricing__json_check_view), the same scan records the text as
 * a view (json_view.h): a node per value, appended as the value starts,
 * and every string decoded into the view's arena, keys included (the
 * arena is then never popped).
 *
 * Lines are counted by LF only; columns count bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json_checker.h"

typedef pricing__checker checker;
typedef pricing__jc_frame frame;

/* What the scanner expects next. */
enum state {
    ST_VALUE,        /* a value (top level, after '[' ... ',' or ':') */
    ST_ARRAY_FIRST,  /* a value or ']' right after '[' */
    ST_OBJECT_FIRST, /* a key or '}' right after '{' */
    ST_KEY,          /* a key after ',' in an object */
    ST_COLON,        /* ':' after a key */
    ST_AFTER         /* ',' or the closing bracket, or the end at top */
};


/* ---------------------------------------------------------------- bytes */

/* Locale-free byte classes (the C library's depend on the locale). */
static int is_ws(unsigned b)
{
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
}

static int is_digit(unsigned b)
{
    return b >= '0' && b <= '9';
}

static int is_alnum(unsigned b)
{
    return is_digit(b) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}


/* ---------------------------------------------------------------- memory */

static int arena_reserve(checker *c, size_t extra)
{
    size_t need, cap;
    unsigned char *p;

    if (c->view)
        return 0; /* the view's arena holds the whole text (json_view.h) */
    if (extra > SIZE_MAX - c->arena_len)
        return pricing__nomem(c->err);
    need = c->arena_len + extra;
    if (need <= c->arena_cap)
        return 0;
    cap = c->arena_cap;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    if (c->arena == c->arena0) {
        if ((p = malloc(cap)) != NULL)
            memcpy(p, c->arena0, c->arena_len);
    } else {
        p = realloc(c->arena, cap);
    }
    if (!p)
        return pricing__nomem(c->err);
    c->arena = p;
    c->arena_cap = cap;
    return 0;
}

/* The most the tree of a text of len bytes may take (json_check.h). */
static uint64_t tree_budget(size_t len)
{
    return (uint64_t)PRICING__TREE_BYTES_PER_BYTE * len +
           PRICING__TREE_EXTRA_BYTES;
}

static int record_number(checker *c, size_t offset, size_t length,
                         unsigned flags)
{
    pricing__numbers *nums = c->nums;
    pricing__numlex *lx;

    if (!nums)
        return 0;
    /* Past the memory bound the text is rejected at the end of the scan
     * (its syntax errors come first): stop spending on lexemes now. */
    if (c->tree_bytes > tree_budget(c->len)) {
        if (c->view)
            c->building = 0; /* the view's storage goes with the view */
        else
            pricing__numbers_dispose(nums);
        c->nums = NULL;
        return 0;
    }
    if (nums->n == nums->cap) {
        size_t cap = nums->cap ? nums->cap * 2 : 64;
        pricing__numlex *v;
        if (nums->cap > SIZE_MAX / 2 / sizeof *v)
            return pricing__nomem(c->err);
        if (nums->v == nums->first && nums->first) {
            /* The caller's first storage is not ours to realloc. */
            if ((v = malloc(cap * sizeof *v)) != NULL)
                memcpy(v, nums->v, nums->n * sizeof *v);
        } else {
            v = realloc(nums->v, cap * sizeof *v);
        }
        if (!v)
            return pricing__nomem(c->err);
        nums->v = v;
        nums->cap = cap;
    }
    c->tree_bytes += sizeof *lx;
    lx = &nums->v[nums->n++];
    lx->offset = offset;
    lx->length = (uint32_t)length;
    lx->flags = flags;
    return 0;
}

void pricing__numbers_dispose(pricing__numbers *nums)
{
    if (!nums)
        return;
    if (nums->v != nums->first)
        free(nums->v);
    nums->v = nums->first;
    nums->n = 0;
    nums->cap = nums->first ? nums->first_cap : 0;
}

/* ---------------------------------------------------------------- view */

/* What the byte that starts a value makes it: one table load rather
 * than a chain of tests (VC_BAD: no value starts so). */
enum vclass {
    VC_BAD, VC_ARRAY, VC_OBJECT, VC_STRING, VC_TRUE, VC_FALSE, VC_NULL,
    VC_NUMBER
};

static const unsigned char value_class[256] = {
    ['['] = VC_ARRAY, ['{'] = VC_OBJECT, ['"'] = VC_STRING,
    ['t'] = VC_TRUE, ['f'] = VC_FALSE, ['n'] = VC_NULL,
    ['-'] = VC_NUMBER, ['0'] = VC_NUMBER, ['1'] = VC_NUMBER,
    ['2'] = VC_NUMBER, ['3'] = VC_NUMBER, ['4'] = VC_NUMBER,
    ['5'] = VC_NUMBER, ['6'] = VC_NUMBER, ['7'] = VC_NUMBER,
    ['8'] = VC_NUMBER, ['9'] = VC_NUMBER
};

/* The node type of a class (a number for VC_BAD: an invalid byte is an
 * error before the view is read). */
static const int class_type[] = {
    cJSON_Number, cJSON_Array, cJSON_Object, cJSON_String, cJSON_True,
    cJSON_False, cJSON_NULL, cJSON_Number
};

/* Appends the node of the value of class vc starting at c->pos. */
static int view_value(checker *c, unsigned vc)
{
    const frame *f = c->depth ? &c->stack[c->depth - 1] : NULL;
    pricing__view *v = c->view;
    int type = class_type[vc], rc = 0;
    size_t k;
    int is_num;

    k = pricing__view_add(v, f ? f->node : SIZE_MAX, type,
                          f && f->is_object ? (char *)c->arena + f->key_off
                                            : NULL,
                          &rc);
    if (k == SIZE_MAX) {
        if (rc < 0)
            return pricing__nomem(c->err);
        c->building = 0; /* past the size bound: rejected at the end */
        return 0;
    }
    /* A number's valueint is its lexeme, next; a mask, not a branch. */
    is_num = -(type == cJSON_Number);
    v->nodes[k].valueint = (v->nodes[k].valueint & ~is_num) |
                           ((int)v->nums.n & is_num);
    c->node = k;
    return 0;
}


/* ---------------------------------------------------------------- tokens */

static int scan_key(checker *c)
{
    frame *f = &c->stack[c->depth - 1];
    size_t n = 0, kept = 0;
    int rc, nul = 0;

    if (f->count == PRICING_MAX_CONTAINER_ITEMS)
        return pricing__jc_items(c);
    f->count++;
    if ((rc = arena_reserve(c, PRICING_MAX_STRING_BYTES)) != 0)
        return rc;
    rc = pricing__jc_scan_string(c, c->arena + c->arena_len, &n, &kept,
                                 &nul);
    if (rc != 0)
        return rc;
    if (n > PRICING_MAX_STRING_BYTES) {
        pricing__path p;
        pricing__jc_path(c, &p, c->depth - 1);
        pricing__jc_push_key(&p, c->arena + c->arena_len, kept);
        return pricing__jc_string_limit(c, &p, n);
    }
    if (nul && !c->nul_seen) {
        /* The object's path: the key itself cannot be written in one. */
        c->nul_seen = 1;
        pricing__jc_path(c, &c->nul_path, c->depth - 1);
    }
    rc = pricing__jc_key_add(c, n);
    if (rc < 0)
        return rc;
    if (rc > 0) {
        pricing__path p;
        pricing__jc_path(c, &p, c->depth - 1);
        pricing__jc_push_key(&p, c->arena + c->arena_len, n);
        return pricing__error(c->err, PRICING_DUPLICATE_KEY, &p,
                              "duplicate key");
    }
    f->key_off = c->arena_len;
    f->key_len = n;
    c->arena_len += n;
    if (c->view)
        c->arena[c->arena_len++] = '\0'; /* a node's string */
    return 0;
}

static int scan_string_value(checker *c)
{
    unsigned char *out = c->building ? c->arena + c->arena_len : NULL;
    size_t n = 0, kept = 0; /* kept, never NULL: one branch less */
    int nul = 0;
    int rc = pricing__jc_scan_string(c, out, &n, &kept, &nul);

    if (rc != 0)
        return rc;
    if (n > PRICING_MAX_STRING_BYTES) {
        pricing__path p;
        pricing__jc_path(c, &p, c->depth);
        return pricing__jc_string_limit(c, &p, n);
    }
    if (nul && !c->nul_seen) {
        c->nul_seen = 1;
        pricing__jc_path(c, &c->nul_path, c->depth);
    }
    if (out) {
        out[n] = '\0';
        c->view->nodes[c->node].valuestring = (char *)out;
        c->arena_len += n + 1;
    }
    return 0;
}

/* A run of digits from i; returns the index after it. */
static size_t skip_digits(const checker *c, size_t i)
{
    while (i < c->len && is_digit(c->s[i]))
        i++;
    return i;
}

/* At least one digit at i (the grammar's 1*DIGIT). */
static int need_digit(checker *c, size_t i)
{
    if (i >= c->len)
        return pricing__jc_syntax(c, c->len, "unexpected end of input");
    if (!is_digit(c->s[i]))
        return pricing__jc_syntax(c, i, "invalid number");
    return 0;
}

/* RFC 8259: [ minus ] int [ frac ] [ exp ], int = zero / ( 1-9 *DIGIT ). */
static int scan_number(checker *c)
{
    const unsigned char *s = c->s;
    size_t start = c->pos, i = c->pos;
    unsigned flags = 0;
    int rc;

    if (s[i] == '-') {
        flags |= PRICING__NUM_MINUS;
        i++;
    }
    if ((rc = need_digit(c, i)) != 0)
        return rc;
    i = s[i] == '0' ? i + 1 : skip_digits(c, i);
    if (i < c->len && s[i] == '.') {
        flags |= PRICING__NUM_FRAC;
        if ((rc = need_digit(c, ++i)) != 0)
            return rc;
        i = skip_digits(c, i);
    }
    if (i < c->len && (s[i] == 'e' || s[i] == 'E')) {
        flags |= PRICING__NUM_EXP;
        i++;
        if (i < c->len && (s[i] == '+' || s[i] == '-'))
            i++;
        if ((rc = need_digit(c, i)) != 0)
            return rc;
        i = skip_digits(c, i);
    }
    /* "01", "0x10", "1.5.3": name the number, not the following byte. */
    if (i < c->len && (is_alnum(s[i]) || s[i] == '.' || s[i] == '+' ||
                       s[i] == '-'))
        return pricing__jc_syntax(c, i, "invalid number");
    if (i - start > PRICING_MAX_NUMBER_CHARS) {
        pricing__path p;
        pricing__jc_path(c, &p, c->depth);
        return pricing__error(c->err, PRICING_LIMIT_EXCEEDED, &p,
                              "number too long: %zu characters, the limit "
                              "is %d",
                              i - start, PRICING_MAX_NUMBER_CHARS);
    }
    if ((rc = record_number(c, start, i - start, flags)) != 0)
        return rc;
    c->pos = i;
    return 0;
}

static int scan_literal(checker *c, const char *word)
{
    size_t i = c->pos, k;

    for (k = 0; word[k]; k++, i++) {
        if (i >= c->len)
            return pricing__jc_syntax(c, c->len, "unexpected end of input");
        if (c->s[i] != (unsigned char)word[k])
            return pricing__jc_syntax(c, i, "invalid literal");
    }
    if (i < c->len && is_alnum(c->s[i]))
        return pricing__jc_syntax(c, i, "invalid literal");
    c->pos = i;
    return 0;
}

/* ---------------------------------------------------------------- structure */

static int open_container(checker *c, int is_object)
{
    frame *f;

    if (c->depth == PRICING_MAX_DEPTH) {
        pricing__path p;
        pricing__jc_path(c, &p, c->depth);
        return pricing__error(c->err, PRICING_LIMIT_EXCEEDED, &p,
                              "nesting too deep: more than %d levels",
                              PRICING_MAX_DEPTH);
    }
    if (!is_object && c->spans) {
        int rc = pricing__jc_span_open(c);
        if (rc != 0)
            return rc;
    }
    f = &c->stack[c->depth++];
    f->count = 0;
    f->ordinal = is_object ? ++c->ordinals : 0;
    f->arena_mark = c->arena_len;
    f->key_off = 0;
    f->key_len = 0;
    f->node = c->node; /* building: view_value has just added it */
    f->is_object = is_object;
    f->hashed = 0;
    c->pos++;
    return 0;
}

/* Closing an object kills its keys in the table and drops them from the
 * arena (they were pushed after every key of its ancestors), unless a
 * view's nodes point at them. */
static void close_container(checker *c)
{
    frame *f = &c->stack[--c->depth];

    if (f->is_object) {
        if (f->hashed)
            c->live -= f->count;
        if (!c->view)
            c->arena_len = f->arena_mark;
    }
    if (c->span_depth && c->depth + 1 == c->span_depth)
        pricing__jc_span_close(c, f);
    c->pos++;
}

/* A value starts at c->pos (not whitespace, not the end). */
static int scan_value(checker *c, enum state *st)
{
    unsigned vc = value_class[c->s[c->pos]];

    if (c->depth > 0 && !c->stack[c->depth - 1].is_object) {
        frame *f = &c->stack[c->depth - 1];
        if (f->count == PRICING_MAX_CONTAINER_ITEMS)
            return pricing__jc_items(c);
        f->count++;
    }
    *st = ST_AFTER;
    c->tree_bytes += PRICING__TREE_NODE_BYTES;
    if (c->building) {
        int rc = view_value(c, vc);
        if (rc != 0)
            return rc;
    }
    /* Tests, not a jump table: an indirect jump whose target changes
     * with every value mispredicts more often. */
    if (vc == VC_STRING)
        return scan_string_value(c);
    if (vc == VC_NUMBER)
        return scan_number(c);
    switch (vc) {
    case VC_ARRAY:
        *st = ST_ARRAY_FIRST;
        return open_container(c, 0);
    case VC_OBJECT:
        *st = ST_OBJECT_FIRST;
        return open_container(c, 1);
    case VC_TRUE:
        return scan_literal(c, "true");
    case VC_FALSE:
        return scan_literal(c, "false");
    case VC_NULL:
        return scan_literal(c, "null");
    default:
        return pricing__jc_unexpected(c, c->pos, "expected a value");
    }
}

/* After a value inside a container: ',' or the closing bracket. */
static int scan_after(checker *c, enum state *st)
{
    const frame *f = &c->stack[c->depth - 1];
    unsigned b = c->s[c->pos];

    if (b == ',') {
        c->pos++;
        *st = f->is_object ? ST_KEY : ST_VALUE;
        return 0;
    }
    if (b == (f->is_object ? '}' : ']')) {
        close_container(c);
        return 0;
    }
    return pricing__jc_unexpected(c, c->pos, f->is_object
                                                 ? "expected ',' or '}'"
                                                 : "expected ',' or ']'");
}

static int scan_document(checker *c)
{
    enum state st = ST_VALUE;

    for (;;) {
        unsigned b;

        while (c->pos < c->len && is_ws(c->s[c->pos]))
            c->pos++;
        if (c->pos == c->len) {
            if (c->depth == 0 && st == ST_AFTER)
                return 0;
            if (c->depth == 0 && st == ST_VALUE)
                return pricing__jc_syntax(c, 0, "empty document");
            return pricing__jc_syntax(c, c->len, "unexpected end of input");
        }
        b = c->s[c->pos];
        if (st == ST_ARRAY_FIRST && b == ']') {
            close_container(c);
            st = ST_AFTER;
        } else if (st == ST_OBJECT_FIRST && b == '}') {
            close_container(c);
            st = ST_AFTER;
        } else if (st == ST_VALUE || st == ST_ARRAY_FIRST) {
            int rc = scan_value(c, &st);
            if (rc != 0)
                return rc;
        } else if (st == ST_KEY || st == ST_OBJECT_FIRST) {
            int rc;
            if (b != '"')
                return pricing__jc_unexpected(c, c->pos,
                                              "expected a string key");
            if ((rc = scan_key(c)) != 0)
                return rc;
            st = ST_COLON;
        } else if (st == ST_COLON) {
            if (b != ':')
                return pricing__jc_unexpected(c, c->pos, "expected ':'");
            c->pos++;
            st = ST_VALUE;
        } else if (c->depth == 0) {
            return pricing__jc_syntax(c, c->pos,
                                      "trailing data after the document");
        } else {
            int rc = scan_after(c, &st);
            if (rc != 0)
                return rc;
        }
    }
}

/* The most values an accepted text of len bytes can have: each value but
 * the last takes at least two bytes (a scalar and a separator, or a
 * container's brackets), and each costs the size bound
 * PRICING__TREE_NODE_BYTES. */
static size_t max_values(size_t len)
{
    uint64_t by_size = tree_budget(len) / PRICING__TREE_NODE_BYTES + 1;
    size_t by_grammar = len / 2 + 1;
    return by_size < by_grammar ? (size_t)by_size : by_grammar;
}

static int check(const char *text, size_t len, size_t max_bytes,
                 pricing__numbers *nums, pricing__spans *spans,
                 pricing__view *view, pricing_error *err)
{
    checker c;
    int rc;

    if (len > max_bytes)
        return pricing__error_at(err, PRICING_LIMIT_EXCEEDED, "",
                                 "input too large: %zu bytes, the limit "
                                 "is %zu",
                                 len, max_bytes);
    if (!text && len > 0)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "text is NULL");
    c.s = (const unsigned char *)text;
    c.len = len;
    c.pos = 0;
    c.err = err;
    c.nums = nums;
    c.spans = nums && !view ? spans : NULL;
    c.span_depth = 0;
    c.depth = 0;
    c.ordinals = 0;
    c.arena = c.arena0;
    c.arena_len = 0;
    c.arena_cap = sizeof c.arena0;
    c.view = view;
    c.building = view != NULL;
    c.node = 0;
    if (view) {
        if (pricing__view_start(view, len, max_values(len)) != 0)
            return pricing__nomem(err);
        c.nums = &view->nums;
        c.arena = (unsigned char *)view->str;
        c.arena_cap = view->str_cap;
    }
    c.slots = NULL;
    c.nslots = 0;
    c.live = 0;
    c.seed = pricing__jc_seed(&c, text, len);
    c.nul_seen = 0;
    pricing__path_init(&c.nul_path);

    c.tree_bytes = 0;
    rc = scan_document(&c);
    if (rc == 0 && c.nul_seen)
        rc = pricing__error(err, PRICING_INVALID_VALUE, &c.nul_path,
                            "strings may not contain U+0000");
    if (rc == 0 && (nums || view) && c.tree_bytes > tree_budget(len))
        rc = pricing__error_at(err, PRICING_LIMIT_EXCEEDED, "",
                               "too many values for the size of the text: "
                               "the tree would take %llu bytes, more than "
                               "%d per byte of text plus %d",
                               (unsigned long long)c.tree_bytes,
                               PRICING__TREE_BYTES_PER_BYTE,
                               PRICING__TREE_EXTRA_BYTES);
    /* Only the size bound stops a view (max_values): never reached. */
    if (rc == 0 && view && !c.building)
        rc = pricing__error_at(err, PRICING_JSON_SYNTAX, "",
                               "internal: view incomplete");
    if (c.arena != c.arena0 && !view)
        free(c.arena);
    if (c.slots != c.slots0)
        free(c.slots);
    if (rc != 0 && !view) {
        pricing__numbers_dispose(nums);
        pricing__spans_dispose(spans);
    }
    return rc;
}

int pricing__json_check(const char *text, size_t len, size_t max_bytes,
                        pricing__numbers *nums, pricing_error *err)
{
    return check(text, len, max_bytes, nums, NULL, NULL, err);
}

int pricing__json_check_spans(const char *text, size_t len, size_t max_bytes,
                              pricing__numbers *nums, pricing__spans *spans,
                              pricing_error *err)
{
    return check(text, len, max_bytes, nums, spans, NULL, err);
}

int pricing__json_check_view(const char *text, size_t len, size_t max_bytes,
                             pricing__view *view, pricing_error *err)
{
    return check(text, len, max_bytes, NULL, NULL, view, err);
}
