#!/bin/sh
# SPDX-License-Identifier: MIT
# The seller tools (libpricing/seller/) are a layer over the core: they
# may include the core's private headers, but no core file may include a
# seller header. Fails naming the offending include.
set -u
top=${top_srcdir:-$(dirname "$0")/..}
cd "$top/libpricing" || exit 1
status=0
for h in seller/*.h; do
    name=$(basename "$h")
    hits=$(grep -ln "#include *\"\\(seller/\\)\\?$name\"" ./*.c ./*.h 2>/dev/null)
    if [ -n "$hits" ]; then
        for f in $hits; do
            echo "FAIL: core file libpricing/${f#./} includes seller header $name"
        done
        status=1
    fi
done
[ $status -eq 0 ] && echo "ok: no core file includes a seller header"
exit $status
