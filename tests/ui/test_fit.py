"""The fit check itself can fail: a row of long buttons squeezed into a narrow window."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.fit import fit_problems, open_at, small_targets
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def _row(qtbot: QtBot, count: int) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    for n in range(count):
        row.addWidget(QPushButton(f"A button with a long label {n}"))
    row.addWidget(QLabel("Total £1,234.56"))
    return window


def test_a_window_too_narrow_for_its_buttons_is_reported(qtbot: QtBot) -> None:
    window = _row(qtbot, 8)
    open_at(qtbot, window, 400, 200)
    assert fit_problems(window, 400, 200)


def test_a_roomy_window_fits_but_its_small_buttons_are_named(qtbot: QtBot) -> None:
    window = _row(qtbot, 1)
    open_at(qtbot, window, 1024, 768)
    assert fit_problems(window, 1024, 768) == []
    assert len(small_targets(window)) == 1  # default button height is under 44 px
