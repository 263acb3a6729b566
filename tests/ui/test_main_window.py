"""The main window as a user meets it: the order list, finding orders, the till's actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pos_app.domain.orders import Fulfilment
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui import main_window as main_window_module
from pos_app.viewmodels.order_list import NUMBER
from tests.gui import SessionFor, sell
from tests.ui.windows import OFFSCREEN_NOISE, main_window

pytestmark = OFFSCREEN_NOISE


def shown_numbers(window: main_window_module.MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(r, NUMBER)) for r in range(model.rowCount())]


def test_the_home_screen_lists_orders_newest_first_and_says_who_is_here(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    sold = [sell(services, clerk).number for _ in range(3)]
    window = main_window(qtbot, session_for(manager), tmp_path)
    assert shown_numbers(window) == list(reversed(sold))
    assert window.user_label.text() == "Logged in: manager (manager)"
    assert window.till_label.text() == "Till T1"
    assert window.sync_label.text() == "sync off"
    assert all(action.isVisible() for action in window.admin_actions)
    assert window.orders.info.text() == "3 orders shown"


def test_a_customer_sees_only_their_own_orders(
    qtbot: QtBot, services: Services, clerk: Actor, alice: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    mine = sell(services, clerk, "alice")
    sell(services, clerk, "bob")
    window = main_window(qtbot, session_for(alice), tmp_path)
    assert shown_numbers(window) == [mine.number]
    assert not any(action.isVisible() for action in window.admin_actions)
    assert window.orders.customer.isHidden()


def test_searching_waits_for_typing_to_stop(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    sell(services, clerk, "alice")
    bobs = sell(services, clerk, "bob")
    window = main_window(qtbot, session_for(manager), tmp_path)
    qtbot.keyClicks(window.orders.search, "bo")
    assert len(shown_numbers(window)) == 2  # not yet: the search waits ~250 ms
    qtbot.waitUntil(lambda: shown_numbers(window) == [bobs.number], timeout=2000)


def test_a_bad_customer_filter_says_so(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    sell(services, clerk)
    window = main_window(qtbot, session_for(manager), tmp_path)
    window.show()
    qtbot.keyClicks(window.orders.customer, "zed")
    window.orders.customer.editingFinished.emit()
    assert window.orders.error.isVisible()
    assert window.orders.error.text() == "no customer named zed"
    window.orders.customer.clear()
    window.orders.customer.editingFinished.emit()
    assert not window.orders.error.isVisible() and len(shown_numbers(window)) == 1


def test_enter_or_double_click_opens_the_order(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    manager: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    opened: list[str] = []
    monkeypatch.setattr(main_window_module.MainWindow, "open_order", lambda self, ref: opened.append(ref))
    window = main_window(qtbot, session_for(manager), tmp_path)
    window.orders.open_order.disconnect()
    window.orders.open_order.connect(lambda ref: window.open_order(ref))
    table = window.orders.table
    table.setCurrentIndex(window.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    table.doubleClicked.emit(window.model.index(0, 2))
    assert opened == [order.id, order.id]


def test_the_detail_dialog_opens_and_a_change_refreshes_the_list(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    manager: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    window = main_window(qtbot, session_for(manager), tmp_path)

    def exec_(dialog: QDialog) -> int:
        dialog.status_buttons[next(iter(dialog.status_buttons))].click()  # type: ignore[attr-defined]
        return 1

    monkeypatch.setattr(main_window_module.OrderDetailDialog, "exec", exec_)
    window.open_order(order.id)
    assert window.model.data(window.model.index(0, 5)) == "Processing"


def test_find_order_focuses_the_search_box(
    qtbot: QtBot, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    window = main_window(qtbot, session_for(manager), tmp_path)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    assert window.find_order.shortcut().toString() == "Ctrl+F"
    window.find_order.trigger()
    qtbot.waitUntil(window.orders.search.hasFocus, timeout=1000)


def test_locking_hides_the_orders_until_someone_logs_in(
    qtbot: QtBot,
    manager: Actor,
    clerk: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_window_module.LoginDialog, "exec", lambda self: 0)  # walked away
    session = session_for(manager)
    window = main_window(qtbot, session, tmp_path)
    window.lock_till.trigger()
    assert session.locked and window.pages.currentWidget() is window.locked_page
    assert not window.new_sale.isEnabled()
    session.unlock(clerk)
    assert window.pages.currentWidget() is window.orders
    assert window.user_label.text() == "Logged in: clerk (clerk)"
    assert not any(action.isVisible() for action in window.admin_actions)


def test_log_out_clears_the_list_and_asks_for_a_log_in(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    manager: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sell(services, clerk)
    monkeypatch.setattr(main_window_module.LoginDialog, "exec", lambda self: 0)
    window = main_window(qtbot, session_for(manager), tmp_path)
    window.show()
    window.log_out.trigger()
    assert window.model.rowCount() == 0 and not window.model.canFetchMore(QModelIndex())
    assert window.user_label.text() == "nobody logged in"
    assert not window.isVisible()  # nobody logged in again: the window closes


def test_column_layout_is_remembered(
    qtbot: QtBot, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    session = session_for(manager)
    first = main_window(qtbot, session, tmp_path)
    first.orders.table.setColumnWidth(1, 321)
    first.close()
    second = main_window(qtbot, session, tmp_path)
    assert second.orders.table.columnWidth(1) == 321


def test_the_status_and_date_filters_narrow_the_list(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    from datetime import date, timedelta

    from PySide6.QtCore import QDate

    sell(services, clerk)
    placed = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    window = main_window(qtbot, session_for(manager), tmp_path)
    bar = window.orders
    bar.status.setCurrentIndex(bar.status.findText("Placed"))
    assert shown_numbers(window) == [placed.number]
    bar.status.setCurrentIndex(0)
    tomorrow = date.today() + timedelta(days=1)
    bar.since.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert shown_numbers(window) == [] and bar.info.text() == "no orders match"
    bar.since.setDate(bar.since.minimumDate())  # "any day"
    assert len(shown_numbers(window)) == 2


def test_new_sale_opens_the_sale_screen_and_the_list_shows_the_sale_after(
    qtbot: QtBot, services: Services, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    window = main_window(qtbot, session_for(clerk), tmp_path)
    window.new_sale.trigger()
    checkout = window.checkout
    assert checkout is not None and checkout.isVisible()
    window.new_sale.trigger()  # F2 again brings the same sale forward, never a second one
    assert window.checkout is checkout
    assert window.model.rowCount() == 0
    sell(services, clerk)
    checkout.close()
    assert window.checkout is None
    assert window.model.rowCount() == 1


def test_clicking_the_date_header_shows_oldest_first(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    sold = [sell(services, clerk).number for _ in range(3)]
    window = main_window(qtbot, session_for(manager), tmp_path)
    header = window.orders.table.horizontalHeader()
    header.sectionClicked.emit(1)  # what a click on "Date" does
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    assert shown_numbers(window) == sold
    header.setSortIndicator(4, Qt.SortOrder.AscendingOrder)  # "Total" is not sortable: stays by date
    assert header.sortIndicatorSection() == 1 and shown_numbers(window) == sold
