"""A scan fired right after F2, before the sale screen is active, still lands in the cart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from pos_app.ui.scan_redirect import redirect_keys


def test_keys_reaching_the_window_behind_go_to_the_scan_field(qtbot: QtBot) -> None:
    behind = QMainWindow()
    search = QLineEdit()
    behind.setCentralWidget(search)
    qtbot.addWidget(behind)
    scan = QLineEdit()
    qtbot.addWidget(scan)
    entered: list[str] = []
    scan.returnPressed.connect(lambda: entered.append(scan.text()))
    redirect = redirect_keys(behind, scan)
    try:
        qtbot.keyClicks(search, "4006381333931")
        qtbot.keyClick(search, Qt.Key.Key_Return)
        other = QLineEdit()  # another window (e.g. the payment dialog) keeps its keys
        qtbot.addWidget(other)
        qtbot.keyClicks(other, "12")
    finally:
        QApplication.instance().removeEventFilter(redirect)  # type: ignore[union-attr]
    assert search.text() == ""
    assert entered == ["4006381333931"]
    assert other.text() == "12"
