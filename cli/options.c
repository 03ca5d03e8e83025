/* SPDX-License-Identifier: MIT */
/* options.c - the pricing command line, read against the command table:
 * GNU long options (--name=VALUE or --name VALUE) anywhere, -- ends them,
 * and a wrong word named with the nearest valid one. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define TAKES_VALUE(id, value, pad, help) sizeof value > 1,
#define NAME(id, value, pad, help) #id,
static const char *const option_names[OPT_COUNT] = {PRICING_OPTIONS_ALL(NAME)};
static const int option_takes_value[OPT_COUNT] = {
    PRICING_OPTIONS_ALL(TAKES_VALUE)};
#define VALUE_NAME(id, value, pad, help) value,
static const char *const option_value_names[OPT_COUNT] = {
    PRICING_OPTIONS_ALL(VALUE_NAME)};

/* A usage error: one line on standard error only, exit 2. */
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("pricing: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_USAGE;
}

/* The library's rule, so the command suggests as its messages do. */
const char *cli_nearest(const char *word, const char *const *names, size_t n)
{
    long i = pricing_suggest(word, names, n);
    return i < 0 ? NULL : names[i];
}

static int unknown_command(const char *word)
{
    const char *names[32], *near;
    size_t n = 0;

    for (; cli_commands[n].name && n < 31; n++)
        names[n] = cli_commands[n].name;
    names[n++] = "help";
    near = cli_nearest(word, names, n);
    if (near)
        return usage_error("'%s' is not a command; did you mean '%s'?", word,
                           near);
    return usage_error("'%s' is not a command; see 'pricing help'", word);
}

/* An option the command does not take; the name is word up to any '='. */
static int unknown_option(const char *word, const cli_command *cmd)
{
    const char *names[OPT_COUNT + 1], *near = NULL;
    char name[64];
    size_t n = 0, i, len = strcspn(word, "=");

    snprintf(name, sizeof name, "%.*s", (int)(len < 63 ? len : 63), word);
    for (i = 0; i < OPT_COUNT; i++)
        if (cmd && (cmd->options & (1u << i)))
            names[n++] = option_names[i];
    names[n++] = "help";
    if (strncmp(name, "--", 2) == 0)
        near = cli_nearest(name + 2, names, n);
    if (!cmd)
        return usage_error("'%s' is not an option; see 'pricing help'", name);
    if (near)
        return usage_error("'%s' is not an option of %s; did you mean '--%s'?",
                           name, cmd->name, near);
    return usage_error("'%s' is not an option of %s; see 'pricing help %s'",
                       name, cmd->name, cmd->name);
}

/* The index of the long option "--name" or "--name=...", or -1. */
static int find_option(const char *word)
{
    size_t len;
    int i;

    if (strncmp(word, "--", 2) != 0)
        return -1;
    len = strcspn(word + 2, "=");
    for (i = 0; i < OPT_COUNT; i++)
        if (strlen(option_names[i]) == len &&
            strncmp(word + 2, option_names[i], len) == 0)
            return i;
    return -1;
}

/* The command word: the first operand, skipping option values. */
static const char *command_word(int argc, char **argv)
{
    int i, k;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            return i + 1 < argc ? argv[i + 1] : NULL;
        if (a[0] != '-' || a[1] == '\0')
            return a;
        k = find_option(a);
        if (k >= 0 && option_takes_value[k] && !strchr(a, '='))
            i++;
    }
    return NULL;
}

static int print_version(void)
{
    printf("pricing %s (format %s)\n"
           "Copyright (c) 2026 The libpricing authors.\n"
           "License: MIT (the COPYING file). There is NO WARRANTY.\n",
           pricing_version_string(), pricing_format_version());
    return cli_finish_output(EXIT_OK);
}

/* pricing help [COMMAND]. */
static int help(const options *o)
{
    const char *text;

    if (o->nargs > 1)
        return usage_error("wrong number of arguments; usage: pricing help "
                           "[COMMAND]");
    if (o->nargs == 0)
        return cli_print_text(pricing_usage(NULL));
    if (strcmp(o->args[0], "help") == 0)
        return cli_print_text(pricing_usage(NULL));
    if (!(text = pricing_usage(o->args[0])))
        return unknown_command(o->args[0]);
    return cli_print_text(text);
}

/* An option at argv[*i]: its value stored, or the usage error. */
static int take_option(int argc, char **argv, int *i, const cli_command *cmd,
                       options *o)
{
    const char *a = argv[*i], *eq = strchr(a, '=');
    int k = find_option(a);

    if (k < 0 || !cmd || !(cmd->options & (1u << k)))
        return unknown_option(a, cmd);
    if (!option_takes_value[k]) {
        if (eq)
            return usage_error("--%s takes no value", option_names[k]);
        o->value[k] = "";
    } else if (eq) {
        o->value[k] = eq + 1;
    } else if (*i + 1 < argc) {
        o->value[k] = argv[++*i];
    } else {
        return usage_error("--%s needs a value: --%s%s", option_names[k],
                           option_names[k], option_value_names[k]);
    }
    if (k == OPT_pretty)
        o->flags |= PRICING_JSON_PRETTY;
    return -1;
}

/* The checks the table cannot express. */
static int check_values(const cli_command *cmd, const options *o)
{
    const char *format = o->value[OPT_format];
    const char *usage = pricing_usage(cmd->name);

    if (o->nargs < cmd->least || o->nargs > cmd->most)
        return usage_error("wrong number of arguments; %.*s",
                           (int)strcspn(usage, "\n"), usage);
    if (format && strcmp(cmd->name, "lint") == 0) {
        if (strcmp(format, "jsonl") != 0 && strcmp(format, "text") != 0)
            return usage_error("--format is jsonl or text, not '%s'", format);
    } else if (format && strcmp(format, "csv") != 0 &&
               strcmp(format, "json") != 0 && strcmp(format, "html") != 0)
        return usage_error("--format is csv, json or html, not '%s'", format);
    if (!o->value[OPT_spec] && strcmp(cmd->name, "chart") == 0)
        return usage_error("chart needs --spec ID");
    if (o->value[OPT_pretty] && strcmp(cmd->name, "sheet") == 0 &&
        !(format && strcmp(format, "json") == 0))
        return usage_error("--pretty goes with --format json");
    return -1;
}

int cli_parse(int argc, char **argv, const cli_command **cmdp, options *o)
{
    const char *word = command_word(argc, argv);
    const cli_command *cmd = word ? cli_find_command(word) : NULL;
    int is_help = word && strcmp(word, "help") == 0, seen = 0, ends = 0, i, rc;

    memset(o, 0, sizeof *o);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!ends && strcmp(a, "--") == 0) {
            ends = 1;
        } else if (!ends && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            return cli_print_text(pricing_usage(cmd ? cmd->name : NULL));
        } else if (!ends && strcmp(a, "--version") == 0) {
            return print_version();
        } else if (!ends && a[0] == '-' && a[1] != '\0') {
            if (is_help)
                return unknown_option(a, NULL);
            if (word && !cmd)
                return unknown_command(word);
            if ((rc = take_option(argc, argv, &i, cmd, o)) >= 0)
                return rc;
        } else if (!seen) {
            seen = 1;
        } else {
            if (o->nargs < CLI_MAX_OPERANDS)
                o->args[o->nargs] = a;
            o->nargs++; /* too many: check_values says so */
        }
    }
    if (!word)
        return usage_error("no command; see 'pricing --help'");
    if (is_help)
        return help(o);
    if (!cmd)
        return unknown_command(word);
    if ((rc = check_values(cmd, o)) >= 0)
        return rc;
    *cmdp = cmd;
    return -1;
}
