"""Small one-field dialogs of the till (discount, parked-sale label) that keep themselves open,
with the reason shown, until what was typed is accepted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.ui.checkout_style import apply_till_style, set_role, show_message

# Takes the text typed; returns '' when it was applied, else the reason it was refused.
Apply = Callable[[str], str]


class EntryDialog(QDialog):
    def __init__(
        self, title: str, prompt: str, apply: Apply, parent: QWidget | None = None, *, text: str = ""
    ) -> None:
        super().__init__(parent)
        self.apply = apply
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        apply_till_style(self)
        self.setMinimumWidth(440)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.field = QLineEdit(text)
        self.field.setAccessibleName(title)
        self.field.selectAll()
        self.error = QLabel()
        self.error.setWordWrap(True)
        show_message(self.error, "", error=True)
        self.ok_button = QPushButton("OK")
        set_role(self.ok_button, "go")
        self.ok_button.setAccessibleName(f"{title}: OK")
        cancel = QPushButton("Cancel")
        cancel.setAccessibleName(f"{title}: cancel")
        for button in (self.ok_button, cancel):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(12)
        layout.addWidget(self.prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.ok_button.clicked.connect(self.submit)
        self.field.returnPressed.connect(self.submit)
        cancel.clicked.connect(self.reject)
        self.field.setFocus()

    def submit(self) -> None:
        reason = self.apply(self.field.text())
        if reason:
            show_message(self.error, reason, error=True)
            self.field.selectAll()
            self.field.setFocus()
            return
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # the field's own Enter submits; no default button
        super().keyPressEvent(event)
