"""Windows sized to the screen they open on: a 15" till is 1024x768, a back office 1920x1080."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the window manager's title bar and borders, which the window's own size omits.
FRAME_ALLOWANCE = (16, 40)


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without panels and docks)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize a top-level window to `width` x `height`, or to what its screen has room for."""
    area = available_area(widget)
    room_w, room_h = area.width() - FRAME_ALLOWANCE[0], area.height() - FRAME_ALLOWANCE[1]
    widget.resize(max(1, min(width, room_w)), max(1, min(height, room_h)))
