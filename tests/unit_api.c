/* unit_api.c - placeholder, filled below. */
#include "unit.h"

Suite *unit_api_suite(void)
{
    return suite_create("api");
}
