# SPDX-License-Identifier: MIT
"""Introspection: a loaded catalog's specs, attributes, SKUs and price lists,
read through the C API (docs/api.md, "Introspection") without parsing JSON.

Everything here is read-only. ``catalog.specs`` copies the specs and their
attributes once (they are small); an SKU's availability and price list are
read from the library when asked, so a catalog of a million SKUs costs
nothing until one is looked at. Amounts are :class:`decimal.Decimal` made
from the text the catalog wrote, never ``float``.
"""

from __future__ import annotations

import weakref
from ctypes import (
    POINTER,
    Structure,
    byref,
    c_char,
    c_char_p,
    c_int,
    c_size_t,
    c_ubyte,
    c_uint32,
    c_uint64,
    c_void_p,
)
from dataclasses import dataclass
from decimal import Decimal
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterator,
    List,
    Mapping,
    Optional,
    Tuple,
)

from . import _lib, errors

if TYPE_CHECKING:
    from ._api import Catalog

__all__ = ["Spec", "Attribute", "Sku", "Price", "CatalogWarning",
           "specs_of", "warnings_of"]

_c = _lib.lib
_MAX_COUNT = 120


class _Price(Structure):
    """``struct pricing_price``, field for field."""

    _fields_ = [
        ("kind", c_char_p),
        ("attribute", c_char_p),
        ("rule", c_char_p),
        ("tier", c_uint32),
        ("up_to", c_uint64),
        ("has_up_to", c_int),
        ("package_size", c_uint64),
        ("package_round", c_char_p),
        ("unit_price", c_char_p),
        ("flat", c_char_p),
        ("reserved_", c_ubyte * 32),
    ]


class _WarningStruct(Structure):
    """``struct pricing_warning``, field for field."""

    _fields_ = [
        ("code", c_char_p),
        ("path", c_char * _lib.ERROR_PATH_SIZE),
        ("message", c_char * _lib.ERROR_MESSAGE_SIZE),
        ("reserved_", c_ubyte * 32),
    ]


_ErrorP = POINTER(_lib.Error)
_FUNCTIONS: Dict[str, Tuple[Any, List[Any]]] = {
    "pricing_catalog_spec": (c_void_p, [c_void_p, c_size_t]),
    "pricing_spec_id": (c_char_p, [c_void_p]),
    "pricing_spec_name": (c_char_p, [c_void_p]),
    "pricing_spec_billing": (c_char_p, [c_void_p]),
    "pricing_spec_template": (c_char_p, [c_void_p]),
    "pricing_spec_plan_count": (c_size_t, [c_void_p]),
    "pricing_spec_plan": (c_char_p, [c_void_p, c_size_t]),
    "pricing_spec_allowed_counts": (
        c_size_t, [POINTER(c_uint32), c_size_t, c_void_p, c_char_p]),
    "pricing_spec_trial_days": (c_uint64, [c_void_p]),
    "pricing_spec_attribute_count": (c_size_t, [c_void_p]),
    "pricing_spec_attribute": (c_void_p, [c_void_p, c_size_t]),
    "pricing_attribute_id": (c_char_p, [c_void_p]),
    "pricing_attribute_type": (c_char_p, [c_void_p]),
    "pricing_attribute_value_count": (c_size_t, [c_void_p]),
    "pricing_attribute_value": (c_char_p, [c_void_p, c_size_t]),
    "pricing_attribute_min": (c_uint64, [c_void_p]),
    "pricing_attribute_max": (c_uint64, [c_void_p]),
    "pricing_attribute_step": (c_uint64, [c_void_p]),
    "pricing_attribute_unit": (c_char_p, [c_void_p]),
    "pricing_spec_sku_count": (c_size_t, [c_void_p]),
    "pricing_spec_sku_value": (c_char_p, [c_void_p, c_size_t, c_size_t]),
    "pricing_spec_sku_available": (c_int, [c_void_p, c_size_t]),
    "pricing_spec_find_sku": (
        c_int, [POINTER(c_size_t), c_void_p, POINTER(c_char_p),
                POINTER(c_char_p), c_size_t, _ErrorP]),
    "pricing_spec_price_count": (c_size_t, [c_void_p, c_size_t, c_char_p]),
    "pricing_spec_price": (
        c_int, [POINTER(_Price), c_void_p, c_size_t, c_char_p, c_size_t,
                _ErrorP]),
    "pricing_catalog_warning_count": (c_size_t, [c_void_p]),
    "pricing_catalog_warning": (
        c_int, [POINTER(_WarningStruct), c_void_p, c_size_t, _ErrorP]),
}


_lib.declare(_FUNCTIONS, "introspection needs libpricing 0.2", "pricing._info")


def _text(value: Optional[bytes]) -> Optional[str]:
    return None if value is None else value.decode("utf-8", "replace")


def _str(value: Optional[bytes]) -> str:
    return "" if value is None else value.decode("utf-8", "replace")


# ---------------------------------------------------------------- values

@dataclass(frozen=True)
class Attribute:
    """An attribute of a spec. An enum has ``values`` (``min``, ``max``,
    ``step`` and ``unit`` are None); a quantity has ``min``, ``max``,
    ``step`` and ``unit`` (None when the catalog gives none), and ``values``
    None."""

    id: str
    type: str
    values: Optional[Tuple[str, ...]] = None
    min: Optional[int] = None
    max: Optional[int] = None
    step: Optional[int] = None
    unit: Optional[str] = None

    @property
    def is_enum(self) -> bool:
        return self.type == "enum"


@dataclass(frozen=True)
class Price:
    """One price of an SKU's price list for a plan (a row of the price
    sheet): ``kind`` is "fixed", "base", "quantity" or "tier";
    ``attribute`` and ``rule`` name the quantity attribute and its rule
    ("linear", "graduated", "volume", "package"); ``tier`` (1-based) and
    ``up_to`` (None when unbounded) belong to tiers, ``package_size`` and
    ``package_round`` to package rules. ``unit_price`` is the amount (the
    fixed price, the base, a unit or package price) and ``flat`` a tier's
    flat fee, both as the catalog wrote them."""

    kind: str
    unit_price: Decimal
    attribute: Optional[str] = None
    rule: Optional[str] = None
    tier: Optional[int] = None
    up_to: Optional[int] = None
    flat: Optional[Decimal] = None
    package_size: Optional[int] = None
    package_round: Optional[str] = None


@dataclass(frozen=True)
class CatalogWarning:
    """A warning about a catalog that loaded (docs/api.md): ``code``,
    ``path`` (a JSON Pointer) and ``message``."""

    code: str
    path: str
    message: str


# ---------------------------------------------------------------- specs

class Sku:
    """An SKU of a spec: its enum ``values`` (attribute id to value), its
    number ``index`` in the spec, whether it is ``available``, and its
    ``prices`` per plan."""

    __slots__ = ("_spec", "index", "values")

    def __init__(self, spec: "Spec", index: int,
                 values: Mapping[str, str]) -> None:
        self._spec = spec
        self.index = index
        self.values: Mapping[str, str] = dict(values)

    def __repr__(self) -> str:
        return f"<pricing.Sku {self._spec.id} {self.values!r}>"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Sku) and other._spec is self._spec
                and other.index == self.index)

    def __hash__(self) -> int:
        return hash((id(self._spec), self.index))

    @property
    def available(self) -> bool:
        """False for an SKU the catalog lists with "available": false."""
        with self._spec._held() as sp:
            return bool(_c.pricing_spec_sku_available(sp, self.index))

    def price_list(self, plan: str) -> Tuple[Price, ...]:
        """The prices of this SKU for ``plan`` ("month", "year",
        "one_time"): empty when it has none (a plan not sold, or an
        unavailable SKU)."""
        if not isinstance(plan, str):
            raise TypeError("plan must be a str such as 'month'")
        name = plan.encode("utf-8", "surrogatepass")
        out = []
        with self._spec._held() as sp:
            n = int(_c.pricing_spec_price_count(sp, self.index, name))
            for i in range(n):
                p = _Price()
                err = _lib.Error()
                if _c.pricing_spec_price(byref(p), sp, self.index, name, i,
                                         err) != 0:
                    raise errors.from_struct(err)
                out.append(_price(p))
        return tuple(out)

    @property
    def prices(self) -> Dict[str, Tuple[Price, ...]]:
        """The price list per plan the spec sells (empty lists for an
        unavailable SKU)."""
        return {plan: self.price_list(plan) for plan in self._spec.plans}


def _price(p: _Price) -> Price:
    tier = int(p.tier) or None
    return Price(
        kind=_str(p.kind),
        unit_price=Decimal(_str(p.unit_price)),
        attribute=_text(p.attribute),
        rule=_text(p.rule),
        tier=tier,
        up_to=int(p.up_to) if p.has_up_to else None,
        flat=None if p.flat is None else Decimal(_str(p.flat)),
        package_size=int(p.package_size) or None,
        package_round=_text(p.package_round),
    )


class _Held:
    """Holds the catalog for one call and yields the spec's pointer."""

    __slots__ = ("_spec", "_catalog")

    def __init__(self, spec: "Spec") -> None:
        self._spec = spec
        self._catalog = spec._catalog

    def __enter__(self) -> int:
        ptr = self._catalog._handle.acquire()
        sp = _c.pricing_catalog_spec(ptr, self._spec._index)
        if not sp:  # cannot happen with a live catalog: a guard, not a path
            self._catalog._handle.release()
            raise errors.make("invalid_argument", "no such spec")
        return int(sp)

    def __exit__(self, *exc: Any) -> None:
        self._catalog._handle.release()


class Spec:
    """A spec of a catalog, read-only: ``id``, ``name`` (None when none),
    ``billing`` ("yearly_monthly" or "one_time"), ``template`` ("custom" or
    "simple"), ``plans``, ``counts`` (plan to the allowed counts),
    ``trial_days`` (None without a trial) and ``attributes``; its SKUs
    through :attr:`skus` and :meth:`sku`."""

    __slots__ = ("_catalog", "_index", "id", "name", "billing", "template",
                 "plans", "counts", "trial_days", "attributes", "sku_count")

    def __init__(self, catalog: "Catalog", index: int, sp: int) -> None:
        self._catalog = catalog
        self._index = index
        self.id: str = _str(_c.pricing_spec_id(sp))
        self.name: Optional[str] = _text(_c.pricing_spec_name(sp))
        self.billing: str = _str(_c.pricing_spec_billing(sp))
        self.template: str = _str(_c.pricing_spec_template(sp))
        self.plans: Tuple[str, ...] = tuple(
            _str(_c.pricing_spec_plan(sp, i))
            for i in range(int(_c.pricing_spec_plan_count(sp))))
        buf = (c_uint32 * _MAX_COUNT)()
        counts: Dict[str, Tuple[int, ...]] = {}
        for plan in self.plans:
            n = int(_c.pricing_spec_allowed_counts(
                buf, _MAX_COUNT, sp, plan.encode("ascii")))
            counts[plan] = tuple(int(buf[i]) for i in range(n))
        self.counts: Mapping[str, Tuple[int, ...]] = counts
        self.trial_days: Optional[int] = \
            int(_c.pricing_spec_trial_days(sp)) or None
        self.attributes: Tuple[Attribute, ...] = tuple(
            _attribute(_c.pricing_spec_attribute(sp, i))
            for i in range(int(_c.pricing_spec_attribute_count(sp))))
        self.sku_count: int = int(_c.pricing_spec_sku_count(sp))

    def __repr__(self) -> str:
        return f"<pricing.Spec {self.id!r}>"

    def _held(self) -> _Held:
        return _Held(self)

    def attribute(self, attribute_id: str) -> Attribute:
        """The attribute with that id (KeyError when none)."""
        for a in self.attributes:
            if a.id == attribute_id:
                return a
        raise KeyError(attribute_id)

    def _sku_at(self, sp: int, index: int) -> Sku:
        values = {}
        for i, a in enumerate(self.attributes):
            if a.is_enum:
                values[a.id] = _str(_c.pricing_spec_sku_value(sp, index, i))
        return Sku(self, index, values)

    @property
    def skus(self) -> Iterator[Sku]:
        """Every SKU (enum combination), the last enum attribute varying
        fastest; an iterator, as a spec may have a million."""
        for index in range(self.sku_count):
            with self._held() as sp:
                sku = self._sku_at(sp, index)
            yield sku

    def sku(self, values: Optional[Mapping[str, Any]] = None) -> Sku:
        """The SKU with these enum values (a request's "sku" member:
        quantities are ignored). Raises the RequestError a request would:
        unknown_attribute, unknown_value, missing_attribute."""
        items = list((values or {}).items())
        for k, v in items:
            if not isinstance(k, str):
                raise TypeError("attribute names must be str")
            if isinstance(v, bool) or not isinstance(v, (str, int)):
                raise TypeError(f"the value of {k} must be a str (or an int "
                                "for a quantity)")
        names = (c_char_p * max(len(items), 1))(
            *[k.encode("utf-8", "surrogatepass") for k, _ in items])
        vals = (c_char_p * max(len(items), 1))(
            *[str(v).encode("utf-8", "surrogatepass") for _, v in items])
        out = c_size_t()
        err = _lib.Error()
        with self._held() as sp:
            if _c.pricing_spec_find_sku(byref(out), sp, names, vals,
                                        len(items), err) != 0:
                raise errors.from_struct(err)
            return self._sku_at(sp, int(out.value))


def _attribute(ap: int) -> Attribute:
    kind = _str(_c.pricing_attribute_type(ap))
    aid = _str(_c.pricing_attribute_id(ap))
    if kind == "enum":
        return Attribute(id=aid, type=kind, values=tuple(
            _str(_c.pricing_attribute_value(ap, i))
            for i in range(int(_c.pricing_attribute_value_count(ap)))))
    return Attribute(id=aid, type=kind,
                     min=int(_c.pricing_attribute_min(ap)),
                     max=int(_c.pricing_attribute_max(ap)),
                     step=int(_c.pricing_attribute_step(ap)),
                     unit=_text(_c.pricing_attribute_unit(ap)))


# The specs of each catalog, made on first use (a Catalog has __slots__
# owned by _api.py; this keeps the cache beside the code that fills it).
_SPECS: "weakref.WeakKeyDictionary[Catalog, Tuple[Spec, ...]]" = \
    weakref.WeakKeyDictionary()


def specs_of(catalog: "Catalog") -> Tuple[Spec, ...]:
    """catalog.specs."""
    cached = _SPECS.get(catalog)
    if cached is not None:
        return cached
    ptr = catalog._handle.acquire()
    try:
        specs = tuple(
            Spec(catalog, i, int(_c.pricing_catalog_spec(ptr, i)))
            for i in range(int(_c.pricing_catalog_spec_count(ptr))))
    finally:
        catalog._handle.release()
    _SPECS[catalog] = specs
    return specs


def warnings_of(catalog: "Catalog") -> Tuple[CatalogWarning, ...]:
    """catalog.warnings."""
    out = []
    ptr = catalog._handle.acquire()
    try:
        for i in range(int(_c.pricing_catalog_warning_count(ptr))):
            w = _WarningStruct()
            err = _lib.Error()
            if _c.pricing_catalog_warning(byref(w), ptr, i, err) != 0:
                raise errors.from_struct(err)
            out.append(CatalogWarning(_str(w.code), _str(w.path), _str(w.message)))
    finally:
        catalog._handle.release()
    return tuple(out)
