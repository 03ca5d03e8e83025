#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Price one order with libpricing's Python binding.

    python3 examples/quote.py [CATALOG [REQUEST]]

CATALOG and REQUEST default to examples/catalog.json and
examples/request.json. From a build tree, run it with the binding on the
path (make check does):

    PYTHONPATH=bindings/python python3 examples/quote.py
"""

import os
import sys
from decimal import Decimal

try:
    import pricing
except ModuleNotFoundError as e:  # a source checkout, not installed
    if e.name != "pricing":
        raise
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, os.pardir, "bindings", "python"))
    import pricing


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    catalog_path = argv[1] if len(argv) > 1 else os.path.join(
        here, "catalog.json")
    request_path = argv[2] if len(argv) > 2 else os.path.join(
        here, "request.json")
    with open(request_path, "rb") as f:
        request = f.read()

    try:
        with pricing.Catalog.load(catalog_path) as catalog:
            quote = catalog.quote(request)
    except pricing.PricingError as e:
        # e.code, e.path and e.message are the contract's error object.
        print(f"rejected: {e}", file=sys.stderr)
        return 1

    print(f"{quote.catalog} {quote.version or ''}: {quote.spec} "
          f"{quote.sku} {quote.plan} x {quote.count}")
    for line in quote.lines:
        what = line.attribute or line.kind
        if line.tier is not None:
            what += f" tier {line.tier}"
        print(f"  {what:<20} {line.quantity:>6} x {line.unit_price:>10}"
              f" = {line.amount:>12} {quote.currency}")
    # Rounded money is Decimal, exact money is Fraction: never float.
    assert isinstance(quote.total, Decimal)
    print(f"  {'total':<20} {quote.total:>34} {quote.currency}"
          f"  (exact {quote.exact_total})")
    if quote.service_end:
        print(f"  service {quote.service_start} to {quote.service_end}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
