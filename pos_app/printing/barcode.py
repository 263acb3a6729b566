"""The order number's Code 128 bars, for pages drawn by Qt (ESC/POS printers draw their own)."""

from __future__ import annotations


def code128_modules(text: str) -> str:
    """'1' for a bar module, '0' for a space, start to stop (no quiet zone)."""
    from barcode.codex import Code128  # python-barcode, which python-escpos brings

    return "".join(Code128(text).build())
