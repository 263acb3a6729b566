"""Amounts as the till shows them: with the currency's symbol where it has a common one."""

from __future__ import annotations

from pos_app.domain.money import format_amount

SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥", "INR": "₹"}


def money(minor: int, currency: str) -> str:
    """1250, 'GBP' -> '£12.50'; -1250 -> '-£12.50'; unknown currencies -> '12.50 CHF'."""
    text = format_amount(abs(minor), currency)
    sign = "-" if minor < 0 else ""
    symbol = SYMBOLS.get(currency)
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {currency}"
