/* SPDX-License-Identifier: MIT */
/* chart.h - price charts: the exact points and their SVG (private).
 *
 * A chart shows the price of one spec and plan against one quantity
 * attribute, one series per SKU. The prices come from quotes (the
 * library's own arithmetic, exact rationals), at the quantities where
 * the shape can change: the ends, both allowed quantities either side of
 * every tier boundary and package edge, plus evenly spread samples so
 * the price per unit (not linear inside a tier) shows its curve.
 * chart_points.c computes them, chart.c draws them, sheet_html.c puts
 * them in the HTML page. */
#ifndef PRICING_CHART_H
#define PRICING_CHART_H

#include <gmp.h>

#include "model.h"
#include "writer.h"

/* The most series in one chart: beyond it a chart needs a chosen SKU. */
#define PRICING__CHART_MAX_SERIES 24
/* A package rule with more packages than this in range is drawn through
 * its ends and samples only: its steps are narrower than a pixel. */
#define PRICING__CHART_MAX_PACKAGES 256
/* Samples between the ends (the price per unit curves between
 * boundaries). */
#define PRICING__CHART_SAMPLES 32

typedef struct pricing__chart_point {
    uint64_t q;
    mpq_t total; /* the exact total of the order at quantity q */
    int edge;    /* an end, or beside a tier boundary: drawn as a dot */
} pricing__chart_point;

typedef struct pricing__chart_series {
    size_t sku;   /* the SKU's number (pricing_spec_sku_value) */
    char *label;  /* its enum values joined by " / " */
    pricing__chart_point *pts; /* by quantity */
    size_t n;
    uint64_t *bounds; /* tier boundaries (last quantities) in range */
    size_t nbounds;
} pricing__chart_series;

typedef struct pricing__chart {
    const pricing_catalog *cat; /* the version, default currency */
    const pricing_spec *spec;
    const pricing_attribute *attr;
    const char *plan;
    uint64_t count; /* periods priced: the plan's smallest allowed count */
    uint64_t x0, x1; /* the quantities drawn, both allowed */
    pricing__chart_series *series;
    size_t nseries;
} pricing__chart;

/* Computes chart c of spec_id (NULL: invalid_argument), quantity
 * attribute attribute (NULL: the spec's first), plan (NULL: the first
 * offered), sku ("ATTR=VALUE[,ATTR=VALUE...]", NULL: every available
 * SKU). On failure c holds nothing to dispose. */
int pricing__chart_build(pricing__chart *c, const pricing_catalog *cat,
                         const char *spec_id, const char *attribute,
                         const char *plan, const char *sku,
                         pricing_error *err);
void pricing__chart_dispose(pricing__chart *c);

/* An inversion: the next allowed quantity after point i of series s
 * costs less. The chart's own check, from its exact points. */
int pricing__chart_inversion(const pricing__chart *c,
                             const pricing__chart_series *s, size_t i);

/* The SVG document of c. */
void pricing__chart_svg(pricing__w *w, const pricing__chart *c);

#endif
