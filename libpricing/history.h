/* SPDX-License-Identifier: MIT */
/* history.h - catalog versions and currencies (contract 1.2, private).
 *
 * A history {"catalog", "versions": [...]}, or a single catalog with
 * "currencies", "effective" or "existing_from", is loaded as one ordinary
 * catalog per version and currency (a variant). Quoting picks a variant
 * from the request's date, bought and currency and then runs exactly as
 * for a 1.0 catalog, so a quote carries the version and currency of the
 * variant that priced it. Variants share their arena and, through
 * share.c, their strings and identical charges. */
#ifndef PRICING_HISTORY_H
#define PRICING_HISTORY_H

#include "catalog_parse.h"
#include "date.h"
#include "writer.h"

/* Days from 0001-01-01; "absent" ends of the version rule. */
#define PRICING__DAY_NONE_LOW (-1L)
#define PRICING__DAY_NONE_HIGH 4000000L

typedef struct pricing__hversion {
    const char *id;           /* "version", or NULL */
    int has_effective;
    long effective, existing_from; /* day ordinals (existing_from defaults
                                      to effective) */
    const char *effective_s, *existing_s; /* as written, or NULL */
    pricing_catalog **cats;   /* one per currency; [0] the default */
    size_t ncats;
} pricing__hversion;

typedef struct pricing__history {
    int is_history;           /* loaded from {"catalog", "versions"} */
    pricing__hversion *versions; /* by effective, oldest first */
    size_t nversions;
} pricing__history;

/* What a request says about when and in what currency (contract 1.2). */
typedef struct pricing__when {
    int has_currency, has_date, has_bought;
    char currency[4];
    pricing__date date, bought;
} pricing__when;

/* The per-catalog members read by load_catalog: "currencies",
 * "effective", "existing_from" (any may be NULL). Sets the variant's
 * currency for the pass ld->cur. */
int pricing__load_v12_head(pricing__load *ld, const cJSON *currencies,
                           const cJSON *effective, const cJSON *existing);

/* An amount object {"CNY": ..., "USD": ...} at the current path: checks
 * every member and sets *pick to the value of this pass's currency. */
int pricing__load_amount_object(pricing__load *ld, const cJSON *node,
                                const cJSON **pick);

/* Non-zero when node, where a plan's price goes, is an amount object. */
int pricing__is_amount_object(const pricing__load *ld, const cJSON *node);

/* Non-zero when root must be loaded by pricing__history_from_doc. */
int pricing__history_wanted(const cJSON *root);

int pricing__history_from_doc(pricing_catalog **out, const pricing__doc *doc,
                              const cJSON *root, const char *prefix,
                              pricing_error *err);

/* The variant that prices a request of cat with when; errors no_version
 * (prefix + "/date") and currency_not_offered (prefix + "/currency"). */
int pricing__when_select(const pricing_catalog **out,
                         const pricing_catalog *cat, const pricing__when *w,
                         const char *prefix, pricing_error *err);

/* The same within cat's own version: its catalog in w's currency. */
int pricing__when_currency(const pricing_catalog **out,
                           const pricing_catalog *cat, const pricing__when *w,
                           const char *prefix, pricing_error *err);

/* Reads the members "currency", "date" and "bought" of a request (any may
 * be NULL; type is the request's "type" member, to refuse bought on a new
 * order) into w, at rd's path. */
int pricing__when_read(pricing__rd *rd, const cJSON *currency,
                       const cJSON *date, const cJSON *bought,
                       const cJSON *type, pricing__when *w);

/* The checks a typed request leaves to pricing_quote_compute: bought on a
 * new order, bought after date. */
int pricing__when_check(const pricing_request *req, pricing_error *err);

/* The summary members of contract 1.2, when cat has them: "currencies",
 * "effective", "existing_from", and for a history "versions". */
void pricing__w_summary_v12(pricing__w *w, const pricing_catalog *cat);

#endif
