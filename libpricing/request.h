/* request.h - a typed quote request (private). */
#ifndef PRICING_REQUEST_H
#define PRICING_REQUEST_H

#include "date.h"
#include "json_read.h"
#include "model.h"

struct pricing_request {
    const pricing_catalog *cat;
    const pricing__spec *spec;
    const char *prefix; /* "" or "/request": where the request sits */
    uint32_t value[PRICING_MAX_ATTRIBUTES];   /* enum value index */
    uint64_t quantity[PRICING_MAX_ATTRIBUTES];
    uint8_t set[PRICING_MAX_ATTRIBUTES];
    int plan; /* -1: not given */
    uint64_t count;
    int has_count;
    int trial;
    int has_start;
    pricing__date start;
};

/* Parses the request object node of doc (paths under prefix). */
int pricing__request_from_doc(pricing_request **out,
                              const pricing_catalog *cat,
                              const pricing__doc *doc, const cJSON *node,
                              const char *prefix, pricing_error *err);

/* The same into caller storage (no allocation): the hot path of the JSON
 * driver. */
int pricing__request_read(pricing_request *req, const pricing_catalog *cat,
                          const pricing__doc *doc, const cJSON *node,
                          const char *prefix, pricing_error *err);

#endif
