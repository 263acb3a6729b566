"""Sales reports add up to the orders to the penny (summed here straight from the tables and from
the orders as the services show them), group rightly by the shop's local days and hours, and
are for managers only."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.domain.errors import InvalidInput, PermissionDenied
from pos_app.domain.orders import OrderStatus
from pos_app.domain.records import OrderDetail
from pos_app.domain.reports import Figures, Grouping, SalesReport
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.reports import NO_CATEGORY
from tests.helpers import sell
from tests.services.reports_shop import move_order, ring_up_a_day


@contextmanager
def zone(name: str) -> Iterator[None]:
    """The computer's local time zone is `name` for the block."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture
def day(services: Services, manager: Actor, clerk: Actor, alice: Actor) -> list[OrderDetail]:
    return ring_up_a_day(services, manager, clerk, alice)


def today() -> date:
    return datetime.now().astimezone().date()


def report(services: Services, who: Actor, by: Grouping) -> SalesReport:
    return services.reports.sales(who, today(), today(), by)


def test_the_totals_are_the_orders_summed_straight_from_the_tables(
    services: Services, db_path: Path, manager: Actor, day: list[OrderDetail]
) -> None:
    with sqlite3.connect(db_path) as conn:
        kept = "FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status != 'cancelled'"
        sums = conn.execute(
            "SELECT count(DISTINCT o.id), sum(l.qty), sum(l.unit_price * l.qty), sum(l.discount), "
            f"sum(l.refunded_amount), sum(l.tax), sum(l.total) - sum(l.refunded_amount) {kept}"
        ).fetchone()
        money = conn.execute(
            "SELECT sum(CASE WHEN p.kind = 'payment' THEN p.amount ELSE -p.amount END) "
            "FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.status != 'cancelled'"
        ).fetchone()[0]
        cancelled = conn.execute(
            "SELECT count(*), sum(total) FROM orders WHERE status = 'cancelled'"
        ).fetchone()
    totals = report(services, manager, Grouping.DAY).totals
    s = totals.sales
    assert (s.orders, s.quantity, s.gross, s.discounts, s.refunds, s.tax, s.net) == tuple(sums)
    assert totals.taken == money
    assert (totals.cancelled_orders, totals.cancelled_value) == tuple(cancelled)
    # What the day holds, so that every kind of order is in the sums above.
    assert s.orders == 7 and s.discounts > 0 and s.refunds > 0 and totals.cash_rounding != 0
    assert totals.awaiting_orders == 1 and totals.cancelled_orders == 1


def test_the_totals_are_the_orders_as_the_services_show_them(
    services: Services, manager: Actor, day: list[OrderDetail]
) -> None:
    orders = [o for o in day if o.status is not OrderStatus.CANCELLED]
    lines = [line for o in orders for line in o.lines]
    totals = report(services, manager, Grouping.DAY).totals
    s = totals.sales
    assert s.orders == len(orders)
    assert s.quantity == sum(line.qty for line in lines)
    assert s.gross == sum(line.unit_price * line.qty for line in lines)
    assert s.discounts == sum(line.discount for line in lines)
    assert s.refunds == sum(line.refunded_amount for line in lines)
    assert s.tax == sum(o.tax for o in orders)
    assert s.net == sum(o.total for o in orders) - s.refunds
    added_tax = sum(o.tax for o in orders if not o.prices_include_tax)
    assert s.net == s.gross - s.discounts - s.refunds + added_tax
    assert totals.taken == sum(o.paid - o.refunded for o in orders)
    assert totals.awaiting == sum(o.balance_due for o in orders) > 0
    assert totals.awaiting_orders == sum(o.awaiting_payment for o in orders)
    assert totals.cash_rounding == sum(o.cash_rounding for o in orders)
    # Every penny of the net is either taken or still owed.
    assert s.net + totals.cash_rounding == totals.taken + totals.awaiting
    (gone,) = [o for o in day if o.status is OrderStatus.CANCELLED]
    assert (totals.cancelled_orders, totals.cancelled_value) == (1, gone.total)


def _summed(rows: list[Figures]) -> Figures:
    return Figures(*(sum(getattr(f, name) for f in rows) for name in Figures.__dataclass_fields__))


@pytest.mark.parametrize("by", [Grouping.DAY, Grouping.HOUR, Grouping.CLERK, Grouping.TILL])
def test_rows_of_each_order_add_up_to_the_totals(
    services: Services, manager: Actor, day: list[OrderDetail], by: Grouping
) -> None:
    found = report(services, manager, by)
    assert _summed([r.sales for r in found.rows if r.sales]) == found.totals.sales


@pytest.mark.parametrize("by", [Grouping.PRODUCT, Grouping.CATEGORY])
def test_rows_of_each_line_add_up_to_the_totals_but_count_an_order_in_each(
    services: Services, manager: Actor, day: list[OrderDetail], by: Grouping
) -> None:
    found = report(services, manager, by)
    rows = _summed([r.sales for r in found.rows if r.sales])
    assert rows.net == found.totals.sales.net and rows.tax == found.totals.sales.tax
    assert rows.gross == found.totals.sales.gross and rows.quantity == found.totals.sales.quantity
    assert rows.orders >= found.totals.sales.orders


def test_by_product_and_category(services: Services, manager: Actor, day: list[OrderDetail]) -> None:
    orders = [o for o in day if o.status is not OrderStatus.CANCELLED]
    mugs = [line for o in orders for line in o.lines if line.sku == "MUG"]
    by_product = {r.key: r for r in report(services, manager, Grouping.PRODUCT).rows}
    mug = by_product["MUG"].sales
    assert mug is not None and by_product["MUG"].label == "Blue Mug"
    assert (mug.quantity, mug.refunds) == (sum(m.qty for m in mugs), sum(m.refunded_amount for m in mugs))
    assert mug.net == sum(m.total - m.refunded_amount for m in mugs)
    assert mug.orders == sum(1 for o in orders if any(line.sku == "MUG" for line in o.lines))
    by_category = {r.label: r.sales for r in report(services, manager, Grouping.CATEGORY).rows}
    assert set(by_category) == {"Kitchen", NO_CATEGORY}
    cards = [line for o in orders for line in o.lines if line.sku == "CARD"]
    uncategorised = by_category[NO_CATEGORY]
    assert uncategorised is not None and uncategorised.net == sum(c.total - c.refunded_amount for c in cards)


def test_by_clerk_till_and_payment_method(services: Services, manager: Actor, day: list[OrderDetail]) -> None:
    orders = [o for o in day if o.status is not OrderStatus.CANCELLED]
    by_clerk = {r.key: r.sales for r in report(services, manager, Grouping.CLERK).rows}
    assert {k: f.orders for k, f in by_clerk.items() if f} == {"clerk": 5, "manager": 1, "alice": 1}
    (till,) = report(services, manager, Grouping.TILL).rows
    assert till.key == "T1"
    by_method = report(services, manager, Grouping.METHOD)
    money = {r.key: r.money for r in by_method.rows}
    assert set(money) == {"card", "cash"}
    card = money["card"]
    assert card is not None
    paid_by_card = [p for o in orders for p in o.payments if p.method == "card"]
    assert card.taken == sum(p.amount for p in paid_by_card if p.kind == "payment")
    assert card.given_back == sum(p.amount for p in paid_by_card if p.kind == "refund") > 0
    assert sum(r.net for r in by_method.rows) == by_method.totals.taken
    assert by_method.rows[0].label in ("Card", "Cash")


def test_days_and_hours_are_the_shops_local_ones_across_summer_time(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    london = ZoneInfo("Europe/London")
    moments = [
        datetime(2026, 3, 28, 23, 59, 59, tzinfo=london),  # the last second of a Saturday
        datetime(2026, 3, 29, 0, 0, 0, tzinfo=london),  # midnight: Sunday
        datetime(2026, 3, 29, 2, 30, tzinfo=london),  # 02:30 BST, an hour after the clocks went forward
        datetime(2026, 7, 1, 0, 30, tzinfo=london),  # 23:30 UTC on the 30th of June
    ]
    for moment in moments:
        move_order(db_path, sell(services, clerk).number, moment)
    with zone("Europe/London"):
        days = services.reports.sales(manager, date(2026, 3, 28), date(2026, 7, 1), Grouping.DAY)
        hours = services.reports.sales(manager, date(2026, 3, 28), date(2026, 7, 1), Grouping.HOUR)
        sunday = services.reports.sales(manager, date(2026, 3, 29), date(2026, 3, 29), Grouping.DAY)
    orders = {r.key: r.sales.orders for r in days.rows if r.sales and r.sales.orders}
    assert orders == {"2026-03-28": 1, "2026-03-29": 2, "2026-07-01": 1}
    assert len(days.rows) == (date(2026, 7, 1) - date(2026, 3, 28)).days + 1  # quiet days too
    assert {r.key: r.sales.orders for r in hours.rows if r.sales and r.sales.orders} == {
        "23": 1,
        "00": 2,
        "02": 1,
    }
    assert len(hours.rows) == 24
    assert sunday.totals.sales.orders == 2 and [r.key for r in sunday.rows] == ["2026-03-29"]


def test_a_half_hour_time_zone_splits_its_days_at_its_own_midnight(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    kolkata = ZoneInfo("Asia/Kolkata")  # UTC+05:30
    move_order(db_path, sell(services, clerk).number, datetime(2026, 11, 25, 23, 59, tzinfo=kolkata))
    move_order(db_path, sell(services, clerk).number, datetime(2026, 11, 26, 0, 0, tzinfo=kolkata))
    move_order(db_path, sell(services, clerk).number, datetime(2026, 11, 26, 0, 14, tzinfo=kolkata))
    with zone("Asia/Kolkata"):
        days = services.reports.sales(manager, date(2026, 11, 25), date(2026, 11, 26), Grouping.DAY)
        hours = services.reports.sales(manager, date(2026, 11, 25), date(2026, 11, 26), Grouping.HOUR)
    assert [r.sales.orders for r in days.rows if r.sales] == [1, 2]
    assert {r.key: r.sales.orders for r in hours.rows if r.sales and r.sales.orders} == {"23": 1, "00": 2}


def test_reports_are_for_managers(
    services: Services, clerk: Actor, alice: Actor, manager: Actor, day: list[OrderDetail]
) -> None:
    for who in (clerk, alice):
        with pytest.raises(PermissionDenied, match="may not see sales reports"):
            services.reports.sales(who, today(), today(), Grouping.DAY)
        with pytest.raises(PermissionDenied):
            services.reports.dashboard(who, today(), today(), Grouping.PRODUCT)
    services.auth.logout(manager)
    with pytest.raises(PermissionDenied, match="log in again"):
        services.reports.sales(manager, today(), today(), Grouping.DAY)


def test_a_range_that_ends_before_it_starts_or_is_too_long_is_refused(
    services: Services, manager: Actor
) -> None:
    with pytest.raises(InvalidInput, match=r"ends \(2026-11-01\) before it starts \(2026-11-02\)"):
        services.reports.sales(manager, date(2026, 11, 2), date(2026, 11, 1), Grouping.DAY)
    with pytest.raises(InvalidInput, match="at most"):
        services.reports.sales(manager, date(2020, 1, 1), date(2026, 1, 1), Grouping.DAY)


def test_the_dashboard_shows_hours_for_a_day_and_days_for_longer(
    services: Services, manager: Actor, day: list[OrderDetail]
) -> None:
    one_day = services.reports.dashboard(manager, today(), today(), Grouping.CATEGORY)
    assert len(one_day.over_time) == 24
    assert sum(r.net for r in one_day.over_time) == one_day.report.totals.sales.net
    week = services.reports.dashboard(manager, today() - timedelta(days=6), today(), Grouping.CATEGORY)
    assert [r.key for r in week.over_time][-1] == today().isoformat() and len(week.over_time) == 7
    assert week.top_products[0].key == "MUG"
    nets = [r.net for r in week.top_products]
    assert nets == sorted(nets, reverse=True)
