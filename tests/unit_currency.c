/* SPDX-License-Identifier: MIT */
/* unit_currency.c - the ISO 4217 minor-units table. */
#include <string.h>

#include "unit.h"
#include "currency.h"

static void check_code(const char *code, int expected)
{
    int got = pricing__currency_minor_units(code);
    ck_assert_msg(got == expected, "%s: minor units %d, expected %d",
                  code ? code : "(null)",
                  got, expected);
}

START_TEST(test_common)
{
    check_code("CNY", 2);
    check_code("USD", 2);
    check_code("EUR", 2);
    check_code("GBP", 2);
    check_code("JPY", 0);
    check_code("KRW", 0);
}
END_TEST

/* Hostile input 31: the exponents that are not 2. */
START_TEST(test_exponents)
{
    check_code("BHD", 3);
    check_code("KWD", 3);
    check_code("JOD", 3);
    check_code("OMR", 3);
    check_code("TND", 3);
    check_code("IQD", 3);
    check_code("LYD", 3);
    check_code("CLF", 4);
    check_code("UYW", 4);
    check_code("IDR", 2);
    check_code("HUF", 2);
    check_code("VND", 0);
    check_code("ISK", 0);
    check_code("PYG", 0);
    check_code("UGX", 0);
    check_code("CLP", 0);
    check_code("XAF", 0);
    check_code("XOF", 0);
    check_code("XPF", 0);
    check_code("KMF", 0);
    check_code("GNF", 0);
    check_code("DJF", 0);
    check_code("BIF", 0);
    check_code("RWF", 0);
    check_code("VUV", 0);
    check_code("UYI", 0);
    /* Funds codes with minor units. */
    check_code("BOV", 2);
    check_code("CHE", 2);
    check_code("CHW", 2);
    check_code("COU", 2);
    check_code("MXV", 2);
    check_code("USN", 2);
    /* Recent replacements, and the ends of the table. */
    check_code("ZWG", 2);
    check_code("XCG", 2);
    check_code("SLE", 2);
    check_code("VED", 2);
    check_code("AED", 2);
}
END_TEST

/* "N.A." in ISO 4217: the catalog must give minor_units. */
START_TEST(test_no_minor_units)
{
    static const char *const na[] = {"XXX", "XTS", "XAU", "XAG", "XPD",
                                     "XPT", "XBA", "XBB", "XBC", "XBD",
                                     "XDR", "XSU", "XUA"};
    size_t i;
    for (i = 0; i < sizeof na / sizeof na[0]; i++)
        check_code(na[i], -1);
}
END_TEST

/* Hostile input 30. */
START_TEST(test_malformed)
{
    static const char *const bad[] = {
        "usd", "Usd", "uSD", "USd", "US", "U", "", "USDD", "USD ", " USD",
        "EURO", "US1", "1SD", "U$D", "US-", "QQQ", "ABC", "ZZZ", "AAA",
        "XYZ", "HRK", "VEF", "MRO", "STD", "SLL", "DEM", "\xc3\x9cSD",
        "\x80SD", "US\xc4"};
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        check_code(bad[i], -1);
    check_code(NULL, -1);
    /* A NUL inside: only the bytes before it are the code. */
    ck_assert_int_eq(pricing__currency_minor_units("US\0D"), -1);
    ck_assert_int_eq(pricing__currency_minor_units("USD\0X"), 2);
}
END_TEST

/* ISO 4217 list one as published 2026-01-01, in its own (country) order,
 * so every entry is looked up through the binary search. */
static const char list_one[] =
    "AFN EUR ALL DZD USD AOA XCD XAD ARS AMD AWG AUD AZN BSD BHD BDT BBD "
    "BYN BZD XOF BMD INR BTN BOB BOV BAM BWP NOK BRL BND BIF CVE KHR XAF "
    "CAD KYD CLP CLF CNY COP COU KMF CDF NZD CRC CUP XCG CZK DKK DJF DOP "
    "EGP SVC ERN SZL ETB FKP FJD XPF GMD GEL GHS GIP GTQ GBP GNF GYD HTG "
    "HNL HKD HUF ISK IDR XDR IRR IQD ILS JMD JPY JOD KZT KES KPW KRW KWD "
    "KGS LAK LBP LSL ZAR LRD LYD CHF MOP MKD MGA MWK MYR MVR MRU MUR XUA "
    "MXN MXV MDL MNT MAD MZN MMK NAD NPR NIO NGN OMR PKR PAB PGK PYG PEN "
    "PHP PLN QAR RON RUB RWF SHP WST STN SAR RSD SCR SLE SGD XSU SBD SOS "
    "SSP LKR SDG SRD SEK CHE CHW SYP TWD TJS TZS THB TOP TTD TND TRY TMT "
    "UGX UAH AED USN UYU UYI UYW UZS VUV VES VED VND YER ZMW ZWG XBA XBB "
    "XBC XBD XTS XXX XAU XPD XPT XAG";
/* Withdrawn after 2024, still accepted. */
static const char legacy[] = "ANG CUC ZWL";

static int expected_units(const char *code)
{
    static const char zero[] =
        "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    static const char three[] = "BHD IQD JOD KWD LYD OMR TND";
    static const char four[] = "CLF UYW";
    static const char none[] =
        "XBA XBB XBC XBD XDR XSU XUA XTS XXX XAU XAG XPD XPT";
    if (strstr(zero, code))
        return 0;
    if (strstr(three, code))
        return 3;
    if (strstr(four, code))
        return 4;
    if (strstr(none, code))
        return -1;
    return 2;
}

static int check_list(const char *list)
{
    int n = 0;
    const char *p;
    for (p = list; *p; p += p[3] ? 4 : 3) {
        char code[4];
        memcpy(code, p, 3);
        code[3] = '\0';
        check_code(code, expected_units(code));
        n++;
    }
    return n;
}

START_TEST(test_every_code)
{
    ck_assert_int_eq(check_list(list_one), 178);
    ck_assert_int_eq(check_list(legacy), 3);
}
END_TEST

/* Every three-letter string: exactly the listed codes are known, with
 * minor units in 0..4 or -1. */
START_TEST(test_all_strings)
{
    char code[4] = "AAA";
    int known = 0, na = 0;
    for (code[0] = 'A'; code[0] <= 'Z'; code[0]++)
        for (code[1] = 'A'; code[1] <= 'Z'; code[1]++)
            for (code[2] = 'A'; code[2] <= 'Z'; code[2]++) {
                int u = pricing__currency_minor_units(code);
                ck_assert_int_ge(u, -1);
                ck_assert_int_le(u, 4);
                if (u >= 0)
                    known++;
                else if (strstr(list_one, code))
                    na++;
            }
    ck_assert_int_eq(known, 178 + 3 - 13);
    ck_assert_int_eq(na, 13);
}
END_TEST

Suite *unit_currency_suite(void)
{
    Suite *s = suite_create("currency");
    TCase *tc = tcase_create("currency");
    tcase_add_test(tc, test_common);
    tcase_add_test(tc, test_exponents);
    tcase_add_test(tc, test_no_minor_units);
    tcase_add_test(tc, test_malformed);
    tcase_add_test(tc, test_every_code);
    tcase_add_test(tc, test_all_strings);
    suite_add_tcase(s, tc);
    return s;
}
