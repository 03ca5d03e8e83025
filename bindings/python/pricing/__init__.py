# SPDX-License-Identifier: MIT
"""libpricing for Python: exact catalog pricing through ctypes.

A pure standard-library binding of the libpricing C library: no compiler,
no third-party package. ::

    from decimal import Decimal
    import pricing

    with pricing.Catalog.load("catalog.json") as catalog:
        quote = catalog.quote({"spec": "standard",
                               "sku": {"edition": "pro", "users": 25},
                               "plan": "month", "count": 3})
        quote.total            # Decimal('3600.00')  (rounded)
        quote.exact_total      # Fraction(3600, 1)   (exact)
        for line in quote.lines:
            print(line.kind, line.quantity, line.amount)
        quote.json             # the bytes `pricing quote` prints, minus "\\n"

Money is never float: rounded values are :class:`decimal.Decimal`, exact ones
:class:`fractions.Fraction`, and a float passed in a request or catalog dict
is refused with :class:`TypeError` (write ``"19.99"`` or
``Decimal("19.99")``). Rejected input raises a :class:`PricingError`
subclass carrying the contract's ``code``, ``path`` and ``message``.

The shared library is found through ``$PRICING_LIBRARY``, then the build tree
this package sits in, then the installed ``libpricing.so.0``; see
:mod:`pricing._lib`. ``python3 -m pricing`` mirrors the ``pricing`` command.

A :class:`Catalog` is immutable and thread-safe: any number of threads may
quote from one catalog at once (each thread reuses its own quote object and
the library runs without the GIL).
"""

from __future__ import annotations

from typing import Tuple

from . import _lib
from ._api import (AfterTrial, Catalog, Line, Quote, Summary, Version,
                   quote_envelope)
from ._info import Attribute, CatalogWarning, Price, Sku, Spec
from .errors import (
    ERROR_CLASSES,
    AmountError,
    CatalogError,
    InvalidArgumentError,
    InvalidValueError,
    JSONSyntaxError,
    LimitExceededError,
    PricingError,
    PricingIOError,
    PricingMemoryError,
    RequestError,
    SchemaError,
)

__all__ = [
    "Catalog",
    "Quote",
    "Line",
    "AfterTrial",
    "Summary",
    "Version",
    "quote_envelope",
    "Spec",
    "Attribute",
    "Sku",
    "Price",
    "CatalogWarning",
    "library_version",
    "library_version_info",
    "format_version",
    "library_path",
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
]

#: The version of this binding (the libpricing release it was written for).
__version__ = ".".join(map(str, _lib.BINDING_VERSION))

#: The file the shared library was loaded from.
library_path: str = _lib.library_path


def library_version() -> str:
    """The loaded library's version string, e.g. ``"0.2.0"``."""
    return (_lib.lib.pricing_version_string() or b"").decode("ascii")


def library_version_info() -> Tuple[int, int, int]:
    """The loaded library's (major, minor, micro)."""
    return _lib.runtime_version()


def format_version() -> str:
    """The version of the JSON format contract the library implements."""
    return (_lib.lib.pricing_format_version() or b"").decode("ascii")
