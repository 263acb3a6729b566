"""Keys a scanner fires right after F2 go to the sale screen's scan field, not the window behind.

Until the window system has made the new sale screen active, key presses still arrive at
the main window. From the moment the sale screen opens until it first becomes active,
printable keys and Enter reaching the main window are handed to the scan field instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanRedirect(QObject):
    def __init__(self, behind: QWidget, scan_field: QLineEdit) -> None:
        super().__init__(scan_field)
        self.behind = behind
        self.scan_field = scan_field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and watched is self.scan_field.window():
            self.stop()  # from now on the window system sends keys to the sale screen itself
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QWidget)
            and watched.window() is self.behind
            and isinstance(event, QKeyEvent)
            and (event.key() in _ENTER or (event.text() and event.text().isprintable()))
        ):
            copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            QApplication.sendEvent(self.scan_field, copy)
            return True
        return False

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def redirect_keys(behind: QWidget, scan_field: QLineEdit) -> ScanRedirect:
    redirect = ScanRedirect(behind, scan_field)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(redirect)
    return redirect
