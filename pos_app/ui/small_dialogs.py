"""Small one-field dialogs of the till (discount, parked-sale label) that keep themselves open,
with the reason shown, until what was typed is accepted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos_app.ui.checkout_style import apply_till_style, set_role, show_message
from pos_app.ui.number_pad import NumberPad

# Takes the text typed; returns '' when it was applied, else the reason it was refused.
Apply = Callable[[str], str]


class EntryDialog(QDialog):
    def __init__(
        self,
        title: str,
        prompt: str,
        apply: Apply,
        parent: QWidget | None = None,
        *,
        text: str = "",
        pad: tuple[str, ...] | None = None,
        ok: tuple[str, str] | None = None,
    ) -> None:
        """`pad`: show a number pad for touch, with these keys beside the digits (e.g. '.', '%').
        `ok`: the OK button's label and the answer a tap on it gives (a confirmation that a
        touch screen cannot type); Enter in the field still gives what was typed."""
        self.ok_means = ok[1] if ok else None
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
        self.ok_button = QPushButton(ok[0] if ok else self.tr("OK"))
        set_role(self.ok_button, "danger" if ok else "go")
        self.ok_button.setAccessibleName(self.tr("{0}: OK").format(title))
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("{0}: cancel").format(title))
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
        self.pad = NumberPad(self.field, extra=pad) if pad is not None else None
        if self.pad is not None:
            self.pad.setMinimumHeight(4 * 56)
            layout.addWidget(self.pad)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.ok_button.clicked.connect(lambda: self.submit(self.ok_means))
        self.field.returnPressed.connect(self.submit)
        cancel.clicked.connect(self.reject)
        self.field.setFocus()

    def submit(self, answer: str | None = None) -> None:
        reason = self.apply(self.field.text() if answer is None else answer)
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
