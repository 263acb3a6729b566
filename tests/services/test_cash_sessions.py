"""Cash drawer sessions: cash only into an open session, the float, pay-ins and pay-outs, the
close with its limits and approvals, the Z report (what it sums, that it never changes, that
verify checks it in the chain), card-only tills, parked sales across a close, late sales."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.denominations import count_by_denomination, count_of_sum
from pos_app.domain.drawer import MovementKind
from pos_app.domain.drawer_report import DrawerReport, report_lines
from pos_app.domain.errors import InvalidInput, NoCashSession, NotFound, OverrideRequired, PermissionDenied
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.users import Actor, Approval
from pos_app.services import Services
from pos_app.store.replica import CHANGE_COLUMNS, apply_records
from tests.conftest import FAST_HASHER
from tests.helpers import dump, raw, sell
from tests.services.test_card_capture import Terminal, with_terminal

MANAGER = Approval("manager", "manager123")


@pytest.fixture
def shop(services: Services, manager: Actor) -> Services:
    """A shop whose till takes cash only into an open drawer session (as init and demo make)."""
    services.settings.update(manager, {"cash_drawer": "sessions"})
    return services


def cash_sale(services: Services, who: Actor, tendered: int = 2000, key: str | None = None) -> str:
    cart = Cart((CartLine("MUG", 2), CartLine("TEA", 1)))  # 10.55
    order = services.checkout.checkout(
        who, CheckoutRequest(cart, (Tender(PaymentMethod.CASH, tendered),), key)
    )
    return order.number


def movements(path: Path) -> list[tuple[str, int, str]]:
    with raw(path, read_only=True) as conn:
        return conn.execute(
            "SELECT kind, amount, reason FROM cash_movements ORDER BY created_at, id"
        ).fetchall()


# -- cash needs an open session ------------------------------------------------------------


def test_cash_is_refused_until_the_drawer_is_opened_and_nothing_is_written(
    shop: Services, clerk: Actor, db_path: Path
) -> None:
    before = dump(db_path)
    with pytest.raises(NoCashSession, match="no cash drawer session is open at till T1"):
        cash_sale(shop, clerk)
    assert dump(db_path) == before
    # Card needs no drawer: the sale is booked to no session.
    assert sell(shop, clerk).paid == 1055


def test_a_cash_sale_is_booked_to_the_open_session_with_its_change(
    shop: Services, clerk: Actor, db_path: Path
) -> None:
    session = shop.cash.open(clerk, count_by_denomination("GBP", {2000: 2, 1000: 4, 500: 4}))
    assert session.float_amount == 10000 and session.label == "T1-S0001"
    number = cash_sale(shop, clerk, tendered=2000)  # 10.55 due, 9.45 change
    assert movements(db_path) == [("float", 10000, "opening float"), ("sale", 1055, "")]
    with raw(db_path, read_only=True) as conn:
        assert conn.execute("SELECT session_id FROM orders WHERE number = ?", (number,)).fetchone() == (
            session.id,
        )
        assert conn.execute("SELECT DISTINCT session_id FROM payments").fetchall() == [(session.id,)]
    status = shop.cash.status(clerk)
    assert (status.expected, status.sales, status.session) == (11055, 1, session)


def test_only_one_session_per_till_is_open(shop: Services, clerk: Actor, manager: Actor) -> None:
    shop.cash.open(clerk, count_of_sum(5000))
    since = r"since \d{4}-\d\d-\d\d \d\d:\d\d UTC \(by clerk\)"
    with pytest.raises(InvalidInput, match=rf"T1-S0001 is open at till T1 {since}: close it before"):
        shop.cash.open(manager, count_of_sum(5000))


def test_counts_by_denomination_are_checked(shop: Services) -> None:
    with pytest.raises(InvalidInput, match=r"0\.03 is not a note or coin of GBP"):
        count_by_denomination("GBP", {3: 1})
    with pytest.raises(InvalidInput, match="not known here"):
        count_by_denomination("XTS", {100: 1})
    assert count_by_denomination("GBP", [(2000, 1), (2000, 2), (5, 0)]).pieces == ((2000, 3),)


def test_an_upgraded_shop_takes_cash_without_sessions_until_a_manager_turns_them_on(
    services: Services, clerk: Actor, db_path: Path
) -> None:
    assert services.cash.status(clerk).mode.value == "untracked"
    cash_sale(services, clerk)  # as before drawer sessions existed
    assert movements(db_path) == []
    services.cash.open(clerk, count_of_sum(1000))  # a session, once open, gets the cash
    cash_sale(services, clerk)
    assert [m[0] for m in movements(db_path)] == ["float", "sale"]


def test_a_card_only_till_refuses_cash_everywhere(
    shop: Services, manager: Actor, clerk: Actor, db_path: Path
) -> None:
    paid_in_cash = _sold_in_cash(shop, clerk)
    shop.cash.close(clerk, count_of_sum(shop.cash.status(clerk).expected))
    shop.settings.update(manager, {"cash_drawer": "card_only"})
    before = dump(db_path)
    with pytest.raises(InvalidInput, match=r"takes no cash .*by card"):
        cash_sale(shop, clerk)
    with pytest.raises(InvalidInput, match="open it with no float"):
        shop.cash.open(clerk, count_of_sum(100))
    with pytest.raises(InvalidInput, match=r"takes no cash .*store credit"):
        shop.orders.refund(manager, paid_in_cash)
    assert dump(db_path) == before
    # A card-only till's session has no float, and its card sales are on its Z report.
    shop.cash.open(clerk, count_of_sum(0))
    with pytest.raises(InvalidInput, match="takes no cash"):
        shop.cash.cash_in(clerk, 100, "change")
    sell(shop, clerk)
    z = shop.cash.close(clerk, count_of_sum(0)).report
    assert [(m.method, m.amount) for m in z.facts.payments] == [("card", 1055)]


def _sold_in_cash(shop: Services, clerk: Actor) -> str:
    shop.cash.open(clerk, count_of_sum(5000))
    return cash_sale(shop, clerk)


def test_the_till_is_not_renamed_under_an_open_session(shop: Services, manager: Actor, clerk: Actor) -> None:
    shop.cash.open(clerk, count_of_sum(0))
    with pytest.raises(InvalidInput, match="close T1-S0001"):
        shop.settings.update(manager, {"till": "T9"})
    assert shop.settings.update(manager, {"store_name": "Still T1"}).till == "T1"


# -- money after the sale: later payments, refunds, cancels ---------------------------------


def test_later_payments_refunds_and_cancels_move_the_drawer(
    shop: Services, clerk: Actor, manager: Actor, alice: Actor, db_path: Path
) -> None:
    unpaid = shop.checkout.checkout(alice, CheckoutRequest(Cart((CartLine("MUG", 1),)))).number
    with pytest.raises(NoCashSession):
        shop.orders.take_payment(clerk, unpaid, [Tender(PaymentMethod.CASH, 500)])
    shop.cash.open(clerk, count_of_sum(5000))
    shop.orders.take_payment(clerk, unpaid, [Tender(PaymentMethod.CASH, 500)])  # 4.00, 1.00 change
    sold = cash_sale(shop, clerk)
    shop.orders.refund(manager, sold, lines={"MUG": 1})
    delivery = sell(shop, clerk, "alice", Fulfilment.DELIVERY, lines=(CartLine("TEA", 2),))
    shop.orders.cancel(manager, delivery.number)  # paid by card: nothing leaves the drawer
    assert [(k, a) for k, a, _r in movements(db_path)] == [
        ("float", 5000),
        ("sale", 400),
        ("sale", 1055),
        ("refund", -400),
    ]
    facts = shop.cash.x_report(clerk).facts
    assert facts.expected == 5000 + 400 + 1055 - 400
    assert [(m.method, m.count, m.amount) for m in facts.refunds] == [("card", 1, 510), ("cash", 1, 400)]
    assert facts.refunded_orders == 2


# -- pay-ins and pay-outs ------------------------------------------------------------------


def test_pay_ins_and_outs_need_a_reason_and_an_amount(shop: Services, clerk: Actor, db_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no cash drawer session is open"):
        shop.cash.cash_in(clerk, 1000, "change from the bank")
    shop.cash.open(clerk, count_of_sum(1000))
    before = dump(db_path)
    with pytest.raises(InvalidInput, match="say why"):
        shop.cash.cash_in(clerk, 1000, "  ")
    with pytest.raises(InvalidInput, match="more than zero"):
        shop.cash.cash_out(clerk, 0, "nothing")
    with pytest.raises(InvalidInput, match="control character"):
        shop.cash.cash_in(clerk, 100, "bank\x1b[2J")
    with pytest.raises(InvalidInput, match=r"should hold only 10\.00"):
        shop.cash.cash_out(clerk, 1001, "more than there is")
    assert dump(db_path) == before
    moved = shop.cash.cash_in(clerk, 2500, "change from the bank")
    assert (moved.kind, moved.amount, moved.user_name) == (MovementKind.PAY_IN, 2500, "clerk")
    assert shop.cash.cash_out(clerk, 500, "window cleaner").amount == -500
    assert shop.cash.status(clerk).expected == 1000 + 2500 - 500


def test_a_pay_out_over_the_limit_needs_a_manager(
    shop: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    shop.settings.update(manager, {"cash_payout_limit": "2000"})
    shop.cash.open(clerk, count_of_sum(10000))
    before = dump(db_path)
    with pytest.raises(
        OverrideRequired, match=r"a pay-out of 20.01 is over the 20.00 limit: a clerk may not"
    ):
        shop.cash.cash_out(clerk, 2001, "supplier")
    with pytest.raises(PermissionDenied, match="only a manager"):
        shop.cash.cash_out(clerk, 2001, "supplier", Approval("clerk", "clerk123"))
    assert dump(db_path) == before
    assert shop.cash.cash_out(clerk, 2000, "at the limit").approver_name == ""
    moved = shop.cash.cash_out(clerk, 2001, "supplier", MANAGER)
    assert (moved.user_name, moved.approver_name) == ("clerk", "manager")
    assert shop.cash.cash_out(manager, 3000, "bank drop").approver_name == ""
    entries = shop.cash.x_report(clerk).facts.cash_entries
    assert [(e.amount, e.user, e.approver) for e in entries] == [
        (-2000, "clerk", ""),
        (-2001, "clerk", "manager"),
        (-3000, "manager", ""),
    ]


# -- the close and its Z report ------------------------------------------------------------


def test_a_difference_over_the_limit_needs_a_manager(
    shop: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    shop.cash.open(clerk, count_of_sum(10000))
    cash_sale(shop, clerk)  # expected 110.55; the limit is 5.00
    before = dump(db_path)
    with pytest.raises(OverrideRequired, match=r"counted 100\.00 against 110\.55 expected: short by 10\.55"):
        shop.cash.close(clerk, count_of_sum(10000))
    assert dump(db_path) == before
    within = shop.cash.close(clerk, count_of_sum(11055 + 500), MANAGER).report  # 5.00 over: no one asked
    assert (within.difference, within.approved_by) == (500, "")


def test_a_manager_approves_a_short_drawer_and_both_names_are_on_the_z_report(
    shop: Services, clerk: Actor
) -> None:
    shop.cash.open(clerk, count_of_sum(10000))
    cash_sale(shop, clerk)
    z = shop.cash.close(clerk, count_by_denomination("GBP", {5000: 2}), MANAGER)
    assert (z.report.expected, z.report.counted, z.report.difference) == (11055, 10000, -1055)
    assert (z.report.closed_by, z.report.approved_by) == ("clerk", "manager")
    assert z.report.count == ((5000, 2),)
    text = "\n".join(report_lines(z.report, z.journal_hash))
    assert "difference approved by manager" in text and "short by 10.55" in text
    assert "2 × 50.00 note" in text


def test_the_z_report_sums_the_session(shop: Services, clerk: Actor, manager: Actor, db_path: Path) -> None:
    sell(shop, clerk)  # before the session: on no report
    session = shop.cash.open(clerk, count_of_sum(5000))
    first = cash_sale(shop, clerk)
    sell(shop, clerk, lines=(CartLine("CARD", 3),))  # 0 % tax
    discounted = Cart((CartLine("MUG", 1, Discount(DiscountKind.PERCENT, 1000)),))
    shop.checkout.checkout(clerk, CheckoutRequest(discounted, (Tender(PaymentMethod.CASH, 360),)))
    last = sell(shop, clerk, lines=(CartLine("TEA", 2),)).number
    shop.orders.refund(manager, first, lines={"TEA": 1})
    shop.cash.cash_in(clerk, 1000, "change")
    shop.cash.cash_out(clerk, 200, "stamps")
    z = shop.cash.close(manager, count_of_sum(shop.cash.status(manager).expected)).report
    f = z.facts
    assert (f.sales, f.first_number, f.last_number) == (4, first, last)
    with raw(db_path, read_only=True) as conn:
        row = conn.execute(
            "SELECT count(*), sum(subtotal), sum(discount), sum(total), sum(tax) FROM orders "
            "WHERE session_id = ?",
            (session.id,),
        ).fetchone()
        by_rate = conn.execute(
            "SELECT l.tax_rate_bp, sum(l.total) - sum(l.tax), sum(l.tax), sum(l.total) FROM order_lines l "
            "JOIN orders o ON o.id = l.order_id WHERE o.session_id = ? GROUP BY 1 ORDER BY 1 DESC",
            (session.id,),
        ).fetchall()
    assert (f.sales, f.gross, f.discounts, f.total) == row[:4]
    assert [(t.rate_bp, t.net, t.tax, t.gross) for t in f.taxes] == by_rate
    assert sum(t.tax for t in f.taxes) == row[4]
    assert f.discounts == 40
    assert [(m.method, m.count, m.amount) for m in f.payments] == [
        ("card", 2, 597 + 510),
        ("cash", 2, 1055 + 360),
    ]
    assert [(m.method, m.amount) for m in f.refunds] == [("cash", 255)]
    assert [(k.kind.value, k.count, k.amount) for k in f.cash] == [
        ("float", 1, 5000),
        ("sale", 2, 1415),
        ("refund", 1, -255),
        ("pay_in", 1, 1000),
        ("pay_out", 1, -200),
    ]
    assert z.expected == 5000 + 1415 - 255 + 1000 - 200 and z.difference == 0
    assert (z.opened_by, z.closed_by, z.kind) == ("clerk", "manager", "Z")
    assert z.payload()["voided_lines"] == {"count": 0, "amount": 0, "by_user": []}
    assert "  All                          0          0.00" in report_lines(z)


def test_the_z_report_is_fixed_chained_and_read_back_the_same(
    shop: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    shop.cash.open(clerk, count_of_sum(5000))
    cash_sale(shop, clerk)
    closed = shop.cash.close(clerk, count_of_sum(6055))
    head = shop.admin.journal_head(manager)
    assert head is not None and (head.hash, head.number) == (closed.journal_hash, "T1-S0001")
    again = shop.cash.z_report(manager)
    assert again == closed == shop.cash.z_report(clerk, "t1-s0001") == shop.cash.z_report(clerk, "1")
    assert DrawerReport.from_payload(closed.report.payload()) == closed.report
    with pytest.raises(InvalidInput, match="no cash drawer session is open"):
        shop.cash.close(clerk, count_of_sum(6055))
    with raw(db_path) as conn:
        for statement in (
            "UPDATE cash_sessions SET counted = 1",
            "DELETE FROM cash_sessions",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="a closed cash session cannot be"):
                conn.execute(statement)
    with pytest.raises(NotFound, match="no cash session T1-S0009"):
        shop.cash.z_report(clerk, "T1-S0009")
    shop.cash.open(clerk, count_of_sum(0))
    with pytest.raises(InvalidInput, match="T1-S0002 is still open"):
        shop.cash.z_report(clerk, "2")
    assert shop.admin.verify(manager).ok


def test_verify_checks_the_z_report_against_its_session(
    shop: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    shop.cash.open(clerk, count_of_sum(5000))
    cash_sale(shop, clerk)
    shop.cash.close(clerk, count_of_sum(6055))
    cash_sale_after = shop.cash.open(clerk, count_of_sum(100))
    assert cash_sale_after.seq == 2
    assert shop.admin.verify(manager).ok
    with raw(db_path) as conn:  # someone with the file drops the guard and edits the count
        conn.execute("DROP TRIGGER cash_sessions_closed_stay")
        conn.execute("UPDATE cash_sessions SET counted = 9999 WHERE seq = 1")
    problems = shop.admin.verify(manager).problems
    assert problems == [
        "cash session T1-S0001 no longer matches its Z report: counted 9999 (the Z report says 6055)"
    ]
    with raw(db_path) as conn:
        conn.execute("UPDATE cash_sessions SET counted = 6055, z_report = replace(z_report, '6055', '6056')")
    assert "the Z report stored with cash session T1-S0001 no longer matches its journal entry 2" in (
        shop.admin.verify(manager).problems
    )
    with raw(db_path) as conn:
        conn.execute("UPDATE cash_sessions SET z_report = replace(z_report, '6056', '6055')")
        conn.execute("DELETE FROM journal WHERE kind = 'zreport'")
    problems = shop.admin.verify(manager).problems
    assert "cash session T1-S0001 is closed but its Z report is not in the journal" in problems


# -- what survives a close -----------------------------------------------------------------


def test_parked_sales_survive_the_close_and_sell_in_the_next_session(
    shop: Services, clerk: Actor, db_path: Path
) -> None:
    first = shop.cash.open(clerk, count_of_sum(1000))
    parked = shop.held.park(clerk, "blue coat", Cart((CartLine("MUG", 2),)))
    shop.cash.close(clerk, count_of_sum(1000))
    cart = shop.held.resume(clerk, parked.id)
    with pytest.raises(NoCashSession):
        shop.checkout.checkout(clerk, CheckoutRequest(cart, (Tender(PaymentMethod.CASH, 800),)))
    second = shop.cash.open(clerk, count_of_sum(1000))
    order = shop.checkout.checkout(clerk, CheckoutRequest(cart, (Tender(PaymentMethod.CASH, 800),)))
    assert shop.cash.z_report(clerk, first.id).report.facts.sales == 0
    assert shop.cash.x_report(clerk).facts.last_number == order.number
    assert second.label == "T1-S0002"


# -- late sales ----------------------------------------------------------------------------


def test_a_sale_whose_session_closed_while_the_card_was_charged_stays_there_and_is_listed_late(
    shop: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    first = shop.cash.open(clerk, count_of_sum(1000))
    # Another window on this till counts the drawer and closes it while the terminal charges.
    terminal = Terminal(during=lambda: shop.cash.close(manager, count_of_sum(1000)))
    with_terminal(shop, terminal)
    tenders = (Tender(PaymentMethod.CARD, 200, "typed"), Tender(PaymentMethod.CASH, 200))
    order = shop.checkout.checkout(clerk, CheckoutRequest(Cart((CartLine("MUG", 1),)), tenders, "late-1"))
    z = shop.cash.z_report(clerk, first.id).report
    assert (z.facts.sales, z.expected) == (0, 1000)  # the Z report was fixed before the sale
    with raw(db_path, read_only=True) as conn:
        assert conn.execute("SELECT session_id FROM orders").fetchall() == [(first.id,)]
        assert conn.execute("SELECT noted_in FROM late_sales").fetchall() == [(None,)]
    second = shop.cash.open(clerk, count_of_sum(500))
    x = shop.cash.x_report(clerk)
    assert [(s.number, s.session, s.total, s.cash) for s in x.facts.late] == [
        (order.number, first.label, 400, 200)
    ]
    assert (x.facts.sales, x.expected) == (0, 500)  # never moved into this session's cash
    assert any(order.number in line for line in report_lines(x))
    z2 = shop.cash.close(clerk, count_of_sum(500))
    assert z2.report.facts.late == x.facts.late and z2.report.label == second.label
    assert shop.admin.verify(manager).ok


def test_a_sale_that_reaches_a_replica_after_its_session_closed_there_is_late(
    shop: Services, clerk: Actor, tmp_path: Path
) -> None:
    session = shop.cash.open(clerk, count_of_sum(1000))
    number = cash_sale(shop, clerk)
    shop.cash.close(clerk, count_of_sum(2055))
    records = _records(shop)
    placed = [r for r in records if r["entity"] == "order"]
    closed = [r for r in records if r["entity"] == "cash_session"][-1]
    rest = [r for r in records if r not in placed and r is not closed]
    in_order = Services.open(tmp_path / "in-order.sqlite3", create=True, hasher=FAST_HASHER)
    try:
        with in_order.db.write() as uow:  # one batch, as they were made: the sale before the close
            apply_records(uow.conn, records)
        assert _late(in_order) == []
    finally:
        in_order.close()
    replica = Services.open(tmp_path / "replica.sqlite3", create=True, hasher=FAST_HASHER)
    try:
        with replica.db.write() as uow:  # the close arrives before the sale
            apply_records(uow.conn, [*rest, closed, *placed])
        assert _late(replica) == [(number, session.id, None)]
        shop.cash.open(clerk, count_of_sum(0))
        with replica.db.write() as uow:
            applied = apply_records(uow.conn, _records(shop))
        second = [s for s in applied.cash_sessions if s != session.id]
        assert _late(replica) == [(number, session.id, second[0])]
        with replica.db.read() as uow:
            late = uow.drawer.facts(second[0]).late
            stored = uow.drawer.z_report(session.id)
        assert [(s.number, s.cash) for s in late] == [(number, 1055)]
        with shop.db.read() as uow:
            assert stored == uow.drawer.z_report(session.id)
    finally:
        replica.close()


def _records(services: Services) -> list[dict[str, object]]:
    with raw(services.db.path, read_only=True) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(f"SELECT {', '.join(CHANGE_COLUMNS)} FROM changes ORDER BY device_seq").fetchall()
    return [dict(r) for r in rows]


def _late(services: Services) -> list[tuple[str, str, str | None]]:
    with raw(services.db.path, read_only=True) as conn:
        return conn.execute(
            "SELECT o.number, l.session_id, l.noted_in FROM late_sales l JOIN orders o ON o.id = l.order_id"
        ).fetchall()
