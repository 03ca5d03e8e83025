/* SPDX-License-Identifier: MIT */
/* names.c - names to enum values (names.h). */
#include <string.h>

#include "names.h"

int pricing__lookup(const char *const *names, int n, const char *name)
{
    int i;
    for (i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}
