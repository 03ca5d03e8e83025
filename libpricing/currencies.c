/* SPDX-License-Identifier: MIT */
/* currencies.c - a catalog's "currencies" and its amount objects
 * {"CNY": "99.00", "USD": "13.99"} (contract 1.2).
 *
 * A catalog with currencies is loaded once per currency (history.c); each
 * pass reads, from every amount object, the value of its own currency,
 * after checking the whole object, so the first pass reports every error
 * of the document. */
#include <string.h>

#include "currency.h"
#include "history.h"

static int err_at(pricing__load *ld, const char *key, pricing_code code,
                  const char *fmt, const char *arg)
{
    if (key)
        pricing__path_push_key(&ld->rd.path, key, strlen(key));
    return pricing__error(ld->rd.err, code, &ld->rd.path, fmt, arg);
}

/* A date member: "YYYY-MM-DD" into *d and its text into *text. */
static int load_date(pricing__load *ld, const cJSON *node, const char *key,
                     pricing__date *d, const char **text)
{
    size_t mark = pricing__path_push_key(&ld->rd.path, key, strlen(key));
    const char *s;
    int rc = pricing__rd_string(&ld->rd, node, PRICING_MAX_STRING_BYTES, &s);
    if (rc != 0)
        return rc;
    if (pricing__date_parse(d, s, strlen(s)) != 0)
        return err_at(ld, NULL, PRICING_INVALID_VALUE,
                      "%s is a date YYYY-MM-DD from 0001-01-01 to 9999-12-31",
                      key);
    if (!(*text = pricing__arena_strndup(ld->arena, s, strlen(s))))
        return pricing__nomem(ld->rd.err);
    pricing__path_pop(&ld->rd.path, mark);
    return 0;
}

static int load_dates(pricing__load *ld, const cJSON *effective,
                      const cJSON *existing)
{
    int rc;
    if (existing && !effective)
        return err_at(ld, "effective", PRICING_MISSING_FIELD,
                      "existing_from needs an effective date%s", "");
    if (effective) {
        if ((rc = load_date(ld, effective, "effective", &ld->effective,
                            &ld->effective_s)) != 0)
            return rc;
        ld->has_effective = 1;
    }
    if (existing) {
        if ((rc = load_date(ld, existing, "existing_from", &ld->existing,
                            &ld->existing_s)) != 0)
            return rc;
        if (pricing__date_ordinal(&ld->existing) <
            pricing__date_ordinal(&ld->effective))
            return err_at(ld, "existing_from", PRICING_INVALID_VALUE,
                          "%s is before effective", "existing_from");
        ld->has_existing = 1;
    }
    return 0;
}

/* One entry of "currencies" at the current path. */
static int load_code(pricing__load *ld, const cJSON *node)
{
    const char *s;
    size_t k;
    int rc = pricing__rd_string(&ld->rd, node, PRICING_MAX_STRING_BYTES, &s);
    if (rc != 0)
        return rc;
    if (strlen(s) != 3 || pricing__currency_minor_units(s) < 0)
        return err_at(ld, NULL, PRICING_INVALID_VALUE,
                      "\"%.16s\" is not a code of the ISO 4217 table with "
                      "minor units", s);
    for (k = 0; k < ld->ncodes; k++)
        if (memcmp(ld->codes[k], s, 4) == 0)
            return err_at(ld, NULL, PRICING_INVALID_VALUE,
                          k == 0 ? "%s is the catalog's default currency"
                                 : "%s is listed twice",
                          s);
    if (ld->ncodes >= PRICING__MAX_CURRENCIES)
        return err_at(ld, NULL, PRICING_LIMIT_EXCEEDED, "%s: too many "
                      "currencies", s);
    memcpy(ld->codes[ld->ncodes++], s, 4);
    return 0;
}

static int load_currencies(pricing__load *ld, const cJSON *node)
{
    pricing_catalog *cat = ld->cat;
    char sig[PRICING__MAX_CURRENCIES * 4];
    const cJSON *e;
    size_t mark = pricing__path_push_key(&ld->rd.path, "currencies", 10);
    size_t i = 0, mark2;
    int rc;

    if (!cJSON_IsArray(node))
        return pricing__rd_wrong_type(&ld->rd, node,
                                      "an array of currency codes");
    if (!node->child)
        return err_at(ld, NULL, PRICING_INVALID_VALUE, "%s may not be empty",
                      "currencies");
    memcpy(ld->codes[0], cat->currency, 4);
    ld->ncodes = 1;
    for (e = node->child; e; e = e->next, i++) {
        mark2 = pricing__path_push_index(&ld->rd.path, i);
        if ((rc = load_code(ld, e)) != 0)
            return rc;
        pricing__path_pop(&ld->rd.path, mark2);
    }
    for (i = 0; i < ld->ncodes; i++) {
        memcpy(sig + 4 * i, ld->codes[i], 3);
        sig[4 * i + 3] = ' ';
    }
    if (!(ld->sig = pricing__arena_strndup(ld->arena, sig, 4 * ld->ncodes)))
        return pricing__nomem(ld->rd.err);
    if (ld->cur > 0) { /* this pass loads another currency than the default */
        memcpy(cat->currency, ld->codes[ld->cur], 4);
        cat->minor_units = (unsigned)pricing__currency_minor_units(cat->currency);
    }
    pricing__path_pop(&ld->rd.path, mark);
    return 0;
}

int pricing__load_v12_head(pricing__load *ld, const cJSON *currencies,
                           const cJSON *effective, const cJSON *existing)
{
    int rc;
    if (currencies && (rc = load_currencies(ld, currencies)) != 0)
        return rc;
    return load_dates(ld, effective, existing);
}

int pricing__is_amount_object(const pricing__load *ld, const cJSON *node)
{
    return ld->ncodes > 0 && cJSON_IsObject(node) &&
           !cJSON_GetObjectItemCaseSensitive(node, "base") &&
           !cJSON_GetObjectItemCaseSensitive(node, "quantities");
}

static long code_index(const pricing__load *ld, const char *key)
{
    size_t k;
    if (strlen(key) != 3)
        return -1;
    for (k = 0; k < ld->ncodes; k++)
        if (memcmp(ld->codes[k], key, 3) == 0)
            return (long)k;
    return -1;
}

int pricing__load_amount_object(pricing__load *ld, const cJSON *node,
                                const cJSON **pick)
{
    unsigned char seen[PRICING__MAX_CURRENCIES];
    const cJSON *m;
    size_t k, mark;
    int rc;

    if (!cJSON_IsObject(node))
        return pricing__rd_wrong_type(&ld->rd, node,
                                      "an amount object with one amount per "
                                      "currency, e.g. {\"USD\": \"13.99\"}");
    memset(seen, 0, ld->ncodes);
    *pick = NULL;
    for (m = node->child; m; m = m->next) {
        long c = code_index(ld, m->string);
        const char *text;
        unsigned frac;
        mark = pricing__path_push_key(&ld->rd.path, m->string,
                                      strlen(m->string));
        if (c < 0)
            return err_at(ld, NULL, PRICING_UNKNOWN_FIELD,
                          "\"%.16s\" is not a currency of the catalog",
                          m->string);
        if ((rc = pricing__rd_amount(&ld->rd, m, pricing__arena_strndup,
                                     ld->arena, &text, &frac)) != 0)
            return rc;
        pricing__path_pop(&ld->rd.path, mark);
        seen[c] = 1;
        if ((size_t)c == ld->cur)
            *pick = m;
    }
    for (k = 0; k < ld->ncodes; k++)
        if (!seen[k])
            return err_at(ld, ld->codes[k], PRICING_MISSING_FIELD,
                          "no amount in %s", ld->codes[k]);
    return 0;
}

size_t pricing_catalog_currency_count(const pricing_catalog *cat)
{
    if (!cat)
        return 0;
    return cat->hv ? cat->hv->ncats : 1;
}

const char *pricing_catalog_currency_at(const pricing_catalog *cat, size_t i)
{
    if (!cat || i >= pricing_catalog_currency_count(cat))
        return NULL;
    return cat->hv ? cat->hv->cats[i]->currency : cat->currency;
}
