/* SPDX-License-Identifier: MIT */
/* catalog_json.c - the catalog's strings that quotes echo, escaped once
 * at load: writing a quote then copies them, with no escaping scan. */
#include <string.h>

#include "arena.h"
#include "catalog_json.h"
#include "error.h"

/* before, s as a JSON string, after: into the arena a, in *out. */
static int form(pricing__arena *a, pricing_buffer *tmp,
                pricing__jstr *out, const char *before, const char *s,
                const char *after)
{
    pricing__w w;
    char *p;

    pricing__w_start(&w, tmp);
    pricing__w_lit(&w, before);
    pricing__w_cstr(&w, s);
    pricing__w_lit(&w, after);
    if (pricing__w_done(&w) != 0 ||
        !(p = pricing__arena_strndup(a, tmp->data, tmp->size)))
        return -1;
    out->s = p;
    out->n = tmp->size;
    return 0;
}

/* An attribute's key and values; adds its most bytes to *max. */
static int attr_forms(pricing__arena *a, pricing_buffer *tmp,
                      pricing__attr *at, size_t *max)
{
    size_t i, most = PRICING__U64_CHARS;

    if (form(a, tmp, &at->key_json, ",", at->id, ":") != 0)
        return -1;
    if (at->is_enum) {
        at->values_json =
            pricing__arena_alloc(a, at->nvalues * sizeof *at->values_json);
        if (!at->values_json)
            return -1;
        for (i = 0; i < at->nvalues; i++) {
            if (form(a, tmp, &at->values_json[i], "", at->values[i], "") != 0)
                return -1;
            if (at->values_json[i].n > most)
                most = at->values_json[i].n;
        }
    }
    *max += at->key_json.n + most;
    return 0;
}

int pricing__catalog_json_forms(pricing_catalog *cat, pricing__arena *a,
                                pricing_error *err)
{
    pricing_buffer tmp = PRICING_BUFFER_INIT;
    size_t i, j;
    int rc = form(a, &tmp, &cat->id_json, "", cat->id, "");

    if (rc == 0 && cat->version)
        rc = form(a, &tmp, &cat->version_json, "", cat->version, "");
    for (i = 0; rc == 0 && i < cat->nspecs; i++) {
        pricing__spec *spec = &cat->specs[i];
        spec->sku_json_max = 2; /* {} */
        rc = form(a, &tmp, &spec->id_json, "", spec->id, "");
        for (j = 0; rc == 0 && j < spec->nattrs; j++)
            rc = attr_forms(a, &tmp, &spec->attrs[j], &spec->sku_json_max);
    }
    pricing_buffer_dispose(&tmp);
    return rc == 0 ? 0 : pricing__nomem(err);
}
