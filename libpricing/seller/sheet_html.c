/* SPDX-License-Identifier: MIT */
/* sheet_html.c - the price sheet as a self-contained HTML page: the
 * catalog's specs, their plans and attributes, every price row of the
 * sheet in one table per spec, and a chart per quantity attribute and
 * plan inline as SVG. No external resource (inline CSS, no script), and
 * every catalog string escaped (svg.h), so the page can go on a site. */
#include <string.h>

#include "catalog_write.h"
#include "chart.h"
#include "error.h"
#include "sheet.h"
#include "svg.h"

static const char css[] =
    "body{font-family:sans-serif;margin:2em auto;max-width:960px;"
    "padding:0 1em;color:#222}"
    "h1{margin-bottom:.2em}.meta{color:#555;margin-top:0}"
    "section.spec{border-top:2px solid #ddd;margin-top:2em}"
    "code{background:#f3f3f3;padding:0 .3em}"
    "table{border-collapse:collapse;margin:1em 0;font-size:.9em}"
    "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
    "th{background:#f3f3f3}td.amount{text-align:right;"
    "font-variant-numeric:tabular-nums}"
    "tr.unavailable td{color:#999;font-style:italic}"
    "figure{margin:1em 0}svg{max-width:100%;height:auto}"
    "figcaption,.note{color:#555;font-size:.9em}";

typedef struct html {
    pricing__w *w;
    pricing__cw cw;
    pricing__peers peers;
    const pricing_catalog *cat;
} html;

static void lit(html *h, const char *s)
{
    pricing__w_lit(h->w, s);
}

static void esc(html *h, const char *s)
{
    pricing__xml_cstr(h->w, s);
}

/* <TAG>escaped text</TAG> */
static void cell(html *h, const char *tag, const char *s)
{
    lit(h, "<");
    lit(h, tag);
    lit(h, ">");
    esc(h, s);
    lit(h, "</");
    lit(h, tag);
    lit(h, ">");
}

static void head(html *h)
{
    const pricing_catalog *cat = h->cat;
    const char *version = pricing_catalog_version(cat);
    const char *effective = pricing_catalog_effective(cat);
    size_t c;
    lit(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
           "<meta charset=\"utf-8\"/>\n"
           "<meta name=\"viewport\" content=\"width=device-width, "
           "initial-scale=1\"/>\n<title>");
    esc(h, pricing_catalog_id(cat));
    lit(h, " prices</title>\n<style>");
    lit(h, css);
    lit(h, "</style>\n</head>\n<body>\n<header>\n<h1>");
    esc(h, pricing_catalog_id(cat));
    lit(h, "</h1>\n<p class=\"meta\">");
    if (version) {
        lit(h, "Version ");
        esc(h, version);
        lit(h, " &#183; ");
    }
    if (effective) {
        lit(h, "effective ");
        esc(h, effective);
        lit(h, " &#183; ");
    }
    lit(h, "prices in ");
    for (c = 0; c < h->peers.ncur; c++) {
        if (c > 0)
            lit(h, c + 1 == h->peers.ncur ? " and " : ", ");
        esc(h, c == 0 ? cat->currency : h->peers.cats[c]->currency);
    }
    lit(h, "</p>\n</header>\n");
}

/* The plans, counts, trial and attributes of spec. */
static void spec_facts(html *h, const pricing_spec *spec)
{
    size_t i, n = pricing_spec_attribute_count(spec);
    lit(h, "<p class=\"facts\">Billing: ");
    esc(h, pricing_spec_billing(spec));
    lit(h, "; plans:");
    for (i = 0; i < pricing_spec_plan_count(spec); i++) {
        lit(h, i ? ", " : " ");
        esc(h, pricing_spec_plan(spec, i));
    }
    if (pricing_spec_trial_days(spec)) {
        lit(h, "; trial: ");
        pricing__w_u64(h->w, pricing_spec_trial_days(spec));
        lit(h, " days");
    }
    lit(h, "</p>\n");
    if (n == 0)
        return;
    lit(h, "<ul class=\"attributes\">\n");
    for (i = 0; i < n; i++) {
        const pricing_attribute *a = pricing_spec_attribute(spec, i);
        size_t k, nv = pricing_attribute_value_count(a);
        lit(h, "<li><code>");
        esc(h, pricing_attribute_id(a));
        lit(h, "</code>: ");
        for (k = 0; k < nv; k++) {
            if (k)
                lit(h, ", ");
            esc(h, pricing_attribute_value(a, k));
        }
        if (nv == 0) {
            pricing__w_u64(h->w, pricing_attribute_min(a));
            lit(h, " to ");
            pricing__w_u64(h->w, pricing_attribute_max(a));
            lit(h, ", step ");
            pricing__w_u64(h->w, pricing_attribute_step(a));
            if (pricing_attribute_unit(a)) {
                lit(h, " (");
                esc(h, pricing_attribute_unit(a));
                lit(h, ")");
            }
        }
        lit(h, "</li>\n");
    }
    lit(h, "</ul>\n");
}

static int html_row(void *ctx, const pricing__row *row)
{
    html *h = ctx;
    const pricing_spec *spec = (const pricing_spec *)row->spec;
    char tmp[24];
    size_t i, c;
    int col, first = 1;

    lit(h, row->kind == PRICING__ROW_UNAVAILABLE ? "<tr class=\"unavailable\"><td>"
                                                 : "<tr><td>");
    for (i = 0; i < pricing_spec_attribute_count(spec); i++) {
        const char *v = pricing_spec_sku_value(spec, row->pos, i);
        if (!v)
            continue;
        if (!first)
            lit(h, " / ");
        first = 0;
        esc(h, v);
    }
    lit(h, "</td>");
    for (col = PRICING__COL_PLAN; col <= PRICING__COL_ROUND; col++)
        cell(h, "td", pricing__row_key(row, col, tmp));
    for (c = 0; c < h->peers.ncur; c++) {
        const pricing__amount *price =
            row->price ? pricing__peer(&h->peers, row->price, c) : NULL;
        const pricing__amount *flat =
            row->flat ? pricing__peer(&h->peers, row->flat, c) : NULL;
        lit(h, "<td class=\"amount\">");
        esc(h, price ? pricing__cw_text(&h->cw, price) : "");
        lit(h, "</td><td class=\"amount\">");
        esc(h, flat ? pricing__cw_text(&h->cw, flat) : "");
        lit(h, "</td>");
    }
    lit(h, "</tr>\n");
    return h->w->failed ? -1 : 0;
}

static int spec_table(html *h, const pricing__spec *spec)
{
    size_t c;
    int col, rc;
    lit(h, "<table class=\"prices\">\n<thead><tr><th>SKU</th>");
    for (col = PRICING__COL_PLAN; col <= PRICING__COL_ROUND; col++)
        cell(h, "th", pricing__sheet_columns[col]);
    for (c = 0; c < h->peers.ncur; c++) {
        char name[32];
        pricing__sheet_price_column(name, &h->peers, c, 0);
        cell(h, "th", name);
        pricing__sheet_price_column(name, &h->peers, c, 1);
        cell(h, "th", name);
    }
    lit(h, "</tr></thead>\n<tbody>\n");
    rc = pricing__spec_rows(spec, html_row, h);
    lit(h, "</tbody>\n</table>\n");
    return rc;
}

/* A chart per quantity attribute and plan; a spec with too many SKUs for
 * one chart gets a note instead. */
static int spec_charts(html *h, const pricing_spec *spec, pricing_error *err)
{
    size_t i, p;
    for (i = 0; i < pricing_spec_attribute_count(spec); i++) {
        const pricing_attribute *a = pricing_spec_attribute(spec, i);
        if (strcmp(pricing_attribute_type(a), "quantity") != 0)
            continue;
        for (p = 0; p < pricing_spec_plan_count(spec); p++) {
            pricing__chart c;
            pricing_error e;
            int rc;
            pricing_error_init(&e);
            rc = pricing__chart_build(&c, h->cat, pricing_spec_id(spec),
                                      pricing_attribute_id(a),
                                      pricing_spec_plan(spec, p), NULL, &e);
            if (rc == -PRICING_LIMIT_EXCEEDED) {
                lit(h, "<p class=\"note\">No chart: ");
                esc(h, e.message);
                lit(h, "</p>\n");
                continue;
            }
            if (rc != 0)
                return pricing__error_at(err, e.code, e.path, "%s",
                                         e.message);
            lit(h, "<figure class=\"chart\">\n");
            pricing__chart_svg(h->w, &c);
            pricing__chart_dispose(&c);
            lit(h, "<figcaption>Price by <code>");
            esc(h, pricing_attribute_id(a));
            lit(h, "</code>, plan ");
            esc(h, pricing_spec_plan(spec, p));
            lit(h, ": hover a point for its exact values.</figcaption>\n"
                   "</figure>\n");
        }
    }
    return 0;
}

int pricing__sheet_html(pricing_buffer *buf, const pricing_catalog *cat,
                        long only, pricing_error *err)
{
    pricing__w w;
    html h;
    size_t i;
    int rc = 0;

    memset(&h, 0, sizeof h);
    if (cat->hv)
        cat = cat->hv->cats[0]; /* the version, in its default currency */
    if (pricing__peers_init(&h.peers, cat) != 0)
        return pricing__nomem(err);
    h.w = &w;
    h.cw.w = &w;
    h.cw.peers = &h.peers;
    h.cat = cat;
    pricing__w_start(&w, buf);
    head(&h);
    for (i = 0; i < cat->nspecs && rc == 0; i++) {
        const pricing_spec *spec = pricing_catalog_spec(cat, i);
        const char *name = pricing_spec_name(spec);
        if (only >= 0 && (size_t)only != i)
            continue;
        lit(&h, "<section class=\"spec\">\n<h2>");
        if (name) {
            esc(&h, name);
            lit(&h, " ");
        }
        lit(&h, "<code>");
        esc(&h, pricing_spec_id(spec));
        lit(&h, "</code></h2>\n");
        spec_facts(&h, spec);
        if ((rc = spec_table(&h, &cat->specs[i])) == 0)
            rc = spec_charts(&h, spec, err);
        lit(&h, "</section>\n");
    }
    lit(&h, "<footer class=\"note\">Prices as of this catalog; a quote is "
            "the authority.</footer>\n</body>\n</html>\n");
    pricing__peers_dispose(&h.peers);
    if (pricing__w_done(&w) != 0)
        return pricing__nomem(err);
    if (rc == -1)
        return pricing__nomem(err);
    return rc;
}
