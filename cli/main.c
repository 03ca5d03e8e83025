/* SPDX-License-Identifier: MIT */
/* main.c - the pricing command: a thin client of the public API. Its
 * commands and options are one table (libpricing/commands.h); `pricing
 * --help` and pricing_usage() print it. */
#include "cli.h"

int main(int argc, char **argv)
{
    const cli_command *cmd = NULL;
    options o;
    int rc = cli_parse(argc, argv, &cmd, &o);

    if (rc >= 0)
        return rc;
    return cmd->run(&o);
}
