"""Journal entries beyond the sale: money taken later, entries of earlier releases, the bulk
builder's hand-formatted payloads, and the head on the command line."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from pos_app import cli
from pos_app.domain.journal import canonical, payment_payload, sale_payload, sale_payload_v1
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.bulk import generate_orders
from pos_app.store.ids import new_id, utc_now
from tests.conftest import FAST_HASHER
from tests.helpers import raw, sell


def _take_payment(services: Services, number: str, amount: int, *, book_on_order: bool) -> None:
    """What taking payment later for an awaiting order writes: a payment row, the order's paid
    amount, and a 'payment' journal entry, in one transaction."""
    with services.db.write() as uow:
        order_id = uow.orders.resolve(number)
        assert order_id is not None
        row = {
            "id": new_id(),
            "order_id": order_id,
            "kind": "payment",
            "method": "cash",
            "amount": amount,
            "tendered": amount + 50,
            "change": 50,
            "reference": "",
            "created_at": utc_now(),
        }
        uow.orders.add_payments([row])
        if book_on_order:
            order = uow.orders.get(order_id)
            assert order is not None
            uow.orders.update(
                order_id,
                order.version,
                {"paid": order.paid + amount, "change_given": order.change_given + 50},
            )
        uow.orders.append_journal(
            "payment", order_id, payment_payload(order_id, number, row["created_at"], "clerk", [row])
        )


def test_a_payment_taken_later_is_folded_into_paid_and_payments(
    services: Services, clerk: Actor, manager: Actor
) -> None:
    booked = sell(services, clerk)
    _take_payment(services, booked.number, 300, book_on_order=True)
    assert services.admin.verify(manager).ok

    unbooked = sell(services, clerk)
    _take_payment(services, unbooked.number, 300, book_on_order=False)
    problems = services.admin.verify(manager).problems
    assert len(problems) == 1 and unbooked.number in problems[0]
    assert f"paid {unbooked.paid} (journal {unbooked.paid + 300})" in problems[0]


def _as_release_one(db_path: Path) -> None:
    """Rewrite every sale entry as the first release wrote it, and chain the journal again."""
    with raw(db_path) as conn:
        conn.row_factory = sqlite3.Row
        previous = "0" * 64
        for entry in conn.execute("SELECT seq, order_id, payload FROM journal ORDER BY seq").fetchall():
            header = conn.execute("SELECT * FROM orders WHERE id = ?", (entry["order_id"],)).fetchone()
            lines = conn.execute(
                "SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no", (entry["order_id"],)
            ).fetchall()
            pays = conn.execute(
                "SELECT * FROM payments WHERE order_id = ? AND kind = 'payment'", (entry["order_id"],)
            ).fetchall()
            payload = canonical(
                sale_payload_v1(dict(header), [dict(x) for x in lines], [dict(p) for p in pays])
            )
            digest = hashlib.sha256((previous + payload).encode()).hexdigest()
            conn.execute(
                "UPDATE journal SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                (payload, previous, digest, entry["seq"]),
            )
            previous = digest


def test_sale_entries_of_earlier_releases_are_still_verified(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    order = sell(services, clerk)
    pickup = sell(services, clerk, fulfilment=Fulfilment.PICKUP)
    _as_release_one(db_path)
    assert services.admin.verify(manager).ok
    # This release chains its own entries after the old ones.
    services.orders.update_order(clerk, pickup.number, status=OrderStatus.READY)
    services.orders.refund(manager, pickup.number)
    assert services.admin.verify(manager).ok
    with raw(db_path) as conn:
        conn.execute(
            "UPDATE order_lines SET total = total - 1 WHERE line_no = 1 AND order_id = "
            "(SELECT id FROM orders WHERE number = ?)",
            (order.number,),
        )
    assert services.admin.verify(manager).problems == [
        f"sale {order.number} no longer matches its journal entry"
    ]


def test_generated_sale_entries_are_what_checkout_would_write(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    generate_orders(services, 200)
    with raw(db_path) as conn:
        conn.row_factory = sqlite3.Row
        entries = conn.execute("SELECT order_id, payload FROM journal ORDER BY seq").fetchall()
        for entry in entries:
            header = dict(conn.execute("SELECT * FROM orders WHERE id = ?", (entry["order_id"],)).fetchone())
            header["prices_include_tax"] = bool(header["prices_include_tax"])
            lines = conn.execute(
                "SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no", (entry["order_id"],)
            ).fetchall()
            pays = conn.execute("SELECT * FROM payments WHERE order_id = ?", (entry["order_id"],)).fetchall()
            expected = sale_payload(header, [dict(x) for x in lines], [dict(p) for p in pays])
            assert entry["payload"] == canonical(expected)
    assert any(json.loads(e["payload"])["customer_id"] for e in entries)
    assert services.admin.verify(manager).ok


def test_journal_head_on_the_command_line(
    services: Services,
    clerk: Actor,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("pos_app.services.auth.till_hasher", lambda: FAST_HASHER)
    monkeypatch.setenv("POS_APP_PASSWORD", "manager123")
    argv = ["--db", str(db_path), "--user", "manager", "journal", "head"]
    assert cli.main(argv) == 0
    assert "the journal is empty" in capsys.readouterr().out
    order = sell(services, clerk)
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    short = " ".join(order.journal_hash[i : i + 4] for i in range(0, 16, 4))
    assert out.startswith(f"journal head {short}  (entry 1, {order.number}, {order.created_at})")
    monkeypatch.setenv("POS_APP_PASSWORD", "clerk123")
    assert cli.main(["--db", str(db_path), "--user", "clerk", "journal", "head"]) == 3
