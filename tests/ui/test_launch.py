"""Starting the app: a bad database file is refused plainly and left alone; errors are logged."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.users import Role
from pos_app.services import Services
from pos_app.ui import launch
from pos_app.ui.main_window import MainWindow
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def test_a_damaged_database_is_refused_and_not_touched(told: list[str], tmp_path: Path) -> None:
    path = tmp_path / "pos.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    assert launch.launch(path) == 2
    assert len(told) == 1 and "left unchanged" in told[0]
    assert path.read_bytes() == b"this is not a database" * 100


def test_an_unexpected_error_is_logged_and_shown(told: list[str], tmp_path: Path) -> None:
    log_path = launch.setup_logging()
    launch.install_excepthook(log_path)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        sys.excepthook(RuntimeError, exc, exc.__traceback__)
    assert "boom" in told[0] and str(log_path) in told[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "RuntimeError: boom" in log_path.read_text()


def _settings_only(path: Path, revision: str) -> None:
    """A database file whose settings can be read, at schema `revision`."""
    import sqlite3

    from pos_app.store.migrate import open_engine

    open_engine(path, create=True).dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('store_name', 'Peeked Shop')")
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


def test_an_existing_database_shows_the_log_in_window_while_it_opens(
    told: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from pos_app.store.peek import peek_settings
    from tests.conftest import FAST_HASHER

    path = tmp_path / "pos.sqlite3"
    services = Services.open(path, create=True, hasher=FAST_HASHER)
    services.auth.add_user(None, "manager", Role.MANAGER, "manager123")
    services.close()
    settings = peek_settings(path)
    assert settings is not None and settings.till == "T1"
    titles: list[str] = []

    def log_in(dialog: launch.LoginDialog) -> int:
        titles.append(dialog.windowTitle())
        dialog.vm.login_password("manager", "manager123")  # waits for the services on a worker
        qtbot.waitUntil(lambda: dialog.vm.session.logged_in, timeout=10_000)
        return 1

    monkeypatch.setattr(launch.LoginDialog, "exec", log_in)
    shown: list[MainWindow] = []
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self))
    monkeypatch.setattr(launch.QApplication, "exec", lambda self: 0)
    assert launch.launch(path) == 0
    assert titles == ["Log in"] and shown and told == []


def test_a_newer_database_seen_after_the_log_in_window_is_refused_untouched(
    told: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    path = tmp_path / "future.sqlite3"
    _settings_only(path, "0999")
    before = path.read_bytes()
    monkeypatch.setattr(launch.LoginDialog, "exec", lambda self: qtbot.waitUntil(lambda: bool(told)) or 0)
    assert launch.launch(path) == 2
    assert "newer pos_app" in told[0]
    assert path.read_bytes() == before


def test_a_read_only_folder_is_named_as_such_and_not_called_damaged(told: list[str], tmp_path: Path) -> None:
    from pos_app.store.migrate import open_engine

    folder = tmp_path / "shop"
    path = folder / "pos.sqlite3"
    open_engine(path, create=True).dispose()
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        assert launch.launch(path) == 2
    finally:
        folder.chmod(0o700)
    assert len(told) == 1 and f"the folder {folder} is read-only" in told[0]
    assert "damaged" not in told[0]
    assert path.read_bytes() == before
