/* SPDX-License-Identifier: MIT */
/* check_unit.c - runs every unit suite. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "unit.h"

const char *unit_shared_dir(void)
{
    static char buf[4096];
    const char *env = getenv("PRICING_SHARED_DIR");
    struct stat st;
    if (env && *env)
        snprintf(buf, sizeof buf, "%s", env);
    else
        snprintf(buf, sizeof buf, "%s/../shared", SRCDIR);
    if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode))
        return NULL;
    return buf;
}

int main(void)
{
    SRunner *sr = srunner_create(unit_json_suite());
    int failed;
    srunner_add_suite(sr, unit_date_suite());
    srunner_add_suite(sr, unit_currency_suite());
    srunner_add_suite(sr, unit_decimal_suite());
    srunner_add_suite(sr, unit_catalog_suite());
    srunner_add_suite(sr, unit_api_suite());
    srunner_add_suite(sr, unit_lines_suite());
    srunner_add_suite(sr, unit_error_suite());
    srunner_add_suite(sr, unit_versions_suite());
    srunner_add_suite(sr, unit_suggest_suite());
    srunner_add_suite(sr, unit_info_suite());
    srunner_add_suite(sr, unit_batch_suite());
    srunner_add_suite(sr, unit_writer_suite());
    srunner_add_suite(sr, unit_lint_suite());
    srunner_add_suite(sr, unit_chart_suite());
    srunner_add_suite(sr, unit_zword_suite());
    srunner_add_suite(sr, unit_defer_suite());
    srunner_add_suite(sr, unit_view_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
