"""The notes and coins of a currency, and a cash drawer counted by them.

Values are minor units. A currency that is not listed can still be counted, as a sum only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import MAX_AMOUNT, format_amount
from pos_app.domain.numbers import IntRange

PIECES = IntRange("number of notes or coins", 0, 1_000_000)

# (notes, coins) in circulation, largest first.
_TABLE: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {
    "GBP": ((5000, 2000, 1000, 500), (200, 100, 50, 20, 10, 5, 2, 1)),
    "EUR": ((50000, 20000, 10000, 5000, 2000, 1000, 500), (200, 100, 50, 20, 10, 5, 2, 1)),
    "USD": ((10000, 5000, 2000, 1000, 500, 200, 100), (50, 25, 10, 5, 1)),
    "CAD": ((10000, 5000, 2000, 1000, 500), (200, 100, 25, 10, 5)),
    "AUD": ((10000, 5000, 2000, 1000, 500), (200, 100, 50, 20, 10, 5)),
    "NZD": ((10000, 5000, 2000, 1000, 500), (200, 100, 50, 20, 10)),
    "CHF": ((100000, 20000, 10000, 5000, 2000, 1000), (500, 200, 100, 50, 20, 10, 5)),
    "SEK": ((100000, 50000, 20000, 10000, 5000, 2000), (1000, 500, 200, 100)),
    "NOK": ((100000, 50000, 20000, 10000, 5000), (2000, 1000, 500, 100)),
    "DKK": ((100000, 50000, 20000, 10000, 5000), (2000, 1000, 500, 200, 100, 50)),
    "PLN": ((50000, 20000, 10000, 5000, 2000, 1000), (500, 200, 100, 50, 20, 10, 5, 2, 1)),
    "CZK": ((500000, 200000, 100000, 50000, 20000, 10000), (5000, 2000, 1000, 500, 200, 100)),
    "JPY": ((10000, 5000, 2000, 1000), (500, 100, 50, 10, 5, 1)),
}


@dataclass(frozen=True)
class Denomination:
    value: int  # minor units
    note: bool  # a note (else a coin)

    def label(self, currency: str) -> str:
        return f"{format_amount(self.value, currency)} {'note' if self.note else 'coin'}"


def denominations(currency: str) -> tuple[Denomination, ...]:
    """The currency's notes then coins, largest first; () when it is not known here."""
    notes, coins = _TABLE.get(currency.upper(), ((), ()))
    return tuple(Denomination(v, True) for v in notes) + tuple(Denomination(v, False) for v in coins)


@dataclass(frozen=True)
class DrawerCount:
    """Cash counted: its total, and how many of each note and coin when counted that way."""

    total: int
    pieces: tuple[tuple[int, int], ...] = ()  # (value, how many), largest value first; () for a sum

    @property
    def by_denomination(self) -> bool:
        return bool(self.pieces)

    def as_json(self) -> list[list[int]]:
        return [[value, n] for value, n in self.pieces]


def count_of_sum(total: int) -> DrawerCount:
    if isinstance(total, bool) or not isinstance(total, int) or not 0 <= total <= MAX_AMOUNT:
        raise InvalidInput("a cash count must be a whole amount from 0")
    return DrawerCount(total)


def count_by_denomination(
    currency: str, counts: Mapping[int, int] | Iterable[tuple[int, int]]
) -> DrawerCount:
    """A count of notes and coins (value -> how many; the same value given twice adds up)."""
    known = {d.value for d in denominations(currency)}
    if not known:
        raise InvalidInput(f"the notes and coins of {currency} are not known here: give the sum counted")
    items = counts.items() if isinstance(counts, Mapping) else counts
    pieces: dict[int, int] = {}
    for value, n in items:
        if value not in known:
            raise InvalidInput(f"{format_amount(value, currency)} is not a note or coin of {currency}")
        pieces[value] = PIECES.check(pieces.get(value, 0) + PIECES.check(n))
    total = sum(value * n for value, n in pieces.items())
    if total > MAX_AMOUNT:
        raise InvalidInput("that count is larger than any drawer holds")
    return DrawerCount(total, tuple(sorted(((v, n) for v, n in pieces.items() if n), reverse=True)))


def count_from_json(value: Any) -> tuple[tuple[int, int], ...]:
    """Pieces as stored ([[value, n], ...]); () for anything else."""
    if not isinstance(value, list):
        return ()
    return tuple(
        (int(v), int(n))
        for item in value
        if isinstance(item, list) and len(item) == 2
        for v, n in [item]
        if isinstance(v, int) and isinstance(n, int)
    )
