# SPDX-License-Identifier: MIT
"""The exceptions of the pricing binding.

Every error the library reports is raised as a :class:`PricingError`
subclass chosen by its code (:data:`ERROR_CLASSES`). The exception carries
the contract's error object: ``code`` (the snake_case name, e.g.
``"quantity_out_of_range"``), ``path`` (a JSON Pointer into the document at
fault, ``""`` for the whole document), ``message``, and ``line``/``column``
(1-based, in bytes) for JSON syntax errors, else ``None``. ``e.json`` is the
error object exactly as the ``pricing`` command prints it (without the
newline).

==============================  ==========================================
class                           codes
==============================  ==========================================
:class:`JSONSyntaxError`        json_syntax
:class:`LimitExceededError`     limit_exceeded
:class:`SchemaError`            duplicate_key, unknown_field, missing_field,
                                wrong_type
:class:`AmountError`            invalid_amount, inexact_number
:class:`InvalidValueError`      invalid_value
:class:`CatalogError`           duplicate_id, sku_missing, sku_duplicate,
                                tier_order, tier_coverage, unpriced_attribute
:class:`RequestError`           unknown_spec, unknown_attribute,
                                unknown_value, missing_attribute,
                                quantity_out_of_range, quantity_step,
                                plan_not_offered, count_not_allowed,
                                trial_not_offered, sku_unavailable,
                                not_an_upgrade, not_a_scale_out (1.1),
                                currency_not_offered, no_version (1.2)
:class:`InvalidArgumentError`   invalid_argument (also a ValueError)
:class:`PricingMemoryError`     out_of_memory (also a MemoryError)
:class:`PricingIOError`         io_error
==============================  ==========================================

A code the binding does not know (a newer library) raises
:class:`PricingError` itself.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Optional, Type

from . import _lib

__all__ = [
    "PricingError",
    "JSONSyntaxError",
    "LimitExceededError",
    "SchemaError",
    "AmountError",
    "InvalidValueError",
    "CatalogError",
    "RequestError",
    "InvalidArgumentError",
    "PricingMemoryError",
    "PricingIOError",
    "ERROR_CLASSES",
    "CODES",
    "error_class",
]

#: Every code the library knows, indexed by its C enum value (0 is "ok").
CODES = tuple(_lib.code_names())
_CODE_VALUES = {name: i for i, name in enumerate(CODES)}


class PricingError(Exception):
    """An error reported by libpricing (or in its terms by the binding).

    Attributes:
        code: the contract's snake_case code, e.g. ``"unknown_spec"``.
        code_value: the ``pricing_code`` enum value of ``code``.
        path: JSON Pointer of the member at fault, ``""`` for the document.
        message: one line of explanation.
        line, column: 1-based position of a JSON syntax error, else None.
        position: 0-based byte offset of a JSON syntax error, else None.
    """

    code: str
    code_value: int
    path: str
    message: str
    line: Optional[int]
    column: Optional[int]
    position: Optional[int]

    def __init__(self, code: str, message: str, path: str = "",
                 line: Optional[int] = None, column: Optional[int] = None,
                 position: Optional[int] = None) -> None:
        super().__init__(code, message, path)
        self.code = code
        self.code_value = _CODE_VALUES.get(code, -1)
        self.path = path
        self.message = message
        self.line = line or None
        self.column = column or None
        self.position = position if line else None
        # The raw bytes of the C struct, when it came from the library, so
        # that .json reproduces the library's bytes exactly.
        self._raw_path: Optional[bytes] = None
        self._raw_message: Optional[bytes] = None

    def __str__(self) -> str:
        where = f" at {self.path}" if self.path else ""
        pos = (f" (line {self.line}, column {self.column})"
               if self.line else "")
        return f"{self.code}{where}: {self.message}{pos}"

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(code={self.code!r}, "
                f"path={self.path!r}, message={self.message!r})")

    def __reduce__(self) -> Any:
        return (_rebuild, (self.code, self.message, self.path, self.line,
                           self.column, self.position))

    def _struct(self) -> "_lib.Error":
        path = self._raw_path if self._raw_path is not None \
            else self.path.encode("utf-8", "replace")
        message = self._raw_message if self._raw_message is not None \
            else self.message.encode("utf-8", "replace")
        return _lib.make_error(max(self.code_value, 0), message, path,
                               self.line or 0, self.column or 0,
                               self.position or 0)

    def to_json(self, pretty: bool = False) -> str:
        """The contract's error object, as ``pricing`` prints it (without
        the trailing newline); ``pretty`` as its ``--pretty``."""
        return self.to_json_bytes(pretty).decode("utf-8")

    def to_json_bytes(self, pretty: bool = False) -> bytes:
        """:meth:`to_json` as UTF-8 bytes."""
        return _lib.error_json(self._struct(),
                               _lib.JSON_PRETTY if pretty else 0)

    @property
    def json(self) -> str:
        """The error object as compact JSON text (no trailing newline)."""
        return self.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """``{"error": {"code": ..., "path": ..., "message": ...}}``."""
        return json.loads(self.to_json_bytes())


class JSONSyntaxError(PricingError):
    """The text is not JSON (json_syntax); line and column are set."""


class LimitExceededError(PricingError):
    """A documented limit was passed (limit_exceeded)."""


class SchemaError(PricingError):
    """A document has the wrong shape: duplicate_key, unknown_field,
    missing_field, wrong_type."""


class AmountError(PricingError):
    """An amount is not an exact non-negative decimal: invalid_amount,
    inexact_number."""


class InvalidValueError(PricingError):
    """A value outside its domain (invalid_value)."""


class CatalogError(PricingError):
    """A catalog is inconsistent: duplicate_id, sku_missing, sku_duplicate,
    tier_order, tier_coverage, unpriced_attribute."""


class RequestError(PricingError):
    """A request asks for what the catalog does not sell: unknown_spec,
    unknown_attribute, unknown_value, missing_attribute,
    quantity_out_of_range, quantity_step, plan_not_offered,
    count_not_allowed, trial_not_offered, sku_unavailable; and, from
    contract 1.1, not_an_upgrade and not_a_scale_out; from contract 1.2,
    currency_not_offered and no_version."""


class InvalidArgumentError(PricingError, ValueError):
    """A bad argument to the API (invalid_argument), e.g. a closed catalog,
    an unknown rule set, a NUL in a file name."""


class PricingMemoryError(PricingError, MemoryError):
    """The library ran out of memory (out_of_memory)."""


class PricingIOError(PricingError):
    """A file could not be read (io_error)."""


#: code -> exception class, for every code of the library but "ok" (and
#: the codes of contract 1.1 the library may not have yet).
ERROR_CLASSES: Mapping[str, Type[PricingError]] = {
    "json_syntax": JSONSyntaxError,
    "limit_exceeded": LimitExceededError,
    "duplicate_key": SchemaError,
    "unknown_field": SchemaError,
    "missing_field": SchemaError,
    "wrong_type": SchemaError,
    "invalid_amount": AmountError,
    "inexact_number": AmountError,
    "invalid_value": InvalidValueError,
    "duplicate_id": CatalogError,
    "sku_missing": CatalogError,
    "sku_duplicate": CatalogError,
    "tier_order": CatalogError,
    "tier_coverage": CatalogError,
    "unpriced_attribute": CatalogError,
    "unknown_spec": RequestError,
    "unknown_attribute": RequestError,
    "unknown_value": RequestError,
    "missing_attribute": RequestError,
    "quantity_out_of_range": RequestError,
    "quantity_step": RequestError,
    "plan_not_offered": RequestError,
    "count_not_allowed": RequestError,
    "trial_not_offered": RequestError,
    "sku_unavailable": RequestError,
    # Contract 1.1 (lifecycle quotes); mapped ahead of the library.
    "not_an_upgrade": RequestError,
    "not_a_scale_out": RequestError,
    # Contract 1.2 (several currencies, catalog versions).
    "currency_not_offered": RequestError,
    "no_version": RequestError,
    "invalid_argument": InvalidArgumentError,
    "out_of_memory": PricingMemoryError,
    "io_error": PricingIOError,
}


def error_class(code: str) -> Type[PricingError]:
    """The exception class raised for ``code`` (PricingError if unknown)."""
    return ERROR_CLASSES.get(code, PricingError)


def make(code: str, message: str, path: str = "", **kw: Any) -> PricingError:
    """A new exception of the class of ``code``."""
    return error_class(code)(code, message, path, **kw)


def _rebuild(code: str, message: str, path: str, line: Optional[int],
             column: Optional[int], position: Optional[int]) -> PricingError:
    return make(code, message, path, line=line, column=column,
                position=position)


def from_struct(err: "_lib.Error", rc: int = 0) -> PricingError:
    """The exception for a filled pricing_error (rc: the call's result, used
    when the struct was left empty)."""
    value = err.code if err.code else (-rc if rc < 0 else 0)
    code = _lib.code_name(value)
    raw_path = err.path
    raw_message = err.message
    exc = make(code, raw_message.decode("utf-8", "replace"),
               raw_path.decode("utf-8", "replace"), line=err.line,
               column=err.column, position=err.position)
    exc.code_value = value
    exc._raw_path = raw_path
    exc._raw_message = raw_message
    return exc
