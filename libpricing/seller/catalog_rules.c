/* SPDX-License-Identifier: MIT */
/* catalog_rules.c - marketplace release rules on top of the contract. */
#include <stdio.h>
#include <string.h>

#include "catalog_parse.h"
#include "history.h"
#include "lint.h"

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

/* The koogallery findings of spec s, each given to fn (path, message) in
 * turn until it returns non-zero, which is returned. prefix: "" or
 * "/versions/N" (a version of a history). */
typedef int (*finding_fn)(void *ctx, const char *code, const char *path,
                          const char *message);

static int koogallery_spec(const pricing_catalog *cat, const char *prefix,
                           size_t s, finding_fn fn, void *ctx)
{
    const pricing__spec *spec = &cat->specs[s];
    char path[160], msg[PRICING_ERROR_MESSAGE_SIZE];
    size_t a, k;
    int rc;

    if (spec->trial_days && (spec->trial_days < 3 || spec->trial_days > 180)) {
        snprintf(path, sizeof path, "%s/specs/%zu/trial_days", prefix, s);
        snprintf(msg, sizeof msg,
                 "koogallery: trial_days is from 3 to 180, not %llu",
                 (unsigned long long)spec->trial_days);
        if ((rc = fn(ctx, "koogallery_trial_days", path, msg)) != 0)
            return rc;
    }
    for (a = 0; a < spec->nattrs; a++)
        for (k = 0; reserved_ids[k]; k++)
            if (same_ascii_nocase(spec->attrs[a].id, reserved_ids[k])) {
                snprintf(path, sizeof path, "%s/specs/%zu/attributes/%zu/id",
                         prefix, s, a);
                snprintf(msg, sizeof msg,
                         "koogallery: the attribute id \"%.64s\" is reserved",
                         spec->attrs[a].id);
                if ((rc = fn(ctx, "koogallery_reserved_id", path, msg)) != 0)
                    return rc;
            }
    /* Every SKU priced or explicitly unavailable, and trials only on
     * yearly/monthly specs, already hold for every loaded catalog. */
    return 0;
}

/* The first finding as the error. */
static int as_error(void *ctx, const char *code, const char *path,
                    const char *message)
{
    (void)code;
    return pricing__error_at(ctx, PRICING_INVALID_VALUE, path, "%s", message);
}

static int koogallery(const pricing_catalog *cat, const char *prefix,
                      pricing_error *err)
{
    size_t s;
    int rc;
    for (s = 0; s < cat->nspecs; s++)
        if ((rc = koogallery_spec(cat, prefix, s, as_error, err)) != 0)
            return rc;
    return 0;
}

/* Every finding as a warning. */
static int as_warning(void *ctx, const char *code, const char *path,
                      const char *message)
{
    pricing__lint_add(ctx, code, path, "%s", message);
    return 0;
}

void pricing__lint_koogallery(pricing__lint_ctx *lx, size_t s)
{
    (void)koogallery_spec(lx->cat, lx->prefix, s, as_warning, lx);
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
