"""The customer display: a window facing the customer, on a second screen (or, to try it, the
right half of the till's own screen). It shows the shop's name and a welcome while the till is
idle, the lines as they are scanned with the total, and what was paid and the change at the end.

Where it goes and which sale it follows: ui/display_link.py.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.viewmodels.customer_display import CustomerDisplayViewModel, DisplayMode

MARGIN = 32

# Type sizes as parts of the window's height (or of its width, on a narrow or upright screen), so
# a 7" pole screen and a 24" monitor both read well; a line too long for the width is set smaller.
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
        self.setWindowTitle(self.tr("Customer display"))
        self.setAccessibleName(self.tr("Customer display"))
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
        total_name.setText(self.tr("Total"))
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
        self.thanks.setText(self.tr("Thank you"))
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
        self._sizes: dict[str, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 24, MARGIN, 24)
        layout.addWidget(self.shop)
        layout.addWidget(self.pages, 1)
        self._line_labels: list[QLabel] = []
        vm.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        vm = self.vm
        mode = vm.mode
        # The texts first, sized to fit, and only then shown: a label shown too wide for the
        # window would make it grow past its screen.
        self.shop.setText(vm.shop_name)
        self.welcome.setText(vm.welcome)
        self.idle_shop.setText(vm.shop_name)
        self.total.setText(vm.total)
        self.change.setText(self.tr("Change {0}").format(vm.change) if vm.change else "")
        self._fit_lines()
        self.shop.setVisible(mode is not DisplayMode.IDLE)
        self.pages.setCurrentWidget(self._page[mode])
        self._show_lines()
        self.more.setText(self.tr("… and {0} more above").format(vm.more_lines) if vm.more_lines else "")
        self.more.setVisible(bool(vm.more_lines))
        self.discount.setText(self.tr("Discount {0}").format(vm.discount) if vm.discount else "")
        self.discount.setVisible(bool(vm.discount))
        self.items.setText(vm.items)
        self.paid_total.setText(self.tr("Total {0}").format(vm.total) if mode is DisplayMode.PAID else "")
        self.paid.setText(self.tr("Paid {0}").format(vm.paid) if vm.paid else "")
        self.change.setVisible(bool(vm.change))

    def _show_lines(self) -> None:
        for label in self._line_labels:
            self.lines_grid.removeWidget(label)
            label.hide()  # deleteLater alone leaves it on screen until the event loop runs
            label.deleteLater()
        self._line_labels = []
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, line in enumerate(self.vm.lines):
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        scale = max(min(size.height(), size.width() * 3 // 4), 240)
        self._sizes = {k: max(int(scale * v), 12) for k, v in SIZES.items()}
        self.setStyleSheet(STYLE.format(**self._sizes))
        super().resizeEvent(event)
        self._fit_lines()

    def _fit_lines(self) -> None:
        """The one-line texts (shop, welcome, total, change) made smaller where they would not fit."""
        room = (self.width() - 2 * MARGIN) * 19 // 20  # a little slack for the style's rounding
        for label, kind in (
            (self.shop, "shop"),
            (self.idle_shop, "shop"),
            (self.welcome, "welcome"),
            (self.thanks, "welcome"),
            (self.total, "total"),
            (self.change, "change"),
        ):
            px = self._sizes.get(kind, 0)
            font = QFont(label.font())
            font.setPixelSize(max(px, 1))
            font.setWeight(QFont.Weight.ExtraBold)  # as the style sets them (it may not be applied yet)
            needed = QFontMetrics(font).horizontalAdvance(label.text())
            room_here = room * 3 // 5 if kind == "total" else room  # the total sits beside "Total"
            fitted = px if needed <= room_here or not needed else max(px * room_here // needed, 12)
            label.setStyleSheet(f"font-size: {fitted}px;" if fitted != px else "")
