/* SPDX-License-Identifier: MIT */
/* svg.h - the seller tools' own small XML/SVG writer (private).
 *
 * Charts and the HTML price page are written through pricing__w like
 * every other output. What is here: escaping any catalog string for XML
 * and HTML text and attribute values, coordinates in tenths of a pixel
 * rounded by one rule from exact rationals, and exact decimal texts of
 * rationals for tooltips. No floating point anywhere. */
#ifndef PRICING_SVG_H
#define PRICING_SVG_H

#include <gmp.h>

#include "writer.h"

/* s (n bytes) escaped for an XML or HTML text or a quoted attribute
 * value: & < > " ' as references; a character XML 1.0 does not allow
 * (C0 controls but tab and line breaks, U+FFFE, U+FFFF) and invalid
 * UTF-8 become U+FFFD, so the output is always well-formed. */
void pricing__xml_text(pricing__w *w, const char *s, size_t n);
void pricing__xml_cstr(pricing__w *w, const char *s);

/* The rule of every coordinate: the exact position c (>= 0, pixels) is
 * written to the nearest tenth of a pixel, halves rounded up:
 * floor(10 c + 1/2) tenths. */
long pricing__svg_tenths(const mpq_t c);
/* t tenths of a pixel as a fixed decimal with one digit: 1234 -> "123.4". */
void pricing__svg_coord(pricing__w *w, long t);
/* An integer (for sizes and counts). */
void pricing__svg_long(pricing__w *w, long v);

/* v (>= 0) as a decimal: exact, with at least min_frac digits after
 * the point, when its denominator has no prime factor but 2 and 5 and
 * it needs at most max_frac digits; else "~" and v rounded half up to
 * max_frac digits. Returns 1 when exact. */
int pricing__xml_rational(pricing__w *w, const mpq_t v, unsigned min_frac,
                          unsigned max_frac);

#endif
