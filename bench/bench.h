/* SPDX-License-Identifier: MIT */
/* bench.h - what the benchmark's files share (bench/README.md):
 *
 *   util.c     die, allocation, a string builder, whole-file I/O
 *   gen.c      generated catalogs and request streams (scenarios)
 *   work.c     the measured workloads and the floors (a), (b), (c)
 *   measure.c  timers, runs, child processes, peak RSS, threads
 *   report.c   the full benchmark: its sections, checks and targets
 *   bench.c    main and the single-purpose modes (gen-*, run, threads)
 */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <stdint.h>

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

/* ---------------------------------------------------------------- util.c */

void die(const char *fmt, ...) PRINTF_LIKE(1, 2) NORETURN;
void *xrealloc(void *p, size_t n);

typedef struct sb {
    char *p;
    size_t n, cap;
} sb;

void sb_reserve(sb *b, size_t extra);
void sb_put(sb *b, const char *s);
void sb_printf(sb *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
char *read_all(const char *path, size_t *len);
void write_file(const char *path, const char *data, size_t len);

/* ---------------------------------------------------------------- gen.c */

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

enum { S_SIMPLE, S_CUSTOM, S_GRAD, S_VOL, S_MIXED, S_COUNT };

extern const char *const scen_names[S_COUNT];
extern const char *const main_specs[];
extern const char *const plan_names[];
extern const uint64_t tiers5[4]; /* the 5-tier rules' bounds */

void rng_seed(uint64_t seed);
void init_names(void);
void main_catalog(sb *b);
void sku_catalog(sb *b, unsigned nedit, unsigned nreg);
void history_catalog(sb *b, unsigned nversions, unsigned nedit,
                     unsigned nreg);
void tier_catalog(sb *b, unsigned ntiers);
pricing_catalog *load_catalog(const sb *text);
void make_scen(scen *s, int kind, size_t n);
void make_sku_scen(scen *s, unsigned nedit, unsigned nreg, size_t n);
void load_sku_scen(scen *s, unsigned nedit, unsigned nreg, uint64_t seed);
void make_tier_scen(scen *s, int spec, unsigned ntiers, int top, size_t n);
void free_scen(scen *s);

/* ---------------------------------------------------------------- work.c */

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

/* A workload: iters operations on its argument; returns the count. */
typedef size_t (*work_fn)(void *arg, size_t iters);

void ctx_init(ctx *c, const scen *s, size_t start);
void ctx_dispose(ctx *c);
int fill(pricing_request *r, const breq *q, pricing_error *err);
size_t w_typed(void *arg, size_t iters);
size_t w_compute(void *arg, size_t iters);
size_t w_typed_total(void *arg, size_t iters);
size_t w_typed_write(void *arg, size_t iters);
size_t w_json(void *arg, size_t iters);
size_t w_parse(void *arg, size_t iters);
size_t w_cjson_parse(void *arg, size_t iters);
size_t w_floor_b(void *arg, size_t iters);

/* Floor (c): a 5-tier graduated amount with GMP alone. */
typedef struct gmp_ctx {
    ctx *c;
    uint64_t from[5], up_to[5];
    mpz_t before[5], unit[5], r;
} gmp_ctx;

void gmp_init(gmp_ctx *g, ctx *c);
void gmp_clear(gmp_ctx *g);
size_t w_floor_c(void *arg, size_t iters);
int floor_a_main(const char *quotes_path);

/* ---------------------------------------------------------------- measure.c */

extern double min_time;        /* $BENCH_MIN_TIME */
extern char tmpdir[64];        /* removed at exit */
extern double min_share;       /* smallest CPU share of a best run */
extern const char *min_share_what;

double now(void);
double measure_named(work_fn f, void *arg, const char *what);
#define measure(f, arg) measure_named((f), (arg), #f)
double spawn(const char *const *argv, const char *in, const char *out,
             int *status);
void write_lines(const char *path, const scen *s, size_t n);
void measure_spawn_pair(const char *const *a, const char *const *b,
                        const scen *s, double *ra, double *rb);
int load_main(unsigned nskus);
int parse_catalog_main(unsigned nskus);
int load_history_main(unsigned nversions, unsigned nskus);

/* Quotes per wall second, per CPU second of the threads, and the CPUs
 * the threads got (CPU seconds per wall second). */
typedef struct trun {
    double wall, per_cpu, cpus;
} trun;

void measure_threads(const scen *s, work_fn f, trun *one, trun *two);

/* ---------------------------------------------------------------- report.c */

extern char self_exe[4096];
extern char pricing_exe[4096];

double threads_section(const scen *grad, const scen *mixed, double *eff);
int bench_report(void);

#endif
