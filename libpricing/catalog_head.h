/* catalog_head.h - the members every document about a catalog starts
 * with (private). Quotes, summaries, sheets, diffs and the catalog writer
 * all open with them, so they live in the core. */
#ifndef PRICING_CATALOG_HEAD_H
#define PRICING_CATALOG_HEAD_H

#include "model.h"
#include "writer.h"

/* "catalog" and, when there is one, "version" (inside an open object). */
void pricing__w_catalog_ids(pricing__w *w, const pricing_catalog *cat);
/* "rounding": {"mode", "at"}. */
void pricing__w_rounding(pricing__w *w, const pricing_catalog *cat);

#endif
