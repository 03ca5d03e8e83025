/* unit_catalog.c - placeholder, filled below. */
#include "unit.h"

Suite *unit_catalog_suite(void)
{
    return suite_create("catalog");
}
