# SPDX-License-Identifier: MIT
"""``python3 -m pricing``: the ``pricing`` command, through the binding.

Same arguments, same standard output (byte for byte), same one-line
messages on standard error and the same exit status as the C command::

    python3 -m pricing quote [--pretty] [CATALOG [REQUEST]]
    python3 -m pricing validate [--pretty] [--rules koogallery] CATALOG
    python3 -m pricing batch CATALOG < requests.jsonl
    python3 -m pricing sheet [--spec ID] [--format csv|json] [--template]
                             [--catalog-version V] CATALOG
    python3 -m pricing import [--pretty] [--catalog-version V] CATALOG SHEET.csv
    python3 -m pricing diff [--pretty] [--requests FILE.jsonl]
                            [--old-version V] [--new-version V] OLD [NEW]
    python3 -m pricing --help | --version

Exit status: 0 success, 1 an input was rejected, 2 wrong usage, 3 a file
could not be read or the output could not be written.
"""

from __future__ import annotations

import os
import sys
from typing import BinaryIO, List, Optional, Sequence

from . import _api, _lib, errors

__all__ = ["main"]

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_IO = 0, 1, 2, 3

USAGE = (
    "usage: pricing quote [--pretty] [CATALOG [REQUEST]]\n"
    "       pricing validate [--pretty] [--rules koogallery] CATALOG\n"
    "       pricing batch CATALOG < requests.jsonl\n"
    "       pricing sheet [--spec ID] [--format csv|json] [--template] "
    "[--catalog-version V] CATALOG\n"
    "       pricing import [--pretty] [--catalog-version V] CATALOG "
    "SHEET.csv\n"
    "       pricing diff [--pretty] [--requests FILE.jsonl] "
    "[--old-version V] [--new-version V] OLD [NEW]\n"
    "       pricing --help | --version\n"
    "\n"
    "quote     prints the quote of REQUEST (a file, or standard input when\n"
    "          absent or -); with no CATALOG, standard input holds one\n"
    "          envelope {\"catalog\": {...}, \"request\": {...}}\n"
    "validate  checks CATALOG, optionally against marketplace rules\n"
    "batch     reads one request per line, writes one quote or error per line\n"
    "sheet     prints every price of CATALOG, one row per SKU, plan and rule\n"
    "          (CSV by default); --template leaves the prices empty\n"
    "import    prints CATALOG with the prices of SHEET.csv (- for standard\n"
    "          input) filled in, or every bad cell with its row and column\n"
    "diff      prints the price changes from catalog OLD to NEW; with\n"
    "          --requests, each request's old and new total\n"
    "\n"
    "A CATALOG may be a history of versions: sheet and import work on\n"
    "--catalog-version (default: the newest); diff compares --old-version\n"
    "of OLD with --new-version of NEW (defaults: the newest), and with one\n"
    "history alone its version before --new-version with that version.\n"
    "\n"
    "Errors are printed as a JSON error object on standard output and as one\n"
    "line on standard error. Exit status: 0 success, 1 an input was\n"
    "rejected, 2 wrong usage, 3 a file could not be read or the output\n"
    "could not be written.\n"
)

_CODE = {name: i for i, name in enumerate(errors.CODES)}


class _OutputError(Exception):
    """Standard output could not be written."""


class _Cli:
    """One run of the command on binary streams; each method mirrors its namesake in cli/main.c or cli/io.c."""
    def __init__(self, stdin: BinaryIO, stdout: BinaryIO,
                 stderr: BinaryIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.flags = 0
        self.rules: Optional[bytes] = None
        self.spec: Optional[bytes] = None
        self.format: Optional[bytes] = None
        self.template = False
        self.requests: Optional[bytes] = None
        self.catalog_version: Optional[bytes] = None
        self.old_version: Optional[bytes] = None
        self.new_version: Optional[bytes] = None

    # -- output

    def write(self, data: bytes) -> None:
        """Writes all of data (a raw, unbuffered stream may take it in
        parts); _OutputError when standard output fails."""
        view = memoryview(data)
        try:
            while view:
                n = self.stdout.write(view)
                if n is None:  # a non-blocking stream that would block
                    raise OSError("write would block")
                view = view[n:]
        except (OSError, ValueError) as e:
            raise _OutputError() from e

    def say(self, data: bytes) -> None:
        """A message on standard error (failures ignored, as fprintf's)."""
        view = memoryview(data)
        try:
            while view:
                n = self.stderr.write(view)
                if not n:
                    break
                view = view[n:]
            self.stderr.flush()
        except (OSError, ValueError):
            pass

    def emit(self, data: bytes) -> None:
        """data and a newline."""
        self.write(data + b"\n")

    def finish(self, status: int, failed: bool = False) -> int:
        """Flushes standard output: status, or EXIT_IO (with a message)
        when it (or an earlier write) failed."""
        try:
            self.stdout.flush()
        except (OSError, ValueError):
            failed = True
        if failed:
            self.say(b"pricing: cannot write standard output\n")
            return EXIT_IO
        return status

    def report(self, exc: errors.PricingError,
               flags: Optional[int] = None) -> int:
        """The error object on stdout, one line on stderr, the status."""
        flags = self.flags if flags is None else flags
        err = exc._struct()
        code = exc.code
        status = (EXIT_IO if code == "io_error" else
                  EXIT_USAGE if code == "invalid_argument" else
                  EXIT_REJECTED)
        path = bytes(err.path)
        line = (b"pricing: " + code.encode("ascii")
                + (b" at " if path else b"") + path + b": "
                + bytes(err.message) + b"\n")
        self.say(line)
        try:
            self.emit(_lib.error_json(err, flags))
        except _OutputError:
            return self.finish(EXIT_IO, failed=True)
        return self.finish(status)

    def usage_error(self, msg: str, flags: Optional[int] = None) -> int:
        """An invalid_argument error "msg (see pricing --help)", status 2."""
        return self.report(errors.make(
            "invalid_argument", f"{msg} (see pricing --help)"), flags)

    def result(self, data: bytes) -> int:
        """Prints a successful result; the status."""
        try:
            self.emit(data)
        except _OutputError:
            return self.finish(EXIT_IO, failed=True)
        return self.finish(EXIT_OK)

    # -- input, as cli/io.c reads it

    def read_stream(self, stream: BinaryIO, limit: int,
                    name: bytes) -> bytes:
        """All of stream, or limit_exceeded past limit bytes."""
        chunks: List[bytes] = []
        total = 0
        try:
            # A raw stream may return less than asked: read to the end,
            # stopping just past the limit (as cli/io.c does).
            while total <= limit:
                chunk = stream.read(limit + 1 - total)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        except OSError as e:
            raise self.io_error("io_error", e, name) from None
        data = b"".join(chunks)
        if len(data) > limit:
            raise self.io_error("limit_exceeded", "input too large", name)
        return data

    def io_error(self, code: str, what: object,
                 name: bytes) -> errors.PricingError:
        """The error cli/io.c makes: "NAME: what"."""
        if isinstance(what, OSError):
            text = os.strerror(what.errno) if what.errno else "read error"
        else:
            text = str(what)
        raw = name + b": " + text.encode("utf-8", "replace")
        exc = errors.make(code, raw.decode("utf-8", "replace"))
        exc._raw_message = raw[:_lib.ERROR_MESSAGE_SIZE - 1]
        return exc

    def read_file(self, name: bytes, limit: int) -> bytes:
        """The contents of file name ("-": standard input), at most limit
        bytes."""
        if name == b"-":
            return self.read_stream(self.stdin, limit, b"<stdin>")
        try:
            f = open(name, "rb")
        except IsADirectoryError:
            raise self.io_error("io_error", "is a directory", name) from None
        except OSError as e:
            raise self.io_error("io_error", e, name) from None
        with f:
            if os.path.isdir(name):
                raise self.io_error("io_error", "is a directory", name)
            return self.read_stream(f, limit, name)

    # -- commands

    def quote(self, args: List[bytes]) -> int:
        """pricing quote [CATALOG [REQUEST]]."""
        try:
            if not args:
                data = self.read_stream(self.stdin, _lib.MAX_CATALOG_BYTES,
                                        b"<stdin>")
                return self.result(_api._envelope_bytes(data, self.flags))
            catalog = _api.Catalog.load(args[0])
            try:
                data = self.read_file(args[1] if len(args) > 1 else b"-",
                                      _lib.MAX_REQUEST_BYTES)
                return self.result(catalog._quote_bytes(data, self.flags))
            finally:
                catalog.close()
        except errors.PricingError as e:
            return self.report(e)

    def validate(self, args: List[bytes]) -> int:
        """pricing validate [--rules R] CATALOG."""
        try:
            with _api.Catalog.load(args[0]) as catalog:
                rules = None if self.rules is None else \
                    self.rules.decode("utf-8", "surrogateescape")
                return self.result(catalog._summary_bytes(rules, self.flags))
        except errors.PricingError as e:
            return self.report(e)

    def batch(self, args: List[bytes]) -> int:
        """pricing batch CATALOG: one answer line per request line."""
        try:
            catalog = _api.Catalog.load(args[0])
        except errors.PricingError as e:
            return self.report(e, 0)
        limit = _lib.MAX_REQUEST_BYTES
        lines = rejected = 0
        read_failed = write_failed = False
        too_long_json = errors.make(
            "limit_exceeded", f"request line longer than {limit} bytes"
        ).to_json_bytes()
        pending: List[bytes] = []
        pending_size = 0
        try:
            while True:
                try:
                    # A line of more than limit bytes (newline excluded) is
                    # answered with limit_exceeded, as cli/main.c does.
                    line = self.stdin.readline(limit + 1)
                    if not line:
                        break
                    if line.endswith(b"\n"):
                        line = line[:-1]
                    elif len(line) > limit:
                        while True:  # skip to the end of the line
                            rest = self.stdin.readline(1 << 16)
                            if not rest or rest.endswith(b"\n"):
                                break
                        line = None
                except OSError:
                    self.say(b"pricing: cannot read standard input\n")
                    read_failed = True
                    break
                lines += 1
                if line is None:
                    rejected += 1
                    out = too_long_json
                else:
                    try:
                        out = catalog._quote_bytes(line, 0)
                    except errors.PricingError as e:
                        rejected += 1
                        out = e.to_json_bytes()
                # Output is gathered as stdio's buffer would gather it.
                pending.append(out)
                pending.append(b"\n")
                pending_size += len(out) + 1
                if pending_size >= 1 << 16:
                    self.write(b"".join(pending))
                    pending.clear()
                    pending_size = 0
            self.write(b"".join(pending))
        except _OutputError:
            write_failed = True
        finally:
            catalog.close()
        status = self.finish(EXIT_IO if read_failed else EXIT_OK,
                             failed=write_failed)
        if rejected:
            self.say(f"pricing: batch: {rejected} of {lines} requests "
                     f"rejected\n".encode("ascii"))
        return EXIT_REJECTED if status == EXIT_OK and rejected else status

    def sheet(self, args: List[bytes]) -> int:
        """pricing sheet [--spec ID] [--format F] [--template] CATALOG."""
        json_format = self.format == b"json"
        try:
            with _api.Catalog.load(args[0]) as catalog:
                out = catalog._sheet_bytes(
                    "json" if json_format else "csv", self.spec,
                    self.template, bool(self.flags & _lib.JSON_PRETTY),
                    _name(self.catalog_version))
        except errors.PricingError as e:
            return self.report(e)
        if json_format:
            return self.result(out)
        try:  # a CSV sheet ends its own last line
            self.write(out)
        except _OutputError:
            return self.finish(EXIT_IO, failed=True)
        return self.finish(EXIT_OK)

    def import_(self, args: List[bytes]) -> int:
        """pricing import CATALOG SHEET."""
        try:
            with _api.Catalog.load(args[0]) as catalog:
                version = _name(self.catalog_version)
                _version_names(catalog, version)  # the C order: before the file
                data = self.read_file(args[1], _lib.MAX_CATALOG_BYTES)
                return self.result(catalog._import_bytes(data, self.flags,
                                                         version))
        except errors.PricingError as e:
            document = getattr(e, "document", None)
            if not document:
                return self.report(e)
            err = e._struct()
            path = bytes(err.path)
            self.say(b"pricing: " + e.code.encode("ascii")
                     + (b" at " if path else b"") + path + b": "
                     + bytes(err.message) + b"\n")
            try:
                self.emit(document.encode("utf-8"))
            except _OutputError:
                return self.finish(EXIT_IO, failed=True)
            return self.finish(EXIT_IO if e.code == "io_error"
                               else EXIT_REJECTED)

    def diff(self, args: List[bytes]) -> int:
        """pricing diff [--requests FILE] [--old-version V] [--new-version V]
        OLD [NEW]."""
        try:
            with _api.Catalog.load(args[0]) as old:
                new = _api.Catalog.load(args[1]) if len(args) == 2 else None
                try:
                    return self._diff(old, new)
                finally:
                    if new is not None:
                        new.close()
        except errors.PricingError as e:
            return self.report(e)

    def _diff(self, old: _api.Catalog, new: Optional[_api.Catalog]) -> int:
        new_v, old_v = _name(self.new_version), _name(self.old_version)
        names = _version_names(new or old, new_v)
        if new is not None or old_v is not None:
            _version_names(old, old_v)
        else:  # one history: the version before the new one
            at = names.index(new_v) if new_v is not None else len(names) - 1
            if at == 0:
                raise errors.make("invalid_argument",
                                  "diff of one catalog: it needs an earlier "
                                  "version than the new one")
            old_v = names[at - 1]
        jsonl = None if self.requests is None else \
            self.read_file(self.requests, _lib.MAX_CATALOG_BYTES)
        return self.result(old._diff_bytes(new or old, jsonl, self.flags,
                                           old_v, new_v))

    def check_options(self, cmd: bytes) -> Optional[int]:
        """The usage error of an option given to the wrong command."""
        sheet = cmd == b"sheet"
        if self.rules is not None and cmd != b"validate":
            return self.usage_error("--rules goes with validate")
        if (self.spec is not None or self.format is not None
                or self.template) and not sheet:
            return self.usage_error(
                "--spec, --format and --template go with sheet")
        if self.requests is not None and cmd != b"diff":
            return self.usage_error("--requests goes with diff")
        if (self.old_version is not None or self.new_version is not None) \
                and cmd != b"diff":
            return self.usage_error(
                "--old-version and --new-version go with diff")
        if self.catalog_version is not None and not sheet \
                and cmd != b"import":
            return self.usage_error(
                "--catalog-version goes with sheet and import")
        if self.format is not None and self.format not in (b"csv", b"json"):
            return self.usage_error("--format is csv or json")
        if sheet and self.flags & _lib.JSON_PRETTY and self.format != b"json":
            return self.usage_error("--pretty goes with --format json", 0)
        return None

    def run(self, argv: Sequence[bytes]) -> int:
        """Parses the arguments as cli/main.c's main() does and runs the command."""
        args: List[bytes] = []
        cmd: Optional[bytes] = None
        i = 0
        while i < len(argv):
            a = argv[i]
            if a in (b"--help", b"-h"):
                try:
                    self.write(USAGE.encode("ascii"))
                except _OutputError:
                    return self.finish(EXIT_IO, failed=True)
                return self.finish(EXIT_OK)
            if a == b"--version":
                try:
                    self.write(
                        b"pricing " + _lib.lib.pricing_version_string()
                        + b" (format " + _lib.lib.pricing_format_version()
                        + b")\n")
                except _OutputError:
                    return self.finish(EXIT_IO, failed=True)
                return self.finish(EXIT_OK)
            if a == b"--pretty":
                self.flags |= _lib.JSON_PRETTY
            elif a == b"--rules":
                i += 1
                if i >= len(argv):
                    return self.usage_error("--rules needs a rule set")
                self.rules = argv[i]
            elif a in _VALUED:
                i += 1
                if i >= len(argv):
                    return self.usage_error(_VALUED[a])
                setattr(self, a[2:].decode("ascii").replace("-", "_"),
                        argv[i])
            elif a == b"--template":
                self.template = True
            elif a.startswith(b"-") and a != b"-":
                return self.usage_error("unknown option")
            elif cmd is None:
                cmd = a
            elif len(args) < 3:
                args.append(a)
            else:
                return self.usage_error("too many arguments")
            i += 1
        if cmd is None:
            return self.usage_error("no command")
        bad = self.check_options(cmd)
        if bad is not None:
            return bad
        if cmd == b"quote":
            if len(args) > 2:
                return self.usage_error("quote takes CATALOG and REQUEST")
            return self.quote(args)
        if cmd == b"validate":
            if len(args) != 1:
                return self.usage_error("validate takes one CATALOG")
            return self.validate(args)
        if cmd == b"batch":
            if len(args) != 1:
                return self.usage_error("batch takes one CATALOG")
            if self.flags & _lib.JSON_PRETTY:
                return self.usage_error(
                    "batch writes one line per request: no --pretty", 0)
            return self.batch(args)
        if cmd == b"sheet":
            if len(args) != 1:
                return self.usage_error("sheet takes one CATALOG")
            return self.sheet(args)
        if cmd == b"import":
            if len(args) != 2:
                return self.usage_error("import takes CATALOG and SHEET")
            return self.import_(args)
        if cmd == b"diff":
            if len(args) not in (1, 2):
                return self.usage_error("diff takes OLD and NEW catalogs, or "
                                        "one history")
            return self.diff(args)
        return self.usage_error("unknown command")


# The options that take a value, and the error when it is missing.
_VALUED = {
    b"--spec": "--spec needs a spec id",
    b"--format": "--format needs csv or json",
    b"--requests": "--requests needs a file",
    b"--catalog-version": "--catalog-version needs a version id",
    b"--old-version": "--old-version needs a version id",
    b"--new-version": "--new-version needs a version id",
}


def _name(value: Optional[bytes]) -> Optional[str]:
    """A version id given on the command line."""
    return None if value is None else value.decode("utf-8", "surrogateescape")


def _version_names(catalog: _api.Catalog, name: Optional[str]) -> List[str]:
    """The version ids of catalog, oldest first; invalid_argument (as the C
    command) when name is given and is not one of them."""
    names = [v.version or "" for v in catalog.versions]
    if name is not None and name not in names:
        raise errors.make("invalid_argument",
                          f'the catalog has no version "{name[:64]}"')
    return names


def main(argv: Optional[Sequence[str]] = None,
         stdin: Optional[BinaryIO] = None,
         stdout: Optional[BinaryIO] = None,
         stderr: Optional[BinaryIO] = None) -> int:
    """Runs the command with ``argv`` (without the program name; default
    ``sys.argv[1:]``) on binary streams (default the process's), and
    returns the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    cli = _Cli(stdin if stdin is not None else sys.stdin.buffer,
               stdout if stdout is not None else sys.stdout.buffer,
               stderr if stderr is not None else sys.stderr.buffer)
    return cli.run([os.fsencode(a) for a in argv])


def _run() -> None:
    """The entry point of python3 -m pricing."""
    status = main()
    if status == EXIT_IO:
        # Keep the interpreter from failing again on the final flush.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
    sys.exit(status)


if __name__ == "__main__":
    _run()
