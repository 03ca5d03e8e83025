#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench_python.py - the Python binding against `pricing batch`.

On the request streams of the C benchmark (bench/bench gen-catalog and
gen-lines), in one run, per stream:

  quote(dict)   catalog.quote(d) per request, the dicts parsed beforehand
  quote_many    catalog.quote_many(dicts): Quote objects, one crossing a chunk
  quote_jsonl   catalog.quote_jsonl(bytes): the bytes of `pricing batch`
  batch         `pricing batch catalog.json < lines > out`, a process timed
                end to end (start and catalog load included, as in make bench)

Each figure is the best of 3 runs of at least BENCH_MIN_TIME seconds (0.3 by
default), in wall time and in CPU time (this process plus the children
it waited for). Ratios are to `pricing batch` in the same run (lines per
second over its lines per second); the target is quote_jsonl >= 0.5, in CPU
time, which a busy machine disturbs least. quote_jsonl's output is compared
with the command's, byte for byte. The last column is the CPU share the
measurement got (1.00: a CPU to itself; a low share measured the
neighbours, and the wall-time figures with it).

Usage: bench_python.py [BUILDDIR [SRCDIR]] [--lines N] [--streams a,b]
(make bench-python runs it on the build tree).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from typing import Any, Callable, Dict, List, Tuple

STREAMS = ["simple", "custom-1k", "graduated-5", "volume-5-flat", "mixed"]
TARGET = 0.5


def parse_args() -> argparse.Namespace:
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("builddir", nargs="?",
                   default=os.environ.get("PRICING_BUILDDIR", "."))
    p.add_argument("srcdir", nargs="?", default=os.path.dirname(here))
    p.add_argument("--lines", type=int, default=100000,
                   help="lines of each stream (default 100000)")
    p.add_argument("--streams", default=",".join(STREAMS))
    return p.parse_args()


def setup(builddir: str, srcdir: str) -> Tuple[Any, str, Dict[str, str]]:
    """The pricing module (the build tree's), the bench program, and the
    environment that runs .libs/pricing without the libtool wrapper."""
    libs = os.path.join(os.path.abspath(builddir), ".libs")
    os.environ.setdefault("PRICING_LIBRARY",
                          os.path.join(libs, "libpricing.so"))
    sys.path.insert(0, os.path.join(os.path.abspath(srcdir), "bindings",
                                    "python"))
    import pricing
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = libs + (
        ":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    return pricing, os.path.join(builddir, "bench", "bench"), env


def cli(builddir: str) -> List[str]:
    real = os.path.join(builddir, ".libs", "pricing")
    return [real if os.access(real, os.X_OK)
            else os.path.join(builddir, "pricing")]


def min_time() -> float:
    return float(os.environ.get("BENCH_MIN_TIME", "0.3"))


def best_of_3(run: Callable[[], int]) -> Tuple[float, float, float]:
    """(wall seconds per item, CPU seconds per item, CPU share) of the
    best of 3 timings, each repeating run() (which returns the items it
    did) for min_time(). CPU time counts this process and the children
    it waited for: on a shared machine it is the steadier figure."""
    best = (float("inf"), float("inf"), 0.0)
    for _ in range(3):
        items = 0
        c0 = time.process_time()
        k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        while True:
            items += run()
            t = time.perf_counter() - t0
            if t >= min_time():
                break
        k1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (time.process_time() - c0 + k1.ru_utime - k0.ru_utime
               + k1.ru_stime - k0.ru_stime)
        if cpu / items < best[1]:
            best = (t / items, cpu / items, cpu / t)
    return best


def measure(pricing: Any, builddir: str, bench: str, env: Dict[str, str],
            stream: str, nlines: int,
            tmp: str) -> List[Tuple[str, float, float, float]]:
    cat_path = os.path.join(tmp, "catalog.json")
    in_path = os.path.join(tmp, stream + ".jsonl")
    out_path = os.path.join(tmp, stream + ".out")
    with open(in_path, "wb") as f:
        subprocess.run([bench, "gen-lines", str(nlines), stream], stdout=f,
                       check=True, env=env)
    with open(in_path, "rb") as f:
        data = f.read()
    dicts = [json.loads(line) for line in data.splitlines()]
    catalog = pricing.Catalog.load(cat_path)
    PricingError = pricing.PricingError

    def per_dict() -> int:
        n = 0
        for d in dicts[:20000]:
            try:
                catalog.quote(d)
            except PricingError:
                pass
            n += 1
        return n

    def many() -> int:
        return len(catalog.quote_many(dicts))

    def jsonl() -> int:
        catalog.quote_jsonl(data)
        return nlines

    def batch() -> int:
        with open(in_path, "rb") as fin, open(out_path, "wb") as fout:
            rc = subprocess.run(cli(builddir) + ["batch", cat_path],
                                stdin=fin, stdout=fout,
                                stderr=subprocess.DEVNULL,
                                env=env).returncode
        if rc not in (0, 1):
            raise SystemExit(f"pricing batch exited {rc}")
        return nlines

    rows = [("pricing batch", *best_of_3(batch))]
    with open(out_path, "rb") as f:
        if f.read() != catalog.quote_jsonl(data):
            raise SystemExit(f"{stream}: quote_jsonl differs from "
                             "pricing batch")
    rows.append(("quote_jsonl(bytes)", *best_of_3(jsonl)))
    rows.append(("quote_many(dicts)", *best_of_3(many)))
    rows.append(("quote(dict), a call each", *best_of_3(per_dict)))
    catalog.close()
    return rows


def main() -> int:
    args = parse_args()
    pricing, bench, env = setup(args.builddir, args.srcdir)
    streams = [s for s in args.streams.split(",") if s]
    print(f"libpricing Python benchmark: Python {sys.version.split()[0]}, "
          f"binding {pricing.__version__}, {os.cpu_count()} cpus")
    print(f"{args.lines} lines a stream (quote(dict): the first 20000); "
          f"best of 3 runs of >= {min_time()} s")
    met = True
    worst = 1.0
    with tempfile.TemporaryDirectory(prefix="bench-python.") as tmp:
        with open(os.path.join(tmp, "catalog.json"), "wb") as f:
            subprocess.run([bench, "gen-catalog"], stdout=f, check=True,
                           env=env)
        for stream in streams:
            rows = measure(pricing, args.builddir, bench, env, stream,
                           args.lines, tmp)
            base_wall, base_cpu = rows[0][1], rows[0][2]
            print(f"\n{stream:<28}{'us/line':>9}{'lines/s':>10}"
                  f"{'x batch':>9}{'CPU us':>9}{'x batch':>9}{'CPU':>6}")
            for name, wall, cpu, share in rows:
                print(f"  {name:<26}{wall * 1e6:>9.2f}{1 / wall:>10.0f}"
                      f"{base_wall / wall:>9.2f}{cpu * 1e6:>9.2f}"
                      f"{base_cpu / cpu:>9.2f}{share:>6.2f}")
                worst = min(worst, share)
            ratio = base_cpu / rows[1][2]
            met = met and ratio >= TARGET
            print(f"  quote_jsonl output identical to pricing batch; "
                  f"ratio {ratio:.2f} in CPU time, "
                  f"{base_wall / rows[1][1]:.2f} in wall time "
                  f"(target >= {TARGET})")
    print(f"\ntarget quote_jsonl >= {TARGET} x pricing batch on every "
          f"stream: {'met' if met else 'MISSED'}")
    print(f"smallest CPU share of a measurement: {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
