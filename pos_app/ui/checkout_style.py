"""Helpers for the till screens' look: their rules live in resources/style.qss, scoped to dialogs
marked till="true", so the one stylesheet governs the whole application."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

# A completer's list is a window of its own, out of reach of the till screens' rules: it gets
# the look of the till's lists (resources/style.qss) here.
TILL_POPUP_STYLE = (
    "QListView { font-size: 17px; color: #0f172a; background: #ffffff; border: 1px solid #c5cedb;"
    " selection-background-color: #dbeafe; selection-color: #0f172a; }"
    "QListView::item { padding: 8px 10px; }"
)


def apply_till_style(widget: QWidget) -> None:
    """Mark a till screen; resources/style.qss gives such screens their large touch look."""
    widget.setProperty("till", True)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def show_message(label: QLabel, text: str, *, error: bool) -> None:
    """Put a message in a message label and restyle it (error red, info green, blank none)."""
    label.setProperty("message", ("error" if error else "info") if text else "none")
    label.setText(text)
    label.setAccessibleDescription(text)
    label.style().unpolish(label)
    label.style().polish(label)


def set_role(widget: QWidget, role: str) -> None:
    widget.setProperty("role", role)


def till_button(text: str, name: str, role: str = "") -> QPushButton:
    """A large button with an accessible name that Enter in a field never presses by default."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setAutoDefault(False)
    if role:
        set_role(button, role)
    return button
