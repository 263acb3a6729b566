"""Settling a total with one or more tenders: cash (rounded, with change), card, store credit."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import MAX_AMOUNT, format_amount, round_to_increment


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    STORE_CREDIT = "store_credit"


@dataclass(frozen=True)
class Tender:
    method: PaymentMethod
    amount: int  # cash: what was handed over; others: what is charged
    reference: str = ""  # card terminal reference, store credit voucher


@dataclass(frozen=True)
class AppliedPayment:
    method: PaymentMethod
    amount: int  # counts towards the total
    tendered: int
    change: int
    reference: str


@dataclass(frozen=True)
class Settlement:
    payments: tuple[AppliedPayment, ...]
    cash_rounding: int  # added to the total by cash rounding (may be negative)
    change: int

    @property
    def paid(self) -> int:
        return sum(p.amount for p in self.payments)


def cash_due(remaining: int, cash_increment: int) -> int:
    return round_to_increment(remaining, cash_increment)


def balance_due(total: int, cash_rounding: int, paid: int, refunded: int, returned_value: int) -> int:
    """What is still owed on an order: its total (as rounded for cash, less the value of lines
    given back) against what was paid and not given back. Never negative."""
    owed = total + cash_rounding - returned_value
    return max(0, owed - (paid - refunded))


def settle(
    total: int, tenders: list[Tender], cash_increment: int, currency: str, *, partial: bool = False
) -> Settlement:
    """Apply tenders to `total`; card and credit first, then cash (rounded) with change.

    `partial`: tenders may leave part of the total unpaid (an order awaiting payment)."""
    if not tenders and total > 0 and not partial:
        raise InvalidInput("add a payment")
    for tender in tenders:
        if tender.amount < 0 or (tender.amount == 0 and tender.method is not PaymentMethod.CASH):
            raise InvalidInput(f"a {tender.method.value} payment must be more than zero")
        if tender.amount > MAX_AMOUNT:
            raise InvalidInput(f"a {tender.method.value} payment of that size is not accepted")
        if tender.method is PaymentMethod.CARD and not tender.reference.strip():
            raise InvalidInput("a card payment needs the terminal's reference")
    exact = [t for t in tenders if t.method is not PaymentMethod.CASH]
    cash = [t for t in tenders if t.method is PaymentMethod.CASH]
    exact_sum = sum(t.amount for t in exact)
    if exact_sum > total:
        raise InvalidInput(
            f"card and credit payments ({format_amount(exact_sum, currency)}) are more than "
            f"the total ({format_amount(total, currency)})"
        )
    applied = [AppliedPayment(t.method, t.amount, t.amount, 0, t.reference.strip()) for t in exact]
    remaining = total - exact_sum
    due = cash_due(remaining, cash_increment) if cash else remaining
    tendered = sum(t.amount for t in cash)
    if not cash:
        if remaining > 0 and not partial:
            raise InvalidInput(f"{format_amount(remaining, currency)} is still due")
        return Settlement(tuple(applied), 0, 0)
    due = max(due, 0)
    if tendered < due:
        raise InvalidInput(
            f"cash tendered {format_amount(tendered, currency)} is less than "
            f"{format_amount(due, currency)} due"
        )
    change = tendered - due
    applied.append(AppliedPayment(PaymentMethod.CASH, due, tendered, change, ""))
    return Settlement(tuple(applied), due - remaining, change)
