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
- the text is written under the library's budget for the document (the
  size limit of a request, or of a catalog or envelope, and the nesting
  depth), and the writer stops as soon as one is passed: a structure that
  would expand to gigabytes (``x = [x, x]`` sixty times) or refers to
  itself costs at most the limit, never its full text.

What the writer stops on, and what the caller then sees:

- past the size limit: :class:`~pricing.errors.LimitExceededError` at path
  ``""`` ("input too large: the limit is N bytes"), raised here;
- a container that would open nesting level ``MAX_DEPTH + 1``, or an
  ``int`` whose JSON token is longer than ``MAX_NUMBER_CHARS`` (which is
  never converted to text: Python refuses past 4300 digits): the text
  written so far, ending with that bracket or with a token of the same
  length, is what the library reads. It rejects it with the error it gives
  for the whole text (code, path and message), since its strict pass stops
  at the first limit passed. The one difference: the library checks the
  size of a whole text before anything else, the writer only when it gets
  there, so a document that passes both the size and an earlier limit
  gets the earlier one.

JSON text given as ``str`` is encoded to UTF-8 with ``surrogatepass``: a lone
surrogate becomes bytes that are not UTF-8, which the library rejects as
``json_syntax`` with the line and column. ``bytes`` are passed unchanged.
"""

from __future__ import annotations

import json.encoder
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Callable, List, Tuple, Union

from . import _lib
from . import errors

__all__ = ["Document", "LIMITS", "dumps", "to_bytes"]

#: What the API accepts as a JSON document.
Document = Union[str, bytes, bytearray, memoryview, Mapping, list]

#: A str as a JSON string (quotes and escapes; non-ASCII kept): the C
#: accelerator when there is one.
_encode_str: Callable[[str], str] = (
    getattr(json.encoder, "c_encode_basestring", None)
    or json.encoder.py_encode_basestring)


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


#: The largest int written as itself: its token has at most
#: MAX_NUMBER_CHARS characters (one of them the sign when negative).
_INT_MAX = 10 ** _lib.MAX_NUMBER_CHARS - 1
_INT_MIN = -(10 ** (_lib.MAX_NUMBER_CHARS - 1) - 1)
_LOG10_2 = math.log10(2)
#: ints strictly between -_SMALL and _SMALL take value()'s short path.
_SMALL = 10 ** 18


def _fewest_digits(n: int) -> int:
    """A lower bound of the number of decimal digits of n > 0, from its
    bit length alone (one below the true count at most)."""
    return int((n.bit_length() - 1) * _LOG10_2)


def _digits(n: int) -> int:
    """The number of decimal digits of n > 0, without writing it out: a
    logarithm from the top 64 bits, settled by one comparison with a power
    of ten only when it is that close to one."""
    shift = max(n.bit_length() - 64, 0)
    log = math.log10(n >> shift) + shift * _LOG10_2
    near = round(log)
    if abs(log - near) > 1e-6:
        return math.floor(log) + 1
    return near + 1 if n >= 10 ** near else near


class _Stop(Exception):
    """The writer has written the token at which the library stops."""


class _Writer:
    """Writes the JSON text of a value under a size budget of ``limit``
    bytes (see the module's notes). ``size`` counts the UTF-8 bytes of the
    text so far; it is checked at every scalar and every opening bracket,
    so the punctuation between two checks is a few bytes at most."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.out: List[str] = []
        self.parts: List[str] = []

    def where(self) -> str:
        return _pointer(self.parts) or "the top"

    def too_large(self) -> errors.PricingError:
        return errors.make("limit_exceeded",
                           f"input too large: the limit is {self.limit} "
                           f"bytes")

    def put(self, text: str, n: int) -> None:
        """Appends text, n bytes of UTF-8, if they fit."""
        self.size += n
        if self.size > self.limit:
            raise self.too_large()
        self.out.append(text)

    def text(self) -> bytes:
        return "".join(self.out).encode("utf-8")

    def string(self, s: str) -> None:
        # Every character is at least one byte: a string longer than the
        # room left is refused before it is encoded.
        if len(s) + 2 > self.limit - self.size:
            raise self.too_large()
        piece = _encode_str(s)
        if piece.isascii():
            self.put(piece, len(piece))
            return
        try:
            self.put(piece, len(piece.encode("utf-8")))
        except UnicodeEncodeError:
            raise errors.make(
                "invalid_value", "strings may not contain a lone surrogate "
                "(U+D800 to U+DFFF)", _pointer(self.parts)) from None

    def integer(self, n: int) -> None:
        if _INT_MIN <= n <= _INT_MAX:
            text = int.__repr__(n)
            self.put(text, len(text))
            return
        # Too long for the library: a token of the same length stands in
        # for it, and the library reports "number too long" at its path.
        sign = 1 if n < 0 else 0
        if _fewest_digits(abs(n)) + sign > self.limit - self.size:
            raise self.too_large()
        chars = _digits(abs(n)) + sign
        self.put("-" * sign + "1" * (chars - sign), chars)
        raise _Stop

    def value(self, obj: Any, depth: int) -> None:
        """Writes obj (at nesting level depth, 1 for the document)."""
        # The order of the tests matters: bool is an int, and float is
        # refused before anything else can turn it into text. ASCII strings
        # and ints of a few digits, most of any request, are written here
        # without further calls.
        cls = type(obj)
        if cls is str and obj.isascii() and \
                len(obj) + 2 <= self.limit - self.size:
            text = _encode_str(obj)
        elif cls is int and -_SMALL < obj < _SMALL:
            text = int.__repr__(obj)
        elif cls is dict:
            self.mapping(obj, depth)
            return
        elif cls is list:
            self.array(obj, depth)
            return
        elif obj is None:
            text = "null"
        elif obj is True:
            text = "true"
        elif obj is False:
            text = "false"
        else:
            self.other(obj, depth)
            return
        self.size += len(text)
        if self.size > self.limit:
            raise self.too_large()
        self.out.append(text)

    def other(self, obj: Any, depth: int) -> None:
        """Writes what value() does not write itself."""
        if isinstance(obj, str):
            self.string(obj)
        elif isinstance(obj, float):
            raise TypeError(
                f"pricing: a float ({obj!r}) at {self.where()} cannot be "
                f"priced exactly: write amounts as str or decimal.Decimal "
                f"(e.g. \"19.99\") and quantities as int")
        elif isinstance(obj, int):
            self.integer(obj)
        elif isinstance(obj, Decimal):
            self.string(decimal_text(obj))
        elif isinstance(obj, Mapping):
            self.mapping(obj, depth)
        elif isinstance(obj, (list, tuple)):
            self.array(obj, depth)
        else:
            raise TypeError(
                f"pricing: cannot write {type(obj).__name__} as JSON (at "
                f"{self.where()}); use str, int, bool, None, "
                f"decimal.Decimal, dict or list")

    def open(self, bracket: str, depth: int) -> None:
        self.put(bracket, 1)
        if depth > _lib.MAX_DEPTH:
            raise _Stop  # the library stops at this bracket

    def mapping(self, obj: "Mapping[Any, Any]", depth: int) -> None:
        self.open("{", depth)
        out, parts = self.out, self.parts
        first = True
        for key, value in obj.items():
            if not isinstance(key, str):
                raise TypeError(
                    f"pricing: object keys must be str, not "
                    f"{type(key).__name__} ({key!r}) at {self.where()}")
            parts.append(key)
            if key.isascii() and len(key) + 4 <= self.limit - self.size:
                # value()'s short path, for the key with its "," and ":"
                text = _encode_str(key)
                self.size += len(text) + (1 if first else 2)
                out.append(text + ":" if first else "," + text + ":")
            else:
                if not first:
                    self.put(",", 1)
                self.string(key)
                self.put(":", 1)
            first = False
            self.value(value, depth + 1)
            parts.pop()
        self.put("}", 1)

    def array(self, obj: "Union[List[Any], Tuple[Any, ...]]",
              depth: int) -> None:
        self.open("[", depth)
        out, parts = self.out, self.parts
        for i, value in enumerate(obj):
            if i:
                out.append(",")
                self.size += 1
            parts.append(str(i))
            self.value(value, depth + 1)
            parts.pop()
        self.put("]", 1)


def dumps(obj: Any, limit: int = _lib.MAX_CATALOG_BYTES) -> bytes:
    """obj as compact UTF-8 JSON under the rules of this module, with a
    budget of ``limit`` bytes (the text the library must judge when the
    writer stopped at a limit)."""
    w = _Writer(limit)
    try:
        w.value(obj, 1)
    except _Stop:
        pass
    return w.text()


#: The size limit of each kind of document :func:`to_bytes` writes.
LIMITS = {
    "request": _lib.MAX_REQUEST_BYTES,
    "catalog": _lib.MAX_CATALOG_BYTES,
    "envelope": _lib.MAX_CATALOG_BYTES,
}


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
        return dumps(document, LIMITS.get(what, _lib.MAX_CATALOG_BYTES))
    raise TypeError(
        f"pricing: the {what} must be JSON text (str or bytes) or a dict, "
        f"not {type(document).__name__}")

