/* SPDX-License-Identifier: MIT */
/* svg.c - XML escaping, pixel coordinates and rational texts for the
 * charts and the HTML page (svg.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svg.h"
#include "utf8.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* The length of the UTF-8 sequence at s (n > 0 bytes left), 0 when it
 * is ill-formed; *bad when it is not an XML character (U+FFFE, U+FFFF),
 * to be replaced whole. */
static size_t utf8_len(const unsigned char *s, size_t n, int *bad)
{
    size_t len = pricing__utf8_length(s, n);
    uint32_t cp = len == 3 ? pricing__utf8_decode(s, len) : 0;
    *bad = cp == 0xFFFE || cp == 0xFFFF;
    return len;
}

void pricing__xml_text(pricing__w *w, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, start = 0, len;
    int bad;

    while (i < n) {
        const char *ref = NULL;
        unsigned char c = u[i];
        switch (c) {
        case '&': ref = "&amp;"; break;
        case '<': ref = "&lt;"; break;
        case '>': ref = "&gt;"; break;
        case '"': ref = "&quot;"; break;
        case '\'': ref = "&#39;"; break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                ref = replacement;
        }
        len = ref ? 1 : utf8_len(u + i, n - i, &bad);
        if (!ref && (len == 0 || bad)) {
            ref = replacement;
            len = len ? len : 1; /* an ill-formed byte at a time */
        }
        if (ref) {
            pricing__w_raw(w, s + start, i - start);
            pricing__w_lit(w, ref);
            start = i + len;
        }
        i += len;
    }
    pricing__w_raw(w, s + start, n - start);
}

void pricing__xml_cstr(pricing__w *w, const char *s)
{
    pricing__xml_text(w, s, strlen(s));
}

long pricing__svg_tenths(const mpq_t c)
{
    mpz_t num, den;
    long t;
    mpz_init(num);
    mpz_init(den);
    /* floor((20 p + q) / (2 q)) for c = p / q: floor(10 c + 1/2) */
    mpz_mul_ui(num, mpq_numref(c), 20);
    mpz_add(num, num, mpq_denref(c));
    mpz_mul_ui(den, mpq_denref(c), 2);
    mpz_fdiv_q(num, num, den);
    t = mpz_get_si(num);
    mpz_clear(num);
    mpz_clear(den);
    return t;
}

void pricing__svg_long(pricing__w *w, long v)
{
    char tmp[24];
    pricing__w_raw(w, tmp, (size_t)snprintf(tmp, sizeof tmp, "%ld", v));
}

void pricing__svg_coord(pricing__w *w, long t)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%s%ld.%ld", t < 0 ? "-" : "",
                     (t < 0 ? -t : t) / 10, (t < 0 ? -t : t) % 10);
    pricing__w_raw(w, tmp, (size_t)n);
}

/* The digits after the point v needs, or -1 when its denominator has
 * another prime factor than 2 and 5. */
static long frac_digits(const mpq_t v)
{
    mpz_t d;
    unsigned long twos, fives = 0;
    long r;
    mpz_init_set(d, mpq_denref(v));
    twos = mpz_scan1(d, 0);
    mpz_tdiv_q_2exp(d, d, twos);
    while (mpz_divisible_ui_p(d, 5)) {
        mpz_divexact_ui(d, d, 5);
        fives++;
    }
    r = mpz_cmp_ui(d, 1) == 0 ? (long)(twos > fives ? twos : fives) : -1;
    mpz_clear(d);
    return r;
}

int pricing__xml_rational(pricing__w *w, const mpq_t v, unsigned min_frac,
                          unsigned max_frac)
{
    long need = frac_digits(v);
    int exact = need >= 0 && need <= (long)max_frac;
    unsigned frac = exact ? (unsigned)need : max_frac;
    mpz_t n, p;
    char *text;
    size_t len;

    if (frac < min_frac)
        frac = min_frac;
    mpz_init(n);
    mpz_init(p);
    /* n = round half up (v x 10^frac) */
    mpz_ui_pow_ui(p, 10, frac);
    mpz_mul(n, mpq_numref(v), p);
    mpz_mul_2exp(n, n, 1);
    mpz_add(n, n, mpq_denref(v));
    mpz_mul_2exp(p, mpq_denref(v), 1);
    mpz_fdiv_q(n, n, p);
    text = malloc(mpz_sizeinbase(n, 10) + 2);
    if (!text) {
        w->failed = 1;
    } else {
        len = strlen(mpz_get_str(text, 10, n));
        if (!exact)
            pricing__w_lit(w, "~");
        if (len <= frac) {
            pricing__w_lit(w, "0.");
            while (len < frac--)
                pricing__w_raw(w, "0", 1);
            pricing__w_lit(w, text);
        } else {
            pricing__w_raw(w, text, len - frac);
            if (frac > 0) {
                pricing__w_raw(w, ".", 1);
                pricing__w_raw(w, text + len - frac, frac);
            }
        }
    }
    free(text);
    mpz_clear(n);
    mpz_clear(p);
    return exact;
}
