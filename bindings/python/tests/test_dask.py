# SPDX-License-Identifier: MIT
"""examples/dask_batch.py on a LocalCluster of two worker processes (one
thread each): its output is `pricing batch`'s, byte for byte, over three
files cut into many partitions, and each worker loaded the catalog once.
Skipped with a message when no Python here imports `distributed` (Debian:
apt-get install python3-distributed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from typing import Optional

from support import BUILDDIR, SRCDIR, child_env, cli_path, run_cli

SCRIPT = os.path.join(SRCDIR, "examples", "dask_batch.py")


def python_with_distributed() -> Optional[str]:
    """This interpreter if it imports distributed, else Debian's python3
    (where python3-distributed installs it), else None."""
    for exe in (sys.executable, "/usr/bin/python3"):
        if exe and os.access(exe, os.X_OK) and subprocess.run(
                [exe, "-c", "import distributed"], capture_output=True,
                timeout=120).returncode == 0:
            return exe
    return None


class DaskBatchTest(unittest.TestCase):

    def test_local_cluster(self) -> None:
        python = python_with_distributed()
        if python is None:
            self.skipTest("distributed is not importable (Debian: apt-get "
                          "install python3-distributed)")
        bench = os.path.join(BUILDDIR, "bench", "bench")
        if cli_path() is None or not os.access(bench, os.X_OK):
            self.skipTest("pricing or bench/bench is not built")
        tmp = tempfile.mkdtemp(prefix="test_dask.")
        try:
            self.check(python, bench, tmp)
        finally:
            shutil.rmtree(tmp)

    def check(self, python: str, bench: str, tmp: str) -> None:
        cat = os.path.join(tmp, "catalog.json")
        with open(cat, "wb") as f:
            subprocess.run([bench, "gen-catalog"], stdout=f, check=True)
        lines = subprocess.run([bench, "gen-lines", "12000", "mixed"],
                               capture_output=True, check=True).stdout
        # Three files, the last without its final newline.
        cuts = [0, lines.index(b"\n", 300000) + 1,
                lines.index(b"\n", 600000) + 1, len(lines) - 1]
        files = []
        for i in range(3):
            files.append(os.path.join(tmp, f"book{i}.jsonl"))
            with open(files[-1], "wb") as f:
                f.write(lines[cuts[i]:cuts[i + 1]])
        status, want, _ = run_cli(["batch", cat], stdin=lines[:-1])
        self.assertEqual(status, 1)  # the mixed stream has rejected lines
        out = os.path.join(tmp, "out.jsonl")
        p = subprocess.run(
            [python, SCRIPT, "--workers", "2", "--partition-bytes", "65536",
             "--stats", cat, out, *files],
            capture_output=True, env=child_env(), timeout=300)
        stderr = p.stderr.decode("utf-8", "replace")
        self.assertEqual(p.returncode, 1, stderr)
        with open(out, "rb") as f:
            self.assertEqual(f.read(), want)
        m = re.search(r"(\d+) partitions on 2 workers; catalog loads per "
                      r"worker: \[1, 1\]", stderr)
        self.assertIsNotNone(m, stderr)
        assert m is not None
        self.assertGreater(int(m.group(1)), 10)


if __name__ == "__main__":
    unittest.main()
