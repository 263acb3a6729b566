"""Taking payment for an order that awaits it (placed by a customer, paid at the counter, at
pickup or on delivery): the same settle rules as checkout, one transaction."""

from __future__ import annotations

from pos_app.domain.drawer import CashSession
from pos_app.domain.errors import InvalidInput, PosError
from pos_app.domain.journal import payment_payload
from pos_app.domain.money import format_amount
from pos_app.domain.numbers import AMOUNT, check_int
from pos_app.domain.orders import UNSHIPPED, Fulfilment, OrderStatus
from pos_app.domain.payments import PaymentMethod, Settlement, Tender, settle
from pos_app.domain.records import OrderDetail
from pos_app.domain.text import REFERENCE_MAX, check_text
from pos_app.domain.users import Actor
from pos_app.services.checkout import payment_records
from pos_app.services.credit import check_credit, spend_credit
from pos_app.services.drawer_booking import book_cash
from pos_app.services.payments import IN_HOUSE, PaymentProcessor
from pos_app.store.ids import utc_now
from pos_app.store.uow import UnitOfWork


def settle_balance(
    uow: UnitOfWork, order: OrderDetail, tenders: list[Tender], cash_increment: int
) -> Settlement:
    """Settle what `order` still owes with `tenders` (all of it: no part payments here)."""
    for tender in tenders:  # the same limits as at checkout
        check_text(tender.reference, "payment reference", REFERENCE_MAX)
        check_int(tender.amount, AMOUNT, "a payment")
    due = order.balance_due
    if not due:
        raise InvalidInput(f"{order.number} has nothing left to pay")
    settlement = settle(due, tenders, cash_increment, order.currency)
    customer = uow.customers.by_id(order.customer_id) if order.customer_id else None
    check_credit(uow, customer, settlement.payments, order.currency)
    return settlement


def capture(
    processors: dict[PaymentMethod, PaymentProcessor], settlement: Settlement, currency: str
) -> list[str]:
    """Capture the terminal payments (no transaction open); given back if one is declined."""
    references: list[str] = []
    try:
        for p in settlement.payments:
            references.append(processors[p.method].capture(p, currency))
    except PosError:
        give_back(processors, settlement, references, currency)
        raise
    return references


def give_back(
    processors: dict[PaymentMethod, PaymentProcessor],
    settlement: Settlement,
    references: list[str],
    currency: str,
) -> None:
    for p, ref in zip(settlement.payments, references, strict=False):
        if p.method not in IN_HOUSE:
            processors[p.method].refund(p, ref, currency)


def record_payment(
    uow: UnitOfWork,
    actor: Actor,
    order: OrderDetail,
    settlement: Settlement,
    references: list[str],
    session: CashSession | None = None,
) -> None:
    """Write the payments (booked to the till's cash drawer `session`, cash into its drawer),
    the order's new sums and status, its history and the journal entry."""
    now = utc_now()
    rows = payment_records(order.id, settlement.payments, references, now, session.id if session else None)
    uow.orders.add_payments(rows)
    book_cash(uow, session, order.id, actor.name, settlement.payments, at=now)
    customer = uow.customers.by_id(order.customer_id) if order.customer_id else None
    spend_credit(uow, customer, settlement.payments, actor.name, order.id, order.currency)
    methods = {p.method for p in order.payments if p.kind == "payment"} | {
        p.method.value for p in settlement.payments
    }
    changes: dict[str, object] = {
        "paid": order.paid + settlement.paid,
        "change_given": order.change_given + settlement.change,
        "cash_rounding": order.cash_rounding + settlement.cash_rounding,
        "payment_summary": "+".join(sorted(methods)) or "none",
    }
    to_status = ""
    if order.fulfilment is Fulfilment.IN_STORE and order.status in UNSHIPPED:
        to_status = changes["status"] = OrderStatus.COMPLETED.value  # paid at the till: handed over
    uow.orders.update(order.id, order.version, changes)
    paid_now = format_amount(settlement.paid, order.currency)
    uow.orders.add_event(
        order.id,
        actor.name,
        "payment",
        from_status=order.status.value if to_status else "",
        to_status=to_status,
        at=now,
        detail=f"{paid_now} paid by {'+'.join(p.method.value for p in settlement.payments)}",
    )
    uow.orders.append_journal(
        "payment",
        order.id,
        payment_payload(
            order.id,
            order.number,
            now,
            actor.name,
            rows,
            cash_rounding=settlement.cash_rounding,
            target=to_status,
        ),
    )
