/* SPDX-License-Identifier: MIT */
/* utf8.h - the library's one UTF-8 validator (private). */
#ifndef PRICING_UTF8_H
#define PRICING_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * The length of the well-formed UTF-8 sequence at s (avail >= 1 bytes
 * left), or 0 when it is ill-formed: Unicode's table of well-formed
 * sequences excludes overlongs (C0, C1, E0 80..9F, F0 80..8F), encoded
 * surrogates (ED A0..BF), code points above U+10FFFF (F4 90.., F5..FF),
 * lone continuation bytes and sequences cut short.
 */
size_t pricing__utf8_length(const unsigned char *s, size_t avail);

/* The code point of the well-formed sequence of n bytes at s. */
uint32_t pricing__utf8_decode(const unsigned char *s, size_t n);

/* Writes cp (at most U+10FFFF, not a surrogate) to out; returns 1..4. */
size_t pricing__utf8_encode(unsigned char *out, uint32_t cp);

#endif
