"""verify notices sales, status changes and refunds changed behind the till's back: the file is
edited with plain sqlite3, then verify runs through the service and the command line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos_app import cli
from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor
from pos_app.services import Services
from tests.conftest import FAST_HASHER
from tests.helpers import raw, sell


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


def run_verify(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str, str]:
    """`pos-app verify` as the manager, in-process: exit code, stdout, stderr."""
    monkeypatch.setattr("pos_app.services.auth.till_hasher", lambda: FAST_HASHER)
    monkeypatch.setenv("POS_APP_PASSWORD", "manager123")
    capsys.readouterr()
    code = cli.main(["--db", str(db_path), "--user", "manager", "verify", *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_an_order_without_a_journal_entry_is_reported(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    number = _sell(services, clerk)
    _tamper(
        db_path, f"DELETE FROM journal WHERE order_id = (SELECT id FROM orders WHERE number = '{number}')"
    )
    problems = services.admin.verify(manager).problems
    assert any("1 orders but 0 sales" in p and number in p for p in problems)


def test_a_refund_payment_changed_afterwards_is_reported(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    number = _sell(services, clerk)
    services.orders.refund(manager, number)
    assert services.admin.verify(manager).ok
    _tamper(db_path, "UPDATE payments SET amount = amount + 100 WHERE kind = 'refund'")
    assert any("refunds disagree" in p for p in services.admin.verify(manager).problems)


# Each edit a fraudster might make to a paid sale, and the field verify must name.
EDITS = {
    "customer_id": "UPDATE orders SET customer_id = NULL",
    "customer_name": "UPDATE orders SET customer_name = 'Someone Else'",
    "status": "UPDATE orders SET status = 'cancelled'",
    "paid": "UPDATE orders SET paid = paid - 100",
    "change_given": "UPDATE orders SET change_given = change_given + 100",
    "clerk_name": "UPDATE orders SET clerk_name = 'manager'",
    "total": "UPDATE orders SET total = total / 2",
    "fulfilment": "UPDATE orders SET fulfilment = 'delivery'",
    "tendered": "UPDATE payments SET tendered = tendered + 1000",
    "change": "UPDATE payments SET change = change + 1000",
    "line 1 unit_price": "UPDATE order_lines SET unit_price = 1 WHERE line_no = 1",
    "line 2 name": "UPDATE order_lines SET name = 'Cheap thing' WHERE line_no = 2",
    "line 1 qty": "UPDATE order_lines SET qty = qty + 1 WHERE line_no = 1",
}


@pytest.mark.parametrize("field", list(EDITS))
def test_each_field_of_a_sale_edited_in_the_file_is_reported(
    services: Services,
    clerk: Actor,
    manager: Actor,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    field: str,
) -> None:
    order = sell(services, clerk, customer="alice", cash=2000)
    assert order.change_given > 0 and order.customer_id
    assert services.admin.verify(manager).ok
    _tamper(db_path, EDITS[field])

    problems = services.admin.verify(manager).problems
    assert [p for p in problems if f"sale {order.number} no longer matches" in p and field in p], problems
    code, _out, err = run_verify(db_path, monkeypatch, capsys)
    assert code == 5
    assert f"sale {order.number} no longer matches its journal entry" in err
    assert err.strip().splitlines()[-1].endswith("problem(s) found")


def test_status_changes_refunds_and_cancels_are_entries_that_verify_follows(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    pickup = sell(services, clerk, customer="alice", fulfilment=Fulfilment.PICKUP)
    services.orders.update_order(clerk, pickup.number, status=OrderStatus.READY)
    services.orders.update_order(clerk, pickup.number, status=OrderStatus.COLLECTED)
    partly = sell(services, clerk)
    services.orders.refund(manager, partly.number, lines={"MUG": 1})
    cancelled = sell(services, clerk, fulfilment=Fulfilment.DELIVERY)
    services.orders.cancel(manager, cancelled.number)
    with raw(db_path, read_only=True) as conn:
        kinds = [r[0] for r in conn.execute("SELECT kind FROM journal ORDER BY seq")]
    assert kinds == ["sale", "status", "status", "sale", "refund", "sale", "cancel"]
    assert services.admin.verify(manager).ok

    # Putting the collected order back to 'ready', or undoing part of a refund, is seen.
    _tamper(db_path, f"UPDATE orders SET status = 'ready' WHERE number = '{pickup.number}'")
    _tamper(
        db_path,
        "UPDATE order_lines SET refunded_qty = 0 WHERE refunded_qty = 1 AND order_id = "
        f"(SELECT id FROM orders WHERE number = '{partly.number}')",
    )
    _tamper(
        db_path,
        "UPDATE payments SET method = 'cash' WHERE kind = 'refund' AND order_id = "
        f"(SELECT id FROM orders WHERE number = '{cancelled.number}')",
    )
    problems = services.admin.verify(manager).problems
    assert any(pickup.number in p and "status 'ready' (journal 'collected')" in p for p in problems)
    assert any(partly.number in p and "refunded_qty 0 (journal 1)" in p for p in problems)
    assert any(cancelled.number in p and "payments refund cash" in p for p in problems)


def test_the_status_entry_names_who_changed_it_and_when(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    import json

    order = sell(services, clerk, fulfilment=Fulfilment.PICKUP)
    services.orders.update_order(clerk, order.number, status=OrderStatus.READY)
    with raw(db_path, read_only=True) as conn:
        payload = json.loads(conn.execute("SELECT payload FROM journal WHERE kind = 'status'").fetchone()[0])
    assert payload["from"] == "placed" and payload["to"] == "ready"
    assert payload["user"] == "clerk" and payload["number"] == order.number and payload["at"]


def test_who_changed_an_order_is_covered_too(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    """The history a manager reads (who refunded, who moved it on) must agree with the journal."""
    order = sell(services, clerk, fulfilment=Fulfilment.PICKUP)
    services.orders.update_order(clerk, order.number, status=OrderStatus.READY)
    services.orders.refund(manager, order.number, lines={"MUG": 1})
    assert services.admin.verify(manager).ok
    _tamper(db_path, "UPDATE order_events SET user_name = 'clerk' WHERE action = 'refund'")
    _tamper(db_path, "UPDATE journal SET kind = 'cancel' WHERE kind = 'refund'")
    _tamper(db_path, "UPDATE journal SET order_id = 'elsewhere' WHERE kind = 'status'")
    problems = services.admin.verify(manager).problems
    assert any("history refund by clerk (journal refund by manager)" in p for p in problems), problems
    assert "journal entry 3 is filed as a cancel but records a refund" in problems
    assert "journal entry 2 (status) is filed under another order than the one it names" in problems
