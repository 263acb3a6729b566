"""The till's entry line: takes a scanner's burst of keys + Enter, and, while empty, the keys
that work on the selected cart line (+ / - quantity, Del remove, Up / Down select)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

_NUDGE = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Minus: -1}
_MOVE = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}


class ScanField(QLineEdit):
    nudge = Signal(int)  # change the selected line's quantity by this much
    step = Signal(int)  # select the line above (-1) or below (+1)
    remove_line = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scan")
        self.setPlaceholderText(self.tr("Scan or type barcode / SKU"))
        self.setAccessibleName(self.tr("Scan barcode or SKU"))
        self.setAccessibleDescription(
            self.tr(
                "Scan or type a code and press Enter. With the field empty: plus and minus change the "
                "selected line's quantity, Delete removes it, arrows select a line."
            )
        )
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _MOVE:
            self.step.emit(_MOVE[key])
            return
        if not self.text():
            if key in _NUDGE:
                self.nudge.emit(_NUDGE[key])
                return
            if key == Qt.Key.Key_Delete:
                self.remove_line.emit()
                return
        super().keyPressEvent(event)
