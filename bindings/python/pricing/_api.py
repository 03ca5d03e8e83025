# SPDX-License-Identifier: MIT
"""Catalog, Quote and friends: the Python face of libpricing."""

from __future__ import annotations

import datetime
import json
import os
import threading
import weakref
from ctypes import byref, c_void_p, pointer
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from . import _encode, _lib, errors

__all__ = [
    "Catalog",
    "Quote",
    "Line",
    "AfterTrial",
    "Summary",
    "quote_envelope",
    "PathLike",
]

_c = _lib.lib
PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]


def _errcheck(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """ctypes errcheck hook of every fallible function: 0 passes, anything
    else raises the PricingError described by the pricing_error argument
    (always the last one)."""
    if result == 0:
        return 0
    raise errors.from_struct(args[-1], result)


for _name in ("pricing_catalog_load", "pricing_catalog_load_file",
              "pricing_catalog_check_rules", "pricing_quote_new",
              "pricing_quote_json", "pricing_catalog_write_summary",
              "pricing_envelope_quote_json", "pricing_catalog_write_json",
              "pricing_catalog_sheet", "pricing_catalog_diff",
              "pricing_catalog_diff_requests"):
    getattr(_c, _name).errcheck = _errcheck
del _name


# ---------------------------------------------------------------- values

def _date(value: Optional[str]) -> Optional[datetime.date]:
    """A "YYYY-MM-DD" text as a date (None stays None)."""
    return None if value is None else datetime.date.fromisoformat(value)


def _dec(value: Optional[str]) -> Optional[Decimal]:
    """An amount text as a Decimal, keeping its scale (None stays None)."""
    return None if value is None else Decimal(value)


@dataclass(frozen=True)
class Line:
    """One line of a quote. Money: ``amount`` (rounded, Decimal with the
    currency's decimals), ``exact_amount`` (exact, Fraction), ``unit_price``
    and ``flat`` (Decimal, as the catalog wrote them). ``from_`` and ``to``
    are a tier's bounds (``to`` None when unbounded); ``attribute``,
    ``rule``, ``tier``, ``from_``, ``to`` and ``flat`` are None on lines that
    have no such member. Members of other line shapes (contract 1.1
    credit, charge and discount lines) are in :meth:`to_dict`."""

    kind: str
    quantity: Optional[int]
    unit_price: Optional[Decimal]
    exact_amount: Fraction
    amount: Decimal
    attribute: Optional[str] = None
    rule: Optional[str] = None
    tier: Optional[int] = None
    from_: Optional[int] = None
    to: Optional[int] = None
    flat: Optional[Decimal] = None
    _raw: Dict[str, Any] = field(default_factory=dict, repr=False,
                                 compare=False)

    @classmethod
    def _from_dict(cls, d: Dict[str, Any]) -> "Line":
        return cls(
            kind=d["kind"],
            quantity=d.get("quantity"),
            unit_price=_dec(d.get("unit_price")),
            exact_amount=Fraction(d["exact_amount"]),
            amount=Decimal(d["amount"]),
            attribute=d.get("attribute"),
            rule=d.get("rule"),
            tier=d.get("tier"),
            from_=d.get("from"),
            to=d.get("to"),
            flat=_dec(d.get("flat")),
            _raw=d,
        )

    def to_dict(self) -> Dict[str, Any]:
        """The line as the quote's JSON has it (amounts as str)."""
        return json.loads(json.dumps(self._raw))


def _lines(items: List[Dict[str, Any]]) -> Tuple[Line, ...]:
    """The Line objects of a JSON "lines" list."""
    return tuple(Line._from_dict(d) for d in items)


@dataclass(frozen=True)
class AfterTrial:
    """What a trial order costs once it converts."""

    lines: Tuple[Line, ...]
    period_total: Decimal
    exact_total: Fraction
    total: Decimal


@dataclass(frozen=True)
class Version:
    """One version of a catalog (contract 1.2): its ``version`` id (None
    only for a plain catalog without one), ``effective`` and
    ``existing_from`` dates (None when the catalog has no effective date),
    and the ``currencies`` it sells, the default first."""

    version: Optional[str]
    effective: Optional[datetime.date]
    existing_from: Optional[datetime.date]
    currencies: Tuple[str, ...]


def _currencies(ptr: int) -> Tuple[str, ...]:
    n = int(_c.pricing_catalog_currency_count(ptr))
    return tuple(_lib.optional_text(_c.pricing_catalog_currency_at(ptr, i))
                 or "" for i in range(n))


def _versions(ptr: int) -> Tuple[Version, ...]:
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


class _Document:
    """A JSON result of the library: its exact text, parsed on demand."""

    __slots__ = ("_json", "_data")

    def __init__(self, text: str) -> None:
        self._json = text
        self._data: Optional[Dict[str, Any]] = None

    def _d(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = json.loads(self._json)
        return self._data

    @property
    def catalog(self) -> str:
        """The catalog's id."""
        return self._d()["catalog"]

    @property
    def version(self) -> Optional[str]:
        """The catalog's version, None when it has none."""
        return self._d().get("version")

    @property
    def currency(self) -> str:
        """The ISO 4217 code of every amount."""
        return self._d()["currency"]

    @property
    def json(self) -> str:
        """The compact JSON text, byte for byte what the ``pricing`` command
        prints, WITHOUT the newline the command writes after it."""
        return self._json

    @property
    def json_bytes(self) -> bytes:
        """:attr:`json` as UTF-8 bytes."""
        return self._json.encode("utf-8")

    def to_dict(self) -> Dict[str, Any]:
        """A new dict of the JSON, amounts as the strings it holds (never
        float). ``json.dumps(d, ensure_ascii=False, separators=(",", ":"))``
        of it gives :attr:`json` again."""
        return json.loads(self._json)

    def to_json(self, pretty: bool = False) -> str:
        """:attr:`json`, or with ``pretty`` the two-space indented form of
        the command's ``--pretty`` (no trailing newline either)."""
        if not pretty:
            return self._json
        return json.dumps(self._d(), ensure_ascii=False, indent=2)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._json == other._json  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._json)

    def __str__(self) -> str:
        return self._json


class Quote(_Document):
    """A priced order. Rounded money is :class:`~decimal.Decimal` (with the
    currency's decimals), exact money :class:`~fractions.Fraction`; never
    float. :attr:`json` / :meth:`to_dict` give the contract's Quote object.
    """

    __slots__ = ()

    @property
    def type(self) -> str:
        """The kind of order (contract 1.1): "new", "renew", "upgrade" or
        "scale_out"."""
        return self._d().get("type", "new")

    @property
    def from_sku(self) -> Optional[Dict[str, Any]]:
        """For an upgrade or scale_out, the SKU as bought; else None."""
        f = self._d().get("from")
        return None if f is None else dict(f)

    @property
    def spec(self) -> str:
        """The spec's id."""
        return self._d()["spec"]

    @property
    def sku(self) -> Dict[str, Any]:
        """The SKU quoted: attribute -> enum value (str) or quantity (int)."""
        return dict(self._d().get("sku", {}))

    @property
    def plan(self) -> Optional[str]:
        """"month", "year" or "one_time"."""
        return self._d().get("plan")

    @property
    def count(self) -> Optional[int]:
        """The number of periods bought."""
        return self._d().get("count")

    @property
    def lines(self) -> Tuple[Line, ...]:
        """The lines (empty for a trial: see :attr:`after_trial`)."""
        return _lines(self._d().get("lines", []))

    @property
    def period_total(self) -> Optional[Decimal]:
        """The rounded price of one period; None for a change quote
        (upgrade, scale_out), whose fee has no periods."""
        v = self._d().get("period_total")
        return None if v is None else Decimal(v)

    @property
    def exact_total(self) -> Fraction:
        """The exact, unrounded total."""
        return Fraction(self._d()["exact_total"])

    @property
    def total(self) -> Decimal:
        """The rounded total of the whole order."""
        return Decimal(self._d()["total"])

    @property
    def rounding(self) -> Dict[str, str]:
        """``{"mode": ..., "at": ...}``."""
        return dict(self._d().get("rounding", {}))

    @property
    def trial(self) -> bool:
        """True for a trial quote (its totals are zero)."""
        return bool(self._d().get("trial", False))

    @property
    def trial_days(self) -> Optional[int]:
        """The trial's length for a trial quote, else None."""
        return self._d().get("trial_days")

    @property
    def after_trial(self) -> Optional[AfterTrial]:
        """For a trial quote, the order once it converts; else None."""
        a = self._d().get("after_trial")
        if a is None:
            return None
        return AfterTrial(_lines(a.get("lines", [])),
                          Decimal(a["period_total"]),
                          Fraction(a["exact_total"]), Decimal(a["total"]))

    @property
    def service_start(self) -> Optional[datetime.date]:
        """The request's start, or None."""
        return _date(self._d().get("service", {}).get("start"))

    @property
    def service_end(self) -> Optional[datetime.date]:
        """The end of the service (None without a start, or one_time)."""
        return _date(self._d().get("service", {}).get("end"))

    def __repr__(self) -> str:
        d = self._d()
        return (f"<Quote {d.get('catalog')}/{d.get('spec')} "
                f"{d.get('plan')} x{d.get('count')}: {d.get('total')} "
                f"{d.get('currency')}>")


class Summary(_Document):
    """The result of :meth:`Catalog.validate`: what ``pricing validate``
    prints (``{"valid":true,"catalog":...,"specs":N,"skus":N}``)."""

    __slots__ = ()

    @property
    def valid(self) -> bool:
        """Always True: an invalid catalog raises instead."""
        return bool(self._d().get("valid"))

    @property
    def minor_units(self) -> int:
        """The currency's decimals."""
        return self._d()["minor_units"]

    @property
    def specs(self) -> int:
        """The number of specs."""
        return self._d()["specs"]

    @property
    def skus(self) -> int:
        """The number of SKUs over all specs."""
        return self._d()["skus"]

    @property
    def currencies(self) -> Tuple[str, ...]:
        """Contract 1.2: every currency sold, the default first (the one
        currency when the catalog lists no ``currencies``)."""
        return tuple(self._d().get("currencies", (self.currency,)))

    @property
    def versions(self) -> Tuple[Dict[str, Any], ...]:
        """Contract 1.2: a history's versions, oldest first, as the
        summary's objects (``version``, ``effective``, ``existing_from``,
        ``currencies``, ``specs``, ``skus``); empty for a catalog."""
        return tuple(self._d().get("versions", ()))

    def __repr__(self) -> str:
        return f"<Summary {self._json}>"


# ---------------------------------------------------------------- handles

class _Handle:
    """Owns one pricing_catalog *. Calls hold it with acquire()/release();
    close() frees it at once when idle, else when the last call returns, so
    closing (or collecting) a catalog under a running quote is safe."""

    __slots__ = ("_ptr", "_lock", "_users", "_closing", "_free", "_states")

    def __init__(self, ptr: int) -> None:
        self._ptr: Optional[int] = ptr
        self._lock = threading.Lock()
        self._users = 0
        self._closing = False
        # Bound now: at interpreter shutdown module globals may be gone.
        self._free = _c.pricing_catalog_free
        # The per-thread quote objects used with this catalog: freed before
        # it (a quote must not outlive its catalog's use).
        self._states: "weakref.WeakSet[_ThreadState]" = weakref.WeakSet()

    def acquire(self) -> int:
        """The pointer, held for one call (InvalidArgumentError once closed)."""
        with self._lock:
            if self._closing or not self._ptr:
                raise errors.make("invalid_argument",
                                  "the catalog is closed")
            self._users += 1
            return self._ptr

    def release(self) -> None:
        """Ends a call; frees the catalog if it was closed meanwhile."""
        with self._lock:
            self._users -= 1
            if self._closing and self._users == 0:
                self._dispose()

    def close(self) -> None:
        """Frees the catalog now, or when the last running call ends."""
        with self._lock:
            self._closing = True
            if self._users == 0:
                self._dispose()

    @property
    def closed(self) -> bool:
        """True once close() was called."""
        return self._closing

    def register(self, state: "_ThreadState") -> None:
        """Records a thread's quote object (called during a call, so the
        catalog cannot be disposed meanwhile)."""
        self._states.add(state)

    def _dispose(self) -> None:
        # No call is running (users == 0): every quote object is idle.
        for state in list(self._states):
            state.free()
        ptr, self._ptr = self._ptr, None
        if ptr:
            self._free(ptr)


def _free_state(quote_free: Any, buffer_dispose: Any, quote: int,
                bufp: Any) -> None:
    """Finalizer of a _ThreadState: its buffer, then its quote."""
    buffer_dispose(bufp)
    quote_free(quote)


class _ThreadState:
    """What one thread needs to quote: a reusable pricing_quote, a buffer
    and an error struct. Never shared between threads."""

    __slots__ = ("quote", "buf", "bufp", "err", "_fin", "__weakref__")

    def __init__(self) -> None:
        self.buf = _lib.Buffer()
        self.bufp = pointer(self.buf)
        self.err = _lib.Error()
        out = c_void_p()
        _c.pricing_quote_new(byref(out), self.err)
        self.quote: int = out.value  # type: ignore[assignment]
        # Freed when the thread ends or the catalog goes. Not at exit: a
        # daemon thread may still be inside a call then.
        self._fin = weakref.finalize(self, _free_state,
                                     _c.pricing_quote_free,
                                     _c.pricing_buffer_dispose, self.quote,
                                     self.bufp)
        self._fin.atexit = False

    def free(self) -> None:
        """Releases the quote object and buffer now (idempotent)."""
        self._fin()


# ---------------------------------------------------------------- catalog

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

    def __init__(self) -> None:
        raise TypeError("use Catalog.load(path) or Catalog.from_json(doc)")

    @classmethod
    def _wrap(cls, ptr: int) -> "Catalog":
        self = object.__new__(cls)
        self._handle = _Handle(ptr)
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
        os.PathLike). Raises PricingIOError when it cannot be read, or the
        PricingError of the first problem in it."""
        name = _fsencode(path)
        err = _lib.Error()
        out = c_void_p()
        _c.pricing_catalog_load_file(byref(out), name, err)
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

    # -- calls

    def _state(self) -> _ThreadState:
        st = getattr(self._local, "state", None)
        if st is None:
            st = _ThreadState()
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
        if format not in ("csv", "json"):
            raise errors.make("invalid_argument",
                              "format is \"csv\" or \"json\"")
        spec_b = None
        if spec is not None:
            if not isinstance(spec, (str, bytes)):
                raise TypeError("spec must be a str")
            spec_b = spec if isinstance(spec, bytes) else \
                spec.encode("utf-8", "surrogatepass")
            if b"\0" in spec_b:
                raise errors.make("invalid_argument",
                                  "the spec id contains a NUL")
        flags = (_lib.SHEET_JSON if format == "json" else _lib.SHEET_CSV) \
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
        currencies the sheet has a price and a flat column per currency."""
        return self._sheet_bytes(format, spec, template, pretty, version
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
        return json.loads(self._diff_bytes(other, requests, 0, old_version,
                                           new_version))

    def diff_json(self, other: "Catalog", requests: Any = None,
                  pretty: bool = False, old_version: Optional[str] = None,
                  new_version: Optional[str] = None) -> str:
        """:meth:`diff` as the JSON text ``pricing diff`` prints."""
        return self._diff_bytes(other, requests,
                                _lib.JSON_PRETTY if pretty else 0,
                                old_version, new_version).decode("utf-8")


def _version_ptr(ptr: int, version: Optional[str]) -> int:
    """The handle of the version named ``version`` of catalog ``ptr`` (the
    catalog itself, its newest version, for None)."""
    if version is None:
        return ptr
    for i in range(int(_c.pricing_catalog_version_count(ptr))):
        v = _c.pricing_catalog_version_at(ptr, i)
        if _lib.optional_text(_c.pricing_catalog_version(v)) == version:
            return v
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

