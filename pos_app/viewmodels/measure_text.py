"""A line's quantity and price as people read them: '3 × £1.00', or '0.350 kg @ £4.00/kg' for
goods sold by weight. Weights go through domain.variable_measure.kg_text, the one place a
weight is written, so the shop's number format changes there alone."""

from __future__ import annotations

from collections.abc import Callable

from pos_app.domain.variable_measure import SoldBy, kg_text, qty_text
from pos_app.viewmodels.money_text import money

__all__ = ["kg_edit_text", "price_text", "qty_at_price", "qty_text"]


def price_text(
    unit_price: int, measure: SoldBy | str, currency: str, fmt: Callable[[int, str], str] = money
) -> str:
    """'£1.00', or '£4.00/kg' for a price per kg."""
    text = fmt(unit_price, currency)
    return f"{text}/kg" if SoldBy(measure) is SoldBy.WEIGHT else text


def qty_at_price(qty: int, measure: SoldBy | str, unit_price: int, currency: str) -> str:
    """'3 × £1.00' or '0.350 kg @ £4.00/kg'."""
    if SoldBy(measure) is SoldBy.WEIGHT:
        return f"{kg_text(qty)} @ {price_text(unit_price, measure, currency)}"
    return f"{qty} × {money(unit_price, currency)}"


def kg_edit_text(grams: int) -> str:
    """A weight as the clerk types it back into a box: 350 -> '0.350' (kg, no unit)."""
    return kg_text(grams).removesuffix(" kg")
