/* SPDX-License-Identifier: MIT */
/*
 * pricing.h - libpricing, an exact-arithmetic pricing and SKU engine.
 *
 * The one public header. Everything exported is prefixed pricing_ /
 * PRICING_. Conventions (see docs/api.md):
 *
 *  - Fallible functions return 0 on success or a negative pricing_code,
 *    and fill the optional caller-owned pricing_error (NULL is allowed).
 *  - Output arguments come first.
 *  - Handles are created by *_new / *_load and released by *_free, which
 *    accepts NULL. Every char * the library allocates for the caller is
 *    released with pricing_free().
 *  - A loaded catalog is immutable: any number of threads may quote
 *    against one catalog at once. Requests and quotes belong to one thread
 *    at a time.
 *  - No global state of its own, no printing, no exit/abort, no locale
 *    dependence. (cJSON resets its own process-wide error pointer on every
 *    parse; libpricing never reads it: docs/api.md.)
 */
#ifndef PRICING_H
#define PRICING_H

#include <stddef.h>
#include <stdint.h>

#include <pricing/version.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PRICING_STATIC) || !defined(__GNUC__)
#define PRICING_EXPORT
#else
#define PRICING_EXPORT __attribute__((visibility("default")))
#endif

#if defined(__GNUC__)
#define PRICING_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define PRICING_WARN_UNUSED
#endif

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

/*
 * Error codes. Every name matches the contract's snake_case code
 * (pricing_code_name()). Functions return the negated value.
 */
typedef enum pricing_code {
    PRICING_OK = 0,
    PRICING_JSON_SYNTAX,
    PRICING_LIMIT_EXCEEDED,
    PRICING_DUPLICATE_KEY,
    PRICING_UNKNOWN_FIELD,
    PRICING_MISSING_FIELD,
    PRICING_WRONG_TYPE,
    PRICING_INVALID_AMOUNT,
    PRICING_INEXACT_NUMBER,
    PRICING_INVALID_VALUE,
    PRICING_DUPLICATE_ID,
    PRICING_SKU_MISSING,
    PRICING_SKU_DUPLICATE,
    PRICING_TIER_ORDER,
    PRICING_TIER_COVERAGE,
    PRICING_UNPRICED_ATTRIBUTE,
    PRICING_UNKNOWN_SPEC,
    PRICING_UNKNOWN_ATTRIBUTE,
    PRICING_UNKNOWN_VALUE,
    PRICING_MISSING_ATTRIBUTE,
    PRICING_QUANTITY_OUT_OF_RANGE,
    PRICING_QUANTITY_STEP,
    PRICING_PLAN_NOT_OFFERED,
    PRICING_COUNT_NOT_ALLOWED,
    PRICING_TRIAL_NOT_OFFERED,
    PRICING_SKU_UNAVAILABLE,
    /* Codes of the C API and the CLI (not produced by a document). */
    PRICING_INVALID_ARGUMENT, /* "invalid_argument": NULL or bad argument */
    PRICING_OUT_OF_MEMORY,    /* "out_of_memory" */
    PRICING_IO_ERROR,         /* "io_error": a file could not be read */
    /* Contract 1.1 (lifecycle quotes). */
    PRICING_NOT_AN_UPGRADE,   /* the new SKU costs less than the old */
    PRICING_NOT_A_SCALE_OUT,  /* other enum values, or a smaller quantity */
    /* Contract 1.2 (several currencies, catalog versions). */
    PRICING_CURRENCY_NOT_OFFERED, /* a currency the catalog does not sell */
    PRICING_NO_VERSION,       /* no version prices the request's date */
    PRICING_CODE_COUNT_       /* not a code: the number of codes */
} pricing_code;

#define PRICING_ERROR_PATH_SIZE 1024
#define PRICING_ERROR_MESSAGE_SIZE 256

/*
 * Filled by every fallible call. The first error wins: a call never
 * overwrites an error already set, so pricing_error_init() it (or zero
 * it) before reuse. path is a JSON Pointer (RFC 6901) into the document
 * at fault, "" for the whole document; line, column (1-based, in bytes)
 * and position (0-based byte offset) are set for JSON syntax errors and
 * are 0 otherwise (pricing_catalog_import_sheet sets line and column to
 * the row and column of the CSV cell at fault). Paths longer than the buffer are cut at a character
 * boundary and end in "...".
 */
typedef struct pricing_error {
    pricing_code code;
    int line;
    int column;
    size_t position;
    char path[PRICING_ERROR_PATH_SIZE];
    char message[PRICING_ERROR_MESSAGE_SIZE];
    /* Room to grow without changing the struct's size (jansson had to
     * hide its error code in the last byte of a string). Zeroed. */
    unsigned char reserved_[32];
} pricing_error;

/* Resets err to "no error". */
PRICING_EXPORT void pricing_error_init(pricing_error *err);

/* sizeof(pricing_error) in this library: bindings check their mirror of
 * the struct against it. */
PRICING_EXPORT size_t pricing_error_size(void);

/* The contract's snake_case name of a code ("json_syntax"); borrowed,
 * static. Unknown values give "unknown". */
PRICING_EXPORT const char *pricing_code_name(pricing_code code);

/* ------------------------------------------------------------------ */
/* Memory and version                                                  */
/* ------------------------------------------------------------------ */

/* Releases any string or buffer the library allocated for the caller.
 * NULL is a no-op. */
PRICING_EXPORT void pricing_free(void *ptr);

/* The runtime version, "MAJOR.MINOR.MICRO"; borrowed, static. */
PRICING_EXPORT const char *pricing_version_string(void);
/* PRICING_VERSION_HEX of the running library. */
PRICING_EXPORT unsigned long pricing_version_hex(void);
/* The version of the JSON format contract (docs/format.md) this library
 * implements, "MAJOR.MINOR" (this release: "1.2"): it reads documents of that
 * version and the earlier minor versions, and writes quotes in it.
 * Borrowed, static. */
PRICING_EXPORT const char *pricing_format_version(void);
/* The usage text of the pricing command: the general usage when command
 * is NULL, else that command's help ("quote", "validate", ...); NULL for
 * an unknown command. Borrowed, static: every front end prints these. */
PRICING_EXPORT const char *pricing_usage(const char *command);

/* ------------------------------------------------------------------ */
/* Catalogs                                                            */
/* ------------------------------------------------------------------ */

typedef struct pricing_catalog pricing_catalog;

/*
 * Loads and validates a catalog from len bytes of JSON text (no NUL
 * terminator needed). On success *out is a new immutable catalog owned by
 * the caller (pricing_catalog_free). On failure *out is NULL.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_load(pricing_catalog **out, const char *json, size_t len,
                     pricing_error *err);

/* The same from a file; io_error when it cannot be read. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_load_file(pricing_catalog **out, const char *filename,
                          pricing_error *err);

/* NULL is a no-op. The catalog must not be in use by another thread. */
PRICING_EXPORT void pricing_catalog_free(pricing_catalog *catalog);

/*
 * Checks a loaded catalog against a named set of marketplace release
 * rules. Known sets: "koogallery". An unknown name is invalid_argument.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_check_rules(const pricing_catalog *catalog,
                            const char *rules, pricing_error *err);

/* Borrowed strings, valid while the catalog lives. version may be NULL. */
PRICING_EXPORT const char *pricing_catalog_id(const pricing_catalog *catalog);
PRICING_EXPORT const char *
pricing_catalog_version(const pricing_catalog *catalog);
PRICING_EXPORT const char *
pricing_catalog_currency(const pricing_catalog *catalog);
PRICING_EXPORT int pricing_catalog_minor_units(const pricing_catalog *catalog);
PRICING_EXPORT size_t pricing_catalog_spec_count(const pricing_catalog *catalog);
/* The number of SKUs (enum combinations) over all specs. */
PRICING_EXPORT size_t pricing_catalog_sku_count(const pricing_catalog *catalog);

/*
 * Contract 1.2: several currencies and catalog versions. A catalog loaded
 * from a history answers the getters above for its newest version in its
 * default currency. The currencies a version sells, the default first
 * (one, its currency, for a catalog without "currencies"):
 */
PRICING_EXPORT size_t
pricing_catalog_currency_count(const pricing_catalog *catalog);
PRICING_EXPORT const char *
pricing_catalog_currency_at(const pricing_catalog *catalog, size_t index);
/* The versions, oldest first (a plain catalog is one version, itself).
 * A version is a borrowed catalog handle, valid while catalog lives, that
 * every const getter and seller tool takes. */
PRICING_EXPORT size_t
pricing_catalog_version_count(const pricing_catalog *catalog);
PRICING_EXPORT const pricing_catalog *
pricing_catalog_version_at(const pricing_catalog *catalog, size_t index);
/* "YYYY-MM-DD", or NULL when the version has no effective date;
 * existing_from is effective when the version does not give it. */
PRICING_EXPORT const char *
pricing_catalog_effective(const pricing_catalog *catalog);
PRICING_EXPORT const char *
pricing_catalog_existing_from(const pricing_catalog *catalog);
/* The version that prices an order on date (NULL: after every date) of
 * a subscription bought on bought (NULL: on date), as a quote would
 * choose it. Errors: invalid_value (/date, /bought, bought after date),
 * no_version (/date). *out is borrowed. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_select(const pricing_catalog **out,
                       const pricing_catalog *catalog, const char *date,
                       const char *bought, pricing_error *err);

/* ------------------------------------------------------------------ */
/* Typed requests                                                      */
/* ------------------------------------------------------------------ */

typedef struct pricing_request pricing_request;

/* A new request for spec spec_id of catalog (which must outlive it).
 * unknown_spec when the catalog lacks it. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_new(pricing_request **out, const pricing_catalog *catalog,
                    const char *spec_id, pricing_error *err);

/* NULL is a no-op. */
PRICING_EXPORT void pricing_request_free(pricing_request *request);

/* Resets every attribute, the plan, count, trial and start. */
PRICING_EXPORT void pricing_request_reset(pricing_request *request);

/* Sets an enum attribute (unknown_attribute, unknown_value, wrong_type). */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_enum(pricing_request *request, const char *attribute,
                         const char *value, pricing_error *err);

/* Sets a quantity attribute (unknown_attribute, wrong_type,
 * quantity_out_of_range, quantity_step). */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_quantity(pricing_request *request, const char *attribute,
                             uint64_t quantity, pricing_error *err);

/* "month", "year" or "one_time" (plan_not_offered). */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_plan(pricing_request *request, const char *plan,
                         pricing_error *err);

/* The number of periods (checked when quoting: count_not_allowed). */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_count(pricing_request *request, uint64_t count,
                          pricing_error *err);

/* Non-zero asks for the spec's trial. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_trial(pricing_request *request, int trial,
                          pricing_error *err);

/* The service start, "YYYY-MM-DD" (invalid_value); NULL clears it. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_start(pricing_request *request, const char *date,
                          pricing_error *err);

/* Contract 1.1: lifecycle quotes and discounts. */

/* "new" (the default), "renew", "upgrade" or "scale_out"
 * (invalid_value). */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_type(pricing_request *request, const char *type,
                         pricing_error *err);

/* The SKU as bought, for upgrade and scale_out: every attribute, as for
 * set_enum / set_quantity (errors at /from/ATTR). */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_from_enum(pricing_request *request, const char *attribute,
                              const char *value, pricing_error *err);
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_from_quantity(pricing_request *request,
                                  const char *attribute, uint64_t quantity,
                                  pricing_error *err);

/* Dates "YYYY-MM-DD" (invalid_value); NULL clears. end: the end of the
 * term bought (upgrade, scale_out; default start + the plan and count);
 * change_date: the day of the change; current_end: the end of the term
 * a renewal follows. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_end(pricing_request *request, const char *date,
                        pricing_error *err);
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_change_date(pricing_request *request, const char *date,
                                pricing_error *err);
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_current_end(pricing_request *request, const char *date,
                                pricing_error *err);

/* A discount of the request: kind "percent_off" (value 0..100) or
 * "amount_off" (an amount), on each of the first periods periods, or
 * once on the whole order when periods is 0. A NULL value clears it. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_discount(pricing_request *request, const char *kind,
                             const char *value, uint64_t periods,
                             pricing_error *err);

/* Contract 1.2. Each of these selects the version and currency that
 * prices the request (see pricing_catalog_select), so set them before
 * the SKU: attribute values and the plan are kept only when the selected
 * version's spec has the same attributes and plan. NULL clears.
 * currency: a code the version sells (currency_not_offered, /currency;
 * invalid_value when not three capital letters); date: the day of the
 * order; bought: the day a renewed or changed subscription was first
 * bought (no_version at /date when no version applies; bought on a new
 * order and bought after date fail in pricing_quote_compute). */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_currency(pricing_request *request, const char *code,
                             pricing_error *err);
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_date(pricing_request *request, const char *date,
                         pricing_error *err);
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_set_bought(pricing_request *request, const char *date,
                           pricing_error *err);

/* ------------------------------------------------------------------ */
/* Quotes                                                              */
/* ------------------------------------------------------------------ */

typedef struct pricing_quote pricing_quote;

/* An empty quote, to be filled by pricing_quote_compute and reused. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_quote_new(pricing_quote **out, pricing_error *err);

/* NULL is a no-op. */
PRICING_EXPORT void pricing_quote_free(pricing_quote *quote);

/* Flags of a quote object. */
#define PRICING_QUOTE_TOTALS_ONLY 0x1u /* no lines: totals at the speed of
                                          prefix sums (see docs/api.md) */

/*
 * Sets the flags of later computes. With PRICING_QUOTE_TOTALS_ONLY a
 * compute prices graduated rules from the prefix sums prepared at load,
 * in time logarithmic in the number of tiers, and keeps no lines: the
 * totals are exact and rounded as usual, but pricing_quote_line and
 * pricing_quote_write_json refuse the quote (invalid_argument) and
 * pricing_quote_line_count is 0. For repricing many orders.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_quote_set_flags(pricing_quote *quote, unsigned flags,
                        pricing_error *err);

/*
 * Prices request into quote (which may hold an earlier result: its
 * storage is reused, so a loop of compute calls allocates nothing once
 * warm). On failure the quote is empty. The request's catalog must
 * outlive the quote's use.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_quote_compute(pricing_quote *quote, const pricing_request *request,
                      pricing_error *err);

/* Rounded amounts with the currency's decimals, and the exact total.
 * Borrowed: valid until the next compute or free of the quote. The text
 * is formatted on first use, so these take a non-const quote (a quote
 * belongs to one thread at a time); NULL when the quote holds no result
 * or memory ran out. A trial quote's totals are zero. */
PRICING_EXPORT const char *pricing_quote_total(pricing_quote *quote);
PRICING_EXPORT const char *
pricing_quote_exact_total(pricing_quote *quote);
PRICING_EXPORT const char *
pricing_quote_period_total(pricing_quote *quote);
/* For a trial quote, the totals of the order once it converts; else the
 * same as the totals above. */
PRICING_EXPORT const char *
pricing_quote_after_trial_total(pricing_quote *quote);
/* Non-zero when the quote is a trial. */
PRICING_EXPORT int pricing_quote_is_trial(const pricing_quote *quote);

/* Exact values as GMP rationals. rop must be mpq_init'ed; pass it as a
 * void pointer to an mpq_t (so this header needs no gmp.h). */
PRICING_EXPORT void pricing_quote_total_mpq(void *rop,
                                            const pricing_quote *quote);
PRICING_EXPORT void pricing_quote_exact_total_mpq(void *rop,
                                                  const pricing_quote *quote);

/* One line of a quote. Strings are borrowed from the quote (or its
 * catalog) and valid until the next compute or free. Every field is set
 * for every kind: a member the line does not have is NULL (strings) or 0.
 *
 * kind         the line
 * "fixed"      a plan's fixed price; unit_price is it, quantity 1
 * "base"       a charge's base; unit_price is it, quantity 1
 * "quantity"   a linear or package rule: attribute, rule, quantity (units),
 *              unit_price (the unit's, or one package's price)
 * "tier"       a tier of a graduated or volume rule: attribute, rule, tier,
 *              from, to / has_to, quantity (units in the tier),
 *              unit_price, flat ("0" when none)
 * "discount"   a catalog or request discount (negative); quantity 1
 * "credit"     a change quote's credit for the SKU bought (negative);
 *              quantity 1
 * "charge"     a change quote's charge for the new SKU; quantity 1; or a
 *              scale-out's volume charge: attribute, rule "volume", tier,
 *              from, to / has_to, quantity (the units added), unit_price,
 *              flat (as charged: "0" when the tier did not change)
 *
 * rule is "linear", "graduated", "volume" or "package" on the lines of an
 * attribute (quantity, tier, a volume charge), else NULL. has_to is 0 for
 * an unbounded tier (to is then 0). The members only the JSON carries
 * (a discount's source and value, a change line's SKU and term price, a
 * package's size and count) are in pricing_quote_write_json. */
typedef struct pricing_line {
    const char *kind;      /* see above */
    const char *attribute; /* quantity attribute, or NULL */
    const char *rule;      /* see above, or NULL */
    uint32_t tier;         /* 1-based tier number, 0 if none */
    uint64_t from;         /* a tier's exclusive lower bound */
    uint64_t to;           /* its inclusive upper bound when has_to */
    int has_to;
    uint64_t quantity;
    const char *unit_price; /* as the catalog wrote it, or NULL */
    const char *flat;       /* lines with a tier, else NULL */
    const char *exact_amount;
    const char *amount;
} pricing_line;

/* The number of lines (of after_trial for a trial quote). */
PRICING_EXPORT size_t pricing_quote_line_count(const pricing_quote *quote);
/* Fills *out with line index (0-based); invalid_argument when out of
 * range (*out is then zeroed). */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_quote_line(pricing_line *out, pricing_quote *quote,
                   size_t index, pricing_error *err);

/* ------------------------------------------------------------------ */
/* JSON                                                                */
/* ------------------------------------------------------------------ */

/* Flags of the JSON writers. */
#define PRICING_JSON_PRETTY 0x1u /* two-space indented, for people */

/*
 * A growable byte buffer owned by the caller: zero it (or use
 * PRICING_BUFFER_INIT), pass it to the writers any number of times (each
 * call replaces the contents and reuses the storage), then release it with
 * pricing_buffer_dispose. data is NUL-terminated after a successful call.
 */
typedef struct pricing_buffer {
    char *data;
    size_t size;
    size_t capacity;
} pricing_buffer;

#define PRICING_BUFFER_INIT {NULL, 0, 0}

PRICING_EXPORT void pricing_buffer_dispose(pricing_buffer *buf);

/* The quote as JSON (the contract's "Quote"), into buf. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_quote_write_json(pricing_buffer *buf, const pricing_quote *quote,
                         unsigned flags, pricing_error *err);

/* An error as the contract's error object, into buf. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_error_write_json(pricing_buffer *buf, const pricing_error *error,
                         unsigned flags);

/*
 * The JSON driver: parses the request JSON (len bytes), prices it against
 * catalog and writes the quote JSON into buf: the same bytes as the CLI.
 * On failure err is filled and buf holds the error object, so buf is
 * always what the CLI would print. quote may be NULL, or a quote object
 * to reuse between calls (faster).
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_quote_json(pricing_buffer *buf, const pricing_catalog *catalog,
                   const char *request_json, size_t len,
                   pricing_quote *quote, unsigned flags, pricing_error *err);

/*
 * Parses a request document into a typed request for catalog
 * (*out is new, free it with pricing_request_free).
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_request_parse(pricing_request **out, const pricing_catalog *catalog,
                      const char *json, size_t len, pricing_error *err);

/* The result of `pricing validate`: {"valid":true,...} into buf. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_write_summary(pricing_buffer *buf,
                              const pricing_catalog *catalog, unsigned flags,
                              pricing_error *err);

/*
 * A single-document quote: an envelope {"catalog": {...}, "request":
 * {...}} (what `pricing quote` reads on standard input). Error paths
 * point into the envelope (/catalog/..., /request/...). buf receives the
 * quote or the error object.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_envelope_quote_json(pricing_buffer *buf, const char *json, size_t len,
                            unsigned flags, pricing_error *err);

/* Documented limits (docs/limits.md). */
#define PRICING_MAX_CATALOG_BYTES (64u * 1024u * 1024u)
#define PRICING_MAX_REQUEST_BYTES (1024u * 1024u)
#define PRICING_MAX_DEPTH 64
#define PRICING_MAX_STRING_BYTES 4096
#define PRICING_MAX_NUMBER_CHARS 64
#define PRICING_MAX_CONTAINER_ITEMS 1000000
#define PRICING_MAX_ID_BYTES 256
#define PRICING_MAX_AMOUNT_INT_DIGITS 18
#define PRICING_MAX_AMOUNT_FRAC_DIGITS 18
#define PRICING_MAX_SPECS 1000
#define PRICING_MAX_ATTRIBUTES 32
#define PRICING_MAX_ENUM_VALUES 1000
#define PRICING_MAX_TIERS 1000
#define PRICING_MAX_SKUS 1000000
#define PRICING_MAX_QUANTITY 1000000000000000ull /* 10^15 */
#define PRICING_MAX_COUNT 120

/* ------------------------------------------------------------------ */
/* Seller tools                                                        */
/* ------------------------------------------------------------------ */

/*
 * The catalog as canonical JSON (docs/seller-tools.md): every member it
 * holds, amounts as written, a fixed key order, SKUs in the order of
 * their enum values. Loading the output and writing it again gives the
 * same bytes. flags: PRICING_JSON_PRETTY.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_write_json(pricing_buffer *buf,
                           const pricing_catalog *catalog, unsigned flags,
                           pricing_error *err);

/* Flags of pricing_catalog_sheet (with PRICING_JSON_PRETTY for JSON). */
#define PRICING_SHEET_CSV 0x10u      /* RFC 4180 CSV (the default) */
#define PRICING_SHEET_JSON 0x20u     /* {"catalog":...,"rows":[...]} */
#define PRICING_SHEET_TEMPLATE 0x40u /* the same rows, prices left empty */

/*
 * The price sheet of catalog: one row per price of every SKU x plan (the
 * fixed price, the base, each linear or package rule, each tier), plus
 * one row per unavailable SKU; only spec spec_id's rows unless it is
 * NULL (unknown_spec). CSV has a header row and CRLF line ends; see
 * docs/seller-tools.md for the columns.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_sheet(pricing_buffer *buf, const pricing_catalog *catalog,
                      const char *spec_id, unsigned flags,
                      pricing_error *err);

/*
 * Reads a CSV price sheet (len bytes, as pricing_catalog_sheet writes it,
 * filled in) and writes catalog as canonical JSON with those prices into
 * buf. Every spec with a row in the sheet must have all its rows; specs
 * without rows keep their prices. A bad cell is reported at path
 * "/row/N/column/NAME" with line = N (the record number, the header is
 * 1) and column = the field number (1-based); errors of the whole sheet
 * have path "" or "/row/N". The result is loaded before it is returned,
 * so it is a valid catalog. flags: PRICING_JSON_PRETTY.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_import_sheet(pricing_buffer *buf,
                             const pricing_catalog *catalog, const char *csv,
                             size_t len, unsigned flags, pricing_error *err);

/*
 * The price changes from old_catalog to new_catalog as JSON: added,
 * removed and changed specs, SKUs, plans, bases, rules and tiers with
 * their old and new values, and a summary. flags: PRICING_JSON_PRETTY.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_diff(pricing_buffer *buf, const pricing_catalog *old_catalog,
                     const pricing_catalog *new_catalog, unsigned flags,
                     pricing_error *err);

/*
 * The same document plus each request of jsonl (JSON Lines, len bytes,
 * as `pricing batch` reads them) priced under both catalogs: old and new
 * total (or error) and the difference, and a summary (how many pay more,
 * less, the same; the largest changes; requests that stop being valid).
 * Catalogs of different currencies are invalid_value at /currency.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_diff_requests(pricing_buffer *buf,
                              const pricing_catalog *old_catalog,
                              const pricing_catalog *new_catalog,
                              const char *jsonl, size_t len, unsigned flags,
                              pricing_error *err);

#ifdef __cplusplus
}
#endif

#endif /* PRICING_H */
