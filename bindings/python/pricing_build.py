# SPDX-License-Identifier: MIT
"""A minimal in-tree PEP 517 build backend for the pricing package.

The package is pure Python with no dependencies, so building it needs
nothing but the standard library: ``pip install ./bindings/python`` works
offline, without setuptools or wheel. It builds

- a wheel (``py3-none-any``) holding ``pricing/`` and its ``.dist-info``;
- an editable wheel (PEP 660) holding one ``.pth`` file that puts this
  directory on ``sys.path`` (``pip install -e``);
- an sdist of this directory's sources.

The metadata comes from ``[project]`` in pyproject.toml (name, version,
description, requires-python) and README.md.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import time
import zipfile
from typing import Any, Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = "pricing"
_EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01


def _project() -> Dict[str, Any]:
    """[project] of pyproject.toml: its string fields, ``license`` (the
    text of ``license = {text = "..."}``) and ``classifiers`` (a list).
    A small reader, since tomllib is Python 3.11 and later."""
    with open(os.path.join(HERE, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^\[project\]\s*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    body = m.group(1) if m else ""
    fields: Dict[str, Any] = {}
    for line in body.splitlines():
        kv = re.match(r'^([A-Za-z-]+)\s*=\s*"(.*)"\s*$', line)
        if kv:
            fields[kv.group(1)] = kv.group(2)
    lic = re.search(r'^license\s*=\s*\{\s*text\s*=\s*"([^"]*)"\s*\}', body,
                    re.M)
    if lic:
        fields["license"] = lic.group(1)
    cls = re.search(r"^classifiers\s*=\s*\[(.*?)\]", body, re.M | re.S)
    fields["classifiers"] = re.findall(r'"([^"]*)"', cls.group(1)) \
        if cls else []
    return fields


def _names() -> Tuple[str, str, str]:
    p = _project()
    name, version = p["name"], p["version"]
    return name, version, re.sub(r"[-_.]+", "_", name)


def _licence_file() -> Optional[str]:
    """The licence text: COPYING beside this file (an sdist), else the
    source tree's (bindings/python is two levels below it)."""
    for path in (os.path.join(HERE, "COPYING"),
                 os.path.join(HERE, os.pardir, os.pardir, "COPYING")):
        if os.path.isfile(path):
            return path
    return None


def _metadata() -> str:
    p = _project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {p['name']}",
        f"Version: {p['version']}",
    ]
    if "description" in p:
        lines.append(f"Summary: {p['description']}")
    if "license" in p:
        lines.append(f"License: {p['license']}")
    if _licence_file():
        lines.append("License-File: COPYING")
    if "requires-python" in p:
        lines.append(f"Requires-Python: {p['requires-python']}")
    lines += [f"Classifier: {c}" for c in p["classifiers"]]
    readme = os.path.join(HERE, "README.md")
    body = ""
    if os.path.exists(readme):
        lines.append("Description-Content-Type: text/markdown")
        with open(readme, encoding="utf-8") as f:
            body = f.read()
    return "\n".join(lines) + "\n\n" + body


def _package_files() -> List[str]:
    """Paths (relative to HERE) of what the wheel installs."""
    out = []
    pkg = os.path.join(HERE, PACKAGE)
    for name in sorted(os.listdir(pkg)):
        if name.endswith(".py") or name in ("py.typed", "_libdir.txt"):
            out.append(f"{PACKAGE}/{name}")
    return out


class _Wheel:
    def __init__(self, path: str) -> None:
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        self.record: List[str] = []

    def add(self, arcname: str, data: bytes) -> None:
        info = zipfile.ZipInfo(arcname, time.gmtime(_EPOCH)[:6])
        info.external_attr = 0o644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        digest = base64.urlsafe_b64encode(
            hashlib.sha256(data).digest()).rstrip(b"=").decode()
        self.record.append(f"{arcname},sha256={digest},{len(data)}")

    def close(self, dist_info: str) -> None:
        record = f"{dist_info}/RECORD"
        self.record.append(f"{record},,")
        info = zipfile.ZipInfo(record, time.gmtime(_EPOCH)[:6])
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, "\n".join(self.record) + "\n")
        self.zip.close()


def _dist_info_files(editable: bool = False) -> Dict[str, bytes]:
    files = {
        "METADATA": _metadata().encode("utf-8"),
        "WHEEL": (b"Wheel-Version: 1.0\nGenerator: pricing_build\n"
                  b"Root-Is-Purelib: true\nTag: py3-none-any\n"),
        "top_level.txt": f"{PACKAGE}\n".encode(),
    }
    licence = _licence_file()
    if licence:
        with open(licence, "rb") as f:
            files["COPYING"] = f.read()
    return files


def _build(wheel_directory: str, editable: bool) -> str:
    name, version, dist = _names()
    filename = f"{dist}-{version}-py3-none-any.whl"
    dist_info = f"{dist}-{version}.dist-info"
    wheel = _Wheel(os.path.join(wheel_directory, filename))
    if editable:
        wheel.add(f"__editable__.{dist}.pth", (HERE + "\n").encode("utf-8"))
    else:
        for rel in _package_files():
            with open(os.path.join(HERE, rel), "rb") as f:
                wheel.add(rel, f.read())
    for fname, data in _dist_info_files(editable).items():
        wheel.add(f"{dist_info}/{fname}", data)
    wheel.close(dist_info)
    return filename


# ------------------------------------------------------------- PEP 517 hooks

def get_requires_for_build_wheel(config_settings: Optional[dict] = None
                                 ) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[dict] = None
                                 ) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[dict] = None
                                    ) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str,
                                     config_settings: Optional[dict] = None
                                     ) -> str:
    _, version, dist = _names()
    dist_info = f"{dist}-{version}.dist-info"
    os.makedirs(os.path.join(metadata_directory, dist_info), exist_ok=True)
    for fname, data in _dist_info_files().items():
        with open(os.path.join(metadata_directory, dist_info, fname),
                  "wb") as f:
            f.write(data)
    return dist_info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory: str, config_settings: Optional[dict] = None,
                metadata_directory: Optional[str] = None) -> str:
    return _build(wheel_directory, editable=False)


def build_editable(wheel_directory: str,
                   config_settings: Optional[dict] = None,
                   metadata_directory: Optional[str] = None) -> str:
    return _build(wheel_directory, editable=True)


def build_sdist(sdist_directory: str,
                config_settings: Optional[dict] = None) -> str:
    name, version, dist = _names()
    base = f"{dist}-{version}"
    filename = f"{base}.tar.gz"
    members = ["pyproject.toml", "README.md", "pricing_build.py",
               *_package_files()]
    tests = os.path.join(HERE, "tests")
    if os.path.isdir(tests):
        members += [f"tests/{n}" for n in sorted(os.listdir(tests))
                    if n.endswith(".py")]
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz",
                      format=tarfile.PAX_FORMAT) as tar:
        def add(arcname: str, data: bytes) -> None:
            info = tarfile.TarInfo(f"{base}/{arcname}")
            info.size = len(data)
            info.mtime = _EPOCH
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))

        for rel in members:
            path = os.path.join(HERE, rel)
            if os.path.exists(path):
                with open(path, "rb") as f:
                    add(rel, f.read())
        licence = _licence_file()
        if licence:
            with open(licence, "rb") as f:
                add("COPYING", f.read())
        add("PKG-INFO", _metadata().encode("utf-8"))
    return filename


# ------------------------------------------------ make install / uninstall

def site_dir(prefix: str) -> str:
    """Where a pure-Python package goes for this interpreter under prefix:
    the interpreter's own purelib when prefix is the one its default scheme
    installs to (e.g. Debian's /usr/local with dist-packages), else
    <prefix>/lib/pythonX.Y/site-packages."""
    import sysconfig
    default = sysconfig.get_path("purelib")
    scheme = sysconfig.get_default_scheme() if hasattr(
        sysconfig, "get_default_scheme") else "posix_prefix"
    local = {"posix_local": "/usr/local"}.get(scheme)
    if os.path.normpath(prefix) == (local or os.path.normpath(
            sysconfig.get_config_var("prefix") or "")):
        return default
    return sysconfig.get_path("purelib", "posix_prefix",
                              {"base": prefix, "platbase": prefix})


def _record_line(rel: str, data: bytes) -> str:
    """A RECORD row (PEP 376 / the wheel spec): path,sha256=...,size."""
    digest = base64.urlsafe_b64encode(
        hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{rel},sha256={digest},{len(data)}"


def _install(root: str, libdir: str) -> List[str]:
    """Writes the package and its .dist-info under root (the site
    directory, DESTDIR included); returns the RECORD rows."""
    _, _, dist = _names()
    _remove_dist_info(root)
    files: Dict[str, bytes] = {}
    for rel in _package_files():
        if not rel.endswith("_libdir.txt"):
            with open(os.path.join(HERE, rel), "rb") as f:
                files[rel] = f.read()
    if libdir:
        files[f"{PACKAGE}/_libdir.txt"] = (libdir + "\n").encode()
    dist_info = _dist_info_name()
    for name, data in _dist_info_files().items():
        if name != "WHEEL":
            files[f"{dist_info}/{name}"] = data
    files[f"{dist_info}/INSTALLER"] = b"make install\n"
    record = []
    for rel, data in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        os.chmod(path, 0o644)
        record.append(_record_line(rel, data))
    record.append(f"{dist_info}/RECORD,,")
    with open(os.path.join(root, dist_info, "RECORD"), "w",
              encoding="utf-8") as f:
        f.write("\n".join(record) + "\n")
    return record


def _dist_info_name() -> str:
    _, version, dist = _names()
    return f"{dist}-{version}.dist-info"


def _remove_dist_info(root: str) -> None:
    """Removes the files of every installed version of this distribution
    under root (its RECORD says which), then the emptied directories."""
    import glob
    import shutil
    _, _, dist = _names()
    for info in glob.glob(os.path.join(glob.escape(root),
                                       f"{dist}-*.dist-info")):
        try:
            with open(os.path.join(info, "RECORD"), encoding="utf-8") as f:
                rows = [line.split(",")[0] for line in f if line.strip()]
        except OSError:
            rows = []
        for rel in rows:
            path = os.path.normpath(os.path.join(root, rel))
            if path.startswith(os.path.normpath(root) + os.sep) and \
                    os.path.isfile(path):
                os.remove(path)
        shutil.rmtree(info, ignore_errors=True)
    pkg = os.path.join(root, PACKAGE)
    shutil.rmtree(os.path.join(pkg, "__pycache__"), ignore_errors=True)
    for name in [os.path.basename(p) for p in _package_files()] \
            + ["_libdir.txt"]:
        if os.path.isfile(os.path.join(pkg, name)):
            os.remove(os.path.join(pkg, name))
    try:
        os.rmdir(pkg)
    except OSError:
        pass


_CHECK = """
import importlib.metadata as md, os, sys
import pricing
site, version, libdir = sys.argv[1:4]
assert os.path.dirname(os.path.dirname(pricing.__file__)) == site, \\
    pricing.__file__
assert md.version("libpricing") == version, md.version("libpricing")
meta = md.metadata("libpricing")
assert meta["License"] == "MIT", meta["License"]
assert (md.distribution("libpricing").read_text("COPYING") or "").find(
    "MIT License") >= 0
if libdir:
    assert pricing.library_path == os.path.join(libdir, "libpricing.so.0"), \\
        pricing.library_path
print("pricing_build.py: installed package", version, "in", site,
      "with", pricing.library_path, "version", pricing.library_version())
"""


def _check(site: str, destdir: str, libdir: str) -> int:
    """Imports the installed package in a child interpreter and checks its
    metadata (make installcheck)."""
    import subprocess
    import sys
    root = destdir + site if destdir else site
    env = dict(os.environ, PYTHONPATH=root, PYTHONDONTWRITEBYTECODE="1")
    env.pop("PRICING_LIBRARY", None)
    if destdir:  # the recorded libdir is where the library will be
        env["PRICING_LIBRARY"] = destdir + os.path.join(libdir,
                                                        "libpricing.so.0")
        libdir = ""
    _, version, _ = _names()
    return subprocess.call([sys.executable, "-c", _CHECK, root, version,
                            libdir], env=env, cwd="/")


def _install_main(argv: List[str]) -> int:
    import argparse
    ap = argparse.ArgumentParser(
        prog="pricing_build.py",
        description="Install, check or uninstall the pricing package with "
                    "its .dist-info (make install / installcheck / "
                    "uninstall).")
    ap.add_argument("action", choices=["install", "uninstall", "check",
                                       "where"])
    ap.add_argument("--prefix", required=True)
    ap.add_argument("--destdir", default="")
    ap.add_argument("--libdir", default="",
                    help="where libpricing.so.0 is installed (recorded in "
                         "pricing/_libdir.txt)")
    ap.add_argument("--sitedir", default=os.environ.get("PYTHON_SITEDIR", ""),
                    help="override the site directory")
    a = ap.parse_args(argv)
    site = a.sitedir or site_dir(a.prefix)
    root = a.destdir + site if a.destdir else site
    if a.action == "where":
        print(site)
        return 0
    if a.action == "check":
        return _check(site, a.destdir, a.libdir)
    if a.action == "install":
        _install(root, a.libdir)
        print(f"pricing_build.py: installed the pricing package and "
              f"{_dist_info_name()} in {root}")
        return 0
    _remove_dist_info(root)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(_install_main(sys.argv[1:]))
