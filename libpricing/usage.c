/* SPDX-License-Identifier: MIT */
/* usage.c - the pricing command's usage texts, built at compile time from
 * its command table (commands.h), so that every front end (the C command,
 * python3 -m pricing) prints the same bytes. */
#include <string.h>

#include "pricing.h"
#include "commands.h"

/* " [--name VALUE]" in a synopsis. */
#define SYN_OPTION(id, value, pad, help) " [--" #id value "]"
/* "  --name VALUE   help" in a command's help. */
#define HELP_OPTION(id, value, pad, help) "  --" #id value pad help "\n"

#define SYNOPSIS(name) "pricing " #name PRICING_OPTIONS_##name(SYN_OPTION)

/* "       pricing NAME [OPTIONS] OPERANDS" in the general usage. */
#define USAGE_LINE(name, pad, operands, least, most, summary, text)           \
    "       " SYNOPSIS(name) " " operands "\n"
#define SUMMARY_LINE(name, pad, operands, least, most, summary, text)         \
    "  " #name pad summary "\n"

#define EXIT_STATUS_TEXT                                                      \
    "Exit status: 0 success, 1 an input was rejected, 2 wrong usage, 3 a\n"   \
    "file could not be read or the output could not be written, 4 out of\n"  \
    "memory.\n"

/* The first line begins "usage: pricing", the others are aligned. */
static const char general[] =
    "usage: pricing COMMAND [OPTION]... [ARGUMENT]...\n"
    PRICING_COMMANDS(USAGE_LINE)
    "       pricing help [COMMAND]\n"
    "       pricing --help | --version\n"
    "\n"
    "Commands:\n"
    PRICING_COMMANDS(SUMMARY_LINE)
    "\n"
    "'pricing help COMMAND' or 'pricing COMMAND --help' describes a command.\n"
    "Long options take their value as --name=VALUE or --name VALUE; -- ends\n"
    "the options. Errors are printed as a JSON error object on standard\n"
    "output and as one line on standard error; wrong usage (an unknown\n"
    "command or option, a wrong number of arguments) only there. An option\n"
    "value the library rejects (a --rules set, a version) is an error\n"
    "object with code invalid_argument.\n"
    EXIT_STATUS_TEXT;

/* One command's help: its synopsis, description and options. */
#define COMMAND_HELP(name, pad, operands, least, most, summary, text)         \
    static const char help_##name[] =                                         \
        "usage: " SYNOPSIS(name) " " operands "\n"                            \
        "\n" text "\n"                                                        \
        "Options:\n" PRICING_OPTIONS_##name(HELP_OPTION)                      \
        "  -h, --help            print this help\n";
PRICING_COMMANDS(COMMAND_HELP)

#define COMMAND_ENTRY(name, pad, operands, least, most, summary, text)        \
    {#name, help_##name},

static const struct {
    const char *name;
    const char *help;
} commands[] = {PRICING_COMMANDS(COMMAND_ENTRY)};

const char *pricing_usage(const char *command)
{
    size_t i;

    if (!command)
        return general;
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, command) == 0)
            return commands[i].help;
    return NULL;
}
