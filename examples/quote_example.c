/* SPDX-License-Identifier: MIT */
/* quote_example.c - pricing an order from C with the typed API, then the
 * same order through the JSON driver. Built and run by `make check`:
 *   examples/quote_example examples/catalog.json */
#include <stdio.h>
#include <string.h>

#include <pricing.h>

static int fail(const pricing_error *err)
{
    fprintf(stderr, "error %s at %s: %s\n", pricing_code_name(err->code),
            err->path, err->message);
    return 1;
}

int main(int argc, char **argv)
{
    pricing_catalog *cat = NULL;
    pricing_request *req = NULL;
    pricing_quote *quote = NULL;
    pricing_buffer json = PRICING_BUFFER_INIT;
    pricing_error err;
    pricing_line line;
    size_t i;
    int rc = 1;
    static const char request[] =
        "{\"spec\":\"standard\",\"sku\":{\"edition\":\"pro\",\"users\":25},"
        "\"plan\":\"month\",\"count\":3}";

    pricing_error_init(&err);
    if (argc != 2) {
        fprintf(stderr, "usage: quote_example CATALOG\n");
        return 2;
    }
    /* Load once; the catalog is immutable and may be shared by threads. */
    if (pricing_catalog_load_file(&cat, argv[1], &err) != 0)
        return fail(&err);

    /* The typed API: no JSON on the way in. */
    if (pricing_request_new(&req, cat, "standard", &err) != 0 ||
        pricing_request_set_enum(req, "edition", "pro", &err) != 0 ||
        pricing_request_set_quantity(req, "users", 25, &err) != 0 ||
        pricing_request_set_plan(req, "month", &err) != 0 ||
        pricing_request_set_count(req, 3, &err) != 0 ||
        pricing_quote_new(&quote, &err) != 0 ||
        pricing_quote_compute(quote, req, &err) != 0) {
        rc = fail(&err);
        goto out;
    }
    for (i = 0; i < pricing_quote_line_count(quote); i++) {
        if (pricing_quote_line(&line, quote, i, &err) != 0) {
            rc = fail(&err);
            goto out;
        }
        printf("%-8s %-6s tier %u  %llu x %s = %s\n", line.kind,
               line.attribute ? line.attribute : "", (unsigned)line.tier,
               (unsigned long long)line.quantity, line.unit_price,
               line.amount);
    }
    printf("total %s %s (exact %s)\n", pricing_quote_total(quote),
           pricing_catalog_currency(cat), pricing_quote_exact_total(quote));

    /* The JSON driver: the same bytes as `pricing quote`. */
    if (pricing_quote_json(&json, cat, request, strlen(request), quote, 0,
                           &err) != 0) {
        rc = fail(&err);
        goto out;
    }
    printf("%s\n", json.data);
    rc = strcmp(pricing_quote_total(quote), "3600.00") != 0;
out:
    pricing_buffer_dispose(&json);
    pricing_quote_free(quote);
    pricing_request_free(req);
    pricing_catalog_free(cat);
    return rc;
}
