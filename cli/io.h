/* SPDX-License-Identifier: MIT */
/* io.h - reading inputs and writing outputs for the pricing command. */
#ifndef PRICING_CLI_IO_H
#define PRICING_CLI_IO_H

#include <stddef.h>
#include <stdio.h>

#include <pricing.h>

/* Reads all of f (at most max bytes, then limit_exceeded) into a new
 * buffer; io_error on a read error. */
int cli_read_stream(char **data, size_t *len, FILE *f, size_t max,
                    const char *name, pricing_error *err);
/* The same for a file name ("-" is standard input). */
int cli_read_file(char **data, size_t *len, const char *name, size_t max,
                  pricing_error *err);

#endif
