"""The sync status as the window shows it, without a central store: off, and unreachable."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.sync.engine import SyncStatus
from pos_app.viewmodels.sync_status import SyncState, SyncStatusViewModel, state_of, tooltip_of
from tests.helpers import dead_central_url, sell


def status(**changes: object) -> SyncStatus:
    values: dict[str, object] = {
        "linked": True,
        "device": "T1",
        "waiting": 0,
        "cursor": 0,
        "last_ok_at": "2026-03-01T10:00:00.000000Z",
        "last_error": "",
        "last_error_at": "",
        "flagged": 0,
    }
    values.update(changes)
    return SyncStatus(**values)  # type: ignore[arg-type]


@pytest.fixture
def vm(services: Services, qapp: object) -> Iterator[SyncStatusViewModel]:
    made = SyncStatusViewModel(services, dead_central_url(), interval=0.05, backoff_first=0.05)
    yield made
    made.stop()


def test_with_no_central_store_sync_is_off(qapp: object) -> None:
    vm = SyncStatusViewModel()
    vm.start()
    vm.wake()
    assert (vm.line, vm.state, vm.enabled) == ("sync off", SyncState.OFF, False)
    assert "No central store" in vm.tooltip


def test_states_and_tooltips_follow_the_status() -> None:
    assert state_of(status()) is SyncState.OK
    assert state_of(status(waiting=3)) is SyncState.WAITING
    assert state_of(status(last_ok_at="")) is SyncState.WAITING
    assert state_of(status(last_error="cannot reach")) is SyncState.ERROR
    assert state_of(status(linked=False)) is SyncState.OFF
    tip = tooltip_of(status(waiting=2, flagged=1))
    assert "2 changes waiting" in tip and "1 order need" in tip and "2026-03-01 10:00:00 UTC" in tip


def test_an_unreachable_centre_is_told_on_the_gui_thread(
    qtbot: QtBot, vm: SyncStatusViewModel, services: Services, clerk: Actor
) -> None:
    sell(services, clerk)
    lines: list[str] = []
    vm.status_changed.connect(lambda: lines.append(vm.line))
    vm.start()
    qtbot.waitUntil(lambda: vm.state is SyncState.ERROR, timeout=5000)
    assert re.fullmatch(r"sync: \d+ waiting", lines[0])
    assert vm.line.startswith("sync error: cannot reach the central store: ")
    assert "last synced" not in vm.line  # it never has
    assert "secret" not in vm.line and "secret" not in vm.tooltip


def test_nothing_is_told_after_stop(qtbot: QtBot, vm: SyncStatusViewModel) -> None:
    vm.start()
    qtbot.waitUntil(lambda: vm.state is SyncState.ERROR, timeout=5000)
    worker = vm.worker
    vm.stop()
    assert worker is not None and not worker.running and vm.worker is None
    lines: list[str] = []
    vm.status_changed.connect(lambda: lines.append(vm.line))
    qtbot.wait(100)
    assert lines == []
