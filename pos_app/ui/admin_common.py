"""Bits the manager screens share: a message line that shows errors and confirmations."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from pos_app.viewmodels.admin import AdminViewModel


class MessageLine(QLabel):
    def __init__(self, vm: AdminViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)
        vm.message.connect(lambda text: self.say(text, error=True))
        vm.saved.connect(lambda text: self.say(text, error=False))

    def say(self, text: str, *, error: bool) -> None:
        self.setText(text)
        self.setObjectName("error" if error else "ok")
        self.style().polish(self)
        self.setVisible(True)
