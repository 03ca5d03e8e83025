/* SPDX-License-Identifier: MIT */
/* unit.h - the unit test suites, one per module (Check). */
#ifndef PRICING_TESTS_UNIT_H
#define PRICING_TESTS_UNIT_H

#include <check.h>

Suite *unit_json_suite(void);
Suite *unit_date_suite(void);
Suite *unit_currency_suite(void);
Suite *unit_decimal_suite(void);
Suite *unit_catalog_suite(void);
Suite *unit_api_suite(void);
Suite *unit_lines_suite(void);
Suite *unit_error_suite(void);
Suite *unit_versions_suite(void);
Suite *unit_suggest_suite(void);
Suite *unit_info_suite(void);
Suite *unit_batch_suite(void);
Suite *unit_writer_suite(void);
Suite *unit_lint_suite(void);
Suite *unit_chart_suite(void);
Suite *unit_zword_suite(void);
Suite *unit_defer_suite(void);
Suite *unit_view_suite(void);

/* The shared test data directory (../shared beside the source tree, or
 * $PRICING_SHARED_DIR); NULL when absent, and tests that need it skip
 * with a message. */
const char *unit_shared_dir(void);

#endif
