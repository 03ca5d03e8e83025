/* SPDX-License-Identifier: MIT */
/* catalog_json.h - the catalog's strings that quotes echo, in their JSON
 * form (private). */
#ifndef PRICING_CATALOG_JSON_H
#define PRICING_CATALOG_JSON_H

#include "model.h"

/* Escapes the catalog's id and version, spec ids, attribute ids (as
 * member keys ,"id":) and enum values into their JSON forms in the arena,
 * and bounds each spec's SKU object; run once the catalog is loaded (it
 * is read-only afterwards, so quotes on any thread copy the forms).
 * Allocates in a: the catalog's arena, or its owner's for a version or
 * currency of a history (history.c). Returns 0 or -PRICING_OUT_OF_MEMORY. */
int pricing__catalog_json_forms(pricing_catalog *cat, pricing__arena *a,
                                pricing_error *err);

#endif
