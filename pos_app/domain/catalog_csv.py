"""The product CSV file (import and export): its columns, in order, and what each holds."""

from __future__ import annotations

PRODUCT_COLUMNS: dict[str, str] = {
    "sku": "the product's code, 1-64 characters without spaces (a row with a known SKU updates it)",
    "barcode": "optional: EAN-13, EAN-8 or UPC-A digits with a valid check digit",
    "name": "1-200 characters",
    "price": "in the shop's currency with its decimals, e.g. 4.50",
    "tax_rate": "a percentage from 0 to 100, at most 2 decimals, e.g. 20 or 12.5",
    "on_hand": "whole units in stock (empty: 0); sets new products' stock only, unless stock is counted",
    "sold_by": "optional: each (empty) or weight; by weight, price is per kg and on_hand kg, e.g. 12.5",
    "category": "optional column: up to 60 characters, e.g. Kitchen (empty: none; no column: kept as it is)",
}
# Columns a file may leave out: older files, written before them, still import.
OPTIONAL_COLUMNS = frozenset({"sold_by", "category"})
REQUIRED_COLUMNS = tuple(name for name in PRODUCT_COLUMNS if name not in OPTIONAL_COLUMNS)
