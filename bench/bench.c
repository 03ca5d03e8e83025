/* SPDX-License-Identifier: MIT */
/* bench.c - libpricing throughput, floors, growth and scaling in one run.
 *
 *   bench [BUILDDIR]                 the full benchmark (docs/performance.md)
 *   bench floor-a QUOTES < lines     I/O floor: cJSON-parse each line, write
 *                                    the precomputed quote QUOTES holds for it
 *   bench load-history NVERSIONS NSKUS  load a history of NVERSIONS versions
 *                                    of an NSKUS catalog (contract 1.2)
 *   bench load-catalog NSKUS         load a generated NSKUS catalog, report
 *                                    seconds and peak RSS (run in a fresh
 *                                    process by the full benchmark)
 *   bench parse-catalog NSKUS        the same text through cJSON_ParseWithLength
 *                                    alone, in a fresh process: seconds, peak
 *                                    RSS (the load's reference in one run)
 *   bench gen-catalog                the benchmark's catalog on stdout
 *   bench gen-lines N [SCENARIO]     N request lines of a scenario on stdout
 *                                    (simple, custom-1k, graduated-5,
 *                                    volume-5-flat, mixed: the default)
 *   bench run typed|json SCENARIO N  N quotes in process, untimed: a fixed
 *                                    workload for a profiler (callgrind)
 *   bench threads                    section 4 alone (threads)
 *   bench growth-skus [N [SKUS]]     the SKU row of section 3 alone (typed
 *                                    API at 10, 1,000 and 100,000 SKUs); with
 *                                    N, only N untimed quotes at 100,000 SKUs
 *                                    (cachegrind: misses a quote), or at SKUS
 *                                    (10, 1000 or 100000: CPU time a quote)
 *
 * BUILDDIR (or $PRICING_BUILDDIR, else ".") is where `pricing` was built.
 * $BENCH_MIN_TIME (seconds, default 0.3) is the shortest run of each
 * measurement; each figure is the best of 3 such runs. Everything is
 * generated in memory or in a temporary directory that is removed at exit.
 *
 * This file holds main and the single-purpose modes; bench.h says which
 * file holds the rest.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"

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

static int scen_kind(const char *name)
{
    int k;
    for (k = 0; k < S_COUNT; k++)
        if (strcmp(name, scen_names[k]) == 0)
            return k;
    die("unknown scenario %s", name);
    return -1;
}

/* The full benchmark: finds itself and `pricing`, makes the temporary
 * directory, then runs report.c. */
static int full_main(const char *builddir)
{
    ssize_t n = readlink("/proc/self/exe", self_exe, sizeof self_exe - 1);
    if (n <= 0)
        die("cannot find my own executable");
    self_exe[n] = '\0';
    find_pricing(builddir);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/pricing-bench-XXXXXX");
    if (!mkdtemp(tmpdir))
        die("mkdtemp: %s", strerror(errno));
    atexit(cleanup);
    init_names();
    return bench_report();
}

static int gen_catalog_main(void)
{
    sb t = {0};
    init_names();
    main_catalog(&t);
    fwrite(t.p, 1, t.n, stdout);
    free(t.p);
    return fflush(stdout) ? 3 : 0;
}

static int gen_lines_main(long long n, const char *scenario)
{
    scen g;
    long long i;
    static char obuf[1 << 16];
    init_names();
    memset(&g, 0, sizeof g);
    make_scen(&g, scenario ? scen_kind(scenario) : S_MIXED, NREQ);
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    for (i = 0; i < n; i++) {
        const breq *q = &g.reqs[i % (long long)g.n];
        fwrite(q->json, 1, q->len, stdout);
        putchar('\n');
    }
    free_scen(&g);
    return fflush(stdout) ? 3 : 0;
}

static int threads_main(void)
{
    scen g, m;
    sb t = {0};
    double eff;
    init_names();
    main_catalog(&t);
    make_scen(&g, S_GRAD, NREQ);
    make_scen(&m, S_MIXED, NREQ);
    g.cat = m.cat = load_catalog(&t);
    free(t.p);
    threads_section(&g, &m, &eff);
    free_scen(&g);
    free_scen(&m);
    pricing_catalog_free(g.cat);
    return 0;
}

/* `bench run`: a fixed untimed workload, for callgrind. */
static int run_main(int json, const char *scenario, long long n)
{
    scen g;
    ctx c;
    sb t = {0};
    init_names();
    main_catalog(&t);
    memset(&g, 0, sizeof g);
    g.cat = load_catalog(&t);
    free(t.p);
    make_scen(&g, scen_kind(scenario), NREQ);
    ctx_init(&c, &g, 0);
    (json ? w_json : w_typed)(&c, (size_t)n);
    printf("%lld quotes, %zu rejected\n", n, c.failed);
    ctx_dispose(&c);
    free_scen(&g);
    pricing_catalog_free(g.cat);
    return 0;
}

/* `bench growth-skus`: the per-quote time at 10, 1,000 and 100,000 SKUs
 * (the requests of section 3); with n > 0, n quotes untimed at size
 * (one of the three, 100,000 when 0). */
static int growth_skus_main(long long n, long size)
{
    static const unsigned skus[3][2] = {{2, 5}, {10, 100}, {100, 1000}};
    double per[3];
    int i, only = size == 10 ? 0 : size == 1000 ? 1 : 2;

    if (size != 0 && size != 10 && size != 1000 && size != 100000)
        die("usage: bench growth-skus [N [10|1000|100000]]");
    init_names();
    for (i = n > 0 ? only : 0; i < (n > 0 ? only + 1 : 3); i++) {
        scen g;
        ctx c;
        load_sku_scen(&g, skus[i][0], skus[i][1], 12345 + (uint64_t)i);
        ctx_init(&c, &g, 0);
        if (n > 0)
            w_typed(&c, (size_t)n);
        else
            per[i] = 1e9 / measure(w_typed, &c);
        ctx_dispose(&c);
        pricing_catalog_free(g.cat);
        free_scen(&g);
    }
    if (n > 0) {
        printf("%lld quotes at %u SKUs\n", n, skus[only][0] * skus[only][1]);
        return 0;
    }
    printf("linear users, random SKU: 10 SKUs %.0f ns, 1,000 %.0f ns, "
           "100,000 %.0f ns; 100k / 10: %.2fx\n",
           per[0], per[1], per[2], per[2] / per[0]);
    return 0;
}

int main(int argc, char **argv)
{
    const char *env = getenv("BENCH_MIN_TIME");
    const char *dir = getenv("PRICING_BUILDDIR");
    const char *mode = argc >= 2 ? argv[1] : "";

    if (env && atof(env) > 0)
        min_time = atof(env);
    if (strcmp(mode, "floor-a") == 0) {
        if (argc != 3)
            die("usage: bench floor-a QUOTES < lines");
        return floor_a_main(argv[2]);
    }
    if (strcmp(mode, "load-catalog") == 0) {
        if (argc != 3 || atoi(argv[2]) < 1)
            die("usage: bench load-catalog NSKUS");
        return load_main((unsigned)atoi(argv[2]));
    }
    if (strcmp(mode, "parse-catalog") == 0) {
        if (argc != 3 || atoi(argv[2]) < 1)
            die("usage: bench parse-catalog NSKUS");
        return parse_catalog_main((unsigned)atoi(argv[2]));
    }
    if (strcmp(mode, "load-history") == 0) {
        if (argc != 4 || atoi(argv[2]) < 1 || atoi(argv[3]) < 1)
            die("usage: bench load-history NVERSIONS NSKUS");
        return load_history_main((unsigned)atoi(argv[2]),
                                 (unsigned)atoi(argv[3]));
    }
    if (strcmp(mode, "gen-catalog") == 0)
        return gen_catalog_main();
    if (strcmp(mode, "gen-lines") == 0) {
        long long n = argc >= 3 ? atoll(argv[2]) : 0;
        if (n < 1 || argc > 4)
            die("usage: bench gen-lines N [SCENARIO]");
        return gen_lines_main(n, argc == 4 ? argv[3] : NULL);
    }
    if (argc == 2 && strcmp(mode, "threads") == 0)
        return threads_main();
    if (strcmp(mode, "growth-skus") == 0)
        return growth_skus_main(argc >= 3 ? atoll(argv[2]) : 0,
                                argc == 4 ? atol(argv[3]) : 0);
    if (strcmp(mode, "run") == 0) {
        long long n = argc == 5 ? atoll(argv[4]) : 0;
        int json = argc == 5 && strcmp(argv[2], "json") == 0;
        if (n < 1 || (!json && strcmp(argv[2], "typed") != 0))
            die("usage: bench run typed|json SCENARIO N");
        return run_main(json, argv[3], n);
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fputs("usage: bench [BUILDDIR]   (see the comment at the top of "
              "bench/bench.c)\n",
              stderr);
        return 2;
    }
    return full_main(argc == 2 ? argv[1] : dir ? dir : ".");
}
