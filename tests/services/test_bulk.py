"""Generated history is as consistent as real sales: verify passes, stock equals its ledger."""

from __future__ import annotations

import sqlite3

from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.bulk import generate_orders


def _scalar(services: Services, sql: str) -> int:
    conn = sqlite3.connect(services.db.path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_generated_orders_verify_and_keep_stock_levels(services: Services, manager: Actor) -> None:
    before = {level.sku: level.on_hand for level in services.stock.levels(manager)}
    seen: list[tuple[int, int]] = []

    generate_orders(services, 2000, progress=lambda done, total: seen.append((done, total)))

    report = services.admin.verify(manager)
    assert report.ok, report.problems
    assert report.journal_entries == 2000
    assert seen[-1] == (2000, 2000)
    for level in services.stock.levels(manager):
        assert level.on_hand == level.ledger_sum == before[level.sku]
    assert _scalar(services, "SELECT count(*) FROM orders") == 2000
    assert _scalar(services, "SELECT count(DISTINCT number) FROM orders") == 2000
    # Every order has its lines, a payment covering it, a 'placed' event and a journal entry.
    for missing in (
        "SELECT count(*) FROM orders o WHERE NOT EXISTS "
        "(SELECT 1 FROM order_lines l WHERE l.order_id = o.id)",
        "SELECT count(*) FROM orders o WHERE o.total != "
        "(SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.order_id = o.id)",
        "SELECT count(*) FROM orders o WHERE NOT EXISTS "
        "(SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.action = 'placed')",
        "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM journal j WHERE j.order_id = o.id)",
        "SELECT count(*) FROM orders o WHERE o.total != "
        "(SELECT sum(total) FROM order_lines l WHERE l.order_id = o.id)",
    ):
        assert _scalar(services, missing) == 0, missing


def test_generated_orders_page_and_open_like_real_ones(services: Services, manager: Actor) -> None:
    generate_orders(services, 300)
    page = services.orders.list_orders(manager, limit=50)
    assert len(page.rows) == 50 and page.next_cursor
    assert [r.created_at for r in page.rows] == sorted((r.created_at for r in page.rows), reverse=True)
    following = services.orders.list_orders(manager, limit=50, after=page.next_cursor)
    assert following.rows[0].created_at <= page.rows[-1].created_at
    assert not {r.id for r in page.rows} & {r.id for r in following.rows}
    order = services.orders.get_order(manager, page.rows[0].number)
    assert order.lines and order.payments and order.events[0].action == "placed"


def test_a_sale_after_generated_history_chains_on(services: Services, manager: Actor) -> None:
    from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
    from pos_app.domain.payments import PaymentMethod, Tender

    generate_orders(services, 100)
    clerk = services.auth.login("clerk", "clerk123")
    cart = Cart((CartLine("MUG", 1),))
    due = services.checkout.quote(cart).cash_due
    services.checkout.checkout(clerk, CheckoutRequest(cart, (Tender(PaymentMethod.CASH, due),), key="k1"))
    generate_orders(services, 100)
    report = services.admin.verify(manager)
    assert report.ok, report.problems
    assert report.journal_entries == 201
