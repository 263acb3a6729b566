"""verify notices sales and refunds changed behind the till's back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor
from pos_app.services import Services


def _sell(services: Services, clerk: Actor) -> str:
    cart = Cart((CartLine("MUG", 1),))
    return services.checkout.checkout(clerk, CheckoutRequest(cart, (Tender(PaymentMethod.CASH, 500),))).number


def _tamper(db_path: Path, sql: str) -> None:
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def test_an_order_without_a_journal_entry_is_reported(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    number = _sell(services, clerk)
    _tamper(
        db_path, f"DELETE FROM journal WHERE order_id = (SELECT id FROM orders WHERE number = '{number}')"
    )
    problems = services.admin.verify(manager).problems
    assert any("1 orders but 0 sales" in p for p in problems)


def test_a_refund_payment_changed_afterwards_is_reported(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    number = _sell(services, clerk)
    services.orders.refund(manager, number)
    assert services.admin.verify(manager).ok
    _tamper(db_path, "UPDATE payments SET amount = amount + 100 WHERE kind = 'refund'")
    assert any("refunds disagree" in p for p in services.admin.verify(manager).problems)
