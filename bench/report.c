/* SPDX-License-Identifier: MIT */
/* report.c - the full benchmark (`bench [BUILDDIR]`): its four sections,
 * the byte-for-byte checks of the streams (typed API = JSON driver =
 * `pricing batch`), the targets, and the printed tables. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

char self_exe[4096];
char pricing_exe[4096];

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
    char what[96];
    char got[96];
    int met;
} target;

static target targets[16];
static int ntargets;

static void add_target(const char *what, int met, const char *fmt, ...)
    PRINTF_LIKE(3, 4);
static void add_target(const char *what, int met, const char *fmt, ...)
{
    va_list ap;
    target *t;
    if (ntargets == (int)(sizeof targets / sizeof *targets))
        die("too many targets");
    t = &targets[ntargets++];
    snprintf(t->what, sizeof t->what, "%s", what);
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

static void thread_row(const char *name, const trun *a, const trun *b)
{
    printf("%-24s %9s %9s %6.2f %9s %9s %6.2f %6.2f\n", name, rate(a->wall),
           rate(b->wall), b->wall / a->wall, rate(a->per_cpu),
           rate(b->per_cpu), b->per_cpu / a->per_cpu, b->cpus);
}

/* Returns the wall ratio of the graduated row; *eff its per-CPU ratio. */
double threads_section(const scen *grad, const scen *mixed, double *eff)
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


/* ---------------------------------------------------------------- sections */

typedef struct row {
    double typed, json, batch, fa, fb, bytes;
} row;

/* What the sections share: the main catalog (loaded, and as a file for
 * `pricing batch`), the five streams and their section 1 figures. */
typedef struct run {
    pricing_catalog *cat;
    char path[256], qpath[256];
    const char *batch_argv[4], *fa_argv[4];
    scen s[S_COUNT];
    row rows[S_COUNT];
    double startup;
} run;

static void print_machine(void)
{
    char cpu[256];
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
}

/* The main catalog, the two filters' argument vectors, and the start-up
 * time of `pricing batch` on empty input (best of 5). */
static void run_init(run *r)
{
    sb text = {0};
    char empty[256];
    double t;
    int k;

    main_catalog(&text);
    snprintf(r->path, sizeof r->path, "%s/catalog.json", tmpdir);
    write_file(r->path, text.p, text.n);
    r->cat = load_catalog(&text);
    free(text.p);
    r->batch_argv[0] = pricing_exe;
    r->batch_argv[1] = "batch";
    r->batch_argv[2] = r->path;
    r->batch_argv[3] = NULL;
    snprintf(r->qpath, sizeof r->qpath, "%s/quotes.jsonl", tmpdir);
    r->fa_argv[0] = self_exe;
    r->fa_argv[1] = "floor-a";
    r->fa_argv[2] = r->qpath;
    r->fa_argv[3] = NULL;

    snprintf(empty, sizeof empty, "%s/empty", tmpdir);
    write_file(empty, "", 0);
    r->startup = 1e9;
    for (k = 0; k < 5; k++)
        if ((t = spawn(r->batch_argv, empty, "/dev/null", NULL)) < r->startup)
            r->startup = t;
}

/* Stream k: generated, checked line by line (typed API = JSON driver =
 * `pricing batch`, whose output becomes floor (a)'s quotes), then
 * measured through each front end and printed as one row. */
static void front_end_row(run *r, int k)
{
    char rel[4096];
    scen *s = &r->s[k];
    row *w = &r->rows[k];
    ctx c;
    size_t qlen, blen;
    char *want, *got;
    int st;

    make_scen(s, k, NREQ);
    s->cat = r->cat;
    s->catpath = r->path;
    want = validate(s, &qlen);
    snprintf(rel, sizeof rel, "%s/req.jsonl", tmpdir);
    write_lines(rel, s, s->n);
    spawn(r->batch_argv, rel, r->qpath, &st);
    got = read_all(r->qpath, &blen);
    if (blen != qlen || memcmp(got, want, qlen) != 0)
        die("%s: pricing batch output differs from pricing_quote_json",
            s->name);
    free(got);
    free(want);
    w->bytes = (double)qlen / (double)s->n;

    ctx_init(&c, s, 0);
    w->typed = measure(w_typed, &c);
    w->json = measure(w_json, &c);
    w->fb = measure(w_floor_b, &c);
    ctx_dispose(&c);
    measure_spawn_pair(r->batch_argv, r->fa_argv, s, &w->batch, &w->fa);
    printf("%-14s %9s %9s %9s %9s %9s %8.2f %8.2f %6.0f\n", s->name,
           rate(w->typed), rate(w->json), rate(w->batch), rate(w->fa),
           rate(w->fb), w->batch / w->fa, w->json / w->typed, w->bytes);
    fflush(stdout);
}

/* Issue 13: pricing batch >= 0.5 x floor (a) on every stream (the row
 * names the worst), and the JSON driver >= 0.6 x floor (a) on the mixed
 * stream, both in process or end to end as section 1 measures them. */
static void batch_targets(const run *r)
{
    char what[96];
    int k, worst = 0;
    for (k = 1; k < S_COUNT; k++)
        if (r->rows[k].batch / r->rows[k].fa <
            r->rows[worst].batch / r->rows[worst].fa)
            worst = k;
    snprintf(what, sizeof what,
             "pricing batch >= 0.5 x floor (a), every stream (worst: %s)",
             r->s[worst].name);
    add_target(what, r->rows[worst].batch >= 0.5 * r->rows[worst].fa,
               "%.2f x", r->rows[worst].batch / r->rows[worst].fa);
    add_target("JSON driver pricing_quote_json >= 0.6 x floor (a) (mixed)",
               r->rows[S_MIXED].json >= 0.6 * r->rows[S_MIXED].fa, "%.2f x",
               r->rows[S_MIXED].json / r->rows[S_MIXED].fa);
}

static void section_front_ends(run *r)
{
    int k;
    printf("1. Front ends (catalog: simple spec + 1,000-SKU custom spec + "
           "5-tier graduated + 5-tier volume;\n"
           "   %d distinct requests per stream, cycled)\n\n",
           NREQ);
    printf("%-14s %9s %9s %9s %9s %9s %8s %8s %6s\n", "stream", "typed",
           "json", "batch", "floor-a", "floor-b", "batch/a", "json/typ",
           "B/out");
    fflush(stdout);
    for (k = 0; k < S_COUNT; k++)
        front_end_row(r, k);
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
           r->startup * 1e3);
    add_target("typed API >= 2M 5-tier graduated quotes/s per core",
               r->rows[S_GRAD].typed >= 2e6, "%s q/s",
               rate(r->rows[S_GRAD].typed));
    batch_targets(r);
}

/* Section 2's figures, in the order printed. */
typedef struct floors {
    double c, compute, total, write, parse, cjson, json;
} floors;

static void measure_floors(run *r, floors *f)
{
    ctx c;
    gmp_ctx g;
    size_t i;

    ctx_init(&c, &r->s[S_GRAD], 0);
    gmp_init(&g, &c);
    f->c = measure(w_floor_c, &g);
    gmp_clear(&g);
    c.pre = xrealloc(NULL, c.s->n * sizeof *c.pre);
    for (i = 0; i < c.s->n; i++) {
        const breq *q = &c.s->reqs[i];
        if (pricing_request_new(&c.pre[i], r->cat, main_specs[q->spec],
                                &c.err) != 0 ||
            fill(c.pre[i], q, &c.err) != 0)
            die("prepare: %s", c.err.message);
    }
    f->compute = measure(w_compute, &c);
    f->total = measure(w_typed_total, &c);
    f->write = measure(w_typed_write, &c);
    f->parse = measure(w_parse, &c);
    f->cjson = measure(w_cjson_parse, &c);
    f->json = measure(w_json, &c);
    ctx_dispose(&c);
}

static void floor_row(const char *what, double r)
{
    printf("%-58s %9s %10s\n", what, rate(r), ns(r));
}

static void section_floors(run *r)
{
    const row *g = &r->rows[S_GRAD];
    floors f;
    int k;

    measure_floors(r, &f);
    printf("2. Floors and a breakdown, 5-tier graduated stream (every "
           "quote enters all 5 tiers)\n\n");
    printf("%-58s %9s %10s\n", "", "q/s", "per quote");
    floor_row("(c) GMP alone: prefix sum + one multiply-add", f.c);
    floor_row("pricing_quote_compute alone (request prepared once)",
              f.compute);
    floor_row("typed API: setters + compute", g->typed);
    floor_row("typed API + pricing_quote_total() text", f.total);
    floor_row("typed API + pricing_quote_write_json", f.write);
    floor_row("cJSON_ParseWithLength alone", f.cjson);
    floor_row("pricing_request_parse alone (strict pass + cJSON + typed)",
              f.parse);
    floor_row("JSON driver (parse + compute + write)", f.json);
    floor_row("(b) cJSON parse + print", g->fb);
    floor_row("pricing batch, end to end", g->batch);
    floor_row("(a) I/O floor, end to end", g->fa);
    printf("\n  typed API / floor (c): %.3f (the engine costs %.1fx the "
           "bare arithmetic)\n",
           g->typed / f.c, f.c / g->typed);
    add_target("typed API 5-tier graduated >= 0.07 x floor (c)",
               g->typed >= 0.07 * f.c, "%.3f x", g->typed / f.c);
    printf("  pricing batch / floor (a): ");
    for (k = 0; k < S_COUNT; k++)
        printf("%s%s %.2f", k ? ", " : "", r->s[k].name,
               r->rows[k].batch / r->rows[k].fa);
    printf("\n\n");
    fflush(stdout);
}

/* Typed API rate over g (its catalog loaded), optionally totals only. */
static double typed_rate(const scen *g, int totals_only)
{
    ctx c;
    double rate_;
    ctx_init(&c, g, 0);
    if (totals_only &&
        pricing_quote_set_flags(c.quote, PRICING_QUOTE_TOTALS_ONLY, &c.err) !=
            0)
        die("set_flags");
    rate_ = measure(w_typed, &c);
    ctx_dispose(&c);
    return rate_;
}

static void growth_skus(void)
{
    static const unsigned skus[3][2] = {{2, 5}, {10, 100}, {100, 1000}};
    double per[3];
    int i;

    printf("3. Growth (typed API, per quote)\n\n");
    printf("%-32s %10s %10s %10s\n", "SKUs in the spec", "10", "1,000",
           "100,000");
    for (i = 0; i < 3; i++) {
        scen g;
        load_sku_scen(&g, skus[i][0], skus[i][1], 12345 + (uint64_t)i);
        per[i] = typed_rate(&g, 0);
        pricing_catalog_free(g.cat);
        free_scen(&g);
    }
    printf("%-32s %10s %10s %10s\n", "linear users, random SKU",
           ns(per[0]), ns(per[1]), ns(per[2]));
    printf("  100k / 10 SKUs: %.2fx\n\n", per[0] / per[2]);
    add_target("per-quote time 10 -> 100k SKUs within 1.5x",
               per[0] / per[2] <= 1.5, "%.2fx", per[0] / per[2]);
}

/* One column of the tier table: graduated uniform, last tier, last tier
 * totals only, and volume + flat uniform, over ntiers tiers. */
static void tier_column(unsigned ntiers, uint64_t seed, double out[4])
{
    scen g;
    sb t = {0};
    tier_catalog(&t, ntiers);
    memset(&g, 0, sizeof g);
    g.name = "tiers";
    g.cat = load_catalog(&t);
    free(t.p);
    rng_seed(seed);
    make_tier_scen(&g, 0, ntiers, 0, NREQ);
    out[0] = typed_rate(&g, 0);
    free_scen(&g);
    make_tier_scen(&g, 0, ntiers, 1, NREQ);
    out[1] = typed_rate(&g, 0);
    /* the same requests, totals only: prefix sums, no lines */
    out[2] = typed_rate(&g, 1);
    free_scen(&g);
    make_tier_scen(&g, 1, ntiers, 0, NREQ);
    out[3] = typed_rate(&g, 0);
    free_scen(&g);
    pricing_catalog_free(g.cat);
}

static void growth_tiers(void)
{
    static const unsigned tiers[4] = {1, 10, 100, 1000};
    static const char *const names[4] = {
        "graduated, uniform quantity", "graduated, last tier",
        "graduated, last tier, totals", "volume + flat, uniform"};
    double col[4][4]; /* [tier count][row] */
    double fast;
    int i;

    printf("%-32s %10s %10s %10s %10s\n", "tiers in the rule", "1", "10",
           "100", "1,000");
    for (i = 0; i < 4; i++)
        tier_column(tiers[i], 777 + (uint64_t)i, col[i]);
    for (i = 0; i < 4; i++)
        printf("%-32s %10s %10s %10s %10s\n", names[i], ns(col[0][i]),
               ns(col[1][i]), ns(col[2][i]), ns(col[3][i]));
    fast = col[1][2] / col[3][2];
    printf("  graduated last tier, 1,000 / 10 tiers: %.1fx with lines "
           "(a line per tier entered), %.2fx totals only "
           "(logarithmic would be <= 3x); volume: %.2fx\n\n",
           col[1][1] / col[3][1], fast, col[1][3] / col[3][3]);
    add_target("graduated cost at most logarithmic in tiers "
               "(1,000 vs 10 tiers <= 3x, totals only)",
               fast <= 3.0, "%.2fx", fast);
}

/* A 100,000-SKU catalog loaded in a fresh process (`bench load-catalog`),
 * 3 times: the best time and the highest peak RSS; and the same text
 * through cJSON alone (`bench parse-catalog`, also a fresh process), the
 * yardstick that carries the load time across machines. */
static void section_load(void)
{
    const char *argv[4];
    char out[256], *res;
    size_t rlen;
    double best = 1e9, secs, best_parse = 1e9;
    long peak = 0, before = 0, after = 0, cur = 0, kept = 0;
    size_t bytes = 0, nsku = 0;
    int k;

    snprintf(out, sizeof out, "%s/load.txt", tmpdir);
    argv[0] = self_exe;
    argv[2] = "100000";
    argv[3] = NULL;
    for (k = 0; k < 3; k++) {
        argv[1] = "load-catalog";
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
        if (cur > kept)
            kept = cur;
        argv[1] = "parse-catalog";
        spawn(argv, "/dev/null", out, NULL);
        res = read_all(out, &rlen);
        if (sscanf(res, "%lf", &secs) != 1)
            die("parse-catalog: bad output");
        free(res);
        if (secs < best_parse)
            best_parse = secs;
    }
    printf("100,000-SKU catalog (%zu SKUs, %.1f MiB of JSON in memory), "
           "fresh process:\n",
           nsku, (double)bytes / 1048576.0);
    printf("  load %.3f s; peak RSS %.1f MiB (%.1f MiB before the load, "
           "so the load adds %.1f MiB at peak); the loaded catalog "
           "keeps %.1f MiB of heap\n",
           best, peak / 1024.0, before / 1024.0, (peak - before) / 1024.0,
           kept / 1024.0);
    /* The 0.25 s target was set where the load took 0.355 s, 2.2x a
     * cJSON parse of the same text: 0.25 s there is 1.55x a parse. The
     * machine has changed since, so the target is that ratio. */
    printf("  cJSON_ParseWithLength of the same text alone: %.3f s, so the "
           "load takes %.2fx a cJSON parse\n"
           "  (the 0.25 s target, set where a load of 0.355 s was 2.2x a "
           "parse, is 1.55x a parse on any machine)\n\n",
           best_parse, best / best_parse);
    add_target("100k-SKU catalog load <= 0.25 s (scaled: <= 1.55x a cJSON "
               "parse)",
               best / best_parse <= 1.55, "%.2fx (%.3f s)",
               best / best_parse, best);
    add_target("100k-SKU catalog load peak RSS <= 100 MiB",
               peak <= 100 * 1024, "%.1f MiB", peak / 1024.0);
    add_target("100k-SKU catalog kept heap <= 25 MiB", kept <= 25 * 1024,
               "%.1f MiB", kept / 1024.0);
}

/* Contract 1.2: 20 versions of a 1,000-SKU catalog against one, each
 * loaded in a fresh process (`bench load-history`). */
static void section_history(void)
{
    const char *argv[5];
    char out[256], *res;
    size_t rlen, bytes[2], nsku;
    double secs[2];
    long before, peak[2], kept[2];
    int h;

    snprintf(out, sizeof out, "%s/history.txt", tmpdir);
    for (h = 0; h < 2; h++) {
        argv[0] = self_exe;
        argv[1] = "load-history";
        argv[2] = h ? "20" : "1";
        argv[3] = "1000";
        argv[4] = NULL;
        spawn(argv, "/dev/null", out, NULL);
        res = read_all(out, &rlen);
        if (sscanf(res, "%lf %ld %ld %ld %zu %zu", &secs[h], &before,
                   &peak[h], &kept[h], &bytes[h], &nsku) != 6)
            die("load-history: bad output");
        peak[h] -= before;
        free(res);
    }
    printf("History of 20 versions of a 1,000-SKU catalog (5 prices of its "
           "own each) against one version, fresh process:\n");
    printf("  one: %.1f KiB of JSON, load %.3f s, adds %ld KiB at peak, "
           "keeps %ld KiB\n", bytes[0] / 1024.0, secs[0], peak[0], kept[0]);
    printf("  20:  %.1f KiB of JSON, load %.3f s, adds %ld KiB at peak, "
           "keeps %ld KiB (%.2fx one)\n\n", bytes[1] / 1024.0, secs[1],
           peak[1], kept[1], (double)kept[1] / (double)kept[0]);
    add_target("20 versions of a 1,000-SKU catalog keep < 5x one",
               kept[1] < 5 * kept[0], "%.2fx",
               (double)kept[1] / (double)kept[0]);
}

static void print_targets(double t_start)
{
    int k;
    printf("Targets\n\n");
    for (k = 0; k < ntargets; k++)
        printf("  %-4s %-70s %s\n", targets[k].met ? "met" : "MISS",
               targets[k].what, targets[k].got);
    printf("\nCPU share of the best runs (single-threaded measurements): "
           "min %.2f (%s);\n"
           "1.00 = each measurement had a CPU to itself.\n",
           min_share, min_share_what);
    printf("bench ran %.0f s; load average at the end: %s\n",
           now() - t_start, loadavg());
}

/* The full benchmark; tmpdir, self_exe and pricing_exe are set. */
int bench_report(void)
{
    double t_start = now(), eff, ratio;
    run r;
    int k;

    memset(&r, 0, sizeof r);
    print_machine();
    run_init(&r);
    section_front_ends(&r);
    section_floors(&r);
    growth_skus();
    growth_tiers();
    section_load();
    section_history();
    ratio = threads_section(&r.s[S_GRAD], &r.s[S_MIXED], &eff);
    add_target("two threads >= 1.8x one thread (typed, graduated-5)",
               ratio >= 1.8, "%.2fx (per CPU second %.2f)", ratio, eff);
    print_targets(t_start);
    for (k = 0; k < S_COUNT; k++)
        free_scen(&r.s[k]);
    pricing_catalog_free(r.cat);
    return 0;
}
