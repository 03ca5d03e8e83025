# SPDX-License-Identifier: MIT
"""Loading libpricing and declaring the C functions the binding uses.

``$PRICING_LIBRARY``, when set (and not empty), is the library: a path to
the shared library (for example ``/usr/local/lib/libpricing.so.0``) or a
name the dynamic loader finds. If it cannot be loaded, the import fails
with an :class:`ImportError` naming it: an explicit choice is never
replaced by another library.

Otherwise the library is looked for, in this order:

1. the build tree this package sits in (``<top>/.libs/libpricing.so`` when
   the package is imported from ``<top>/bindings/python``);
2. the directory recorded at ``make install`` time in ``_libdir.txt`` next to
   this file, if there is one;
3. the installed library: ``ctypes.util.find_library("pricing")``, then the
   soname ``libpricing.so.0``.

If none loads, one :class:`ImportError` lists every place tried and why it
failed. A library that loads is then checked: it must export every function
declared below and its runtime version must be one this binding was written
for (:data:`BINDING_VERSION`).

Every function has ``argtypes`` and ``restype``. Opaque handles are
``c_void_p``. Strings the library owns (static or borrowed from a catalog) are
``c_char_p``, which copies them. Text the library allocates for the caller
only ever comes back in a :class:`Buffer`, copied with ``ctypes.string_at`` and
released with ``pricing_buffer_dispose`` (the library's own allocator, never
libc's ``free``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from ctypes import (
    POINTER,
    Structure,
    c_char,
    c_char_p,
    c_int,
    c_size_t,
    c_ubyte,
    c_uint,
    c_uint64,
    c_ulong,
    c_void_p,
)
from typing import Any, Dict, List, Optional, Tuple

__all__ = [
    "BINDING_VERSION",
    "Buffer",
    "Error",
    "lib",
    "library_path",
    "declare",
    "runtime_version",
    "check_version",
    "MAX_DEPTH",
    "MAX_NUMBER_CHARS",
    "MAX_REQUEST_BYTES",
    "MAX_CATALOG_BYTES",
    "JSON_PRETTY",
    "SHEET_CSV",
    "SHEET_JSON",
    "SHEET_TEMPLATE",
    "SHEET_HTML",
]

#: The libpricing version this binding was written for (MAJOR, MINOR, MICRO).
BINDING_VERSION: Tuple[int, int, int] = (0, 2, 0)
#: The soname of that version (-version-info 1:0:1: current - age = 0).
SONAME = "libpricing.so.0"

# Constants of pricing.h (the header has no accessors for them).
ERROR_PATH_SIZE = 1024
ERROR_MESSAGE_SIZE = 256
JSON_PRETTY = 0x1
SHEET_CSV = 0x10
SHEET_JSON = 0x20
SHEET_TEMPLATE = 0x40
SHEET_HTML = 0x80
MAX_CATALOG_BYTES = 64 * 1024 * 1024
MAX_REQUEST_BYTES = 1024 * 1024
MAX_DEPTH = 64
MAX_NUMBER_CHARS = 64


class Error(Structure):
    """``struct pricing_error``, field for field."""

    _fields_ = [
        ("code", c_int),
        ("line", c_int),
        ("column", c_int),
        ("position", c_size_t),
        ("path", c_char * ERROR_PATH_SIZE),
        ("message", c_char * ERROR_MESSAGE_SIZE),
        ("reserved_", c_ubyte * 32),
    ]


class Buffer(Structure):
    """``struct pricing_buffer``; ``data`` is kept as a raw pointer."""

    _fields_ = [
        ("data", c_void_p),
        ("size", c_size_t),
        ("capacity", c_size_t),
    ]


ErrorP = POINTER(Error)
BufferP = POINTER(Buffer)
HandleP = POINTER(c_void_p)

# name: (restype, argtypes)
_FUNCTIONS = {
    "pricing_error_init": (None, [ErrorP]),
    "pricing_code_name": (c_char_p, [c_int]),
    "pricing_version_string": (c_char_p, []),
    "pricing_version_hex": (c_ulong, []),
    "pricing_format_version": (c_char_p, []),
    "pricing_catalog_load": (c_int, [HandleP, c_char_p, c_size_t, ErrorP]),
    "pricing_catalog_load_file": (c_int, [HandleP, c_char_p, ErrorP]),
    "pricing_catalog_free": (None, [c_void_p]),
    "pricing_catalog_check_rules": (c_int, [c_void_p, c_char_p, ErrorP]),
    "pricing_catalog_id": (c_char_p, [c_void_p]),
    "pricing_catalog_version": (c_char_p, [c_void_p]),
    "pricing_catalog_currency": (c_char_p, [c_void_p]),
    "pricing_catalog_minor_units": (c_int, [c_void_p]),
    "pricing_catalog_spec_count": (c_size_t, [c_void_p]),
    "pricing_catalog_sku_count": (c_size_t, [c_void_p]),
    # Contract 1.2: currencies and versions.
    "pricing_catalog_currency_count": (c_size_t, [c_void_p]),
    "pricing_catalog_currency_at": (c_char_p, [c_void_p, c_size_t]),
    "pricing_catalog_version_count": (c_size_t, [c_void_p]),
    "pricing_catalog_version_at": (c_void_p, [c_void_p, c_size_t]),
    "pricing_catalog_effective": (c_char_p, [c_void_p]),
    "pricing_catalog_existing_from": (c_char_p, [c_void_p]),
    "pricing_quote_new": (c_int, [HandleP, ErrorP]),
    "pricing_quote_free": (None, [c_void_p]),
    "pricing_buffer_dispose": (None, [BufferP]),
    "pricing_error_write_json": (c_int, [BufferP, ErrorP, c_uint]),
    "pricing_error_write_text": (c_int, [BufferP, ErrorP, ctypes.c_char_p]),
    "pricing_quote_json": (
        c_int,
        [BufferP, c_void_p, c_char_p, c_size_t, c_void_p, c_uint, ErrorP],
    ),
    "pricing_quote_jsonl": (
        c_int,
        [BufferP, POINTER(c_size_t), POINTER(c_size_t), c_void_p, c_char_p,
         c_size_t, c_uint64, c_void_p, c_uint, ErrorP],
    ),
    "pricing_catalog_write_summary": (c_int, [BufferP, c_void_p, c_uint, ErrorP]),
    "pricing_envelope_quote_json": (
        c_int,
        [BufferP, c_char_p, c_size_t, c_uint, ErrorP],
    ),
    # Seller tools.
    "pricing_catalog_write_json": (c_int, [BufferP, c_void_p, c_uint, ErrorP]),
    "pricing_catalog_sheet": (
        c_int,
        [BufferP, c_void_p, c_char_p, c_uint, ErrorP],
    ),
    "pricing_catalog_chart": (
        c_int,
        [BufferP, c_void_p, c_char_p, c_char_p, c_char_p, c_char_p, c_uint,
         ErrorP],
    ),
    "pricing_catalog_import_sheet": (
        c_int,
        [BufferP, c_void_p, c_char_p, c_size_t, c_uint, ErrorP],
    ),
    "pricing_catalog_diff": (
        c_int,
        [BufferP, c_void_p, c_void_p, c_uint, ErrorP],
    ),
    "pricing_catalog_diff_requests": (
        c_int,
        [BufferP, c_void_p, c_void_p, c_char_p, c_size_t, c_uint, ErrorP],
    ),
}


def _candidates() -> List[Tuple[str, str]]:
    """(where, what to pass to CDLL) in search order, without
    $PRICING_LIBRARY."""
    out: List[Tuple[str, str]] = []
    here = os.path.dirname(os.path.abspath(__file__))
    python_dir = os.path.dirname(here)
    bindings_dir = os.path.dirname(python_dir)
    if os.path.basename(python_dir) == "python" and \
            os.path.basename(bindings_dir) == "bindings":
        top = os.path.dirname(bindings_dir)
        out.append(("build tree",
                    os.path.join(top, ".libs", "libpricing.so")))
    else:
        out.append(("build tree", ""))
    recorded = os.path.join(here, "_libdir.txt")
    try:
        with open(recorded, encoding="utf-8") as f:
            libdir = f.read().strip()
        if libdir:
            out.append(("make install libdir", os.path.join(libdir, SONAME)))
    except OSError:
        pass
    found = ctypes.util.find_library("pricing")
    out.append(('ctypes.util.find_library("pricing")', found or ""))
    out.append(("soname", SONAME))
    return out


def _try(name: str) -> Tuple[Optional[ctypes.CDLL], str]:
    """(the library, "") or (None, why it did not load)."""
    if os.sep in name and not os.path.exists(name):
        return None, "no such file"
    try:
        return ctypes.CDLL(name), ""
    except OSError as e:
        return None, str(e)


def _load() -> Tuple[ctypes.CDLL, str]:
    """$PRICING_LIBRARY or the first candidate that loads, or one
    ImportError saying why not."""
    env = os.environ.get("PRICING_LIBRARY")
    if env:
        cdll, why = _try(env)
        if cdll is None:
            raise ImportError(
                f"pricing: cannot load $PRICING_LIBRARY={env}: {why}\n"
                f"Set PRICING_LIBRARY to the path of libpricing.so, or "
                f"unset it to look in the build tree and the installed "
                f"places.", name="pricing._lib", path=env)
        return cdll, env
    tried = ["  $PRICING_LIBRARY: not set"]
    for where, name in _candidates():
        if not name:
            tried.append(f"  {where}: " + (
                "not imported from <top>/bindings/python"
                if where == "build tree" else "nothing found"))
            continue
        cdll, why = _try(name)
        if cdll is not None:
            return cdll, name
        tried.append(f"  {where}: {name}: {why}")
    raise ImportError(
        "pricing: cannot load libpricing; looked in:\n" + "\n".join(tried)
        + "\nBuild it (make) or install it, or set PRICING_LIBRARY to the "
        "path of libpricing.so.",
        name="pricing._lib",
    )


def _declare(cdll: ctypes.CDLL, path: str) -> None:
    """Sets restype and argtypes of every function used; ImportError if one is missing."""
    missing = []
    for name, (restype, argtypes) in _FUNCTIONS.items():
        try:
            fn = getattr(cdll, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.restype = restype
        fn.argtypes = argtypes
    if missing:
        raise ImportError(
            f"pricing: {path} lacks {', '.join(missing)}: not a libpricing "
            f"this binding ({'.'.join(map(str, BINDING_VERSION))}) can use",
            name="pricing._lib",
        )


def check_version(hex_version: int, where: str = "libpricing") -> None:
    """Raises ImportError unless ``hex_version`` (PRICING_VERSION_HEX) is
    compatible with :data:`BINDING_VERSION`: the same major version, and for
    major 0 the same minor version, and not older than the binding."""
    major = (hex_version >> 16) & 0xFF
    minor = (hex_version >> 8) & 0xFF
    micro = hex_version & 0xFF
    want = BINDING_VERSION
    ok = major == want[0] and (major > 0 or minor == want[1]) \
        and (major, minor, micro) >= want
    if not ok:
        raise ImportError(
            f"pricing: {where} is version {major}.{minor}.{micro}, but this "
            f"binding was written for {want[0]}.{want[1]}.x "
            f"(at least {'.'.join(map(str, want))})",
            name="pricing._lib",
        )


lib, library_path = _load()
_declare(lib, library_path)


def runtime_version() -> Tuple[int, int, int]:
    """The (major, minor, micro) of the loaded library."""
    v = int(lib.pricing_version_hex())
    return ((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF)


check_version(int(lib.pricing_version_hex()), library_path)
if not (lib.pricing_format_version() or b"").startswith(b"1."):
    raise ImportError(
        f"pricing: {library_path} implements format "
        f"{lib.pricing_format_version()!r}, this binding speaks 1.x",
        name="pricing._lib",
    )

lib.pricing_error_size.argtypes = []
lib.pricing_error_size.restype = c_size_t
if ctypes.sizeof(Error) != lib.pricing_error_size():
    # The mirror of struct pricing_error must match the library's.
    raise ImportError("pricing: pricing_error is %d bytes in the library, "
                      "%d in this binding" % (lib.pricing_error_size(),
                                              ctypes.sizeof(Error)),
                      name="pricing._lib")


def declare(functions: Dict[str, Tuple[Any, List[Any]]], need: str,
            module: str, errcheck: Optional[Any] = None) -> None:
    """Gives each of functions (name: (restype, argtypes)) its types, and
    errcheck to those returning a status (c_int), or raises ImportError
    naming what is missing and why it is needed."""
    missing = [n for n in functions if not hasattr(lib, n)]
    if missing:
        raise ImportError(
            f"pricing: {library_path} lacks {', '.join(missing)}: {need}",
            name=module)
    for name, (restype, argtypes) in functions.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
        if errcheck is not None and restype is c_int:
            fn.errcheck = errcheck


def take(buf: Buffer) -> bytes:
    """Copies the contents of buf (the library keeps ownership)."""
    if not buf.data or not buf.size:
        return b""
    return ctypes.string_at(buf.data, buf.size)


def code_name(code: int) -> str:
    """pricing_code_name(code) as str ("unknown" for unknown values)."""
    return (lib.pricing_code_name(code) or b"unknown").decode("ascii")


def code_names() -> List[str]:
    """Every code's name, indexed by its value (0 is "ok"), read from the
    library until it answers "unknown"."""
    names: List[str] = []
    while True:
        name = code_name(len(names))
        if name == "unknown" or len(names) > 4096:
            return names
        names.append(name)


def make_error(code: int, message: bytes, path: bytes = b"",
               line: int = 0, column: int = 0, position: int = 0) -> Error:
    """A pricing_error filled as the C code would (strings cut to fit)."""
    err = Error()
    err.code = code
    err.line = line
    err.column = column
    err.position = position
    err.path = path[:ERROR_PATH_SIZE - 1]
    err.message = message[:ERROR_MESSAGE_SIZE - 1]
    return err


def error_json(err: Error, flags: int = 0) -> bytes:
    """pricing_error_write_json(err) as bytes."""
    buf = Buffer()
    try:
        rc = lib.pricing_error_write_json(ctypes.byref(buf), err, flags)
        if rc != 0:
            raise MemoryError("pricing: cannot write the error object")
        return take(buf)
    finally:
        lib.pricing_buffer_dispose(ctypes.byref(buf))


def error_text(err: Error, source: Optional[bytes] = None) -> bytes:
    """pricing_error_write_text(err, source): the one printable line
    "[SOURCE[:LINE:COLUMN]: ]CODE[ at PATH]: MESSAGE" as bytes."""
    buf = Buffer()
    try:
        rc = lib.pricing_error_write_text(ctypes.byref(buf), err, source)
        if rc != 0:
            raise MemoryError("pricing: cannot write the error line")
        return take(buf)
    finally:
        lib.pricing_buffer_dispose(ctypes.byref(buf))


def optional_text(value: Optional[bytes]) -> Optional[str]:
    """A borrowed C string (bytes or None) as str or None."""
    return None if value is None else value.decode("utf-8", "replace")
