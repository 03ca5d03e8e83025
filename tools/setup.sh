#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs what libpricing needs from Debian 12, builds it, and quotes the
# bundled example catalog. Run as root from the source tree.
set -eu
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends \
        build-essential autoconf automake libtool pkg-config \
        libgmp-dev libcjson-dev check python3 python3-jsonschema mypy valgrind \
        python3-distributed \
        >/dev/null
fi
autoreconf -fi
./configure --enable-werror
make -j"$(nproc 2>/dev/null || echo 2)"
./pricing quote --pretty examples/catalog.json examples/request.json
