/* SPDX-License-Identifier: MIT */
/* chart_points.c - the exact points of a price chart (chart.h).
 *
 * Everything goes through the public introspection and quote API, so the
 * chart prices exactly what a quote prices: a tier's boundaries come from
 * pricing_spec_price, each total from pricing_quote_exact_total_mpq. */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "error.h"
#include "history.h"
#include "suggest.h"

#define MAX_SKU_PAIRS PRICING_MAX_ATTRIBUTES

/* ------------------------------------------------------------ choices */

static int pick_plan(const char **out, const pricing_spec *spec,
                     const char *plan, pricing_error *err)
{
    size_t i, n = pricing_spec_plan_count(spec);
    for (i = 0; i < n; i++)
        if (!plan || strcmp(plan, pricing_spec_plan(spec, i)) == 0) {
            *out = pricing_spec_plan(spec, i);
            return 0;
        }
    if (!plan)
        return pricing__error_at(err, PRICING_PLAN_NOT_OFFERED, "",
                                 "the spec '%.64s' sells no plan",
                                 pricing_spec_id(spec));
    return pricing__error_at(err, PRICING_PLAN_NOT_OFFERED, "",
                             "the spec '%.64s' does not sell plan '%.64s'",
                             pricing_spec_id(spec), plan);
}

static int pick_attribute(const pricing_attribute **out,
                          const pricing_spec *spec, const char *id,
                          pricing_error *err)
{
    const struct pricing__spec *s = (const struct pricing__spec *)spec;
    size_t i, n = pricing_spec_attribute_count(spec);
    const pricing_attribute *a;
    if (!id) {
        for (i = 0; i < n; i++)
            if (strcmp(pricing_attribute_type(
                           a = pricing_spec_attribute(spec, i)),
                       "quantity") == 0) {
                *out = a;
                return 0;
            }
        return pricing__error_at(err, PRICING_INVALID_VALUE, "",
                                 "the spec '%.64s' has no quantity "
                                 "attribute to chart",
                                 pricing_spec_id(spec));
    }
    if (!(a = pricing_spec_find_attribute(spec, id))) {
        char msg[PRICING_ERROR_MESSAGE_SIZE];
        pricing__choices c = pricing__choices_attrs(s, PRICING__ATTRS_QUANTITY);
        return pricing__error_at(
            err, PRICING_UNKNOWN_ATTRIBUTE, "", "%s",
            pricing__hint_message(msg, id, &c,
                                  "the spec has no attribute '%.64s'", id));
    }
    if (strcmp(pricing_attribute_type(a), "quantity") != 0)
        return pricing__error_at(err, PRICING_INVALID_VALUE, "",
                                 "'%.64s' is an enum attribute: a chart "
                                 "needs a quantity attribute", id);
    *out = a;
    return 0;
}

/* sku: "ATTR=VALUE[,ATTR=VALUE...]" (ids with ',' or '=' cannot be
 * named this way). */
static int pick_sku(size_t *out, const pricing_spec *spec, const char *sku,
                    pricing_error *err)
{
    char *copy = malloc(strlen(sku) + 1), *p, *eq;
    const char *names[MAX_SKU_PAIRS], *values[MAX_SKU_PAIRS];
    size_t n = 0;
    int rc = 0;

    if (!copy)
        return pricing__nomem(err);
    strcpy(copy, sku);
    for (p = copy; *p && rc == 0;) {
        char *end = p + strcspn(p, ",");
        int last = *end == '\0';
        *end = '\0';
        if (!(eq = strchr(p, '=')) || n == MAX_SKU_PAIRS)
            rc = pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                   "the SKU is ATTRIBUTE=VALUE pairs "
                                   "separated by commas: '%.64s'", p);
        else {
            *eq = '\0';
            names[n] = p;
            values[n++] = eq + 1;
        }
        p = last ? end : end + 1;
    }
    if (rc == 0)
        rc = pricing_spec_find_sku(out, spec, names, values, n, err);
    free(copy);
    if (rc == 0 && !pricing_spec_sku_available(spec, *out))
        rc = pricing__error_at(err, PRICING_SKU_UNAVAILABLE, "/sku",
                               "the SKU '%.64s' is not sold", sku);
    return rc;
}

/* ------------------------------------------------------------ series */

static char *sku_label(const pricing_spec *spec, size_t sku)
{
    size_t i, n = pricing_spec_attribute_count(spec), len = 1;
    char *s;
    for (i = 0; i < n; i++) {
        const char *v = pricing_spec_sku_value(spec, sku, i);
        if (v)
            len += strlen(v) + 3;
    }
    if (!(s = malloc(len)))
        return NULL;
    s[0] = '\0';
    for (i = 0; i < n; i++) {
        const char *v = pricing_spec_sku_value(spec, sku, i);
        if (!v)
            continue;
        if (s[0])
            strcat(s, " / ");
        strcat(s, v);
    }
    return s;
}

typedef struct qlist {
    uint64_t *q;
    unsigned char *edge;
    size_t n, cap;
} qlist;

static int qlist_add(qlist *l, uint64_t q, int edge)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        uint64_t *nq = realloc(l->q, cap * sizeof *nq);
        unsigned char *ne;
        if (!nq)
            return -1;
        l->q = nq;
        if (!(ne = realloc(l->edge, cap)))
            return -1;
        l->edge = ne;
        l->cap = cap;
    }
    l->q[l->n] = q;
    l->edge[l->n++] = (unsigned char)edge;
    return 0;
}

/* The attribute's grid: min + k x step. */
typedef struct grid {
    uint64_t min, step, last; /* last: the largest allowed quantity */
} grid;

static uint64_t floor_allowed(const grid *g, uint64_t b)
{
    return g->min + (b - g->min) / g->step * g->step;
}

static uint64_t ceil_allowed(const grid *g, uint64_t x)
{
    uint64_t q;
    if (x <= g->min)
        return g->min;
    q = g->min + ((x - g->min) + g->step - 1) / g->step * g->step;
    return q > g->last ? g->last : q;
}

/* Calls back for each price of series s on the chart's attribute: its
 * tier boundaries (has_up_to) and package edges. */
static int series_rules(pricing__chart *c, pricing__chart_series *s,
                        qlist *bounds, qlist *packages, pricing_error *err)
{
    size_t i, n = pricing_spec_price_count(c->spec, s->sku, c->plan);
    const char *id = pricing_attribute_id(c->attr);
    pricing_price p;
    int rc;
    for (i = 0; i < n; i++) {
        if ((rc = pricing_spec_price(&p, c->spec, s->sku, c->plan, i, err)))
            return rc;
        if (!p.attribute || strcmp(p.attribute, id) != 0)
            continue;
        if (p.has_up_to && qlist_add(bounds, p.up_to, 1) != 0)
            return pricing__nomem(err);
        if (p.package_size &&
            qlist_add(packages, p.package_size,
                      strcmp(p.package_round, "down") == 0) != 0)
            return pricing__nomem(err);
    }
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Adds q (in range) and the next allowed quantity: both sides of an edge
 * whose last quantity before the change is b. */
static int add_edge(qlist *l, const pricing__chart *c, const grid *g,
                    uint64_t b)
{
    uint64_t q;
    if (b < c->x0 || b >= c->x1)
        return 0;
    q = floor_allowed(g, b);
    if (qlist_add(l, 2 * q + 1, 1) != 0)
        return -1;
    return q + g->step <= c->x1 ? qlist_add(l, 2 * (q + g->step) + 1, 1) : 0;
}

/* The quantities of series s, encoded 2q + edge, sorted, one each. */
static int series_quantities(qlist *l, pricing__chart *c,
                             pricing__chart_series *s, const grid *g,
                             pricing_error *err)
{
    qlist bounds = {0}, packages = {0};
    size_t i, k, n = 0;
    int rc = series_rules(c, s, &bounds, &packages, err);
    uint64_t span = c->x1 - c->x0;

    if (rc == 0 && (qlist_add(l, 2 * c->x0 + 1, 1) != 0 ||
                    qlist_add(l, 2 * c->x1 + 1, 1) != 0))
        rc = pricing__nomem(err);
    for (k = 1; rc == 0 && k < PRICING__CHART_SAMPLES; k++)
        if (qlist_add(l, 2 * floor_allowed(g, c->x0 + span * k /
                                                  PRICING__CHART_SAMPLES),
                      0) != 0)
            rc = pricing__nomem(err);
    for (i = 0; rc == 0 && i < bounds.n; i++)
        if (add_edge(l, c, g, bounds.q[i]) != 0)
            rc = pricing__nomem(err);
    /* Package edges: up changes after k x size, down before it. */
    for (i = 0; rc == 0 && i < packages.n; i++) {
        uint64_t size = packages.q[i], down = packages.edge[i];
        uint64_t first = c->x0 / size, last = c->x1 / size;
        if (last - first >= PRICING__CHART_MAX_PACKAGES)
            continue;
        for (k = first; rc == 0 && k <= last; k++)
            if ((k > 0 || !down) && add_edge(l, c, g, k * size - down) != 0)
                rc = pricing__nomem(err);
    }
    if (rc == 0 && bounds.n &&
        !(s->bounds = malloc(bounds.n * sizeof *s->bounds)))
        rc = pricing__nomem(err);
    for (i = 0; rc == 0 && i < bounds.n; i++)
        if (bounds.q[i] >= c->x0 && bounds.q[i] < c->x1)
            s->bounds[s->nbounds++] = bounds.q[i];
    free(bounds.q);
    free(bounds.edge);
    free(packages.q);
    free(packages.edge);
    if (rc != 0)
        return rc;
    qsort(l->q, l->n, sizeof *l->q, cmp_u64);
    /* One each: 2q + 1 (an edge) sorts after 2q and wins. */
    for (i = 0; i < l->n; i++) {
        if (n > 0 && l->q[n - 1] / 2 == l->q[i] / 2)
            n--;
        l->q[n++] = l->q[i];
    }
    l->n = n;
    return 0;
}

/* A request for SKU s of the chart, every other quantity at its min. */
static int series_request(pricing_request **req, const pricing__chart *c,
                          size_t sku, pricing_error *err)
{
    size_t i, n = pricing_spec_attribute_count(c->spec);
    int rc = pricing_request_new(req, c->cat, pricing_spec_id(c->spec), err);
    for (i = 0; rc == 0 && i < n; i++) {
        const pricing_attribute *a = pricing_spec_attribute(c->spec, i);
        const char *v = pricing_spec_sku_value(c->spec, sku, i);
        rc = v ? pricing_request_set_enum(*req, pricing_attribute_id(a), v,
                                          err)
               : pricing_request_set_quantity(*req, pricing_attribute_id(a),
                                              pricing_attribute_min(a), err);
    }
    if (rc == 0)
        rc = pricing_request_set_plan(*req, c->plan, err);
    if (rc == 0)
        rc = pricing_request_set_count(*req, c->count, err);
    return rc;
}

static int series_points(pricing__chart *c, pricing__chart_series *s,
                         const grid *g, pricing_quote *quote,
                         pricing_error *err)
{
    qlist l = {0};
    pricing_request *req = NULL;
    const char *id = pricing_attribute_id(c->attr);
    size_t i;
    int rc = series_quantities(&l, c, s, g, err);

    if (rc == 0 && !(s->pts = calloc(l.n, sizeof *s->pts)))
        rc = pricing__nomem(err);
    if (rc == 0)
        rc = series_request(&req, c, s->sku, err);
    for (i = 0; rc == 0 && i < l.n; i++) {
        pricing__chart_point *p = &s->pts[i];
        p->q = l.q[i] / 2;
        p->edge = (int)(l.q[i] & 1);
        mpq_init(p->total);
        s->n++;
        if ((rc = pricing_request_set_quantity(req, id, p->q, err)) == 0 &&
            (rc = pricing_quote_compute(quote, req, err)) == 0)
            pricing_quote_exact_total_mpq(p->total, quote);
    }
    pricing_request_free(req);
    free(l.q);
    free(l.edge);
    return rc;
}

/* The chart ends at the attribute's max (its last allowed quantity), or,
 * when the last tier boundary of every series is inside the range and
 * below a quarter of it, at the first allowed quantity from twice that
 * boundary: a max of 10^15 would flatten tiers of tens. */
static int chart_range(pricing__chart *c, const grid *g, pricing_error *err)
{
    uint64_t b = 0;
    size_t i, k;
    int any = 0, rc = 0;
    c->x0 = g->min;
    c->x1 = g->last;
    for (i = 0; rc == 0 && i < c->nseries; i++) {
        qlist bounds = {0}, packages = {0};
        rc = series_rules(c, &c->series[i], &bounds, &packages, err);
        for (k = 0; rc == 0 && k < bounds.n; k++)
            if (bounds.q[k] > g->min && bounds.q[k] < g->last &&
                (!any || bounds.q[k] > b)) {
                b = bounds.q[k];
                any = 1;
            }
        free(bounds.q);
        free(bounds.edge);
        free(packages.q);
        free(packages.edge);
    }
    if (rc == 0 && any && b < g->last / 4)
        c->x1 = ceil_allowed(g, 2 * b);
    return rc;
}

static int chart_series(pricing__chart *c, const char *sku,
                        pricing_error *err)
{
    size_t i, chosen = 0, n = pricing_spec_sku_count(c->spec);
    int rc;
    if (sku && (rc = pick_sku(&chosen, c->spec, sku, err)) != 0)
        return rc;
    if (!(c->series = calloc(sku ? 1 : n, sizeof *c->series)))
        return pricing__nomem(err);
    for (i = sku ? chosen : 0; i < (sku ? chosen + 1 : n); i++) {
        if (!pricing_spec_sku_available(c->spec, i))
            continue;
        if (c->nseries == PRICING__CHART_MAX_SERIES)
            return pricing__error_at(err, PRICING_LIMIT_EXCEEDED, "",
                                     "a chart draws at most %d SKUs: choose "
                                     "one (the spec has %zu)",
                                     PRICING__CHART_MAX_SERIES, n);
        c->series[c->nseries].sku = i;
        if (!(c->series[c->nseries++].label = sku_label(c->spec, i)))
            return pricing__nomem(err);
    }
    return 0;
}

static int chart_setup(pricing__chart *c, const pricing_catalog *cat,
                       const char *spec_id, const char *attribute,
                       const char *plan, pricing_error *err)
{
    uint32_t count;
    int rc;
    if (!cat || !spec_id)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_chart: NULL argument");
    if (cat->hv)
        cat = cat->hv->cats[0]; /* the version, in its default currency */
    c->cat = cat;
    if (!(c->spec = pricing_catalog_find_spec(cat, spec_id))) {
        char msg[PRICING_ERROR_MESSAGE_SIZE];
        pricing__choices ch = pricing__choices_specs(cat);
        return pricing__error_at(err, PRICING_UNKNOWN_SPEC, "", "%s",
                                 pricing__hint_message(
                                     msg, spec_id, &ch,
                                     "the catalog has no spec '%.64s'",
                                     spec_id));
    }
    if ((rc = pick_attribute(&c->attr, c->spec, attribute, err)) != 0 ||
        (rc = pick_plan(&c->plan, c->spec, plan, err)) != 0)
        return rc;
    c->count = 1;
    if (pricing_spec_allowed_counts(&count, 1, c->spec, c->plan))
        c->count = count;
    return 0;
}

int pricing__chart_build(pricing__chart *c, const pricing_catalog *cat,
                         const char *spec_id, const char *attribute,
                         const char *plan, const char *sku,
                         pricing_error *err)
{
    pricing_quote *quote = NULL;
    size_t i;
    grid g;
    int rc;

    memset(c, 0, sizeof *c);
    if ((rc = chart_setup(c, cat, spec_id, attribute, plan, err)) != 0)
        return rc;
    g.min = pricing_attribute_min(c->attr);
    g.step = pricing_attribute_step(c->attr);
    g.last = floor_allowed(&g, pricing_attribute_max(c->attr));
    rc = chart_series(c, sku, err);
    if (rc == 0)
        rc = chart_range(c, &g, err);
    if (rc == 0)
        rc = pricing_quote_new(&quote, err);
    if (rc == 0)
        rc = pricing_quote_set_flags(quote, PRICING_QUOTE_TOTALS_ONLY, err);
    for (i = 0; rc == 0 && i < c->nseries; i++)
        rc = series_points(c, &c->series[i], &g, quote, err);
    pricing_quote_free(quote);
    if (rc != 0)
        pricing__chart_dispose(c);
    return rc;
}

void pricing__chart_dispose(pricing__chart *c)
{
    size_t i, k;
    for (i = 0; i < c->nseries; i++) {
        pricing__chart_series *s = &c->series[i];
        for (k = 0; k < s->n; k++)
            mpq_clear(s->pts[k].total);
        free(s->pts);
        free(s->bounds);
        free(s->label);
    }
    free(c->series);
    memset(c, 0, sizeof *c);
}

int pricing__chart_inversion(const pricing__chart *c,
                             const pricing__chart_series *s, size_t i)
{
    return i + 1 < s->n &&
           s->pts[i + 1].q - s->pts[i].q ==
               pricing_attribute_step(c->attr) &&
           mpq_cmp(s->pts[i + 1].total, s->pts[i].total) < 0;
}
