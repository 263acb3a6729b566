"""The lazy order list: pages by keyset as the view asks, filters, sort, and customer scoping."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.order_list import CUSTOMER, DATE, NUMBER, STATUS, TOTAL, OrderListModel
from tests.gui import SessionFor, sell

pytestmark = pytest.mark.usefixtures("qapp")


def numbers(model: OrderListModel) -> list[str]:
    return [model.data(model.index(r, NUMBER)) for r in range(model.rowCount())]


def fetch_all(model: OrderListModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_pages_arrive_as_the_view_asks_and_the_model_stays_consistent(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    sold = [sell(services, clerk).number for _ in range(25)]
    model = OrderListModel(session_for(manager), page_size=10)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reload()
    assert model.rowCount() == 10  # one page, not everything
    assert numbers(model) == list(reversed(sold))[:10]
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 20
    fetch_all(model)
    assert numbers(model) == list(reversed(sold))
    assert model.complete and not model.canFetchMore(QModelIndex())


def test_columns_read_as_a_person_expects(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "alice")
    model = OrderListModel(session_for(manager))
    model.reload()
    assert model.data(model.index(0, CUSTOMER)) == "alice"
    assert model.data(model.index(0, TOTAL)) == "£10.55"
    assert model.data(model.index(0, STATUS)) == "Completed"
    assert model.data(model.index(0, DATE)).startswith(date.today().strftime("%d/%m/%Y"))  # en_GB
    assert model.data(model.index(0, TOTAL), Qt.ItemDataRole.TextAlignmentRole)
    assert model.order_at(0).id == order.id


def test_sorting_by_date_toggles_oldest_first(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    sold = [sell(services, clerk).number for _ in range(5)]
    model = OrderListModel(session_for(manager), page_size=2)
    model.reload()
    model.sort(DATE, Qt.SortOrder.AscendingOrder)
    fetch_all(model)
    assert numbers(model) == sold
    model.sort(NUMBER, Qt.SortOrder.DescendingOrder)  # not indexed: keeps the date order
    assert numbers(model)[:2] == sold[:2]
    model.sort(DATE, Qt.SortOrder.DescendingOrder)
    assert numbers(model)[:2] == list(reversed(sold))[:2]


def test_filters_reset_and_refetch(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    walk_in = sell(services, clerk)
    alices = sell(services, clerk, "alice")
    bobs = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    model = OrderListModel(session_for(manager))
    model.reload()
    assert len(numbers(model)) == 3
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_status(OrderStatus.PLACED)
    assert numbers(model) == [bobs.number] and resets
    model.set_status(None)
    model.set_customer("alice")
    assert numbers(model) == [alices.number]
    model.set_customer("")
    model.set_search("bo")
    assert numbers(model) == [bobs.number]
    model.set_search(walk_in.number.lower())
    assert numbers(model) == [walk_in.number]
    model.set_search("")
    model.set_till("t9")
    assert numbers(model) == []
    model.set_till("t1")
    model.set_since(date.today() + timedelta(days=1))
    assert numbers(model) == []
    model.set_since(date.today())
    model.set_until(date.today())
    assert len(numbers(model)) == 3


def test_a_bad_filter_is_a_message_not_a_crash(manager: Actor, session_for: SessionFor) -> None:
    model = OrderListModel(session_for(manager))
    errors: list[str] = []
    model.error.connect(errors.append)
    model.set_customer("nobody such")
    assert errors == ["no customer named nobody such"]
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())


def test_a_customer_sees_only_their_own(
    services: Services, clerk: Actor, alice: Actor, session_for: SessionFor
) -> None:
    mine = [sell(services, clerk, "alice").number for _ in range(3)]
    for _ in range(4):
        sell(services, clerk, "bob")
    model = OrderListModel(session_for(alice), page_size=2)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reload()
    fetch_all(model)
    assert numbers(model) == list(reversed(mine))
    model.set_customer("bob")
    assert numbers(model) == []
