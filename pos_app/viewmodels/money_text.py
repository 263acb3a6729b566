"""Amounts as the till shows them: with the currency's symbol, in the shop's locale."""

from __future__ import annotations

from pos_app.domain import formatting


def money(minor: int, currency: str) -> str:
    """1250, 'GBP' -> '£12.50' (en_GB), '12,50 £' (de_DE); -1250 -> '-£12.50'."""
    return formatting.money(minor, currency)
