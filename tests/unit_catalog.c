/* SPDX-License-Identifier: MIT */
/* unit_catalog.c - loading and validating catalogs (catalog*.c).
 *
 * Catalogs are written with single quotes for readability and turned
 * into JSON before loading; every load reads an exact-size heap copy with
 * no terminator. Each rule of the contract's "Details" section is checked
 * for its exact code and JSON Pointer path.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "pricing.h"
#include "model.h"
#include "rule.h"
#include "unit.h"

/* ---------------------------------------------------------------- helpers */

/* A growable string. */
typedef struct sbuf {
    char *s;
    size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    int need;
    va_start(ap, fmt);
    need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    ck_assert(need >= 0);
    if (b->n + (size_t)need + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + (size_t)need + 1)
            cap *= 2;
        b->s = realloc(b->s, cap);
        ck_assert(b->s != NULL);
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
    va_end(ap);
    b->n += (size_t)need;
}

/* Loads JSON text (single quotes stand for double quotes) from an
 * exact-size copy without terminator. */
static int load_sq(pricing_catalog **out, const char *sq, pricing_error *err)
{
    size_t len = strlen(sq), i;
    char *buf = malloc(len ? len : 1);
    int rc;
    ck_assert(buf != NULL);
    for (i = 0; i < len; i++)
        buf[i] = sq[i] == '\'' ? '"' : sq[i];
    pricing_error_init(err);
    rc = pricing_catalog_load(out, buf, len, err);
    free(buf);
    return rc;
}

static pricing_catalog *load_ok_(const char *sq, int line)
{
    pricing_catalog *cat = (pricing_catalog *)1;
    pricing_error err;
    int rc = load_sq(&cat, sq, &err);
    ck_assert_msg(rc == 0 && cat != NULL,
                  "line %d: load failed: %s at \"%s\": %s", line,
                  pricing_code_name(err.code), err.path, err.message);
    ck_assert_msg(err.code == PRICING_OK, "line %d: err set on success", line);
    return cat;
}
#define LOAD_OK(sq) load_ok_((sq), __LINE__)

static void expect_err_(const char *sq, pricing_code code, const char *path,
                        const char *where, int line)
{
    pricing_catalog *cat = (pricing_catalog *)1;
    pricing_error err;
    int rc = load_sq(&cat, sq, &err);
    ck_assert_msg(rc == -(int)code && err.code == code &&
                      strcmp(err.path, path) == 0,
                  "%s %d: got rc %d, %s at \"%s\" (%s); expected %s at "
                  "\"%s\"\n  catalog: %.300s",
                  where, line, rc, pricing_code_name(err.code), err.path,
                  err.message, pricing_code_name(code), path, sq);
    ck_assert_msg(cat == NULL, "%s %d: *out not NULL after a failure", where,
                  line);
    ck_assert_msg(err.message[0] != '\0', "%s %d: empty message", where,
                  line);
    ck_assert_msg(err.line == 0 && err.column == 0,
                  "%s %d: line/column set for a validation error", where,
                  line);
}
#define EXPECT_ERR(sq, code, path)                                             \
    expect_err_((sq), (code), (path), "line", __LINE__)

/* ---------------------------------------------------------------- pieces */

#define CAT(specs) "{'catalog':'c','currency':'USD','specs':[" specs "]}"
#define SIMPLE                                                                 \
    "{'id':'s','billing':'one_time','template':'simple',"                      \
    "'prices':{'one_time':'10.00'}}"
/* A yearly_monthly simple spec with extra members. */
#define YM_SIMPLE(extra)                                                       \
    "{'id':'s','billing':'yearly_monthly','template':'simple'," extra          \
    "'prices':{'month':'1.00','year':'10.00'}}"
#define CUSTOM(attrs, skus)                                                    \
    "{'id':'s','billing':'yearly_monthly','template':'custom',"                \
    "'attributes':[" attrs "],'skus':[" skus "]}"
#define EDITION "{'id':'edition','type':'enum','values':['basic','pro']}"
#define USERS "{'id':'users','type':'quantity','min':1,'max':100}"
#define STORAGE "{'id':'storage','type':'quantity','min':0,'max':10}"
/* One SKU {} of a spec whose only attribute is users, month charged so. */
#define USERS_CHARGE(charge)                                                   \
    CAT(CUSTOM(USERS, "{'sku':{},'prices':{'month':" charge "}}"))
#define RULE(rule) USERS_CHARGE("{'quantities':{'users':" rule "}}")
#define GRAD(tiers) RULE("{'graduated':[" tiers "]}")
#define VOL(tiers) RULE("{'volume':[" tiers "]}")
#define MP "/specs/0/skus/0/prices/month"
#define QP MP "/quantities"
#define GP QP "/users/graduated"
#define VP QP "/users/volume"
/* Two SKUs of edition, each with the given prices object. */
#define ED_SKUS(basic, pro)                                                    \
    "{'sku':{'edition':'basic'},'prices':" basic "},"                          \
    "{'sku':{'edition':'pro'},'prices':" pro "}"

/* ---------------------------------------------------------------- the rules */

static const struct {
    const char *json;
    pricing_code code;
    const char *path;
} rules[] = {
    /* ---- Required members. */
    {"{'currency':'USD','specs':[" SIMPLE "]}", PRICING_MISSING_FIELD,
     "/catalog"},
    {"{'catalog':'c','specs':[" SIMPLE "]}", PRICING_MISSING_FIELD,
     "/currency"},
    {"{'catalog':'c','currency':'USD'}", PRICING_MISSING_FIELD, "/specs"},
    {CAT(""), PRICING_INVALID_VALUE, "/specs"},
    {CAT("{'billing':'one_time','template':'simple','prices':{'one_time':'1'}}"),
     PRICING_MISSING_FIELD, "/specs/0/id"},
    {CAT(SIMPLE ",{'billing':'one_time','template':'simple',"
                "'prices':{'one_time':'1'}}"),
     PRICING_MISSING_FIELD, "/specs/1/id"},
    {CAT("{'id':'s','template':'simple','prices':{'one_time':'1'}}"),
     PRICING_MISSING_FIELD, "/specs/0/billing"},
    {CAT("{'id':'s','billing':'one_time','prices':{'one_time':'1'}}"),
     PRICING_MISSING_FIELD, "/specs/0/template"},
    {CAT("{'id':'s','billing':'one_time','template':'simple'}"),
     PRICING_MISSING_FIELD, "/specs/0/prices"},
    {CAT("{'id':'s','billing':'one_time','template':'custom'}"),
     PRICING_MISSING_FIELD, "/specs/0/skus"},
    {CAT(CUSTOM("{'type':'enum','values':['a']}", "")),
     PRICING_MISSING_FIELD, "/specs/0/attributes/0/id"},
    {CAT(CUSTOM("{'id':'a','values':['a']}", "")), PRICING_MISSING_FIELD,
     "/specs/0/attributes/0/type"},
    {CAT(CUSTOM("{'id':'a','type':'enum'}", "")), PRICING_MISSING_FIELD,
     "/specs/0/attributes/0/values"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','max':5}", "")),
     PRICING_MISSING_FIELD, "/specs/0/attributes/0/min"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':5}", "")),
     PRICING_MISSING_FIELD, "/specs/0/attributes/0/max"},
    {GRAD("{'unit_price':'1'}"), PRICING_MISSING_FIELD, GP "/0/up_to"},
    {GRAD("{'up_to':null}"), PRICING_MISSING_FIELD, GP "/0/unit_price"},
    {GRAD("{'up_to':5,'unit_price':'1'},{'flat':'1'}"), PRICING_MISSING_FIELD,
     GP "/1/up_to"},
    {CAT(CUSTOM(USERS, "{'prices':{'month':'1'}}")), PRICING_MISSING_FIELD,
     "/specs/0/skus/0/sku"},
    {CAT(CUSTOM(USERS, "{'sku':{}}")), PRICING_MISSING_FIELD,
     "/specs/0/skus/0/prices"},
    {CAT(CUSTOM(USERS, "{'sku':{},'available':true}")), PRICING_MISSING_FIELD,
     "/specs/0/skus/0/prices"},
    {CAT(CUSTOM(EDITION, "{'sku':{},'prices':{'month':'1'}}")),
     PRICING_MISSING_FIELD, "/specs/0/skus/0/sku/edition"},

    /* ---- null is never an absent member: wrong_type. */
    {"{'catalog':null,'currency':'USD','specs':[" SIMPLE "]}",
     PRICING_WRONG_TYPE, "/catalog"},
    {"{'catalog':'c','version':null,'currency':'USD','specs':[" SIMPLE "]}",
     PRICING_WRONG_TYPE, "/version"},
    {"{'catalog':'c','currency':null,'specs':[" SIMPLE "]}",
     PRICING_WRONG_TYPE, "/currency"},
    {"{'catalog':'c','currency':'USD','minor_units':null,'specs':[" SIMPLE
     "]}",
     PRICING_WRONG_TYPE, "/minor_units"},
    {"{'catalog':'c','currency':'USD','rounding':null,'specs':[" SIMPLE "]}",
     PRICING_WRONG_TYPE, "/rounding"},
    {"{'catalog':'c','currency':'USD','rounding':{'mode':null},'specs':["
     SIMPLE "]}",
     PRICING_WRONG_TYPE, "/rounding/mode"},
    {"{'catalog':'c','currency':'USD','rounding':{'at':null},'specs':[" SIMPLE
     "]}",
     PRICING_WRONG_TYPE, "/rounding/at"},
    {"{'catalog':'c','currency':'USD','specs':null}", PRICING_WRONG_TYPE,
     "/specs"},
    {CAT("null"), PRICING_WRONG_TYPE, "/specs/0"},
    {CAT("{'id':null,'billing':'one_time','template':'simple',"
         "'prices':{'one_time':'1'}}"),
     PRICING_WRONG_TYPE, "/specs/0/id"},
    {CAT("{'id':'s','name':null,'billing':'one_time','template':'simple',"
         "'prices':{'one_time':'1'}}"),
     PRICING_WRONG_TYPE, "/specs/0/name"},
    {CAT("{'id':'s','billing':null,'template':'simple',"
         "'prices':{'one_time':'1'}}"),
     PRICING_WRONG_TYPE, "/specs/0/billing"},
    {CAT("{'id':'s','billing':'one_time','template':null,"
         "'prices':{'one_time':'1'}}"),
     PRICING_WRONG_TYPE, "/specs/0/template"},
    {CAT("{'id':'s','billing':'one_time','template':'simple','prices':null}"),
     PRICING_WRONG_TYPE, "/specs/0/prices"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':null}}"),
     PRICING_WRONG_TYPE, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'custom','skus':null}"),
     PRICING_WRONG_TYPE, "/specs/0/skus"},
    {CAT(YM_SIMPLE("'plans':null,")), PRICING_WRONG_TYPE, "/specs/0/plans"},
    {CAT(YM_SIMPLE("'plans':[null],")), PRICING_WRONG_TYPE,
     "/specs/0/plans/0"},
    {CAT(YM_SIMPLE("'counts':null,")), PRICING_WRONG_TYPE,
     "/specs/0/counts"},
    {CAT(YM_SIMPLE("'counts':{'month':null},")), PRICING_WRONG_TYPE,
     "/specs/0/counts/month"},
    {CAT(YM_SIMPLE("'counts':{'month':[null]},")), PRICING_WRONG_TYPE,
     "/specs/0/counts/month/0"},
    {CAT(YM_SIMPLE("'trial_days':null,")), PRICING_WRONG_TYPE,
     "/specs/0/trial_days"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'custom',"
         "'attributes':null,'skus':[]}"),
     PRICING_WRONG_TYPE, "/specs/0/attributes"},
    {CAT(CUSTOM("null", "")), PRICING_WRONG_TYPE, "/specs/0/attributes/0"},
    {CAT(CUSTOM("{'id':null,'type':'enum','values':['a']}", "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/id"},
    {CAT(CUSTOM("{'id':'a','type':null,'values':['a']}", "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/type"},
    {CAT(CUSTOM("{'id':'a','type':'enum','values':null}", "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/values"},
    {CAT(CUSTOM("{'id':'a','type':'enum','values':['a',null]}", "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/values/1"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':null,'max':5}", "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/min"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':1,'max':null}", "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/max"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':1,'max':5,'step':null}",
                "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/step"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':1,'max':5,'unit':null}",
                "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/unit"},
    {CAT(CUSTOM(USERS, "null")), PRICING_WRONG_TYPE, "/specs/0/skus/0"},
    {CAT(CUSTOM(USERS, "{'sku':null,'prices':{'month':'1'}}")),
     PRICING_WRONG_TYPE, "/specs/0/skus/0/sku"},
    {CAT(CUSTOM(EDITION, "{'sku':{'edition':null},'prices':{'month':'1'}}")),
     PRICING_WRONG_TYPE, "/specs/0/skus/0/sku/edition"},
    {CAT(CUSTOM(USERS, "{'sku':{},'available':null}")), PRICING_WRONG_TYPE,
     "/specs/0/skus/0/available"},
    {CAT(CUSTOM(USERS, "{'sku':{},'prices':null}")), PRICING_WRONG_TYPE,
     "/specs/0/skus/0/prices"},
    {USERS_CHARGE("null"), PRICING_WRONG_TYPE, MP},
    {USERS_CHARGE("{'base':null,'quantities':{'users':{'linear':'1'}}}"),
     PRICING_WRONG_TYPE, MP "/base"},
    {USERS_CHARGE("{'quantities':null}"), PRICING_WRONG_TYPE, QP},
    {RULE("null"), PRICING_WRONG_TYPE, QP "/users"},
    {RULE("{'linear':null}"), PRICING_WRONG_TYPE, QP "/users/linear"},
    {RULE("{'graduated':null}"), PRICING_WRONG_TYPE, GP},
    {RULE("{'volume':null}"), PRICING_WRONG_TYPE, VP},
    {GRAD("null"), PRICING_WRONG_TYPE, GP "/0"},
    {GRAD("{'up_to':null,'unit_price':null}"), PRICING_WRONG_TYPE,
     GP "/0/unit_price"},
    {GRAD("{'up_to':null,'unit_price':'1','flat':null}"), PRICING_WRONG_TYPE,
     GP "/0/flat"},

    /* ---- Other wrong types. */
    {"{'catalog':'c','currency':840,'specs':[" SIMPLE "]}",
     PRICING_WRONG_TYPE, "/currency"},
    {"{'catalog':7,'currency':'USD','specs':[" SIMPLE "]}",
     PRICING_WRONG_TYPE, "/catalog"},
    {"{'catalog':'c','currency':'USD','specs':{}}", PRICING_WRONG_TYPE,
     "/specs"},
    {"[]", PRICING_WRONG_TYPE, ""},
    {"'catalog'", PRICING_WRONG_TYPE, ""},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':1.0,'max':5}", "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/min"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':1,'max':1e3}", "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/max"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':1,'max':5,'step':'1'}",
                "")),
     PRICING_WRONG_TYPE, "/specs/0/attributes/0/step"},
    {GRAD("{'up_to':'5','unit_price':'1'},{'up_to':null,'unit_price':'1'}"),
     PRICING_WRONG_TYPE, GP "/0/up_to"},
    {GRAD("{'up_to':5.0,'unit_price':'1'},{'up_to':null,'unit_price':'1'}"),
     PRICING_WRONG_TYPE, GP "/0/up_to"},
    {CAT(CUSTOM(USERS, "{'sku':{},'available':'no'}")), PRICING_WRONG_TYPE,
     "/specs/0/skus/0/available"},
    {CAT(CUSTOM(USERS, "{'sku':[],'prices':{'month':'1'}}")),
     PRICING_WRONG_TYPE, "/specs/0/skus/0/sku"},
    {USERS_CHARGE("true"), PRICING_WRONG_TYPE, MP},
    {USERS_CHARGE("['1']"), PRICING_WRONG_TYPE, MP},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':{'base':'1'}}}"),
     PRICING_WRONG_TYPE, "/specs/0/prices/one_time"},

    /* ---- minor_units: a top-level member from 0 to 18. */
    {"{'catalog':'c','currency':'USD','minor_units':19,'specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/minor_units"},
    {"{'catalog':'c','currency':'USD','minor_units':-1,'specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/minor_units"},
    {"{'catalog':'c','currency':'USD','minor_units':1000000000000000000000,"
     "'specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/minor_units"},
    {"{'catalog':'c','currency':'USD','minor_units':2.0,'specs':[" SIMPLE
     "]}",
     PRICING_WRONG_TYPE, "/minor_units"},
    {"{'catalog':'c','currency':'USD','minor_units':'2','specs':[" SIMPLE
     "]}",
     PRICING_WRONG_TYPE, "/minor_units"},
    {CAT("{'id':'s','billing':'one_time','template':'simple','minor_units':2,"
         "'prices':{'one_time':'1'}}"),
     PRICING_UNKNOWN_FIELD, "/specs/0/minor_units"},

    /* ---- Currency: three capital letters; unknown codes need
     * minor_units; anything else is invalid_value. */
    {"{'catalog':'c','currency':'usd','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':'US','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':'USDD','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':'','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':'Usd','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':'US1','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':' USD','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':'\\u00dcSD','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':'XXX','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':'XTS','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':'ABC','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    {"{'catalog':'c','currency':'usd','minor_units':2,'specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},
    /* A long string is still "anything else": invalid_value, not a limit
     * (no documented limit is 16 bytes). */
    {"{'catalog':'c','currency':'ABCDEFGHIJKLMNOPQ','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/currency"},

    /* ---- counts: yearly_monthly only, each count 1..120, once. */
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'counts':{'one_time':[1]},'prices':{'one_time':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/counts"},
    {CAT(YM_SIMPLE("'counts':{'month':[0]},")), PRICING_INVALID_VALUE,
     "/specs/0/counts/month/0"},
    {CAT(YM_SIMPLE("'counts':{'month':[1,121]},")), PRICING_INVALID_VALUE,
     "/specs/0/counts/month/1"},
    {CAT(YM_SIMPLE("'counts':{'month':[1,-2]},")), PRICING_INVALID_VALUE,
     "/specs/0/counts/month/1"},
    {CAT(YM_SIMPLE("'counts':{'year':[1,2,1]},")), PRICING_INVALID_VALUE,
     "/specs/0/counts/year/2"},
    {CAT(YM_SIMPLE("'counts':{'month':[]},")), PRICING_INVALID_VALUE,
     "/specs/0/counts/month"},
    {CAT(YM_SIMPLE("'counts':{'week':[1]},")), PRICING_INVALID_VALUE,
     "/specs/0/counts/week"},
    {CAT(YM_SIMPLE("'counts':{'one_time':[1]},")), PRICING_INVALID_VALUE,
     "/specs/0/counts/one_time"},
    {CAT(YM_SIMPLE("'counts':{'month':[1.0]},")), PRICING_WRONG_TYPE,
     "/specs/0/counts/month/0"},
    {CAT(YM_SIMPLE("'counts':{'month':['1']},")), PRICING_WRONG_TYPE,
     "/specs/0/counts/month/0"},
    {CAT(YM_SIMPLE("'counts':[1],")), PRICING_WRONG_TYPE, "/specs/0/counts"},
    {CAT(YM_SIMPLE("'counts':{'month':3},")), PRICING_WRONG_TYPE,
     "/specs/0/counts/month"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'simple',"
         "'plans':['month'],'counts':{'year':[1]},'prices':{'month':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/counts/year"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'simple',"
         "'counts':{'year':[1]},'prices':{'month':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/counts/year"},

    /* ---- trial_days: yearly_monthly only, at least 1. */
    {CAT(YM_SIMPLE("'trial_days':0,")), PRICING_INVALID_VALUE,
     "/specs/0/trial_days"},
    {CAT(YM_SIMPLE("'trial_days':-1,")), PRICING_INVALID_VALUE,
     "/specs/0/trial_days"},
    {CAT(YM_SIMPLE("'trial_days':1.5,")), PRICING_WRONG_TYPE,
     "/specs/0/trial_days"},
    {CAT(YM_SIMPLE("'trial_days':'14',")), PRICING_WRONG_TYPE,
     "/specs/0/trial_days"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'trial_days':14,'prices':{'one_time':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/trial_days"},
    {CAT(YM_SIMPLE("'trail_days':14,")), PRICING_UNKNOWN_FIELD,
     "/specs/0/trail_days"},

    /* ---- Domains: billing, template, type, rounding, plans, bounds. */
    {CAT("{'id':'s','billing':'monthly','template':'simple',"
         "'prices':{'month':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/billing"},
    {CAT("{'id':'s','billing':'one_time','template':'fancy',"
         "'prices':{'one_time':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/template"},
    {CAT("{'id':'','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/id"},
    {"{'catalog':'','currency':'USD','specs':[" SIMPLE "]}",
     PRICING_INVALID_VALUE, "/catalog"},
    {"{'catalog':'c','currency':'USD','rounding':{'mode':'bankers'},'specs':["
     SIMPLE "]}",
     PRICING_INVALID_VALUE, "/rounding/mode"},
    {"{'catalog':'c','currency':'USD','rounding':{'mode':'HALF_UP'},'specs':["
     SIMPLE "]}",
     PRICING_INVALID_VALUE, "/rounding/mode"},
    {"{'catalog':'c','currency':'USD','rounding':{'at':'invoice'},'specs':["
     SIMPLE "]}",
     PRICING_INVALID_VALUE, "/rounding/at"},
    {"{'catalog':'c','currency':'USD','rounding':{'mode':'up','When':1},"
     "'specs':[" SIMPLE "]}",
     PRICING_UNKNOWN_FIELD, "/rounding/When"},
    {CAT(CUSTOM("{'id':'a','type':'text'}", "")), PRICING_INVALID_VALUE,
     "/specs/0/attributes/0/type"},
    {CAT(CUSTOM("{'id':'a','type':'enum','values':[]}", "")),
     PRICING_INVALID_VALUE, "/specs/0/attributes/0/values"},
    {CAT(CUSTOM("{'id':'a','type':'enum','values':['']}", "")),
     PRICING_INVALID_VALUE, "/specs/0/attributes/0/values/0"},
    {CAT(CUSTOM("{'id':'a','type':'enum','values':['x'],'min':1}", "")),
     PRICING_UNKNOWN_FIELD, "/specs/0/attributes/0/min"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':1,'max':5,'values':['x']}",
                "")),
     PRICING_UNKNOWN_FIELD, "/specs/0/attributes/0/values"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':-1,'max':5}", "")),
     PRICING_INVALID_VALUE, "/specs/0/attributes/0/min"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':1,'max':-5}", "")),
     PRICING_INVALID_VALUE, "/specs/0/attributes/0/max"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':1,'max':5,'step':-1}",
                "")),
     PRICING_INVALID_VALUE, "/specs/0/attributes/0/step"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':1,'max':5,'step':0}",
                "")),
     PRICING_INVALID_VALUE, "/specs/0/attributes/0/step"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':6,'max':5}", "")),
     PRICING_INVALID_VALUE, "/specs/0/attributes/0/max"},
    {CAT(CUSTOM("{'id':'a','type':'quantity','min':0,"
                "'max':1000000000000001}",
                "")),
     PRICING_INVALID_VALUE, "/specs/0/attributes/0/max"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'simple',"
         "'attributes':[],'prices':{'month':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/attributes"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'1'},'skus':[]}"),
     PRICING_INVALID_VALUE, "/specs/0/skus"},
    {CAT("{'id':'s','billing':'one_time','template':'custom',"
         "'prices':{'one_time':'1'},'skus':[]}"),
     PRICING_INVALID_VALUE, "/specs/0/prices"},
    {CAT(YM_SIMPLE("'plans':[],")), PRICING_INVALID_VALUE, "/specs/0/plans"},
    {CAT(YM_SIMPLE("'plans':['month','month'],")), PRICING_INVALID_VALUE,
     "/specs/0/plans/1"},
    {CAT(YM_SIMPLE("'plans':['month','one_time'],")), PRICING_INVALID_VALUE,
     "/specs/0/plans/1"},
    {CAT(YM_SIMPLE("'plans':['Month'],")), PRICING_INVALID_VALUE,
     "/specs/0/plans/0"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'plans':['month'],'prices':{'one_time':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/plans/0"},

    /* ---- Prices: plans of the billing mode, and of plans. */
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'month':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/prices/month"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'simple',"
         "'prices':{'month':'1','one_time':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'simple',"
         "'prices':{'weekly':'1'}}"),
     PRICING_INVALID_VALUE, "/specs/0/prices/weekly"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'simple',"
         "'prices':{}}"),
     PRICING_INVALID_VALUE, "/specs/0/prices"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'simple',"
         "'plans':['month'],'prices':{'month':'1','year':'10'}}"),
     PRICING_INVALID_VALUE, "/specs/0/prices/year"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'simple',"
         "'plans':['month','year'],'prices':{'month':'1'}}"),
     PRICING_MISSING_FIELD, "/specs/0/prices/year"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'custom',"
         "'plans':['month'],'attributes':[" EDITION "],'skus':[" ED_SKUS(
         "{'month':'1'}", "{'month':'2','year':'20'}") "]}"),
     PRICING_INVALID_VALUE, "/specs/0/skus/1/prices/year"},
    /* An available SKU prices every offered plan: missing_field. */
    {CAT(CUSTOM(EDITION, ED_SKUS("{'month':'1','year':'10'}",
                                 "{'month':'2'}"))),
     PRICING_MISSING_FIELD, "/specs/0/skus/1/prices/year"},
    {CAT(CUSTOM(EDITION, "{'sku':{'edition':'pro'},'prices':{'month':'2'}},"
                         "{'sku':{'edition':'basic'},'prices':{'month':'1',"
                         "'year':'10'}}")),
     PRICING_MISSING_FIELD, "/specs/0/skus/0/prices/year"},
    {CAT("{'id':'s','billing':'yearly_monthly','template':'custom',"
         "'plans':['month','year'],'attributes':[" EDITION "],'skus':["
         ED_SKUS("{'month':'1'}", "{'month':'2','year':'20'}") "]}"),
     PRICING_MISSING_FIELD, "/specs/0/skus/0/prices/year"},
    /* An available SKU whose prices name no plan (without a plans list
     * the spec would sell nothing, and quoting it without a plan hung). */
    {CAT("{'id':'s','billing':'yearly_monthly','template':'custom',"
         "'skus':[{'sku':{},'prices':{}}]}"),
     PRICING_INVALID_VALUE, "/specs/0/skus/0/prices"},
    {CAT(CUSTOM(EDITION, "{'sku':{'edition':'basic'},'available':false},"
                         "{'sku':{'edition':'pro'},'prices':{}}")),
     PRICING_INVALID_VALUE, "/specs/0/skus/1/prices"},
    /* ... but when the spec does offer a plan, the SKU lacks its price:
     * "a missing one is missing_field". */
    {CAT("{'id':'s','billing':'yearly_monthly','template':'custom',"
         "'plans':['month'],'skus':[{'sku':{},'prices':{}}]}"),
     PRICING_MISSING_FIELD, "/specs/0/skus/0/prices/month"},
    {CAT(CUSTOM(EDITION, ED_SKUS("{'month':'1'}", "{}"))),
     PRICING_MISSING_FIELD, "/specs/0/skus/1/prices/month"},
    {CAT(CUSTOM(EDITION, ED_SKUS("{}", "{'year':'1'}"))),
     PRICING_MISSING_FIELD, "/specs/0/skus/0/prices/year"},
    /* A charge object naming nothing, for a spec without quantities. */
    {CAT("{'id':'s','billing':'one_time','template':'custom',"
         "'skus':[{'sku':{},'prices':{'one_time':{}}}]}"),
     PRICING_INVALID_VALUE, "/specs/0/skus/0/prices/one_time"},
    {CAT(CUSTOM(EDITION, "{'sku':{'edition':'basic'},'available':false,"
                         "'prices':{'month':'1'}},"
                         "{'sku':{'edition':'pro'},'prices':{'month':'1'}}")),
     PRICING_INVALID_VALUE, "/specs/0/skus/0/prices"},

    /* ---- Tiers: order and coverage. */
    {GRAD("{'up_to':null,'unit_price':'1'},{'up_to':null,'unit_price':'2'}"),
     PRICING_TIER_ORDER, GP "/0/up_to"},
    {GRAD("{'up_to':5,'unit_price':'1'},{'up_to':null,'unit_price':'2'},"
          "{'up_to':null,'unit_price':'3'}"),
     PRICING_TIER_ORDER, GP "/1/up_to"},
    {GRAD("{'up_to':10,'unit_price':'1'},{'up_to':10,'unit_price':'2'},"
          "{'up_to':null,'unit_price':'3'}"),
     PRICING_TIER_ORDER, GP "/1/up_to"},
    {GRAD("{'up_to':10,'unit_price':'1'},{'up_to':20,'unit_price':'2'},"
          "{'up_to':15,'unit_price':'3'},{'up_to':null,'unit_price':'4'}"),
     PRICING_TIER_ORDER, GP "/2/up_to"},
    {VOL("{'up_to':10,'unit_price':'1'},{'up_to':9,'unit_price':'2'}"),
     PRICING_TIER_ORDER, VP "/1/up_to"},
    {GRAD("{'up_to':10,'unit_price':'1'},{'up_to':99,'unit_price':'2'}"),
     PRICING_TIER_COVERAGE, GP "/1/up_to"},
    {GRAD("{'up_to':99,'unit_price':'1'}"), PRICING_TIER_COVERAGE,
     GP "/0/up_to"},
    {VOL("{'up_to':50,'unit_price':'1'}"), PRICING_TIER_COVERAGE,
     VP "/0/up_to"},
    {GRAD(""), PRICING_INVALID_VALUE, GP},
    {GRAD("{'up_to':-1,'unit_price':'1'},{'up_to':null,'unit_price':'1'}"),
     PRICING_INVALID_VALUE, GP "/0/up_to"},
    {GRAD("{'up_to':null,'unit_price':'1','ceiling':2}"),
     PRICING_UNKNOWN_FIELD, GP "/0/ceiling"},
    {GRAD("{'up_to':null,'unit_prize':'1'}"), PRICING_UNKNOWN_FIELD,
     GP "/0/unit_prize"},

    /* ---- Rules and unpriced attributes. */
    {CAT(CUSTOM(USERS "," STORAGE,
                "{'sku':{},'prices':{'month':{'quantities':"
                "{'users':{'linear':'1'}}}}}")),
     PRICING_UNPRICED_ATTRIBUTE, QP},
    {CAT(CUSTOM(USERS "," STORAGE,
                "{'sku':{},'prices':{'month':{'quantities':{}}}}")),
     PRICING_UNPRICED_ATTRIBUTE, QP},
    {USERS_CHARGE("{'base':'1.00'}"), PRICING_UNPRICED_ATTRIBUTE, MP},
    {USERS_CHARGE("{}"), PRICING_UNPRICED_ATTRIBUTE, MP},
    {RULE("{'linear':'1','volume':[{'up_to':null,'unit_price':'1'}]}"),
     PRICING_INVALID_VALUE, QP "/users"},
    {RULE("{'graduated':[{'up_to':null,'unit_price':'1'}],"
          "'volume':[{'up_to':null,'unit_price':'1'}]}"),
     PRICING_INVALID_VALUE, QP "/users"},
    {RULE("{}"), PRICING_INVALID_VALUE, QP "/users"},
    {RULE("{'tiered':[{'up_to':null,'unit_price':'1'}]}"),
     PRICING_UNKNOWN_FIELD, QP "/users/tiered"},
    {RULE("{'Linear':'1'}"), PRICING_UNKNOWN_FIELD, QP "/users/Linear"},
    {CAT(CUSTOM(EDITION "," USERS,
                "{'sku':{'edition':'basic'},'prices':{'month':{'quantities':"
                "{'users':{'linear':'1'},'edition':{'linear':'1'}}}}},"
                "{'sku':{'edition':'pro'},'prices':{'month':'1'}}")),
     PRICING_INVALID_VALUE, "/specs/0/skus/0/prices/month/quantities/edition"},
    {USERS_CHARGE("{'quantities':{'users':{'linear':'1'},"
                  "'seats':{'linear':'1'}}}"),
     PRICING_UNKNOWN_ATTRIBUTE, QP "/seats"},
    {USERS_CHARGE("{'quantities':{'seats':{'linear':'1'}}}"),
     PRICING_UNKNOWN_ATTRIBUTE, QP "/seats"},
    {USERS_CHARGE("{'base':'1','quantity':{}}"), PRICING_UNKNOWN_FIELD,
     MP "/quantity"},

    /* ---- Duplicate ids, at the second occurrence. */
    {CAT(SIMPLE "," SIMPLE), PRICING_DUPLICATE_ID, "/specs/1/id"},
    {CAT("{'id':'a','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'1'}}," SIMPLE "," SIMPLE),
     PRICING_DUPLICATE_ID, "/specs/2/id"},
    {CAT(CUSTOM(EDITION "," USERS "," EDITION, "")), PRICING_DUPLICATE_ID,
     "/specs/0/attributes/2/id"},
    {CAT(CUSTOM(USERS "," USERS, "")), PRICING_DUPLICATE_ID,
     "/specs/0/attributes/1/id"},
    {CAT(CUSTOM("{'id':'a','type':'enum','values':['x','y','x']}", "")),
     PRICING_DUPLICATE_ID, "/specs/0/attributes/0/values/2"},
    {CAT(CUSTOM("{'id':'a','type':'enum','values':['x','X','y','y']}", "")),
     PRICING_DUPLICATE_ID, "/specs/0/attributes/0/values/3"},

    /* ---- SKUs: every combination exactly once. */
    {CAT(CUSTOM(EDITION, "{'sku':{'edition':'basic'},'prices':{'month':'1'}}")),
     PRICING_SKU_MISSING, "/specs/0/skus"},
    {CAT(CUSTOM(EDITION, "")), PRICING_SKU_MISSING, "/specs/0/skus"},
    {CAT(CUSTOM(USERS, "")), PRICING_SKU_MISSING, "/specs/0/skus"},
    {CAT(CUSTOM(EDITION,
                "{'sku':{'edition':'basic'},'prices':{'month':'1'}},"
                "{'sku':{'edition':'pro'},'prices':{'month':'1'}},"
                "{'sku':{'edition':'basic'},'prices':{'month':'1'}}")),
     PRICING_SKU_DUPLICATE, "/specs/0/skus/2"},
    {CAT(CUSTOM(EDITION,
                "{'sku':{'edition':'pro'},'prices':{'month':'1'}},"
                "{'sku':{'edition':'pro'},'available':false}")),
     PRICING_SKU_DUPLICATE, "/specs/0/skus/1"},
    {CAT(CUSTOM(USERS, "{'sku':{},'prices':{'month':'1'}},"
                       "{'sku':{},'prices':{'month':'1'}},"
                       "{'sku':{},'prices':{'month':'1'}}")),
     PRICING_SKU_DUPLICATE, "/specs/0/skus/1"},
    /* A list shorter than the combinations still reports a repeat. */
    {CAT(CUSTOM("{'id':'e','type':'enum','values':['a','b','c']}",
                "{'sku':{'e':'b'},'prices':{'month':'1'}},"
                "{'sku':{'e':'b'},'prices':{'month':'1'}}")),
     PRICING_SKU_DUPLICATE, "/specs/0/skus/1"},
    {CAT(CUSTOM("{'id':'e','type':'enum','values':['a','b','c']}",
                "{'sku':{'e':'b'},'prices':{'month':'1'}},"
                "{'sku':{'e':'d'},'prices':{'month':'1'}}")),
     PRICING_UNKNOWN_VALUE, "/specs/0/skus/1/sku/e"},
    {CAT(CUSTOM(EDITION, "{'sku':{'edition':'gold'},'prices':{'month':'1'}}")),
     PRICING_UNKNOWN_VALUE, "/specs/0/skus/0/sku/edition"},
    {CAT(CUSTOM(EDITION, "{'sku':{'edition':'basic','color':'red'},"
                         "'prices':{'month':'1'}}")),
     PRICING_UNKNOWN_ATTRIBUTE, "/specs/0/skus/0/sku/color"},
    {CAT(CUSTOM(EDITION "," USERS,
                "{'sku':{'edition':'basic','users':5},'prices':{'month':'1'}}")),
     PRICING_INVALID_VALUE, "/specs/0/skus/0/sku/users"},
    {CAT(CUSTOM(USERS, "{'sku':{},'prices':{'month':'1'},'availble':true}")),
     PRICING_UNKNOWN_FIELD, "/specs/0/skus/0/availble"},

    /* ---- Amounts. */
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'1234567890123456789'}}"),
     PRICING_LIMIT_EXCEEDED, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'0.1234567890123456789'}}"),
     PRICING_LIMIT_EXCEEDED, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':1234567890123456}}"),
     PRICING_LIMIT_EXCEEDED, "/specs/0/prices/one_time"},
    {GRAD("{'up_to':null,'unit_price':'1','flat':'12345678901234567890'}"),
     PRICING_LIMIT_EXCEEDED, GP "/0/flat"},
    {RULE("{'linear':'0.00000000000000000001'}"), PRICING_LIMIT_EXCEEDED,
     QP "/users/linear"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'-5'}}"),
     PRICING_INVALID_AMOUNT, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'-0'}}"),
     PRICING_INVALID_AMOUNT, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':-3}}"),
     PRICING_INVALID_AMOUNT, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':-0.5}}"),
     PRICING_INVALID_AMOUNT, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':12.5}}"),
     PRICING_INEXACT_NUMBER, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':1e3}}"),
     PRICING_INEXACT_NUMBER, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'1e3'}}"),
     PRICING_INVALID_AMOUNT, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'1e999999999'}}"),
     PRICING_INVALID_AMOUNT, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':''}}"),
     PRICING_INVALID_AMOUNT, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'1,50'}}"),
     PRICING_INVALID_AMOUNT, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':' 12.5'}}"),
     PRICING_INVALID_AMOUNT, "/specs/0/prices/one_time"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'+5'}}"),
     PRICING_INVALID_AMOUNT, "/specs/0/prices/one_time"},
    {RULE("{'linear':'.5'}"), PRICING_INVALID_AMOUNT, QP "/users/linear"},
    {USERS_CHARGE("{'base':'5.','quantities':{'users':{'linear':'1'}}}"),
     PRICING_INVALID_AMOUNT, MP "/base"},
    {USERS_CHARGE("{'base':true,'quantities':{'users':{'linear':'1'}}}"),
     PRICING_WRONG_TYPE, MP "/base"},
    {USERS_CHARGE("{'base':{},'quantities':{'users':{'linear':'1'}}}"),
     PRICING_WRONG_TYPE, MP "/base"},

    /* ---- Unknown fields and pointer escaping. */
    {"{'catalog':'c','Currency':'USD','currency':'USD','specs':[" SIMPLE "]}",
     PRICING_UNKNOWN_FIELD, "/Currency"},
    {"{'catalog':'c','currency':'USD','a/b':1,'specs':[" SIMPLE "]}",
     PRICING_UNKNOWN_FIELD, "/a~1b"},
    {"{'catalog':'c','currency':'USD','a~b':1,'specs':[" SIMPLE "]}",
     PRICING_UNKNOWN_FIELD, "/a~0b"},
    {"{'catalog':'c','currency':'USD','~/':1,'specs':[" SIMPLE "]}",
     PRICING_UNKNOWN_FIELD, "/~0~1"},
    {"{'catalog':'c','currency':'USD','specs':[" SIMPLE "],'catalog':'d'}",
     PRICING_DUPLICATE_KEY, "/catalog"},
    {CAT("{'id':'s','billing':'one_time','template':'simple',"
         "'prices':{'one_time':'1','one_time':'1000'}}"),
     PRICING_DUPLICATE_KEY, "/specs/0/prices/one_time"},
};

START_TEST(test_rules)
{
    expect_err_(rules[_i].json, rules[_i].code, rules[_i].path, "rule",
                _i);
}
END_TEST

/* Variants of the rules above that are valid. */
START_TEST(test_valid_variants)
{
    static const char *const ok[] = {
        /* step defaults to 1; a trial of 1 day; counts omitting a plan */
        CAT(YM_SIMPLE("'trial_days':1,'counts':{'month':[1,120]},")),
        CAT(YM_SIMPLE("'plans':['year','month'],")),
        /* "010" is ten */
        CAT("{'id':'s','billing':'one_time','template':'simple',"
            "'prices':{'one_time':'010'}}"),
        /* 15 digits as a JSON integer; 18.18 digits as a string */
        CAT("{'id':'s','billing':'one_time','template':'simple',"
            "'prices':{'one_time':123456789012345}}"),
        CAT("{'id':'s','billing':'one_time','template':'simple',"
            "'prices':{'one_time':'123456789012345678.123456789012345678'}}"),
        CAT("{'id':'s','billing':'one_time','template':'simple',"
            "'prices':{'one_time':0}}"),
        /* up_to null on the last tier; a bounded last tier at max */
        GRAD("{'up_to':0,'unit_price':'1','flat':'2'},"
             "{'up_to':100,'unit_price':'0.5'}"),
        GRAD("{'up_to':1000000000000000,'unit_price':'1'}"),
        VOL("{'up_to':10,'unit_price':'1'},{'up_to':null,'unit_price':'1'}"),
        /* an unavailable SKU gives no prices */
        CAT(CUSTOM(EDITION, "{'sku':{'edition':'basic'},'available':false},"
                            "{'sku':{'edition':'pro'},'available':true,"
                            "'prices':{'month':'1'}}")),
        /* a plain amount for a spec with quantities: a fixed price */
        USERS_CHARGE("'99.00'"),
        /* the same id in different specs and attributes */
        CAT(CUSTOM("{'id':'s','type':'enum','values':['s']}",
                   "{'sku':{'s':'s'},'prices':{'month':'1'}}")),
        /* a custom spec without attributes has the one SKU {} */
        CAT("{'id':'s','billing':'one_time','template':'custom',"
            "'skus':[{'sku':{},'prices':{'one_time':'5'}}]}"),
        /* currencies */
        "{'catalog':'c','currency':'XXX','minor_units':2,'specs':[" SIMPLE
        "]}",
        "{'catalog':'c','currency':'ABC','minor_units':0,'specs':[" SIMPLE
        "]}",
        "{'catalog':'c','currency':'USD','minor_units':18,'specs':[" SIMPLE
        "]}",
    };
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
        pricing_catalog_free(load_ok_(ok[i], (int)i));
}
END_TEST

START_TEST(test_currency_units)
{
    static const struct {
        const char *head;
        const char *currency;
        int units;
    } cases[] = {
        {"'currency':'USD'", "USD", 2},
        {"'currency':'JPY'", "JPY", 0},
        {"'currency':'KWD'", "KWD", 3},
        {"'currency':'CLF'", "CLF", 4},
        {"'currency':'USD','minor_units':3", "USD", 3},
        {"'minor_units':0,'currency':'USD'", "USD", 0},
        {"'currency':'XXX','minor_units':2", "XXX", 2},
        {"'currency':'XTS','minor_units':0", "XTS", 0},
        {"'currency':'QQQ','minor_units':18", "QQQ", 18},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char json[512];
        pricing_catalog *cat;
        snprintf(json, sizeof json, "{'catalog':'c',%s,'specs':[%s]}",
                 cases[i].head, SIMPLE);
        cat = LOAD_OK(json);
        ck_assert_str_eq(pricing_catalog_currency(cat), cases[i].currency);
        ck_assert_int_eq(pricing_catalog_minor_units(cat), cases[i].units);
        ck_assert_uint_eq(cat->minor_units, (unsigned)cases[i].units);
        /* "10.00" has 2 fraction digits */
        ck_assert_uint_eq(cat->scale, cases[i].units > 2
                                          ? (unsigned)cases[i].units
                                          : 2u);
        pricing_catalog_free(cat);
    }
}
END_TEST

/* ---------------------------------------------------------------- the model */

static const char model_catalog[] =
    "{'catalog':'acme','version':'v1','currency':'USD',"
    "'rounding':{'mode':'half_even','at':'line'},'specs':["
    "{'id':'tiers','billing':'yearly_monthly','template':'custom',"
    " 'counts':{'month':[1,2,3,6,9]},'trial_days':14,"
    " 'attributes':[{'id':'users','type':'quantity','min':0,'max':1000,"
    "  'step':5,'unit':'user'}],"
    " 'skus':[{'sku':{},'prices':{'month':{'base':'2','quantities':{'users':"
    "  {'graduated':["
    "   {'up_to':10,'unit_price':'1.00','flat':'5'},"
    "   {'up_to':20,'unit_price':'0.50'},"
    "   {'up_to':50,'unit_price':'0.25','flat':'1.5'},"
    "   {'up_to':100,'unit_price':'0.1234'},"
    "   {'up_to':null,'unit_price':'0.01'}]}}}}}]},"
    "{'id':'grid','name':'Grid','billing':'yearly_monthly','template':'custom',"
    " 'plans':['year'],"
    " 'attributes':[{'id':'a','type':'enum','values':['x','y','z']},"
    "  {'id':'n','type':'quantity','min':1,'max':9},"
    "  {'id':'b','type':'enum','values':['p','q']}],"
    " 'skus':["
    "  {'sku':{'b':'p','a':'x'},'prices':{'year':{'quantities':{'n':{'linear':'1'}}}}},"
    "  {'sku':{'a':'x','b':'q'},'prices':{'year':{'quantities':{'n':{'linear':'2'}}}}},"
    "  {'sku':{'a':'y','b':'p'},'prices':{'year':{'quantities':{'n':{'linear':'3'}}}}},"
    "  {'sku':{'a':'y','b':'q'},'available':false},"
    "  {'sku':{'a':'z','b':'p'},'prices':{'year':'5.5'}},"
    "  {'sku':{'a':'z','b':'q'},'prices':{'year':{'base':'1','quantities':"
    "   {'n':{'volume':[{'up_to':9,'unit_price':'6'}]}}}}}]},"
    SIMPLE "]}";

static void expect_z(const mpz_t v, const char *dec, const char *what)
{
    mpz_t want;
    mpz_init_set_str(want, dec, 10);
    ck_assert_msg(mpz_cmp(v, want) == 0, "%s: expected %s", what, dec);
    mpz_clear(want);
}

START_TEST(test_model)
{
    static const struct {
        uint64_t from, up_to;
        int bounded;
        const char *unit_text, *unit, *flat_text, *flat, *full, *before;
    } tiers[5] = {
        {0, 10, 1, "1.00", "10000", "5", "50000", "150000", "0"},
        {10, 20, 1, "0.50", "5000", "0", "0", "50000", "150000"},
        {20, 50, 1, "0.25", "2500", "1.5", "15000", "90000", "200000"},
        {50, 100, 1, "0.1234", "1234", "0", "0", "61700", "290000"},
        {100, UINT64_MAX, 0, "0.01", "100", "0", "0", "0", "351700"},
    };
    pricing_catalog *cat = LOAD_OK(model_catalog);
    const pricing__spec *sp;
    const pricing__charge *ch;
    const pricing__rule *rule;
    size_t k;

    ck_assert_str_eq(pricing_catalog_id(cat), "acme");
    ck_assert_str_eq(pricing_catalog_version(cat), "v1");
    ck_assert_str_eq(pricing_catalog_currency(cat), "USD");
    ck_assert_int_eq(pricing_catalog_minor_units(cat), 2);
    ck_assert_uint_eq(pricing_catalog_spec_count(cat), 3);
    ck_assert_uint_eq(pricing_catalog_sku_count(cat), 1 + 6 + 1);
    ck_assert_uint_eq(cat->scale, 4); /* "0.1234" */
    expect_z(cat->unit, "100", "unit");
    ck_assert_int_eq(cat->mode, PRICING__HALF_EVEN);
    ck_assert_int_eq(cat->at, PRICING__AT_LINE);
    ck_assert_int_eq(pricing__index_find(&cat->spec_index, "tiers", 5), 0);
    ck_assert_int_eq(pricing__index_find(&cat->spec_index, "grid", 4), 1);
    ck_assert_int_eq(pricing__index_find(&cat->spec_index, "s", 1), 2);
    ck_assert_int_eq(pricing__index_find(&cat->spec_index, "gri", 3), -1);
    ck_assert_int_eq(pricing__index_find(&cat->spec_index, "Grid", 4), -1);

    /* Spec 0: counts, trial, the quantity attribute, the 5 tiers. */
    sp = &cat->specs[0];
    ck_assert_str_eq(sp->id, "tiers");
    ck_assert_ptr_eq(sp->name, NULL);
    ck_assert_int_eq(sp->one_time, 0);
    ck_assert_int_eq(sp->custom, 1);
    ck_assert_uint_eq(sp->plans, 1u << PRICING__MONTH);
    ck_assert_uint_eq(sp->trial_days, 14);
    ck_assert_ptr_nonnull(sp->counts[PRICING__MONTH]);
    ck_assert_ptr_null(sp->counts[PRICING__YEAR]);
    for (k = 0; k <= PRICING_MAX_COUNT; k++)
        ck_assert_msg(sp->counts[PRICING__MONTH][k] ==
                          (k == 1 || k == 2 || k == 3 || k == 6 || k == 9),
                      "count %zu", k);
    ck_assert_uint_eq(sp->nattrs, 1);
    ck_assert_uint_eq(sp->nquant, 1);
    ck_assert_uint_eq(sp->nskus, 1);
    ck_assert_int_eq(sp->attrs[0].is_enum, 0);
    ck_assert_uint_eq(sp->attrs[0].min, 0);
    ck_assert_uint_eq(sp->attrs[0].max, 1000);
    ck_assert_uint_eq(sp->attrs[0].step, 5);
    ck_assert_str_eq(sp->attrs[0].unit, "user");
    ck_assert_int_eq(sp->skus[0].listed, 1);
    ck_assert_int_eq(sp->skus[0].available, 1);
    ck_assert_ptr_null(sp->skus[0].prices[PRICING__YEAR]);
    ch = sp->skus[0].prices[PRICING__MONTH];
    ck_assert_ptr_nonnull(ch);
    ck_assert_int_eq(ch->fixed, 0);
    ck_assert_int_eq(ch->has_base, 1);
    ck_assert_str_eq(ch->amount.text, "2");
    expect_z(ch->amount.v, "20000", "base");
    rule = &ch->rules[0];
    ck_assert_int_eq(rule->kind, PRICING__GRADUATED);
    ck_assert_uint_eq(rule->ntiers, 5);
    for (k = 0; k < 5; k++) {
        const pricing__tier *t = &rule->tiers[k];
        char what[64];
        ck_assert_uint_eq(t->from, tiers[k].from);
        ck_assert_uint_eq(t->up_to, tiers[k].up_to);
        ck_assert_int_eq(t->bounded, tiers[k].bounded);
        ck_assert_str_eq(t->unit.text, tiers[k].unit_text);
        ck_assert_str_eq(t->flat.text, tiers[k].flat_text);
        snprintf(what, sizeof what, "tier %zu unit", k + 1);
        expect_z(t->unit.v, tiers[k].unit, what);
        snprintf(what, sizeof what, "tier %zu flat", k + 1);
        expect_z(t->flat.v, tiers[k].flat, what);
        snprintf(what, sizeof what, "tier %zu full", k + 1);
        expect_z(t->full, tiers[k].full, what);
        snprintf(what, sizeof what, "tier %zu before", k + 1);
        expect_z(t->before, tiers[k].before, what);
    }

    /* Spec 1: SKUs at mixed-radix positions, the last enum fastest. */
    sp = &cat->specs[1];
    ck_assert_str_eq(sp->name, "Grid");
    ck_assert_uint_eq(sp->plans, 1u << PRICING__YEAR);
    ck_assert_uint_eq(sp->nattrs, 3);
    ck_assert_uint_eq(sp->nquant, 1);
    ck_assert_uint_eq(sp->attrs[1].qord, 0);
    ck_assert_uint_eq(sp->attrs[0].radix, 2);
    ck_assert_uint_eq(sp->attrs[2].radix, 1);
    ck_assert_uint_eq(sp->nskus, 6);
    ck_assert_int_eq(pricing__index_find(&sp->attr_index, "b", 1), 2);
    ck_assert_int_eq(pricing__index_find(&sp->attrs[0].value_index, "z", 1),
                     2);
    for (k = 0; k < 6; k++) {
        ck_assert_int_eq(sp->skus[k].listed, 1);
        ck_assert_int_eq(sp->skus[k].available, k != 3);
    }
    /* (x,p) 1, (x,q) 2, (y,p) 3, (z,p) fixed 5.5, (z,q) volume */
    ck_assert_str_eq(sp->skus[0].prices[PRICING__YEAR]->rules[0].linear.text,
                     "1");
    ck_assert_str_eq(sp->skus[1].prices[PRICING__YEAR]->rules[0].linear.text,
                     "2");
    ck_assert_str_eq(sp->skus[2].prices[PRICING__YEAR]->rules[0].linear.text,
                     "3");
    ck_assert_ptr_null(sp->skus[3].prices[PRICING__YEAR]);
    ck_assert_int_eq(sp->skus[4].prices[PRICING__YEAR]->fixed, 1);
    expect_z(sp->skus[4].prices[PRICING__YEAR]->amount.v, "55000", "fixed");
    ck_assert_int_eq(sp->skus[5].prices[PRICING__YEAR]->rules[0].kind,
                     PRICING__VOLUME);
    expect_z(sp->skus[5].prices[PRICING__YEAR]->rules[0].tiers[0].full,
             "540000", "volume full");

    /* Spec 2: simple one_time. */
    sp = &cat->specs[2];
    ck_assert_int_eq(sp->one_time, 1);
    ck_assert_int_eq(sp->custom, 0);
    ck_assert_uint_eq(sp->plans, 1u << PRICING__ONE_TIME);
    ck_assert_uint_eq(sp->nskus, 1);
    ck_assert_int_eq(sp->skus[0].prices[PRICING__ONE_TIME]->fixed, 1);
    expect_z(sp->skus[0].prices[PRICING__ONE_TIME]->amount.v, "100000",
             "simple");
    pricing_catalog_free(cat);
}
END_TEST

/* "010" is read in base 10 at load too. */
START_TEST(test_model_leading_zeros)
{
    pricing_catalog *cat =
        LOAD_OK(CAT("{'id':'s','billing':'one_time','template':'simple',"
                    "'prices':{'one_time':'010'}}"));
    expect_z(cat->specs[0].skus[0].prices[PRICING__ONE_TIME]->amount.v,
             "1000", "010 at scale 2");
    ck_assert_str_eq(cat->specs[0].skus[0].prices[PRICING__ONE_TIME]
                         ->amount.text,
                     "010");
    pricing_catalog_free(cat);
}
END_TEST

/* ---------------------------------------------------------------- limits */

/* A custom spec of nattr enum attributes with nvalues values each, and
 * (when with_skus) every SKU of a 1-value-per-attribute grid. */
static char *enum_catalog(size_t nattr, size_t nvalues, int with_skus)
{
    sbuf b = {NULL, 0, 0};
    size_t a, v;
    sb_add(&b, "{'catalog':'c','currency':'USD','specs':[{'id':'s',"
               "'billing':'yearly_monthly','template':'custom',"
               "'attributes':[");
    for (a = 0; a < nattr; a++) {
        sb_add(&b, "%s{'id':'a%zu','type':'enum','values':[", a ? "," : "",
               a);
        for (v = 0; v < nvalues; v++)
            sb_add(&b, "%s'v%zu'", v ? "," : "", v);
        sb_add(&b, "]}");
    }
    sb_add(&b, "],'skus':[");
    if (with_skus && nvalues == 1) {
        sb_add(&b, "{'sku':{");
        for (a = 0; a < nattr; a++)
            sb_add(&b, "%s'a%zu':'v0'", a ? "," : "", a);
        sb_add(&b, "},'prices':{'month':'1'}}");
    } else if (with_skus && nattr == 1) {
        for (v = 0; v < nvalues; v++)
            sb_add(&b, "%s{'sku':{'a0':'v%zu'},'prices':{'month':'%zu.01'}}",
                   v ? "," : "", v, v);
    }
    sb_add(&b, "]}]}");
    return b.s;
}

START_TEST(test_limit_attributes)
{
    char *json = enum_catalog(31, 1, 1); /* n - 1, n, n + 1 */
    pricing_catalog *cat = LOAD_OK(json);
    ck_assert_uint_eq(cat->specs[0].nattrs, 31);
    pricing_catalog_free(cat);
    free(json);
    json = enum_catalog(32, 1, 1);
    cat = LOAD_OK(json);
    ck_assert_uint_eq(cat->specs[0].nattrs, 32);
    ck_assert_uint_eq(pricing_catalog_sku_count(cat), 1);
    pricing_catalog_free(cat);
    free(json);
    json = enum_catalog(33, 1, 1);
    EXPECT_ERR(json, PRICING_LIMIT_EXCEEDED, "/specs/0/attributes");
    free(json);
}
END_TEST

START_TEST(test_limit_enum_values)
{
    char *json = enum_catalog(1, 999, 1); /* n - 1, n, n + 1 */
    pricing_catalog *cat = LOAD_OK(json);
    ck_assert_uint_eq(cat->specs[0].attrs[0].nvalues, 999);
    pricing_catalog_free(cat);
    free(json);
    json = enum_catalog(1, 1000, 1);
    cat = LOAD_OK(json);
    ck_assert_uint_eq(cat->specs[0].attrs[0].nvalues, 1000);
    ck_assert_uint_eq(pricing_catalog_sku_count(cat), 1000);
    ck_assert_str_eq(cat->specs[0].skus[999].prices[PRICING__MONTH]
                         ->amount.text,
                     "999.01");
    pricing_catalog_free(cat);
    free(json);
    json = enum_catalog(1, 1001, 1);
    EXPECT_ERR(json, PRICING_LIMIT_EXCEEDED, "/specs/0/attributes/0/values");
    free(json);
}
END_TEST

static char *tier_catalog(size_t ntiers, const char *rule)
{
    sbuf b = {NULL, 0, 0};
    size_t k;
    sb_add(&b, "{'catalog':'c','currency':'USD','specs':[{'id':'s',"
               "'billing':'yearly_monthly','template':'custom',"
               "'attributes':[{'id':'users','type':'quantity','min':0,"
               "'max':100000}],'skus':[{'sku':{},'prices':{'month':"
               "{'quantities':{'users':{'%s':[",
           rule);
    for (k = 0; k + 1 < ntiers; k++)
        sb_add(&b, "{'up_to':%zu,'unit_price':'%zu'},", (k + 1) * 10, k + 1);
    sb_add(&b, "{'up_to':null,'unit_price':'0.5'}]}}}}}]}]}");
    return b.s;
}

START_TEST(test_limit_tiers)
{
    char *json = tier_catalog(999, "volume"); /* n - 1, n, n + 1 */
    pricing_catalog *cat = LOAD_OK(json);
    ck_assert_uint_eq(
        cat->specs[0].skus[0].prices[PRICING__MONTH]->rules[0].ntiers, 999);
    pricing_catalog_free(cat);
    free(json);
    json = tier_catalog(1000, "graduated");
    cat = LOAD_OK(json);
    const pricing__rule *r =
        &cat->specs[0].skus[0].prices[PRICING__MONTH]->rules[0];
    ck_assert_uint_eq(r->ntiers, 1000);
    /* before of tier 1000: sum of 10 x k for k = 1..999 = 4995000 */
    expect_z(r->tiers[999].before, "499500000", "before of tier 1000");
    ck_assert_uint_eq(r->tiers[999].from, 9990);
    pricing_catalog_free(cat);
    free(json);
    json = tier_catalog(1001, "graduated");
    EXPECT_ERR(json, PRICING_LIMIT_EXCEEDED, GP);
    free(json);
    json = tier_catalog(1001, "volume");
    EXPECT_ERR(json, PRICING_LIMIT_EXCEEDED, VP);
    free(json);
}
END_TEST

START_TEST(test_limit_skus)
{
    /* 100 x 100 x 100 = 10^6 combinations: allowed (the load goes on to
     * the SKU list); 101 x 100 x 100 is not. */
    static const char *const fmt =
        "{'catalog':'c','currency':'USD','specs':[{'id':'s',"
        "'billing':'yearly_monthly','template':'custom','attributes':["
        "{'id':'a','type':'enum','values':[%s]},"
        "{'id':'b','type':'enum','values':[%s]},"
        "{'id':'c','type':'enum','values':[%s]}],'skus':[]}]}";
    sbuf v100 = {NULL, 0, 0}, v101 = {NULL, 0, 0}, json = {NULL, 0, 0};
    size_t i;
    for (i = 0; i < 101; i++) {
        if (i < 100)
            sb_add(&v100, "%s'%zu'", i ? "," : "", i);
        sb_add(&v101, "%s'%zu'", i ? "," : "", i);
    }
    sb_add(&json, fmt, v100.s, v100.s, v100.s);
    EXPECT_ERR(json.s, PRICING_SKU_MISSING, "/specs/0/skus");
    /* Two entries naming the same one of 10^6 combinations. */
    json.n = 0;
    sb_add(&json, fmt, v100.s, v100.s, v100.s);
    json.n -= 4; /* "...'skus':[]}]}" down to "...'skus':[" */
    json.s[json.n] = '\0';
    sb_add(&json, "{'sku':{'a':'7','b':'8','c':'9'},'prices':{'month':'1'}},"
                  "{'sku':{'c':'9','b':'8','a':'7'},'available':false}]}]}");
    EXPECT_ERR(json.s, PRICING_SKU_DUPLICATE, "/specs/0/skus/1");
    json.n = 0;
    sb_add(&json, fmt, v101.s, v100.s, v100.s);
    EXPECT_ERR(json.s, PRICING_LIMIT_EXCEEDED, "/specs/0/attributes");
    json.n = 0;
    sb_add(&json, fmt, v100.s, v100.s, v101.s);
    EXPECT_ERR(json.s, PRICING_LIMIT_EXCEEDED, "/specs/0/attributes");
    free(v100.s);
    free(v101.s);
    free(json.s);
}
END_TEST

START_TEST(test_limit_specs)
{
    sbuf b = {NULL, 0, 0};
    pricing_catalog *cat;
    size_t i;
    sb_add(&b, "{'catalog':'c','currency':'USD','specs':[");
    for (i = 0; i < 1000; i++)
        sb_add(&b, "%s{'id':'s%zu','billing':'one_time','template':'simple',"
                   "'prices':{'one_time':'1'}}",
               i ? "," : "", i);
    sb_add(&b, "]}");
    cat = LOAD_OK(b.s);
    ck_assert_uint_eq(pricing_catalog_spec_count(cat), 1000);
    ck_assert_uint_eq(pricing_catalog_sku_count(cat), 1000);
    pricing_catalog_free(cat);
    b.n -= 2; /* drop "]}" */
    sb_add(&b, ",{'id':'s1000','billing':'one_time','template':'simple',"
               "'prices':{'one_time':'1'}}]}");
    EXPECT_ERR(b.s, PRICING_LIMIT_EXCEEDED, "/specs");
    free(b.s);
}
END_TEST

START_TEST(test_limit_amount_digits)
{
    static const struct {
        const char *amount;
        pricing_code code;
    } cases[] = {
        {"'123456789012345678'", PRICING_OK},
        {"'1234567890123456789'", PRICING_LIMIT_EXCEEDED},
        {"'0.123456789012345678'", PRICING_OK},
        {"'0.1234567890123456789'", PRICING_LIMIT_EXCEEDED},
        {"'000000000000000001.000000000000000000'", PRICING_OK},
        {"123456789012345", PRICING_OK},
        {"1234567890123456", PRICING_LIMIT_EXCEEDED},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char json[512];
        snprintf(json, sizeof json,
                 CAT("{'id':'s','billing':'one_time','template':'simple',"
                     "'prices':{'one_time':%s}}"),
                 cases[i].amount);
        if (cases[i].code == PRICING_OK)
            pricing_catalog_free(load_ok_(json, (int)i));
        else
            expect_err_(json, cases[i].code, "/specs/0/prices/one_time",
                        "case", (int)i);
    }
    /* A JSON number with a leading zero is a syntax error, not an amount. */
    {
        pricing_catalog *cat = NULL;
        pricing_error err;
        int rc = load_sq(&cat,
                         CAT("{'id':'s','billing':'one_time','template':"
                             "'simple','prices':{'one_time':010}}"),
                         &err);
        ck_assert_int_eq(rc, -PRICING_JSON_SYNTAX);
        ck_assert_int_eq(err.code, PRICING_JSON_SYNTAX);
        ck_assert_str_eq(err.path, "");
        ck_assert_ptr_null(cat);
    }
}
END_TEST

/* Every kind has a name, and the name finds the kind: the loader and the
 * writers read the names from rule.c alone. */
START_TEST(test_rule_names)
{
    static const char *const names[] = {"linear", "graduated", "volume",
                                        "package"};
    int k;
    ck_assert_int_eq(PRICING__RULE_KINDS, 4);
    for (k = 0; k < PRICING__RULE_KINDS; k++) {
        const char *s = pricing__rule_name((pricing__rule_kind)k);
        ck_assert_str_eq(s, names[k]);
        ck_assert_int_eq(pricing__rule_lookup(s, strlen(s)), k);
    }
    ck_assert_int_eq(pricing__rule_lookup("volumes", 7), -1);
    ck_assert_int_eq(pricing__rule_lookup("volume", 5), -1);
    ck_assert_int_eq(pricing__rule_lookup("", 0), -1);
}
END_TEST

Suite *unit_catalog_suite(void)
{
    Suite *s = suite_create("catalog");
    TCase *tc = tcase_create("rules");
    tcase_add_loop_test(tc, test_rules, 0,
                        (int)(sizeof rules / sizeof rules[0]));
    tcase_add_test(tc, test_valid_variants);
    tcase_add_test(tc, test_currency_units);
    suite_add_tcase(s, tc);

    tc = tcase_create("model");
    tcase_add_test(tc, test_model);
    tcase_add_test(tc, test_rule_names);
    tcase_add_test(tc, test_model_leading_zeros);
    suite_add_tcase(s, tc);

    tc = tcase_create("limits");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_limit_attributes);
    tcase_add_test(tc, test_limit_enum_values);
    tcase_add_test(tc, test_limit_tiers);
    tcase_add_test(tc, test_limit_skus);
    tcase_add_test(tc, test_limit_specs);
    tcase_add_test(tc, test_limit_amount_digits);
    suite_add_tcase(s, tc);
    return s;
}
