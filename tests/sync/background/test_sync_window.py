"""Sync as the window shows it, against the real PostgreSQL: the status bar's words, and orders
changed at another till updating the list and the open order in place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.sync import link
from pos_app.ui.main_window import MainWindow
from pos_app.ui.order_detail import OrderDetailDialog
from pos_app.viewmodels.order_list import NUMBER, STATUS, OrderListModel
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.sync_status import SyncState, SyncStatusViewModel
from pos_app.viewmodels.tasks import SyncRunner
from tests.helpers import dead_central_url, sell
from tests.sync.shop import Till
from tests.ui.windows import OFFSCREEN_NOISE, ui_settings

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def vms() -> Iterator[list[SyncStatusViewModel]]:
    """Sync view models made by a test, stopped at its end."""
    made: list[SyncStatusViewModel] = []
    yield made
    for vm in made:
        vm.stop()


def lines_of(vm: SyncStatusViewModel) -> list[str]:
    seen: list[str] = []
    vm.status_changed.connect(lambda: seen.append(vm.line))
    return seen


def session(till: Till, name: str) -> Session:
    made = Session(till.services, SyncRunner())
    made.set_actor(till.login(name))
    return made


def test_the_status_goes_from_waiting_to_up_to_date(
    qtbot: QtBot, two_tills: tuple[Till, Till], vms: list[SyncStatusViewModel]
) -> None:
    one, _two = two_tills
    sell(one.services, one.login("clerk"))
    vm = SyncStatusViewModel(one.services, one.url, interval=0.1)
    vms.append(vm)
    seen = lines_of(vm)
    vm.start()
    qtbot.waitUntil(lambda: vm.line == "sync: up to date", timeout=5000)
    assert seen[0] == "sync: 1 waiting"
    assert vm.state is SyncState.OK
    assert "last synced" in vm.tooltip


def test_an_unreachable_centre_says_so_with_the_last_sync(
    qtbot: QtBot, two_tills: tuple[Till, Till], vms: list[SyncStatusViewModel]
) -> None:
    one, _two = two_tills
    vm = SyncStatusViewModel(one.services, dead_central_url(), interval=0.1, backoff_first=0.1)
    vms.append(vm)
    vm.start()
    qtbot.waitUntil(lambda: vm.state is SyncState.ERROR, timeout=5000)
    assert vm.line.startswith("sync error: cannot reach the central store: ")
    assert "(last synced 20" in vm.line
    assert "secret" not in vm.line


def test_a_linked_database_turns_sync_on_and_an_unlinked_one_leaves_it_off(
    qtbot: QtBot,
    two_tills: tuple[Till, Till],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    vms: list[SyncStatusViewModel],
) -> None:
    one, _two = two_tills
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    off = SyncStatusViewModel.for_services(one.services)
    assert not off.enabled and off.line == "sync off" and off.state is SyncState.OFF
    link.save_link(one.path, one.url)
    on = SyncStatusViewModel.for_services(one.services)
    vms.append(on)
    assert on.enabled
    on.start()
    qtbot.waitUntil(lambda: on.line == "sync: up to date", timeout=5000)


def test_the_window_shows_the_status_and_a_row_changed_at_another_till_in_place(
    qtbot: QtBot, two_tills: tuple[Till, Till], tmp_path: Path, vms: list[SyncStatusViewModel]
) -> None:
    one, two = two_tills
    sold = [sell(one.services, one.login("clerk")) for _ in range(30)]
    target = sell(one.services, one.login("clerk"), "alice", Fulfilment.DELIVERY)
    sold.insert(0, target)
    one.sync()
    two.sync()
    vm = SyncStatusViewModel(one.services, one.url, interval=0.1)
    vms.append(vm)
    window = MainWindow(session(one, "manager"), settings=ui_settings(tmp_path), sync=vm)
    qtbot.addWidget(window)
    model = window.model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    row = next(r for r in range(model.rowCount()) if model.order_at(r).id == target.id)
    assert model.data(model.index(row, STATUS)) == "Placed"
    vm.start()
    qtbot.waitUntil(lambda: window.sync_label.text() == "sync: up to date", timeout=5000)
    assert window.sync_label.objectName() == "syncOk"

    two.services.orders.update_order(two.login("manager"), target.number, status=OrderStatus.PROCESSING)
    two.sync()
    qtbot.waitUntil(lambda: model.data(model.index(row, STATUS)) == "Processing", timeout=5000)
    assert resets == []  # that row in place: no reload, the scroll position stays
    assert model.data(model.index(row, NUMBER)) == target.number


def test_an_order_open_at_this_till_shows_a_change_made_at_another(
    qtbot: QtBot, two_tills: tuple[Till, Till], vms: list[SyncStatusViewModel]
) -> None:
    one, two = two_tills
    order = sell(one.services, one.login("clerk"), "alice", Fulfilment.DELIVERY)
    one.sync()
    two.sync()
    dialog = OrderDetailDialog(session(one, "manager"), order.id)
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("typed here, not saved")
    dialog.note.document().setModified(True)
    vm = SyncStatusViewModel(one.services, one.url, interval=0.1)
    vms.append(vm)
    vm.orders_changed.connect(dialog.refresh_orders)
    vm.start()
    two.services.orders.update_order(
        two.login("manager"), order.number, status=OrderStatus.PROCESSING, tracking="TRK-9"
    )
    two.sync()
    qtbot.waitUntil(lambda: dialog.status.text() == "PROCESSING", timeout=5000)
    assert dialog.tracking.text() == "TRK-9"
    assert dialog.note.toPlainText() == "typed here, not saved"  # unsaved typing is kept


def test_a_list_filtered_by_status_drops_a_row_that_no_longer_matches(
    qtbot: QtBot, two_tills: tuple[Till, Till], vms: list[SyncStatusViewModel]
) -> None:
    one, two = two_tills
    placed = [sell(one.services, one.login("clerk"), "alice", Fulfilment.DELIVERY) for _ in range(3)]
    one.sync()
    two.sync()
    model = OrderListModel(session(one, "manager"))
    model.set_status(OrderStatus.PLACED)
    assert model.rowCount() == 3
    vm = SyncStatusViewModel(one.services, one.url, interval=0.1)
    vms.append(vm)
    vm.orders_changed.connect(model.refresh_orders)
    vm.start()
    two.services.orders.update_order(two.login("manager"), placed[1].number, status=OrderStatus.PROCESSING)
    new = sell(two.services, two.login("clerk"), "alice", Fulfilment.DELIVERY)
    two.sync()
    numbers = lambda: [model.data(model.index(r, NUMBER)) for r in range(model.rowCount())]  # noqa: E731
    qtbot.waitUntil(lambda: numbers() == [new.number, placed[2].number, placed[0].number], timeout=5000)
    assert model.canFetchMore(QModelIndex()) is False
