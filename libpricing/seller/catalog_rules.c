/* SPDX-License-Identifier: MIT */
/* catalog_rules.c - marketplace release rules on top of the contract. */
#include <stdio.h>
#include <string.h>

#include "catalog_parse.h"
#include "history.h"

/* KooGallery reserves these attribute ids for its own use; compared
 * without regard to ASCII case, since "OS" would collide as well. */
static const char *const reserved_ids[] = {"appName", "version", "os", "mode",
                                           NULL};

static int same_ascii_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* prefix: "" or "/versions/N" (a version of a history). */
static int koogallery(const pricing_catalog *cat, const char *prefix,
                      pricing_error *err)
{
    char path[160];
    size_t s, a, k;

    for (s = 0; s < cat->nspecs; s++) {
        const pricing__spec *spec = &cat->specs[s];
        if (spec->trial_days &&
            (spec->trial_days < 3 || spec->trial_days > 180)) {
            snprintf(path, sizeof path, "%s/specs/%zu/trial_days", prefix,
                     s);
            return pricing__error_at(err, PRICING_INVALID_VALUE, path,
                                     "koogallery: trial_days is from 3 to "
                                     "180, not %llu",
                                     (unsigned long long)spec->trial_days);
        }
        for (a = 0; a < spec->nattrs; a++)
            for (k = 0; reserved_ids[k]; k++)
                if (same_ascii_nocase(spec->attrs[a].id, reserved_ids[k])) {
                    snprintf(path, sizeof path,
                             "%s/specs/%zu/attributes/%zu/id", prefix, s, a);
                    return pricing__error_at(err, PRICING_INVALID_VALUE, path,
                                             "koogallery: the attribute id "
                                             "\"%s\" is reserved",
                                             spec->attrs[a].id);
                }
        /* Every SKU priced or explicitly unavailable, and trials only on
         * yearly/monthly specs, already hold for every loaded catalog. */
    }
    return 0;
}

int pricing_catalog_check_rules(const pricing_catalog *cat, const char *rules,
                                pricing_error *err)
{
    if (!cat || !rules)
        return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                                 "pricing_catalog_check_rules: NULL argument");
    if (strcmp(rules, "koogallery") == 0) {
        const pricing__history *h = cat->hist;
        char prefix[32];
        size_t v, c;
        int rc;
        if (!h)
            return koogallery(cat, "", err);
        /* Every version of a history, in every currency it sells (the
         * rules of this set do not depend on the currency; a rule that
         * did would be checked on each). */
        for (v = 0; v < h->nversions; v++)
            for (c = 0; c < h->versions[v].ncats; c++) {
                if (h->is_history)
                    snprintf(prefix, sizeof prefix, "/versions/%zu", v);
                else
                    prefix[0] = '\0';
                if ((rc = koogallery(h->versions[v].cats[c], prefix, err)) != 0)
                    return rc;
            }
        return 0;
    }
    return pricing__error_at(err, PRICING_INVALID_ARGUMENT, "",
                             "unknown rule set \"%.64s\" (known: koogallery)",
                             rules);
}
