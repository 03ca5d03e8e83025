/* SPDX-License-Identifier: MIT */
/* fuzz_quote.c - the invariants of a quote written as JSON
 * (fuzz_check_quote): key order and shapes, amounts recomputed with GMP
 * rationals (fuzz_exact.c), a separate rounding and allocation, service
 * dates, and the typed accessors agreeing with the JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "fuzz_common.h"
#include "fuzz_exact.h"
#include "quote.h"

/* ---------------------------------------------------------------- quotes */

/* Walks the members of obj against keys in order; optional ones (flag
 * set) may be absent. Returns the member found for each key. */
static void ordered_members(const cJSON *obj, const char *const *keys,
                            const int *optional, const cJSON **out,
                            const char *what, const char *json)
{
    const cJSON *m = obj ? obj->child : NULL;
    int i;

    FUZZ_ASSERT(cJSON_IsObject(obj), "%s is not an object: %s", what, json);
    for (i = 0; keys[i]; i++) {
        if (m && !strcmp(m->string, keys[i])) {
            out[i] = m;
            m = m->next;
        } else {
            FUZZ_ASSERT(optional && optional[i],
                        "%s: member \"%s\" missing or out of order: %s", what,
                        keys[i], json);
            out[i] = NULL;
        }
    }
    FUZZ_ASSERT(m == NULL, "%s: unexpected member \"%s\": %s", what,
                m ? m->string : "", json);
}

typedef struct qline {
    const char *kind, *attribute, *rule, *unit_price, *flat, *exact_s,
        *amount_s;
    uint64_t tier, from, to, quantity;
    int has_to;
    mpq_t exact;
    mpz_t amount; /* minor units */
    mpq_t rem;    /* the remainder ranked by the allocation */
    mpz_t floor;
} qline;

typedef struct qblock {
    qline *l;
    size_t n;
    const char *period_s, *exact_s, *total_s;
} qblock;

static void block_free(qblock *b)
{
    size_t i;
    for (i = 0; i < b->n; i++) {
        mpq_clear(b->l[i].exact);
        mpz_clear(b->l[i].amount);
        mpq_clear(b->l[i].rem);
        mpz_clear(b->l[i].floor);
    }
    free(b->l);
}

static const qline *g_sort_lines;

/* Larger remainder first, then the earlier line. */
static int by_remainder(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int c = mpq_cmp(g_sort_lines[j].rem, g_sort_lines[i].rem);
    if (c != 0)
        return c;
    return i < j ? -1 : i > j;
}

/*
 * The largest-remainder allocation, recomputed: each value v[i] (an exact
 * amount over the whole order or one period, here v = exact / div)
 * floored to minor units, then total - sum of floors units, one each, to
 * the largest remainders. expect[i] = result x mult must equal the line's
 * amount.
 */
static void check_allocation(qline *l, size_t n, const mpq_t div,
                             const mpz_t total, const mpz_t unit_mult,
                             const mpz_t mult, const char *json)
{
    mpz_t left, want;
    mpq_t v;
    size_t *order, i;

    mpz_init_set(left, total);
    mpz_init(want);
    mpq_init(v);
    order = malloc((n ? n : 1) * sizeof *order);
    FUZZ_ASSERT(order != NULL, "harness out of memory");
    for (i = 0; i < n; i++) {
        mpq_div(v, l[i].exact, div);
        mpz_mul(mpq_numref(v), mpq_numref(v), unit_mult);
        mpq_canonicalize(v);
        mpz_fdiv_q(l[i].floor, mpq_numref(v), mpq_denref(v));
        mpq_set_z(l[i].rem, l[i].floor);
        mpq_sub(l[i].rem, v, l[i].rem);
        mpz_sub(left, left, l[i].floor);
        order[i] = i;
    }
    FUZZ_ASSERT(mpz_sgn(left) >= 0 && mpz_cmp_ui(left, (unsigned long)n) <= 0,
                "allocation: %s units left over for %zu lines: %s",
                mpz_get_str(NULL, 10, left), n, json);
    g_sort_lines = l;
    qsort(order, n, sizeof *order, by_remainder);
    for (i = 0; i < n; i++) {
        size_t k = order[i];
        mpz_set(want, l[k].floor);
        if (mpz_cmp_ui(left, (unsigned long)i) > 0)
            mpz_add_ui(want, want, 1);
        mpz_mul(want, want, mult);
        FUZZ_ASSERT(mpz_cmp(want, l[k].amount) == 0,
                    "line %zu amount %s, the largest-remainder allocation "
                    "gives %s minor units: %s",
                    k, l[k].amount_s, mpz_get_str(NULL, 10, want), json);
    }
    free(order);
    mpq_clear(v);
    mpz_clear(want);
    mpz_clear(left);
}

typedef struct qctx {
    const char *json;
    int m; /* minor units */
    const char *mode, *at;
    uint64_t count;
    const cJSON *sku;
} qctx;

static void read_line(qctx *c, const cJSON *node, qline *l)
{
    static const char *const k_fixed[] = {"kind", "quantity", "unit_price",
                                          "exact_amount", "amount", NULL};
    static const char *const k_quant[] = {"kind", "attribute", "rule",
                                          "quantity", "unit_price",
                                          "exact_amount", "amount", NULL};
    static const char *const k_tier_full[] = {
        "kind", "attribute", "rule", "tier", "from", "to", "quantity",
        "unit_price", "flat", "exact_amount", "amount", NULL};
    const cJSON *m[11], *kind;
    mpq_t unit, flat, cnt;

    FUZZ_ASSERT(cJSON_IsObject(node) && node->child &&
                    !strcmp(node->child->string, "kind") &&
                    cJSON_IsString(node->child),
                "a line without kind: %s", c->json);
    kind = node->child;
    l->kind = kind->valuestring;
    l->attribute = l->rule = l->flat = NULL;
    l->tier = l->from = l->to = 0;
    l->has_to = 0;
    mpq_init(unit);
    mpq_init(flat);
    mpq_init(cnt);
    if (!strcmp(l->kind, "fixed") || !strcmp(l->kind, "base")) {
        ordered_members(node, k_fixed, NULL, m, "line", c->json);
        l->quantity = json_u64(m[1], "quantity");
        FUZZ_ASSERT(l->quantity == 1, "a %s line of quantity %llu", l->kind,
                    (unsigned long long)l->quantity);
        l->unit_price = m[2]->valuestring;
        catalog_amount(unit, m[2], "unit_price");
        l->exact_s = m[3]->valuestring;
        l->amount_s = m[4]->valuestring;
        FUZZ_ASSERT(cJSON_IsString(m[3]) && cJSON_IsString(m[4]),
                    "amounts are strings: %s", c->json);
    } else if (!strcmp(l->kind, "quantity")) {
        ordered_members(node, k_quant, NULL, m, "line", c->json);
        FUZZ_ASSERT(cJSON_IsString(m[1]) && cJSON_IsString(m[2]) &&
                        !strcmp(m[2]->valuestring, "linear"),
                    "a quantity line is linear: %s", c->json);
        l->attribute = m[1]->valuestring;
        l->rule = m[2]->valuestring;
        l->quantity = json_u64(m[3], "quantity");
        l->unit_price = m[4]->valuestring;
        catalog_amount(unit, m[4], "unit_price");
        FUZZ_ASSERT(cJSON_IsString(m[5]) && cJSON_IsString(m[6]),
                    "amounts are strings: %s", c->json);
        l->exact_s = m[5]->valuestring;
        l->amount_s = m[6]->valuestring;
    } else {
        FUZZ_ASSERT(!strcmp(l->kind, "tier"), "unknown line kind \"%s\": %s",
                    l->kind, c->json);
        ordered_members(node, k_tier_full, NULL, m, "line", c->json);
        FUZZ_ASSERT(cJSON_IsString(m[1]) && cJSON_IsString(m[2]) &&
                        (!strcmp(m[2]->valuestring, "graduated") ||
                         !strcmp(m[2]->valuestring, "volume")),
                    "a tier line is graduated or volume: %s", c->json);
        l->attribute = m[1]->valuestring;
        l->rule = m[2]->valuestring;
        l->tier = json_u64(m[3], "tier");
        FUZZ_ASSERT(l->tier >= 1, "tier 0: %s", c->json);
        l->from = json_u64(m[4], "from");
        if (cJSON_IsNull(m[5])) {
            l->has_to = 0;
        } else {
            l->has_to = 1;
            l->to = json_u64(m[5], "to");
            FUZZ_ASSERT(l->to > l->from || (l->tier == 1 && l->to == 0),
                        "tier %llu from %llu to %llu: %s",
                        (unsigned long long)l->tier,
                        (unsigned long long)l->from,
                        (unsigned long long)l->to, c->json);
        }
        l->quantity = json_u64(m[6], "quantity");
        l->unit_price = m[7]->valuestring;
        catalog_amount(unit, m[7], "unit_price");
        l->flat = m[8]->valuestring;
        catalog_amount(flat, m[8], "flat");
        FUZZ_ASSERT(cJSON_IsString(m[9]) && cJSON_IsString(m[10]),
                    "amounts are strings: %s", c->json);
        l->exact_s = m[9]->valuestring;
        l->amount_s = m[10]->valuestring;
    }
    mpq_init(l->exact);
    mpz_init(l->amount);
    mpq_init(l->rem);
    mpz_init(l->floor);
    exact_text(l->exact, l->exact_s, "exact_amount");
    rounded_text(l->amount, l->amount_s, c->m, "amount");
    /* exact = (quantity x unit_price + flat) x count */
    q_set_u64(cnt, l->quantity);
    mpq_mul(unit, unit, cnt);
    mpq_add(unit, unit, flat);
    q_set_u64(cnt, c->count);
    mpq_mul(unit, unit, cnt);
    FUZZ_ASSERT(mpq_equal(unit, l->exact),
                "line exact_amount %s is not (%llu x %s + %s) x %llu: %s",
                l->exact_s, (unsigned long long)l->quantity, l->unit_price,
                l->flat ? l->flat : "0", (unsigned long long)c->count,
                c->json);
    mpq_clear(unit);
    mpq_clear(flat);
    mpq_clear(cnt);
}

/* The lines cover the SKU: base or fixed first, then one group per
 * quantity attribute of the SKU, in its order, shaped by its rule. */
static void check_line_structure(qctx *c, qblock *b)
{
    size_t i = 0;
    const cJSON *a;

    if (b->n > 0 && !strcmp(b->l[0].kind, "fixed")) {
        FUZZ_ASSERT(b->n == 1, "a fixed line with others: %s", c->json);
        return;
    }
    if (b->n > 0 && !strcmp(b->l[0].kind, "base"))
        i = 1;
    for (a = c->sku->child; a; a = a->next) {
        uint64_t q, sum = 0, prev_to = 0;
        size_t start = i, k;
        if (cJSON_IsString(a))
            continue;
        q = json_u64(a, "sku quantity");
        FUZZ_ASSERT(i < b->n && b->l[i].attribute &&
                        !strcmp(b->l[i].attribute, a->string),
                    "no lines for the quantity attribute \"%s\": %s",
                    a->string, c->json);
        while (i < b->n && b->l[i].attribute &&
               !strcmp(b->l[i].attribute, a->string))
            i++;
        if (!strcmp(b->l[start].rule, "linear")) {
            FUZZ_ASSERT(i == start + 1 && b->l[start].quantity == q,
                        "linear lines of %s wrong: %s", a->string, c->json);
        } else if (!strcmp(b->l[start].rule, "volume")) {
            const qline *l = &b->l[start];
            FUZZ_ASSERT(i == start + 1 && !strcmp(l->kind, "tier"),
                        "volume: one tier line for %s: %s", a->string,
                        c->json);
            FUZZ_ASSERT(l->quantity == q && (!l->has_to || q <= l->to) &&
                            (l->tier == 1 ? l->from == 0 : q > l->from),
                        "volume: %s = %llu is not in tier %llu (%llu, %llu]: "
                        "%s",
                        a->string, (unsigned long long)q,
                        (unsigned long long)l->tier,
                        (unsigned long long)l->from,
                        (unsigned long long)l->to, c->json);
        } else {
            for (k = start; k < i; k++) {
                const qline *l = &b->l[k];
                FUZZ_ASSERT(!strcmp(l->rule, "graduated") &&
                                l->tier == k - start + 1 &&
                                l->from == prev_to,
                            "graduated: tier %llu of %s out of sequence: %s",
                            (unsigned long long)l->tier, a->string, c->json);
                if (k + 1 < i) {
                    FUZZ_ASSERT(l->has_to && l->quantity == l->to - l->from,
                                "graduated: tier %llu of %s passed through "
                                "with quantity %llu: %s",
                                (unsigned long long)l->tier, a->string,
                                (unsigned long long)l->quantity, c->json);
                    prev_to = l->to;
                } else {
                    FUZZ_ASSERT((!l->has_to || l->quantity <= l->to - l->from) &&
                                    (k == start || l->quantity > 0),
                                "graduated: last tier %llu of %s holds %llu: "
                                "%s",
                                (unsigned long long)l->tier, a->string,
                                (unsigned long long)l->quantity, c->json);
                }
                sum += l->quantity;
            }
            FUZZ_ASSERT(sum == q,
                        "graduated: tiers of %s hold %llu units, not %llu: %s",
                        a->string, (unsigned long long)sum,
                        (unsigned long long)q, c->json);
        }
    }
    FUZZ_ASSERT(i == b->n, "line %zu belongs to no attribute: %s", i,
                c->json);
}

static void check_block(qctx *c, const cJSON *lines, const cJSON *period,
                        const cJSON *exact, const cJSON *total, qblock *b)
{
    const cJSON *e;
    size_t i;
    mpq_t sum_exact, ex, cnt, one;
    mpz_t sum_amount, tot, per, want, unitm, cntz, onez;

    FUZZ_ASSERT(cJSON_IsArray(lines) && cJSON_IsString(period) &&
                    cJSON_IsString(exact) && cJSON_IsString(total),
                "lines and totals of the wrong type: %s", c->json);
    b->n = (size_t)cJSON_GetArraySize(lines);
    b->l = calloc(b->n ? b->n : 1, sizeof *b->l);
    FUZZ_ASSERT(b->l != NULL, "harness out of memory");
    b->period_s = period->valuestring;
    b->exact_s = exact->valuestring;
    b->total_s = total->valuestring;
    for (e = lines->child, i = 0; e; e = e->next, i++)
        read_line(c, e, &b->l[i]);
    check_line_structure(c, b);

    mpq_init(sum_exact);
    mpq_init(ex);
    mpq_init(cnt);
    mpq_init(one);
    mpz_init(sum_amount);
    mpz_init(tot);
    mpz_init(per);
    mpz_init(want);
    mpz_init(unitm);
    mpz_init(cntz);
    mpz_init_set_ui(onez, 1);
    mpq_set_ui(one, 1, 1);
    mpz_ui_pow_ui(unitm, 10, (unsigned long)c->m);
    q_set_u64(cnt, c->count);
    mpz_set(cntz, mpq_numref(cnt));

    for (i = 0; i < b->n; i++) {
        mpq_add(sum_exact, sum_exact, b->l[i].exact);
        mpz_add(sum_amount, sum_amount, b->l[i].amount);
    }
    exact_text(ex, b->exact_s, "exact_total");
    rounded_text(tot, b->total_s, c->m, "total");
    rounded_text(per, b->period_s, c->m, "period_total");
    FUZZ_ASSERT(mpq_equal(ex, sum_exact),
                "exact_total %s is not the sum of the exact line amounts: %s",
                b->exact_s, c->json);
    FUZZ_ASSERT(mpz_cmp(tot, sum_amount) == 0,
                "total %s is not the sum of the line amounts: %s", b->total_s,
                c->json);

    if (!strcmp(c->at, "line")) {
        mpz_set_ui(sum_amount, 0);
        for (i = 0; i < b->n; i++) {
            mpq_set(ex, b->l[i].exact);
            mpz_mul(mpq_numref(ex), mpq_numref(ex), unitm);
            mpq_canonicalize(ex);
            round_q(want, ex, c->mode);
            FUZZ_ASSERT(mpz_cmp(want, b->l[i].amount) == 0,
                        "at line: line %zu amount %s is not the rounding of "
                        "%s: %s",
                        i, b->l[i].amount_s, b->l[i].exact_s, c->json);
            mpq_div(ex, ex, cnt);
            round_q(want, ex, c->mode);
            mpz_add(sum_amount, sum_amount, want);
        }
        FUZZ_ASSERT(mpz_cmp(per, sum_amount) == 0,
                    "at line: period_total %s is not the sum of the rounded "
                    "line amounts of one period: %s",
                    b->period_s, c->json);
    } else {
        /* period_total = round(exact of one period) */
        mpq_div(ex, sum_exact, cnt);
        mpz_mul(mpq_numref(ex), mpq_numref(ex), unitm);
        mpq_canonicalize(ex);
        round_q(want, ex, c->mode);
        FUZZ_ASSERT(mpz_cmp(per, want) == 0,
                    "period_total %s is not round(exact_total / count) = %s "
                    "minor units (%s): %s",
                    b->period_s, mpz_get_str(NULL, 10, want), c->mode, c->json);
        if (!strcmp(c->at, "total")) {
            mpq_set(ex, sum_exact);
            mpz_mul(mpq_numref(ex), mpq_numref(ex), unitm);
            mpq_canonicalize(ex);
            round_q(want, ex, c->mode);
            FUZZ_ASSERT(mpz_cmp(tot, want) == 0,
                        "total %s is not round(exact_total %s) = %s minor "
                        "units (%s): %s",
                        b->total_s, b->exact_s, mpz_get_str(NULL, 10, want),
                        c->mode, c->json);
            check_allocation(b->l, b->n, one, tot, unitm, onez, c->json);
        } else {
            FUZZ_ASSERT(!strcmp(c->at, "period"), "unknown at %s", c->at);
            mpz_mul(want, per, cntz);
            FUZZ_ASSERT(mpz_cmp(tot, want) == 0,
                        "at period: total %s is not period_total %s x %llu: %s",
                        b->total_s, b->period_s, (unsigned long long)c->count,
                        c->json);
            check_allocation(b->l, b->n, cnt, per, unitm, cntz, c->json);
        }
    }
    mpq_clear(sum_exact);
    mpq_clear(ex);
    mpq_clear(cnt);
    mpq_clear(one);
    mpz_clear(sum_amount);
    mpz_clear(tot);
    mpz_clear(per);
    mpz_clear(want);
    mpz_clear(unitm);
    mpz_clear(cntz);
    mpz_clear(onez);
}

static int streq_null(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* The typed accessors agree with the JSON. */
static void check_typed(qctx *c, pricing_quote *q, const qblock *b,
                        int trial, const char *zero_s, const char *top_total,
                        const char *top_period)
{
    pricing_error e;
    pricing_line pl;
    size_t i;
    mpq_t got, want;
    const char *s;

    FUZZ_ASSERT(!!pricing_quote_is_trial(q) == !!trial, "is_trial differs");
    s = pricing_quote_total(q);
    FUZZ_ASSERT(s && !strcmp(s, top_total),
                "pricing_quote_total \"%s\", JSON \"%s\"", s ? s : "(null)",
                top_total);
    s = pricing_quote_period_total(q);
    FUZZ_ASSERT(s && !strcmp(s, top_period),
                "pricing_quote_period_total \"%s\", JSON \"%s\"",
                s ? s : "(null)", top_period);
    s = pricing_quote_exact_total(q);
    FUZZ_ASSERT(s && !strcmp(s, trial ? "0" : b->exact_s),
                "pricing_quote_exact_total \"%s\"", s ? s : "(null)");
    s = pricing_quote_after_trial_total(q);
    FUZZ_ASSERT(s && !strcmp(s, b->total_s),
                "pricing_quote_after_trial_total \"%s\", JSON \"%s\"",
                s ? s : "(null)", b->total_s);
    (void)zero_s;
    FUZZ_ASSERT(pricing_quote_line_count(q) == b->n,
                "pricing_quote_line_count %zu, JSON %zu lines",
                pricing_quote_line_count(q), b->n);
    for (i = 0; i < b->n; i++) {
        const qline *l = &b->l[i];
        int tier = !strcmp(l->kind, "tier");
        pricing_error_init(&e);
        FUZZ_ASSERT(pricing_quote_line(&pl, q, i, &e) == 0,
                    "pricing_quote_line %zu: %s", i, e.message);
        FUZZ_ASSERT(streq_null(pl.kind, l->kind) &&
                        streq_null(pl.attribute, l->attribute) &&
                        streq_null(pl.rule, l->rule) &&
                        pl.tier == (tier ? l->tier : 0) &&
                        pl.from == (tier ? l->from : 0) &&
                        pl.has_to == (tier && l->has_to) &&
                        pl.to == (tier && l->has_to ? l->to : 0) &&
                        pl.quantity == l->quantity &&
                        streq_null(pl.unit_price, l->unit_price) &&
                        streq_null(pl.flat, l->flat) &&
                        streq_null(pl.exact_amount, l->exact_s) &&
                        streq_null(pl.amount, l->amount_s),
                    "pricing_quote_line %zu differs from the JSON line "
                    "(amount \"%s\" vs \"%s\", exact \"%s\" vs \"%s\"): %s",
                    i, pl.amount ? pl.amount : "(null)", l->amount_s,
                    pl.exact_amount ? pl.exact_amount : "(null)", l->exact_s,
                    c->json);
    }
    pricing_error_init(&e);
    FUZZ_ASSERT(pricing_quote_line(&pl, q, b->n, &e) ==
                        -PRICING_INVALID_ARGUMENT &&
                    e.code == PRICING_INVALID_ARGUMENT,
                "pricing_quote_line past the end is not invalid_argument");
    mpq_init(got);
    mpq_init(want);
    pricing_quote_total_mpq(got, q);
    dec_to_q(want, top_total);
    FUZZ_ASSERT(mpq_equal(got, want), "pricing_quote_total_mpq differs");
    pricing_quote_exact_total_mpq(got, q);
    dec_to_q(want, trial ? "0" : b->exact_s);
    FUZZ_ASSERT(mpq_equal(got, want), "pricing_quote_exact_total_mpq differs");
    mpq_clear(got);
    mpq_clear(want);
}

static int known_name(const char *s, const char *const *names)
{
    int i;
    for (i = 0; names[i]; i++)
        if (!strcmp(s, names[i]))
            return 1;
    return 0;
}

cJSON *fuzz_check_quote(const char *json, size_t n, pricing_quote *quote)
{
    static const char *const keys[] = {
        "catalog", "version", "spec",     "sku",       "plan",
        "count",   "currency", "lines",   "period_total", "exact_total",
        "total",   "rounding", "trial",   "trial_days", "after_trial",
        "service", NULL};
    static const int optional[] = {0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
                                   0, 0, 1, 1, 1, 1};
    enum { CATALOG, VERSION, SPEC, SKU, PLAN, COUNT, CURRENCY, LINES, PERIOD,
           EXACT, TOTAL, ROUNDING, TRIAL, TRIAL_DAYS, AFTER, SERVICE };
    static const char *const rkeys[] = {"mode", "at", NULL};
    static const char *const akeys[] = {"lines", "period_total", "exact_total",
                                        "total", NULL};
    static const char *const skeys[] = {"start", "end", NULL};
    static const int sopt[] = {0, 1};
    static const char *const modes[] = {"half_up", "half_even", "half_down",
                                        "up",      "down",      "ceiling",
                                        "floor",   NULL};
    static const char *const ats[] = {"total", "period", "line", NULL};
    static const char *const plans[] = {"month", "year", "one_time", NULL};
    const cJSON *m[16], *r[2], *a[4], *sv[2], *x;
    cJSON *root;
    qctx c;
    qblock b;
    int trial, frac;
    const char *cur;

    fuzz_check_output_json(json, n, 0, "quote JSON");
    /* The writer reserves this bound once and then writes unchecked. */
    FUZZ_ASSERT(n <= pricing__quote_json_bound(quote),
                "the quote's %zu bytes pass its reserved bound %zu: %s", n,
                pricing__quote_json_bound(quote), json);
    root = cJSON_ParseWithLength(json, n);
    FUZZ_ASSERT(root != NULL, "cJSON cannot read the quote: %s", json);
    ordered_members(root, keys, optional, m, "quote", json);
    c.json = json;
    FUZZ_ASSERT(cJSON_IsString(m[CATALOG]) && m[CATALOG]->valuestring[0],
                "catalog id: %s", json);
    FUZZ_ASSERT(!m[VERSION] || cJSON_IsString(m[VERSION]), "version: %s",
                json);
    FUZZ_ASSERT(cJSON_IsString(m[SPEC]) && m[SPEC]->valuestring[0],
                "spec id: %s", json);
    FUZZ_ASSERT(cJSON_IsObject(m[SKU]), "sku: %s", json);
    for (x = m[SKU]->child; x; x = x->next)
        FUZZ_ASSERT(cJSON_IsString(x) || cJSON_IsNumber(x),
                    "sku member %s: %s", x->string, json);
    c.sku = m[SKU];
    FUZZ_ASSERT(cJSON_IsString(m[PLAN]) && known_name(m[PLAN]->valuestring, plans),
                "plan: %s", json);
    c.count = json_u64(m[COUNT], "count");
    FUZZ_ASSERT(c.count >= 1 && c.count <= PRICING_MAX_COUNT &&
                    (strcmp(m[PLAN]->valuestring, "one_time") || c.count == 1),
                "count %llu for plan %s", (unsigned long long)c.count,
                m[PLAN]->valuestring);
    FUZZ_ASSERT(cJSON_IsString(m[CURRENCY]), "currency: %s", json);
    cur = m[CURRENCY]->valuestring;
    FUZZ_ASSERT(strlen(cur) == 3 && cur[0] >= 'A' && cur[0] <= 'Z' &&
                    cur[1] >= 'A' && cur[1] <= 'Z' && cur[2] >= 'A' &&
                    cur[2] <= 'Z',
                "currency \"%s\"", cur);
    ordered_members(m[ROUNDING], rkeys, NULL, r, "rounding", json);
    FUZZ_ASSERT(cJSON_IsString(r[0]) && known_name(r[0]->valuestring, modes) &&
                    cJSON_IsString(r[1]) && known_name(r[1]->valuestring, ats),
                "rounding: %s", json);
    c.mode = r[0]->valuestring;
    c.at = r[1]->valuestring;
    trial = m[TRIAL] != NULL;
    FUZZ_ASSERT(trial == (m[TRIAL_DAYS] != NULL) && trial == (m[AFTER] != NULL),
                "trial members come together: %s", json);
    FUZZ_ASSERT(cJSON_IsString(m[TOTAL]) &&
                    dec_grammar(m[TOTAL]->valuestring, &frac),
                "total: %s", json);
    memset(&b, 0, sizeof b);
    if (trial) {
        uint64_t days;
        char zero[40];
        FUZZ_ASSERT(cJSON_IsTrue(m[TRIAL]), "trial is true: %s", json);
        FUZZ_ASSERT(strcmp(m[PLAN]->valuestring, "one_time") != 0,
                    "a one_time trial: %s", json);
        days = json_u64(m[TRIAL_DAYS], "trial_days");
        FUZZ_ASSERT(days >= 1, "trial_days 0");
        ordered_members(m[AFTER], akeys, NULL, a, "after_trial", json);
        FUZZ_ASSERT(cJSON_IsString(a[3]) && dec_grammar(a[3]->valuestring, &frac),
                    "after_trial total: %s", json);
        c.m = frac;
        FUZZ_ASSERT(c.m <= 18, "minor units %d", c.m);
        strcpy(zero, "0");
        if (c.m > 0) {
            zero[1] = '.';
            memset(zero + 2, '0', (size_t)c.m);
            zero[2 + c.m] = '\0';
        }
        FUZZ_ASSERT(cJSON_IsArray(m[LINES]) && !m[LINES]->child &&
                        cJSON_IsString(m[PERIOD]) &&
                        !strcmp(m[PERIOD]->valuestring, zero) &&
                        cJSON_IsString(m[EXACT]) &&
                        !strcmp(m[EXACT]->valuestring, "0") &&
                        !strcmp(m[TOTAL]->valuestring, zero),
                    "a trial quote has no lines and zero totals (%s): %s", zero,
                    json);
        check_block(&c, a[0], a[1], a[2], a[3], &b);
        if (quote)
            check_typed(&c, quote, &b, 1, zero, zero, zero);
    } else {
        c.m = frac;
        FUZZ_ASSERT(c.m <= 18, "minor units %d", c.m);
        check_block(&c, m[LINES], m[PERIOD], m[EXACT], m[TOTAL], &b);
        if (quote)
            check_typed(&c, quote, &b, 0, NULL, b.total_s, b.period_s);
    }
    if (m[SERVICE]) {
        fdate start, end, want = {0, 0, 0};
        int rc;
        ordered_members(m[SERVICE], skeys, sopt, sv, "service", json);
        FUZZ_ASSERT(cJSON_IsString(sv[0]) &&
                        fdate_parse(&start, sv[0]->valuestring) == 0,
                    "service start: %s", json);
        if (!strcmp(m[PLAN]->valuestring, "one_time")) {
            FUZZ_ASSERT(!sv[1], "a one_time service has no end: %s", json);
        } else {
            FUZZ_ASSERT(sv[1] && cJSON_IsString(sv[1]) &&
                            fdate_parse(&end, sv[1]->valuestring) == 0,
                        "service end: %s", json);
            if (trial)
                rc = fdate_add_days(&want, &start,
                                    json_u64(m[TRIAL_DAYS], "trial_days"));
            else
                rc = fdate_add_months(&want, &start,
                                      c.count * (strcmp(m[PLAN]->valuestring,
                                                        "year")
                                                     ? 1
                                                     : 12));
            FUZZ_ASSERT(rc == 0 && want.y == end.y && want.m == end.m &&
                            want.d == end.d,
                        "service end %s, expected %04ld-%02ld-%02ld%s: %s",
                        sv[1]->valuestring, want.y, want.m, want.d,
                        rc ? " (past 9999-12-31)" : "", json);
        }
    }
    block_free(&b);
    return root;
}

