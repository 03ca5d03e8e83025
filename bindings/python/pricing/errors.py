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
:class:`PricingIOError`         io_error (also an OSError, see below)
==============================  ==========================================

:class:`PricingIOError` is also an :class:`OSError` with ``errno``,
``strerror`` and ``filename``, raised as the OSError subclass of its errno
(``except FileNotFoundError`` catches a missing catalog file).

A code the binding does not know (a newer library) raises
:class:`PricingError` itself.
"""

from __future__ import annotations

import errno as errno_module
import json
import os
from typing import Any, Dict, Mapping, Optional, Tuple, Type, cast

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
    "io_error_class",
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
    #: Set on the error of a rejected sheet (Catalog.import_sheet): the
    #: JSON ``pricing import`` prints, and every bad cell as an error.
    document: Optional[str] = None
    errors: Tuple["PricingError", ...] = ()

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
        # The library writes the line, escaping the path as it escapes
        # messages: str(error) is one printable line whatever the input.
        pos = (f" (line {self.line}, column {self.column})"
               if self.line else "")
        return _lib.error_text(self._struct()).decode("utf-8", "replace") \
            + pos

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
        return cast(Dict[str, Any], json.loads(self.to_json_bytes()))


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


class PricingIOError(PricingError, OSError):
    """A file could not be read (io_error). Also an :class:`OSError`:
    ``errno`` and ``strerror`` are the system's reason (None when the
    library's message does not name one), ``filename`` the file given to
    :meth:`~pricing.Catalog.load`; and the exception is an instance of the
    OSError subclass of its errno (:func:`io_error_class`), so ``except
    FileNotFoundError`` (``PermissionError``, ``IsADirectoryError``, ...)
    catches it as it catches :func:`open`'s."""

    def __init__(self, code: str, message: str, path: str = "",
                 line: Optional[int] = None, column: Optional[int] = None,
                 position: Optional[int] = None,
                 errno: Optional[int] = None,
                 filename: Optional[Any] = None) -> None:
        super().__init__(code, message, path, line, column, position)
        # OSError.__init__ read (code, message, path) as (errno, strerror,
        # filename) and cut args to two: set all four as they are meant.
        self.args = (code, message, path)
        # typeshed types OSError.errno and strerror as never None; OSError
        # itself leaves them None when unknown, as here.
        self.errno = cast(int, errno)
        self.strerror = cast(str, None if errno is None
                             else os.strerror(errno))
        self.filename = filename

    def __reduce__(self) -> Any:
        return (_rebuild, (self.code, self.message, self.path, self.line,
                           self.column, self.position, self.errno,
                           self.filename))


_IO_CLASSES: Dict[int, Type[PricingIOError]] = {}


def io_error_class(errno: Optional[int]) -> Type[PricingIOError]:
    """The class of an io_error with this errno: a subclass of both
    PricingIOError and the OSError subclass Python raises for it
    (``PricingFileNotFoundError`` for ENOENT, ...), or PricingIOError
    itself when Python has none (or errno is None)."""
    if errno is None:
        return PricingIOError
    cls = _IO_CLASSES.get(errno)
    if cls is None:
        base = type(OSError(errno, ""))
        if base is OSError:
            cls = PricingIOError
        else:
            name = "Pricing" + base.__name__
            cls = type(name, (PricingIOError, base), {
                "__module__": __name__, "__qualname__": name,
                "__doc__": f"An io_error that is also a {base.__name__}."})
        _IO_CLASSES[errno] = cls
    return cls


def _errno_of(message: str) -> Optional[int]:
    """The errno whose text ends the library's io_error message ("cannot
    open NAME: No such file or directory"), or None. The library writes
    strerror() of the same C library in the same process."""
    best: Optional[int] = None
    best_len = 0
    for number in sorted(errno_module.errorcode):
        text = os.strerror(number)
        if len(text) > best_len and message.endswith(": " + text):
            best, best_len = number, len(text)
    return best


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
    """A new exception of the class of ``code`` (for io_error, of its
    ``errno`` keyword: :func:`io_error_class`)."""
    cls = error_class(code)
    if cls is PricingIOError:
        cls = io_error_class(kw.get("errno"))
    return cls(code, message, path, **kw)


def io_error_of_file(exc: PricingIOError, name: bytes,
                     filename: Any) -> PricingIOError:
    """exc (the library's io_error for the file ``name``) with
    ``filename``. When the library's message names no reason (it was cut to
    fit), the errno is the one the system gives for opening the file now."""
    number = exc.errno
    if number is None:
        try:
            os.close(os.open(name, os.O_RDONLY))
        except OSError as e:
            number = e.errno
    new = make(exc.code, exc.message, exc.path, errno=number,
               filename=filename)
    new.code_value = exc.code_value
    new._raw_path = exc._raw_path
    new._raw_message = exc._raw_message
    assert isinstance(new, PricingIOError)
    return new


def _rebuild(code: str, message: str, path: str, line: Optional[int],
             column: Optional[int], position: Optional[int],
             *io: Any) -> PricingError:
    kw = dict(zip(("errno", "filename"), io))
    return make(code, message, path, line=line, column=column,
                position=position, **kw)


def from_struct(err: "_lib.Error", rc: int = 0) -> PricingError:
    """The exception for a filled pricing_error (rc: the call's result, used
    when the struct was left empty)."""
    value = err.code if err.code else (-rc if rc < 0 else 0)
    code = _lib.code_name(value)
    raw_path = err.path
    raw_message = err.message
    message = raw_message.decode("utf-8", "replace")
    io = {"errno": _errno_of(message)} if code == "io_error" else {}
    exc = make(code, message, raw_path.decode("utf-8", "replace"),
               line=err.line, column=err.column, position=err.position,
               **io)
    exc.code_value = value
    exc._raw_path = raw_path
    exc._raw_message = raw_message
    return exc
