/* SPDX-License-Identifier: MIT */
/* version.c - runtime version queries. */
#include "pricing.h"

const char *pricing_version_string(void)
{
    return PRICING_VERSION_STRING;
}

unsigned long pricing_version_hex(void)
{
    return PRICING_VERSION_HEX;
}

const char *pricing_format_version(void)
{
    return "1.2";
}
