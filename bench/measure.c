/* SPDX-License-Identifier: MIT */
/* measure.c - how figures are taken: the monotonic clock, best-of-3
 * runs, child processes timed end to end, peak RSS of a fresh process,
 * and one against two threads. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>

#include <cjson/cJSON.h>

#endif

#include <cjson/cJSON.h>

#include "bench.h"

double min_time = 0.3;
char tmpdir[64];

double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
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

/* KiB of heap in use (glibc), or -1 where unknown: the chunks of the
 * heap and those malloc maps apart (large blocks: a catalog's SKU
 * table), which uordblks alone leaves out. */
static long heap_kib(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    struct mallinfo2 mi = mallinfo2();
    return (long)((mi.uordblks + mi.hblkhd) / 1024);
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

/* ---------------------------------------------------------------- timing */

/* The smallest share of a CPU that a best run got (CPU seconds per wall
 * second of the measured process or child): 1.00 means the measurement
 * had a CPU to itself; less, that the machine was busy elsewhere. */
double min_share = 1e9;
const char *min_share_what = "";

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
double measure_named(work_fn f, void *arg, const char *what)
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


static double last_spawn_cpu; /* CPU seconds of the last child */

/* Runs argv with stdin from in and stdout to out; wall seconds. */
double spawn(const char *const *argv, const char *in, const char *out,
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

void write_lines(const char *path, const scen *s, size_t n)
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

/* Lines per second of two filters over the same generated file, end to
 * end: *ra of a, *rb of b. Their runs alternate (a b a b ...), the best
 * of 5 each, so that a change in the machine's speed (a shared VM's
 * neighbours come and go within seconds) reaches both and not only the
 * one measured second. The file is sized for a to run min_time. */
void measure_spawn_pair(const char *const *a, const char *const *b,
                        const scen *s, double *ra, double *rb)
{
    char path[128];
    size_t n = 2000;
    double t, share_a = 0, share_b = 0;
    int run;

    snprintf(path, sizeof path, "%s/lines.jsonl", tmpdir);
    for (;;) {
        write_lines(path, s, n);
        t = spawn(a, path, "/dev/null", NULL);
        if (t >= min_time)
            break;
        n = (size_t)((double)n * min_time * 1.4 / t) + 1000;
    }
    *ra = *rb = 0;
    for (run = 0; run < 5; run++) {
        t = spawn(a, path, "/dev/null", NULL);
        if ((double)n / t > *ra) {
            *ra = (double)n / t;
            share_a = last_spawn_cpu / t;
        }
        t = spawn(b, path, "/dev/null", NULL);
        if ((double)n / t > *rb) {
            *rb = (double)n / t;
            share_b = last_spawn_cpu / t;
        }
    }
    note_share(share_a, a[1]);
    note_share(share_b, b[1]);
    unlink(path);
}

/* Loads a generated nskus-SKU catalog, or a history of nversions
 * versions of one (contract 1.2) when nversions > 0, and prints: seconds,
 * peak RSS before and after (KiB), heap in use by the loaded catalog
 * (KiB), bytes, SKUs (over all versions). */
static int load_report(unsigned nversions, unsigned nskus)
{
    unsigned nedit = nskus >= 100 ? 100 : 1, nreg = nskus / nedit;
    sb text = {0};
    pricing_catalog *cat;
    long rss0, rss1, cur, heap0;
    double t0, t1;
    size_t skus;

    init_names();
    heap0 = heap_kib();
    if (nversions > 0)
        history_catalog(&text, nversions, nedit, nreg);
    else
        sku_catalog(&text, nedit, nreg);
    rss0 = maxrss_kib();
    t0 = now();
    cat = load_catalog(&text);
    t1 = now();
    rss1 = maxrss_kib();
    free(text.p);
    cur = heap_kib();
    cur = cur >= 0 ? cur - heap0 : rss_now_kib();
    skus = pricing_catalog_sku_count(cat);
    if (nversions > 0)
        skus *= pricing_catalog_version_count(cat);
    printf("%.6f %ld %ld %ld %zu %zu\n", t1 - t0, rss0, rss1, cur, text.n,
           skus);
    pricing_catalog_free(cat);
    return 0;
}

int load_main(unsigned nskus)
{
    return load_report(0, nskus);
}

int load_history_main(unsigned nversions, unsigned nskus)
{
    return load_report(nversions, nskus);
}

/* The text load_main loads, through cJSON_ParseWithLength alone, in a
 * fresh process as load_main is (a reused heap would spare the parse its
 * page faults): prints seconds, peak RSS before and after (KiB). The
 * load's time as a ratio to this one is what compares across machines. */
int parse_catalog_main(unsigned nskus)
{
    unsigned nedit = nskus >= 100 ? 100 : 1, nreg = nskus / nedit;
    sb text = {0};
    cJSON *root;
    long rss0, rss1;
    double t0, t1;

    init_names();
    sku_catalog(&text, nedit, nreg);
    rss0 = maxrss_kib();
    t0 = now();
    root = cJSON_ParseWithLength(text.p, text.n);
    t1 = now();
    rss1 = maxrss_kib();
    if (!root)
        die("cJSON_ParseWithLength failed");
    cJSON_Delete(root);
    free(text.p);
    printf("%.6f %ld %ld\n", t1 - t0, rss0, rss1);
    return 0;
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
 * and quote. */
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
void measure_threads(const scen *s, work_fn f, trun *one, trun *two)
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

