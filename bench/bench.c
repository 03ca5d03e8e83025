/* SPDX-License-Identifier: MIT */
/* bench.c - libpricing throughput, floors, growth and scaling in one run.
 *
 *   bench [BUILDDIR]                 the full benchmark (docs/performance.md)
 *   bench floor-a QUOTES < lines     I/O floor: cJSON-parse each line, write
 *                                    the precomputed quote QUOTES holds for it
 *   bench load-catalog NSKUS         load a generated NSKUS catalog, report
 *                                    seconds and peak RSS (run in a fresh
 *                                    process by the full benchmark)
 *   bench gen-catalog                the benchmark's catalog on stdout
 *   bench gen-lines N [SCENARIO]     N request lines of a scenario on stdout
 *                                    (simple, custom-1k, graduated-5,
 *                                    volume-5-flat, mixed: the default)
 *   bench run typed|json SCENARIO N  N quotes in process, untimed: a fixed
 *                                    workload for a profiler (callgrind)
 *   bench threads                    section 4 alone (threads)
 *
 * BUILDDIR (or $PRICING_BUILDDIR, else ".") is where `pricing` was built.
 * $BENCH_MIN_TIME (seconds, default 0.3) is the shortest run of each
 * measurement; each figure is the best of 3 such runs. Everything is
 * generated in memory or in a temporary directory that is removed at exit.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

#include <cjson/cJSON.h>
#include <gmp.h>
#include <pricing.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(a, b) __attribute__((format(printf, a, b)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(a, b)
#define NORETURN
#endif

#define NREQ 4096 /* distinct requests of a stream, cycled */

static double min_time = 0.3;
static char tmpdir[64];
static char self_exe[4096];
static char pricing_exe[4096];
static volatile unsigned long sink; /* keeps results alive */

/* ---------------------------------------------------------------- util */

static void die(const char *fmt, ...) PRINTF_LIKE(1, 2) NORETURN;
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct sb {
    char *p;
    size_t n, cap;
} sb;

static void sb_reserve(sb *b, size_t extra)
{
    if (b->n + extra + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 4096;
        while (c < b->n + extra + 1)
            c *= 2;
        b->p = xrealloc(b->p, c);
        b->cap = c;
    }
}

static void sb_put(sb *b, const char *s)
{
    size_t n = strlen(s);
    sb_reserve(b, n);
    memcpy(b->p + b->n, s, n + 1);
    b->n += n;
}

static void sb_printf(sb *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void sb_printf(sb *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        die("vsnprintf");
    sb_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

static void price(sb *b, unsigned cents)
{
    sb_printf(b, "\"%u.%02u\"", cents / 100, cents % 100);
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t rnd(void)
{
    uint64_t x = rng;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng = x;
}

static uint64_t below(uint64_t n)
{
    return rnd() % n;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    sb b = {0};
    size_t got;
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    do {
        sb_reserve(&b, 1 << 16);
        got = fread(b.p + b.n, 1, 1 << 16, f);
        b.n += got;
    } while (got > 0);
    fclose(f);
    sb_reserve(&b, 0);
    b.p[b.n] = '\0';
    *len = b.n;
    return b.p;
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        die("cannot write %s", path);
}

/* Peak resident set of this process image, KiB: VmHWM, which a new
 * program image starts afresh (ru_maxrss carries the parent's peak across
 * fork and exec), else ru_maxrss. */
static long maxrss_kib(void)
{
    char line[256];
    long kib = -1;
    struct rusage ru;
    FILE *f = fopen("/proc/self/status", "r");
    if (f) {
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
                break;
        fclose(f);
    }
    if (kib >= 0)
        return kib;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Bytes of heap in use (glibc), or -1 where unknown. */
static long heap_kib(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    struct mallinfo2 mi = mallinfo2();
    return (long)(mi.uordblks / 1024);
#else
    return -1;
#endif
}

static long rss_now_kib(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* ---------------------------------------------------------------- catalogs */

static char ename[1000][8], rname[1000][8];

static void init_names(void)
{
    unsigned i;
    for (i = 0; i < 1000; i++) {
        snprintf(ename[i], sizeof ename[i], "e%u", i);
        snprintf(rname[i], sizeof rname[i], "r%u", i);
    }
}

static void head(sb *b, const char *id)
{
    sb_printf(b, "{\"catalog\":\"%s\",\"version\":\"2026-11\","
                 "\"currency\":\"USD\",\"rounding\":{\"mode\":\"half_up\","
                 "\"at\":\"total\"},\"specs\":[",
              id);
}

/* A custom spec: nedit editions x nreg regions, users priced linearly. */
static void sku_spec(sb *b, const char *id, unsigned nedit, unsigned nreg,
                     int trial)
{
    unsigned e, r;
    sb_printf(b, "{\"id\":\"%s\",\"billing\":\"yearly_monthly\","
                 "\"plans\":[\"month\",\"year\"],",
              id);
    if (trial)
        sb_put(b, "\"trial_days\":14,");
    sb_put(b, "\"attributes\":[{\"id\":\"edition\",\"type\":\"enum\","
              "\"values\":[");
    for (e = 0; e < nedit; e++)
        sb_printf(b, "%s\"%s\"", e ? "," : "", ename[e]);
    sb_put(b, "]},{\"id\":\"region\",\"type\":\"enum\",\"values\":[");
    for (r = 0; r < nreg; r++)
        sb_printf(b, "%s\"%s\"", r ? "," : "", rname[r]);
    sb_put(b, "]},{\"id\":\"users\",\"type\":\"quantity\",\"min\":1,"
              "\"max\":10000,\"unit\":\"user\"}],\"template\":\"custom\","
              "\"skus\":[");
    for (e = 0; e < nedit; e++) {
        for (r = 0; r < nreg; r++) {
            unsigned i = e * nreg + r;
            unsigned base = 1000 + i % 9000, unit = 500 + (i * 7) % 5000;
            sb_printf(b, "%s{\"sku\":{\"edition\":\"%s\",\"region\":\"%s\"},"
                         "\"prices\":{\"month\":{\"base\":",
                      i ? "," : "", ename[e], rname[r]);
            price(b, base);
            sb_put(b, ",\"quantities\":{\"users\":{\"linear\":");
            price(b, unit);
            sb_put(b, "}}},\"year\":{\"base\":");
            price(b, base * 10);
            sb_put(b, ",\"quantities\":{\"users\":{\"linear\":");
            price(b, unit * 10);
            sb_put(b, "}}}}}");
        }
    }
    sb_put(b, "]}");
}

/* ntiers tiers: up_to[0..ntiers-2], the last unbounded; users 1..max. */
static void tier_list(sb *b, const uint64_t *up_to, unsigned ntiers,
                      int flat, unsigned scale)
{
    unsigned k;
    sb_put(b, "[");
    for (k = 0; k < ntiers; k++) {
        unsigned unit = 5000 - (unsigned)((uint64_t)k * 3900 / ntiers);
        if (k + 1 < ntiers)
            sb_printf(b, "%s{\"up_to\":%llu,\"unit_price\":", k ? "," : "",
                      (unsigned long long)up_to[k]);
        else
            sb_printf(b, "%s{\"up_to\":null,\"unit_price\":", k ? "," : "");
        price(b, unit * scale);
        if (flat) {
            sb_put(b, ",\"flat\":");
            price(b, (100 + 50 * (ntiers - k)) * scale);
        }
        sb_put(b, "}");
    }
    sb_put(b, "]");
}

static void tier_spec(sb *b, const char *id, const char *rule,
                      const uint64_t *up_to, unsigned ntiers, uint64_t max,
                      int flat)
{
    sb_printf(b, "{\"id\":\"%s\",\"billing\":\"yearly_monthly\","
                 "\"attributes\":[{\"id\":\"users\",\"type\":\"quantity\","
                 "\"min\":1,\"max\":%llu}],\"template\":\"custom\","
                 "\"skus\":[{\"sku\":{},\"prices\":{\"month\":{\"base\":"
                 "\"100.00\",\"quantities\":{\"users\":{\"%s\":",
              id, (unsigned long long)max, rule);
    tier_list(b, up_to, ntiers, flat, 1);
    sb_printf(b, "}}},\"year\":{\"base\":\"1000.00\",\"quantities\":"
                 "{\"users\":{\"%s\":",
              rule);
    tier_list(b, up_to, ntiers, flat, 10);
    sb_put(b, "}}}}}]}");
}

static const uint64_t tiers5[4] = {10, 100, 1000, 10000};
#define MAX5 1000000u

/* The main catalog: a simple spec, 1,000 SKUs (10 editions x 100
 * regions x users linear), a 5-tier graduated and a 5-tier volume rule
 * with flat fees. */
static void main_catalog(sb *b)
{
    head(b, "bench");
    sb_put(b, "{\"id\":\"starter\",\"billing\":\"yearly_monthly\","
              "\"plans\":[\"month\",\"year\"],\"template\":\"simple\","
              "\"prices\":{\"month\":\"99.00\",\"year\":\"990.00\"}},");
    sku_spec(b, "custom", 10, 100, 1);
    sb_put(b, ",");
    tier_spec(b, "grad5", "graduated", tiers5, 5, MAX5, 0);
    sb_put(b, ",");
    tier_spec(b, "vol5", "volume", tiers5, 5, MAX5, 1);
    sb_put(b, "]}");
}

static void sku_catalog(sb *b, unsigned nedit, unsigned nreg)
{
    head(b, "skus");
    sku_spec(b, "sku", nedit, nreg, 0);
    sb_put(b, "]}");
}

#define TIER_WIDTH 100u

static void tier_catalog(sb *b, unsigned ntiers)
{
    uint64_t *up = xrealloc(NULL, ntiers * sizeof *up);
    unsigned k;
    for (k = 0; k < ntiers; k++)
        up[k] = (uint64_t)(k + 1) * TIER_WIDTH;
    head(b, "tiers");
    tier_spec(b, "grad", "graduated", up, ntiers,
              (uint64_t)ntiers * TIER_WIDTH, 0);
    sb_put(b, ",");
    tier_spec(b, "vol", "volume", up, ntiers, (uint64_t)ntiers * TIER_WIDTH,
              1);
    sb_put(b, "]}");
    free(up);
}

static pricing_catalog *load_catalog(const sb *text)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    pricing_error_init(&err);
    if (pricing_catalog_load(&cat, text->p, text->n, &err) != 0)
        die("catalog: %s at %s: %s", pricing_code_name(err.code), err.path,
            err.message);
    return cat;
}

/* ---------------------------------------------------------------- requests */

typedef struct breq {
    int spec;               /* index into the scenario's spec ids */
    const char *v1, *v2;    /* edition, region, or NULL */
    uint64_t users;
    int has_users;
    int plan;               /* 0 month, 1 year, -1 none */
    unsigned count;
    int trial;
    const char *start;
    char *json;
    size_t len;
} breq;

typedef struct scen {
    const char *name;
    pricing_catalog *cat;
    const char *catpath;
    const char *const *specs;
    int nspecs;
    breq *reqs;
    size_t n;
} scen;

static const char *const main_specs[] = {"starter", "custom", "grad5",
                                         "vol5"};
static const char *const sku_specs[] = {"sku"};
static const char *const tier_specs[] = {"grad", "vol"};
static const char *const plan_names[] = {"month", "year"};
static const char *const starts[] = {"2026-01-31", "2026-03-15",
                                     "2027-12-01", "2026-02-28"};

static void req_json(breq *q, const char *const *specs)
{
    sb b = {0};
    int any = 0;
    sb_printf(&b, "{\"spec\":\"%s\"", specs[q->spec]);
    if (q->v1 || q->has_users) {
        sb_put(&b, ",\"sku\":{");
        if (q->v1) {
            sb_printf(&b, "\"edition\":\"%s\",\"region\":\"%s\"", q->v1,
                      q->v2);
            any = 1;
        }
        if (q->has_users)
            sb_printf(&b, "%s\"users\":%llu", any ? "," : "",
                      (unsigned long long)q->users);
        sb_put(&b, "}");
    }
    if (q->plan >= 0)
        sb_printf(&b, ",\"plan\":\"%s\"", plan_names[q->plan]);
    sb_printf(&b, ",\"count\":%u", q->count);
    if (q->trial)
        sb_put(&b, ",\"trial\":true");
    if (q->start)
        sb_printf(&b, ",\"start\":\"%s\"", q->start);
    sb_put(&b, "}");
    q->json = b.p;
    q->len = b.n;
}

/* A quantity in tier k (0-based) of the 5-tier rules. */
static uint64_t in_tier5(unsigned k)
{
    uint64_t lo = k ? tiers5[k - 1] : 0, hi = k < 4 ? tiers5[k] : MAX5;
    return lo + 1 + below(hi - lo);
}

/* A size most customers buy small: 1..10^d, d uniform in 1..4. */
static uint64_t skewed(void)
{
    static const uint64_t top[] = {10, 100, 1000, 10000};
    return 1 + below(top[below(4)]);
}

enum { S_SIMPLE, S_CUSTOM, S_GRAD, S_VOL, S_MIXED, S_COUNT };
static const char *const scen_names[S_COUNT] = {
    "simple", "custom-1k", "graduated-5", "volume-5-flat", "mixed"};

static void gen_one(breq *q, int kind)
{
    memset(q, 0, sizeof *q);
    q->plan = 0;
    q->count = 1 + (unsigned)below(12);
    switch (kind) {
    case S_SIMPLE:
        q->spec = 0;
        q->plan = (int)below(2);
        break;
    case S_CUSTOM:
        q->spec = 1;
        q->v1 = ename[below(10)];
        q->v2 = rname[below(100)];
        q->has_users = 1;
        q->users = 1 + below(1000);
        q->plan = (int)below(2);
        break;
    case S_GRAD: /* every quote passes through all 5 tiers */
        q->spec = 2;
        q->has_users = 1;
        q->users = in_tier5(4);
        break;
    case S_VOL: /* each tier equally often */
        q->spec = 3;
        q->has_users = 1;
        q->users = in_tier5((unsigned)below(5));
        break;
    default: { /* mixed */
        unsigned r = (unsigned)below(100);
        if (r < 25) {
            gen_one(q, S_SIMPLE);
        } else if (r < 65) {
            gen_one(q, S_CUSTOM);
        } else if (r < 80) {
            gen_one(q, S_GRAD);
            q->users = skewed();
            q->plan = below(10) < 3;
        } else if (r < 95) {
            gen_one(q, S_VOL);
            q->users = skewed();
            q->plan = below(10) < 3;
        } else {
            gen_one(q, S_CUSTOM); /* a trial */
            q->plan = 0;
            q->count = 1;
            q->trial = 1;
        }
        if (below(100) < 20)
            q->start = starts[below(4)];
        if (below(100) < 2 && q->spec == 1 && !q->trial)
            q->users = 20000; /* quantity_out_of_range */
        break;
    }
    }
}

static void make_scen(scen *s, int kind, size_t n)
{
    size_t i;
    s->name = scen_names[kind];
    s->specs = main_specs;
    s->nspecs = 4;
    s->n = n;
    s->reqs = xrealloc(NULL, n * sizeof *s->reqs);
    rng = 0x9E3779B97F4A7C15ull + (uint64_t)kind;
    for (i = 0; i < n; i++) {
        gen_one(&s->reqs[i], kind);
        req_json(&s->reqs[i], s->specs);
    }
}

/* Growth: random SKUs of an nedit x nreg spec (typed API only). */
static void make_sku_scen(scen *s, unsigned nedit, unsigned nreg, size_t n)
{
    size_t i;
    s->specs = sku_specs;
    s->nspecs = 1;
    s->n = n;
    s->reqs = xrealloc(NULL, n * sizeof *s->reqs);
    for (i = 0; i < n; i++) {
        breq *q = &s->reqs[i];
        memset(q, 0, sizeof *q);
        q->v1 = ename[below(nedit)];
        q->v2 = rname[below(nreg)];
        q->has_users = 1;
        q->users = 1 + below(1000);
        q->plan = (int)below(2);
        q->count = 1 + (unsigned)below(12);
    }
}

/* Growth: spec 0 graduated or 1 volume of ntiers; top: quantities in the
 * last tier, else uniform over 1..max. */
static void make_tier_scen(scen *s, int spec, unsigned ntiers, int top,
                           size_t n)
{
    uint64_t max = (uint64_t)ntiers * TIER_WIDTH;
    size_t i;
    s->specs = tier_specs;
    s->nspecs = 2;
    s->n = n;
    s->reqs = xrealloc(NULL, n * sizeof *s->reqs);
    for (i = 0; i < n; i++) {
        breq *q = &s->reqs[i];
        memset(q, 0, sizeof *q);
        q->spec = spec;
        q->has_users = 1;
        q->users = top ? max - TIER_WIDTH + 1 + below(TIER_WIDTH)
                       : 1 + below(max);
        q->plan = 0;
        q->count = 1 + (unsigned)below(12);
    }
}

static void free_scen(scen *s)
{
    size_t i;
    for (i = 0; i < s->n; i++)
        free(s->reqs[i].json);
    free(s->reqs);
    s->reqs = NULL;
}

/* ---------------------------------------------------------------- drivers */

typedef struct ctx {
    const scen *s;
    pricing_request *req[4];
    pricing_quote *quote;
    pricing_error err;
    pricing_buffer buf;
    size_t i;
    size_t failed;
    pricing_request **pre; /* compute-only: one prepared request per line */
} ctx;

static void ctx_init(ctx *c, const scen *s, size_t start)
{
    int k;
    memset(c, 0, sizeof *c);
    c->s = s;
    c->i = start % s->n;
    pricing_error_init(&c->err);
    for (k = 0; k < s->nspecs; k++)
        if (pricing_request_new(&c->req[k], s->cat, s->specs[k], &c->err) != 0)
            die("request_new %s: %s", s->specs[k], c->err.message);
    if (pricing_quote_new(&c->quote, &c->err) != 0)
        die("quote_new");
}

static void ctx_dispose(ctx *c)
{
    int k;
    size_t i;
    for (k = 0; k < 4; k++)
        pricing_request_free(c->req[k]);
    if (c->pre) {
        for (i = 0; i < c->s->n; i++)
            pricing_request_free(c->pre[i]);
        free(c->pre);
    }
    pricing_quote_free(c->quote);
    pricing_buffer_dispose(&c->buf);
}

static const breq *next_req(ctx *c)
{
    const breq *q = &c->s->reqs[c->i];
    if (++c->i == c->s->n)
        c->i = 0;
    return q;
}

/* An error leaves err set; it is reset only then (a success writes
 * nothing into it), as a caller reusing one pricing_error would. */
static void failed(ctx *c)
{
    c->failed++;
    pricing_error_init(&c->err);
}

/* Fills r from q (the typed setters); 0 or the failing code. */
static int fill(pricing_request *r, const breq *q, pricing_error *err)
{
    int rc = 0;
    pricing_request_reset(r);
    if (q->v1 && ((rc = pricing_request_set_enum(r, "edition", q->v1, err)) ||
                  (rc = pricing_request_set_enum(r, "region", q->v2, err))))
        return rc;
    if (q->has_users &&
        (rc = pricing_request_set_quantity(r, "users", q->users, err)))
        return rc;
    if (q->plan >= 0 &&
        (rc = pricing_request_set_plan(r, plan_names[q->plan], err)))
        return rc;
    if ((rc = pricing_request_set_count(r, q->count, err)))
        return rc;
    if (q->trial && (rc = pricing_request_set_trial(r, 1, err)))
        return rc;
    if (q->start && (rc = pricing_request_set_start(r, q->start, err)))
        return rc;
    return 0;
}

static int typed_one(ctx *c, const breq *q)
{
    pricing_request *r = c->req[q->spec];
    int rc = fill(r, q, &c->err);
    if (rc == 0)
        rc = pricing_quote_compute(c->quote, r, &c->err);
    if (rc != 0)
        failed(c);
    return rc;
}

typedef size_t (*work_fn)(void *arg, size_t iters);

/* Typed API: setters on one reused request per spec, then compute. */
static size_t w_typed(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++)
        (void)typed_one(c, next_req(c));
    return iters;
}

/* Typed API, request prepared once: pricing_quote_compute alone. */
static size_t w_compute(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        size_t i = c->i;
        (void)next_req(c);
        if (pricing_quote_compute(c->quote, c->pre[i], &c->err) != 0)
            failed(c);
    }
    return iters;
}

/* Typed API plus the total as text (formats every amount). */
static size_t w_typed_total(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        if (typed_one(c, next_req(c)) == 0) {
            const char *t = pricing_quote_total(c->quote);
            sink += (unsigned char)t[0];
        }
    }
    return iters;
}

/* Typed API plus pricing_quote_write_json. */
static size_t w_typed_write(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++)
        if (typed_one(c, next_req(c)) == 0 &&
            pricing_quote_write_json(&c->buf, c->quote, 0, &c->err) != 0)
            failed(c);
    return iters;
}

/* The JSON driver, one reused quote and buffer. */
static size_t w_json(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        const breq *q = next_req(c);
        if (pricing_quote_json(&c->buf, c->s->cat, q->json, q->len, c->quote,
                               0, &c->err) != 0)
            failed(c);
    }
    return iters;
}

/* pricing_request_parse alone (strict pass + cJSON + typed request). */
static size_t w_parse(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        const breq *q = next_req(c);
        pricing_request *r = NULL;
        if (pricing_request_parse(&r, c->s->cat, q->json, q->len, &c->err) != 0)
            failed(c);
        pricing_request_free(r);
    }
    return iters;
}

/* cJSON parse alone. */
static size_t w_cjson_parse(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        const breq *q = next_req(c);
        cJSON *j = cJSON_ParseWithLength(q->json, q->len);
        sink += j != NULL;
        cJSON_Delete(j);
    }
    return iters;
}

/* Floor (b): cJSON parse + print of the same lines. */
static size_t w_floor_b(void *arg, size_t iters)
{
    ctx *c = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        const breq *q = next_req(c);
        cJSON *j = cJSON_ParseWithLength(q->json, q->len);
        char *s = cJSON_PrintUnformatted(j);
        sink += s ? (unsigned char)s[0] : 0;
        cJSON_free(s);
        cJSON_Delete(j);
    }
    return iters;
}

/* Floor (c): a 5-tier graduated amount with GMP, prefix sum + one
 * multiply-add, at the catalog's scale (cents). */
typedef struct gmp_ctx {
    ctx *c;
    uint64_t from[5], up_to[5];
    mpz_t before[5], unit[5], r;
} gmp_ctx;

static void gmp_init(gmp_ctx *g, ctx *c)
{
    unsigned k;
    g->c = c;
    mpz_init(g->r);
    for (k = 0; k < 5; k++) {
        uint64_t width;
        g->from[k] = k ? tiers5[k - 1] : 0;
        g->up_to[k] = k < 4 ? tiers5[k] : UINT64_MAX;
        mpz_init_set_ui(g->unit[k], 5000 - k * 3900 / 5);
        mpz_init(g->before[k]);
        if (k) {
            width = g->up_to[k - 1] - g->from[k - 1];
            mpz_set(g->before[k], g->before[k - 1]);
            mpz_addmul_ui(g->before[k], g->unit[k - 1], width);
        }
    }
}

static void gmp_clear(gmp_ctx *g)
{
    unsigned k;
    for (k = 0; k < 5; k++) {
        mpz_clear(g->unit[k]);
        mpz_clear(g->before[k]);
    }
    mpz_clear(g->r);
}

static size_t w_floor_c(void *arg, size_t iters)
{
    gmp_ctx *g = arg;
    size_t k;
    for (k = 0; k < iters; k++) {
        uint64_t q = next_req(g->c)->users;
        unsigned t = 0;
        while (t < 4 && q > g->up_to[t])
            t++;
        mpz_set(g->r, g->before[t]);
        mpz_addmul_ui(g->r, g->unit[t], (unsigned long)(q - g->from[t]));
        sink += mpz_getlimbn(g->r, 0);
    }
    return iters;
}

/* ---------------------------------------------------------------- timing */

/* The smallest share of a CPU that a best run got (CPU seconds per wall
 * second of the measured process or child): 1.00 means the measurement
 * had a CPU to itself; less, that the machine was busy elsewhere. */
static double min_share = 1e9;
static const char *min_share_what = "";

static double process_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void note_share(double share, const char *what)
{
    if (share < min_share) {
        min_share = share;
        min_share_what = what;
    }
}

/* Operations per second: the best of 3 runs of at least min_time each,
 * in chunks calibrated to take a few milliseconds. */
static double measure_named(work_fn f, void *arg, const char *what)
{
    size_t chunk = 1;
    double best = 0, share = 1;
    int run;

    for (;;) {
        double t0 = now();
        f(arg, chunk);
        if (now() - t0 >= 0.002 || chunk >= ((size_t)1 << 30))
            break;
        chunk *= 2;
    }
    for (run = 0; run < 3; run++) {
        double t0 = now(), c0 = process_cpu(), t;
        size_t ops = 0;
        do {
            ops += f(arg, chunk);
            t = now() - t0;
        } while (t < min_time);
        if (ops / t > best) {
            best = ops / t;
            share = (process_cpu() - c0) / t;
        }
    }
    note_share(share, what);
    return best;
}

#define measure(f, arg) measure_named((f), (arg), #f)

static double last_spawn_cpu; /* CPU seconds of the last child */

/* Runs argv with stdin from in and stdout to out; wall seconds. */
static double spawn(const char *const *argv, const char *in, const char *out,
                    int *status)
{
    double t0 = now(), t;
    struct rusage ru;
    int st = 0;
    pid_t pid = fork();
    if (pid < 0)
        die("fork: %s", strerror(errno));
    if (pid == 0) {
        int fi = open(in, O_RDONLY);
        int fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fe = open("/dev/null", O_WRONLY); /* "N requests rejected" */
        if (fi < 0 || fo < 0 || fe < 0 || dup2(fi, 0) < 0 ||
            dup2(fo, 1) < 0 || dup2(fe, 2) < 0)
            _exit(126);
        close(fi);
        close(fo);
        close(fe);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    while (wait4(pid, &st, 0, &ru) < 0)
        if (errno != EINTR)
            die("wait4: %s", strerror(errno));
    t = now() - t0;
    last_spawn_cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                     (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
    if (!WIFEXITED(st) || WEXITSTATUS(st) > 1)
        die("%s exited with status %d", argv[0],
            WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    if (status)
        *status = WEXITSTATUS(st);
    return t;
}

static void write_lines(const char *path, const scen *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    size_t i;
    if (!f)
        die("cannot write %s", path);
    for (i = 0; i < n; i++) {
        const breq *q = &s->reqs[i % s->n];
        fwrite(q->json, 1, q->len, f);
        fputc('\n', f);
    }
    if (fclose(f) != 0)
        die("cannot write %s", path);
}

/* Lines per second of a filter over a generated file, end to end. */
static double measure_spawn(const char *const *argv, const scen *s)
{
    char path[128];
    size_t n = 2000;
    double t, best, share;
    int run;

    snprintf(path, sizeof path, "%s/lines.jsonl", tmpdir);
    for (;;) {
        write_lines(path, s, n);
        t = spawn(argv, path, "/dev/null", NULL);
        if (t >= min_time)
            break;
        n = (size_t)((double)n * min_time * 1.4 / t) + 1000;
    }
    best = (double)n / t;
    share = last_spawn_cpu / t;
    for (run = 1; run < 3; run++) {
        t = spawn(argv, path, "/dev/null", NULL);
        if ((double)n / t > best) {
            best = (double)n / t;
            share = last_spawn_cpu / t;
        }
    }
    note_share(share, argv[1]);
    unlink(path);
    return best;
}

/* ---------------------------------------------------------------- modes */

typedef struct qline {
    const char *p;
    size_t len;
} qline;

static int floor_a_main(const char *quotes_path)
{
    static char obuf[1 << 20];
    size_t qlen, nq = 0, qi = 0, cap = 1 << 20, have = 0, bad = 0;
    char *qs = read_all(quotes_path, &qlen), *buf, *p;
    qline *q = NULL;

    for (p = qs; p < qs + qlen;) {
        char *nl = memchr(p, '\n', (size_t)(qs + qlen - p));
        size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(qs + qlen - p);
        q = xrealloc(q, (nq + 1) * sizeof *q);
        q[nq].p = p;
        q[nq++].len = len;
        p += len;
    }
    if (nq == 0)
        die("floor-a: no quotes in %s", quotes_path);
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    buf = xrealloc(NULL, cap);
    for (;;) {
        ssize_t got = read(0, buf + have, cap - have);
        char *end, *nl;
        int eof;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            die("floor-a: read: %s", strerror(errno));
        }
        eof = got == 0;
        have += (size_t)got;
        end = buf + have;
        for (p = buf;; p = nl + 1) {
            size_t len;
            cJSON *j;
            nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl) {
                if (!eof || p == end)
                    break;
                nl = end; /* a last line without newline */
            }
            len = (size_t)(nl - p);
            j = cJSON_ParseWithLength(p, len);
            bad += j == NULL;
            cJSON_Delete(j);
            fwrite(q[qi].p, 1, q[qi].len, stdout);
            if (++qi == nq)
                qi = 0;
            if (nl == end)
                break;
        }
        if (eof)
            break;
        have = (size_t)(end - p);
        memmove(buf, p, have);
        if (have == cap) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
    }
    if (fflush(stdout) != 0)
        return 3;
    free(buf);
    free(q);
    free(qs);
    return bad ? 1 : 0;
}

/* Prints: seconds, peak RSS before and after (KiB), heap in use by the
 * loaded catalog (KiB), bytes, SKUs. */
static int load_main(unsigned nskus)
{
    unsigned nedit = nskus >= 100 ? 100 : 1, nreg = nskus / nedit;
    sb text = {0};
    pricing_catalog *cat;
    long rss0, rss1, cur, heap0;
    double t0, t1;

    init_names();
    heap0 = heap_kib();
    sku_catalog(&text, nedit, nreg);
    rss0 = maxrss_kib();
    t0 = now();
    cat = load_catalog(&text);
    t1 = now();
    rss1 = maxrss_kib();
    free(text.p);
    cur = heap_kib();
    cur = cur >= 0 ? cur - heap0 : rss_now_kib();
    printf("%.6f %ld %ld %ld %zu %zu\n", t1 - t0, rss0, rss1, cur, text.n,
           pricing_catalog_sku_count(cat));
    pricing_catalog_free(cat);
    return 0;
}

/* ---------------------------------------------------------------- report */

static void fmt_rate(char *out, size_t size, double r)
{
    if (r >= 1e6)
        snprintf(out, size, "%.2fM", r / 1e6);
    else if (r >= 1e3)
        snprintf(out, size, "%.1fk", r / 1e3);
    else
        snprintf(out, size, "%.0f", r);
}

static const char *rate(double r)
{
    static char bufs[8][32];
    static int next;
    char *b = bufs[next++ & 7];
    fmt_rate(b, 32, r);
    return b;
}

static const char *ns(double r)
{
    static char bufs[8][32];
    static int next;
    char *b = bufs[next++ & 7];
    double v = 1e9 / r;
    if (v >= 1e5)
        snprintf(b, 32, "%.0f us", v / 1e3);
    else
        snprintf(b, 32, "%.0f ns", v);
    return b;
}

typedef struct target {
    const char *what;
    char got[96];
    int met;
} target;

static target targets[8];
static int ntargets;

static void add_target(const char *what, int met, const char *fmt, ...)
    PRINTF_LIKE(3, 4);
static void add_target(const char *what, int met, const char *fmt, ...)
{
    va_list ap;
    target *t = &targets[ntargets++];
    t->what = what;
    t->met = met;
    va_start(ap, fmt);
    vsnprintf(t->got, sizeof t->got, fmt, ap);
    va_end(ap);
}

/* Every line of s through the typed API (written as JSON) and the JSON
 * driver must give the same bytes; returns the driver's output, one
 * line per request. */
static char *validate(const scen *s, size_t *len)
{
    ctx c;
    pricing_buffer b1 = PRICING_BUFFER_INIT;
    sb all = {0};
    size_t i, bad = 0;

    ctx_init(&c, s, 0);
    for (i = 0; i < s->n; i++) {
        const breq *q = &s->reqs[i];
        pricing_error e1, e2;
        int r1, r2;
        pricing_error_init(&e1);
        pricing_error_init(&e2);
        r1 = fill(c.req[q->spec], q, &e1);
        if (r1 == 0)
            r1 = pricing_quote_compute(c.quote, c.req[q->spec], &e1);
        if (r1 == 0)
            r1 = pricing_quote_write_json(&b1, c.quote, 0, &e1);
        r2 = pricing_quote_json(&c.buf, s->cat, q->json, q->len, c.quote, 0,
                                &e2);
        if (r1 != r2 || (r1 == 0 && (b1.size != c.buf.size ||
                                     memcmp(b1.data, c.buf.data, b1.size))))
            if (bad++ == 0)
                fprintf(stderr, "bench: %s: typed and JSON differ on %s\n",
                        s->name, q->json);
        sb_reserve(&all, c.buf.size + 32);
        memcpy(all.p + all.n, c.buf.data, c.buf.size);
        all.n += c.buf.size;
        if (r2 != 0) /* pricing batch: the error object's input line */
            all.n += (size_t)sprintf(all.p + all.n - 2,
                                     ",\"input_line\":%zu}}", i + 1) - 2;
        all.p[all.n++] = '\n';
        all.p[all.n] = '\0';
    }
    if (bad)
        die("%s: %zu requests differ between the typed API and the JSON "
            "driver",
            s->name, bad);
    pricing_buffer_dispose(&b1);
    ctx_dispose(&c);
    *len = all.n;
    return all.p;
}

/* The 1, 5 and 15 minute load averages, as text. */
static const char *loadavg(void)
{
    static char text[64];
    FILE *f = fopen("/proc/loadavg", "r");
    double a = 0, b = 0, c = 0;
    snprintf(text, sizeof text, "unknown");
    if (f) {
        if (fscanf(f, "%lf %lf %lf", &a, &b, &c) == 3)
            snprintf(text, sizeof text, "%.2f %.2f %.2f", a, b, c);
        fclose(f);
    }
    return text;
}

static void cpu_model(char *out, size_t size)
{
    char line[512];
    FILE *f = fopen("/proc/cpuinfo", "r");
    snprintf(out, size, "unknown");
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0) {
            char *p = strchr(line, ':');
            if (p) {
                p += 1 + (p[1] == ' ');
                p[strcspn(p, "\n")] = '\0';
                snprintf(out, size, "%s", p);
            }
            break;
        }
    }
    fclose(f);
}

/* ---------------------------------------------------------------- threads */

typedef struct thr {
    char pad0[128]; /* no false sharing between the threads' records */
    ctx c;
    work_fn f;
    pthread_barrier_t *bar;
    double secs; /* wall */
    double cpu;  /* this thread's CPU time */
    size_t ops;
    char pad1[128];
} thr;

static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *thr_main(void *arg)
{
    thr *t = arg;
    double t0, c0;
    (void)t->f(&t->c, 64); /* warm */
    pthread_barrier_wait(t->bar);
    t0 = now();
    c0 = thread_cpu();
    t->ops = 0;
    do {
        t->ops += t->f(&t->c, 256);
        t->secs = now() - t0;
    } while (t->secs < min_time);
    t->cpu = thread_cpu() - c0;
    return NULL;
}

/* One run of nthreads threads sharing s->cat, each with its own requests
 * and quote: total quotes per wall second, quotes per CPU second of the
 * threads, and the CPUs the threads got (CPU seconds per wall second). */
typedef struct trun {
    double wall, per_cpu, cpus;
} trun;

static trun threads_once(const scen *s, work_fn f, int nthreads)
{
    thr t[2];
    pthread_t id[2];
    pthread_barrier_t bar;
    double secs = 0, cpu = 0;
    size_t ops = 0;
    trun r;
    int k;

    pthread_barrier_init(&bar, NULL, (unsigned)nthreads);
    for (k = 0; k < nthreads; k++) {
        ctx_init(&t[k].c, s, (size_t)k * s->n / 2);
        t[k].f = f;
        t[k].bar = &bar;
        if (pthread_create(&id[k], NULL, thr_main, &t[k]) != 0)
            die("pthread_create");
    }
    for (k = 0; k < nthreads; k++) {
        pthread_join(id[k], NULL);
        ops += t[k].ops;
        cpu += t[k].cpu;
        if (t[k].secs > secs)
            secs = t[k].secs;
        ctx_dispose(&t[k].c);
    }
    pthread_barrier_destroy(&bar);
    r.wall = ops / secs;
    r.per_cpu = cpu > 0 ? ops / cpu : 0;
    r.cpus = cpu / secs;
    return r;
}

/* One and two threads, runs interleaved (1, 2, 1, 2, 1, 2) so that a
 * burst of load from elsewhere hits both; the best of 3 of each (by wall
 * rate; per-CPU rate and CPUs obtained from that run). */
static void measure_threads(const scen *s, work_fn f, trun *one, trun *two)
{
    int run;
    memset(one, 0, sizeof *one);
    memset(two, 0, sizeof *two);
    for (run = 0; run < 3; run++) {
        trun r1 = threads_once(s, f, 1), r2 = threads_once(s, f, 2);
        if (r1.wall > one->wall)
            *one = r1;
        if (r2.wall > two->wall)
            *two = r2;
    }
}

static void thread_row(const char *name, const trun *a, const trun *b)
{
    printf("%-24s %9s %9s %6.2f %9s %9s %6.2f %6.2f\n", name, rate(a->wall),
           rate(b->wall), b->wall / a->wall, rate(a->per_cpu),
           rate(b->per_cpu), b->per_cpu / a->per_cpu, b->cpus);
}

/* Returns the wall ratio of the graduated row; *eff its per-CPU ratio. */
static double threads_section(const scen *grad, const scen *mixed,
                              double *eff)
{
    trun g1, g2, m1, m2, j1, j2;
    measure_threads(grad, w_typed, &g1, &g2);
    measure_threads(mixed, w_typed, &m1, &m2);
    measure_threads(mixed, w_json, &j1, &j2);
    printf("4. Threads sharing one catalog\n\n");
    printf("%-24s %9s %9s %6s %9s %9s %6s %6s\n", "", "1 thread",
           "2 threads", "ratio", "1t/CPU-s", "2t/CPU-s", "eff", "CPUs");
    thread_row("typed API, graduated-5", &g1, &g2);
    thread_row("typed API, mixed", &m1, &m2);
    thread_row("JSON driver, mixed", &j1, &j2);
    printf("\n  1 thread, 2 threads: total q/s (wall clock); ratio = 2 "
           "threads / 1 thread\n"
           "  1t/CPU-s, 2t/CPU-s: quotes per CPU second of the bench "
           "threads; eff = their ratio (1.00: no\n"
           "  contention between the threads); CPUs = CPU seconds the 2 "
           "threads got per wall second\n"
           "  (below 2.00: the machine was busy elsewhere)\n\n");
    *eff = g2.per_cpu / g1.per_cpu;
    return g2.wall / g1.wall;
}

/* ---------------------------------------------------------------- main */

static void cleanup(void)
{
    char cmd[128];
    if (tmpdir[0]) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "bench: could not remove %s\n", tmpdir);
    }
}

static void find_pricing(const char *builddir)
{
    char real[4096], libs[4096];
    struct stat st;
    /* A libtool build tree: run the binary, not the bash wrapper (which
     * costs ~25 ms a start), with the library path the wrapper would set. */
    snprintf(real, sizeof real, "%s/.libs/pricing", builddir);
    snprintf(libs, sizeof libs, "%s/.libs", builddir);
    if (stat(real, &st) == 0 && (st.st_mode & S_IXUSR)) {
        const char *old = getenv("LD_LIBRARY_PATH");
        char *v = xrealloc(NULL, strlen(libs) + (old ? strlen(old) : 0) + 2);
        sprintf(v, "%s%s%s", libs, old && *old ? ":" : "", old ? old : "");
        setenv("LD_LIBRARY_PATH", v, 1);
        free(v);
        snprintf(pricing_exe, sizeof pricing_exe, "%s", real);
        return;
    }
    snprintf(pricing_exe, sizeof pricing_exe, "%s/pricing", builddir);
    if (access(pricing_exe, X_OK) != 0)
        die("no pricing program in %s (give the build directory)", builddir);
}

typedef struct row {
    double typed, json, batch, fa, fb, bytes;
} row;

static int bench_main(const char *builddir)
{
    char cpu[256], path[256], qpath[256], rel[4096];
    const char *batch_argv[4], *fa_argv[4];
    sb text = {0};
    scen s[S_COUNT];
    row rows[S_COUNT];
    pricing_catalog *cat;
    double t_start = now(), startup, grad_typed = 0, floor_c;
    ssize_t n;
    int k;

    n = readlink("/proc/self/exe", self_exe, sizeof self_exe - 1);
    if (n <= 0)
        die("cannot find my own executable");
    self_exe[n] = '\0';
    find_pricing(builddir);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/pricing-bench-XXXXXX");
    if (!mkdtemp(tmpdir))
        die("mkdtemp: %s", strerror(errno));
    atexit(cleanup);
    init_names();

    cpu_model(cpu, sizeof cpu);
    printf("libpricing %s benchmark\n", pricing_version_string());
    printf("machine: %ld cpus online, %s\n", sysconf(_SC_NPROCESSORS_ONLN),
           cpu);
    printf("pricing: %s\n", pricing_exe);
    printf("load average at start: %s\n", loadavg());
    printf("each figure: best of 3 runs of >= %.2f s; q/s = quotes per "
           "second (one core unless said)\n\n",
           min_time);
    fflush(stdout);

    /* ------------------------------------------------ 1. front ends */
    main_catalog(&text);
    snprintf(path, sizeof path, "%s/catalog.json", tmpdir);
    write_file(path, text.p, text.n);
    cat = load_catalog(&text);
    free(text.p);
    batch_argv[0] = pricing_exe;
    batch_argv[1] = "batch";
    batch_argv[2] = path;
    batch_argv[3] = NULL;
    snprintf(qpath, sizeof qpath, "%s/quotes.jsonl", tmpdir);
    fa_argv[0] = self_exe;
    fa_argv[1] = "floor-a";
    fa_argv[2] = qpath;
    fa_argv[3] = NULL;

    {
        char empty[256];
        double best = 1e9, t;
        int run;
        snprintf(empty, sizeof empty, "%s/empty", tmpdir);
        write_file(empty, "", 0);
        for (run = 0; run < 5; run++)
            if ((t = spawn(batch_argv, empty, "/dev/null", NULL)) < best)
                best = t;
        startup = best;
    }

    printf("1. Front ends (catalog: simple spec + 1,000-SKU custom spec + "
           "5-tier graduated + 5-tier volume;\n"
           "   %d distinct requests per stream, cycled)\n\n",
           NREQ);
    printf("%-14s %9s %9s %9s %9s %9s %8s %8s %6s\n", "stream", "typed",
           "json", "batch", "floor-a", "floor-b", "batch/a", "json/typ",
           "B/out");
    fflush(stdout);
    for (k = 0; k < S_COUNT; k++) {
        ctx c;
        size_t qlen, blen;
        char *want, *got;
        int st;

        make_scen(&s[k], k, NREQ);
        s[k].cat = cat;
        s[k].catpath = path;
        want = validate(&s[k], &qlen);
        /* pricing batch must print exactly what the driver wrote; its
         * output is floor (a)'s precomputed quotes. */
        snprintf(rel, sizeof rel, "%s/req.jsonl", tmpdir);
        write_lines(rel, &s[k], s[k].n);
        spawn(batch_argv, rel, qpath, &st);
        got = read_all(qpath, &blen);
        if (blen != qlen || memcmp(got, want, qlen) != 0)
            die("%s: pricing batch output differs from pricing_quote_json",
                s[k].name);
        free(got);
        free(want);
        rows[k].bytes = (double)qlen / (double)s[k].n;

        ctx_init(&c, &s[k], 0);
        rows[k].typed = measure(w_typed, &c);
        rows[k].json = measure(w_json, &c);
        rows[k].fb = measure(w_floor_b, &c);
        ctx_dispose(&c);
        rows[k].batch = measure_spawn(batch_argv, &s[k]);
        rows[k].fa = measure_spawn(fa_argv, &s[k]);
        printf("%-14s %9s %9s %9s %9s %9s %8.2f %8.2f %6.0f\n", s[k].name,
               rate(rows[k].typed), rate(rows[k].json), rate(rows[k].batch),
               rate(rows[k].fa), rate(rows[k].fb), rows[k].batch / rows[k].fa,
               rows[k].json / rows[k].typed, rows[k].bytes);
        fflush(stdout);
    }
    printf("\n  typed   = pricing_request_reset/set_* + pricing_quote_compute, "
           "one request per spec and one quote reused\n"
           "  json    = pricing_quote_json, one quote and one buffer reused\n"
           "  batch   = `pricing batch CATALOG < lines > /dev/null`, end to "
           "end (start + catalog load: %.1f ms)\n"
           "  floor-a = `bench floor-a < lines > /dev/null`: cJSON parse + "
           "fwrite of the same quote bytes\n"
           "  floor-b = cJSON_ParseWithLength + cJSON_PrintUnformatted of "
           "each line, in process\n"
           "  B/out   = bytes per output line\n\n",
           startup * 1e3);
    grad_typed = rows[S_GRAD].typed;
    add_target("typed API >= 2M 5-tier graduated quotes/s per core",
               grad_typed >= 2e6, "%s q/s", rate(grad_typed));
    add_target("pricing batch >= 0.5 x floor (a) (mixed stream)",
               rows[S_MIXED].batch >= 0.5 * rows[S_MIXED].fa, "%.2f x",
               rows[S_MIXED].batch / rows[S_MIXED].fa);

    /* ------------------------------------------------ 2. floors */
    {
        ctx c;
        gmp_ctx g;
        double r_compute, r_total, r_write, r_parse, r_cjson, r_json;
        size_t i;

        ctx_init(&c, &s[S_GRAD], 0);
        gmp_init(&g, &c);
        floor_c = measure(w_floor_c, &g);
        gmp_clear(&g);
        c.pre = xrealloc(NULL, c.s->n * sizeof *c.pre);
        for (i = 0; i < c.s->n; i++) {
            const breq *q = &c.s->reqs[i];
            if (pricing_request_new(&c.pre[i], cat, main_specs[q->spec],
                                    &c.err) != 0 ||
                fill(c.pre[i], q, &c.err) != 0)
                die("prepare: %s", c.err.message);
        }
        r_compute = measure(w_compute, &c);
        r_total = measure(w_typed_total, &c);
        r_write = measure(w_typed_write, &c);
        r_parse = measure(w_parse, &c);
        r_cjson = measure(w_cjson_parse, &c);
        r_json = measure(w_json, &c);
        ctx_dispose(&c);

        printf("2. Floors and a breakdown, 5-tier graduated stream (every "
               "quote enters all 5 tiers)\n\n");
        printf("%-58s %9s %10s\n", "", "q/s", "per quote");
        printf("%-58s %9s %10s\n", "(c) GMP alone: prefix sum + one "
               "multiply-add", rate(floor_c), ns(floor_c));
        printf("%-58s %9s %10s\n", "pricing_quote_compute alone (request "
               "prepared once)", rate(r_compute), ns(r_compute));
        printf("%-58s %9s %10s\n", "typed API: setters + compute",
               rate(grad_typed), ns(grad_typed));
        printf("%-58s %9s %10s\n", "typed API + pricing_quote_total() text",
               rate(r_total), ns(r_total));
        printf("%-58s %9s %10s\n", "typed API + pricing_quote_write_json",
               rate(r_write), ns(r_write));
        printf("%-58s %9s %10s\n", "cJSON_ParseWithLength alone",
               rate(r_cjson), ns(r_cjson));
        printf("%-58s %9s %10s\n", "pricing_request_parse alone (strict "
               "pass + cJSON + typed)", rate(r_parse), ns(r_parse));
        printf("%-58s %9s %10s\n", "JSON driver (parse + compute + write)",
               rate(r_json), ns(r_json));
        printf("%-58s %9s %10s\n", "(b) cJSON parse + print",
               rate(rows[S_GRAD].fb), ns(rows[S_GRAD].fb));
        printf("%-58s %9s %10s\n", "pricing batch, end to end",
               rate(rows[S_GRAD].batch), ns(rows[S_GRAD].batch));
        printf("%-58s %9s %10s\n", "(a) I/O floor, end to end",
               rate(rows[S_GRAD].fa), ns(rows[S_GRAD].fa));
        printf("\n  typed API / floor (c): %.3f (the engine costs %.1fx the "
               "bare arithmetic)\n",
               grad_typed / floor_c, floor_c / grad_typed);
        printf("  pricing batch / floor (a): ");
        for (k = 0; k < S_COUNT; k++)
            printf("%s%s %.2f", k ? ", " : "", s[k].name,
                   rows[k].batch / rows[k].fa);
        printf("\n\n");
        fflush(stdout);
    }

    /* ------------------------------------------------ 3. growth */
    {
        static const unsigned skus[3][2] = {{2, 5}, {10, 100}, {100, 1000}};
        static const unsigned tiers[4] = {1, 10, 100, 1000};
        double per[3], g_uni[4], g_top[4], g_fast[4], v_uni[4];
        int i;

        printf("3. Growth (typed API, per quote)\n\n");
        printf("%-32s %10s %10s %10s\n", "SKUs in the spec", "10", "1,000",
               "100,000");
        for (i = 0; i < 3; i++) {
            scen g;
            ctx c;
            sb t = {0};
            sku_catalog(&t, skus[i][0], skus[i][1]);
            memset(&g, 0, sizeof g);
            g.name = "skus";
            g.cat = load_catalog(&t);
            free(t.p);
            rng = 12345 + (uint64_t)i;
            make_sku_scen(&g, skus[i][0], skus[i][1], 65536);
            ctx_init(&c, &g, 0);
            per[i] = measure(w_typed, &c);
            ctx_dispose(&c);
            pricing_catalog_free(g.cat);
            free_scen(&g);
        }
        printf("%-32s %10s %10s %10s\n", "linear users, random SKU",
               ns(per[0]), ns(per[1]), ns(per[2]));
        printf("  100k / 10 SKUs: %.2fx\n\n", per[0] / per[2]);
        add_target("per-quote time 10 -> 100k SKUs within 1.5x",
                   per[0] / per[2] <= 1.5, "%.2fx", per[0] / per[2]);

        printf("%-32s %10s %10s %10s %10s\n", "tiers in the rule", "1", "10",
               "100", "1,000");
        for (i = 0; i < 4; i++) {
            scen g;
            ctx c;
            sb t = {0};
            tier_catalog(&t, tiers[i]);
            memset(&g, 0, sizeof g);
            g.name = "tiers";
            g.cat = load_catalog(&t);
            free(t.p);
            rng = 777 + (uint64_t)i;
            make_tier_scen(&g, 0, tiers[i], 0, NREQ);
            ctx_init(&c, &g, 0);
            g_uni[i] = measure(w_typed, &c);
            ctx_dispose(&c);
            free_scen(&g);
            make_tier_scen(&g, 0, tiers[i], 1, NREQ);
            ctx_init(&c, &g, 0);
            g_top[i] = measure(w_typed, &c);
            ctx_dispose(&c);
            /* the same requests, totals only: prefix sums, no lines */
            ctx_init(&c, &g, 0);
            if (pricing_quote_set_flags(c.quote, PRICING_QUOTE_TOTALS_ONLY,
                                        &c.err) != 0)
                die("set_flags");
            g_fast[i] = measure(w_typed, &c);
            ctx_dispose(&c);
            free_scen(&g);
            make_tier_scen(&g, 1, tiers[i], 0, NREQ);
            ctx_init(&c, &g, 0);
            v_uni[i] = measure(w_typed, &c);
            ctx_dispose(&c);
            free_scen(&g);
            pricing_catalog_free(g.cat);
        }
        printf("%-32s %10s %10s %10s %10s\n", "graduated, uniform quantity",
               ns(g_uni[0]), ns(g_uni[1]), ns(g_uni[2]), ns(g_uni[3]));
        printf("%-32s %10s %10s %10s %10s\n", "graduated, last tier",
               ns(g_top[0]), ns(g_top[1]), ns(g_top[2]), ns(g_top[3]));
        printf("%-32s %10s %10s %10s %10s\n", "graduated, last tier, totals",
               ns(g_fast[0]), ns(g_fast[1]), ns(g_fast[2]), ns(g_fast[3]));
        printf("%-32s %10s %10s %10s %10s\n", "volume + flat, uniform",
               ns(v_uni[0]), ns(v_uni[1]), ns(v_uni[2]), ns(v_uni[3]));
        printf("  graduated last tier, 1,000 / 10 tiers: %.1fx with lines "
               "(a line per tier entered), %.2fx totals only "
               "(logarithmic would be <= 3x); volume: %.2fx\n\n",
               g_top[1] / g_top[3], g_fast[1] / g_fast[3],
               v_uni[1] / v_uni[3]);
        add_target("graduated cost at most logarithmic in tiers "
                   "(1,000 vs 10 tiers <= 3x, totals only)",
                   g_fast[1] / g_fast[3] <= 3.0, "%.2fx",
                   g_fast[1] / g_fast[3]);
    }

    /* ------------------------------------------------ load */
    {
        const char *argv[4];
        char out[256], *res;
        size_t rlen;
        double best = 1e9, secs;
        long peak = 0, before = 0, after = 0, cur = 0;
        size_t bytes = 0, nsku = 0;
        int run;

        snprintf(out, sizeof out, "%s/load.txt", tmpdir);
        argv[0] = self_exe;
        argv[1] = "load-catalog";
        argv[2] = "100000";
        argv[3] = NULL;
        for (run = 0; run < 3; run++) {
            spawn(argv, "/dev/null", out, NULL);
            res = read_all(out, &rlen);
            if (sscanf(res, "%lf %ld %ld %ld %zu %zu", &secs, &before, &after,
                       &cur, &bytes, &nsku) != 6)
                die("load-catalog: bad output");
            free(res);
            if (secs < best)
                best = secs;
            if (after > peak)
                peak = after;
        }
        printf("100,000-SKU catalog (%zu SKUs, %.1f MiB of JSON in memory), "
               "fresh process:\n",
               nsku, (double)bytes / 1048576.0);
        printf("  load %.3f s; peak RSS %.1f MiB (%.1f MiB before the load, "
               "so the load adds %.1f MiB at peak); the loaded catalog "
               "keeps %.1f MiB of heap\n\n",
               best, peak / 1024.0, before / 1024.0, (peak - before) / 1024.0,
               cur / 1024.0);
        add_target("100k-SKU catalog loads in < 1 s", best < 1.0, "%.3f s",
                   best);
        add_target("100k-SKU catalog load peak RSS < 200 MiB",
                   peak < 200 * 1024, "%.1f MiB", peak / 1024.0);
    }

    /* ------------------------------------------------ 4. threads */
    {
        double eff, ratio = threads_section(&s[S_GRAD], &s[S_MIXED], &eff);
        add_target("two threads >= 1.8x one thread (typed, graduated-5)",
                   ratio >= 1.8, "%.2fx (per CPU second %.2f)", ratio, eff);
    }

    printf("Targets\n\n");
    for (k = 0; k < ntargets; k++)
        printf("  %-4s %-68s %s\n", targets[k].met ? "met" : "MISS",
               targets[k].what, targets[k].got);
    printf("\nCPU share of the best runs (single-threaded measurements): "
           "min %.2f (%s);\n"
           "1.00 = each measurement had a CPU to itself.\n",
           min_share, min_share_what);
    printf("bench ran %.0f s; load average at the end: %s\n",
           now() - t_start, loadavg());

    for (k = 0; k < S_COUNT; k++)
        free_scen(&s[k]);
    pricing_catalog_free(cat);
    return 0;
}

static int scen_kind(const char *name)
{
    int k;
    for (k = 0; k < S_COUNT; k++)
        if (strcmp(name, scen_names[k]) == 0)
            return k;
    die("unknown scenario %s", name);
    return -1;
}

int main(int argc, char **argv)
{
    const char *env = getenv("BENCH_MIN_TIME");
    const char *dir = getenv("PRICING_BUILDDIR");

    if (env && atof(env) > 0)
        min_time = atof(env);
    if (argc >= 2 && strcmp(argv[1], "floor-a") == 0) {
        if (argc != 3)
            die("usage: bench floor-a QUOTES < lines");
        return floor_a_main(argv[2]);
    }
    if (argc >= 2 && strcmp(argv[1], "load-catalog") == 0) {
        if (argc != 3 || atoi(argv[2]) < 1)
            die("usage: bench load-catalog NSKUS");
        return load_main((unsigned)atoi(argv[2]));
    }
    if (argc >= 2 && strcmp(argv[1], "gen-catalog") == 0) {
        sb t = {0};
        init_names();
        main_catalog(&t);
        fwrite(t.p, 1, t.n, stdout);
        free(t.p);
        return fflush(stdout) ? 3 : 0;
    }
    if (argc >= 2 && strcmp(argv[1], "gen-lines") == 0) {
        scen g;
        long long i, n = argc >= 3 ? atoll(argv[2]) : 0;
        static char obuf[1 << 16];
        if (n < 1 || argc > 4)
            die("usage: bench gen-lines N [SCENARIO]");
        init_names();
        memset(&g, 0, sizeof g);
        make_scen(&g, argc == 4 ? scen_kind(argv[3]) : S_MIXED, NREQ);
        setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
        for (i = 0; i < n; i++) {
            const breq *q = &g.reqs[i % (long long)g.n];
            fwrite(q->json, 1, q->len, stdout);
            putchar('\n');
        }
        free_scen(&g);
        return fflush(stdout) ? 3 : 0;
    }
    if (argc == 2 && strcmp(argv[1], "threads") == 0) {
        scen g, m;
        sb t = {0};
        init_names();
        main_catalog(&t);
        make_scen(&g, S_GRAD, NREQ);
        make_scen(&m, S_MIXED, NREQ);
        g.cat = m.cat = load_catalog(&t);
        free(t.p);
        double eff;
        threads_section(&g, &m, &eff);
        free_scen(&g);
        free_scen(&m);
        pricing_catalog_free(g.cat);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "run") == 0) {
        scen g;
        ctx c;
        sb t = {0};
        long long n = argc == 5 ? atoll(argv[4]) : 0;
        int json = argc == 5 && strcmp(argv[2], "json") == 0;
        if (n < 1 || (!json && strcmp(argv[2], "typed") != 0))
            die("usage: bench run typed|json SCENARIO N");
        init_names();
        main_catalog(&t);
        memset(&g, 0, sizeof g);
        g.cat = load_catalog(&t);
        free(t.p);
        make_scen(&g, scen_kind(argv[3]), NREQ);
        ctx_init(&c, &g, 0);
        (json ? w_json : w_typed)(&c, (size_t)n);
        printf("%lld quotes, %zu rejected\n", n, c.failed);
        ctx_dispose(&c);
        free_scen(&g);
        pricing_catalog_free(g.cat);
        return 0;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fputs("usage: bench [BUILDDIR]   (see the comment at the top of "
              "bench/bench.c)\n",
              stderr);
        return 2;
    }
    return bench_main(argc == 2 ? argv[1] : dir ? dir : ".");
}
