"""Booking money to a till's cash drawer session: which session a sale, a later payment, a
refund or a cancel belongs to, whether cash may change hands there at all, and the cash
movements that go with it. Called inside the caller's write, so the cash is booked in the same
transaction as the money it records."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pos_app.domain.drawer import CashSession, DrawerMode, MovementKind
from pos_app.domain.errors import InvalidInput, NoCashSession
from pos_app.domain.payments import AppliedPayment, PaymentMethod
from pos_app.domain.settings import StoreSettings
from pos_app.store.ids import new_id, utc_now
from pos_app.store.uow import UnitOfWork

Row = dict[str, Any]


def takes_cash(payments: Iterable[AppliedPayment]) -> bool:
    """Whether cash changes hands (handed over, even if all of it comes back as change)."""
    return any(p.method is PaymentMethod.CASH and (p.tendered or p.amount) for p in payments)


def booking_session(
    uow: UnitOfWork,
    settings: StoreSettings,
    cash: bool,
    *,
    giving_back: bool = False,
    hint: str | None = None,
    resolving: bool = False,
) -> CashSession | None:
    """The session this till books money to now (None when no session is open), after checking
    that cash, if any changes hands, may do so here.

    `hint`: the session a sale was rung up in (a card payment booked at start-up after the till
    stopped); it is kept even if that session has closed since (the sale is then late there).
    `resolving`: the money changed hands already, so it is booked whatever the rules say now."""
    session = uow.drawer.open_session(settings.till)
    if hint:
        session = uow.drawer.get(hint) or session
    if not cash or resolving:
        return session
    if settings.cash_drawer is DrawerMode.CARD_ONLY:
        instead = "give it back as store credit" if giving_back else "take the payment by card"
        raise InvalidInput(f"till {settings.till} takes no cash (a card-only till): {instead}")
    if session is None and settings.cash_drawer is DrawerMode.SESSIONS:
        raise NoCashSession(
            f"no cash drawer session is open at till {settings.till}: open the drawer with its "
            "float before taking or giving back cash"
        )
    return session


def movement(
    session_id: str,
    kind: MovementKind,
    amount: int,
    user: str,
    *,
    order_id: str | None = None,
    reason: str = "",
    approver: str = "",
    at: str | None = None,
) -> Row:
    return {
        "id": new_id(),
        "session_id": session_id,
        "kind": kind.value,
        "amount": amount,
        "reason": reason,
        "order_id": order_id,
        "user_name": user,
        "approver_name": approver,
        "created_at": at or utc_now(),
    }


def book_cash(
    uow: UnitOfWork,
    session: CashSession | None,
    order_id: str,
    user: str,
    taken: Iterable[AppliedPayment] = (),
    given_back: int = 0,
    at: str | None = None,
) -> None:
    """The drawer's side of an order's money: cash kept from `taken` payments (tendered less
    change), cash `given_back` by a refund or cancel."""
    if session is None:
        return
    rows = [
        movement(session.id, MovementKind.SALE, p.amount, user, order_id=order_id, at=at)
        for p in taken
        if p.method is PaymentMethod.CASH and p.amount
    ]
    if given_back:
        rows.append(movement(session.id, MovementKind.REFUND, -given_back, user, order_id=order_id, at=at))
    uow.drawer.add_movements(rows)
