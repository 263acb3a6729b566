"""Cash drawer sessions: how a till takes cash, what moves cash in and out of its drawer, and
the rules a session follows (pure: no database)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import format_amount
from pos_app.domain.text import check_text

REASON_MAX = 200


class DrawerMode(StrEnum):
    """A till's own setting: how it takes cash."""

    SESSIONS = "sessions"  # only into an open drawer session (opened with a float, closed with a count)
    CARD_ONLY = "card_only"  # no cash at all
    UNTRACKED = "untracked"  # cash without sessions, as before they existed (an upgraded shop)


class MovementKind(StrEnum):
    FLOAT = "float"
    SALE = "sale"  # cash kept from a sale or a later payment (tendered less change)
    REFUND = "refund"  # cash given back (a refund or a cancel); negative
    PAY_IN = "pay_in"
    PAY_OUT = "pay_out"  # negative


class SessionState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


def session_label(till: str, seq: int) -> str:
    """The human name of a till's session (its Z number): 'T1-S0007'."""
    return f"{till}-S{seq:04d}"


@dataclass(frozen=True)
class CashSession:
    id: str
    till: str
    seq: int
    state: SessionState
    opened_by: str
    opened_at: str
    float_amount: int
    closed_by: str = ""
    closed_at: str = ""
    counted: int | None = None
    expected: int | None = None
    approved_by: str = ""
    z_hash: str = ""

    @property
    def label(self) -> str:
        return session_label(self.till, self.seq)

    @property
    def is_open(self) -> bool:
        return self.state is SessionState.OPEN


@dataclass(frozen=True)
class CashMovement:
    id: str
    session_id: str
    kind: MovementKind
    amount: int  # signed: into the drawer is positive
    reason: str
    user_name: str
    approver_name: str
    created_at: str
    order_id: str | None = None


def check_reason(text: object) -> str:
    reason = check_text(text, "reason", REASON_MAX)
    if not reason:
        raise InvalidInput("say why the cash goes in or out (a reason)")
    return reason


def check_cash_amount(amount: int, currency: str) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise InvalidInput("the amount must be more than zero")
    if amount > 10**11:
        raise InvalidInput(f"{format_amount(amount, currency)} is more than any drawer holds")
    return amount


def difference_text(difference: int, currency: str) -> str:
    """'over by 2.00', 'short by 0.50' or 'exact'."""
    if difference == 0:
        return "exact"
    return f"{'over' if difference > 0 else 'short'} by {format_amount(abs(difference), currency)}"
