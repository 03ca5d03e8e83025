# SPDX-License-Identifier: MIT
"""Many requests per crossing into C: :meth:`Catalog.quote_jsonl` (JSON
Lines in, the bytes ``pricing batch`` writes out) and
:meth:`Catalog.quote_many` (an iterable of requests in, a list of quotes and
errors out). Both hand the library a chunk of thousands of lines at a time
(``pricing_quote_jsonl``), so the cost of a ctypes call, the catalog's lock
and a buffer copy is paid per chunk, not per request."""

from __future__ import annotations

from ctypes import byref, c_size_t
from typing import TYPE_CHECKING, Iterable, Iterator, List, Tuple, Union

from . import _encode, _lib, errors
from ._results import Quote

if TYPE_CHECKING:
    from ._api import Catalog

__all__ = ["CHUNK_BYTES", "Result", "Text", "answers", "quote_jsonl",
           "quote_many"]

_c = _lib.lib

#: How much request text one crossing takes at most (whole lines; a longer
#: line goes alone). About a thousand typical requests: the per-call cost
#: is then a small fraction of the pricing.
CHUNK_BYTES = 64 * 1024

#: What quote_jsonl accepts: JSON Lines text.
Text = Union[str, bytes, bytearray, memoryview]
#: One answer of quote_many: the quote, or the error its request got.
Result = Union[Quote, errors.PricingError]

_ERROR_PREFIX = b'{"error":'


def _text(data: Text) -> bytes:
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        return _encode.to_bytes(data, "requests")
    raise TypeError("quote_jsonl takes JSON Lines text (str or bytes); "
                    "use quote_many for an iterable of requests")


def _check_first_line(first_line: int) -> None:
    if isinstance(first_line, bool) or not isinstance(first_line, int):
        raise TypeError("first_line must be an int")
    if not 1 <= first_line < 1 << 64:
        raise errors.make("invalid_argument",
                          "first_line is a line number, from 1")


def _cut(data: bytes, start: int, chunk_bytes: int) -> int:
    """The end of the chunk from start: just after the last '\\n' within
    chunk_bytes (or after the first line when it is longer), or the end."""
    limit = start + chunk_bytes
    if limit >= len(data):
        return len(data)
    nl = data.rfind(b"\n", start, limit)
    if nl < 0:
        nl = data.find(b"\n", limit)
    return len(data) if nl < 0 else nl + 1


def _call(catalog: "Catalog", buf: _lib.Buffer, data: bytes,
          first_line: int) -> Tuple[bytes, int]:
    """One crossing: (the answers of data's lines, how many lines)."""
    done = c_size_t()
    ptr = catalog._handle.acquire()
    try:
        st = catalog._state()
        buf.size = 0
        _c.pricing_quote_jsonl(byref(buf), byref(done), None, ptr, data,
                               len(data), first_line, st.quote, 0,
                               _lib.Error())
        return _lib.take(buf), done.value
    finally:
        catalog._handle.release()


def answers(catalog: "Catalog", data: Text, first_line: int = 1,
            chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes]:
    """The answers of data's lines, one bytes object per chunk; their
    concatenation is quote_jsonl's result."""
    text = _text(data)
    _check_first_line(first_line)
    if chunk_bytes < 1:
        raise ValueError("chunk_bytes must be positive")
    buf = _lib.Buffer()
    try:
        start = 0
        while start < len(text):
            end = _cut(text, start, chunk_bytes)
            out, done = _call(catalog, buf, text[start:end], first_line)
            first_line += done
            start = end
            yield out
    finally:
        _c.pricing_buffer_dispose(byref(buf))


def quote_jsonl(catalog: "Catalog", data: Text, first_line: int = 1,
                chunk_bytes: int = CHUNK_BYTES) -> bytes:
    """See :meth:`Catalog.quote_jsonl`."""
    return b"".join(answers(catalog, data, first_line, chunk_bytes))


def _request_bytes(item: _encode.Document) -> Union[bytes,
                                                   errors.PricingError]:
    """The request's text, or the PricingError of a dict past a limit."""
    try:
        return _encode.to_bytes(item, "request")
    except errors.PricingError as e:
        return e


def _alone(catalog: "Catalog", data: bytes) -> Result:
    """What catalog.quote(data) returns or raises, as a value."""
    try:
        return Quote(catalog._quote_bytes(data).decode("utf-8"))
    except errors.PricingError as e:
        return e


def _flush(catalog: "Catalog", buf: _lib.Buffer, lines: List[bytes],
           results: List[Result]) -> None:
    """Prices the pending lines in one crossing and appends their results.
    A rejected line is priced again alone, so its exception is exactly the
    one Catalog.quote raises (position and raw text included); rejections
    are the exception, so this costs little."""
    if not lines:
        return
    # Each line ends with "\n", so an empty last request is a line too.
    out, done = _call(catalog, buf, b"\n".join(lines) + b"\n", 1)
    assert done == len(lines)
    for line, answer in zip(lines, out.split(b"\n")):
        if answer.startswith(_ERROR_PREFIX):
            results.append(_alone(catalog, line))
        else:
            results.append(Quote(answer.decode("utf-8")))
    lines.clear()


def quote_many(catalog: "Catalog", requests: Iterable[_encode.Document],
               chunk_bytes: int = CHUNK_BYTES) -> List[Result]:
    """See :meth:`Catalog.quote_many`."""
    if isinstance(requests, (str, bytes, bytearray, memoryview)):
        raise TypeError("quote_many takes an iterable of requests; use "
                        "quote_jsonl for JSON Lines text")
    results: List[Result] = []
    lines: List[bytes] = []
    size = 0
    buf = _lib.Buffer()
    try:
        for item in requests:
            data = _request_bytes(item)
            if isinstance(data, bytes) and b"\n" not in data and \
                    len(data) <= _lib.MAX_REQUEST_BYTES:
                lines.append(data)
                size += len(data) + 1
                if size >= chunk_bytes:
                    _flush(catalog, buf, lines, results)
                    size = 0
                continue
            # Not a line of JSON Lines: answered alone, in its place.
            _flush(catalog, buf, lines, results)
            size = 0
            results.append(data if isinstance(data, errors.PricingError)
                           else _alone(catalog, data))
        _flush(catalog, buf, lines, results)
    finally:
        _c.pricing_buffer_dispose(byref(buf))
    return results
