#!/bin/sh
# SPDX-License-Identifier: MIT
# Fails when Debian's libcjson predates 1.7.15-1+deb12u3, the first
# revision with the fixes for CVE-2023-50471, CVE-2023-50472,
# CVE-2024-31755, CVE-2023-53154 and CVE-2023-26819. cJSON_Version()
# says 1.7.15 for every revision, so the package version is what counts.
set -eu
min=1.7.15-1+deb12u3
command -v dpkg-query >/dev/null 2>&1 || { echo "check-cjson: not a Debian system, skipped"; exit 0; }
v=$(dpkg-query -W -f='${Version}' libcjson1 2>/dev/null) || {
    echo "check-cjson: libcjson1 is not installed (apt-get install libcjson-dev)" >&2; exit 1; }
if dpkg --compare-versions "$v" lt "$min"; then
    echo "check-cjson: libcjson1 $v is older than $min and lacks known CVE fixes;" >&2
    echo "check-cjson: upgrade it (apt-get install --only-upgrade libcjson1 libcjson-dev)" >&2
    exit 1
fi
echo "check-cjson: libcjson1 $v (>= $min)"
