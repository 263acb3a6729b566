"""The order dialog's flag: a manager marks it looked at with Alt+L; a clerk sees the reason
but no button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.domain.users import Actor
from pos_app.services import Services
from tests.gui import SessionFor, sell
from tests.helpers import raw
from tests.ui.windows import OFFSCREEN_NOISE, detail

pytestmark = OFFSCREEN_NOISE
REASON = "not applied: shipped by clerk while cancelled"


def _flagged(services: Services, clerk: Actor, db_path: Path) -> str:
    order = sell(services, clerk)
    with raw(db_path) as conn:  # as sync flags an order two tills changed apart
        conn.execute("UPDATE orders SET attention = ? WHERE id = ?", (REASON, order.id))
    return order.number


def test_a_manager_marks_the_flag_as_looked_at_by_keyboard(
    qtbot: QtBot, services: Services, session_for: SessionFor, manager: Actor, clerk: Actor, db_path: Path
) -> None:
    number = _flagged(services, clerk, db_path)
    dialog = detail(qtbot, session_for, manager, number)
    dialog.show()
    dialog.activateWindow()  # mnemonics reach the active window only
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=1000)
    assert dialog.attention.isVisible() and REASON in dialog.attention.text()
    assert dialog.looked_at.isVisible()

    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)

    qtbot.waitUntil(lambda: not dialog.attention.isVisible())
    order = services.orders.get_order(manager, number)
    assert order.attention == ""
    assert [(e.action, e.detail) for e in order.events][-1] == ("looked at", REASON)


def test_a_clerk_sees_the_reason_but_cannot_clear_it(
    qtbot: QtBot, services: Services, session_for: SessionFor, clerk: Actor, db_path: Path
) -> None:
    number = _flagged(services, clerk, db_path)
    dialog = detail(qtbot, session_for, clerk, number)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.attention.isVisible()
    assert not dialog.looked_at.isVisible()
