# SPDX-License-Identifier: MIT
"""Catalog and quote_envelope: the Python face of libpricing. The values
they return are in :mod:`pricing._results`, the library objects they own in
:mod:`pricing._handle`."""

from __future__ import annotations

import json
import os
import threading
import weakref
from ctypes import byref, c_void_p
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union, cast

from . import _batch, _encode, _info, _lib, errors
from ._handle import Handle, ThreadState
from ._results import AfterTrial, Line, Quote, Summary, Version, _date

__all__ = [
    "Catalog",
    "Quote",
    "Line",
    "AfterTrial",
    "Summary",
    "Version",
    "quote_envelope",
    "PathLike",
]

_c = _lib.lib
PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]


def _fsencode(path: PathLike) -> bytes:
    """A file name as bytes for the C library (no NUL, encodable)."""
    try:
        name = os.fsencode(path)
    except UnicodeEncodeError:
        raise errors.make("invalid_argument",
                          "the file name cannot be encoded") from None
    if b"\0" in name:
        raise errors.make("invalid_argument",
                          "the file name contains a NUL byte")
    return name


class Catalog:
    """A loaded, validated catalog: immutable, and safe to quote from any
    number of threads at once.

    Create one with :meth:`load` or :meth:`from_json`; release it with
    :meth:`close` or a ``with`` block (a catalog never closed is freed when
    it is garbage-collected, or at interpreter exit).
    """

    __slots__ = ("_handle", "_finalizer", "_local", "_id", "_version",
                 "_currency", "_minor_units", "_spec_count", "_sku_count",
                 "_currencies", "_versions", "__weakref__")
    _handle: Handle
    _finalizer: "weakref.finalize"
    _local: threading.local
    _id: str
    _version: Optional[str]
    _currency: str
    _minor_units: int
    _spec_count: int
    _sku_count: int
    _currencies: Tuple[str, ...]
    _versions: Tuple[Version, ...]

    def __init__(self) -> None:
        raise TypeError("use Catalog.load(path) or Catalog.from_json(doc)")

    @classmethod
    def _wrap(cls, ptr: int) -> "Catalog":
        self = object.__new__(cls)
        self._handle = Handle(ptr)
        self._finalizer = weakref.finalize(self, self._handle.close)
        self._local = threading.local()
        self._id = _lib.optional_text(_c.pricing_catalog_id(ptr)) or ""
        self._version = _lib.optional_text(_c.pricing_catalog_version(ptr))
        self._currency = _lib.optional_text(
            _c.pricing_catalog_currency(ptr)) or ""
        self._minor_units = int(_c.pricing_catalog_minor_units(ptr))
        self._spec_count = int(_c.pricing_catalog_spec_count(ptr))
        self._sku_count = int(_c.pricing_catalog_sku_count(ptr))
        self._currencies = _currencies(ptr)
        self._versions = _versions(ptr)
        return self

    @classmethod
    def load(cls, path: PathLike) -> "Catalog":
        """Loads and validates the catalog file at ``path`` (str, bytes or
        os.PathLike). Raises PricingIOError when it cannot be read (also
        the OSError of its errno, e.g. FileNotFoundError, with
        ``filename``), or the PricingError of the first problem in it."""
        name = _fsencode(path)
        err = _lib.Error()
        out = c_void_p()
        try:
            _c.pricing_catalog_load_file(byref(out), name, err)
        except errors.PricingIOError as e:
            raise errors.io_error_of_file(e, name, os.fspath(path)) from None
        return cls._wrap(out.value)  # type: ignore[arg-type]

    @classmethod
    def from_json(cls, document: _encode.Document) -> "Catalog":
        """Loads and validates a catalog given as JSON text (str or bytes)
        or as a dict. A float anywhere in a dict is a TypeError: write
        amounts as str or decimal.Decimal."""
        data = _encode.to_bytes(document, "catalog")
        err = _lib.Error()
        out = c_void_p()
        _c.pricing_catalog_load(byref(out), data, len(data), err)
        return cls._wrap(out.value)  # type: ignore[arg-type]

    # -- lifetime

    def close(self) -> None:
        """Releases the catalog (idempotent). Quotes already returned stay
        valid; new calls raise InvalidArgumentError. A call running in
        another thread finishes first."""
        self._finalizer()

    @property
    def closed(self) -> bool:
        """True once close() was called."""
        return self._handle.closed

    def __enter__(self) -> "Catalog":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        state = " closed" if self.closed else ""
        return (f"<pricing.Catalog {self._id!r} {self._version!r} "
                f"{self._currency}{state}>")

    # -- metadata (copied at load: the catalog is immutable)

    @property
    def id(self) -> str:
        """The catalog's id (its "catalog" member)."""
        return self._id

    @property
    def version(self) -> Optional[str]:
        """The catalog's version, None when it has none."""
        return self._version

    @property
    def currency(self) -> str:
        """The ISO 4217 code of every amount."""
        return self._currency

    @property
    def minor_units(self) -> int:
        """The currency's decimals."""
        return self._minor_units

    @property
    def currencies(self) -> Tuple[str, ...]:
        """The currencies the (newest) version sells, the default first: a
        request's ``currency`` picks one (contract 1.2)."""
        return self._currencies

    @property
    def versions(self) -> Tuple[Version, ...]:
        """The versions of a catalog history, oldest first; a plain catalog
        is one version. A request's ``date`` (and ``bought``) picks one."""
        return self._versions

    @property
    def spec_count(self) -> int:
        """The number of specs."""
        return self._spec_count

    @property
    def sku_count(self) -> int:
        """The number of SKUs over all specs."""
        return self._sku_count

    # -- introspection (pricing/_info.py)

    @property
    def specs(self) -> Tuple[_info.Spec, ...]:
        """The specs, read-only: ids, plans, counts, trial days, attributes,
        and per SKU its availability and price list."""
        return _info.specs_of(self)

    @property
    def warnings(self) -> Tuple[_info.CatalogWarning, ...]:
        """What the catalog's author probably did not mean (a currency one
        edit away from an ISO 4217 code, ...); never errors."""
        return _info.warnings_of(self)

    def lint(self, rules: Optional[str] = None
             ) -> Tuple[_info.CatalogWarning, ...]:
        """What ``pricing lint`` reports: warnings about prices a seller
        probably did not mean (``code``, ``path``, ``message``; the codes
        are in docs/seller-tools.md), over every version and currency.
        With ``rules`` (e.g. ``"koogallery"``) those release rules are
        checked first and the first one broken is raised as a
        PricingError; without, they are warnings."""
        from . import _lint
        return _lint.lint_of(self, rules)

    # -- calls

    def _state(self) -> ThreadState:
        st = getattr(self._local, "state", None)
        if st is None:
            st = ThreadState()
            self._handle.register(st)
            self._local.state = st
        return st

    def _quote_bytes(self, data: bytes, flags: int = 0) -> bytes:
        """The quote JSON of request bytes (raises PricingError)."""
        ptr = self._handle.acquire()
        try:
            st = self._state()
            _c.pricing_error_init(st.err)
            _c.pricing_quote_json(st.bufp, ptr, data, len(data), st.quote,
                                  flags, st.err)
            return _lib.take(st.buf)
        finally:
            self._handle.release()

    def _summary_bytes(self, rules: Optional[str], flags: int = 0) -> bytes:
        if rules is not None:
            if not isinstance(rules, str):
                raise TypeError("rules must be a str such as 'koogallery'")
            if "\0" in rules:
                raise errors.make("invalid_argument",
                                  "the rule set name contains a NUL")
            rules_b = rules.encode("utf-8", "surrogatepass")
        ptr = self._handle.acquire()
        buf = _lib.Buffer()
        try:
            err = _lib.Error()
            if rules is not None:
                _c.pricing_catalog_check_rules(ptr, rules_b, err)
            _c.pricing_catalog_write_summary(byref(buf), ptr, flags, err)
            return _lib.take(buf)
        finally:
            _c.pricing_buffer_dispose(byref(buf))
            self._handle.release()

    def validate(self, rules: Optional[str] = None) -> Summary:
        """What ``pricing validate`` reports. A loaded catalog is valid;
        with ``rules`` (e.g. ``"koogallery"``) it is also checked against
        that marketplace's release rules, and the first rule it breaks is
        raised as a PricingError (an unknown rule set is
        InvalidArgumentError)."""
        return Summary(self._summary_bytes(rules).decode("utf-8"))

    def quote(self, request: _encode.Document) -> Quote:
        """Prices ``request``: a dict, or JSON text (str or bytes). Raises a
        PricingError subclass when the request is rejected, TypeError for a
        float (or another value JSON cannot hold exactly) in a dict."""
        data = _encode.to_bytes(request, "request")
        return Quote(self._quote_bytes(data).decode("utf-8"))

    def quote_json(self, request: _encode.Document,
                   pretty: bool = False) -> str:
        """The quote's JSON text directly (as :attr:`Quote.json`, or the
        ``--pretty`` form); raises like :meth:`quote`."""
        data = _encode.to_bytes(request, "request")
        return self._quote_bytes(
            data, _lib.JSON_PRETTY if pretty else 0).decode("utf-8")

    # -- many requests per call into C (pricing/_batch.py)

    def quote_jsonl(self, data: _batch.Text, first_line: int = 1) -> bytes:
        """Prices JSON Lines text (str or bytes; one request a line) and
        returns exactly the bytes ``pricing batch`` writes for it: each
        quote or error object and a newline, error objects ending with
        ``"input_line"`` counted from ``first_line`` (pass a chunk's first
        line number when pricing a stream in chunks). A rejected line is
        an error object in the result, not an exception. Crosses into C
        once per 64 KiB of lines."""
        return _batch.quote_jsonl(self, data, first_line)

    def quote_many(self, requests: Iterable[_encode.Document]
                   ) -> List[Union[Quote, errors.PricingError]]:
        """Prices every request of an iterable (dicts or JSON texts) and
        returns, in order, for each one what :meth:`quote` would: its
        Quote, or the PricingError it would raise (returned, not raised;
        a float in a dict still raises TypeError). Crosses into C once per
        64 KiB of requests."""
        return _batch.quote_many(self, requests)


    # -- seller tools (docs/seller-tools.md)

    def _buffer_call(self, fn: Any, *args: Any,
                     version: Optional[str] = None) -> bytes:
        """fn(buf, catalog, *args, err) into a fresh buffer (raises
        PricingError); ``version`` picks a version of a history."""
        ptr = self._handle.acquire()
        buf = _lib.Buffer()
        try:
            fn(byref(buf), _version_ptr(ptr, version), *args, _lib.Error())
            return _lib.take(buf)
        finally:
            _c.pricing_buffer_dispose(byref(buf))
            self._handle.release()

    def to_json(self, pretty: bool = False) -> str:
        """The catalog as canonical JSON: every member it holds, amounts as
        written, in a fixed order (what ``pricing import`` writes)."""
        return self._buffer_call(_c.pricing_catalog_write_json,
                                 _lib.JSON_PRETTY if pretty else 0
                                 ).decode("utf-8")

    def _sheet_bytes(self, format: str = "csv",
                     spec: Union[None, str, bytes] = None,
                     template: bool = False, pretty: bool = False,
                     version: Optional[str] = None) -> bytes:
        if format not in ("csv", "json", "html"):
            raise errors.make("invalid_argument",
                              "format is \"csv\", \"json\" or \"html\"")
        spec_b = None
        if spec is not None:
            if not isinstance(spec, (str, bytes)):
                raise TypeError("spec must be a str")
            spec_b = spec if isinstance(spec, bytes) else \
                spec.encode("utf-8", "surrogatepass")
            if b"\0" in spec_b:
                raise errors.make("invalid_argument",
                                  "the spec id contains a NUL")
        flags = (_lib.SHEET_JSON if format == "json" else
                 _lib.SHEET_HTML if format == "html" else _lib.SHEET_CSV) \
            | (_lib.SHEET_TEMPLATE if template else 0) \
            | (_lib.JSON_PRETTY if pretty and format == "json" else 0)
        return self._buffer_call(_c.pricing_catalog_sheet, spec_b, flags,
                                 version=version)

    def sheet(self, format: str = "csv", spec: Optional[str] = None,
              template: bool = False, pretty: bool = False,
              version: Optional[str] = None) -> str:
        """The price sheet: one row per price of every SKU x plan, as RFC
        4180 CSV (``format="csv"``, CRLF line ends, a header row) or JSON
        (``"json"``; ``pretty`` indents it). ``spec`` keeps one spec's
        rows (unknown: RequestError unknown_spec); ``template`` leaves the
        prices empty for a seller to fill in. ``version`` names a version
        of a catalog history (default: the newest); with several
        currencies the sheet has a price and a flat column per currency.
        ``format="html"`` gives a self-contained web page: specs, plans,
        tier tables and charts, every catalog string escaped."""
        return self._sheet_bytes(format, spec, template, pretty, version
                                 ).decode("utf-8")

    def _chart_bytes(self, spec: Union[str, bytes],
                     attribute: Union[None, str, bytes] = None,
                     plan: Union[None, str, bytes] = None,
                     sku: Union[None, str, bytes, Dict[str, str]] = None,
                     version: Optional[str] = None) -> bytes:
        if isinstance(sku, dict):
            sku = ",".join(f"{k}={v}" for k, v in sku.items())
        args = [_id_arg(spec, "spec"), _opt_id_arg(attribute, "attribute"),
                _opt_id_arg(plan, "plan"), _opt_id_arg(sku, "sku")]
        return self._buffer_call(_c.pricing_catalog_chart, *args, 0,
                                 version=version)

    def chart(self, spec: str, attribute: Optional[str] = None,
              plan: Optional[str] = None,
              sku: Union[None, str, Dict[str, str]] = None,
              version: Optional[str] = None) -> str:
        """An SVG chart of spec ``spec``'s prices against quantity attribute
        ``attribute`` (default: the first) for ``plan`` (default: the
        first sold): the total and the price per unit, one series per
        available SKU, or only ``sku`` ({"edition": "pro"} or
        "edition=pro"). Tier boundaries are dashed, inversions circled,
        exact values in each point's <title>. ``version`` names a version
        of a history (charted in its default currency)."""
        return self._chart_bytes(spec, attribute, plan, sku, version
                                 ).decode("utf-8")

    def _import_bytes(self, csv: Union[str, bytes],
                      flags: int = 0, version: Optional[str] = None) -> bytes:
        if isinstance(csv, str):
            data = csv.encode("utf-8", "surrogatepass")
        elif isinstance(csv, (bytes, bytearray, memoryview)):
            data = bytes(csv)
        else:
            raise TypeError("the sheet must be CSV text (str or bytes)")
        ptr = self._handle.acquire()
        buf = _lib.Buffer()
        err = _lib.Error()
        try:
            rc = _c.pricing_catalog_import_sheet(
                byref(buf), _version_ptr(ptr, version), data, len(data),
                flags, err)
            out = _lib.take(buf)
        finally:
            _c.pricing_buffer_dispose(byref(buf))
            self._handle.release()
        if rc == 0:
            return out
        exc = errors.from_struct(err, rc)
        exc.document = out.decode("utf-8", "replace") if out else None
        cells = json.loads(out).get("errors", []) if out else []
        exc.errors = tuple(
            errors.make(d["code"], d["message"], d["path"],
                        line=d.get("line"), column=d.get("column"))
            for d in cells) or (exc,)
        raise exc

    def import_sheet(self, csv: Union[str, bytes],
                     pretty: bool = False,
                     version: Optional[str] = None) -> str:
        """This catalog with the prices of a filled-in CSV sheet (str or
        bytes), as canonical catalog JSON (load it with
        :meth:`from_json`). A rejected sheet raises the PricingError of its
        first bad cell (path ``/row/N/column/NAME``, ``line`` the row,
        ``column`` the column), with ``errors``: every bad cell as a
        PricingError, and ``document``: the JSON ``pricing import``
        prints (None when the sheet was not read: a closed catalog).
        ``version`` names the version of a history the sheet prices
        (default: the newest); the whole history comes back."""
        return self._import_bytes(csv, _lib.JSON_PRETTY if pretty else 0,
                                  version).decode("utf-8")

    def _diff_bytes(self, other: "Catalog", requests: Any = None,
                    flags: int = 0, old_version: Optional[str] = None,
                    new_version: Optional[str] = None) -> bytes:
        if not isinstance(other, Catalog):
            raise TypeError("diff takes another Catalog")
        jsonl = None if requests is None else _jsonl(requests)
        other_ptr = other._handle.acquire()
        try:
            new_ptr = _version_ptr(other_ptr, new_version)
            if jsonl is None:
                return self._buffer_call(_c.pricing_catalog_diff, new_ptr,
                                         flags, version=old_version)
            return self._buffer_call(_c.pricing_catalog_diff_requests,
                                     new_ptr, jsonl, len(jsonl), flags,
                                     version=old_version)
        finally:
            other._handle.release()

    def diff(self, other: "Catalog", requests: Any = None,
             old_version: Optional[str] = None,
             new_version: Optional[str] = None) -> Dict[str, Any]:
        """The price changes from this catalog (old) to ``other`` (new):
        ``{"old", "new", "changes": [...], "summary": {...}}``. With
        ``requests`` (JSON Lines text, or an iterable of requests as dicts
        or JSON text), also ``"requests"``: each one's old and new total
        (or error) and the difference, and ``"requests_summary"``.
        ``old_version`` and ``new_version`` name versions of catalog
        histories (default: the newest of each); ``a.diff(a, old_version=
        "2026-01", new_version="2026-07")`` compares two versions of one."""
        return cast(Dict[str, Any],
                    json.loads(self._diff_bytes(other, requests, 0,
                                                old_version, new_version)))

    def diff_json(self, other: "Catalog", requests: Any = None,
                  pretty: bool = False, old_version: Optional[str] = None,
                  new_version: Optional[str] = None) -> str:
        """:meth:`diff` as the JSON text ``pricing diff`` prints."""
        return self._diff_bytes(other, requests,
                                _lib.JSON_PRETTY if pretty else 0,
                                old_version, new_version).decode("utf-8")


def _currencies(ptr: int) -> Tuple[str, ...]:
    """The currencies catalog ``ptr`` sells, the default first."""
    n = int(_c.pricing_catalog_currency_count(ptr))
    return tuple(_lib.optional_text(_c.pricing_catalog_currency_at(ptr, i))
                 or "" for i in range(n))


def _versions(ptr: int) -> Tuple[Version, ...]:
    """The versions of catalog ``ptr``, oldest first."""
    out = []
    for i in range(int(_c.pricing_catalog_version_count(ptr))):
        v = _c.pricing_catalog_version_at(ptr, i)
        out.append(Version(
            version=_lib.optional_text(_c.pricing_catalog_version(v)),
            effective=_date(_lib.optional_text(_c.pricing_catalog_effective(v))),
            existing_from=_date(_lib.optional_text(
                _c.pricing_catalog_existing_from(v))),
            currencies=_currencies(v)))
    return tuple(out)


def _opt_id_arg(value: Union[None, str, bytes], what: str) -> Optional[bytes]:
    """An optional id argument as C text (None stays NULL)."""
    return None if value is None else _id_arg(value, what)


def _id_arg(value: Union[str, bytes], what: str) -> bytes:
    """An id argument as C text: str or bytes without NUL."""
    if not isinstance(value, (str, bytes)):
        raise TypeError(f"{what} must be a str")
    b = value if isinstance(value, bytes) else \
        value.encode("utf-8", "surrogatepass")
    if b"\0" in b:
        raise errors.make("invalid_argument", f"the {what} contains a NUL")
    return b


def _version_ptr(ptr: int, version: Optional[str]) -> int:
    """The handle of the version named ``version`` of catalog ``ptr`` (the
    catalog itself, its newest version, for None)."""
    if version is None:
        return ptr
    for i in range(int(_c.pricing_catalog_version_count(ptr))):
        v = _c.pricing_catalog_version_at(ptr, i)
        if _lib.optional_text(_c.pricing_catalog_version(v)) == version:
            return cast(int, v)
    raise errors.make("invalid_argument",
                      f'the catalog has no version "{version[:64]}"')


def _jsonl(requests: Any) -> bytes:
    """JSON Lines bytes of requests: text as it is, or one line per item."""
    if isinstance(requests, (str, bytes, bytearray, memoryview)):
        return _encode.to_bytes(requests, "requests")
    lines = []
    for item in requests:
        line = _encode.to_bytes(item, "request")
        if b"\n" in line:
            raise errors.make("invalid_argument",
                              "a request of the list spans several lines")
        lines.append(line)
    return b"".join(line + b"\n" for line in lines)


def _envelope_bytes(data: bytes, flags: int = 0) -> bytes:
    """The quote JSON of an envelope (raises PricingError)."""
    buf = _lib.Buffer()
    try:
        err = _lib.Error()
        _c.pricing_envelope_quote_json(byref(buf), data, len(data), flags,
                                       err)
        return _lib.take(buf)
    finally:
        _c.pricing_buffer_dispose(byref(buf))


def quote_envelope(document: _encode.Document) -> Quote:
    """Prices a single-document order ``{"catalog": {...}, "request":
    {...}}`` (what ``pricing quote`` reads on standard input when given no
    catalog file). Error paths point into the envelope."""
    data = _encode.to_bytes(document, "envelope")
    return Quote(_envelope_bytes(data).decode("utf-8"))

