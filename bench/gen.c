/* SPDX-License-Identifier: MIT */
/* gen.c - the generated catalogs and request streams: a simple spec, a
 * custom spec of editions x regions, graduated and volume tier rules, and
 * five scenarios of requests (seeded, so every run sees the same ones). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

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

void rng_seed(uint64_t seed)
{
    rng = seed;
}

/* ---------------------------------------------------------------- catalogs */

static char ename[1000][8], rname[1000][8];

void init_names(void)
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

/* Non-zero: the version number of a history being generated; 1 SKU in
 * 200 of that version gets a price of its own (load-history). */
static unsigned price_bump;

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
            if (price_bump && i % 200 == price_bump % 200)
                base += price_bump;
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

const uint64_t tiers5[4] = {10, 100, 1000, 10000};
#define MAX5 1000000u

/* The main catalog: a simple spec, 1,000 SKUs (10 editions x 100
 * regions x users linear), a 5-tier graduated and a 5-tier volume rule
 * with flat fees. */
void main_catalog(sb *b)
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

void sku_catalog(sb *b, unsigned nedit, unsigned nreg)
{
    head(b, "skus");
    sku_spec(b, "sku", nedit, nreg, 0);
    sb_put(b, "]}");
}

/* Contract 1.2: nversions versions of sku_catalog, effective a year
 * apart, each re-pricing a few SKUs. */
void history_catalog(sb *b, unsigned nversions, unsigned nedit, unsigned nreg)
{
    unsigned v;
    sb_put(b, "{\"catalog\":\"skus\",\"versions\":[");
    for (v = 1; v <= nversions; v++) {
        sb_printf(b, "%s{\"catalog\":\"skus\",\"version\":\"v%u\","
                     "\"effective\":\"%04u-01-01\",\"currency\":\"USD\","
                     "\"specs\":[",
                  v > 1 ? "," : "", v, 2000 + v);
        price_bump = v;
        sku_spec(b, "sku", nedit, nreg, 0);
        sb_put(b, "]}");
    }
    sb_put(b, "]}");
    price_bump = 0;
}

#define TIER_WIDTH 100u

void tier_catalog(sb *b, unsigned ntiers)
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

pricing_catalog *load_catalog(const sb *text)
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

const char *const main_specs[] = {"starter", "custom", "grad5", "vol5"};
static const char *const sku_specs[] = {"sku"};
static const char *const tier_specs[] = {"grad", "vol"};
const char *const plan_names[] = {"month", "year"};
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

const char *const scen_names[S_COUNT] = {
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

/* n zeroed requests of s, against the given spec ids. */
static void scen_alloc(scen *s, const char *const *specs, int nspecs,
                       size_t n)
{
    s->specs = specs;
    s->nspecs = nspecs;
    s->n = n;
    s->reqs = xrealloc(NULL, n * sizeof *s->reqs);
    memset(s->reqs, 0, n * sizeof *s->reqs);
}

void make_scen(scen *s, int kind, size_t n)
{
    size_t i;
    s->name = scen_names[kind];
    scen_alloc(s, main_specs, 4, n);
    rng = 0x9E3779B97F4A7C15ull + (uint64_t)kind;
    for (i = 0; i < n; i++) {
        gen_one(&s->reqs[i], kind);
        req_json(&s->reqs[i], s->specs);
    }
}

/* Growth: random SKUs of an nedit x nreg spec (typed API only). */
void make_sku_scen(scen *s, unsigned nedit, unsigned nreg, size_t n)
{
    size_t i;
    scen_alloc(s, sku_specs, 1, n);
    for (i = 0; i < n; i++) {
        breq *q = &s->reqs[i];
        q->v1 = ename[below(nedit)];
        q->v2 = rname[below(nreg)];
        q->has_users = 1;
        q->users = 1 + below(1000);
        q->plan = (int)below(2);
        q->count = 1 + (unsigned)below(12);
    }
}

/* Section 3's growth row at one size: an nedit x nreg spec loaded as a
 * catalog into s->cat, and requests for random SKUs of it (seeded, so
 * `bench growth-skus` and the full run price the same stream). */
void load_sku_scen(scen *s, unsigned nedit, unsigned nreg, uint64_t seed)
{
    sb t = {0};

    sku_catalog(&t, nedit, nreg);
    memset(s, 0, sizeof *s);
    s->name = "skus";
    s->cat = load_catalog(&t);
    free(t.p);
    rng_seed(seed);
    make_sku_scen(s, nedit, nreg, 65536);
}

/* Growth: spec 0 graduated or 1 volume of ntiers; top: quantities in the
 * last tier, else uniform over 1..max. */
void make_tier_scen(scen *s, int spec, unsigned ntiers, int top, size_t n)
{
    uint64_t max = (uint64_t)ntiers * TIER_WIDTH;
    size_t i;
    scen_alloc(s, tier_specs, 2, n);
    for (i = 0; i < n; i++) {
        breq *q = &s->reqs[i];
        q->spec = spec;
        q->has_users = 1;
        q->users = top ? max - TIER_WIDTH + 1 + below(TIER_WIDTH)
                       : 1 + below(max);
        q->plan = 0;
        q->count = 1 + (unsigned)below(12);
    }
}

void free_scen(scen *s)
{
    size_t i;
    for (i = 0; i < s->n; i++)
        free(s->reqs[i].json);
    free(s->reqs);
    s->reqs = NULL;
}
