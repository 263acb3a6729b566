"""Every number a person or a file types, read by one strict parser into an integer in range.

Only ASCII digits count (no `1_000`, no `١٢٣٤`, no `²`, no exponent, no NaN or infinity), the
length is capped before conversion, and each kind of number has its range stated here once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pos_app.domain.errors import InvalidInput

MAX_AMOUNT = 10**11  # minor units: a billion in major units; above is a typing accident


@dataclass(frozen=True)
class IntRange:
    what: str  # as a clerk would name it: "quantity", "on-hand"
    low: int
    high: int

    def describe(self) -> str:
        return f"{self.low} to {self.high}"

    def check(self, value: int, subject: str = "") -> int:
        """`value` itself; refused naming `subject` (e.g. "line 2: 'qty'"), else the kind."""
        if not self.low <= value <= self.high:
            raise InvalidInput(f"{subject or self.what} must be from {self.describe()}")
        return value


# The ranges, stated once (the command line's help and the README quote them).
QUANTITY = IntRange("quantity", 1, 9_999)
GRAMS = IntRange("weight in grams", 1, 100_000)  # one line of a product sold by weight: 100 kg
AMOUNT = IntRange("amount", 0, MAX_AMOUNT)
ON_HAND = IntRange("on-hand", 0, 1_000_000)
ON_HAND_GRAMS = IntRange("on-hand in grams", 0, 100_000_000)  # 100 t of a product sold by weight
RECEIVE_QTY = IntRange("quantity received", 1, 1_000_000)
ADJUST_QTY = IntRange("adjustment", -1_000_000, 1_000_000)
TAX_RATE_BP = IntRange("tax rate", 0, 10_000)  # basis points: 0-100 %
PERCENT_SYNTAX = IntRange("percentage", -(10**9), 10**9)  # read only; Discount says what is allowed
PAGE_LIMIT = IntRange("page size", 1, 500)
VERSION = IntRange("version", 1, 2**31 - 1)
DEMO_ORDERS = IntRange("number of orders", 0, 10_000_000)
CASH_STEP = IntRange("cash rounding step", 1, 100_000)  # minor units: 1 = none, 5 = to 0.05
DISCOUNT_LIMIT_BP = IntRange("clerk discount limit", 0, 10_000)  # basis points: 0-100 %
PAYOUT_LIMIT = IntRange("pay-out limit", 0, MAX_AMOUNT)  # minor units a clerk may pay out alone
DIFFERENCE_LIMIT = IntRange("drawer difference limit", 0, MAX_AMOUNT)  # over/short a clerk may close with

# Days a search may name: wide enough for any shop, narrow enough that local-time conversion
# never overflows (date.min and date.max cannot be shifted by a time zone).
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2999, 12, 31)

_MAX_DIGITS = 18  # below 2**63: nothing typed can overflow a SQLite integer
_INT = re.compile(rf"[+-]?[0-9]{{1,{_MAX_DIGITS}}}")
_DECIMAL = re.compile(rf"-?(?:[0-9]{{1,{_MAX_DIGITS}}}(?:\.[0-9]*)?|\.[0-9]+)")
_MAX_DECIMAL_CHARS = 40


def is_ascii_digits(text: str, max_len: int = _MAX_DIGITS) -> bool:
    """'0042' -> True; '²', '١٢', '1_0', '' -> False."""
    return 0 < len(text) <= max_len and text.isascii() and text.isdigit()


def _shown(text: str) -> str:
    """The typed text, cut short and with no control characters, to quote in a message."""
    short = text if len(text) <= 20 else text[:20] + "…"
    return "".join(c if c.isprintable() else "?" for c in short)


def parse_int(text: str, rng: IntRange, subject: str = "") -> int:
    """A whole number typed as ASCII digits with an optional sign, within `rng`."""
    cleaned = text.strip()
    digits = cleaned.lstrip("+-")
    if len(digits) > _MAX_DIGITS and digits.isascii() and digits.isdigit():
        raise InvalidInput(f"{subject or rng.what} must be from {rng.describe()}")
    if not _INT.fullmatch(cleaned):
        raise InvalidInput(f"'{_shown(cleaned)}' is not a whole number ({rng.what} {rng.describe()})")
    return rng.check(int(cleaned), subject)


def parse_scaled(text: str, places: int, rng: IntRange, subject: str = "", *, what: str) -> int:
    """'12.5' with 2 places -> 1250: ASCII digits and one point, at most `places` decimals.

    `what` names the kind with its article ("an amount") for the message."""
    cleaned = text.strip()
    if len(cleaned) > _MAX_DECIMAL_CHARS or not _DECIMAL.fullmatch(cleaned):
        raise InvalidInput(f"'{_shown(cleaned)}' is not {what}")
    scaled = Decimal(cleaned).scaleb(places)
    if scaled != scaled.to_integral_value():
        raise InvalidInput(f"'{_shown(cleaned)}' has more than {places} decimal places")
    return rng.check(int(scaled), subject)


def check_int(value: object, rng: IntRange, subject: str = "") -> int:
    """A number that arrived already parsed (JSON): a true int, not a bool or float, in range."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{subject or rng.what} must be a whole number from {rng.describe()}")
    return rng.check(value, subject)


def check_day(day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(f"{day.isoformat()} is outside {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}")
    return day
