"""The order list by keyboard alone: from the search to the first row and into the order, date
filters that let Tab through, and the till's shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.domain.orders import Fulfilment
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui import main_window as main_window_module
from pos_app.ui.main_window import MainWindow
from pos_app.ui.order_filters import NO_DATE
from pos_app.viewmodels.order_list import NUMBER
from pos_app.viewmodels.session import Session
from tests.gui import SessionFor, sell
from tests.ui.windows import OFFSCREEN_NOISE, main_window, ui_settings

pytestmark = OFFSCREEN_NOISE


class HeldRunner:
    """A task runner whose results arrive only when released, as a worker thread's do."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]]] = []

    def submit(
        self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None]
    ) -> None:
        self.waiting.append((work, done, failed))

    def release(self) -> None:
        while self.waiting:
            work, done, failed = self.waiting.pop(0)
            try:
                result = work()
            except Exception as exc:
                failed(exc)
            else:
                done(result)

    def wait(self) -> None:
        return None


def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=1000)
    return window


def test_down_in_the_search_goes_to_the_first_row_and_enter_opens_it(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    sell(services, clerk, "alice")
    newest = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    window = shown(qtbot, main_window(qtbot, session_for(manager), tmp_path))
    opened: list[str] = []
    window.orders.open_order.disconnect()
    window.orders.open_order.connect(opened.append)
    window.find_order.trigger()
    qtbot.keyClick(window.orders.search, Qt.Key.Key_Down)
    assert window.orders.table.hasFocus()
    assert window.orders.table.currentIndex().row() == 0
    qtbot.keyClick(window.orders.table, Qt.Key.Key_Return)
    assert opened == [newest.id]


def test_enter_in_the_search_searches_at_once_then_goes_to_the_first_match(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    bobs = sell(services, clerk, "bob")
    sell(services, clerk, "alice")
    window = shown(qtbot, main_window(qtbot, session_for(manager), tmp_path))
    window.orders.focus_search()
    qtbot.keyClicks(window.orders.search, "bob")
    qtbot.keyClick(window.orders.search, Qt.Key.Key_Return)  # no wait for the typing to stop
    model = window.model
    assert [model.data(model.index(r, NUMBER)) for r in range(model.rowCount())] == [bobs.number]
    assert window.orders.table.hasFocus() and window.orders.table.currentIndex().row() == 0


def test_enter_waits_for_the_search_to_come_back_before_moving(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, tmp_path: Path
) -> None:
    bobs = sell(services, clerk, "bob")
    sell(services, clerk, "alice")
    runner = HeldRunner()
    session = Session(services, runner)
    session.set_actor(manager)
    window = MainWindow(session, settings=ui_settings(tmp_path))
    qtbot.addWidget(window)
    shown(qtbot, window)
    runner.release()
    window.orders.focus_search()
    qtbot.keyClicks(window.orders.search, "bob")
    qtbot.keyClick(window.orders.search, Qt.Key.Key_Return)
    assert window.model.loading and window.orders.search.hasFocus()  # nothing to go to yet
    runner.release()
    assert window.orders.table.hasFocus()
    assert window.model.order_at(window.orders.table.currentIndex().row()).id == bobs.id  # type: ignore[union-attr]


def test_enter_with_nothing_found_stays_in_the_search(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    sell(services, clerk, "alice")
    window = shown(qtbot, main_window(qtbot, session_for(manager), tmp_path))
    window.orders.focus_search()
    qtbot.keyClicks(window.orders.search, "nobody")
    qtbot.keyClick(window.orders.search, Qt.Key.Key_Return)
    assert window.model.rowCount() == 0 and window.orders.search.hasFocus()
    assert window.orders.info.text() == "no orders match"


@pytest.mark.parametrize("day", [None, QDate(2026, 3, 4)])
def test_tab_leaves_the_date_filter(
    qtbot: QtBot, manager: Actor, session_for: SessionFor, tmp_path: Path, day: QDate | None
) -> None:
    window = shown(qtbot, main_window(qtbot, session_for(manager), tmp_path))
    since, until = window.orders.since, window.orders.until
    if day is not None:
        since.setDate(day)
    since.setFocus()
    qtbot.waitUntil(since.hasFocus, timeout=1000)
    qtbot.keyClick(since, Qt.Key.Key_Tab)
    assert until.hasFocus()  # not the date's month, nor kept in "any day"
    qtbot.keyClick(until, Qt.Key.Key_Backtab)
    assert since.hasFocus()


def test_delete_in_a_date_filter_means_any_day(
    qtbot: QtBot, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    window = main_window(qtbot, session_for(manager), tmp_path)
    since = window.orders.since
    since.setDate(QDate(2026, 3, 4))
    assert window.model.query.since is not None
    qtbot.keyClick(since, Qt.Key.Key_Delete)
    assert since.date() == NO_DATE and since.text() == "any day" and window.model.query.since is None


def test_log_out_and_the_manager_screens_have_shortcuts(
    qtbot: QtBot, manager: Actor, session_for: SessionFor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown(qtbot, main_window(qtbot, session_for(manager), tmp_path))
    actions = (window.log_out, window.lock_till, *window.admin_actions)
    keys = {a.text(): a.shortcut().toString() for a in actions}
    assert keys == {
        "Log out": "Ctrl+Shift+L",
        "Lock till": "Ctrl+L",
        "Users": "Ctrl+U",
        "Products && stock": "Ctrl+I",
        "Settings": "Ctrl+,",
        "Reports": "Ctrl+R",
    }
    assert all(a.toolTip().endswith(f"({a.shortcut().toString()})") for a in window.admin_actions)
    asked: list[str] = []
    monkeypatch.setattr(main_window_module.LoginDialog, "exec", lambda self: asked.append("log in") or 1)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, ctrl_shift)
    assert asked == ["log in"] and not window.session.logged_in
