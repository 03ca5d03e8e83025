/* SPDX-License-Identifier: MIT */
/* unit_error.c - error paths and messages (error.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "unit.h"

/* RFC 6901: every '~' is followed by '0' or '1', and a non-empty pointer
 * starts with '/'. */
static int valid_pointer(const char *p)
{
    size_t i;

    if (p[0] != '\0' && p[0] != '/')
        return 0;
    for (i = 0; p[i]; i++)
        if (p[i] == '~' && p[i + 1] != '0' && p[i + 1] != '1')
            return 0;
    return 1;
}

/* Keys made of escapes only: every cut offset is tried, so some cut
 * would fall between '~' and its digit if it were made by bytes. */
START_TEST(test_path_cut_at_token)
{
    int klen;

    for (klen = 1; klen <= 40; klen++) {
        pricing__path p;
        char key[64];
        size_t len, i;

        for (i = 0; i < (size_t)klen; i++)
            key[i] = i % 2 ? '/' : '~';
        pricing__path_init(&p);
        for (i = 0; i < 400; i++)
            pricing__path_push_key(&p, key, (size_t)klen);
        len = strlen(p.buf);
        ck_assert_uint_eq(len, p.len);
        ck_assert_uint_lt(len, PRICING_ERROR_PATH_SIZE);
        ck_assert_msg(valid_pointer(p.buf), "klen %d: %s", klen, p.buf);
        ck_assert_msg(len >= 4 && strcmp(p.buf + len - 4, "/...") == 0,
                      "klen %d: %s", klen, p.buf);
        /* Whole tokens before the mark: (1 + 2 * klen) bytes each. */
        ck_assert_uint_eq((len - 4) % (size_t)(1 + 2 * klen), 0);
        ck_assert_int_eq(p.truncated, 1);
    }
}
END_TEST

/* pricing__path_push_plain (a key with nothing to escape, inline) is
 * pricing__path_push_key: the same bytes, marks and cut, at every length
 * around the end of the buffer. */
START_TEST(test_path_push_plain)
{
    size_t klen, fill;

    for (klen = 0; klen <= 12; klen++) {
        /* A path of fill bytes (one token), then the key four times. */
        for (fill = PRICING_ERROR_PATH_SIZE - 40;
             fill < PRICING_ERROR_PATH_SIZE - 1; fill++) {
            pricing__path a, b;
            char key[16], pad[PRICING_ERROR_PATH_SIZE];
            size_t ma = 0, mb = 0;
            int round;

            memset(key, 'k', sizeof key);
            memset(pad, 'p', sizeof pad);
            pricing__path_init(&a);
            pricing__path_init(&b);
            pricing__path_push_key(&a, pad, fill - 1);
            pricing__path_push_key(&b, pad, fill - 1);
            for (round = 0; round < 4; round++) {
                ma = pricing__path_push_key(&a, key, klen);
                mb = pricing__path_push_plain(&b, key, klen);
                ck_assert_uint_eq(ma, mb);
                ck_assert_uint_eq(a.len, b.len);
                ck_assert_int_eq(a.truncated, b.truncated);
                ck_assert_str_eq(a.buf, b.buf);
            }
            pricing__path_pop(&a, ma);
            pricing__path_pop(&b, mb);
            ck_assert_str_eq(a.buf, b.buf);
        }
    }
}
END_TEST

/* Indices are tokens too; popping the truncating push restores the path
 * and lets it grow again. */
START_TEST(test_path_pop_after_cut)
{
    pricing__path p;
    char key[600];
    size_t first, second;

    memset(key, 'k', sizeof key);
    pricing__path_init(&p);
    pricing__path_push_index(&p, 12);
    first = pricing__path_push_key(&p, key, sizeof key);
    second = pricing__path_push_key(&p, key, sizeof key);
    ck_assert_uint_eq(first, 3);
    ck_assert_uint_eq(second, 3 + 1 + sizeof key);
    ck_assert_uint_eq(strlen(p.buf), 3 + 1 + sizeof key + 4);
    ck_assert_str_eq(p.buf + 3 + 1 + sizeof key, "/...");
    /* A push after the cut changes nothing. */
    ck_assert_uint_eq(pricing__path_push_index(&p, 7), p.len);
    pricing__path_pop(&p, second);
    ck_assert_uint_eq(p.len, second);
    ck_assert_int_eq(p.truncated, 0);
    pricing__path_push_index(&p, 7);
    ck_assert_uint_eq(strlen(p.buf), second + 2);
    ck_assert_str_eq(p.buf + second, "/7");
}
END_TEST

/* A message is one printable line: controls, DEL, C1 and bidi controls
 * in a quoted string are escaped (issue 12.4). */
START_TEST(test_message_one_line)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"x\npricing: ok total 0.00\r\x1b[31mRED",
         "no spec \"x\\npricing: ok total 0.00\\r\\u001b[31mRED\""},
        {"a\tb\x7f" "c", "no spec \"a\\tb\\u007fc\""},
        {"\xc2\x85\xc2\x9b", "no spec \"\\u0085\\u009b\""},
        {"abc\xe2\x80\xae" "cba", "no spec \"abc\\u202ecba\""},
        {"\xe2\x80\xa8\xe2\x81\xa6\xd8\x9c\xe2\x80\x8f",
         "no spec \"\\u2028\\u2066\\u061c\\u200f\""},
        {"caf\xc3\xa9 \xe2\x82\xac", "no spec \"caf\xc3\xa9 \xe2\x82\xac\""},
        {"bad\xff" "byte", "no spec \"badbyte\""},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        pricing_error err;
        pricing_error_init(&err);
        ck_assert_int_eq(pricing__error_at(&err, PRICING_UNKNOWN_SPEC, "/spec",
                                           "no spec \"%.64s\"", cases[i].in),
                         -(int)PRICING_UNKNOWN_SPEC);
        ck_assert_str_eq(err.message, cases[i].out);
    }
}
END_TEST

/* Escapes that do not fit end the message whole: never "\u00" alone. */
START_TEST(test_message_cut)
{
    char in[200];
    pricing_error err;
    size_t len;

    memset(in, '\x01', sizeof in - 1);
    in[sizeof in - 1] = '\0';
    pricing_error_init(&err);
    pricing__error_at(&err, PRICING_INVALID_VALUE, "", "v %s", in);
    len = strlen(err.message);
    ck_assert_uint_lt(len, PRICING_ERROR_MESSAGE_SIZE);
    ck_assert_uint_eq((len - 2) % 6, 0);
    ck_assert_uint_gt(len, PRICING_ERROR_MESSAGE_SIZE - 8);
    ck_assert_str_eq(err.message + len - 6, "\\u0001");
}
END_TEST

/* A path keeps whole UTF-8 characters only: a CSV header cell holding
 * byte 0x9d (found by the seller fuzz target) names its column without it,
 * and a two-byte character survives. */
START_TEST(test_path_utf8)
{
    pricing_error e;
    pricing_error_init(&e);
    pricing__error_at(&e, PRICING_UNKNOWN_FIELD, "/row/1/column/attr\x9d"
                      "bute/\xc3\xa9", "x");
    ck_assert_str_eq(e.path, "/row/1/column/attrbute/\xc3\xa9");
}
END_TEST

Suite *unit_error_suite(void)
{
    Suite *s = suite_create("error");
    TCase *tc = tcase_create("paths_messages");

    tcase_add_test(tc, test_path_cut_at_token);
    tcase_add_test(tc, test_path_pop_after_cut);
    tcase_add_test(tc, test_path_push_plain);
    tcase_add_test(tc, test_message_one_line);
    tcase_add_test(tc, test_message_cut);
    tcase_add_test(tc, test_path_utf8);
    suite_add_tcase(s, tc);
    return s;
}
