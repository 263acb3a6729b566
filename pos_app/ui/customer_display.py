"""The customer display: a window facing the customer, on a second screen (or, to try it, the
right half of the till's own screen). It shows the shop's name and a welcome while the till is
idle, the lines as they are scanned with the total, and what was paid and the change at the end.

One display per till window: the sale screen finds it on its parent window (or makes it there),
points it at its sale while open, and leaves it showing the welcome when it closes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.settings import DISPLAY_HALF, DISPLAY_OFF
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.customer_display import CustomerDisplayViewModel, DisplayMode
from pos_app.viewmodels.session import Session

log = logging.getLogger(__name__)

# Type sizes as parts of the window's height, so a 7" pole screen and a 24" monitor both read well.
SIZES = {"shop": 0.06, "welcome": 0.12, "line": 0.045, "total": 0.11, "change": 0.13, "small": 0.035}
STYLE = """
QWidget#customerDisplay {{ background: #0f172a; }}
#customerDisplay QLabel {{ color: #e2e8f0; font-size: {line}px; }}
#customerDisplay QLabel[muted="true"] {{ color: #94a3b8; font-size: {small}px; }}
#customerDisplay QLabel#displayShop {{ font-size: {shop}px; font-weight: 700; color: #ffffff; }}
#customerDisplay QLabel#displayWelcome {{ font-size: {welcome}px; font-weight: 800; color: #ffffff; }}
#customerDisplay QLabel#displayTotal {{ font-size: {total}px; font-weight: 800; color: #ffffff; }}
#customerDisplay QLabel#displayTotalName {{ font-size: {total}px; font-weight: 800; color: #ffffff; }}
#customerDisplay QLabel#displayChange {{ font-size: {change}px; font-weight: 800; color: #4ade80; }}
#customerDisplay QFrame#displayRule {{ background: #334155; max-height: 2px; min-height: 2px; }}
"""


def _label(name: str = "", *, muted: bool = False, align: Qt.AlignmentFlag | None = None) -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    if muted:
        label.setProperty("muted", True)
    if align is not None:
        label.setAlignment(align)
    return label


class CustomerDisplay(QWidget):
    def __init__(self, vm: CustomerDisplayViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.vm = vm
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle("Customer display")
        self.setAccessibleName("Customer display")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the till keeps the keyboard
        center, right = (
            Qt.AlignmentFlag.AlignCenter,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )
        self.shop = _label("displayShop", align=center)
        self.pages = QStackedWidget()

        idle = QWidget()
        self.welcome = _label("displayWelcome", align=center)
        self.idle_shop = _label("displayShop", align=center)
        idle_layout = QVBoxLayout(idle)
        idle_layout.addStretch(1)
        idle_layout.addWidget(self.welcome)
        idle_layout.addWidget(self.idle_shop)
        idle_layout.addStretch(1)

        sale = QWidget()
        self.lines_grid = QGridLayout()
        self.lines_grid.setColumnStretch(0, 1)
        self.lines_grid.setHorizontalSpacing(24)
        self.more = _label(muted=True)
        self.discount = _label(align=right)
        self.items = _label(muted=True)
        self.total = _label("displayTotal", align=right)
        total_name = _label("displayTotalName")
        total_name.setText("Total")
        rule = QFrame()
        rule.setObjectName("displayRule")
        total_row = QHBoxLayout()
        total_row.addWidget(total_name)
        total_row.addWidget(self.items, 0, Qt.AlignmentFlag.AlignBottom)
        total_row.addStretch(1)
        total_row.addWidget(self.total)
        sale_layout = QVBoxLayout(sale)
        sale_layout.addWidget(self.more)
        sale_layout.addLayout(self.lines_grid)
        sale_layout.addStretch(1)
        sale_layout.addWidget(self.discount)
        sale_layout.addWidget(rule)
        sale_layout.addLayout(total_row)

        paid = QWidget()
        self.thanks = _label("displayWelcome", align=center)
        self.thanks.setText("Thank you")
        self.paid_total = _label(align=center)
        self.paid = _label(align=center)
        self.change = _label("displayChange", align=center)
        paid_layout = QVBoxLayout(paid)
        paid_layout.addStretch(1)
        for widget in (self.thanks, self.paid_total, self.paid, self.change):
            paid_layout.addWidget(widget)
        paid_layout.addStretch(1)

        for page in (idle, sale, paid):
            self.pages.addWidget(page)
        self._page = {DisplayMode.IDLE: idle, DisplayMode.SALE: sale, DisplayMode.PAID: paid}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.shop)
        layout.addWidget(self.pages, 1)
        self._line_labels: list[QLabel] = []
        vm.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        vm = self.vm
        mode = vm.mode
        self.shop.setText(vm.shop_name)
        self.shop.setVisible(mode is not DisplayMode.IDLE)
        self.welcome.setText(vm.welcome)
        self.idle_shop.setText(vm.shop_name)
        self.pages.setCurrentWidget(self._page[mode])
        for label in self._line_labels:
            self.lines_grid.removeWidget(label)
            label.deleteLater()
        self._line_labels = []
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, line in enumerate(vm.lines):
            name = _label()
            name.setText(line.name)
            name.setWordWrap(True)
            qty = _label(muted=True, align=right)
            qty.setText(line.qty)
            total = _label(align=right)
            total.setText(line.total)
            for column, label in enumerate((name, qty, total)):
                self.lines_grid.addWidget(label, row, column)
                self._line_labels.append(label)
        self.more.setText(f"… and {vm.more_lines} more above" if vm.more_lines else "")
        self.more.setVisible(bool(vm.more_lines))
        self.discount.setText(f"Discount {vm.discount}" if vm.discount else "")
        self.discount.setVisible(bool(vm.discount))
        self.items.setText(vm.items)
        self.total.setText(vm.total)
        self.paid_total.setText(f"Total {vm.total}" if mode is DisplayMode.PAID else "")
        self.paid.setText(f"Paid {vm.paid}" if vm.paid else "")
        self.change.setText(f"Change {vm.change}" if vm.change else "")
        self.change.setVisible(bool(vm.change))

    def resizeEvent(self, event: QResizeEvent) -> None:
        height = max(event.size().height(), 240)
        self.setStyleSheet(STYLE.format(**{k: max(int(height * v), 12) for k, v in SIZES.items()}))
        super().resizeEvent(event)


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
