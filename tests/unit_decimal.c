/* unit_decimal.c - placeholder, filled below. */
#include "unit.h"

Suite *unit_decimal_suite(void)
{
    return suite_create("decimal");
}
