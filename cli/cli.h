/* SPDX-License-Identifier: MIT */
/* cli.h - the pricing command's parts: options, output, commands. */
#ifndef PRICING_CLI_H
#define PRICING_CLI_H

#include <pricing.h>

#include "commands.h"

/* Exit statuses (man/pricing.1, EXIT STATUS). */
enum {
    EXIT_OK = 0,       /* success */
    EXIT_REJECTED = 1, /* an input was rejected */
    EXIT_USAGE = 2,    /* wrong usage */
    EXIT_IO = 3,       /* a file could not be read or output written */
    EXIT_NOMEM = 4     /* memory ran out */
};

/* One index per option of the table, in PRICING_OPTIONS_ALL order. */
#define CLI_OPTION_ENUM(id, value, pad, help) OPT_##id,
enum { PRICING_OPTIONS_ALL(CLI_OPTION_ENUM) OPT_COUNT };

#define CLI_MAX_OPERANDS 3

typedef struct options {
    /* The value of each option given ("" for a flag), NULL when absent. */
    const char *value[OPT_COUNT];
    unsigned flags; /* PRICING_JSON_PRETTY */
    const char *args[CLI_MAX_OPERANDS];
    int nargs;
} options;

typedef struct cli_command {
    const char *name;
    unsigned options; /* bit OPT_x set for each option it takes */
    int least, most;  /* operands */
    int (*run)(const options *o);
} cli_command;

/* The command table (commands.c); NULL-terminated. */
extern const cli_command cli_commands[];
const cli_command *cli_find_command(const char *name);

/* Parses argv; runs help and --version itself. Returns -1 with *cmd and
 * *o set when a command is to run, else the exit status. */
int cli_parse(int argc, char **argv, const cli_command **cmd, options *o);

/* The nearest of n names to word when it is close, else NULL. */
const char *cli_nearest(const char *word, const char *const *names, size_t n);

/* Output (report.c). */
int cli_emit(const pricing_buffer *buf);
int cli_finish_output(int status);
int cli_status_of(pricing_code code);
/* The one-line message on standard error; source names the input at
 * fault (NULL when none). */
void cli_say_error(const pricing_error *err, const char *source);
/* The error object on standard output, the line on standard error. */
int cli_report(const pricing_error *err, unsigned flags, const char *source);
int cli_print_result(int rc, pricing_buffer *buf, const pricing_error *err,
                     unsigned flags, const char *source);
/* Writes text; the exit status. */
int cli_print_text(const char *text);

/* Handlers (commands.c, batch.c). */
int cmd_quote(const options *o);
int cmd_validate(const options *o);
int cmd_batch(const options *o);
int cmd_sheet(const options *o);
int cmd_chart(const options *o);
int cmd_import(const options *o);
int cmd_diff(const options *o);
int cmd_lint(const options *o); /* lint.c */

#endif
