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
 * the row and column of the CSV cell at fault). A path longer than the
 * buffer is cut after its last whole reference token and ends in the
 * token "/...", so it stays a valid JSON Pointer.
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

/*
 * The index of the name in names[0..n) nearest word when one is close
 * enough to be a likely typo, or -1: the rule the library's own "did you
 * mean" messages follow (docs/api.md), for front ends that reject a word
 * of their own (a command, an option). NULL names are skipped.
 */
PRICING_EXPORT long pricing_suggest(const char *word,
                                    const char *const *names, size_t n);

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

/*
 * A warning about a catalog that loaded: something its author probably
 * did not mean (docs/api.md lists the codes). Filled by the library into
 * the caller's struct; code is borrowed and static.
 */
typedef struct pricing_warning {
    const char *code; /* snake_case, e.g. "currency_not_iso" */
    char path[PRICING_ERROR_PATH_SIZE];       /* JSON Pointer */
    char message[PRICING_ERROR_MESSAGE_SIZE]; /* one line of English */
    unsigned char reserved_[32]; /* room to grow; zeroed */
} pricing_warning;

/* The number of warnings of catalog (0 for NULL). */
PRICING_EXPORT size_t
pricing_catalog_warning_count(const pricing_catalog *catalog);
/* Fills *out with warning index (0-based); invalid_argument when out of
 * range. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_warning(pricing_warning *out, const pricing_catalog *catalog,
                        size_t index, pricing_error *err);

/* ------------------------------------------------------------------ */
/* Introspection                                                       */
/* ------------------------------------------------------------------ */

/*
 * A loaded catalog, enumerated without JSON (docs/api.md,
 * "Introspection"). Specs and attributes are borrowed handles into the
 * catalog, valid while it lives; so is every string returned. Every
 * function accepts NULL and out-of-range indexes, and answers NULL or 0.
 */
typedef struct pricing_spec pricing_spec;
typedef struct pricing_attribute pricing_attribute;

/* Spec index (0-based, in catalog order), or the spec with that id. */
PRICING_EXPORT const pricing_spec *
pricing_catalog_spec(const pricing_catalog *catalog, size_t index);
PRICING_EXPORT const pricing_spec *
pricing_catalog_find_spec(const pricing_catalog *catalog, const char *id);

PRICING_EXPORT const char *pricing_spec_id(const pricing_spec *spec);
/* NULL when the catalog gives no name. */
PRICING_EXPORT const char *pricing_spec_name(const pricing_spec *spec);
/* "yearly_monthly" or "one_time". */
PRICING_EXPORT const char *pricing_spec_billing(const pricing_spec *spec);
/* "custom" or "simple". */
PRICING_EXPORT const char *pricing_spec_template(const pricing_spec *spec);
/* The plans sold, in the order month, year, one_time. */
PRICING_EXPORT size_t pricing_spec_plan_count(const pricing_spec *spec);
PRICING_EXPORT const char *pricing_spec_plan(const pricing_spec *spec,
                                             size_t index);
/*
 * The counts (periods) sold for plan, ascending: writes the first
 * min(n, capacity) into out (which may be NULL when capacity is 0) and
 * returns n, the number allowed (0 when the plan is not sold).
 */
PRICING_EXPORT size_t pricing_spec_allowed_counts(uint32_t *out,
                                                  size_t capacity,
                                                  const pricing_spec *spec,
                                                  const char *plan);
/* 0 when the spec has no trial. */
PRICING_EXPORT uint64_t pricing_spec_trial_days(const pricing_spec *spec);

PRICING_EXPORT size_t pricing_spec_attribute_count(const pricing_spec *spec);
PRICING_EXPORT const pricing_attribute *
pricing_spec_attribute(const pricing_spec *spec, size_t index);
PRICING_EXPORT const pricing_attribute *
pricing_spec_find_attribute(const pricing_spec *spec, const char *id);

PRICING_EXPORT const char *
pricing_attribute_id(const pricing_attribute *attribute);
/* "enum" or "quantity". */
PRICING_EXPORT const char *
pricing_attribute_type(const pricing_attribute *attribute);
/* Enum values, in catalog order (0 for a quantity). */
PRICING_EXPORT size_t
pricing_attribute_value_count(const pricing_attribute *attribute);
PRICING_EXPORT const char *
pricing_attribute_value(const pricing_attribute *attribute, size_t index);
/* Quantity bounds and step (0 for an enum); unit NULL when none. */
PRICING_EXPORT uint64_t
pricing_attribute_min(const pricing_attribute *attribute);
PRICING_EXPORT uint64_t
pricing_attribute_max(const pricing_attribute *attribute);
PRICING_EXPORT uint64_t
pricing_attribute_step(const pricing_attribute *attribute);
PRICING_EXPORT const char *
pricing_attribute_unit(const pricing_attribute *attribute);

/*
 * SKUs: the enum combinations of a spec, numbered 0 to sku_count - 1 with
 * the last enum attribute varying fastest (1 SKU without enum
 * attributes). sku_value is SKU sku's value of enum attribute attribute
 * (an attribute index; NULL for a quantity).
 */
PRICING_EXPORT size_t pricing_spec_sku_count(const pricing_spec *spec);
PRICING_EXPORT const char *pricing_spec_sku_value(const pricing_spec *spec,
                                                  size_t sku,
                                                  size_t attribute);
/* Non-zero when SKU sku is sold ("available" in the catalog). */
PRICING_EXPORT int pricing_spec_sku_available(const pricing_spec *spec,
                                              size_t sku);
/*
 * The number of the SKU with values[i] for attributes[i] (i < n): every
 * enum attribute once; quantity attributes are ignored. Errors as a
 * request's "sku" member has them: unknown_attribute, unknown_value,
 * missing_attribute, at /sku/ATTRIBUTE.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_spec_find_sku(size_t *out, const pricing_spec *spec,
                      const char *const *attributes,
                      const char *const *values, size_t n,
                      pricing_error *err);

/*
 * One price of an SKU's price list for a plan, as the price sheet has
 * them: the fixed price, or the base and, per quantity attribute, its
 * rule (linear, package) or each tier (graduated, volume). Strings are
 * borrowed from the catalog; amounts are the text the catalog wrote.
 */
typedef struct pricing_price {
    const char *kind;      /* "fixed", "base", "quantity", "tier" */
    const char *attribute; /* the quantity attribute, or NULL */
    const char *rule;      /* "linear", "graduated", "volume", "package",
                              or NULL for fixed and base */
    uint32_t tier;         /* 1-based tier number, 0 if none */
    uint64_t up_to;        /* a tier's inclusive upper bound */
    int has_up_to;         /* 0 for an unbounded tier and no tier */
    uint64_t package_size; /* package: units per package, else 0 */
    const char *package_round; /* package: "up" or "down", else NULL */
    const char *unit_price;    /* the amount: fixed price, base, unit
                                  price, package price or tier unit price */
    const char *flat;          /* a tier's flat fee ("0" when none), else
                                  NULL */
    /* Room to grow (a currency, say) without changing the struct's size
     * for programs built against this release. Zeroed. */
    unsigned char reserved_[32];
} pricing_price;

/* The number of prices of SKU sku for plan: 0 when it has none (the plan
 * is not sold, or the SKU is unavailable). */
PRICING_EXPORT size_t pricing_spec_price_count(const pricing_spec *spec,
                                               size_t sku, const char *plan);
/* Fills *out with price index; invalid_argument when out of range. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_spec_price(pricing_price *out, const pricing_spec *spec, size_t sku,
                   const char *plan, size_t index, pricing_error *err);

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
 * An error as one line of printable text, into buf (replacing its
 * contents; NUL-terminated, size without the NUL, no newline):
 * "[SOURCE[:LINE:COLUMN]: ]CODE[ at PATH]: MESSAGE", the form the CLI
 * prints on standard error. source (a file name, or NULL for none) and
 * the path are escaped as messages are (control characters, DEL, C1,
 * line separators and bidi controls shown as \n, \r, \t or \uXXXX), so
 * no input can forge a second log line or a terminal escape; LINE:COLUMN
 * appear when error->line > 0. Returns 0, -PRICING_INVALID_ARGUMENT for
 * a NULL argument, or -PRICING_OUT_OF_MEMORY (buf unchanged then).
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_error_write_text(pricing_buffer *buf, const pricing_error *error,
                         const char *source);

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
 * Many requests in one call: jsonl is JSON Lines (len bytes, as `pricing
 * batch` reads them), each line a request. APPENDS to out the exact bytes
 * `pricing batch` writes for those lines: each quote or error object and
 * a newline, error objects ending with "input_line": N, counted from
 * first_line (1 for a whole stream; the number of the chunk's first line
 * when a stream is priced in chunks). Lines end at '\n'; a last line
 * without one counts, an empty text has none. A line longer than
 * PRICING_MAX_REQUEST_BYTES is answered limit_exceeded. A rejected line is
 * an answer, not a failure: the call returns 0 and counts it in
 * *rejected. *lines_done is the number of lines answered (both counters
 * may be NULL). On failure (invalid_argument, out_of_memory) out keeps the
 * answers of the first *lines_done lines, so the caller can resume after
 * them. quote is NULL or a quote object to reuse; flags must be 0.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_quote_jsonl(pricing_buffer *out, size_t *lines_done,
                    size_t *rejected, const pricing_catalog *catalog,
                    const char *jsonl, size_t len, uint64_t first_line,
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
#define PRICING_SHEET_HTML 0x80u     /* a self-contained HTML price page */

/*
 * The price sheet of catalog: one row per price of every SKU x plan (the
 * fixed price, the base, each linear or package rule, each tier), plus
 * one row per unavailable SKU; only spec spec_id's rows unless it is
 * NULL (unknown_spec). CSV has a header row and CRLF line ends; see
 * docs/seller-tools.md for the columns. PRICING_SHEET_HTML writes a
 * self-contained HTML page instead (specs, plans, tier tables and a
 * chart per quantity attribute and plan, every catalog string escaped).
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_sheet(pricing_buffer *buf, const pricing_catalog *catalog,
                      const char *spec_id, unsigned flags,
                      pricing_error *err);

/*
 * A chart of the price of spec spec_id against quantity attribute
 * attribute (NULL: the spec's first) for plan (NULL: the first it sells),
 * as an SVG document (docs/seller-tools.md, "chart"): the total and the
 * price per unit in two panels, one series per available SKU, or only
 * the SKU sku names ("ATTR=VALUE[,ATTR=VALUE...]", NULL for every SKU;
 * at most 24 series). Tier boundaries are marked and inversions (one
 * step more costing less) circled; every point's exact values are in a
 * <title>. Coordinates come from exact rationals, rounded to the nearest
 * tenth of a pixel, halves up. A version of a history is charted in its
 * default currency. Errors: unknown_spec, unknown_attribute,
 * invalid_value (no quantity attribute, or an enum one), plan_not_offered,
 * the SKU's errors at /sku/ATTR, sku_unavailable, limit_exceeded.
 * flags must be 0.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_chart(pricing_buffer *buf, const pricing_catalog *catalog,
                      const char *spec_id, const char *attribute,
                      const char *plan, const char *sku, unsigned flags,
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

/*
 * The price linter (docs/seller-tools.md, "lint"): warnings about prices
 * a seller probably did not mean, each a stable code, a JSON Pointer
 * into the catalog and a message naming the numbers: price_inversion,
 * year_above_months, edition_order, unreachable_tier, and the koogallery
 * release rules (koogallery_trial_days, koogallery_reserved_id) unless
 * rules is given. Every version of a history and every currency is
 * linted (a version handle: that version). rules: NULL, or a rule set
 * checked first as pricing_catalog_check_rules does (its findings are
 * then errors). *out is new: pricing_lint_free it. A catalog that loaded
 * always lints; failures are invalid_argument and out_of_memory.
 */
typedef struct pricing_lint pricing_lint;

PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_catalog_lint(pricing_lint **out, const pricing_catalog *catalog,
                     const char *rules, pricing_error *err);
/* NULL is a no-op. */
PRICING_EXPORT void pricing_lint_free(pricing_lint *lint);
/* The number of warnings (0 for NULL). */
PRICING_EXPORT size_t pricing_lint_count(const pricing_lint *lint);
/* Fills *out with warning index (its message cut to the struct's size);
 * invalid_argument when out of range. */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_lint_warning(pricing_warning *out, const pricing_lint *lint,
                     size_t index, pricing_error *err);

/* Flag of pricing_lint_write. */
#define PRICING_LINT_TEXT 0x100u /* "CODE at PATH: MESSAGE" lines */

/*
 * The warnings into buf, the bytes `pricing lint` prints: one line each,
 * {"code":...,"path":...,"message":...} (JSON Lines), or with
 * PRICING_LINT_TEXT one line of printable text each; empty when there
 * are none.
 */
PRICING_EXPORT PRICING_WARN_UNUSED int
pricing_lint_write(pricing_buffer *buf, const pricing_lint *lint,
                   unsigned flags, pricing_error *err);

#ifdef __cplusplus
}
#endif

#endif /* PRICING_H */
