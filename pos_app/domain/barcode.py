"""EAN-8, EAN-13 and UPC-A check-digit validation."""

from __future__ import annotations

from pos_app.domain.errors import InvalidInput

GTIN_LENGTHS = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13"}


def gtin_check_digit(body: str) -> int:
    """Check digit for the digits before it (GS1 mod-10, weights 3,1 from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    if not code.isdigit() or len(code) not in GTIN_LENGTHS:
        return False
    return gtin_check_digit(code[:-1]) == int(code[-1])


def validate_barcode(code: str) -> str:
    """Return the barcode stripped, or raise with a message saying what is wrong."""
    code = code.strip()
    if not code.isdigit() or len(code) not in GTIN_LENGTHS:
        raise InvalidInput(f"barcode '{code}' must be 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13)")
    if not is_valid_gtin(code):
        kind = GTIN_LENGTHS[len(code)]
        raise InvalidInput(f"barcode '{code}' has a wrong check digit for {kind}")
    return code
