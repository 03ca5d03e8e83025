/* catalog_head.c - the members every document about a catalog starts
 * with. */
#include "catalog_head.h"

void pricing__w_catalog_ids(pricing__w *w, const pricing_catalog *cat)
{
    PRICING__W_KEY(w, "catalog");
    pricing__w_cstr(w, cat->id);
    if (cat->version) {
        PRICING__W_KEY(w, "version");
        pricing__w_cstr(w, cat->version);
    }
}

void pricing__w_rounding(pricing__w *w, const pricing_catalog *cat)
{
    PRICING__W_KEY(w, "rounding");
    pricing__w_open(w, '{');
    PRICING__W_KEY(w, "mode");
    pricing__w_cstr(w, pricing__mode_name(cat->mode));
    PRICING__W_KEY(w, "at");
    pricing__w_cstr(w, pricing__at_name(cat->at));
    pricing__w_close(w, '}');
}
