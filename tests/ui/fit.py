"""Does a window fit a till's screen? Opened at a size (1024x768 is the commonest till), every
visible widget must lie inside it and be at least as wide as its text needs."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

TILL_SCREENS = ((1024, 768), (1280, 800))
MIN_TOUCH_PX = 44  # the smallest comfortable touch target


def open_at(qtbot: QtBot, window: QWidget, width: int, height: int) -> None:
    """Show `window` as a screen of that size would: no larger than the screen."""
    window.resize(width, height)  # a layout that needs more grows past it: fit_problems says so
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(10)


def fit_problems(window: QWidget, width: int, height: int) -> list[str]:
    """What a user of a `width` x `height` screen would see as broken: a window larger than the
    screen, widgets outside it, text cut short."""
    problems = []
    screen = QRect(0, 0, width, height)
    if window.width() > width or window.height() > height:
        problems.append(f"{_name(window)} is {window.width()}x{window.height()}, the screen {width}x{height}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or _scrolled(widget, window):
            continue
        place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not screen.contains(place) or not QRect(QPoint(0, 0), window.size()).contains(place):
            problems.append(f"{_name(widget)} lies off the screen or window ({_rect(place)})")
        needed = _text_width(widget)
        if needed and widget.width() < needed:
            problems.append(f"{_name(widget)} is {widget.width()} px wide but its text needs {needed}")
    return problems


def small_targets(window: QWidget, minimum: int = MIN_TOUCH_PX) -> list[str]:
    """Buttons a finger cannot hit reliably."""
    return [
        f"{_name(button)} is {button.width()}x{button.height()} px"
        for button in window.findChildren(QAbstractButton)
        if button.isVisibleTo(window)
        and not _scrolled(button, window)
        and (button.width() < minimum or button.height() < minimum)
    ]


def _text_width(widget: QWidget) -> int:
    metrics = widget.fontMetrics()
    if isinstance(widget, QAbstractButton) and widget.text():
        return metrics.horizontalAdvance(widget.text().replace("&", "")) + 8
    if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and not widget.pixmap():
        if widget.textFormat().name == "RichText" or "<" in widget.text():
            return 0  # rich text lays itself out
        return metrics.horizontalAdvance(widget.text().replace("&", ""))
    if isinstance(widget, QComboBox) and widget.currentText():
        return metrics.horizontalAdvance(widget.currentText())
    if isinstance(widget, QLineEdit):
        return 0  # typed text scrolls
    return 0


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """Inside a scroll area (or a list, table...) its own scrolling shows the rest."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QScrollArea, QAbstractScrollArea)) and parent is not widget:
            return True
        parent = parent.parentWidget()
    return False


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = text() if callable(text) else ""
    named = widget.objectName() or type(widget).__name__
    return f"{named} '{label}'" if isinstance(label, str) and label else named


def _rect(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"
