#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""dask_batch.py - prices a book of requests (JSON Lines files) on a Dask
distributed cluster; the output is byte for byte what

    cat FILE... | pricing batch CATALOG

writes (when every file ends with a newline; a file's last line without
one is a line of its own), in order, error objects numbered by their line
in the whole book.

    dask_batch.py CATALOG OUT FILE...                 a local cluster
    dask_batch.py --scheduler tcp://HOST:8786 CATALOG OUT FILE...

How it works:
- The catalog is read here and shipped to the workers inside a worker
  plugin (CatalogPlugin), so workers need no copy of the file; each worker
  process loads it once, when the plugin is registered or the worker
  joins, and every task on that worker uses the loaded catalog.
- Each file is cut into partitions of about --partition-bytes at line
  ends (only a few bytes are read here, at each cut). A first round of
  tasks counts the lines of each partition; their running sum gives each
  partition's first line number; a second round prices each partition
  with Catalog.quote_jsonl(data, first_line), so "input_line" runs on
  across partitions and files.
- The results are written in partition order as they are fetched, so the
  output is in input order whatever order the tasks finish in.
- Workers read the files themselves: on a multi-machine cluster the paths
  must name the same files on every worker (a shared file system).
- Exit status as `pricing batch`: 0, or 1 when a line was rejected.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from typing import Any, Iterator, List, Tuple

import pricing
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

#: (path, start, end, is the file's last partition)
Partition = Tuple[str, int, int, bool]


class CatalogPlugin(WorkerPlugin):  # type: ignore[misc]
    """Carries the catalog's bytes to every worker and loads them there
    once per worker process (not per task)."""

    def __init__(self, catalog: bytes) -> None:
        self.data = catalog
        self.catalog: Any = None
        self.loads = 0  # on a worker: 1 (--stats shows it)

    def setup(self, worker: Any) -> None:
        self.catalog = pricing.Catalog.from_json(self.data)
        self.loads += 1

    def teardown(self, worker: Any) -> None:
        if self.catalog is not None:
            self.catalog.close()


def plugin_name(catalog: bytes) -> str:
    """One plugin per catalog content: a new catalog is a new plugin."""
    return "pricing-catalog-" + hashlib.sha256(catalog).hexdigest()[:16]


def read(part: Partition) -> bytes:
    path, start, end, _ = part
    with open(path, "rb") as f:
        f.seek(start)
        return f.read(end - start)


def count_lines(part: Partition) -> int:
    """The lines of a partition, as pricing batch counts them."""
    data = read(part)
    return data.count(b"\n") + (1 if part[3] and data and
                                not data.endswith(b"\n") else 0)


def price(part: Partition, first_line: int, name: str) -> bytes:
    """Runs on a worker: the partition's answers, numbered on from
    first_line, priced by the catalog its plugin loaded."""
    catalog = get_worker().plugins[name].catalog
    return catalog.quote_jsonl(read(part), first_line)  # type: ignore


def partitions(paths: List[str], size: int) -> Iterator[Partition]:
    """Each file cut after the first newline past every multiple of size."""
    for path in paths:
        total = os.path.getsize(path)
        start = 0
        with open(path, "rb") as f:
            while start < total:
                end = min(start + size, total)
                if end < total:
                    f.seek(end - 1)
                    while True:  # on to the end of the line
                        block = f.read(65536)
                        nl = block.find(b"\n")
                        if nl >= 0 or not block:
                            end = f.tell() - len(block) + nl + 1 \
                                if nl >= 0 else total
                            break
                yield path, start, end, end == total
                start = end


def loads(dask_worker: Any, name: str) -> int:
    """How many times this worker process loaded the catalog."""
    return dask_worker.plugins[name].loads  # type: ignore


def run(client: Client, catalog: bytes, paths: List[str], out: Any,
        size: int) -> Tuple[int, int, int]:
    """Prices the book into out; (lines, rejected, partitions)."""
    name = plugin_name(catalog)
    client.register_worker_plugin(CatalogPlugin(catalog), name=name)
    parts = list(partitions(paths, size))
    counts = client.gather(client.map(count_lines, parts, pure=False))
    firsts, line = [], 1
    for n in counts:
        firsts.append(line)
        line += n
    futures = client.map(price, parts, firsts, [name] * len(parts),
                         pure=False)
    rejected = 0
    for future in futures:  # in input order
        data = future.result()
        rejected += data.count(b'{"error":')
        out.write(data)
        future.release()
    return line - 1, rejected, len(parts)


def main() -> int:
    p = argparse.ArgumentParser(
        description="Prices JSON Lines files on a Dask cluster: the bytes "
                    "of `cat FILE... | pricing batch CATALOG`.")
    p.add_argument("catalog")
    p.add_argument("out", help="the output file (- for standard output)")
    p.add_argument("files", nargs="+")
    p.add_argument("--scheduler", help="a running cluster's scheduler "
                   "address (tcp://HOST:8786); default: a local cluster")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="worker processes of the local cluster")
    p.add_argument("--partition-bytes", type=int, default=4 << 20)
    p.add_argument("--stats", action="store_true",
                   help="print lines, seconds, lines/s and the catalog "
                        "loads per worker on stderr")
    args = p.parse_args()
    with open(args.catalog, "rb") as f:
        catalog = f.read()
    pricing.Catalog.from_json(catalog).close()  # fail early, here
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
        t0 = time.perf_counter()
        with out:
            lines, rejected, parts = run(client, catalog, args.files, out,
                                         args.partition_bytes)
        seconds = time.perf_counter() - t0
        if args.stats:
            per_worker = client.run(loads, name=plugin_name(catalog))
            print(f"dask_batch: {lines} lines in {seconds:.2f} s: "
                  f"{lines / seconds:.0f} lines/s; {parts} partitions on "
                  f"{len(per_worker)} workers; catalog loads per worker: "
                  f"{sorted(per_worker.values())}", file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if rejected:
        print(f"dask_batch: {rejected} of {lines} requests rejected",
              file=sys.stderr)
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
