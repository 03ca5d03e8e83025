/* SPDX-License-Identifier: MIT */
/* unit_chart.c - the seller tools' SVG writer (escaping, the coordinate
 * rule, rational texts) and the exact points of price charts: which
 * quantities, which totals, which inversions, which pixels. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing.h"
#include "seller/chart.h"
#include "seller/svg.h"
#include "unit.h"

/* ------------------------------------------------------------ writer */

typedef struct out {
    pricing_buffer buf;
    pricing__w w;
} out;

static void out_start(out *o)
{
    memset(o, 0, sizeof *o);
    pricing__w_start(&o->w, &o->buf);
}

static const char *out_text(out *o)
{
    ck_assert_int_eq(pricing__w_done(&o->w), 0);
    return o->buf.data;
}

START_TEST(test_xml_escape)
{
    /* every XML special, a control byte, a lone continuation byte, an
     * encoded U+FFFE, a truncated sequence; é and tab pass through */
    static const char in[] = "a<b>&\"'\x01 \x80 \xEF\xBF\xBE \t\xC3\xA9 \xE2\x82";
    out o;
    out_start(&o);
    pricing__xml_text(&o.w, in, sizeof in - 1);
    ck_assert_str_eq(out_text(&o),
                     "a&lt;b&gt;&amp;&quot;&#39;\xEF\xBF\xBD \xEF\xBF\xBD "
                     "\xEF\xBF\xBD \t\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD");
    pricing_buffer_dispose(&o.buf);
    /* a NUL inside the length is a control character too */
    out_start(&o);
    pricing__xml_text(&o.w, "x\0y", 3);
    ck_assert_str_eq(out_text(&o), "x\xEF\xBF\xBDy");
    pricing_buffer_dispose(&o.buf);
}
END_TEST

static long tenths_of(long num, long den)
{
    mpq_t q;
    long t;
    mpq_init(q);
    mpq_set_si(q, num, (unsigned long)den);
    mpq_canonicalize(q);
    t = pricing__svg_tenths(q);
    mpq_clear(q);
    return t;
}

START_TEST(test_coordinate_rule)
{
    out o;
    /* floor(10 c + 1/2): halves go up, the rest to the nearest tenth */
    ck_assert_int_eq(tenths_of(0, 1), 0);
    ck_assert_int_eq(tenths_of(1, 20), 1);     /* 0.05 -> 0.1 */
    ck_assert_int_eq(tenths_of(3, 20), 2);     /* 0.15 -> 0.2 */
    ck_assert_int_eq(tenths_of(1, 30), 0);     /* 0.0333 -> 0.0 */
    ck_assert_int_eq(tenths_of(499, 3), 1663); /* 166.333 -> 166.3 */
    ck_assert_int_eq(tenths_of(500, 3), 1667); /* 166.667 -> 166.7 */
    ck_assert_int_eq(tenths_of(24691, 200), 1235); /* 123.455 -> 123.5 */
    ck_assert_int_eq(tenths_of(24689, 200), 1234); /* 123.445 -> 123.4 */
    out_start(&o);
    pricing__svg_coord(&o.w, 1235);
    pricing__w_raw(&o.w, " ", 1);
    pricing__svg_coord(&o.w, 0);
    pricing__w_raw(&o.w, " ", 1);
    pricing__svg_coord(&o.w, 7);
    ck_assert_str_eq(out_text(&o), "123.5 0.0 0.7");
    pricing_buffer_dispose(&o.buf);
}
END_TEST

static void rational_is(long num, long den, unsigned min, unsigned max,
                        const char *want, int exact)
{
    out o;
    mpq_t q;
    mpq_init(q);
    mpq_set_si(q, num, (unsigned long)den);
    mpq_canonicalize(q);
    out_start(&o);
    ck_assert_int_eq(pricing__xml_rational(&o.w, q, min, max), exact);
    ck_assert_str_eq(out_text(&o), want);
    pricing_buffer_dispose(&o.buf);
    mpq_clear(q);
}

START_TEST(test_rational_text)
{
    rational_is(9, 10, 2, 40, "0.90", 1);
    rational_is(2538, 1, 2, 40, "2538.00", 1);
    rational_is(0, 1, 0, 40, "0", 1);
    rational_is(1, 8, 0, 40, "0.125", 1);
    rational_is(1, 8, 0, 2, "~0.13", 0);     /* needs 3 digits: rounded */
    rational_is(1, 3, 2, 6, "~0.333333", 0); /* never ends */
    rational_is(2, 3, 0, 6, "~0.666667", 0); /* half up */
    rational_is(1, 1000000, 2, 40, "0.000001", 1);
}
END_TEST

/* ------------------------------------------------------------ points */

/* KooGallery's volume example: 0.3 a minute up to 3, 0.2 beyond. */
static const char koo[] =
    "{\"catalog\":\"k\",\"currency\":\"CNY\",\"specs\":[{\"id\":\"calls\","
    "\"billing\":\"yearly_monthly\",\"plans\":[\"month\"],\"attributes\":"
    "[{\"id\":\"minutes\",\"type\":\"quantity\",\"min\":1,\"max\":6}],"
    "\"template\":\"custom\",\"skus\":[{\"sku\":{},\"prices\":{\"month\":"
    "{\"quantities\":{\"minutes\":{\"volume\":[{\"up_to\":3,\"unit_price\":"
    "\"0.3\"},{\"up_to\":null,\"unit_price\":\"0.2\"}]}}}}}]}]}";

static pricing_catalog *load(const char *json)
{
    pricing_catalog *cat = NULL;
    pricing_error err;
    pricing_error_init(&err);
    ck_assert_msg(pricing_catalog_load(&cat, json, strlen(json), &err) == 0,
                  "%s", err.message);
    return cat;
}

static int total_is(const pricing__chart_point *p, const char *want)
{
    mpq_t w;
    int eq;
    mpq_init(w);
    mpq_set_str(w, want, 10);
    mpq_canonicalize(w);
    eq = mpq_equal(w, p->total);
    mpq_clear(w);
    return eq;
}

START_TEST(test_koo_points)
{
    static const char *const totals[] = {"3/10", "3/5", "9/10", "4/5", "1",
                                         "6/5"};
    pricing_catalog *cat = load(koo);
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing__chart c;
    pricing_error err;
    size_t i;

    pricing_error_init(&err);
    ck_assert_int_eq(pricing__chart_build(&c, cat, "calls", NULL, NULL, NULL,
                                          &err), 0);
    ck_assert_uint_eq(c.x0, 1);
    ck_assert_uint_eq(c.x1, 6);
    ck_assert_uint_eq(c.nseries, 1);
    ck_assert_uint_eq(c.series[0].n, 6); /* every quantity, here */
    ck_assert_uint_eq(c.series[0].nbounds, 1);
    ck_assert_uint_eq(c.series[0].bounds[0], 3);
    for (i = 0; i < 6; i++) {
        ck_assert_uint_eq(c.series[0].pts[i].q, i + 1);
        ck_assert_msg(total_is(&c.series[0].pts[i], totals[i]), "q %zu", i);
        /* the one inversion: 4 minutes cost less than 3 */
        ck_assert_int_eq(pricing__chart_inversion(&c, &c.series[0], i),
                         i == 2);
    }
    /* the edges (dots): the ends and both sides of the boundary */
    ck_assert_int_eq(c.series[0].pts[0].edge, 1);
    ck_assert_int_eq(c.series[0].pts[1].edge, 0);
    ck_assert_int_eq(c.series[0].pts[2].edge, 1);
    ck_assert_int_eq(c.series[0].pts[3].edge, 1);
    pricing__chart_dispose(&c);
    /* The pixels: x = 96 + (q - 1) x 600 / 5; y = 272 - total x 200 /
     * 1.5 (ticks of 0.5 up to 1.5), to the nearest tenth. */
    ck_assert_int_eq(pricing_catalog_chart(&buf, cat, "calls", NULL, NULL,
                                           NULL, 0, &err), 0);
    ck_assert_ptr_nonnull(strstr(buf.data,
                                 " points=\"96.0,232.0 216.0,192.0 "
                                 "336.0,152.0 456.0,165.3 576.0,138.7 "
                                 "696.0,112.0\""));
    ck_assert_ptr_nonnull(strstr(buf.data,
                                 "<circle class=\"inversion\" cx=\"456.0\" "
                                 "cy=\"165.3\""));
    pricing_buffer_dispose(&buf);
    pricing_catalog_free(cat);
}
END_TEST

/* A quantity spec with rule RULE on attribute n (min MIN, max MAX, step
 * STEP), in a catalog of its own. */
static pricing_catalog *one_rule(const char *min_max_step, const char *rule)
{
    char json[1024];
    snprintf(json, sizeof json,
             "{\"catalog\":\"c\",\"currency\":\"USD\",\"specs\":[{\"id\":"
             "\"s\",\"billing\":\"yearly_monthly\",\"plans\":[\"month\"],"
             "\"attributes\":[{\"id\":\"n\",\"type\":\"quantity\",%s}],"
             "\"template\":\"custom\",\"skus\":[{\"sku\":{},\"prices\":"
             "{\"month\":{\"quantities\":{\"n\":%s}}}}]}]}",
             min_max_step, rule);
    return load(json);
}

static void edges_are(const pricing__chart_series *s, const uint64_t *want,
                      size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < s->n; i++)
        if (s->pts[i].edge) {
            ck_assert_uint_lt(k, n);
            ck_assert_uint_eq(s->pts[i].q, want[k]);
            k++;
        }
    ck_assert_uint_eq(k, n);
}

START_TEST(test_range_and_step)
{
    /* max 10^15 and a boundary at 50: the chart ends at 100, on the grid
     * of step 10 */
    static const uint64_t edges[] = {0, 50, 60, 100};
    pricing_catalog *cat = one_rule(
        "\"min\":0,\"max\":1000000000000000,\"step\":10",
        "{\"graduated\":[{\"up_to\":50,\"unit_price\":\"2\"},"
        "{\"up_to\":null,\"unit_price\":\"1\",\"flat\":\"7\"}]}");
    pricing__chart c;
    size_t i;
    ck_assert_int_eq(pricing__chart_build(&c, cat, "s", "n", "month", NULL,
                                          NULL), 0);
    ck_assert_uint_eq(c.x0, 0);
    ck_assert_uint_eq(c.x1, 100);
    edges_are(&c.series[0], edges, 4);
    for (i = 0; i < c.series[0].n; i++)
        ck_assert_uint_eq(c.series[0].pts[i].q % 10, 0);
    /* 60 = 50 x 2 + 10 x 1 + the flat 7 of tier 2 */
    for (i = 0; c.series[0].pts[i].q != 60; i++)
        ;
    ck_assert(total_is(&c.series[0].pts[i], "117"));
    pricing__chart_dispose(&c);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_package_edges)
{
    /* round down: the price changes between 4 and 5, 9 and 10 */
    static const uint64_t down[] = {0, 4, 5, 9, 10, 12};
    /* round up: between 0 and 1, 5 and 6, 10 and 11 */
    static const uint64_t up[] = {0, 1, 5, 6, 10, 11, 12};
    pricing_catalog *cat = one_rule(
        "\"min\":0,\"max\":12",
        "{\"package\":{\"size\":5,\"price\":\"3\",\"round\":\"down\"}}");
    pricing__chart c;
    ck_assert_int_eq(pricing__chart_build(&c, cat, "s", NULL, NULL, NULL,
                                          NULL), 0);
    edges_are(&c.series[0], down, 6);
    pricing__chart_dispose(&c);
    pricing_catalog_free(cat);
    cat = one_rule("\"min\":0,\"max\":12",
                   "{\"package\":{\"size\":5,\"price\":\"3\"}}");
    ck_assert_int_eq(pricing__chart_build(&c, cat, "s", NULL, NULL, NULL,
                                          NULL), 0);
    edges_are(&c.series[0], up, 7);
    pricing__chart_dispose(&c);
    pricing_catalog_free(cat);
    /* more packages than PRICING__CHART_MAX_PACKAGES: the ends and the
     * samples only */
    cat = one_rule("\"min\":0,\"max\":100000",
                   "{\"package\":{\"size\":10,\"price\":\"3\"}}");
    ck_assert_int_eq(pricing__chart_build(&c, cat, "s", NULL, NULL, NULL,
                                          NULL), 0);
    ck_assert_uint_le(c.series[0].n, PRICING__CHART_SAMPLES + 1);
    pricing__chart_dispose(&c);
    pricing_catalog_free(cat);
}
END_TEST

static void chart_fails(const pricing_catalog *cat, const char *spec,
                        const char *attr, const char *plan, const char *sku,
                        pricing_code code, const char *path)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;
    pricing_error_init(&err);
    ck_assert_int_eq(pricing_catalog_chart(&buf, cat, spec, attr, plan, sku,
                                           0, &err),
                     -(int)code);
    ck_assert_int_eq(err.code, code);
    ck_assert_str_eq(err.path, path);
    pricing_buffer_dispose(&buf);
}

START_TEST(test_choices)
{
    static const char json[] =
        "{\"catalog\":\"c\",\"currency\":\"USD\",\"specs\":[{\"id\":\"s\","
        "\"billing\":\"yearly_monthly\",\"plans\":[\"month\",\"year\"],"
        "\"attributes\":[{\"id\":\"ed\",\"type\":\"enum\",\"values\":"
        "[\"a\",\"b\",\"c\"]},{\"id\":\"n\",\"type\":\"quantity\",\"min\":1,"
        "\"max\":9}],\"template\":\"custom\",\"skus\":["
        "{\"sku\":{\"ed\":\"a\"},\"prices\":{\"month\":{\"quantities\":{\"n\":"
        "{\"linear\":\"1\"}}},\"year\":{\"quantities\":{\"n\":{\"linear\":"
        "\"10\"}}}}},"
        "{\"sku\":{\"ed\":\"b\"},\"prices\":{\"month\":{\"quantities\":{\"n\":"
        "{\"linear\":\"2\"}}},\"year\":{\"quantities\":{\"n\":{\"linear\":"
        "\"20\"}}}}},"
        "{\"sku\":{\"ed\":\"c\"},\"available\":false}]}]}";
    pricing_catalog *cat = load(json);
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing__chart c;

    /* every available SKU, or the one chosen */
    ck_assert_int_eq(pricing__chart_build(&c, cat, "s", NULL, "year", NULL,
                                          NULL), 0);
    ck_assert_uint_eq(c.nseries, 2);
    ck_assert_str_eq(c.series[1].label, "b");
    ck_assert(total_is(&c.series[1].pts[c.series[1].n - 1], "180"));
    pricing__chart_dispose(&c);
    ck_assert_int_eq(pricing__chart_build(&c, cat, "s", "n", NULL, "ed=b",
                                          NULL), 0);
    ck_assert_uint_eq(c.nseries, 1);
    ck_assert_uint_eq(c.series[0].sku, 1);
    ck_assert_str_eq(c.plan, "month");
    pricing__chart_dispose(&c);

    chart_fails(cat, "t", NULL, NULL, NULL, PRICING_UNKNOWN_SPEC, "");
    chart_fails(cat, "s", "m", NULL, NULL, PRICING_UNKNOWN_ATTRIBUTE, "");
    chart_fails(cat, "s", "ed", NULL, NULL, PRICING_INVALID_VALUE, "");
    chart_fails(cat, "s", NULL, "one_time", NULL, PRICING_PLAN_NOT_OFFERED,
                "");
    chart_fails(cat, "s", NULL, NULL, "ed=z", PRICING_UNKNOWN_VALUE,
                "/sku/ed");
    chart_fails(cat, "s", NULL, NULL, "ed", PRICING_INVALID_ARGUMENT, "");
    chart_fails(cat, "s", NULL, NULL, "ed=c", PRICING_SKU_UNAVAILABLE,
                "/sku");
    chart_fails(cat, NULL, NULL, NULL, NULL, PRICING_INVALID_ARGUMENT, "");
    ck_assert_int_eq(pricing_catalog_chart(&buf, cat, "s", NULL, NULL, NULL,
                                           1u, NULL),
                     -PRICING_INVALID_ARGUMENT);
    pricing_buffer_dispose(&buf);
    pricing_catalog_free(cat);
}
END_TEST

START_TEST(test_too_many_series)
{
    /* 25 editions: one too many for a chart; one of them is fine */
    char json[8192], *p = json;
    int i;
    p += sprintf(p, "{\"catalog\":\"c\",\"currency\":\"USD\",\"specs\":[{"
                    "\"id\":\"s\",\"billing\":\"yearly_monthly\",\"plans\":"
                    "[\"month\"],\"attributes\":[{\"id\":\"e\",\"type\":"
                    "\"enum\",\"values\":[");
    for (i = 0; i < 25; i++)
        p += sprintf(p, "%s\"v%d\"", i ? "," : "", i);
    p += sprintf(p, "]},{\"id\":\"n\",\"type\":\"quantity\",\"min\":1,"
                    "\"max\":9}],\"template\":\"custom\",\"skus\":[");
    for (i = 0; i < 25; i++)
        p += sprintf(p, "%s{\"sku\":{\"e\":\"v%d\"},\"prices\":{\"month\":"
                        "{\"quantities\":{\"n\":{\"linear\":\"%d\"}}}}}",
                     i ? "," : "", i, i + 1);
    sprintf(p, "]}]}");
    {
        pricing_catalog *cat = load(json);
        pricing__chart c;
        chart_fails(cat, "s", NULL, NULL, NULL, PRICING_LIMIT_EXCEEDED, "");
        ck_assert_int_eq(pricing__chart_build(&c, cat, "s", NULL, NULL,
                                              "e=v24", NULL), 0);
        pricing__chart_dispose(&c);
        pricing_catalog_free(cat);
    }
}
END_TEST

Suite *unit_chart_suite(void)
{
    Suite *s = suite_create("chart");
    TCase *tc = tcase_create("chart");
    tcase_add_test(tc, test_xml_escape);
    tcase_add_test(tc, test_coordinate_rule);
    tcase_add_test(tc, test_rational_text);
    tcase_add_test(tc, test_koo_points);
    tcase_add_test(tc, test_range_and_step);
    tcase_add_test(tc, test_package_edges);
    tcase_add_test(tc, test_choices);
    tcase_add_test(tc, test_too_many_series);
    suite_add_tcase(s, tc);
    return s;
}
