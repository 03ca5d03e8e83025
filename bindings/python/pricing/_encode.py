# SPDX-License-Identifier: MIT
"""Turning what the caller passed (JSON text, bytes or Python values) into
the UTF-8 bytes the library reads.

Python values are written as JSON by :func:`dumps`, which is strict where
``json.dumps`` is lenient, so that no value is silently changed:

- a ``float`` anywhere (even ``1.0``) raises :class:`TypeError`: a binary
  float cannot hold ``19.99``; write amounts as ``str`` or
  :class:`decimal.Decimal` and quantities as ``int``;
- a :class:`decimal.Decimal` is written as a JSON string of its exact value in
  plain notation (``Decimal("1E+2")`` as ``"100"``); the library then checks it
  like any amount (``NaN`` or a negative one is ``invalid_amount``);
- ``bool``, ``int``, ``str``, ``None``, mappings with ``str`` keys, lists and
  tuples are written as themselves; anything else is :class:`TypeError`;
- a ``str`` holding a lone surrogate (which has no UTF-8 form) raises
  :class:`~pricing.errors.InvalidValueError` at its JSON Pointer; a NUL is
  written as ``\\u0000`` and reported by the library as ``invalid_value``;
- containers nested deeper than the library's limit are cut just below it,
  so the library reports ``limit_exceeded`` at the right path (and a
  self-referencing structure cannot recurse forever).

JSON text given as ``str`` is encoded to UTF-8 with ``surrogatepass``: a lone
surrogate becomes bytes that are not UTF-8, which the library rejects as
``json_syntax`` with the line and column. ``bytes`` are passed unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, List, Union

from . import _lib
from . import errors

__all__ = ["Document", "dumps", "to_bytes"]

#: What the API accepts as a JSON document.
Document = Union[str, bytes, bytearray, memoryview, Mapping, list]

try:  # the C accelerator when available
    from _json import encode_basestring as _encode_str  # type: ignore
except ImportError:  # pragma: no cover
    from json.encoder import py_encode_basestring as _encode_str  # type: ignore


def _pointer(parts: List[str]) -> str:
    """The JSON Pointer (RFC 6901) of a list of member names."""
    return "".join("/" + p.replace("~", "~0").replace("/", "~1")
                   for p in parts)


def decimal_text(d: Decimal) -> str:
    """The exact value of d in plain notation ("100", "0.000000100");
    NaN and infinities as Python spells them."""
    if d.is_finite():
        exp = d.as_tuple().exponent
        if isinstance(exp, int) and -100 <= exp and d.adjusted() <= 100:
            return format(d, "f")
    return str(d)


def _emit(obj: Any, out: List[str], parts: List[str], depth: int) -> None:
    """Appends the JSON text of obj to out (parts: its path; depth: its nesting level)."""
    # The order of the tests matters: bool is an int, and float is refused
    # before anything else can turn it into text.
    if obj is None:
        out.append("null")
    elif obj is True:
        out.append("true")
    elif obj is False:
        out.append("false")
    elif isinstance(obj, str):
        out.append(_encode_str(obj))
    elif isinstance(obj, float):
        raise TypeError(
            f"pricing: a float ({obj!r}) at {_pointer(parts) or 'the top'} "
            f"cannot be priced exactly: write amounts as str or "
            f"decimal.Decimal (e.g. \"19.99\") and quantities as int")
    elif isinstance(obj, int):
        out.append(int.__repr__(obj))
    elif isinstance(obj, Decimal):
        out.append(_encode_str(decimal_text(obj)))
    elif isinstance(obj, Mapping):
        if depth >= _lib.MAX_DEPTH + 1:
            out.append("{}")  # the library rejects this level already
            return
        out.append("{")
        first = True
        for key, value in obj.items():
            if not isinstance(key, str):
                raise TypeError(
                    f"pricing: object keys must be str, not "
                    f"{type(key).__name__} ({key!r}) at "
                    f"{_pointer(parts) or 'the top'}")
            if not first:
                out.append(",")
            first = False
            parts.append(key)
            out.append(_encode_str(key))
            out.append(":")
            _emit(value, out, parts, depth + 1)
            parts.pop()
        out.append("}")
    elif isinstance(obj, (list, tuple)):
        if depth >= _lib.MAX_DEPTH + 1:
            out.append("[]")
            return
        out.append("[")
        for i, value in enumerate(obj):
            if i:
                out.append(",")
            parts.append(str(i))
            _emit(value, out, parts, depth + 1)
            parts.pop()
        out.append("]")
    else:
        raise TypeError(
            f"pricing: cannot write {type(obj).__name__} as JSON (at "
            f"{_pointer(parts) or 'the top'}); use str, int, bool, None, "
            f"decimal.Decimal, dict or list")


def _find_surrogate(obj: Any, parts: List[str], depth: int) -> None:
    """Raises InvalidValueError at the first str (key or value) that has no
    UTF-8 form."""
    def bad(s: str) -> bool:
        try:
            s.encode("utf-8")
            return False
        except UnicodeEncodeError:
            return True

    if isinstance(obj, str):
        if bad(obj):
            raise errors.make(
                "invalid_value",
                "strings may not contain a lone surrogate "
                "(U+D800 to U+DFFF)", _pointer(parts))
    elif isinstance(obj, Mapping) and depth <= _lib.MAX_DEPTH:
        for key, value in obj.items():
            parts.append(key)
            if bad(key):
                raise errors.make(
                    "invalid_value",
                    "keys may not contain a lone surrogate "
                    "(U+D800 to U+DFFF)", _pointer(parts))
            _find_surrogate(value, parts, depth + 1)
            parts.pop()
    elif isinstance(obj, (list, tuple)) and depth <= _lib.MAX_DEPTH:
        for i, value in enumerate(obj):
            parts.append(str(i))
            _find_surrogate(value, parts, depth + 1)
            parts.pop()


def dumps(obj: Any) -> bytes:
    """obj as compact UTF-8 JSON, under the rules of this module."""
    out: List[str] = []
    _emit(obj, out, [], 1)
    text = "".join(out)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        _find_surrogate(obj, [], 1)
        raise  # pragma: no cover - _find_surrogate raises first


def to_bytes(document: Any, what: str = "document") -> bytes:
    """The bytes of a document given as JSON text (str or bytes-like) or
    as Python values (a dict or list)."""
    if isinstance(document, bytes):
        return document
    if isinstance(document, (bytearray, memoryview)):
        return bytes(document)
    if isinstance(document, str):
        return document.encode("utf-8", "surrogatepass")
    if isinstance(document, (Mapping, list, tuple)):
        return dumps(document)
    raise TypeError(
        f"pricing: the {what} must be JSON text (str or bytes) or a dict, "
        f"not {type(document).__name__}")

