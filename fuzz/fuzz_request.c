/* SPDX-License-Identifier: MIT */
/* fuzz_request.c - the data is a quote request against fixed catalogs.
 *
 * One catalog text (graduated tiers with flat fees, volume tiers, linear
 * rules, a trial, a one_time licence, an unavailable SKU, counts, sub-unit
 * prices, a 10^15 quantity range) is loaded under several currencies and
 * rounding settings, so every request is priced under all seven modes and
 * all three rounding levels. Each accepted request must satisfy every quote
 * invariant (fuzz_check_quote: line amounts sum to the total, the total is
 * the rounding of the exact total, period_total, the allocation, the
 * tiers), quote to the same bytes again with the reused quote, with a
 * fresh one, through the typed API and inside an envelope, and pretty-print
 * to the same document. Each rejected request must give a well-formed
 * error, the same again, and the same code under /request in an envelope.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static const char catalog_template[] =
    "{\"catalog\":\"fuzz-%s-%s-%s\",\"version\":\"v1\",\"currency\":\"%s\",%s"
    "\"rounding\":{\"mode\":\"%s\",\"at\":\"%s\"},\"specs\":["
    /* mixed: graduated, volume, linear, an unavailable SKU, counts, trial */
    "{\"id\":\"mix\",\"name\":\"mixed rules\",\"billing\":\"yearly_monthly\","
    "\"plans\":[\"month\",\"year\"],\"counts\":{\"year\":[1,2,3,5]},"
    "\"trial_days\":14,\"attributes\":["
    "{\"id\":\"edition\",\"type\":\"enum\",\"values\":[\"grad\",\"vol\","
    "\"lin\",\"off\"]},"
    "{\"id\":\"users\",\"type\":\"quantity\",\"min\":0,"
    "\"max\":1000000000000000,\"step\":1,\"unit\":\"user\"},"
    "{\"id\":\"disk\",\"type\":\"quantity\",\"min\":10,\"max\":1000,"
    "\"step\":10}],"
    "\"template\":\"custom\",\"skus\":["
    "{\"sku\":{\"edition\":\"grad\"},\"prices\":{"
    "\"month\":{\"base\":\"9.995\",\"quantities\":{"
    "\"users\":{\"graduated\":[{\"up_to\":0,\"unit_price\":\"0\","
    "\"flat\":\"1.005\"},{\"up_to\":10,\"unit_price\":\"0.333\"},"
    "{\"up_to\":100,\"unit_price\":\"0.125\",\"flat\":\"2.5\"},"
    "{\"up_to\":null,\"unit_price\":\"0.0049\"}]},"
    "\"disk\":{\"linear\":\"0.015\"}}},"
    "\"year\":{\"quantities\":{"
    "\"users\":{\"graduated\":[{\"up_to\":5,\"unit_price\":\"3.335\"},"
    "{\"up_to\":1000000000000000,\"unit_price\":\"1.1\"}]},"
    "\"disk\":{\"volume\":[{\"up_to\":500,\"unit_price\":\"0.05\"},"
    "{\"up_to\":null,\"unit_price\":\"0.045\",\"flat\":\"0.5\"}]}}}}},"
    "{\"sku\":{\"edition\":\"vol\"},\"prices\":{"
    "\"month\":{\"quantities\":{"
    "\"users\":{\"volume\":[{\"up_to\":1,\"unit_price\":\"5\","
    "\"flat\":\"0.001\"},{\"up_to\":50,\"unit_price\":\"4.995\"},"
    "{\"up_to\":1000,\"unit_price\":\"4.5\",\"flat\":\"100\"},"
    "{\"up_to\":null,\"unit_price\":\"0.000000000000000001\"}]},"
    "\"disk\":{\"graduated\":[{\"up_to\":1000,\"unit_price\":\"0.1234\"}]}}},"
    "\"year\":\"1234.565\"}},"
    "{\"sku\":{\"edition\":\"lin\"},\"prices\":{"
    "\"month\":{\"base\":\"0.5\",\"quantities\":{"
    "\"users\":{\"linear\":\"0.335\"},\"disk\":{\"linear\":\"0\"}}},"
    "\"year\":{\"base\":100,\"quantities\":{"
    "\"users\":{\"linear\":\"999999999999999999.999999999999999999\"},"
    "\"disk\":{\"linear\":1}}}}},"
    "{\"sku\":{\"edition\":\"off\"},\"available\":false}]},"
    /* simple, with a trial */
    "{\"id\":\"simple\",\"billing\":\"yearly_monthly\",\"template\":\"simple\","
    "\"trial_days\":30,\"prices\":{\"month\":\"19.99\",\"year\":199}},"
    /* one_time */
    "{\"id\":\"once\",\"name\":\"licence\",\"billing\":\"one_time\","
    "\"template\":\"simple\",\"prices\":{\"one_time\":\"19999.005\"}},"
    /* no enum attribute: the one SKU {} */
    "{\"id\":\"seats\",\"billing\":\"yearly_monthly\",\"plans\":[\"month\"],"
    "\"counts\":{\"month\":[1,3,6,12]},\"attributes\":[{\"id\":\"n\","
    "\"type\":\"quantity\",\"min\":1,\"max\":100,\"step\":3}],"
    "\"template\":\"custom\",\"skus\":[{\"sku\":{},\"prices\":{\"month\":{"
    "\"quantities\":{\"n\":{\"volume\":[{\"up_to\":10,"
    "\"unit_price\":\"2.675\"},{\"up_to\":100,\"unit_price\":\"2.665\","
    "\"flat\":\"0.01\"}]}}}}}]},"
    /* one_time, custom: many small graduated tiers, a fixed SKU */
    "{\"id\":\"tiny\",\"billing\":\"one_time\",\"template\":\"custom\","
    "\"attributes\":[{\"id\":\"k\",\"type\":\"enum\",\"values\":[\"a\",\"b\"]},"
    "{\"id\":\"q\",\"type\":\"quantity\",\"min\":0,\"max\":7}],"
    "\"skus\":[{\"sku\":{\"k\":\"a\"},\"prices\":{\"one_time\":{"
    "\"quantities\":{\"q\":{\"graduated\":[{\"up_to\":1,"
    "\"unit_price\":\"0.001\"},{\"up_to\":2,\"unit_price\":\"0.002\"},"
    "{\"up_to\":3,\"unit_price\":\"0.003\"},{\"up_to\":null,"
    "\"unit_price\":\"0.0045\"}]}}}}},"
    "{\"sku\":{\"k\":\"b\"},\"prices\":{\"one_time\":\"0.0050\"}}]},"
    /* several attributes of one spec, keys needing escapes */
    "{\"id\":\"a/b~c\",\"billing\":\"yearly_monthly\",\"template\":\"custom\","
    "\"attributes\":[{\"id\":\"x\\\"y\",\"type\":\"enum\",\"values\":"
    "[\"\\u00e9\",\"\\ud83d\\ude00\"]},{\"id\":\"p\",\"type\":\"quantity\","
    "\"min\":0,\"max\":3},{\"id\":\"r\",\"type\":\"quantity\",\"min\":0,"
    "\"max\":1000000}],\"skus\":["
    "{\"sku\":{\"x\\\"y\":\"\\u00e9\"},\"prices\":{\"month\":{"
    "\"quantities\":{\"p\":{\"volume\":[{\"up_to\":0,\"unit_price\":\"1\","
    "\"flat\":\"0.005\"},{\"up_to\":3,\"unit_price\":\"0.005\"}]},"
    "\"r\":{\"graduated\":[{\"up_to\":999999,\"unit_price\":\"0.0000001\"},"
    "{\"up_to\":null,\"unit_price\":\"1\"}]}}}}},"
    "{\"sku\":{\"x\\\"y\":\"\\ud83d\\ude00\"},\"prices\":{\"month\":{"
    "\"base\":\"0.015\",\"quantities\":{\"p\":{\"linear\":\"0.015\"},"
    "\"r\":{\"linear\":\"0.015\"}}}}}]}"
    "]}";

typedef struct setting {
    const char *currency, *minor, *mode, *at;
    int decimals; /* the minor units the quote must use */
} setting;

static const setting settings[] = {
    {"CNY", "", "half_up", "total", 2},
    {"JPY", "", "half_even", "period", 0},
    {"KWD", "", "half_down", "line", 3},
    {"USD", "", "up", "total", 2},
    {"CLF", "", "down", "period", 4},
    {"EUR", "", "ceiling", "line", 2},
    {"XXX", "\"minor_units\":18,", "floor", "total", 18},
    {"USD", "\"minor_units\":0,", "half_even", "line", 0},
    {"BHD", "", "floor", "period", 3},
    {"XTS", "\"minor_units\":1,", "half_down", "total", 1},
};
#define NCATS (sizeof settings / sizeof settings[0])

static pricing_catalog *cats[NCATS];
static char *cat_text[NCATS];
static pricing_quote *quote;
static pricing_buffer out, again, fresh, pretty, typed, env_out;

static void init(void)
{
    size_t i;
    pricing_error err;
    if (quote)
        return;
    for (i = 0; i < NCATS; i++) {
        const setting *s = &settings[i];
        size_t n = sizeof catalog_template + 128;
        int rc;
        cat_text[i] = malloc(n);
        FUZZ_ASSERT(cat_text[i] != NULL, "harness out of memory");
        snprintf(cat_text[i], n, catalog_template, s->currency, s->mode, s->at,
                 s->currency, s->minor, s->mode, s->at);
        pricing_error_init(&err);
        rc = pricing_catalog_load(&cats[i], cat_text[i], strlen(cat_text[i]),
                                  &err);
        FUZZ_ASSERT(rc == 0, "the embedded catalog %zu does not load: %s at "
                             "\"%s\": %s",
                    i, pricing_code_name(err.code), err.path, err.message);
    }
    pricing_error_init(&err);
    FUZZ_ASSERT(pricing_quote_new(&quote, &err) == 0, "quote_new");
}

static void same_bytes(const pricing_buffer *a, const pricing_buffer *b,
                       const char *what)
{
    FUZZ_ASSERT(a->size == b->size && !memcmp(a->data, b->data, a->size),
                "%s differ:\n%s\n%s", what, a->data, b->data ? b->data : "");
}

/* The request inside an envelope with catalog i. */
static int envelope(size_t i, const uint8_t *data, size_t size,
                    pricing_error *err)
{
    static const char pre[] = "{\"catalog\":", mid[] = ",\"request\":";
    size_t clen = strlen(cat_text[i]);
    size_t n = sizeof pre - 1 + clen + sizeof mid - 1 + size + 1;
    char *env = malloc(n), *p = env;
    int rc;
    FUZZ_ASSERT(env != NULL, "harness out of memory");
    memcpy(p, pre, sizeof pre - 1);
    p += sizeof pre - 1;
    memcpy(p, cat_text[i], clen);
    p += clen;
    memcpy(p, mid, sizeof mid - 1);
    p += sizeof mid - 1;
    if (size)
        memcpy(p, data, size);
    p[size] = '}';
    pricing_error_init(err);
    rc = pricing_envelope_quote_json(&env_out, env, n, 0, err);
    if (rc != 0 && err->code != PRICING_JSON_SYNTAX &&
        err->code != PRICING_LIMIT_EXCEEDED)
        fuzz_check_error(rc, err, env, n, FUZZ_DOC_CATALOG);
    free(env);
    return rc;
}

/* The quote is priced under catalog i's own settings; deletes q. */
static void check_settings(size_t i, cJSON *q, const char *json)
{
    const setting *st = &settings[i];
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(q, "rounding");
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(q, "after_trial");
    const char *total, *dot;
    char id[64];

    snprintf(id, sizeof id, "fuzz-%s-%s-%s", st->currency, st->mode, st->at);
    FUZZ_ASSERT(!strcmp(cJSON_GetObjectItemCaseSensitive(q, "catalog")->valuestring,
                        id) &&
                    !strcmp(cJSON_GetObjectItemCaseSensitive(q, "version")->valuestring,
                            "v1") &&
                    !strcmp(cJSON_GetObjectItemCaseSensitive(q, "currency")->valuestring,
                            st->currency),
                "catalog, version or currency not echoed: %s", json);
    FUZZ_ASSERT(!strcmp(cJSON_GetObjectItemCaseSensitive(r, "mode")->valuestring,
                        st->mode) &&
                    !strcmp(cJSON_GetObjectItemCaseSensitive(r, "at")->valuestring,
                            st->at),
                "the quote's rounding is not the catalog's %s/%s: %s",
                st->mode, st->at, json);
    total = cJSON_GetObjectItemCaseSensitive(t ? t : q, "total")->valuestring;
    dot = strchr(total, '.');
    FUZZ_ASSERT((dot ? (int)strlen(dot + 1) : 0) == st->decimals,
                "total \"%s\" is not in %d decimals: %s", total, st->decimals,
                json);
    cJSON_Delete(q);
}

/* heavy: also the envelope (which re-loads the catalog text) */
static void one_catalog(size_t i, const uint8_t *data, size_t size, int heavy)
{
    const pricing_catalog *cat = cats[i];
    const char *text = (const char *)data;
    pricing_error err, err2, err3;
    pricing_request *req = NULL;
    int rc, rc2;

    pricing_error_init(&err);
    rc = pricing_quote_json(&out, cat, text, size, quote, 0, &err);
    if (rc != 0) {
        pricing_buffer eb = PRICING_BUFFER_INIT;
        fuzz_check_error(rc, &err, text, size, FUZZ_DOC_REQUEST);
        /* the buffer holds exactly the error object */
        FUZZ_ASSERT(pricing_error_write_json(&eb, &err, 0) == 0, "error json");
        same_bytes(&out, &eb, "driver buffer and error object");
        pricing_buffer_dispose(&eb);
        /* the same error again, with a fresh quote */
        pricing_error_init(&err2);
        rc2 = pricing_quote_json(&again, cat, text, size, NULL, 0, &err2);
        FUZZ_ASSERT(rc2 == rc && err2.code == err.code &&
                        !strcmp(err2.path, err.path) &&
                        !strcmp(err2.message, err.message),
                    "the same request fails differently: %s at \"%s\", then "
                    "%s at \"%s\"",
                    pricing_code_name(err.code), err.path,
                    pricing_code_name(err2.code), err2.path);
        /* the typed route fails the same way */
        pricing_error_init(&err2);
        rc2 = pricing_request_parse(&req, cat, text, size, &err2);
        if (rc2 == 0) {
            FUZZ_ASSERT(req != NULL, "parse ok without a request");
            rc2 = pricing_quote_compute(quote, req, &err2);
            pricing_request_free(req);
        }
        FUZZ_ASSERT(rc2 == rc && err2.code == err.code &&
                        !strcmp(err2.path, err.path),
                    "the typed route says %s at \"%s\", the driver %s at "
                    "\"%s\"",
                    pricing_code_name(err2.code), err2.path,
                    pricing_code_name(err.code), err.path);
        /* in an envelope: the same code under /request */
        if (heavy && err.code != PRICING_JSON_SYNTAX &&
            err.code != PRICING_LIMIT_EXCEEDED) {
            char want[PRICING_ERROR_PATH_SIZE + 16];
            rc2 = envelope(i, data, size, &err3);
            snprintf(want, sizeof want, "/request%s", err.path);
            /* the envelope nests one level deeper: it may hit the depth
             * limit first */
            FUZZ_ASSERT(rc2 != 0 && (err3.code == PRICING_LIMIT_EXCEEDED ||
                                     err3.code == err.code) &&
                            (err3.code == PRICING_LIMIT_EXCEEDED ||
                             strlen(want) >= PRICING_ERROR_PATH_SIZE - 4 ||
                             !strcmp(err3.path, want)),
                        "alone: %s at \"%s\"; in an envelope: %s at \"%s\"",
                        pricing_code_name(err.code), err.path,
                        pricing_code_name(err3.code), err3.path);
        }
        return;
    }
    FUZZ_ASSERT(err.code == PRICING_OK, "success with err.code %d", err.code);
    check_settings(i, fuzz_check_quote(out.data, out.size, quote), out.data);

    /* again with the reused quote, and with a fresh one */
    pricing_error_init(&err2);
    FUZZ_ASSERT(pricing_quote_json(&again, cat, text, size, quote, 0, &err2) == 0,
                "the same request fails the second time: %s", err2.message);
    same_bytes(&out, &again, "two quotes of one request");
    pricing_error_init(&err2);
    FUZZ_ASSERT(pricing_quote_json(&fresh, cat, text, size, NULL, 0, &err2) == 0,
                "the request fails with a fresh quote: %s", err2.message);
    same_bytes(&out, &fresh, "reused and fresh quotes");

    /* pretty: strict JSON, the same document */
    pricing_error_init(&err2);
    FUZZ_ASSERT(pricing_quote_json(&pretty, cat, text, size, quote,
                                   PRICING_JSON_PRETTY, &err2) == 0,
                "pretty quote fails: %s", err2.message);
    fuzz_check_output_json(pretty.data, pretty.size, 1, "pretty quote");
    {
        cJSON *a = cJSON_ParseWithLength(out.data, out.size);
        cJSON *b = cJSON_ParseWithLength(pretty.data, pretty.size);
        FUZZ_ASSERT(a && b && cJSON_Compare(a, b, 1),
                    "pretty and compact quotes differ:\n%s\n%s", out.data,
                    pretty.data);
        cJSON_Delete(a);
        cJSON_Delete(b);
    }

    /* the typed route: parse, compute, write */
    pricing_error_init(&err2);
    FUZZ_ASSERT(pricing_request_parse(&req, cat, text, size, &err2) == 0,
                "request_parse fails on a quoted request: %s", err2.message);
    FUZZ_ASSERT(pricing_quote_compute(quote, req, &err2) == 0 &&
                    pricing_quote_write_json(&typed, quote, 0, &err2) == 0,
                "typed route fails: %s", err2.message);
    same_bytes(&out, &typed, "driver and typed route");
    pricing_request_free(req);

    /* in an envelope */
    if (!heavy)
        return;
    rc2 = envelope(i, data, size, &err3);
    if (rc2 != 0)
        FUZZ_ASSERT(err3.code == PRICING_LIMIT_EXCEEDED,
                    "a quoted request fails in an envelope: %s at \"%s\"",
                    pricing_code_name(err3.code), err3.path);
    else
        same_bytes(&out, &env_out, "driver and envelope");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t i, heavy = size;
    init();
    /* one catalog per input (chosen by the input) also goes through the
     * envelope, which costs a catalog load */
    for (i = 0; i < size && i < 64; i++)
        heavy = heavy * 31 + data[i];
    heavy %= NCATS;
    for (i = 0; i < NCATS; i++)
        one_catalog(i, data, size, i == heavy);
    return 0;
}
