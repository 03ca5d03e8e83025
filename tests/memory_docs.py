# SPDX-License-Identifier: MIT
"""Writes one JSON text of a hostile shape, at most 64 MiB, for
tests/check_memory.sh: python3 memory_docs.py KIND FILE."""
import sys
LIMIT = 64 * 1024 * 1024
kind, out = sys.argv[1], sys.argv[2]
def fill(head, tail, unit, per):
    # head + groups of `per` units in arrays, up to the limit
    room = LIMIT - len(head) - len(tail)
    inner = '[' + ','.join([unit] * per) + ']'
    k = room // (len(inner) + 1)
    body = ','.join([inner] * k)
    return head + body + tail
if kind == 'issue':
    i = '[' + ','.join(['0'] * 999999) + ']'
    s = '[' + ','.join([i] * 32) + ']'
elif kind == 'zeros':      # object root, arrays of 0s: rejected by density
    s = fill('{"x":[', ']}', '0', 999999)
elif kind == 'empties':    # arrays of {}: rejected by density
    s = fill('{"x":[', ']}', '{}', 999999)
elif kind == 'objects':    # objects of many members, at the limit
    per = 999999
    obj = '{' + ','.join('"k%07d":0' % j for j in range(per)) + '}'
    room = LIMIT - 8
    k = room // (len(obj) + 1)
    s = '{"x":[' + ','.join([obj] * k) + ']}'
elif kind == 'strings':    # strings of 4096 bytes, at the limit
    s = fill('{"x":[', ']}', '"' + 'a' * 4096 + '"', 1000)
elif kind == 'shortstrings':  # many short strings, at the limit
    s = fill('{"x":[', ']}', '"abcdefgh"', 999999)
elif kind == 'skulists':  # a catalog's SKU list of huge entries: parsed
    # one entry at a time (docs/limits.md), the first one refused
    head = ('{"catalog":"c","currency":"USD","specs":[{"id":"s",'
            '"billing":"one_time","template":"custom","attributes":[],'
            '"skus":[')
    per = 999999
    obj = '{' + ','.join('"k%07d":0' % j for j in range(per)) + '}'
    room = LIMIT - len(head) - 8
    k = room // (len(obj) + 1)
    s = head + ','.join([obj] * k) + ']}]}'
else:
    sys.exit('unknown kind')
open(out, 'w').write(s)
