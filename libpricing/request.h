/* SPDX-License-Identifier: MIT */
/* request.h - a typed quote request (private). */
#ifndef PRICING_REQUEST_H
#define PRICING_REQUEST_H

#include "date.h"
#include "history.h"
#include "json_read.h"
#include "model.h"

/* Request types (contract 1.1). */
typedef enum pricing__type {
    PRICING__NEW,
    PRICING__RENEW,
    PRICING__UPGRADE,
    PRICING__SCALE_OUT,
    PRICING__TYPE_COUNT
} pricing__type;

/* The type's name in requests and quotes ("new", ...). */
const char *pricing__type_name(pricing__type type);

/* A request's own discount. */
typedef enum pricing__discount_kind {
    PRICING__NO_DISCOUNT,
    PRICING__PERCENT_OFF,
    PRICING__AMOUNT_OFF,
    PRICING__DISCOUNT_KIND_COUNT
} pricing__discount_kind;

/* The values of a spec's attributes, as a request gives them. */
typedef struct pricing__skuval {
    uint32_t value[PRICING_MAX_ATTRIBUTES];   /* enum value index */
    uint64_t quantity[PRICING_MAX_ATTRIBUTES];
    uint8_t set[PRICING_MAX_ATTRIBUTES];
} pricing__skuval;

/* A request's own discount: percent_off or amount_off, as written. */
typedef struct pricing__rdiscount {
    pricing__discount_kind kind;
    char text[PRICING_MAX_AMOUNT_INT_DIGITS + PRICING_MAX_AMOUNT_FRAC_DIGITS + 2];
    uint64_t periods; /* 0: the whole order once */
} pricing__rdiscount;

struct pricing_request {
    const pricing_catalog *cat;
    const pricing__spec *spec;
    const char *prefix; /* "" or "/request": where the request sits */
    pricing__skuval sku;
    int plan; /* -1: not given */
    uint64_t count;
    int has_count;
    int trial;
    int has_start;
    pricing__date start;
    /* contract 1.1 */
    pricing__type type;
    int has_from;
    pricing__skuval from;
    int has_end, has_change, has_current_end;
    pricing__date end, change_date, current_end;
    pricing__rdiscount discount;
    /* contract 1.2: cat is the variant these select (request_when.c) */
    pricing__when when;
};


/* The same into caller storage (no allocation): the hot path of the JSON
 * driver. */
int pricing__request_read(pricing_request *req, const pricing_catalog *cat,
                          const pricing__doc *doc, const cJSON *node,
                          const char *prefix, pricing_error *err);

/* Parses a request priced by the given version of a history (its own
 * date and bought are checked but choose nothing): the seller tools
 * compare versions. */
int pricing__request_parse_pinned(pricing_request **out,
                                  const pricing_catalog *version,
                                  const char *json, size_t len,
                                  pricing_error *err);

#endif
