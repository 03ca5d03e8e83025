# SPDX-License-Identifier: MIT
"""What the library returns, as Python values: :class:`Quote` (with its
:class:`Line` and :class:`AfterTrial`) and :class:`Summary`, each keeping
the exact JSON text the library wrote."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, List, Optional, Tuple, cast

__all__ = ["Line", "AfterTrial", "Quote", "Summary", "Version"]


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
        return cast(Dict[str, Any], json.loads(json.dumps(self._raw)))


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
        return cast(str, self._d()["catalog"])

    @property
    def version(self) -> Optional[str]:
        """The catalog's version, None when it has none."""
        return self._d().get("version")

    @property
    def currency(self) -> str:
        """The ISO 4217 code of every amount."""
        return cast(str, self._d()["currency"])

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
        return cast(Dict[str, Any], json.loads(self._json))

    def to_json(self, pretty: bool = False) -> str:
        """:attr:`json`, or with ``pretty`` the two-space indented form of
        the command's ``--pretty`` (no trailing newline either)."""
        if not pretty:
            return self._json
        return json.dumps(self._d(), ensure_ascii=False, indent=2)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self) or not isinstance(other, _Document):
            return NotImplemented
        return self._json == other._json

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
        return cast(str, self._d()["spec"])

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
        return cast(int, self._d()["minor_units"])

    @property
    def specs(self) -> int:
        """The number of specs."""
        return cast(int, self._d()["specs"])

    @property
    def skus(self) -> int:
        """The number of SKUs over all specs."""
        return cast(int, self._d()["skus"])

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
