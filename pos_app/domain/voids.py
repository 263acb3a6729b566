"""Voided lines: goods taken off a sale before it was paid (a line removed, a quantity
lowered, the whole sale voided, a parked sale discarded). Each is kept with who, when, where
and what it would have come to, and summed on the drawer's X and Z reports."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.errors import InvalidInput


class VoidKind(StrEnum):
    LINE = "line"  # a line removed from the open sale
    QTY = "qty"  # a line's quantity lowered
    SALE = "sale"  # the whole open sale voided
    PARKED = "parked"  # a parked sale discarded


@dataclass(frozen=True)
class VoidedLine:
    """One line (or the part of one) taken off a sale: `qty` of `sku`, and `amount`, what it
    came to on the sale at that moment (its price times the quantity less its own discount;
    a discount on the whole sale is not shared out)."""

    kind: VoidKind
    sku: str
    name: str
    qty: int
    amount: int

    def __post_init__(self) -> None:
        # No upper bound of its own: whatever quantity the sale took may be taken off again.
        if not self.sku or isinstance(self.qty, bool) or not isinstance(self.qty, int) or self.qty <= 0:
            raise InvalidInput("a voided line needs a SKU and a quantity")
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or abs(self.amount) > 10**13:
            raise InvalidInput("a voided line's amount must be a whole number of minor units")
