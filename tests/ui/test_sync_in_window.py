"""Sync and its conflicts in the window: the status bar, the "needs attention" filter and the
attention reason on an order, and an edit that refreshes its row without a reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui.main_window import MainWindow
from pos_app.ui.order_detail import OrderDetailDialog
from pos_app.viewmodels.order_list import NUMBER
from pos_app.viewmodels.sync_status import SyncStatusViewModel
from tests.gui import SessionFor, sell
from tests.helpers import dead_central_url, flag
from tests.ui.windows import OFFSCREEN_NOISE, detail, main_window, ui_settings

pytestmark = OFFSCREEN_NOISE
REASON = "not applied: shipped by clerk while cancelled"


def shown(window: MainWindow) -> list[str]:
    return [window.model.data(window.model.index(r, NUMBER)) for r in range(window.model.rowCount())]


def test_the_status_bar_shows_an_unreachable_centre(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    sync = SyncStatusViewModel(services, dead_central_url(), interval=0.05)
    window = MainWindow(session_for(manager), settings=ui_settings(tmp_path), sync=sync)
    qtbot.addWidget(window)
    assert window.sync_label.text() == "sync: starting"
    sync.start()
    try:
        qtbot.waitUntil(lambda: window.sync_label.text().startswith("sync error: "), timeout=5000)
    finally:
        sync.stop()
    assert window.sync_label.objectName() == "syncError"
    assert "cannot reach the central store" in window.sync_label.text()


def test_a_manager_filters_the_orders_that_need_attention(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    manager: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    db_path: Path,
) -> None:
    orders = [sell(services, clerk) for _ in range(3)]
    flag(db_path, orders[0].id, REASON)
    window = main_window(qtbot, session_for(manager), tmp_path)
    assert window.orders.attention.isVisibleTo(window)
    window.orders.attention.setChecked(True)
    assert shown(window) == [orders[0].number]
    window.orders.attention.setChecked(False)
    assert len(shown(window)) == 3


def test_a_clerk_gets_no_attention_filter(
    qtbot: QtBot, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    window = main_window(qtbot, session_for(clerk), tmp_path)
    assert not window.orders.attention.isVisibleTo(window)


def test_the_order_says_prominently_why_it_needs_attention(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, db_path: Path
) -> None:
    flagged = sell(services, clerk)
    fine = sell(services, clerk)
    flag(db_path, flagged.id, REASON)
    dialog = detail(qtbot, session_for, manager, flagged.number)
    assert dialog.attention.isVisibleTo(dialog)
    assert dialog.attention.text() == f"Needs a manager's attention: {REASON}"
    other = detail(qtbot, session_for, manager, fine.number)
    assert not other.attention.isVisibleTo(other)


def test_an_edit_in_the_order_refreshes_its_row_and_keeps_the_list(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    manager: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    orders = [sell(services, clerk, "alice", Fulfilment.DELIVERY) for _ in range(3)]
    window = main_window(qtbot, session_for(manager), tmp_path)
    resets: list[int] = []
    window.model.modelReset.connect(lambda: resets.append(1))
    changed: list[int] = []
    window.model.dataChanged.connect(lambda top, _b, _r: changed.append(top.row()))

    def edit_and_close(dialog: OrderDetailDialog) -> int:
        dialog.vm.set_status(OrderStatus.PROCESSING)
        return 1

    monkeypatch.setattr(OrderDetailDialog, "exec", edit_and_close)
    window.open_order(orders[1].id)
    assert resets == [] and changed == [1]
    assert window.model.data(window.model.index(1, 5)) == "Processing"
    assert window.model.rowCount(QModelIndex()) == 3


def test_launch_starts_the_worker_after_the_log_in_and_stops_it_before_closing(
    told: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from pos_app.domain.users import Role
    from pos_app.ui import launch
    from pos_app.viewmodels.sync_status import SyncState
    from tests.conftest import FAST_HASHER

    path = tmp_path / "pos.sqlite3"
    services = Services.open(path, create=True, hasher=FAST_HASHER)
    services.auth.add_user(None, "manager", Role.MANAGER, "manager123")
    services.close()
    made: list[SyncStatusViewModel] = []

    def sync_for(opened: Services) -> SyncStatusViewModel:
        made.append(SyncStatusViewModel(opened, dead_central_url(), interval=60))
        return made[-1]

    def log_in(dialog: launch.LoginDialog) -> int:
        dialog.vm.login_password("manager", "manager123")
        qtbot.waitUntil(lambda: dialog.vm.session.logged_in, timeout=10_000)
        assert made == []  # not before someone has logged in
        return 1

    def run_until_the_status_shows(_app: object) -> int:
        qtbot.waitUntil(lambda: made[0].state is SyncState.ERROR, timeout=5000)
        return 0

    shown: list[MainWindow] = []
    monkeypatch.setattr(launch.LoginDialog, "exec", log_in)
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self))
    monkeypatch.setattr(launch.QApplication, "exec", run_until_the_status_shows)
    assert launch.launch(path, sync_for) == 0
    assert shown[0].sync is made[0]
    assert shown[0].sync_label.text().startswith("sync error: ")
    assert made[0].worker is None  # stopped before the database was closed
    assert told == []
