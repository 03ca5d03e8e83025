/* SPDX-License-Identifier: MIT */
/* report.c - what the pricing command prints: results, error objects and
 * the one-line messages on standard error. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Writes buf and a newline; 0, or -1 when standard output failed. */
int cli_emit(const pricing_buffer *buf)
{
    if (buf->size && fwrite(buf->data, 1, buf->size, stdout) != buf->size)
        return -1;
    return fputc('\n', stdout) == EOF ? -1 : 0;
}

int cli_finish_output(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "pricing: cannot write standard output\n");
        return EXIT_IO;
    }
    return status;
}

int cli_status_of(pricing_code code)
{
    /* Three codes are failures to do the work; every other code rejects
     * the input (an if-chain: the rest of the enum is one case). */
    if (code == PRICING_IO_ERROR)
        return EXIT_IO;
    if (code == PRICING_INVALID_ARGUMENT)
        return EXIT_USAGE;
    if (code == PRICING_OUT_OF_MEMORY)
        return EXIT_NOMEM;
    return EXIT_REJECTED;
}

/* "pricing: [SOURCE[:LINE:COLUMN]: ]CODE[ at PATH]: MESSAGE". An io_error
 * names its file in its message already; standard input is named only
 * with a line and column. */
void cli_say_error(const pricing_error *err, const char *source)
{
    fputs("pricing: ", stderr);
    if (source && strcmp(source, "<stdin>") == 0 && err->line <= 0)
        source = NULL;
    if (source && err->code != PRICING_IO_ERROR) {
        if (err->line > 0)
            fprintf(stderr, "%s:%d:%d: ", source, err->line, err->column);
        else
            fprintf(stderr, "%s: ", source);
    }
    fprintf(stderr, "%s%s%s: %s\n", pricing_code_name(err->code),
            err->path[0] ? " at " : "", err->path, err->message);
}

int cli_report(const pricing_error *err, unsigned flags, const char *source)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    int status = cli_status_of(err->code);

    cli_say_error(err, source);
    if (pricing_error_write_json(&buf, err, flags) == 0)
        (void)cli_emit(&buf);
    pricing_buffer_dispose(&buf);
    return cli_finish_output(status);
}

int cli_print_result(int rc, pricing_buffer *buf, const pricing_error *err,
                     unsigned flags, const char *source)
{
    int status;
    if (rc != 0) {
        status = cli_report(err, flags, source);
    } else {
        status = cli_emit(buf) == 0 ? EXIT_OK : EXIT_IO;
        status = cli_finish_output(status);
    }
    pricing_buffer_dispose(buf);
    return status;
}

int cli_print_text(const char *text)
{
    fputs(text, stdout);
    return cli_finish_output(EXIT_OK);
}
