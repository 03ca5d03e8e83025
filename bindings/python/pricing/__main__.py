# SPDX-License-Identifier: MIT
"""``python3 -m pricing``: the ``pricing`` command, through the binding.

Same arguments, same standard output (byte for byte), same one-line
messages on standard error and the same exit status as the C command.
The commands, their options and every usage text come from the library
(``pricing_usage()``, built from the command table libpricing/commands.h),
so this module holds only the handlers. ``python3 -m pricing --help``
lists them.
"""

from __future__ import annotations

import ctypes
import os
import re
import stat
import sys
from typing import BinaryIO, Dict, List, Optional, Sequence, Tuple

from . import _api, _lib, errors

__all__ = ["main"]

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_IO, EXIT_NOMEM = 0, 1, 2, 3, 4

_lib.lib.pricing_usage.argtypes = [ctypes.c_char_p]
_lib.lib.pricing_usage.restype = ctypes.c_char_p


def usage(command: Optional[bytes] = None) -> Optional[bytes]:
    """pricing_usage(): the general usage, or one command's help (None
    for an unknown command)."""
    text: Optional[bytes] = _lib.lib.pricing_usage(command)
    return text


USAGE = (usage() or b"").decode("ascii")


class _Command:
    """One entry of the command table, read back from its help text:
    options (name -> takes a value), least and most operands."""

    def __init__(self, name: bytes) -> None:
        text = (usage(name) or b"").decode("ascii")
        self.name = name
        self.options: Dict[str, str] = {}
        for m in re.finditer(r"^  --([a-z]+)((?: \S+)?)  ", text, re.M):
            self.options[m.group(1)] = m.group(2)
        self.synopsis = text.split("\n", 1)[0]
        operands = re.sub(r" \[--[^]]*\]", "", self.synopsis)
        operands = operands.split(" ", 3)[3] if operands.count(" ") > 2 else ""
        operands = operands.split("<")[0]
        words = re.findall(r"[][]|[A-Z]+", operands)
        depth = least = most = 0
        for w in words:
            depth += {"[": 1, "]": -1}.get(w, 0)
            if w not in "[]":
                most += 1
                least += depth == 0
        self.least, self.most = least, most


def _command_names() -> List[bytes]:
    section = USAGE.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0].encode() for line in section.splitlines()]


COMMANDS = {name: _Command(name) for name in _command_names()}
OPTIONS: Dict[str, str] = {}
for _c in COMMANDS.values():
    OPTIONS.update(_c.options)


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance, as cli/options.c."""
    if len(a) > 32 or len(b) > 32:
        return 1 << 30
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            best = min(d[i - 1][j - 1] + (a[i - 1] != b[j - 1]),
                       d[i - 1][j] + 1, d[i][j - 1] + 1)
            if (i > 1 and j > 1 and a[i - 1] == b[j - 2]
                    and a[i - 2] == b[j - 1]):
                best = min(best, d[i - 2][j - 2] + 1)
            d[i][j] = best
    return d[len(a)][len(b)]


def nearest(word: str, names: Sequence[str]) -> Optional[str]:
    """The nearest name when it is close (cli_nearest)."""
    best = (2 if len(word) >= 6 else 1) + 1
    found = None
    for name in names:
        d = _distance(word, name)
        if d < best and d < len(word):
            best, found = d, name
    return found




class _OutputError(Exception):
    """Standard output could not be written."""


def _version_name(value: Optional[bytes]) -> Optional[str]:
    """A version id given on the command line (--of, --old, --new)."""
    return None if value is None else value.decode("utf-8", "surrogateescape")


def _version_names(catalog: "_api.Catalog", name: Optional[str]) -> List[str]:
    """The version ids of catalog, oldest first; invalid_argument (as the C
    command) when name is given and is not one of them."""
    names = [v.version or "" for v in catalog.versions]
    if name is not None and name not in names:
        raise errors.make("invalid_argument",
                          f'the catalog has no version "{name[:64]}"')
    return names


def _name(data: bytes) -> bytes:
    """The name messages give a file: "<stdin>" for "-"."""
    return b"<stdin>" if data == b"-" else data


class _Cli:
    """One run of the command on binary streams; each method mirrors its
    namesake in cli/ (report.c, options.c, commands.c, batch.c, io.c)."""
    def __init__(self, stdin: BinaryIO, stdout: BinaryIO,
                 stderr: BinaryIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.flags = 0
        self.value: Dict[str, bytes] = {}

    # -- output (cli/report.c)

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

    def text(self, data: bytes) -> int:
        """Prints data as it is: the status."""
        try:
            self.write(data)
        except _OutputError:
            return self.finish(EXIT_IO, failed=True)
        return self.finish(EXIT_OK)

    def result(self, data: bytes) -> int:
        """Prints a successful result and a newline; the status."""
        return self.text(data + b"\n")

    @staticmethod
    def status_of(code: str) -> int:
        return {"io_error": EXIT_IO, "invalid_argument": EXIT_USAGE,
                "out_of_memory": EXIT_NOMEM}.get(code, EXIT_REJECTED)

    def say_error(self, exc: errors.PricingError,
                  source: Optional[bytes]) -> None:
        """pricing: [SOURCE[:LINE:COLUMN]: ]CODE[ at PATH]: MESSAGE."""
        err = exc._struct()
        if source == b"<stdin>" and err.line <= 0:
            source = None
        if exc.code == "io_error":  # its message names the file
            source = None
        self.say(b"pricing: " + _lib.error_text(err, source) + b"\n")

    def report(self, exc: errors.PricingError, source: Optional[bytes],
               flags: Optional[int] = None) -> int:
        """The error object on stdout, one line on stderr, the status."""
        self.say_error(exc, source)
        status = self.status_of(exc.code)
        try:
            self.write(_lib.error_json(exc._struct(),
                                       self.flags if flags is None else flags)
                       + b"\n")
        except _OutputError:
            return self.finish(EXIT_IO, failed=True)
        return self.finish(status)

    # -- input (cli/io.c)

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

    # -- commands (cli/commands.c)

    def quote(self, args: List[bytes]) -> int:
        """pricing quote [CATALOG [REQUEST]]."""
        source: Optional[bytes] = None
        try:
            if not args:
                data = self.read_stream(self.stdin, _lib.MAX_CATALOG_BYTES,
                                        b"<stdin>")
                source = b"<stdin>"
                return self.result(_api._envelope_bytes(data, self.flags))
            source = args[0]
            catalog = _api.Catalog.load(args[0])
            try:
                name = args[1] if len(args) > 1 else b"-"
                source = None
                data = self.read_file(name, _lib.MAX_REQUEST_BYTES)
                source = _name(name)
                return self.result(catalog._quote_bytes(data, self.flags))
            finally:
                catalog.close()
        except errors.PricingError as e:
            return self.report(e, source)

    def validate(self, args: List[bytes]) -> int:
        """pricing validate [--rules R] CATALOG."""
        try:
            with _api.Catalog.load(args[0]) as catalog:
                rules = self.value.get("rules")
                return self.result(catalog._summary_bytes(
                    None if rules is None else
                    rules.decode("utf-8", "surrogateescape"), self.flags))
        except errors.PricingError as e:
            return self.report(e, None if e.code == "invalid_argument"
                               else args[0])

    def batch(self, args: List[bytes]) -> int:
        """pricing batch CATALOG: one answer line per request line."""
        try:
            catalog = _api.Catalog.load(args[0])
        except errors.PricingError as e:
            return self.report(e, args[0], 0)
        with catalog:
            return _Batch(self, catalog).run()

    def sheet(self, args: List[bytes]) -> int:
        """pricing sheet [--spec ID] [--format F] [--template] CATALOG."""
        json_format = self.value.get("format") == b"json"
        fmt = (self.value.get("format") or b"csv").decode("ascii")
        try:
            with _api.Catalog.load(args[0]) as catalog:
                out = catalog._sheet_bytes(
                    fmt, self.value.get("spec"),
                    "template" in self.value,
                    bool(self.flags & _lib.JSON_PRETTY),
                    _version_name(self.value.get("of")))
        except errors.PricingError as e:
            return self.report(e, args[0])
        # a CSV sheet ends its own last line
        return self.result(out) if json_format else self.text(out)

    def lint(self, args: List[bytes]) -> int:
        """pricing lint [--strict] [--format F] [--rules R] CATALOG."""
        from . import _lint
        rules = self.value.get("rules")
        try:
            with _api.Catalog.load(args[0]) as catalog:
                out, n = _lint.lint_bytes(
                    catalog, None if rules is None else
                    rules.decode("utf-8", "surrogateescape"),
                    self.value.get("format") == b"text")
        except errors.PricingError as e:
            return self.report(e, None if e.code == "invalid_argument"
                               else args[0], 0)
        status = self.text(out)  # the lines end themselves
        if status == EXIT_OK and n and "strict" in self.value:
            self.say(b"pricing: %s: %d warning%s (--strict)\n"
                     % (args[0], n, b"" if n == 1 else b"s"))
            status = EXIT_REJECTED
        return status

    def chart(self, args: List[bytes]) -> int:
        """pricing chart --spec ID [--attribute A] [--plan P] [--sku S]
        CATALOG: the SVG, printed as it is."""
        v = self.value
        try:
            with _api.Catalog.load(args[0]) as catalog:
                out = catalog._chart_bytes(
                    v["spec"], v.get("attribute"), v.get("plan"),
                    v.get("sku"), _version_name(v.get("of")))
        except errors.PricingError as e:
            return self.report(e, args[0])
        return self.text(out)

    def import_(self, args: List[bytes]) -> int:
        """pricing import CATALOG SHEET."""
        source: Optional[bytes] = args[0]
        try:
            with _api.Catalog.load(args[0]) as catalog:
                source = None
                version = _version_name(self.value.get("of"))
                _version_names(catalog, version)  # the C order: before SHEET
                data = self.read_file(args[1], _lib.MAX_CATALOG_BYTES)
                source = _name(args[1])
                return self.result(catalog._import_bytes(data, self.flags,
                                                         version))
        except errors.PricingError as e:
            document = getattr(e, "document", None)
            if not document:
                return self.report(e, source)
            self.say_error(e, source)
            try:
                self.write(document.encode("utf-8") + b"\n")
            except _OutputError:
                return self.finish(EXIT_IO, failed=True)
            return self.finish(self.status_of(e.code))

    def diff(self, args: List[bytes]) -> int:
        """pricing diff [--requests FILE] [--old V] [--new V] OLD [NEW]."""
        source: Optional[bytes] = args[0]
        try:
            with _api.Catalog.load(args[0]) as old:
                if len(args) == 1:
                    source = None
                    return self._diff(old, None)
                source = args[1]
                with _api.Catalog.load(args[1]) as new:
                    source = None
                    return self._diff(old, new)
        except errors.PricingError as e:
            return self.report(e, source)

    def _diff(self, old: "_api.Catalog",
              new: Optional["_api.Catalog"]) -> int:
        """The versions as cli/commands.c picks them, then the diff."""
        new_v = _version_name(self.value.get("new"))
        old_v = _version_name(self.value.get("old"))
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
        requests = self.value.get("requests")
        jsonl = None if requests is None else \
            self.read_file(requests, _lib.MAX_CATALOG_BYTES)
        return self.result(old._diff_bytes(new or old, jsonl, self.flags,
                                           old_v, new_v))

    # -- the command line (cli/options.c)

    def usage_error(self, msg: bytes) -> int:
        """A usage error: one line on standard error only, status 2."""
        self.say(b"pricing: " + msg + b"\n")
        return EXIT_USAGE

    def unknown_command(self, word: bytes) -> int:
        near = nearest(word.decode("latin-1"),
                       [c.decode() for c in COMMANDS] + ["help"])
        if near:
            return self.usage_error(b"'%s' is not a command; did you mean "
                                    b"'%s'?" % (word, near.encode()))
        return self.usage_error(b"'%s' is not a command; see 'pricing help'"
                                % word)

    def unknown_option(self, word: bytes, cmd: Optional[_Command]) -> int:
        name = word.split(b"=", 1)[0][:63]
        if cmd is None:
            return self.usage_error(b"'%s' is not an option; see 'pricing "
                                    b"help'" % name)
        near = nearest(name[2:].decode("latin-1"),
                       [o for o in OPTIONS if o in cmd.options] + ["help"]) \
            if name.startswith(b"--") else None
        if near:
            return self.usage_error(b"'%s' is not an option of %s; did you "
                                    b"mean '--%s'?"
                                    % (name, cmd.name, near.encode()))
        return self.usage_error(b"'%s' is not an option of %s; see 'pricing "
                                b"help %s'" % (name, cmd.name, cmd.name))

    @staticmethod
    def command_word(argv: Sequence[bytes]) -> Optional[bytes]:
        """The first operand, skipping option values."""
        i = 0
        while i < len(argv):
            a = argv[i]
            if a == b"--":
                return argv[i + 1] if i + 1 < len(argv) else None
            if not a.startswith(b"-") or a == b"-":
                return a
            if (a.startswith(b"--") and b"=" not in a
                    and OPTIONS.get(a[2:].decode("latin-1"))):
                i += 1
            i += 1
        return None

    def take_option(self, argv: Sequence[bytes], i: int,
                    cmd: Optional[_Command]) -> Tuple[int, Optional[int]]:
        """The option at argv[i]: (next index, None) or (_, status)."""
        a = argv[i]
        name = a[2:].split(b"=", 1)[0].decode("latin-1") \
            if a.startswith(b"--") else ""
        if cmd is None or name not in cmd.options:
            return i, self.unknown_option(a, cmd)
        if not cmd.options[name]:
            if b"=" in a:
                return i, self.usage_error(b"--%s takes no value"
                                           % name.encode())
            self.value[name] = b""
        elif b"=" in a:
            self.value[name] = a.split(b"=", 1)[1]
        elif i + 1 < len(argv):
            i += 1
            self.value[name] = argv[i]
        else:
            return i, self.usage_error(
                b"--%s needs a value: --%s%s"
                % (name.encode(), name.encode(), cmd.options[name].encode()))
        if name == "pretty":
            self.flags |= _lib.JSON_PRETTY
        return i, None

    def help(self, args: List[bytes]) -> int:
        """pricing help [COMMAND]."""
        if len(args) > 1:
            return self.usage_error(b"wrong number of arguments; usage: "
                                    b"pricing help [COMMAND]")
        if not args or args[0] == b"help":
            return self.text(USAGE.encode("ascii"))
        text = usage(args[0])
        return self.text(text) if text else self.unknown_command(args[0])

    def check_values(self, cmd: _Command, args: List[bytes]) -> Optional[int]:
        """The checks the table cannot express."""
        fmt = self.value.get("format")
        if not cmd.least <= len(args) <= cmd.most:
            return self.usage_error(b"wrong number of arguments; "
                                    + cmd.synopsis.encode("ascii"))
        if fmt is not None and cmd.name == b"lint":
            if fmt not in (b"jsonl", b"text"):
                return self.usage_error(
                    b"--format is jsonl or text, not '%s'" % fmt)
        elif fmt is not None and fmt not in (b"csv", b"json", b"html"):
            return self.usage_error(b"--format is csv, json or html, not '%s'"
                                    % fmt)
        if cmd.name == b"chart" and "spec" not in self.value:
            return self.usage_error(b"chart needs --spec ID")
        if ("pretty" in self.value and cmd.name == b"sheet"
                and fmt != b"json"):
            return self.usage_error(b"--pretty goes with --format json")
        return None

    def run(self, argv: Sequence[bytes]) -> int:
        """Parses the arguments as cli_parse() does and runs the command."""
        word = self.command_word(argv)
        cmd = COMMANDS.get(word) if word is not None else None
        is_help = word == b"help"
        args: List[bytes] = []
        seen = ends = False
        i = 0
        while i < len(argv):
            a = argv[i]
            if not ends and a == b"--":
                ends = True
            elif not ends and a in (b"--help", b"-h"):
                return self.text(usage(cmd.name if cmd else None) or b"")
            elif not ends and a == b"--version":
                return self.text(
                    b"pricing " + _lib.lib.pricing_version_string()
                    + b" (format " + _lib.lib.pricing_format_version()
                    + b")\nCopyright (c) 2026 The libpricing authors.\n"
                    b"License: MIT (the COPYING file). There is NO "
                    b"WARRANTY.\n")
            elif not ends and a.startswith(b"-") and a != b"-":
                if is_help:
                    return self.unknown_option(a, None)
                if word is not None and cmd is None:
                    return self.unknown_command(word)
                i, bad = self.take_option(argv, i, cmd)
                if bad is not None:
                    return bad
            elif not seen:
                seen = True
            else:
                args.append(a)
            i += 1
        if word is None:
            return self.usage_error(b"no command; see 'pricing --help'")
        if is_help:
            return self.help(args)
        if cmd is None:
            return self.unknown_command(word)
        bad = self.check_values(cmd, args)
        if bad is not None:
            return bad
        handler = getattr(self, {b"import": "import_"}.get(
            cmd.name, cmd.name.decode("ascii")))
        status: int = handler(args)
        return status


class _Batch:
    """pricing batch's loop (cli/batch.c): one answer per input line, the
    error objects with "input_line": N."""

    def __init__(self, cli: _Cli, catalog: "_api.Catalog") -> None:
        self.cli = cli
        self.catalog = catalog
        self.lines = self.rejected = 0
        try:
            mode = os.fstat(cli.stdin.fileno()).st_mode
            self.live = not stat.S_ISREG(mode)
        except (OSError, ValueError, AttributeError):
            self.live = True
        self.pending: List[bytes] = []

    def error(self, exc: errors.PricingError) -> bytes:
        self.rejected += 1
        return (_lib.error_json(exc._struct(), 0)[:-2]
                + b',"input_line":%d}}' % self.lines)

    def answer(self, line: Optional[bytes]) -> None:
        self.lines += 1
        if line is None:
            out = self.error(errors.make(
                "limit_exceeded", "request line longer than "
                f"{_lib.MAX_REQUEST_BYTES} bytes"))
        else:
            try:
                out = self.catalog._quote_bytes(line, 0)
            except errors.PricingError as e:
                out = self.error(e)
        self.pending.append(out + b"\n")
        if self.live or len(self.pending) >= 256:
            self.flush()

    def flush(self) -> None:
        self.cli.write(b"".join(self.pending))
        self.pending.clear()
        if self.live:
            self.cli.stdout.flush()

    def skip(self, seen: int) -> bool:
        """Skips the rest of an over-long line; False when it passes the
        catalog limit (the run stops)."""
        while True:
            rest = self.cli.stdin.readline(1 << 16)
            seen += len(rest)
            if not rest or rest.endswith(b"\n"):
                return True
            if seen > _lib.MAX_CATALOG_BYTES:
                self.cli.say(b"pricing: batch: input line %d longer than %d "
                             b"bytes: not JSON Lines, stopped reading\n"
                             % (self.lines, _lib.MAX_CATALOG_BYTES))
                return False

    def loop(self) -> None:
        limit = _lib.MAX_REQUEST_BYTES
        while True:
            line = self.cli.stdin.readline(limit + 1)
            if not line:
                return
            if line.endswith(b"\n"):
                self.answer(line[:-1])
            elif len(line) <= limit:
                self.answer(line)  # the last line, without a newline
            else:
                self.answer(None)
                if not self.skip(len(line)):
                    return

    def run(self) -> int:
        read_failed = write_failed = False
        try:
            try:
                self.loop()
            except OSError:
                read_failed = True
            self.flush()
        except _OutputError:
            write_failed = True
        if read_failed:
            self.cli.say(b"pricing: cannot read standard input\n")
        status = self.cli.finish(EXIT_IO if read_failed else EXIT_OK,
                                 failed=write_failed)
        if self.rejected:
            self.cli.say(b"pricing: batch: %d of %d requests rejected\n"
                         % (self.rejected, self.lines))
        return EXIT_REJECTED if status == EXIT_OK and self.rejected \
            else status


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
