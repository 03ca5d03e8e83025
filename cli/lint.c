/* SPDX-License-Identifier: MIT */
/* lint.c - pricing lint: the catalog's warnings on standard output. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_lint(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_lint *lint = NULL;
    pricing_error err;
    const char *format = o->value[OPT_format];
    unsigned flags = format && strcmp(format, "text") == 0 ? PRICING_LINT_TEXT
                                                           : 0u;
    size_t n = 0;
    int rc, status;

    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, o->args[0], &err);
    if (rc == 0)
        rc = pricing_catalog_lint(&lint, cat, o->value[OPT_rules], &err);
    if (rc == 0)
        rc = pricing_lint_write(&buf, lint, flags, &err);
    n = pricing_lint_count(lint);
    pricing_lint_free(lint);
    pricing_catalog_free(cat);
    if (rc != 0) {
        pricing_buffer_dispose(&buf);
        return cli_report(&err, 0u,
                          err.code == PRICING_INVALID_ARGUMENT ? NULL
                                                               : o->args[0]);
    }
    /* The lines end themselves: nothing is added, none for no warning. */
    status = buf.size && fwrite(buf.data, 1, buf.size, stdout) != buf.size
                 ? EXIT_IO
                 : EXIT_OK;
    pricing_buffer_dispose(&buf);
    if (status == EXIT_OK && n > 0 && o->value[OPT_strict]) {
        fprintf(stderr, "pricing: %s: %zu warning%s (--strict)\n",
                o->args[0], n, n == 1 ? "" : "s");
        status = EXIT_REJECTED;
    }
    return cli_finish_output(status);
}
