"""Money as integer minor units; Decimal only inside arithmetic, with explicit rounding."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pos_app.domain.errors import InvalidInput
from pos_app.domain.numbers import AMOUNT, parse_scaled
from pos_app.domain.numbers import MAX_AMOUNT as MAX_AMOUNT  # re-exported: one definition

MINOR_DIGITS = {"JPY": 0, "KRW": 0, "BHD": 3, "KWD": 3}


def minor_digits(currency: str) -> int:
    return MINOR_DIGITS.get(currency, 2)


def round_half_up(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def parse_amount(text: str, currency: str = "GBP", *, allow_zero: bool = True) -> int:
    """Parse '12.50' into minor units (1250); refuse negatives, excess digits and junk.

    ASCII digits only, with an optional point and thousands commas; no exponent, NaN or other
    scripts' digits (see domain.numbers)."""
    cleaned = text.strip().replace(",", "")
    if cleaned.startswith("-") and cleaned[1:].strip():
        parse_scaled(cleaned[1:], minor_digits(currency), AMOUNT, what="an amount")  # junk first
        raise InvalidInput(f"'{text.strip()[:20]}' is negative")
    try:
        minor = parse_scaled(cleaned, minor_digits(currency), AMOUNT, what="an amount")
    except InvalidInput as exc:
        if "must be from" in exc.message:
            raise InvalidInput(f"'{cleaned[:20]}' is too large") from None
        raise
    if minor == 0 and not allow_zero:
        raise InvalidInput("the amount must be more than zero")
    return minor


def format_amount(minor: int, currency: str = "GBP") -> str:
    """1250 -> '12.50' in en_GB, '12,50' in de_DE: the shop's locale, no symbol (the UI adds one)."""
    from pos_app.domain.formatting import amount  # formatting builds on this module

    return amount(minor, currency)


def plain_amount(minor: int, currency: str = "GBP") -> str:
    """1250 -> '1250.00'-style text for files and fields read back by `parse_amount`: a point,
    no grouping, whatever the shop's locale."""
    digits = minor_digits(currency)
    sign = "-" if minor < 0 else ""
    major, fraction = divmod(abs(minor), 10**digits)
    return f"{sign}{major}.{fraction:0{digits}d}" if digits else f"{sign}{major}"


def allocate(total: int, weights: list[int]) -> list[int]:
    """Split `total` in proportion to `weights` so the parts add up exactly (largest remainder)."""
    if not weights:
        return []
    weight_sum = sum(weights)
    if weight_sum == 0:
        return [0] * len(weights)
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    shares = [magnitude * w // weight_sum for w in weights]
    remainders = [magnitude * w % weight_sum for w in weights]
    leftover = magnitude - sum(shares)
    for index in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:leftover]:
        shares[index] += 1
    return [sign * s for s in shares]


def round_to_increment(amount: int, increment: int) -> int:
    """Cash rounding: to the nearest `increment` minor units, halves up (e.g. 5 for 0.05)."""
    if increment <= 1:
        return amount
    return round_half_up(Decimal(amount) / increment) * increment
