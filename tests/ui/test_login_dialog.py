"""Logging in at the till, by password or PIN pad; failures are told plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from pos_app.domain.users import Actor, Role
from pos_app.services import Services
from pos_app.ui.login_dialog import LoginDialog
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.tasks import SyncRunner
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def dialog_for(qtbot: QtBot, services: Services, **kwargs: object) -> tuple[LoginDialog, Session]:
    session = Session(services, SyncRunner())
    dialog = LoginDialog(session, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog, session


def test_a_wrong_password_is_told_and_the_right_one_logs_in(qtbot: QtBot, services: Services) -> None:
    dialog, session = dialog_for(qtbot, services)
    qtbot.keyClicks(dialog.user, "clerk")
    qtbot.keyClicks(dialog.password, "nope")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isHidden()
    assert dialog.error.text() == "wrong user name or password"
    assert dialog.password.text() == "" and not session.logged_in
    qtbot.keyClicks(dialog.password, "clerk123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert session.actor.name == "clerk" and session.actor.role is Role.CLERK


def test_the_wait_message_is_shown_as_the_service_says_it(qtbot: QtBot, services: Services) -> None:
    dialog, _session = dialog_for(qtbot, services)
    for _ in range(5):
        dialog.vm.login_password("clerk", "wrong")
    assert dialog.error.text() == "wrong user name or password; too many failed tries: wait 30 s"
    dialog.vm.login_password("clerk", "clerk123")
    assert dialog.error.text().startswith("too many failed tries: wait ")


def test_the_pin_pad_switches_clerk_on_a_locked_till(
    qtbot: QtBot, services: Services, manager: Actor
) -> None:
    session = Session(services, SyncRunner())
    session.set_actor(manager)
    session.lock()
    dialog = LoginDialog(session, locked=True, user="clerk")
    qtbot.addWidget(dialog)
    assert dialog.tabs.currentIndex() == 1 and dialog.windowTitle() == "Till locked"
    keys = {b.text(): b for b in dialog.findChildren(QPushButton) if b.objectName() == "pinKey"}
    for digit in "1119":
        qtbot.mouseClick(keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keys["⌫"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keys["1"], Qt.MouseButton.LeftButton)
    assert dialog.pin.text() == "1111"
    qtbot.mouseClick(dialog.pin_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not session.locked and session.actor.name == "clerk"


def test_empty_fields_are_asked_for(qtbot: QtBot, services: Services) -> None:
    dialog, _session = dialog_for(qtbot, services)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "type your user name"
    dialog.vm.login_pin("clerk", "")
    assert dialog.error.text() == "type your PIN"


def test_typing_starts_in_the_first_empty_field(qtbot: QtBot, services: Services) -> None:
    """A clerk types (or scans a badge) straight away; no click needed first."""
    fresh, _ = dialog_for(qtbot, services)
    locked, _ = dialog_for(qtbot, services, locked=True, user="clerk")
    for dialog, field in ((fresh, fresh.user), (locked, locked.pin)):
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.focusWidget() is field
