/* SPDX-License-Identifier: MIT */
/* oom.h - forced into every library source of the out-of-memory test
 * build (-include), so the library's own allocations go through the test
 * driver's failing allocator. Never part of the real library. */
#ifndef PRICING_TESTS_OOM_H
#define PRICING_TESTS_OOM_H

#include <stddef.h>
#include <stdlib.h>

void *oom_malloc(size_t n);
void *oom_calloc(size_t n, size_t size);
void *oom_realloc(void *p, size_t n);
void oom_free(void *p);

#define malloc(n) oom_malloc(n)
#define calloc(n, s) oom_calloc(n, s)
#define realloc(p, n) oom_realloc(p, n)
#define free(p) oom_free(p)

#endif
