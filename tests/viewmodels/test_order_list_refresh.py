"""Orders changed elsewhere update the lazy list in place: rows redrawn, inserted where they
sort, dropped when they no longer match; never a reset that loses the scroll position."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.order_list import ATTENTION_MARK, NUMBER, STATUS, OrderListModel
from tests.gui import SessionFor, sell
from tests.helpers import flag

pytestmark = pytest.mark.usefixtures("qapp")


def numbers(model: OrderListModel) -> list[str]:
    return [model.data(model.index(r, NUMBER)) for r in range(model.rowCount())]


def watched(model: OrderListModel, tester: bool = True) -> dict[str, list[int]]:
    """The rows named by the model's signals (checked by Qt's model tester, which also fetches
    every page: not for a test of paging)."""
    seen: dict[str, list[int]] = {"reset": [], "changed": [], "inserted": [], "removed": []}
    if tester:
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.modelReset.connect(lambda: seen["reset"].append(1))
    model.dataChanged.connect(lambda top, _bottom, _roles: seen["changed"].append(top.row()))
    model.rowsInserted.connect(lambda _p, first, _last: seen["inserted"].append(first))
    model.rowsRemoved.connect(lambda _p, first, _last: seen["removed"].append(first))
    return seen


def test_a_changed_order_is_redrawn_in_its_row(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    orders = [sell(services, clerk, "alice", Fulfilment.DELIVERY) for _ in range(5)]
    model = OrderListModel(session_for(manager))
    model.reload()
    seen = watched(model)
    services.orders.update_order(manager, orders[2].number, status=OrderStatus.PROCESSING)
    model.refresh_orders({orders[2].id})
    assert model.data(model.index(2, STATUS)) == "Processing"
    assert seen == {"reset": [], "changed": [2], "inserted": [], "removed": []}


def test_a_new_order_is_inserted_where_it_sorts_and_one_past_the_fetched_pages_waits(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    first = [sell(services, clerk) for _ in range(4)]
    model = OrderListModel(session_for(manager), page_size=2)
    model.reload()
    assert numbers(model) == [first[3].number, first[2].number]
    seen = watched(model, tester=False)
    new = sell(services, clerk)
    model.refresh_orders({new.id, first[0].id})  # first[0] is on a page not fetched yet
    assert numbers(model) == [new.number, first[3].number, first[2].number]
    assert seen["inserted"] == [0] and seen["reset"] == []
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert numbers(model) == [new.number, *(o.number for o in reversed(first))]  # no duplicate


def test_an_order_that_leaves_the_filter_leaves_the_list(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    orders = [sell(services, clerk, "alice", Fulfilment.DELIVERY) for _ in range(3)]
    model = OrderListModel(session_for(manager))
    model.set_status(OrderStatus.PLACED)
    seen = watched(model)
    services.orders.update_order(manager, orders[1].number, status=OrderStatus.PROCESSING)
    model.refresh_orders({orders[1].id})
    assert numbers(model) == [orders[2].number, orders[0].number]
    assert seen["removed"] == [1] and seen["reset"] == []


def test_a_refresh_from_before_a_reload_is_dropped(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk)
    model = OrderListModel(session_for(manager))
    model.reload()
    generation = model._generation
    model.reload()
    model._refreshed(generation, frozenset({order.id}), ())  # would remove it, if not dropped
    assert numbers(model) == [order.number]


def test_the_attention_filter_lists_only_flagged_orders_and_marks_them(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, db_path: Path
) -> None:
    orders = [sell(services, clerk) for _ in range(4)]
    flag(db_path, orders[1].id, "refunded more than was paid")
    model = OrderListModel(session_for(manager))
    model.reload()
    row = numbers(model).index(orders[1].number)
    assert model.data(model.index(row, STATUS)) == ATTENTION_MARK + "Completed"
    tip = model.data(model.index(row, STATUS), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Needs attention: refunded more than was paid"
    assert model.data(model.index(0, STATUS), Qt.ItemDataRole.ToolTipRole) is None
    model.set_attention(True)
    assert numbers(model) == [orders[1].number]
    flag(db_path, orders[1].id, "")  # a manager settled it
    model.refresh_orders({orders[1].id})
    assert numbers(model) == []
    model.set_attention(False)
    assert len(numbers(model)) == 4
