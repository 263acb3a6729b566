"""The order list's filter bar: search, status, days, customer, till and the attention flag.

On a narrow screen (a 1024 px till) the bar takes two rows, so every field keeps a usable width.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pos_app.domain.numbers import LAST_DAY
from pos_app.domain.orders import OrderStatus
from pos_app.domain.users import Role
from pos_app.viewmodels.names import status_name
from pos_app.viewmodels.order_list import OrderListModel

SEARCH_DELAY_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the minimum of a date box, shown as "any day"


class DateBox(QDateEdit):
    """A day or "any day". Tab leaves the box (a plain QDateEdit moves between its year, month
    and day with Tab, and keeps Tab altogether while it shows "any day"); Delete sets "any day"."""

    def __init__(self, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setMaximumDate(QDate(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day))  # the stated range
        self.setSpecialValueText(self.tr("any day"))
        self.setDate(NO_DATE)
        self.setToolTip(self.tr("{0}; Delete: any day").format(tip))

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.setDate(NO_DATE)
            return
        super().keyPressEvent(event)

    def day(self) -> date | None:
        value = self.date()
        return None if value == NO_DATE else date(value.year(), value.month(), value.day())


def _group(*widgets: tuple[QWidget, int]) -> QWidget:
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in widgets:
        row.addWidget(widget, stretch)
    return group


class OrderFilters(QWidget):
    """Binds its fields to the list model's query; `clear()` puts every field back to "all"."""

    def __init__(self, model: OrderListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Order number or customer  (Ctrl+F, ↓ to the list)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for status in OrderStatus:
            self.status.addItem(status_name(status), status)
        self.since = DateBox(self.tr("first day (any day: no limit)"))
        self.until = DateBox(self.tr("last day (any day: no limit)"))
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("customer"))
        self.customer.setClearButtonEnabled(True)
        self.customer.setMinimumWidth(150)
        self.till = QLineEdit()
        self.till.setPlaceholderText(self.tr("till"))
        self.till.setMaximumWidth(80)
        self.attention = QCheckBox(self.tr("Needs attention"))
        self.attention.setObjectName("attentionFilter")
        self.attention.setToolTip(self.tr("Only orders a sync conflict flagged for a manager"))
        self.attention.setVisible(False)

        first = _group((self.search, 1), (self.status, 0), (self.attention, 0))
        second = _group(
            (QLabel(self.tr("from")), 0),
            (self.since, 0),
            (QLabel(self.tr("to")), 0),
            (self.until, 0),
            (self.customer, 1),
            (self.till, 0),
        )
        self.groups = (first, second)
        self.rows = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.addWidget(first, 3)
        self.rows.addWidget(second, 2)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.since.dateChanged.connect(lambda _d: self.model.set_since(self.since.day()))
        self.until.dateChanged.connect(lambda _d: self.model.set_until(self.until.day()))
        self.customer.editingFinished.connect(lambda: self.model.set_customer(self.customer.text()))
        self.till.editingFinished.connect(lambda: self.model.set_till(self.till.text()))
        self.attention.toggled.connect(self.model.set_attention)

    @property
    def one_row(self) -> bool:
        return self.rows.direction() is QBoxLayout.Direction.LeftToRight

    def search_now(self) -> None:
        """The search as typed so far, without waiting for the typing to stop."""
        self._debounce.stop()
        self.model.set_search(self.search.text())

    def set_role(self, role: Role) -> None:
        """Customers see their own orders only: filters by customer or till mean nothing to them."""
        staff = role is not Role.CUSTOMER
        self.customer.setVisible(staff)
        self.till.setVisible(staff)
        manager = role is Role.MANAGER
        if not manager:
            self.attention.setChecked(False)
        self.attention.setVisible(manager)
        self._arrange(self.width())

    def clear(self) -> None:
        """Every field back to "all orders", and the model's query with them (not reloaded)."""
        self._debounce.stop()
        fields: list[QWidget] = [self.search, self.status, self.since, self.until, self.customer]
        fields += [self.till, self.attention]
        for field in fields:
            field.blockSignals(True)
        try:
            for line in (self.search, self.customer, self.till):
                line.clear()
            self.status.setCurrentIndex(0)
            self.since.setDate(NO_DATE)
            self.until.setDate(NO_DATE)
            self.attention.setChecked(False)
        finally:
            for field in fields:
                field.blockSignals(False)
        self.model.reset_query()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def _arrange(self, width: int) -> None:
        """One row when every field fits at its minimum width, else two."""
        needed = sum(group.minimumSizeHint().width() for group in self.groups) + self.rows.spacing()
        direction = QBoxLayout.Direction.LeftToRight if width >= needed else QBoxLayout.Direction.TopToBottom
        if self.rows.direction() is not direction:
            self.rows.setDirection(direction)

    def _status_chosen(self) -> None:
        value = self.status.currentData()  # Qt hands the enum back as its text
        self.model.set_status(OrderStatus(value) if value else None)
