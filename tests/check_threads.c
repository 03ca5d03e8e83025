/* SPDX-License-Identifier: MIT */
/* check_threads.c - one catalog and one catalog history shared by 16
 * threads, each quoting 10,000 mixed valid and invalid requests through
 * the JSON driver: every result
 * must equal the serial run's, byte for byte. Also checks a document at
 * the maximum nesting depth from a thread with a 64 KiB stack. Built with
 * -fsanitize=thread by `make check-tsan`. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing.h"

#define THREADS 16
#define PER_THREAD 10000

static const char *const requests[] = {
    "{\"spec\":\"standard\",\"sku\":{\"edition\":\"pro\",\"users\":25},"
    "\"plan\":\"month\",\"count\":3,\"start\":\"2026-01-31\"}",
    "{\"spec\":\"standard\",\"sku\":{\"edition\":\"enterprise\",\"users\":60},"
    "\"plan\":\"month\",\"trial\":true}",
    "{\"spec\":\"standard\",\"sku\":{\"edition\":\"basic\",\"users\":1000},"
    "\"plan\":\"year\",\"count\":2}",
    "{\"spec\":\"starter\",\"plan\":\"year\",\"count\":3}",
    "{\"spec\":\"onprem-license\",\"start\":\"2024-02-29\"}",
    "{\"spec\":\"standard\",\"sku\":{\"edition\":\"pro\",\"users\":1001},"
    "\"plan\":\"month\"}",
    "{\"spec\":\"standard\",\"sku\":{\"edition\":\"gold\",\"users\":1}}",
    "{\"spec\":\"nope\"}",
    "{\"spec\":\"standard\",\"spec\":\"standard\"}",
    "{\"spec\":\"starter\",\"plan\":\"month\",\"count\":2}",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{\"spec\":\"standard\",\"sku\":{\"edition\":\"pro\",\"users\":5.0}}",
    "",
    "{\"spec\":\"starter\",\"plan\":\"month\"} trailing",
};
#define NREQ (sizeof requests / sizeof requests[0])

/* Contract 1.2: requests of a catalog history (three versions, one of
 * them in two currencies), quoted by the same threads. */
static const char *const hrequests[] = {
    "{\"spec\":\"team\",\"sku\":{\"edition\":\"basic\",\"users\":5},"
    "\"plan\":\"month\",\"date\":\"2026-08-01\",\"currency\":\"EUR\"}",
    "{\"spec\":\"team\",\"sku\":{\"edition\":\"pro\",\"users\":7},"
    "\"plan\":\"year\",\"type\":\"renew\",\"current_end\":\"2026-09-01\","
    "\"date\":\"2026-09-01\",\"bought\":\"2026-02-01\"}",
    "{\"spec\":\"team\",\"sku\":{\"edition\":\"basic\",\"users\":5},"
    "\"plan\":\"month\"}",
    "{\"spec\":\"team\",\"sku\":{\"edition\":\"basic\",\"users\":5},"
    "\"plan\":\"month\",\"date\":\"2020-01-01\"}",
    "{\"spec\":\"team\",\"sku\":{\"edition\":\"basic\",\"users\":5},"
    "\"plan\":\"month\",\"currency\":\"EUR\"}",
};
#define NHREQ (sizeof hrequests / sizeof hrequests[0])

static pricing_catalog *catalog, *history;
static char *expected[NREQ + NHREQ];

static char *quote_once(pricing_quote *q, pricing_buffer *buf, size_t i)
{
    pricing_error err;
    int rc;
    pricing_error_init(&err);
    /* Valid or not, the buffer holds what the CLI would print. */
    if (i < NREQ)
        rc = pricing_quote_json(buf, catalog, requests[i],
                                strlen(requests[i]), q, 0, &err);
    else
        rc = pricing_quote_json(buf, history, hrequests[i - NREQ],
                                strlen(hrequests[i - NREQ]), q, 0, &err);
    (void)rc;
    return buf->data;
}

static void *worker(void *arg)
{
    size_t t = (size_t)arg, k;
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_quote *q = NULL;
    long bad = 0;
    if (pricing_quote_new(&q, NULL) != 0)
        return (void *)1;
    for (k = 0; k < PER_THREAD; k++) {
        size_t i = (k * 7 + t) % (NREQ + NHREQ);
        if (strcmp(quote_once(q, &buf, i), expected[i]) != 0)
            bad++;
    }
    pricing_quote_free(q);
    pricing_buffer_dispose(&buf);
    return (void *)bad;
}

/* The deepest document the strict pass lets through, from a small stack:
 * nothing in the library recurses deeper than the depth limit allows. */
static void *deep(void *arg)
{
    char text[2 * PRICING_MAX_DEPTH + 1];
    pricing_error err;
    pricing_catalog *cat = NULL;
    int i;
    (void)arg;
    for (i = 0; i < PRICING_MAX_DEPTH; i++) {
        text[i] = '[';
        text[2 * PRICING_MAX_DEPTH - 1 - i] = ']';
    }
    pricing_error_init(&err);
    if (pricing_catalog_load(&cat, text, 2 * PRICING_MAX_DEPTH, &err) == 0 ||
        err.code != PRICING_WRONG_TYPE)
        return (void *)1;
    text[PRICING_MAX_DEPTH] = '[';
    pricing_error_init(&err);
    if (pricing_catalog_load(&cat, text, PRICING_MAX_DEPTH + 1, &err) == 0 ||
        err.code != PRICING_LIMIT_EXCEEDED)
        return (void *)1;
    return NULL;
}

int main(void)
{
    pthread_t th[THREADS];
    pthread_attr_t attr;
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_quote *q = NULL;
    pricing_error err;
    char path[4096];
    void *res;
    long bad = 0;
    size_t i;

    snprintf(path, sizeof path, "%s/examples/catalog.json", SRCDIR);
    pricing_error_init(&err);
    if (pricing_catalog_load_file(&catalog, path, &err) != 0 ||
        pricing_quote_new(&q, &err) != 0) {
        fprintf(stderr, "setup: %s\n", err.message);
        return 99;
    }
    snprintf(path, sizeof path, "%s/tests/cases/history-validate/catalog.json",
             SRCDIR);
    if (pricing_catalog_load_file(&history, path, &err) != 0) {
        fprintf(stderr, "setup: %s\n", err.message);
        return 99;
    }
    for (i = 0; i < NREQ + NHREQ; i++)
        expected[i] = strdup(quote_once(q, &buf, i));
    for (i = 0; i < THREADS; i++)
        if (pthread_create(&th[i], NULL, worker, (void *)i) != 0)
            return 99;
    for (i = 0; i < THREADS; i++) {
        pthread_join(th[i], &res);
        bad += (long)res;
    }
    printf("threads: %d x %d quotes, %ld differ from the serial run\n",
           THREADS, PER_THREAD, bad);

    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    if (pthread_create(&th[0], &attr, deep, NULL) != 0)
        return 99;
    pthread_join(th[0], &res);
    printf("64 KiB stack at depth %d: %s\n", PRICING_MAX_DEPTH,
           res ? "FAILED" : "ok");

    for (i = 0; i < NREQ + NHREQ; i++)
        free(expected[i]);
    pricing_quote_free(q);
    pricing_buffer_dispose(&buf);
    pricing_catalog_free(catalog);
    pricing_catalog_free(history);
    printf("%d passed, %d failed\n", (bad == 0) + !res, (bad != 0) + !!res);
    return bad == 0 && !res ? 0 : 1;
}
