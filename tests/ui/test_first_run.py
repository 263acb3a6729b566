"""Opening the window where there is no database (a typo, an unmounted drive) makes nothing
unless asked: the first-run window names the path and creates a new shop with the manager's own
password, through the same code as `pos-app init`; never the demo shop and its known passwords."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pos_app.domain.errors import LoginFailed
from pos_app.services import Services
from pos_app.store.files import mode_of
from pos_app.ui import launch
from pos_app.ui.first_run_dialog import FirstRunDialog
from pos_app.ui.main_window import MainWindow
from pos_app.viewmodels.first_run import FirstRunViewModel
from tests.conftest import FAST_HASHER
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr("pos_app.services.auth.till_hasher", lambda: FAST_HASHER)
    yield


def fill(dialog: FirstRunDialog, manager: str, password: str, again: str) -> None:
    dialog.store_name.setText("Harbour Books")
    dialog.till.setText("T2")
    dialog.manager.setText(manager)
    dialog.password.setText(password)
    dialog.again.setText(again)


def test_quit_on_a_missing_database_makes_nothing(
    told: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "unmounted" / "pos.sqlite3"
    seen: list[str] = []

    def quit_(dialog: FirstRunDialog) -> int:
        seen.append(dialog.explanation.text())
        dialog.quit_button.click()
        return int(dialog.result())

    monkeypatch.setattr(FirstRunDialog, "exec", quit_)
    assert launch.launch(path) == 0
    assert f"There is no database at {path}." in seen[0]
    assert not path.parent.exists()
    assert told == []


def test_a_new_shop_from_the_first_run_window_has_only_the_managers_own_log_in(
    told: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast: None, qtbot: QtBot
) -> None:
    path = tmp_path / "new" / "pos.sqlite3"

    def create(dialog: FirstRunDialog) -> int:
        fill(dialog, "Maya", "harbour-42", "harbour-42")
        dialog.create_button.click()
        return int(dialog.result())

    monkeypatch.setattr(FirstRunDialog, "exec", create)
    monkeypatch.setattr(
        launch.LoginDialog, "exec", lambda self: self.vm.login_password("Maya", "harbour-42") or 1
    )
    shown: list[MainWindow] = []
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self))
    monkeypatch.setattr(launch.QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: pytest.fail(str(args)))
    assert launch.launch(path) == 0
    assert shown and shown[0].windowTitle() == "Harbour Books — till T2"
    assert mode_of(path) == 0o600
    services = Services.open(path, hasher=FAST_HASHER)
    try:
        with pytest.raises(LoginFailed):
            services.auth.login("manager", "manager123")  # the published demo log-in
        maya = services.auth.login("Maya", "harbour-42")
        assert [u.name for u in services.auth.list_users(maya)] == ["Maya"]
    finally:
        services.close()


def test_the_first_run_window_refuses_differing_passwords_and_makes_nothing(
    qtbot: QtBot, tmp_path: Path, fast: None
) -> None:
    path = tmp_path / "pos.sqlite3"
    dialog = FirstRunDialog(FirstRunViewModel(path, hasher=FAST_HASHER))
    qtbot.addWidget(dialog)
    fill(dialog, "Maya", "harbour-42", "harbour-24")
    dialog.create_button.click()
    assert dialog.error.text() == "the two passwords differ" and not dialog.error.isHidden()
    fill(dialog, "", "harbour-42", "harbour-42")
    dialog.create_button.click()
    assert "manager's user name" in dialog.error.text()
    fill(dialog, "Maya", "x", "x")
    dialog.create_button.click()
    assert "at least 4 characters" in dialog.error.text()
    assert list(tmp_path.iterdir()) == []
    assert dialog.result() == 0
