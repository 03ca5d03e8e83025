/* SPDX-License-Identifier: MIT */
/* fuzz_decimal.c - the amount grammar and exact decimal text.
 *
 * data[0] chooses the scale, data[1..] is the amount text (exactly sized,
 * no terminator). pricing__decimal_check must agree with an independent
 * grammar; an accepted amount goes to an integer (pricing__decimal_to_mpz)
 * that matches an independent conversion, and pricing__decimal_format of
 * it (strip 0 and 1, and negated) re-parses to the same integer at the
 * same scale, canonically written, within pricing__decimal_format_size.
 * The same data read as a raw big integer is formatted at any scale up to
 * 64 and read back exactly. */
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "decimal.h"
#include "fuzz_common.h"

/* The contract's grammar, written again: [0-9]+(.[0-9]+)? within the
 * digit limits. Returns PRICING__DEC_*. */
static int ref_check(const char *s, size_t len, unsigned *frac)
{
    size_t i = 0, idig = 0, fdig = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        i++;
        idig++;
    }
    if (idig == 0)
        return PRICING__DEC_SYNTAX;
    if (i < len) {
        if (s[i++] != '.')
            return PRICING__DEC_SYNTAX;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            i++;
            fdig++;
        }
        if (fdig == 0 || i != len)
            return PRICING__DEC_SYNTAX;
    }
    if (idig > PRICING_MAX_AMOUNT_INT_DIGITS ||
        fdig > PRICING_MAX_AMOUNT_FRAC_DIGITS)
        return PRICING__DEC_DIGITS;
    *frac = (unsigned)fdig;
    return PRICING__DEC_OK;
}

/* value x 10^scale of checked text, independently (digit by digit). */
static void ref_value(mpz_t out, const char *s, size_t len, unsigned scale)
{
    size_t i;
    unsigned frac = 0;
    int in_frac = 0;
    mpz_set_ui(out, 0);
    for (i = 0; i < len; i++) {
        if (s[i] == '.') {
            in_frac = 1;
            continue;
        }
        mpz_mul_ui(out, out, 10);
        mpz_add_ui(out, out, (unsigned long)(s[i] - '0'));
        frac += (unsigned)in_frac;
    }
    for (; frac < scale; frac++)
        mpz_mul_ui(out, out, 10);
}

/* Reads formatted text back: [-]digits[.digits] as value x 10^scale. */
static void read_back(mpz_t out, const char *t, unsigned scale, int strip,
                      const char *what)
{
    const char *p = t, *dot;
    size_t idig, fdig = 0;
    int neg = 0;

    if (*p == '-') {
        neg = 1;
        p++;
    }
    idig = strspn(p, "0123456789");
    FUZZ_ASSERT(idig > 0, "%s \"%s\": no integer digits", what, t);
    FUZZ_ASSERT(idig == 1 || p[0] != '0', "%s \"%s\": leading zero", what, t);
    dot = p + idig;
    if (*dot == '.') {
        fdig = strspn(dot + 1, "0123456789");
        FUZZ_ASSERT(fdig > 0 && dot[1 + fdig] == '\0',
                    "%s \"%s\": bad fraction", what, t);
        FUZZ_ASSERT(!strip || dot[fdig] != '0',
                    "%s \"%s\": trailing zeros with strip", what, t);
    } else {
        FUZZ_ASSERT(*dot == '\0', "%s \"%s\": junk after the digits", what, t);
    }
    FUZZ_ASSERT(strip ? fdig <= scale : fdig == scale,
                "%s \"%s\": %zu decimals at scale %u", what, t, fdig, scale);
    ref_value(out, p, strlen(p), scale);
    if (neg) {
        FUZZ_ASSERT(mpz_sgn(out) != 0, "%s \"%s\": negative zero", what, t);
        mpz_neg(out, out);
    }
}

/* Formats v at scale both ways (and negated) and checks the text. */
static void format_round_trip(const mpz_t v, unsigned scale)
{
    size_t size = pricing__decimal_format_size(v, scale), n;
    char *buf = malloc(size);
    mpz_t back, neg;
    int strip;

    FUZZ_ASSERT(buf != NULL, "harness out of memory");
    mpz_init(back);
    mpz_init(neg);
    mpz_neg(neg, v);
    for (strip = 0; strip < 2; strip++) {
        n = pricing__decimal_format(buf, v, scale, strip);
        FUZZ_ASSERT(n + 1 <= size && strlen(buf) == n,
                    "format wrote %zu bytes into %zu", n + 1, size);
        read_back(back, buf, scale, strip, "formatted");
        FUZZ_ASSERT(mpz_cmp(back, v) == 0, "\"%s\" is not the value at scale %u",
                    buf, scale);
        n = pricing__decimal_format_size(neg, scale);
        FUZZ_ASSERT(n == size, "format_size differs for -v");
        n = pricing__decimal_format(buf, neg, scale, strip);
        FUZZ_ASSERT(n + 1 <= size && strlen(buf) == n,
                    "format of -v wrote %zu bytes into %zu", n + 1, size);
        read_back(back, buf, scale, strip, "formatted negative");
        FUZZ_ASSERT(mpz_cmp(back, neg) == 0,
                    "\"%s\" is not the negated value at scale %u", buf, scale);
    }
    mpz_clear(back);
    mpz_clear(neg);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s;
    size_t len;
    unsigned frac = 99, rfrac = 98, scale;
    int rc, ref;
    mpz_t v, w;

    if (size < 1)
        return 0;
    s = (const char *)data + 1;
    len = size - 1;
    rc = pricing__decimal_check(s, len, &frac);
    ref = ref_check(s, len, &rfrac);
    FUZZ_ASSERT(rc == ref, "decimal_check says %d, the grammar %d (len %zu)",
                rc, ref, len);
    mpz_init(v);
    mpz_init(w);
    if (rc == PRICING__DEC_OK) {
        char *t;
        size_t n, tsize;
        unsigned tfrac = 0;
        FUZZ_ASSERT(frac == rfrac, "frac %u, expected %u", frac, rfrac);
        /* the loader's scales: at least frac, at most 18 */
        scale = frac + data[0] % (PRICING_MAX_AMOUNT_FRAC_DIGITS + 1 - frac);
        pricing__decimal_to_mpz(v, s, len, scale);
        ref_value(w, s, len, scale);
        FUZZ_ASSERT(mpz_cmp(v, w) == 0, "decimal_to_mpz differs at scale %u",
                    scale);
        format_round_trip(v, scale);
        /* the canonical text is itself an amount of the same value */
        tsize = pricing__decimal_format_size(v, scale);
        t = malloc(tsize);
        FUZZ_ASSERT(t != NULL, "harness out of memory");
        n = pricing__decimal_format(t, v, scale, 1);
        FUZZ_ASSERT(pricing__decimal_check(t, n, &tfrac) == PRICING__DEC_OK &&
                        tfrac <= frac,
                    "formatted \"%s\" is not an amount of at most %u decimals",
                    t, frac);
        pricing__decimal_to_mpz(w, t, n, scale);
        FUZZ_ASSERT(mpz_cmp(v, w) == 0, "\"%s\" re-parses to another value", t);
        free(t);
    }
    /* any integer at any scale: the data's bytes as a big number */
    mpz_import(v, size > 256 ? 256 : size, 1, 1, 0, 0, data);
    format_round_trip(v, data[0] % 65u);
    mpz_clear(v);
    mpz_clear(w);
    return 0;
}
