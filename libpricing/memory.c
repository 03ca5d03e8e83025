/* SPDX-License-Identifier: MIT */
/* memory.c - the one free function, buffers, growable arrays. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"

void pricing_free(void *ptr)
{
    free(ptr);
}

void pricing_buffer_dispose(pricing_buffer *buf)
{
    if (!buf)
        return;
    free(buf->data);
    buf->data = NULL;
    buf->size = 0;
    buf->capacity = 0;
}

int pricing__grow(void **array, size_t *cap, size_t need, size_t elem)
{
    size_t ncap;
    void *p;
    if (need <= *cap)
        return 0;
    ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem)
        return -1;
    p = realloc(*array, ncap * elem);
    if (!p)
        return -1;
    *array = p;
    *cap = ncap;
    return 0;
}

int pricing__buffer_reserve(pricing_buffer *buf, size_t extra)
{
    void *data = buf->data;
    size_t cap = buf->capacity;
    if (extra > SIZE_MAX - 1 - buf->size)
        return -1;
    if (pricing__grow(&data, &cap, buf->size + extra + 1, 1) != 0)
        return -1;
    buf->data = data;
    buf->capacity = cap;
    return 0;
}

char *pricing__strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
