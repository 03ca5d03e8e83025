/* SPDX-License-Identifier: MIT */
/* catalog_warning.c - warnings about a valid catalog: what its author
 * probably did not mean. Computed on demand from the immutable catalog,
 * into the caller's struct: no state, safe from any thread. */
#include <stdio.h>
#include <string.h>

#include "currency.h"
#include "model.h"
#include "suggest.h"

typedef enum warning_kind { CURRENCY_NOT_ISO } warning_kind;
#define WARNING_KIND_COUNT 1

static const char *currency_code(const void *ctx, size_t i)
{
    (void)ctx;
    return pricing__currency_code(i);
}

/* The ISO 4217 code one edit away from a currency the table lacks (CYN
 * for CNY), or NULL. Such a catalog loads only with minor_units. */
static const char *near_currency(const pricing_catalog *cat)
{
    pricing__choices c;
    long near;
    if (pricing__currency_listed(cat->currency))
        return NULL;
    memset(&c, 0, sizeof c);
    c.label = "codes";
    c.n = pricing__currency_count();
    c.name = currency_code;
    near = pricing__suggest(cat->currency, strlen(cat->currency), &c);
    return near < 0 ? NULL : pricing__currency_code((size_t)near);
}

/* Fills out with warning kind k when the catalog has it; 0 when not. */
static int warning(pricing_warning *out, const pricing_catalog *cat,
                   warning_kind k)
{
    const char *near;
    switch (k) {
    case CURRENCY_NOT_ISO:
        if (!(near = near_currency(cat)))
            return 0;
        if (out) {
            out->code = "currency_not_iso";
            snprintf(out->path, sizeof out->path, "/currency");
            snprintf(out->message, sizeof out->message,
                     "%s is not an ISO 4217 code (loaded with its "
                     "minor_units); did you mean '%s'?",
                     cat->currency, near);
        }
        return 1;
    }
    return 0;
}

size_t pricing_catalog_warning_count(const pricing_catalog *cat)
{
    size_t n = 0;
    int k;
    if (!cat)
        return 0;
    for (k = 0; k < WARNING_KIND_COUNT; k++)
        n += (size_t)warning(NULL, cat, (warning_kind)k);
    return n;
}

int pricing_catalog_warning(pricing_warning *out,
                            const pricing_catalog *cat, size_t index,
                            pricing_error *err)
{
    size_t left = index;
    int k;
    if (out)
        memset(out, 0, sizeof *out);
    if (!out || !cat)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_warning: NULL argument");
    for (k = 0; k < WARNING_KIND_COUNT; k++)
        if (warning(NULL, cat, (warning_kind)k) && left-- == 0) {
            (void)warning(out, cat, (warning_kind)k); /* it has it: fills */
            return 0;
        }
    return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                             "pricing_catalog_warning: no warning %zu "
                             "(there are %zu)",
                             index, pricing_catalog_warning_count(cat));
}
