/* SPDX-License-Identifier: MIT */
/* diff.h - the catalog diff, shared with the request comparison
 * (private). */
#ifndef PRICING_DIFF_H
#define PRICING_DIFF_H

#include "model.h"
#include "writer.h"

/* Writes the members "old", "new", "changes" and "summary" of the diff
 * (inside an object the caller opens). 0, or -1 out of memory. */
int pricing__diff_members(pricing__w *w, const pricing_catalog *old_cat,
                          const pricing_catalog *new_cat);

#endif
