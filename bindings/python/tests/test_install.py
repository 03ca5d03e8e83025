# SPDX-License-Identifier: MIT
"""What `make install` and `pip install` put on a machine (issue 11): the
package with a .dist-info (so importlib.metadata knows it), MIT in the
metadata with the licence text, and an uninstall that leaves nothing."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile
from typing import Dict, List

import pricing
from pricing import _lib

from support import BINDING_DIR, run_python

BUILD = os.path.join(BINDING_DIR, "pricing_build.py")
DIST_INFO = f"libpricing-{pricing.__version__}.dist-info"


def _build(*args: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run([sys.executable, BUILD, *args],
                          capture_output=True, timeout=120,
                          env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))


def _tree(root: str) -> List[str]:
    out = []
    for d, _, names in os.walk(root):
        out += [os.path.relpath(os.path.join(d, n), root) for n in names]
    return sorted(out)


class MakeInstall(unittest.TestCase):
    """pricing_build.py install/uninstall, as Makefile.am runs them, into
    a DESTDIR."""

    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.destdir = self.tmp.name
        self.prefix = "/opt/pricing"
        self.libdir = "/opt/pricing/lib"
        r = _build("where", "--prefix", self.prefix)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.site = r.stdout.decode().strip()
        self.root = self.destdir + self.site

    def install(self) -> None:
        r = _build("install", "--prefix", self.prefix, "--destdir",
                   self.destdir, "--libdir", self.libdir)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_files_and_record(self) -> None:
        self.install()
        files = _tree(self.root)
        self.assertIn(f"{DIST_INFO}/METADATA", files)
        self.assertIn(f"{DIST_INFO}/RECORD", files)
        self.assertIn(f"{DIST_INFO}/COPYING", files)
        self.assertIn("pricing/__init__.py", files)
        self.assertIn("pricing/py.typed", files)
        with open(os.path.join(self.root, "pricing", "_libdir.txt")) as f:
            self.assertEqual(f.read(), self.libdir + "\n")
        # RECORD names every file with its hash and size, itself without.
        with open(os.path.join(self.root, DIST_INFO, "RECORD")) as f:
            rows = [line.rstrip("\n").split(",") for line in f]
        self.assertEqual(sorted(r[0] for r in rows), files)
        for rel, digest, size in rows:
            if rel.endswith("/RECORD"):
                self.assertEqual((digest, size), ("", ""))
                continue
            with open(os.path.join(self.root, rel), "rb") as f:
                data = f.read()
            want = base64.urlsafe_b64encode(
                hashlib.sha256(data).digest()).rstrip(b"=").decode()
            self.assertEqual((digest, size), (f"sha256={want}",
                                              str(len(data))), rel)

    def test_metadata_seen_by_importlib(self) -> None:
        self.install()
        code = ("import importlib.metadata as md, pricing\n"
                "m = md.metadata('libpricing')\n"
                "print(md.version('libpricing'), m['License'])\n"
                "print('License :: OSI Approved :: MIT License' in "
                "m.get_all('Classifier'))\n"
                "print(md.distribution('libpricing').read_text('COPYING')"
                ".splitlines()[0])\n"
                "print(pricing.__file__)\n")
        rc, out, err = run_python(["-c", code], cwd=self.destdir,
                                  PYTHONPATH=self.root,
                                  PRICING_LIBRARY=_lib.library_path)
        self.assertEqual(rc, 0, err.decode())
        lines = out.decode().splitlines()
        self.assertEqual(lines[0], f"{pricing.__version__} MIT")
        self.assertEqual(lines[1], "True")
        self.assertEqual(lines[2], "MIT License")
        self.assertEqual(lines[3],
                         os.path.join(self.root, "pricing", "__init__.py"))

    def test_check_action(self) -> None:
        """make installcheck: the installed package imports, with its
        metadata, against the library installed beside it."""
        self.install()
        lib = self.destdir + os.path.join(self.libdir, _lib.SONAME)
        os.makedirs(os.path.dirname(lib), exist_ok=True)
        os.symlink(os.path.realpath(_lib.library_path), lib)
        r = _build("check", "--prefix", self.prefix, "--destdir",
                   self.destdir, "--libdir", self.libdir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"installed package " + pricing.__version__.encode(),
                      r.stdout)

    def test_reinstall_and_uninstall_leave_nothing(self) -> None:
        self.install()
        # An older version's dist-info is replaced, not kept beside.
        old = os.path.join(self.root, "libpricing-0.0.1.dist-info")
        os.makedirs(old)
        with open(os.path.join(old, "RECORD"), "w") as f:
            f.write("libpricing-0.0.1.dist-info/RECORD,,\n")
        self.install()
        self.assertFalse(os.path.exists(old))
        os.makedirs(os.path.join(self.root, "pricing", "__pycache__"))
        r = _build("uninstall", "--prefix", self.prefix, "--destdir",
                   self.destdir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(_tree(self.destdir), [])
        self.assertEqual(os.listdir(self.root), [])


class Wheel(unittest.TestCase):
    """The PEP 517 backend (pip install ./bindings/python) writes the same
    metadata."""

    def test_wheel_metadata(self) -> None:
        sys.path.insert(0, BINDING_DIR)
        try:
            import pricing_build
        finally:
            sys.path.remove(BINDING_DIR)
        with tempfile.TemporaryDirectory() as d:
            name = pricing_build.build_wheel(d)
            with zipfile.ZipFile(os.path.join(d, name)) as z:
                names = z.namelist()
                meta = z.read(f"{DIST_INFO}/METADATA").decode()
                copying = z.read(f"{DIST_INFO}/COPYING").decode()
        self.assertIn("pricing/_results.py", names)
        fields: Dict[str, List[str]] = {}
        for line in meta.split("\n\n", 1)[0].splitlines():
            k, _, v = line.partition(": ")
            fields.setdefault(k, []).append(v)
        self.assertEqual(fields["Name"], ["libpricing"])
        self.assertEqual(fields["Version"], [pricing.__version__])
        self.assertEqual(fields["License"], ["MIT"])
        self.assertEqual(fields["License-File"], ["COPYING"])
        self.assertIn("License :: OSI Approved :: MIT License",
                      fields["Classifier"])
        self.assertTrue(copying.startswith("MIT License"), copying[:40])

    def test_versions_agree(self) -> None:
        """pyproject's version is the binding's, and the library's
        major.minor (the release the binding was written for)."""
        sys.path.insert(0, BINDING_DIR)
        try:
            import pricing_build
        finally:
            sys.path.remove(BINDING_DIR)
        self.assertEqual(pricing_build._project()["version"],
                         pricing.__version__)
        self.assertEqual(pricing.library_version_info()[:2],
                         _lib.BINDING_VERSION[:2])


if __name__ == "__main__":
    unittest.main()
