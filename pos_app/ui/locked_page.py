"""What the main window shows while the till is locked: nothing of the orders, one Unlock button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class LockedPage(QWidget):
    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockedPage")
        title = QLabel(self.tr("Till locked"))
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock = QPushButton(self.tr("Unlock"))
        self.unlock.setObjectName("primary")
        self.unlock.setMinimumWidth(220)
        self.unlock.setAutoDefault(True)  # Enter presses it, as in a dialog
        hint = QLabel(self.tr("Enter: log in to go on"))
        hint.setObjectName("hint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(self.unlock, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.unlock.clicked.connect(self.unlock_requested)
        self.setFocusProxy(self.unlock)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Wherever the focus is on this page, Enter asks for a log-in.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.unlock_requested.emit()
            return
        super().keyPressEvent(event)
