"""Where this till's customer display goes, and which sale it follows: one display per till
window; the sale screen finds it on its parent window (or makes it there), points it at its sale
while open, and leaves it showing the welcome when it closes."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from pos_app.domain.settings import DISPLAY_HALF, DISPLAY_OFF
from pos_app.ui.customer_display import CustomerDisplay
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.customer_display import CustomerDisplayViewModel
from pos_app.viewmodels.session import Session

log = logging.getLogger(__name__)


def place(display: CustomerDisplay, choice: str, beside: QWidget) -> bool:
    """Show the display where the till's setting says; False (hidden) when off or not connected."""
    screens = QGuiApplication.screens()
    if choice == DISPLAY_HALF:
        room = (beside.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        display.setGeometry(
            room.x() + room.width() // 2, room.y(), room.width() - room.width() // 2, room.height()
        )
        display.show()
        return True
    if choice == DISPLAY_OFF or not choice.isdigit():
        display.hide()
        return False
    number = int(choice)
    if number > len(screens):
        log.info("customer display: screen %s is not connected (%s screens)", number, len(screens))
        display.hide()
        return False
    screen = screens[number - 1]
    display.setScreen(screen)
    display.setGeometry(screen.geometry())
    display.showFullScreen()
    return True


class DisplayLink:
    """Ties the sale screen to its till's customer display for as long as it is open."""

    def __init__(self, session: Session, sale: CheckoutViewModel, screen: QDialog) -> None:
        self.session = session
        self.sale = sale
        self.screen = screen
        self.display: CustomerDisplay | None = None
        session.settings_changed.connect(self.update)
        screen.finished.connect(self.close)
        self.update()

    def update(self) -> None:
        """Follow the till's setting: show the display where chosen, or put it away."""
        choice = self.session.settings.customer_display
        host = self.screen.parentWidget() or self.screen
        display = self.display or host.findChild(
            CustomerDisplay, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        if display is None and choice == DISPLAY_OFF:
            return
        if display is None:
            display = CustomerDisplay(CustomerDisplayViewModel(self.session), host)
        self.display = display
        if place(display, choice, self.screen):
            if display.vm.sale is not self.sale:
                display.vm.follow(self.sale)
        else:
            display.vm.stop()

    def close(self) -> None:
        """The sale screen closed: the display says welcome again."""
        self.session.settings_changed.disconnect(self.update)
        if self.display is not None:
            self.display.vm.stop()
