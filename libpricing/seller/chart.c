/* SPDX-License-Identifier: MIT */
/* chart.c - a price chart as SVG (chart.h): two panels over the same
 * quantity axis, the total and the price per unit, one polyline per SKU.
 *
 * Every coordinate is an exact rational (GMP) mapped onto a fixed pixel
 * grid and written in tenths of a pixel by pricing__svg_tenths' one rule
 * (nearest tenth, halves up); the layout below is in whole pixels. */
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "error.h"
#include "svg.h"

enum {
    WIDTH = 720,
    LEFT = 96, /* room for the y tick labels and the y title */
    RIGHT = 24,
    PLOT_W = WIDTH - LEFT - RIGHT,
    PLOT_H = 200,
    LEGEND_Y = 46,
    LEGEND_ROW = 18,
    LEGEND_COLS = 3,
    LEGEND_COL_W = 200,
    PANEL_GAP = 64, /* x tick labels and title under a panel */
    Y_TICKS = 5,    /* at most: 1, 2 or 5 x 10^k apart */
    X_TICKS = 8
};

static const char *const colors[] = {"#1f77b4", "#2ca02c", "#9467bd",
                                     "#ff7f0e", "#17becf", "#8c564b",
                                     "#e377c2", "#7f7f7f"};
static const char *const dashes[] = {"", "6 3", "2 2"};
#define NCOLORS (sizeof colors / sizeof colors[0])
#define INVERSION "#d00000"

typedef struct panel {
    long top;      /* pixels */
    int per_unit;  /* the price per unit, else the total */
    mpq_t max;     /* the value at the top of the panel */
    mpq_t step;    /* between y ticks */
    unsigned long ticks;
} panel;

typedef struct draw {
    pricing__w *w;
    const pricing__chart *c;
    const char *currency;
    const char *unit;   /* the attribute's unit, or its id */
    unsigned minor;
    mpq_t v;            /* scratch */
} draw;

/* ------------------------------------------------------------ scales */

static long x_at(const pricing__chart *c, uint64_t q)
{
    mpq_t r;
    long t;
    mpq_init(r);
    if (c->x1 == c->x0) {
        mpq_set_ui(r, 2 * LEFT + PLOT_W, 2); /* one quantity: the middle */
    } else {
        mpz_set_ui(mpq_numref(r), (unsigned long)(q - c->x0));
        mpz_mul_ui(mpq_numref(r), mpq_numref(r), PLOT_W);
        mpz_set_ui(mpq_denref(r), (unsigned long)(c->x1 - c->x0));
        mpq_canonicalize(r);
        mpz_addmul_ui(mpq_numref(r), mpq_denref(r), LEFT);
    }
    t = pricing__svg_tenths(r);
    mpq_clear(r);
    return t;
}

static long y_at(const panel *p, const mpq_t v)
{
    mpq_t r;
    long t;
    mpq_init(r);
    mpq_div(r, v, p->max);
    mpz_mul_ui(mpq_numref(r), mpq_numref(r), PLOT_H);
    mpq_canonicalize(r);
    mpq_neg(r, r);
    mpz_addmul_ui(mpq_numref(r), mpq_denref(r),
                  (unsigned long)(p->top + PLOT_H));
    t = pricing__svg_tenths(r);
    mpq_clear(r);
    return t;
}

/* The value of point pt on panel p: its total, or total / quantity. */
static int point_value(mpq_t out, const panel *p,
                       const pricing__chart_point *pt)
{
    mpq_set(out, pt->total);
    if (!p->per_unit)
        return 1;
    if (pt->q == 0)
        return 0;
    mpz_mul_ui(mpq_denref(out), mpq_denref(out), (unsigned long)pt->q);
    mpq_canonicalize(out);
    return 1;
}

/* The y scale: the smallest step d x 10^k (d 1, 2 or 5) with Y_TICKS
 * steps reaching the largest value; the top is the first tick at or
 * above it. A chart of zeros gets the scale of 1. */
static void panel_scale(panel *p, draw *d)
{
    static const unsigned long ds[] = {1, 2, 5};
    const pricing__chart *c = d->c;
    mpq_t vmax, pow;
    size_t i, k;
    long e;
    mpq_init(vmax);
    mpq_init(pow);
    for (i = 0; i < c->nseries; i++)
        for (k = 0; k < c->series[i].n; k++)
            if (point_value(d->v, p, &c->series[i].pts[k]) &&
                mpq_cmp(d->v, vmax) > 0)
                mpq_set(vmax, d->v);
    if (mpq_sgn(vmax) == 0)
        mpq_set_ui(vmax, 1, 1);
    /* Start a little below 10^(digits of vmax / Y_TICKS) and go up. */
    e = (long)mpz_sizeinbase(mpq_numref(vmax), 10) -
        (long)mpz_sizeinbase(mpq_denref(vmax), 10) - 3;
    for (;; e++) {
        mpz_ui_pow_ui(mpq_numref(pow), 10, (unsigned long)(e < 0 ? -e : e));
        mpz_set_ui(mpq_denref(pow), 1);
        if (e < 0)
            mpq_inv(pow, pow);
        for (i = 0; i < 3; i++) {
            mpq_set_ui(p->step, ds[i], 1);
            mpq_mul(p->step, p->step, pow);
            mpq_set_ui(d->v, Y_TICKS, 1);
            mpq_mul(d->v, d->v, p->step);
            if (mpq_cmp(d->v, vmax) >= 0)
                goto found;
        }
    }
found:
    mpq_div(d->v, vmax, p->step); /* ticks: ceil(vmax / step) */
    mpz_cdiv_q(mpq_numref(d->v), mpq_numref(d->v), mpq_denref(d->v));
    p->ticks = mpz_get_ui(mpq_numref(d->v));
    mpq_set_ui(p->max, p->ticks, 1);
    mpq_mul(p->max, p->max, p->step);
    mpq_clear(vmax);
    mpq_clear(pow);
}

/* The x tick step: the smallest d x 10^k (k >= 0) with at most X_TICKS
 * steps over the range. */
static uint64_t x_step(const pricing__chart *c)
{
    static const uint64_t ds[] = {1, 2, 5};
    uint64_t pow = 1, span = c->x1 - c->x0;
    size_t i;
    for (;; pow *= 10)
        for (i = 0; i < 3; i++)
            if (span / (ds[i] * pow) <= X_TICKS)
                return ds[i] * pow;
}

/* ------------------------------------------------------------ pieces */

static void lit(draw *d, const char *s)
{
    pricing__w_lit(d->w, s);
}

/* ` name="12.3"`: a coordinate in tenths. */
static void at(draw *d, const char *name, long tenths)
{
    lit(d, " ");
    lit(d, name);
    lit(d, "=\"");
    pricing__svg_coord(d->w, tenths);
    lit(d, "\"");
}

static void u64(draw *d, uint64_t v)
{
    pricing__w_u64(d->w, v);
}

static void money(draw *d, const mpq_t v, unsigned max_frac)
{
    pricing__xml_rational(d->w, v, d->minor, max_frac);
    lit(d, " ");
    lit(d, d->currency); /* three letters A-Z: nothing to escape */
}

static const char *series_name(const draw *d, const pricing__chart_series *s)
{
    return s->label[0] ? s->label : pricing_spec_id(d->c->spec);
}

static void stroke(draw *d, size_t i)
{
    lit(d, " stroke=\"");
    lit(d, colors[i % NCOLORS]);
    lit(d, "\"");
    if (*dashes[i / NCOLORS % 3]) {
        lit(d, " stroke-dasharray=\"");
        lit(d, dashes[i / NCOLORS % 3]);
        lit(d, "\"");
    }
}

static void line(draw *d, long x1, long y1, long x2, long y2)
{
    lit(d, "<line");
    at(d, "x1", x1);
    at(d, "y1", y1);
    at(d, "x2", x2);
    at(d, "y2", y2);
}

/* <text x y anchor>: the caller writes the content and </text>. */
static void text(draw *d, long x, long y, const char *anchor)
{
    lit(d, "<text");
    at(d, "x", x);
    at(d, "y", y);
    if (anchor) {
        lit(d, " text-anchor=\"");
        lit(d, anchor);
        lit(d, "\"");
    }
    lit(d, ">");
}

/* What one period is: "a month", "3 months", "one time". */
static void period(draw *d)
{
    const char *plan = d->c->plan;
    if (strcmp(plan, "one_time") == 0) {
        lit(d, "one time");
        return;
    }
    if (d->c->count == 1) {
        lit(d, "a ");
        lit(d, plan);
        return;
    }
    u64(d, d->c->count);
    lit(d, " ");
    lit(d, plan);
    lit(d, "s");
}

static void point_title(draw *d, const pricing__chart_series *s,
                        const pricing__chart_point *pt)
{
    lit(d, "<title>");
    pricing__xml_cstr(d->w, series_name(d, s));
    lit(d, ", ");
    u64(d, pt->q);
    lit(d, " ");
    pricing__xml_cstr(d->w, pricing_attribute_id(d->c->attr));
    lit(d, ": ");
    money(d, pt->total, 40);
    if (pt->q > 0) {
        lit(d, ", ");
        mpq_set(d->v, pt->total);
        mpz_mul_ui(mpq_denref(d->v), mpq_denref(d->v), (unsigned long)pt->q);
        mpq_canonicalize(d->v);
        money(d, d->v, d->minor + 6);
        lit(d, " per ");
        pricing__xml_cstr(d->w, d->unit);
    }
    lit(d, "</title>");
}

/* ------------------------------------------------------------ panels */

static void panel_axes(draw *d, const panel *p)
{
    const pricing__chart *c = d->c;
    long bottom = 10 * (p->top + PLOT_H), right = 10 * (LEFT + PLOT_W);
    uint64_t step = x_step(c), q;
    unsigned long i;

    for (i = 0; i <= p->ticks; i++) {
        long y;
        mpq_set_ui(d->v, i, 1);
        mpq_mul(d->v, d->v, p->step);
        y = y_at(p, d->v);
        line(d, 10 * LEFT, y, right, y);
        lit(d, " stroke=\"#e4e4e4\"/>");
        text(d, 10 * (LEFT - 6), y + 40, "end");
        pricing__xml_rational(d->w, d->v, 0, 60);
        lit(d, "</text>\n");
    }
    for (q = (c->x0 + step - 1) / step * step; q <= c->x1; q += step) {
        long x = x_at(c, q);
        line(d, x, bottom, x, bottom + 50);
        lit(d, " stroke=\"#333\"/>");
        text(d, x, bottom + 180, "middle");
        u64(d, q);
        lit(d, "</text>\n");
    }
    line(d, 10 * LEFT, 10 * p->top, 10 * LEFT, bottom);
    lit(d, " stroke=\"#333\"/>");
    line(d, 10 * LEFT, bottom, right, bottom);
    lit(d, " stroke=\"#333\"/>\n");
    text(d, 10 * (LEFT + PLOT_W / 2), bottom + 380, "middle");
    pricing__xml_cstr(d->w, pricing_attribute_id(c->attr));
    lit(d, "</text>\n<text transform=\"rotate(-90)\"");
    at(d, "x", -10 * (p->top + PLOT_H / 2));
    at(d, "y", 180);
    lit(d, " text-anchor=\"middle\">");
    if (p->per_unit) {
        lit(d, "price per ");
        pricing__xml_cstr(d->w, d->unit);
    } else {
        lit(d, "total, ");
        period(d);
    }
    lit(d, " (");
    lit(d, d->currency);
    lit(d, ")</text>\n");
}

static void panel_bounds(draw *d, const panel *p, size_t i)
{
    const pricing__chart_series *s = &d->c->series[i];
    size_t k;
    for (k = 0; k < s->nbounds; k++) {
        long x = x_at(d->c, s->bounds[k]);
        line(d, x, 10 * p->top, x, 10 * (p->top + PLOT_H));
        lit(d, " class=\"tier\" stroke=\"");
        lit(d, colors[i % NCOLORS]);
        lit(d, "\" stroke-dasharray=\"4 4\" stroke-opacity=\"0.7\"><title>");
        pricing__xml_cstr(d->w, series_name(d, s));
        lit(d, ": a tier ends at ");
        u64(d, s->bounds[k]);
        lit(d, " ");
        pricing__xml_cstr(d->w, pricing_attribute_id(d->c->attr));
        lit(d, "</title></line>\n");
    }
}

static void panel_series(draw *d, const panel *p, size_t i)
{
    const pricing__chart_series *s = &d->c->series[i];
    size_t k;
    int first = 1;
    lit(d, "<polyline class=\"series\" fill=\"none\" stroke-width=\"2\"");
    stroke(d, i);
    lit(d, " points=\"");
    for (k = 0; k < s->n; k++) {
        if (!point_value(d->v, p, &s->pts[k]))
            continue;
        if (!first)
            lit(d, " ");
        first = 0;
        pricing__svg_coord(d->w, x_at(d->c, s->pts[k].q));
        lit(d, ",");
        pricing__svg_coord(d->w, y_at(p, d->v));
    }
    lit(d, "\"><title>");
    pricing__xml_cstr(d->w, series_name(d, s));
    lit(d, "</title></polyline>\n");
    for (k = 0; k < s->n; k++) {
        if (!s->pts[k].edge || !point_value(d->v, p, &s->pts[k]))
            continue;
        lit(d, "<circle class=\"point\"");
        at(d, "cx", x_at(d->c, s->pts[k].q));
        at(d, "cy", y_at(p, d->v));
        lit(d, " r=\"3\" fill=\"");
        lit(d, colors[i % NCOLORS]);
        lit(d, "\">");
        point_title(d, s, &s->pts[k]);
        lit(d, "</circle>\n");
    }
}

/* The total panel circles each inversion in red: a drop over one step. */
static void panel_inversions(draw *d, const panel *p, size_t i)
{
    const pricing__chart_series *s = &d->c->series[i];
    size_t k;
    for (k = 0; k + 1 < s->n; k++) {
        const pricing__chart_point *a = &s->pts[k], *b = &s->pts[k + 1];
        long x1, y1, x2, y2;
        if (!pricing__chart_inversion(d->c, s, k))
            continue;
        x1 = x_at(d->c, a->q), y1 = y_at(p, a->total);
        x2 = x_at(d->c, b->q), y2 = y_at(p, b->total);
        line(d, x1, y1, x2, y2);
        lit(d, " class=\"inversion\" stroke=\"" INVERSION
               "\" stroke-width=\"4\"/>\n<circle class=\"inversion\"");
        at(d, "cx", x2);
        at(d, "cy", y2);
        lit(d, " r=\"7\" fill=\"none\" stroke=\"" INVERSION
               "\" stroke-width=\"2\"><title>inversion: ");
        pricing__xml_cstr(d->w, series_name(d, s));
        lit(d, ", ");
        u64(d, b->q);
        lit(d, " ");
        pricing__xml_cstr(d->w, pricing_attribute_id(d->c->attr));
        lit(d, " cost ");
        money(d, b->total, 40);
        lit(d, ", less than ");
        u64(d, a->q);
        lit(d, " at ");
        money(d, a->total, 40);
        lit(d, "</title></circle>\n");
    }
}

static void panel_draw(draw *d, panel *p)
{
    size_t i;
    panel_scale(p, d);
    lit(d, p->per_unit ? "<g class=\"panel per-unit\">\n"
                       : "<g class=\"panel total\">\n");
    panel_axes(d, p);
    for (i = 0; i < d->c->nseries; i++)
        panel_bounds(d, p, i);
    for (i = 0; i < d->c->nseries; i++)
        panel_series(d, p, i);
    for (i = 0; !p->per_unit && i < d->c->nseries; i++)
        panel_inversions(d, p, i);
    lit(d, "</g>\n");
}

/* ------------------------------------------------------------ whole */

static int any_inversion(const pricing__chart *c)
{
    size_t i, k;
    for (i = 0; i < c->nseries; i++)
        for (k = 0; k < c->series[i].n; k++)
            if (pricing__chart_inversion(c, &c->series[i], k))
                return 1;
    return 0;
}

/* The heading and one legend entry per series (and for inversions). */
static void legend(draw *d)
{
    const pricing__chart *c = d->c;
    const char *name = pricing_spec_name(c->spec);
    size_t i, n = c->nseries + (size_t)any_inversion(c);

    lit(d, "<text font-size=\"15\" font-weight=\"bold\"");
    at(d, "x", 10 * (WIDTH / 2));
    at(d, "y", 240);
    lit(d, " text-anchor=\"middle\">");
    pricing__xml_cstr(d->w, name ? name : pricing_spec_id(c->spec));
    lit(d, ": price by ");
    pricing__xml_cstr(d->w, pricing_attribute_id(c->attr));
    lit(d, ", ");
    period(d);
    lit(d, "</text>\n");
    for (i = 0; i < n; i++) {
        long x = 10 * (LEFT + (long)(i % LEGEND_COLS) * LEGEND_COL_W);
        long y = 10 * (LEGEND_Y + (long)(i / LEGEND_COLS) * LEGEND_ROW);
        if (i == c->nseries) { /* the inversion mark */
            lit(d, "<circle");
            at(d, "cx", x + 100);
            at(d, "cy", y - 40);
            lit(d, " r=\"6\" fill=\"none\" stroke=\"" INVERSION
                   "\" stroke-width=\"2\"/>");
            text(d, x + 260, y, NULL);
            lit(d, "inversion: more costs less</text>\n");
            continue;
        }
        line(d, x, y - 40, x + 200, y - 40);
        lit(d, " stroke-width=\"3\"");
        stroke(d, i);
        lit(d, "/>");
        text(d, x + 260, y, NULL);
        pricing__xml_cstr(d->w, series_name(d, &c->series[i]));
        lit(d, "</text>\n");
    }
}

void pricing__chart_svg(pricing__w *w, const pricing__chart *c)
{
    size_t n = c->nseries + (size_t)any_inversion(c);
    size_t rows = (n + LEGEND_COLS - 1) / LEGEND_COLS;
    const char *unit = pricing_attribute_unit(c->attr);
    panel total, per;
    long height;
    draw d;

    d.w = w;
    d.c = c;
    d.currency = pricing_catalog_currency(c->cat);
    d.minor = (unsigned)pricing_catalog_minor_units(c->cat);
    d.unit = unit ? unit : pricing_attribute_id(c->attr);
    mpq_init(d.v);
    total.top = LEGEND_Y + (long)rows * LEGEND_ROW + 8;
    total.per_unit = 0;
    per.top = total.top + PLOT_H + PANEL_GAP;
    per.per_unit = 1;
    height = per.top + PLOT_H + PANEL_GAP - 16;
    mpq_init(total.max);
    mpq_init(total.step);
    mpq_init(per.max);
    mpq_init(per.step);

    lit(&d, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pricing-chart\""
            " width=\"720\" height=\"");
    pricing__svg_long(w, height);
    lit(&d, "\" viewBox=\"0 0 720 ");
    pricing__svg_long(w, height);
    lit(&d, "\" font-family=\"sans-serif\" font-size=\"12\">\n<title>");
    pricing__xml_cstr(w, pricing_spec_id(c->spec));
    lit(&d, ": price by ");
    pricing__xml_cstr(w, pricing_attribute_id(c->attr));
    lit(&d, " (");
    lit(&d, c->plan);
    lit(&d, ")</title>\n<rect width=\"720\" height=\"");
    pricing__svg_long(w, height);
    lit(&d, "\" fill=\"#ffffff\"/>\n");
    legend(&d);
    panel_draw(&d, &total);
    panel_draw(&d, &per);
    lit(&d, "</svg>\n");
    mpq_clear(total.max);
    mpq_clear(total.step);
    mpq_clear(per.max);
    mpq_clear(per.step);
    mpq_clear(d.v);
}

int pricing_catalog_chart(pricing_buffer *buf, const pricing_catalog *catalog,
                          const char *spec_id, const char *attribute,
                          const char *plan, const char *sku, unsigned flags,
                          pricing_error *err)
{
    pricing__chart c;
    pricing__w w;
    int rc;
    if (!buf)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_chart: NULL argument");
    if (flags != 0)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_chart: flags must be 0");
    if ((rc = pricing__chart_build(&c, catalog, spec_id, attribute, plan, sku,
                                   err)) != 0)
        return rc;
    pricing__w_start(&w, buf);
    pricing__chart_svg(&w, &c);
    pricing__chart_dispose(&c);
    return pricing__w_done(&w) != 0 ? pricing__nomem(err) : 0;
}
