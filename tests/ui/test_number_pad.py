"""The on-screen number pad types into its field as a keyboard would, and never takes the focus."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from pos_app.ui.number_pad import BACKSPACE, CLEAR, ENTER, NumberPad
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def test_keys_type_into_the_target_and_enter_submits(qtbot: QtBot) -> None:
    field = QLineEdit()
    pad = NumberPad(field)
    qtbot.addWidget(field)
    qtbot.addWidget(pad)
    submitted: list[str] = []
    field.returnPressed.connect(lambda: submitted.append(field.text()))
    for key in ("1", "2", ".", "5", "00", BACKSPACE):
        pad.buttons[key].click()
    assert field.text() == "12.50"
    pad.buttons[ENTER].click()
    assert submitted == ["12.50"]
    pad.buttons[CLEAR].click()
    assert field.text() == ""


def test_without_a_target_it_types_where_the_focus_is_and_keeps_it_there(qtbot: QtBot) -> None:
    window = QWidget()
    first, second = QLineEdit(), QLineEdit()
    pad = NumberPad(extra=("%",))  # a PIN pad would give extra=()
    layout = QVBoxLayout(window)
    for widget in (first, second, pad):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    pad.buttons["7"].click()
    pad.buttons["%"].click()
    assert (first.text(), second.text()) == ("", "7%")
    assert second.hasFocus()
    assert "." not in pad.buttons and "00" not in pad.buttons
