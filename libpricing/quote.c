/* quote.c - pricing a request: lines, exact totals, rounding. */
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "memory.h"
#include "quote.h"
#include "request.h"

int pricing_quote_new(pricing_quote **out, pricing_error *err)
{
    pricing_quote *q;
    if (out)
        *out = NULL;
    if (!out)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_new: NULL argument");
    q = calloc(1, sizeof *q);
    if (!q)
        return pricing__nomem(err);
    mpz_init(q->period_exact);
    mpz_init(q->period_total);
    mpz_init(q->exact_total);
    mpz_init(q->total);
    mpz_init(q->tmp);
    *out = q;
    return 0;
}

void pricing_quote_free(pricing_quote *q)
{
    size_t i;
    if (!q)
        return;
    for (i = 0; i < q->lines_cap; i++) {
        mpz_clear(q->lines[i].period);
        mpz_clear(q->lines[i].exact);
        mpz_clear(q->lines[i].amount);
        mpz_clear(q->lines[i].scratch);
    }
    free(q->lines);
    free(q->order);
    mpz_clear(q->period_exact);
    mpz_clear(q->period_total);
    mpz_clear(q->exact_total);
    mpz_clear(q->total);
    mpz_clear(q->tmp);
    free(q->text);
    free(q);
}

/* A new line at the end, its numbers zero; NULL when out of memory. */
static pricing__qline *add_line(pricing_quote *q, pricing__line_kind kind)
{
    pricing__qline *l;
    if (q->nlines == q->lines_cap) {
        size_t cap = q->lines_cap, i;
        void *p = q->lines;
        if (pricing__grow(&p, &cap, q->nlines + 1, sizeof *q->lines) != 0)
            return NULL;
        q->lines = p;
        for (i = q->lines_cap; i < cap; i++) {
            mpz_init(q->lines[i].period);
            mpz_init(q->lines[i].exact);
            mpz_init(q->lines[i].amount);
            mpz_init(q->lines[i].scratch);
        }
        q->lines_cap = cap;
    }
    l = &q->lines[q->nlines++];
    l->kind = kind;
    l->attr = NULL;
    l->tier = 0;
    l->from = l->to = 0;
    l->has_to = 0;
    l->quantity = 1;
    l->unit_price = NULL;
    l->flat = NULL;
    return l;
}

/* The first tier whose up_to is at least qty (the last one otherwise). */
static size_t find_tier(const pricing__rule *r, uint64_t qty)
{
    size_t lo = 0, hi = r->ntiers - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->tiers[mid].up_to >= qty)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static pricing__qline *tier_line(pricing_quote *q, const pricing__attr *at,
                                 const pricing__rule *r, size_t k,
                                 uint64_t units)
{
    const pricing__tier *t = &r->tiers[k];
    pricing__qline *l = add_line(q, PRICING__LINE_TIER);
    if (!l)
        return NULL;
    l->attr = at;
    l->rule = r->kind;
    l->tier = (uint32_t)k + 1;
    l->from = t->from;
    l->to = t->up_to;
    l->has_to = t->bounded;
    l->quantity = units;
    l->unit_price = t->unit.text;
    l->flat = t->flat.text;
    /* units x unit + flat */
    pricing__mpz_set_u64(l->period, units);
    mpz_mul(l->period, l->period, t->unit.v);
    mpz_add(l->period, l->period, t->flat.v);
    return l;
}

static int rule_lines(pricing_quote *q, const pricing__attr *at,
                      const pricing__rule *r, uint64_t qty)
{
    pricing__qline *l;
    size_t k, j;

    if (r->kind == PRICING__LINEAR) {
        if (!(l = add_line(q, PRICING__LINE_QUANTITY)))
            return -1;
        l->attr = at;
        l->rule = PRICING__LINEAR;
        l->quantity = qty;
        l->unit_price = r->linear.text;
        pricing__mpz_set_u64(l->period, qty);
        mpz_mul(l->period, l->period, r->linear.v);
        return 0;
    }
    k = find_tier(r, qty);
    if (r->kind == PRICING__VOLUME)
        return tier_line(q, at, r, k, qty) ? 0 : -1;
    /* Graduated: the tiers below were passed through whole (their amounts
     * are precomputed), the tier reached holds the rest. */
    for (j = 0; j < k; j++) {
        const pricing__tier *t = &r->tiers[j];
        if (!(l = tier_line(q, at, r, j, 0)))
            return -1;
        l->quantity = t->up_to - t->from;
        mpz_set(l->period, t->full);
    }
    return tier_line(q, at, r, k, qty - r->tiers[k].from) ? 0 : -1;
}

/* Lines of one period of charge ch. */
static int charge_lines(pricing_quote *q, const pricing__charge *ch)
{
    const pricing__spec *spec = q->spec;
    pricing__qline *l;
    size_t i;

    if (ch->fixed || ch->has_base) {
        if (!(l = add_line(q, ch->fixed ? PRICING__LINE_FIXED
                                        : PRICING__LINE_BASE)))
            return -1;
        l->unit_price = ch->amount.text;
        mpz_set(l->period, ch->amount.v);
    }
    if (ch->fixed)
        return 0;
    for (i = 0; i < spec->nattrs; i++) {
        const pricing__attr *at = &spec->attrs[i];
        if (!at->is_enum &&
            rule_lines(q, at, &ch->rules[at->qord], q->quantity[i]) != 0)
            return -1;
    }
    return 0;
}

/* Does line i come before line j: larger remainder, then earlier. */
static int before(const pricing_quote *q, size_t i, size_t j)
{
    int c = mpz_cmp(q->lines[i].scratch, q->lines[j].scratch);
    return c > 0 || (c == 0 && i < j);
}

/* A stable bottom-up merge sort of the line numbers by remainder (qsort
 * has no context argument in C99); order holds 2n entries, the second
 * half is scratch. O(n log n) whatever the remainders. */
static size_t *rank(pricing_quote *q, size_t n)
{
    size_t *a = q->order, *b = q->order + n, *t, i, w;
    for (i = 0; i < n; i++)
        a[i] = i;
    for (w = 1; w < n; w *= 2) {
        for (i = 0; i < n; i += 2 * w) {
            size_t lo = i, mid = i + w < n ? i + w : n;
            size_t hi = i + 2 * w < n ? i + 2 * w : n, x = lo, y = mid, k = lo;
            while (x < mid && y < hi)
                b[k++] = before(q, a[y], a[x]) ? a[y++] : a[x++];
            while (x < mid)
                b[k++] = a[x++];
            while (y < hi)
                b[k++] = a[y++];
        }
        t = a;
        a = b;
        b = t;
    }
    return a;
}

/*
 * Largest remainder: each line's value (period or exact, chosen by
 * use_period) cut down to whole minor units, then the units left to reach
 * total go one each to the largest remainders, ties to the earliest.
 * Results land in each line's amount (minor units).
 */
static int allocate(pricing_quote *q, int use_period, const mpz_t total)
{
    const pricing_catalog *cat = q->cat;
    size_t i, n = q->nlines, *order;
    long left;

    mpz_set(q->tmp, total);
    for (i = 0; i < n; i++) {
        pricing__qline *l = &q->lines[i];
        mpz_fdiv_qr(l->amount, l->scratch, use_period ? l->period : l->exact,
                    cat->unit);
        mpz_sub(q->tmp, q->tmp, l->amount);
    }
    left = mpz_get_si(q->tmp);
    if (left <= 0)
        return 0;
    if (pricing__grow((void **)&q->order, &q->order_cap, 2 * n,
                      sizeof *q->order) != 0)
        return -1;
    order = rank(q, n);
    for (i = 0; i < n && left > 0; i++, left--)
        mpz_add_ui(q->lines[order[i]].amount, q->lines[order[i]].amount, 1);
    return 0;
}

static int round_quote(pricing_quote *q)
{
    const pricing_catalog *cat = q->cat;
    size_t i;

    mpz_set_ui(q->period_exact, 0);
    mpz_set_ui(q->exact_total, 0);
    for (i = 0; i < q->nlines; i++) {
        pricing__qline *l = &q->lines[i];
        pricing__mpz_set_u64(q->tmp, q->count);
        mpz_mul(l->exact, l->period, q->tmp);
        mpz_add(q->period_exact, q->period_exact, l->period);
        mpz_add(q->exact_total, q->exact_total, l->exact);
    }
    switch (cat->at) {
    case PRICING__AT_TOTAL:
        pricing__round_div(q->total, q->tmp, q->exact_total, cat->unit, cat->mode);
        pricing__round_div(q->period_total, q->tmp, q->period_exact, cat->unit,
                           cat->mode);
        return allocate(q, 0, q->total);
    case PRICING__AT_PERIOD:
        pricing__round_div(q->period_total, q->tmp, q->period_exact, cat->unit,
                           cat->mode);
        if (allocate(q, 1, q->period_total) != 0)
            return -1;
        pricing__mpz_set_u64(q->tmp, q->count);
        mpz_mul(q->total, q->period_total, q->tmp);
        for (i = 0; i < q->nlines; i++)
            mpz_mul(q->lines[i].amount, q->lines[i].amount, q->tmp);
        return 0;
    default: /* line */
        mpz_set_ui(q->total, 0);
        mpz_set_ui(q->period_total, 0);
        for (i = 0; i < q->nlines; i++) {
            pricing__qline *l = &q->lines[i];
            pricing__round_div(l->amount, l->scratch, l->exact, cat->unit,
                               cat->mode);
            mpz_add(q->total, q->total, l->amount);
            pricing__round_div(l->scratch, q->tmp, l->period, cat->unit,
                               cat->mode);
            mpz_add(q->period_total, q->period_total, l->scratch);
        }
        return 0;
    }
}

static const char *prefixed(char *buf, size_t size, const pricing_request *r,
                            const char *path)
{
    size_t n = strlen(r->prefix);
    if (n + strlen(path) + 1 > size)
        return path;
    memcpy(buf, r->prefix, n);
    strcpy(buf + n, path);
    return buf;
}

/* The checks that need the whole request: every attribute given, the SKU
 * sold, the plan, count and trial allowed. */
static int check_request(pricing_quote *q, const pricing_request *r,
                         const pricing__sku **skup, pricing_error *err)
{
    const pricing__spec *spec = r->spec;
    const pricing__sku *sku;
    char path[PRICING_ERROR_PATH_SIZE];
    size_t i, pos = 0;
    int plan = r->plan;

    for (i = 0; i < spec->nattrs; i++) {
        const pricing__attr *at = &spec->attrs[i];
        if (!r->set[i]) {
            pricing__path p;
            pricing__path_init(&p);
            pricing__path_push_key(&p, "sku", 3);
            pricing__path_push_key(&p, at->id, strlen(at->id));
            return pricing__error_at(err, PRICING_MISSING_ATTRIBUTE,
                                     prefixed(path, sizeof path, r, p.buf),
                                     "the request gives no %s", at->id);
        }
        if (at->is_enum)
            pos += r->value[i] * at->radix;
        q->value[i] = r->value[i];
        q->quantity[i] = r->quantity[i];
    }
    sku = &spec->skus[pos];
    if (!sku->available)
        return pricing__error_at(err, PRICING_SKU_UNAVAILABLE,
                                 prefixed(path, sizeof path, r, "/sku"),
                                 "this SKU of %s is not available", spec->id);
    if (plan < 0) {
        if (!spec->plans)
            return pricing__error_at(err, PRICING_PLAN_NOT_OFFERED,
                                     prefixed(path, sizeof path, r, "/plan"),
                                     "the spec %s sells no plan", spec->id);
        if (spec->plans & (spec->plans - 1))
            return pricing__error_at(err, PRICING_MISSING_FIELD,
                                     prefixed(path, sizeof path, r, "/plan"),
                                     "the spec sells several plans: name one");
        for (plan = 0; !(spec->plans & (1u << plan)); plan++)
            ;
    }
    if (spec->one_time ? r->count != 1
        : spec->counts[plan] ? (r->count > PRICING_MAX_COUNT ||
                                !spec->counts[plan][r->count])
                             : (r->count < 1 || r->count > PRICING_MAX_COUNT))
        return pricing__error_at(err, PRICING_COUNT_NOT_ALLOWED,
                                 prefixed(path, sizeof path, r, "/count"),
                                 "%s: %llu periods of %s are not sold",
                                 spec->id, (unsigned long long)r->count,
                                 pricing__plan_name((pricing__plan)plan));
    if (r->trial && !spec->trial_days)
        return pricing__error_at(err, PRICING_TRIAL_NOT_OFFERED,
                                 prefixed(path, sizeof path, r, "/trial"),
                                 "the spec %s has no trial", spec->id);
    q->plan = (pricing__plan)plan;
    *skup = sku;
    return 0;
}

static int service_dates(pricing_quote *q, const pricing_request *r,
                         pricing_error *err)
{
    char path[PRICING_ERROR_PATH_SIZE];
    int rc = 0;

    q->has_start = r->has_start;
    q->has_end = 0;
    if (!r->has_start)
        return 0;
    q->start = r->start;
    if (q->trial)
        rc = pricing__date_add_days(&q->end, &r->start, q->spec->trial_days);
    else if (q->plan == PRICING__MONTH)
        rc = pricing__date_add_months(&q->end, &r->start, q->count);
    else if (q->plan == PRICING__YEAR)
        rc = pricing__date_add_months(&q->end, &r->start, q->count * 12);
    else
        return 0;
    if (rc != 0)
        return pricing__error_at(err, PRICING_INVALID_VALUE,
                                 prefixed(path, sizeof path, r, "/start"),
                                 "the service would end after 9999-12-31");
    q->has_end = 1;
    return 0;
}

int pricing_quote_compute(pricing_quote *q, const pricing_request *r,
                          pricing_error *err)
{
    const pricing__sku *sku;
    int rc;

    if (!q || !r)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_quote_compute: NULL argument");
    q->valid = 0;
    q->nlines = 0;
    q->text_ready = 0;
    q->cat = r->cat;
    q->spec = r->spec;
    q->count = r->count;
    q->trial = r->trial;
    if ((rc = check_request(q, r, &sku, err)) != 0)
        return rc;
    if ((rc = service_dates(q, r, err)) != 0)
        return rc;
    if (charge_lines(q, sku->prices[q->plan]) != 0 || round_quote(q) != 0) {
        q->nlines = 0;
        return pricing__nomem(err);
    }
    q->valid = 1;
    return 0;
}
