"""Orders a sync conflict flagged for a manager: listed apart, their reason shown to staff only."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.errors import PermissionDenied
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.orders import OrderQuery
from tests.helpers import flag, sell

REASON = "not applied: shipped by clerk while cancelled"


def test_the_attention_filter_lists_only_flagged_orders_newest_first_by_page(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    sold = [sell(services, clerk) for _ in range(7)]
    flagged = [sold[1], sold[3], sold[4], sold[6]]
    for order in flagged:
        flag(db_path, order.id, REASON)
    query = OrderQuery(attention=True)
    first = services.orders.list_orders(manager, query, limit=3)
    rest = services.orders.list_orders(manager, query, limit=3, after=first.next_cursor)
    assert [r.number for r in (*first.rows, *rest.rows)] == [o.number for o in reversed(flagged)]
    assert rest.next_cursor is None
    assert {r.attention for r in first.rows} == {REASON}
    everything = services.orders.list_orders(manager, OrderQuery(), limit=50)
    assert len(everything.rows) == 7 and everything.rows[1].attention == ""
    assert services.orders.get_order(manager, sold[1].number).attention == REASON


def test_the_filter_combines_with_the_others(
    services: Services, clerk: Actor, manager: Actor, db_path: Path
) -> None:
    alices = sell(services, clerk, "alice")
    bobs = sell(services, clerk, "bob")
    flag(db_path, alices.id)
    flag(db_path, bobs.id)
    page = services.orders.list_orders(manager, OrderQuery(attention=True, customer="bob"))
    assert [r.number for r in page.rows] == [bobs.number]


def test_a_customer_neither_filters_by_it_nor_reads_the_reason(
    services: Services, clerk: Actor, alice: Actor, db_path: Path
) -> None:
    order = sell(services, clerk, "alice")
    flag(db_path, order.id)
    with pytest.raises(PermissionDenied):
        services.orders.list_orders(alice, OrderQuery(attention=True))
    (row,) = services.orders.list_orders(alice).rows
    assert row.attention == ""
    assert services.orders.get_order(alice, order.number).attention == ""


def test_rows_by_id_follow_the_query_and_the_scope(
    services: Services, clerk: Actor, manager: Actor, alice: Actor, db_path: Path
) -> None:
    alices = sell(services, clerk, "alice")
    bobs = sell(services, clerk, "bob")
    flag(db_path, bobs.id)
    ids = [alices.id, bobs.id, "0" * 36]
    assert [r.id for r in services.orders.orders_by_id(manager, None, ids)] == [bobs.id, alices.id]
    only_flagged = services.orders.orders_by_id(manager, OrderQuery(attention=True), ids)
    assert [r.id for r in only_flagged] == [bobs.id]
    assert [r.id for r in services.orders.orders_by_id(alice, None, ids)] == [alices.id]
    oldest_first = services.orders.orders_by_id(manager, OrderQuery(newest_first=False), ids)
    assert [r.id for r in oldest_first] == [alices.id, bobs.id]


def test_the_flagged_orders_are_paged_through_their_partial_index(services: Services) -> None:
    from sqlalchemy import select

    from pos_app.domain.records import OrderFilter
    from pos_app.store.order_queries import _COLUMNS, _filtered

    with services.db.read() as uow:
        query = _filtered(select(*_COLUMNS), OrderFilter(attention=True)).order_by("created_at")
        sql = str(query.compile(uow.conn.engine, compile_kwargs={"literal_binds": True}))
        plan = uow.conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
    assert "ix_orders_attention" in str(plan)
