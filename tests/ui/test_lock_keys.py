"""The lock screen by keyboard: digits go to the PIN whatever of the pad has the focus, Enter
never tries a PIN that is not finished, and the locked window's Unlock answers Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui import main_window as main_window_module
from pos_app.ui.login_dialog import LoginDialog
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.tasks import SyncRunner
from tests.gui import SessionFor
from tests.ui.windows import OFFSCREEN_NOISE, main_window

pytestmark = OFFSCREEN_NOISE


def active(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=1000)


def locked_dialog(qtbot: QtBot, services: Services, manager: Actor) -> tuple[LoginDialog, Session]:
    session = Session(services, SyncRunner())
    session.set_actor(manager)
    session.lock()
    dialog = LoginDialog(session, locked=True, user="clerk")
    qtbot.addWidget(dialog)
    active(qtbot, dialog)
    return dialog, session


def pad(dialog: LoginDialog) -> dict[str, QPushButton]:
    return {b.text(): b for b in dialog.findChildren(QPushButton) if b.objectName() == "pinKey"}


@pytest.fixture
def tries(services: Services, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The secrets the services were asked to check."""
    asked: list[str] = []
    login = services.auth.login

    def counted(name: str, secret: str, *, pin: bool = False) -> Actor:
        asked.append(secret)
        return login(name, secret, pin=pin)

    monkeypatch.setattr(services.auth, "login", counted)
    return asked


def test_a_tap_on_the_pad_leaves_the_typing_in_the_pin(
    qtbot: QtBot, services: Services, manager: Actor
) -> None:
    dialog, _session = locked_dialog(qtbot, services, manager)
    assert dialog.pin.hasFocus()
    qtbot.mouseClick(pad(dialog)["1"], Qt.MouseButton.LeftButton)
    assert dialog.pin.hasFocus() and dialog.pin.text() == "1"
    qtbot.keyClicks(dialog.pin, "11")
    assert dialog.pin.text() == "111"


def test_digits_typed_on_a_focused_pad_key_go_to_the_pin(
    qtbot: QtBot, services: Services, manager: Actor
) -> None:
    dialog, _session = locked_dialog(qtbot, services, manager)
    key = pad(dialog)["5"]
    key.setFocus()  # however it got there (an older habit, a screen reader)
    for typed in "111x":  # each key to whatever has the focus then, as a keyboard does
        qtbot.keyClicks(QApplication.focusWidget(), typed)
    assert dialog.pin.text() == "111" and dialog.pin.hasFocus()
    dialog.pin_button.setFocus()
    qtbot.keyClicks(dialog.pin_button, "1")
    assert dialog.pin.text() == "1111"
    dialog.pin_button.setFocus()
    qtbot.keyClick(dialog.pin_button, Qt.Key.Key_Backspace)
    assert dialog.pin.text() == "111"


def test_enter_never_tries_an_unfinished_pin(
    qtbot: QtBot, services: Services, manager: Actor, tries: list[str]
) -> None:
    dialog, session = locked_dialog(qtbot, services, manager)
    for n, key in enumerate(["", "1", "11", "111"]):
        dialog.pin.setText(key)
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        assert tries == [] and dialog.isVisible(), n
    assert dialog.error.text() == "a PIN is 4 to 8 digits: go on typing"
    assert dialog.pin.text() == "111"  # kept: the user goes on typing
    qtbot.keyClicks(dialog.pin, "1")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert tries == ["1111"] and dialog.result() == QDialog.DialogCode.Accepted
    assert session.actor.name == "clerk" and not session.locked


def test_enter_on_a_pad_key_or_the_button_is_the_same_enter(
    qtbot: QtBot, services: Services, manager: Actor, tries: list[str]
) -> None:
    dialog, _session = locked_dialog(qtbot, services, manager)
    dialog.pin.setText("11")
    pad(dialog)["C"].setFocus()
    qtbot.keyClick(pad(dialog)["C"], Qt.Key.Key_Return)  # never "pressed" C, nor tried "11"
    assert tries == [] and dialog.pin.text() == "11"
    dialog.pin.setText("9999")
    dialog.pin_button.setFocus()
    qtbot.keyClick(dialog.pin_button, Qt.Key.Key_Return)
    assert tries == ["9999"]  # once, not once per handler
    assert dialog.pin.text() == "" and dialog.pin.hasFocus()  # refused: typed again from the start


def test_enter_goes_from_the_name_to_the_password_then_logs_in_once(
    qtbot: QtBot, services: Services, tries: list[str]
) -> None:
    session = Session(services, SyncRunner())
    dialog = LoginDialog(session)
    qtbot.addWidget(dialog)
    active(qtbot, dialog)
    qtbot.keyClicks(dialog.user, "clerk")
    qtbot.keyClick(dialog.user, Qt.Key.Key_Return)
    assert dialog.password.hasFocus() and tries == []
    qtbot.keyClicks(dialog.password, "clerk123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert tries == ["clerk123"] and session.actor.name == "clerk"


def test_the_locked_window_unlocks_on_enter(
    qtbot: QtBot,
    manager: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(main_window_module.LoginDialog, "exec", lambda self: asked.append(True) or 0)
    window = main_window(qtbot, session_for(manager), tmp_path)
    active(qtbot, window)
    window.lock_till.trigger()  # locks, and asks for a log-in: walked away (Esc)
    assert asked == [True]
    unlock = window.locked_page.unlock
    qtbot.waitUntil(unlock.hasFocus, timeout=1000)
    qtbot.keyClick(unlock, Qt.Key.Key_Return)
    qtbot.keyClick(window.locked_page, Qt.Key.Key_Enter)
    assert asked == [True, True, True]
    assert window.pages.currentWidget() is window.locked_page
