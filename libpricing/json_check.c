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
 * Duplicate keys: one open-addressing hash table for the whole document,
 * keyed by (object ordinal, decoded key). An entry is live only while its
 * object is open (the stack frame at its depth still has its ordinal);
 * dead entries count as empty slots, so closing an object costs nothing
 * and the table holds only the keys of open objects. The decoded keys
 * live in an arena used as a stack: closing an object drops its keys.
 *
 * Lines are counted by LF only; columns count bytes.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "json_check.h"
#include "utf8.h"

/* What the scanner expects next. */
enum state {
    ST_VALUE,        /* a value (top level, after '[' ... ',' or ':') */
    ST_ARRAY_FIRST,  /* a value or ']' right after '[' */
    ST_OBJECT_FIRST, /* a key or '}' right after '{' */
    ST_KEY,          /* a key after ',' in an object */
    ST_COLON,        /* ':' after a key */
    ST_AFTER         /* ',' or the closing bracket, or the end at top */
};

/* An open array or object. */
typedef struct frame {
    size_t count;      /* items so far; the current one is count - 1 */
    size_t ordinal;    /* objects: unique, from 1; arrays: 0 */
    size_t arena_mark; /* arena length when the object opened */
    size_t key_off;    /* the current member's key in the arena */
    size_t key_len;
    int is_object;
} frame;

/* A key of an open object (or a dead slot: see slot_live). */
typedef struct slot {
    size_t ordinal; /* 0: never used */
    size_t off;     /* key bytes in the arena */
    uint32_t hash;
    uint16_t len;  /* <= PRICING_MAX_STRING_BYTES */
    uint8_t depth; /* stack index of the object */
} slot;

#define SLOTS0 64 /* a power of two */

typedef struct checker {
    const unsigned char *s;
    size_t len;
    size_t pos;
    pricing_error *err;
    pricing__numbers *nums;
    pricing__spans *spans; /* NULL: SKU lists are not recorded */
    size_t span_depth;     /* depth inside the open SKU list; 0: none */
    frame stack[PRICING_MAX_DEPTH];
    size_t depth;
    size_t ordinals;
    unsigned char *arena;
    size_t arena_len;
    size_t arena_cap;
    slot *slots;
    size_t nslots; /* 0 or a power of two */
    size_t live;   /* keys of open objects */
    uint64_t seed;
    int nul_seen;
    pricing__path nul_path; /* where the first U+0000 was */
    uint64_t tree_bytes; /* what the parsed tree would take (see .h) */
    /* The first arena and slot table, on the stack: a request (a few
     * keys) then costs no allocation at all. */
    unsigned char arena0[2 * PRICING_MAX_STRING_BYTES];
    slot slots0[SLOTS0];
} checker;

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

static int hex_value(unsigned b)
{
    if (is_digit(b))
        return (int)(b - '0');
    if (b >= 'a' && b <= 'f')
        return (int)(b - 'a' + 10);
    if (b >= 'A' && b <= 'F')
        return (int)(b - 'A' + 10);
    return -1;
}

/* ---------------------------------------------------------------- errors */

/* Line and column of pos, computed only for the one error reported. */
static void line_column(const unsigned char *s, size_t pos, int *line,
                        int *column)
{
    size_t i, lines = 1, start = 0;

    for (i = 0; i < pos; i++) {
        if (s[i] == '\n') {
            lines++;
            start = i + 1;
        }
    }
    /* Saturated: an int cannot count every line of a huge text. */
    *line = lines > (size_t)INT_MAX ? INT_MAX : (int)lines;
    *column = pos - start >= (size_t)INT_MAX ? INT_MAX : (int)(pos - start + 1);
}

static int syntax_error(checker *c, size_t pos, const char *msg)
{
    pricing_error *err = c->err;
    int mine = err != NULL && err->code == PRICING_OK;
    int rc = pricing__error_at(err, PRICING_JSON_SYNTAX, "", "%s", msg);

    if (mine) {
        line_column(c->s, pos, &err->line, &err->column);
        err->position = pos;
    }
    return rc;
}

/* A byte the grammar does not allow at pos; expected says what would do. */
static int unexpected(checker *c, size_t pos, const char *expected)
{
    const unsigned char *s = c->s;
    unsigned b;

    if (pos >= c->len)
        return syntax_error(c, c->len, "unexpected end of input");
    b = s[pos];
    if (pos == 0 && c->len >= 3 && s[0] == 0xEF && s[1] == 0xBB &&
        s[2] == 0xBF)
        return syntax_error(c, pos, "byte order mark (BOM) not allowed");
    if (b == 0)
        return syntax_error(c, pos, "unexpected NUL byte");
    if (b < 0x20 || b == 0x7F)
        return syntax_error(c, pos, "unexpected control character");
    if (b >= 0x80)
        return syntax_error(c, pos, "unexpected non-ASCII byte");
    return syntax_error(c, pos, expected);
}

/* A key as a path segment. U+0000 cannot appear in a C string path, so
 * such a key is cut there. */
static void push_key(pricing__path *p, const unsigned char *key, size_t len)
{
    const unsigned char *nul = memchr(key, 0, len);
    if (nul)
        len = (size_t)(nul - key);
    pricing__path_push_key(p, (const char *)key, len);
}

/* The JSON Pointer of the current element of the first levels frames. */
static void build_path(const checker *c, pricing__path *p, size_t levels)
{
    size_t i;

    pricing__path_init(p);
    for (i = 0; i < levels; i++) {
        const frame *f = &c->stack[i];
        if (f->is_object)
            push_key(p, c->arena + f->key_off, f->key_len);
        else
            pricing__path_push_index(p, f->count - 1);
    }
}

/* The open container (the top frame) has no room for another item. */
static int items_error(checker *c)
{
    pricing__path p;
    build_path(c, &p, c->depth - 1);
    return pricing__error(c->err, PRICING_LIMIT_EXCEEDED, &p,
                          "too many items: more than %d in one %s",
                          PRICING_MAX_CONTAINER_ITEMS,
                          c->stack[c->depth - 1].is_object ? "object"
                                                           : "array");
}

static int string_limit_error(checker *c, const pricing__path *p, size_t n)
{
    return pricing__error(c->err, PRICING_LIMIT_EXCEEDED, p,
                          "string too long: %zu bytes, the limit is %d", n,
                          PRICING_MAX_STRING_BYTES);
}

/* ---------------------------------------------------------------- memory */

static int arena_reserve(checker *c, size_t extra)
{
    size_t need, cap;
    unsigned char *p;

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
        pricing__numbers_dispose(nums);
        c->nums = NULL;
        return 0;
    }
    if (nums->n == nums->cap) {
        size_t cap = nums->cap ? nums->cap * 2 : 64;
        pricing__numlex *v;
        if (nums->cap > SIZE_MAX / 2 / sizeof *v)
            return pricing__nomem(c->err);
        v = realloc(nums->v, cap * sizeof *v);
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
    free(nums->v);
    nums->v = NULL;
    nums->n = 0;
    nums->cap = 0;
}

void pricing__spans_dispose(pricing__spans *spans)
{
    if (!spans)
        return;
    free(spans->v);
    spans->v = NULL;
    spans->n = 0;
    spans->cap = 0;
}

/* The key of the member that frame f (an object) is at is lit. */
static int key_is(const checker *c, const frame *f, const char *lit,
                  size_t n)
{
    return f->is_object && f->key_len == n &&
           memcmp(c->arena + f->key_off, lit, n) == 0;
}

/* An array opening at c->pos, depth frames open below it: records it
 * when it is a SKU list (json_check.h) outside any other. */
static int span_open(checker *c)
{
    const frame *f = c->stack;
    size_t d = c->depth;
    pricing__span *sp;

    if (!c->spans || !c->nums || c->span_depth || d < 3 ||
        !key_is(c, &f[d - 1], "skus", 4) || f[d - 2].is_object ||
        !key_is(c, &f[d - 3], "specs", 5))
        return 0;
    if (c->spans->n == c->spans->cap) {
        size_t cap = c->spans->cap ? c->spans->cap * 2 : 16;
        if (c->spans->cap > SIZE_MAX / 2 / sizeof *sp ||
            !(sp = realloc(c->spans->v, cap * sizeof *sp)))
            return pricing__nomem(c->err);
        c->spans->v = sp;
        c->spans->cap = cap;
    }
    sp = &c->spans->v[c->spans->n++];
    sp->start = c->pos;
    sp->first_num = c->nums->n;
    c->span_depth = d + 1;
    return 0;
}

/* The open SKU list closes at c->pos (its frame f just popped). */
static void span_close(checker *c, const frame *f)
{
    pricing__span *sp = &c->spans->v[c->spans->n - 1];
    sp->end = c->pos + 1;
    sp->count = f->count;
    sp->nnums = c->nums ? c->nums->n - sp->first_num : 0;
    c->span_depth = 0;
}

/* ---------------------------------------------------------------- keys */

static uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}

/* Eight bytes at a time, assembled bytewise (no alignment or endianness
 * assumptions). */
static uint32_t key_hash(const checker *c, size_t ordinal,
                         const unsigned char *k, size_t n)
{
    uint64_t h = c->seed ^ mix64((uint64_t)ordinal);
    size_t i = 0, j;

    for (;;) {
        uint64_t w = 0;
        size_t take = n - i < 8 ? n - i : 8;
        for (j = 0; j < take; j++)
            w |= (uint64_t)k[i + j] << (8 * j);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        i += take;
        if (take < 8)
            break;
    }
    return (uint32_t)mix64(h ^ (uint64_t)n);
}

/* Live: its object is still open at its depth. Dead slots are free. */
static int slot_live(const checker *c, const slot *s)
{
    return s->ordinal != 0 && s->depth < c->depth &&
           c->stack[s->depth].ordinal == s->ordinal;
}

/* Doubles the table, keeping only live keys (at most half the slots, so
 * this costs O(live) and happens O(log) times). */
static int slots_grow(checker *c)
{
    size_t cap = c->nslots ? c->nslots * 2 : SLOTS0, i, j;
    slot *t;

    if (c->nslots > SIZE_MAX / 2 / sizeof *t)
        return pricing__nomem(c->err);
    t = cap == SLOTS0 ? c->slots0 : malloc(cap * sizeof *t);
    if (!t)
        return pricing__nomem(c->err);
    for (i = 0; i < cap; i++)
        t[i].ordinal = 0;
    for (i = 0; i < c->nslots; i++) {
        if (!slot_live(c, &c->slots[i]))
            continue;
        for (j = c->slots[i].hash & (cap - 1); t[j].ordinal != 0;
             j = (j + 1) & (cap - 1))
            ;
        t[j] = c->slots[i];
    }
    if (c->slots != c->slots0)
        free(c->slots);
    c->slots = t;
    c->nslots = cap;
    return 0;
}

/*
 * Adds the key at the arena's end to the top object. Returns 1 when the
 * object already has it. Probing stops at the first dead slot: every slot
 * on a live key's probe path was live when it was inserted and belongs to
 * its object or an ancestor, all still open, so no live key hides behind
 * a dead slot.
 */
static int key_add(checker *c, size_t n)
{
    frame *f = &c->stack[c->depth - 1];
    const unsigned char *key = c->arena + c->arena_len;
    uint32_t h;
    size_t i;
    int rc;

    if ((c->live + 1) * 2 > c->nslots && (rc = slots_grow(c)) != 0)
        return rc;
    h = key_hash(c, f->ordinal, key, n);
    for (i = h & (c->nslots - 1);; i = (i + 1) & (c->nslots - 1)) {
        slot *s = &c->slots[i];
        if (!slot_live(c, s)) {
            s->ordinal = f->ordinal;
            s->off = c->arena_len;
            s->hash = h;
            s->len = (uint16_t)n;
            s->depth = (uint8_t)(c->depth - 1);
            c->live++;
            return 0;
        }
        if (s->hash == h && s->ordinal == f->ordinal && s->len == n &&
            memcmp(c->arena + s->off, key, n) == 0)
            return 1;
    }
}

/* ---------------------------------------------------------------- tokens */

/* Four hex digits at j. */
static int read_hex4(checker *c, size_t j, uint32_t *out)
{
    uint32_t u = 0;
    size_t k;

    for (k = 0; k < 4; k++) {
        int h;
        if (j + k >= c->len)
            return syntax_error(c, c->len, "unterminated string");
        h = hex_value(c->s[j + k]);
        if (h < 0)
            return syntax_error(c, j + k, "invalid escape");
        u = u << 4 | (uint32_t)h;
    }
    *out = u;
    return 0;
}

/* The escape whose backslash is at i: its code point and byte length.
 * A \u surrogate must be a high one followed at once by a low one. */
static int scan_escape(checker *c, size_t i, uint32_t *cp, size_t *step)
{
    const unsigned char *s = c->s;
    uint32_t hi = 0, lo = 0;
    int rc;

    if (i + 1 >= c->len)
        return syntax_error(c, c->len, "unterminated string");
    *step = 2;
    switch (s[i + 1]) {
    case '"': *cp = '"'; return 0;
    case '\\': *cp = '\\'; return 0;
    case '/': *cp = '/'; return 0;
    case 'b': *cp = 0x08; return 0;
    case 'f': *cp = 0x0C; return 0;
    case 'n': *cp = 0x0A; return 0;
    case 'r': *cp = 0x0D; return 0;
    case 't': *cp = 0x09; return 0;
    case 'u': break;
    default: return syntax_error(c, i + 1, "invalid escape");
    }
    if ((rc = read_hex4(c, i + 2, &hi)) != 0)
        return rc;
    *step = 6;
    *cp = hi;
    if (hi < 0xD800 || hi > 0xDFFF)
        return 0;
    if (hi >= 0xDC00)
        return syntax_error(c, i, "lone surrogate");
    if (i + 6 >= c->len || (s[i + 6] == '\\' && i + 7 >= c->len))
        return syntax_error(c, c->len, "unterminated string");
    if (s[i + 6] != '\\' || s[i + 7] != 'u')
        return syntax_error(c, i, "lone surrogate");
    if ((rc = read_hex4(c, i + 8, &lo)) != 0)
        return rc;
    if (lo < 0xDC00 || lo > 0xDFFF)
        return syntax_error(c, i, "lone surrogate");
    *cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
    *step = 12;
    return 0;
}

/* A byte that stands for itself in a string: printable ASCII other than
 * the quote and the backslash. */
static int plain(unsigned b)
{
    return b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
}

/*
 * The string whose opening quote is at c->pos; leaves c->pos after the
 * closing quote. *n is the decoded length (counted to the end even past
 * the limit, for the message). When out is set (keys), the decoded bytes
 * are written there up to PRICING_MAX_STRING_BYTES, *stored of them.
 */
static int scan_string(checker *c, unsigned char *out, size_t *n,
                       size_t *stored, int *has_nul)
{
    const unsigned char *s = c->s;
    size_t i = c->pos + 1, len = c->len, dn = 0, kept = 0;
    int rc;

    *has_nul = 0;
    for (;;) {
        unsigned char buf[4];
        const unsigned char *bytes = s + i;
        size_t k;
        unsigned b;

        if (i >= len)
            return syntax_error(c, len, "unterminated string");
        b = s[i];
        if (plain(b)) {
            /* A run of plain ASCII: one test a byte and one copy, the
             * prefix kept as byte by byte (one byte a character). */
            size_t end = i + 1;
            while (end < len && plain(s[end]))
                end++;
            k = end - i;
            if (out && kept == dn && dn < PRICING_MAX_STRING_BYTES) {
                size_t m = PRICING_MAX_STRING_BYTES - dn < k
                               ? PRICING_MAX_STRING_BYTES - dn : k;
                memcpy(out + kept, s + i, m);
                kept += m;
            }
            dn += k;
            i = end;
            continue;
        }
        if (b == '"')
            break;
        if (b < 0x20)
            return syntax_error(c, i, "control character in string");
        if (b == '\\') {
            uint32_t cp = 0;
            size_t step = 0;
            if ((rc = scan_escape(c, i, &cp, &step)) != 0)
                return rc;
            if (cp == 0)
                *has_nul = 1;
            k = pricing__utf8_encode(buf, cp);
            bytes = buf;
            i += step;
        } else {
            k = pricing__utf8_length(s + i, len - i);
            if (k == 0)
                return syntax_error(c, i, "invalid UTF-8");
            i += k;
        }
        /* Keep a prefix only: past the limit the key is an error anyway. */
        if (out && kept == dn && dn + k <= PRICING_MAX_STRING_BYTES) {
            memcpy(out + kept, bytes, k);
            kept += k;
        }
        dn += k;
    }
    c->tree_bytes += PRICING__TREE_STRING_BYTES + (i + 1 - c->pos);
    c->pos = i + 1;
    *n = dn;
    if (stored)
        *stored = kept;
    return 0;
}

static int scan_key(checker *c)
{
    frame *f = &c->stack[c->depth - 1];
    size_t n = 0, kept = 0;
    int rc, nul = 0;

    if (f->count == PRICING_MAX_CONTAINER_ITEMS)
        return items_error(c);
    f->count++;
    if ((rc = arena_reserve(c, PRICING_MAX_STRING_BYTES)) != 0)
        return rc;
    rc = scan_string(c, c->arena + c->arena_len, &n, &kept, &nul);
    if (rc != 0)
        return rc;
    if (n > PRICING_MAX_STRING_BYTES) {
        pricing__path p;
        build_path(c, &p, c->depth - 1);
        push_key(&p, c->arena + c->arena_len, kept);
        return string_limit_error(c, &p, n);
    }
    if (nul && !c->nul_seen) {
        /* The object's path: the key itself cannot be written in one. */
        c->nul_seen = 1;
        build_path(c, &c->nul_path, c->depth - 1);
    }
    rc = key_add(c, n);
    if (rc < 0)
        return rc;
    if (rc > 0) {
        pricing__path p;
        build_path(c, &p, c->depth - 1);
        push_key(&p, c->arena + c->arena_len, n);
        return pricing__error(c->err, PRICING_DUPLICATE_KEY, &p,
                              "duplicate key");
    }
    f->key_off = c->arena_len;
    f->key_len = n;
    c->arena_len += n;
    return 0;
}

static int scan_string_value(checker *c)
{
    size_t n = 0;
    int nul = 0;
    int rc = scan_string(c, NULL, &n, NULL, &nul);

    if (rc != 0)
        return rc;
    if (n > PRICING_MAX_STRING_BYTES) {
        pricing__path p;
        build_path(c, &p, c->depth);
        return string_limit_error(c, &p, n);
    }
    if (nul && !c->nul_seen) {
        c->nul_seen = 1;
        build_path(c, &c->nul_path, c->depth);
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
        return syntax_error(c, c->len, "unexpected end of input");
    if (!is_digit(c->s[i]))
        return syntax_error(c, i, "invalid number");
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
        return syntax_error(c, i, "invalid number");
    if (i - start > PRICING_MAX_NUMBER_CHARS) {
        pricing__path p;
        build_path(c, &p, c->depth);
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
            return syntax_error(c, c->len, "unexpected end of input");
        if (c->s[i] != (unsigned char)word[k])
            return syntax_error(c, i, "invalid literal");
    }
    if (i < c->len && is_alnum(c->s[i]))
        return syntax_error(c, i, "invalid literal");
    c->pos = i;
    return 0;
}

/* ---------------------------------------------------------------- structure */

static int open_container(checker *c, int is_object)
{
    frame *f;

    if (c->depth == PRICING_MAX_DEPTH) {
        pricing__path p;
        build_path(c, &p, c->depth);
        return pricing__error(c->err, PRICING_LIMIT_EXCEEDED, &p,
                              "nesting too deep: more than %d levels",
                              PRICING_MAX_DEPTH);
    }
    if (!is_object && c->spans) {
        int rc = span_open(c);
        if (rc != 0)
            return rc;
    }
    f = &c->stack[c->depth++];
    f->count = 0;
    f->ordinal = is_object ? ++c->ordinals : 0;
    f->arena_mark = c->arena_len;
    f->key_off = 0;
    f->key_len = 0;
    f->is_object = is_object;
    c->pos++;
    return 0;
}

/* Closing an object kills its keys in the table and drops them from the
 * arena (they were pushed after every key of its ancestors). */
static void close_container(checker *c)
{
    frame *f = &c->stack[--c->depth];

    if (f->is_object) {
        c->live -= f->count;
        c->arena_len = f->arena_mark;
    }
    if (c->span_depth && c->depth + 1 == c->span_depth)
        span_close(c, f);
    c->pos++;
}

/* A value starts at c->pos (not whitespace, not the end). */
static int scan_value(checker *c, enum state *st)
{
    if (c->depth > 0 && !c->stack[c->depth - 1].is_object) {
        frame *f = &c->stack[c->depth - 1];
        if (f->count == PRICING_MAX_CONTAINER_ITEMS)
            return items_error(c);
        f->count++;
    }
    *st = ST_AFTER;
    c->tree_bytes += PRICING__TREE_NODE_BYTES;
    switch (c->s[c->pos]) {
    case '[':
        *st = ST_ARRAY_FIRST;
        return open_container(c, 0);
    case '{':
        *st = ST_OBJECT_FIRST;
        return open_container(c, 1);
    case '"':
        return scan_string_value(c);
    case 't':
        return scan_literal(c, "true");
    case 'f':
        return scan_literal(c, "false");
    case 'n':
        return scan_literal(c, "null");
    default:
        if (c->s[c->pos] == '-' || is_digit(c->s[c->pos]))
            return scan_number(c);
        return unexpected(c, c->pos, "expected a value");
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
    return unexpected(c, c->pos, f->is_object ? "expected ',' or '}'"
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
                return syntax_error(c, 0, "empty document");
            return syntax_error(c, c->len, "unexpected end of input");
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
                return unexpected(c, c->pos, "expected a string key");
            if ((rc = scan_key(c)) != 0)
                return rc;
            st = ST_COLON;
        } else if (st == ST_COLON) {
            if (b != ':')
                return unexpected(c, c->pos, "expected ':'");
            c->pos++;
            st = ST_VALUE;
        } else if (c->depth == 0) {
            return syntax_error(c, c->pos, "trailing data after the document");
        } else {
            int rc = scan_after(c, &st);
            if (rc != 0)
                return rc;
        }
    }
}

int pricing__json_check(const char *text, size_t len, size_t max_bytes,
                        pricing__numbers *nums, pricing_error *err)
{
    return pricing__json_check_spans(text, len, max_bytes, nums, NULL, err);
}

int pricing__json_check_spans(const char *text, size_t len, size_t max_bytes,
                              pricing__numbers *nums, pricing__spans *spans,
                              pricing_error *err)
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
    c.spans = nums ? spans : NULL;
    c.span_depth = 0;
    c.depth = 0;
    c.ordinals = 0;
    c.arena = c.arena0;
    c.arena_len = 0;
    c.arena_cap = sizeof c.arena0;
    c.slots = NULL;
    c.nslots = 0;
    c.live = 0;
    /* Addresses vary from run to run (ASLR), so colliding keys cannot be
     * prepared in advance; results never depend on the seed. */
    c.seed = mix64((uint64_t)(uintptr_t)&c ^
                   ((uint64_t)(uintptr_t)text << 16) ^ (uint64_t)len);
    c.nul_seen = 0;
    pricing__path_init(&c.nul_path);

    c.tree_bytes = 0;
    rc = scan_document(&c);
    if (rc == 0 && c.nul_seen)
        rc = pricing__error(err, PRICING_INVALID_VALUE, &c.nul_path,
                            "strings may not contain U+0000");
    if (rc == 0 && nums && c.tree_bytes > tree_budget(len))
        rc = pricing__error_at(err, PRICING_LIMIT_EXCEEDED, "",
                               "too many values for the size of the text: "
                               "the tree would take %llu bytes, more than "
                               "%d per byte of text plus %d",
                               (unsigned long long)c.tree_bytes,
                               PRICING__TREE_BYTES_PER_BYTE,
                               PRICING__TREE_EXTRA_BYTES);
    if (c.arena != c.arena0)
        free(c.arena);
    if (c.slots != c.slots0)
        free(c.slots);
    if (rc != 0) {
        pricing__numbers_dispose(nums);
        pricing__spans_dispose(spans);
    }
    return rc;
}
